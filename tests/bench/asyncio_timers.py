# 10 000 tasks each sleep a seeded random 0-0.2 s; they all share one event
# loop, so the whole run should take little more than 0.2 s.  The time bound
# printed is deliberately generous so a loaded machine still meets it.
import asyncio
import random
import time

random.seed(12345)
DELAYS = [random.random() * 0.2 for _ in range(10_000)]


async def sleeper(d):
    await asyncio.sleep(d)
    return 1


async def main():
    t0 = time.perf_counter()
    done = sum(await asyncio.gather(*[sleeper(d) for d in DELAYS]))
    elapsed = time.perf_counter() - t0
    print("woke:", done)
    print("within 1.0 s:", elapsed <= 1.0)


asyncio.run(main())
