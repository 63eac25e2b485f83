# A task still pending at exit is reported as destroyed, as CPython's
# teardown does (the loop was neither run to the end nor closed).
import asyncio
async def forever():
    await asyncio.sleep(100)
async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(0)
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print('exit')
