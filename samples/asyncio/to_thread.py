"""Blocking code in an asyncio program: run_in_executor() and to_thread().

Run: build/gilpy samples/asyncio/to_thread.py

A blocking call (time.sleep, a blocking socket, heavy hashing) made directly
in a coroutine stops the whole event loop.  Handing it to a thread keeps the
loop free for the other tasks.
"""
import asyncio
import concurrent.futures
import threading
import time


def blocking_io(name):
    time.sleep(0.05)
    return f"{name} read in {'main' if threading.current_thread() is threading.main_thread() else 'a worker'} thread"


async def heartbeat(beats):
    for _ in range(3):
        beats.append("beat")
        await asyncio.sleep(0.01)


async def main():
    beats = []
    # to_thread() runs a function in the default thread pool and awaits it.
    result, _ = await asyncio.gather(asyncio.to_thread(blocking_io, "file.txt"),
                                     heartbeat(beats))
    print(result, "| loop kept beating:", beats)

    # run_in_executor() does the same with an executor of your choice.
    loop = asyncio.get_running_loop()
    # The three calls wait for each other at a barrier: they must run at once.
    meeting = threading.Barrier(3)

    def rendezvous(part):
        meeting.wait(timeout=10)    # would raise BrokenBarrierError if run one by one
        return blocking_io(part)
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        results = await asyncio.gather(
            *(loop.run_in_executor(pool, rendezvous, f"part{i}") for i in range(3)))
        print(results)

    # Exceptions come back through the await.
    try:
        await asyncio.to_thread(int, "not a number")
    except ValueError as e:
        print("ValueError:", e)

    # Called blocking code can hand results back to the loop thread-safely.
    done = asyncio.Event()

    def from_thread():
        loop.call_soon_threadsafe(done.set)
    threading.Thread(target=from_thread).start()
    await done.wait()
    print("event set from another thread:", done.is_set())


asyncio.run(main())
