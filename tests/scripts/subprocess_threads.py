# subprocess from several threads: children started concurrently keep their
# own pipes, waiting releases the GIL, two threads may wait for one child.
import subprocess
import sys
import threading

PY = sys.executable

# Eight threads, each starting children that echo their input back; every
# thread must get exactly its own data.
results = {}
errors = []


def worker(n):
    try:
        got = []
        for k in range(6):
            tag = f'{n}-{k}'
            if k % 2:
                r = subprocess.run(['cat'], input=tag.encode() * 1000, capture_output=True)
                got.append(r.stdout == tag.encode() * 1000 and r.returncode == 0)
            else:
                out = subprocess.check_output([PY, '-c', 'import sys; print(sys.argv[1])', tag],
                                              text=True)
                got.append(out == tag + '\n')
        results[n] = got
    except Exception as e:  # reported below
        errors.append(repr(e))


threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('errors:', errors)
print(sorted(results))
print(all(all(v) for v in results.values()), sum(len(v) for v in results.values()))

# Another thread keeps running while this one waits for a child: in wait(),
# in communicate() and in a blocking read.
def count_while_blocked(block):
    stop = threading.Event()
    ticks = [0]

    def spin():
        while not stop.is_set():
            ticks[0] += 1

    t = threading.Thread(target=spin)
    t.start()
    result = block()
    stop.set()
    t.join()
    return result, ticks[0] > 0


print(count_while_blocked(lambda: subprocess.Popen(['sleep', '0.3']).wait()))
print(count_while_blocked(lambda: subprocess.run(['sh', '-c', 'sleep 0.3; echo done'],
                                                 capture_output=True).stdout))
p = subprocess.Popen(['sh', '-c', 'sleep 0.3; echo read'], stdout=subprocess.PIPE)
print(count_while_blocked(p.stdout.read), p.wait())
p.stdout.close()

# Two threads waiting for the same child see the same status.
p = subprocess.Popen(['sh', '-c', 'sleep 0.2; exit 5'])
codes = []
waiters = [threading.Thread(target=lambda: codes.append(p.wait())) for _ in range(2)]
for t in waiters:
    t.start()
codes.append(p.wait())
for t in waiters:
    t.join()
print(codes)

# A thread waits with a timeout while another kills the child.
p = subprocess.Popen(['sleep', '30'])
timer = threading.Timer(0.2, p.kill)
timer.start()
print(p.wait(timeout=20))
timer.join()

# communicate in one thread per child, all at once, each with large output.
outs = [None] * 4


def big(i):
    r = subprocess.run([PY, '-c', 'import sys; sys.stdout.write(sys.argv[1] * 300000); '
                        'sys.stderr.write(sys.argv[1] * 200000)', str(i)], capture_output=True)
    outs[i] = (len(r.stdout), len(r.stderr), set(r.stdout.decode()), r.returncode)


ts = [threading.Thread(target=big, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for o in outs:
    print(o)
