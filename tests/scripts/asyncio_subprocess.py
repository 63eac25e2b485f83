# asyncio's subprocess API: create_subprocess_exec/shell, Process,
# communicate, reading lines, writing stdin, wait, signals, errors and
# loop.subprocess_exec with a protocol of one's own.
import asyncio
import signal
import sys
from asyncio.subprocess import PIPE, STDOUT, DEVNULL

PY = sys.executable


async def basics():
    p = await asyncio.create_subprocess_exec('echo', 'hello', stdout=PIPE)
    print(type(p).__name__, repr(p) == f'<Process {p.pid}>')
    print(type(p.stdout).__name__, p.stdin, p.stderr)
    out, err = await p.communicate()
    print(out, err, p.returncode)

    p = await asyncio.create_subprocess_shell('echo to stdout; echo to stderr >&2; exit 3',
                                              stdout=PIPE, stderr=PIPE)
    print(await p.communicate(), p.returncode)

    p = await asyncio.create_subprocess_shell('echo merged; echo err >&2', stdout=PIPE,
                                              stderr=STDOUT)
    out, err = await p.communicate()
    print(sorted(out.split()), err)

    p = await asyncio.create_subprocess_exec('cat', stdin=DEVNULL, stdout=PIPE)
    print('devnull:', await p.communicate())
    p = await asyncio.create_subprocess_exec('true')
    print('no pipes:', await p.communicate(), await p.wait(), p.returncode)


async def pipes():
    # Input and output of a megabyte each, on stdout and stderr together.
    data = bytes(range(256)) * 4096
    p = await asyncio.create_subprocess_shell('tee /dev/stderr', stdin=PIPE, stdout=PIPE,
                                              stderr=PIPE)
    out, err = await p.communicate(data)
    print(len(out), out == data, err == data, p.returncode)

    # Line by line while the child runs.
    code = 'import sys\nfor i in range(4):\n    print("line", i, flush=True)\nsys.exit(2)'
    p = await asyncio.create_subprocess_exec(PY, '-c', code, stdout=PIPE)
    lines = []
    while True:
        line = await p.stdout.readline()
        if not line:
            break
        lines.append(line)
    print(lines, await p.wait())

    p = await asyncio.create_subprocess_exec(PY, '-c', 'print("a"); print("b")', stdout=PIPE)
    print([line async for line in p.stdout], await p.wait())

    # A dialogue: write a line, read its answer.
    code = 'import sys\nfor line in sys.stdin:\n    print(line.strip()[::-1], flush=True)'
    p = await asyncio.create_subprocess_exec(PY, '-c', code, stdin=PIPE, stdout=PIPE)
    for word in (b'stressed', b'drawer', b'live'):
        p.stdin.write(word + b'\n')
        await p.stdin.drain()
        print(await p.stdout.readline())
    p.stdin.close()
    print(await p.stdout.read(), await p.wait())

    p = await asyncio.create_subprocess_exec('cat', stdin=PIPE, stdout=PIPE)
    p.stdin.write(b'abc')
    p.stdin.write_eof()
    print(await p.stdout.read(), await p.wait())

    # The child exits without reading: communicate's input is dropped.
    p = await asyncio.create_subprocess_exec('true', stdin=PIPE, stdout=PIPE)
    print(await p.communicate(b'x' * (1 << 20)))

    p = await asyncio.create_subprocess_exec(PY, '-c', 'import sys; sys.stdout.write("z" * 200000)',
                                             stdout=PIPE)
    print(len(await p.stdout.readexactly(150000)), len(await p.stdout.read()), await p.wait())


