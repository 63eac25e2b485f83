# to_thread, run_in_executor (default and explicit executors), call_soon_threadsafe
# from another thread, run_coroutine_threadsafe.
import asyncio, time, threading
def blocking(x):
    time.sleep(0.05)
    return x * 2, threading.current_thread().name.startswith('asyncio')
async def main():
    print(await asyncio.to_thread(blocking, 21))
    loop = asyncio.get_running_loop()
    r = await asyncio.gather(*(loop.run_in_executor(None, blocking, i) for i in range(3)))
    print(r)
    fut = loop.create_future()
    def other():
        time.sleep(0.02)
        loop.call_soon_threadsafe(fut.set_result, 'from thread')
    threading.Thread(target=other).start()
    print(await fut)
    import concurrent.futures
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        print(await loop.run_in_executor(ex, blocking, 5))
asyncio.run(main())
def in_thread(loop):
    f = asyncio.run_coroutine_threadsafe(asyncio.sleep(0.01, 'rct'), loop)
    print(f.result())
async def m2():
    loop = asyncio.get_running_loop()
    await asyncio.to_thread(in_thread, loop)
asyncio.run(m2())
