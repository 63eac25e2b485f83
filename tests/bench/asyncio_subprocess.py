# 200 asyncio children, 20 at a time, each fed input and read back.
import asyncio


async def one(i, sem):
    async with sem:
        p = await asyncio.create_subprocess_exec(
            'cat', stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        out, _ = await p.communicate(str(i).encode() * 1000)
        return len(out), p.returncode


async def main():
    sem = asyncio.Semaphore(20)
    res = await asyncio.gather(*(one(i, sem) for i in range(200)))
    print(sum(n for n, _ in res), set(rc for _, rc in res))


asyncio.run(main())