async def signals_and_errors():
    p = await asyncio.create_subprocess_exec('sleep', '30')
    p.kill()
    print('kill:', await p.wait(), p.returncode)
    p = await asyncio.create_subprocess_exec('sleep', '30')
    p.terminate()
    print('terminate:', await p.wait())
    p = await asyncio.create_subprocess_exec('sleep', '30')
    p.send_signal(signal.SIGINT)
    print('SIGINT:', await p.wait())
    try:
        p.kill()  # exited: its transport is closed
    except ProcessLookupError as e:
        print('ProcessLookupError', e.args)
    print(await p.wait())

    p = await asyncio.create_subprocess_exec('sleep', '30')
    try:
        await asyncio.wait_for(p.wait(), 0.3)
    except asyncio.TimeoutError:
        print('wait_for timed out, still running:', p.returncode is None)
    p.kill()
    print(await p.wait())

    try:
        await asyncio.create_subprocess_exec('nosuchprog', stdout=PIPE)
    except FileNotFoundError as e:
        print(type(e).__name__, e)
    try:
        await asyncio.create_subprocess_exec('ls', cwd='/nonexistent_dir')
    except FileNotFoundError as e:
        print(e)
    loop = asyncio.get_running_loop()
    for kw in ({'universal_newlines': True}, {'bufsize': 1}, {'text': True},
               {'encoding': 'utf-8'}, {'errors': 'strict'}):
        try:
            await asyncio.create_subprocess_exec('true', **kw)
        except ValueError as e:
            print('ValueError:', e)
    try:
        await asyncio.create_subprocess_shell(['echo'])
    except ValueError as e:
        print('ValueError:', e)
    try:
        await loop.subprocess_exec(asyncio.SubprocessProtocol, 'true', shell=True)
    except ValueError as e:
        print('ValueError:', e)

    p = await asyncio.create_subprocess_exec(PY, '-c', 'import os; print(os.environ["X"], os.getcwd())',
                                             stdout=PIPE, env={'X': 'from env'}, cwd='/')
    print(await p.communicate())


class Recorder(asyncio.SubprocessProtocol):
    def __init__(self, done):
        self.done = done
        self.events = []
        self.data = {1: b'', 2: b''}

    def connection_made(self, transport):
        self.events.append('connection_made')
        self.transport = transport

    def pipe_data_received(self, fd, data):
        self.data[fd] += data

    def pipe_connection_lost(self, fd, exc):
        self.events.append(('pipe_connection_lost', fd, exc))

    def process_exited(self):
        self.events.append('process_exited')

    def connection_lost(self, exc):
        self.events.append(('connection_lost', exc))
        self.done.set_result(None)


async def protocol():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    transport, proto = await loop.subprocess_exec(
        lambda: Recorder(done), 'sh', '-c', 'read x; echo got $x; echo warn >&2; exit 4')
    print(type(transport).__name__, transport.get_pid() > 0, transport.get_returncode())
    stdin = transport.get_pipe_transport(0)
    stdin.write(b'value\n')
    stdin.close()
    await done
    print(proto.events[0], proto.events[-1], sorted(map(str, proto.events[1:-1])))
    print(proto.data, transport.get_returncode(), transport.is_closing())
    print(transport.get_pipe_transport(1).is_closing())
    transport.close()

    done = loop.create_future()
    transport, proto = await loop.subprocess_shell(lambda: Recorder(done), 'echo shell',
                                                   stdin=None, stderr=DEVNULL)
    await done
    print(proto.data, transport.get_returncode(), transport.get_pipe_transport(0))


async def concurrently():
    async def one(i):
        p = await asyncio.create_subprocess_exec(PY, '-c', f'print({i} * {i})', stdout=PIPE)
        out, _ = await p.communicate()
        return int(out), p.returncode
    print(await asyncio.gather(*(one(i) for i in range(10))))


async def main():
    await basics()
    await pipes()
    await signals_and_errors()
    await protocol()
    await concurrently()
    print(sorted(n for n in ('create_subprocess_exec', 'create_subprocess_shell', 'SubprocessProtocol')
                 if n in asyncio.__all__))
    print(asyncio.subprocess.PIPE, asyncio.subprocess.STDOUT, asyncio.subprocess.DEVNULL)


asyncio.run(main())
