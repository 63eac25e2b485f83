# asyncio subprocesses with threads: an event loop per thread, each running
# children (their exits must reach the loop that started them), and
# blocking subprocess calls in to_thread beside async children.
import asyncio
import subprocess
import sys
import threading

PY = sys.executable


async def children(tag, n):
    async def one(i):
        p = await asyncio.create_subprocess_exec(
            PY, '-c', 'import sys; data = sys.stdin.read(); print(len(data), data[:8])',
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        out, _ = await p.communicate((f'{tag}:{i}:' * 5000).encode())
        return out.decode().split(), p.returncode
    return await asyncio.gather(*(one(i) for i in range(n)))


results = {}


def loop_thread(tag):
    results[tag] = asyncio.run(children(tag, 4))


threads = [threading.Thread(target=loop_thread, args=(f't{k}',)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for tag in sorted(results):
    print(tag, results[tag])


async def mixed():
    def blocking():
        return subprocess.run(['sh', '-c', 'sleep 0.2; echo blocking'], capture_output=True).stdout

    async def shell(i):
        p = await asyncio.create_subprocess_shell(f'sleep 0.1; echo async {i}',
                                                  stdout=asyncio.subprocess.PIPE)
        return (await p.communicate())[0]

    return await asyncio.gather(asyncio.to_thread(blocking), *(shell(i) for i in range(3)))


print(asyncio.run(mixed()))


# A process started by one loop and killed from another thread.
async def killed_from_thread():
    p = await asyncio.create_subprocess_exec('sleep', '30')
    t = threading.Timer(0.1, p.kill)
    t.start()
    code = await p.wait()
    t.join()
    return code


print(asyncio.run(killed_from_thread()))
