# Start 300 short children capturing their output, then push 32 MB through
# cat while reading its stdout and stderr at once.
import subprocess

total = 0
for i in range(300):
    r = subprocess.run(['echo', str(i)], capture_output=True, text=True)
    total += int(r.stdout)
print(total)
data = bytes(range(256)) * (1 << 17)
r = subprocess.run(['sh', '-c', 'cat; echo done >&2'], input=data, capture_output=True)
print(len(r.stdout), r.stdout == data, r.stderr)
