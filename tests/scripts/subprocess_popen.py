# subprocess.Popen: pipes both ways, large output on stdout and stderr at
# once, communicate and wait timeouts, poll, signals, the context manager.
import os
import signal
import subprocess
import sys
import time

PY = sys.executable
MB = 1024 * 1024

# One megabyte on stdout and on stderr at once: communicate must read both
# while the child writes (a child blocked on a full stderr pipe never
# finishes its stdout).
code = ('import sys\n'
        'for i in range(16):\n'
        '    sys.stdout.write("o" * 65536)\n'
        '    sys.stderr.write("e" * 65536)\n')
p = subprocess.Popen([PY, '-c', code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate()
print(len(out), len(err), out == b'o' * MB, err == b'e' * MB, p.returncode)

# Large input while the child echoes it on stdout and stderr.
data = bytes(range(256)) * 8192
p = subprocess.Popen(['sh', '-c', 'tee /dev/stderr'], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(data)
print(len(data), out == data, err == data, p.returncode)

# Text mode through pipes; line-buffered stdin.
p = subprocess.Popen([PY, '-c', 'import sys\nfor line in sys.stdin:\n    print(line.strip().upper(), flush=True)'],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
print(type(p.stdin).__name__, type(p.stdout).__name__, p.text_mode, p.universal_newlines)
for word in ('alpha', 'beta', 'gamma'):
    p.stdin.write(word + '\n')
    print(repr(p.stdout.readline()))
p.stdin.close()
print(repr(p.stdout.read()), p.wait())
p.stdout.close()

# Unbuffered pipes: each write reaches the child at once, in text and in
# binary mode.
for text in (True, False):
    p = subprocess.Popen([PY, '-c', 'import sys; print(sys.stdin.readline().upper(), end="")'],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=text, bufsize=0)
    p.stdin.write('hello\n' if text else b'hello\n')
    print(repr(p.stdout.readline()))
    p.stdin.close()
    p.stdout.close()
    p.wait()

# Binary pipe objects.
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(type(p.stdin).__name__, type(p.stdout).__name__)
p.stdin.write(b'line one\nline two\n')
p.stdin.close()
print(p.stdout.readline(), p.stdout.read())
p.stdout.close()
print(p.wait(), p.returncode, p.poll())

# communicate with one pipe, with none, and with input in text mode.
p = subprocess.Popen(['echo', 'only stdout'], stdout=subprocess.PIPE)
print(p.communicate())
p = subprocess.Popen(['sh', '-c', 'echo only stderr >&2'], stderr=subprocess.PIPE)
print(p.communicate())
p = subprocess.Popen(['true'])
print(p.communicate(), p.returncode)
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     universal_newlines=True)
print(p.communicate('text in\r\n'))
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE)
print(p.communicate(b''))
# A child that exits without reading its input: the broken pipe is ignored.
p = subprocess.Popen(['true'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b'x' * MB))

# communicate timeout: the output read so far is in the exception and a
# second communicate goes on from there.
p = subprocess.Popen([PY, '-c', 'import time; print("early", flush=True); time.sleep(30)'],
                     stdout=subprocess.PIPE)
try:
    p.communicate(timeout=2)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, str(e).replace(PY, 'PY'), e.timeout, e.output, e.stdout, e.stderr)
p.kill()
out, err = p.communicate()
print('after timeout:', out, err, p.returncode)
try:
    p.communicate(b'more')
except ValueError as e:
    print(e)

# wait timeout, poll, kill.
p = subprocess.Popen(['sleep', '30'])
print(p.poll(), p.returncode)
try:
    p.wait(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(e)
p.kill()
print(p.wait(), p.poll(), p.returncode)
p.kill()  # reaped already: nothing happens
p.send_signal(signal.SIGTERM)
print(repr(p))

p = subprocess.Popen(['sleep', '30'])
p.terminate()
print('terminate:', p.wait())
p = subprocess.Popen(['sleep', '30'])
p.send_signal(signal.SIGINT)
print('SIGINT:', p.wait())
p = subprocess.Popen([PY, '-c', 'import time; time.sleep(30)'], start_new_session=True)
os.killpg(p.pid, signal.SIGKILL)
print('killpg:', p.wait())

# A signal the child handles.
code = ('import signal, sys, time\n'
        'def h(n, f):\n'
        '    print("got", n, flush=True)\n'
        '    sys.exit(3)\n'
        'signal.signal(signal.SIGUSR1, h)\n'
        'print("ready", flush=True)\n'
        'time.sleep(30)\n')
p = subprocess.Popen([PY, '-c', code], stdout=subprocess.PIPE, text=True)
print(p.stdout.readline().strip())
p.send_signal(signal.SIGUSR1)
print(p.stdout.read().strip(), p.wait())
p.stdout.close()

# Ctrl-C while waiting for a child that ignores SIGINT: the wait gives up
# after a short grace period instead of hanging.
interrupter = ['sh', '-c', 'trap "" INT; read x; kill -INT $PPID; sleep 10']
p = subprocess.Popen(interrupter, stdin=subprocess.PIPE)
start = time.monotonic()
try:
    p.stdin.write(b'go\n')
    p.stdin.flush()
    p.wait()
except KeyboardInterrupt:
    print('KeyboardInterrupt in wait', p.returncode, time.monotonic() - start < 5)
p.kill()
print(p.wait())
start = time.monotonic()
try:
    with subprocess.Popen(interrupter, stdin=subprocess.PIPE) as p:
        p.stdin.write(b'go\n')
        p.stdin.flush()
        p.communicate()
except KeyboardInterrupt:
    print('KeyboardInterrupt in communicate', p.returncode, time.monotonic() - start < 5)
p.kill()
print(p.wait())

# run() with a timeout kills the child.
start = time.monotonic()
try:
    subprocess.run(['sleep', '30'], timeout=0.3, capture_output=True)
except subprocess.TimeoutExpired as e:
    print('run timeout:', e.cmd, e.output, e.stderr, time.monotonic() - start < 10)
try:
    subprocess.call(['sleep', '30'], timeout=0.3)
except subprocess.TimeoutExpired as e:
    print(e)
try:
    subprocess.check_output(['sh', '-c', 'echo before; sleep 30'], timeout=1)
except subprocess.TimeoutExpired as e:
    print('check_output timeout:', e.output)

# The context manager closes the pipes and waits.
with subprocess.Popen(['sh', '-c', 'echo in with; exit 6'], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)
try:
    with subprocess.Popen(['sleep', '0.1']) as p:
        raise KeyError('inside')
except KeyError as e:
    print('KeyError', e, p.returncode)

# Start failures leave no pipe behind.
before = len(os.listdir('/proc/self/fd'))
for i in range(5):
    try:
        subprocess.Popen(['nosuchprog'], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    except FileNotFoundError:
        pass
print('descriptors leaked:', len(os.listdir('/proc/self/fd')) - before)

# preexec_fn runs in the child after the redirections.
p = subprocess.run(['echo', 'then exec'], capture_output=True,
                   preexec_fn=lambda: os.write(1, b'preexec\n'))
print(p.stdout)
try:
    subprocess.run(['true'], preexec_fn=lambda: 1 / 0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

print(subprocess.Popen.__name__, subprocess.Popen[bytes], subprocess.CompletedProcess[str])
p = subprocess.Popen(['echo', 'x' * 100], stdout=subprocess.DEVNULL)
p.wait()
print(repr(p))
