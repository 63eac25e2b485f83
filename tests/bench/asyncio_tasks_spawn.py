# Create and gather 100 000 tasks that each yield once to the event loop.
import asyncio


async def child(i):
    await asyncio.sleep(0)
    return i


async def main():
    results = await asyncio.gather(*[asyncio.create_task(child(i)) for i in range(100_000)])
    print("tasks:", len(results))
    print("sum ok:", sum(results) == 100_000 * 99_999 // 2)


asyncio.run(main())
