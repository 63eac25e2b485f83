"""Cancelling tasks: CancelledError is raised at the task's current await.

Run: build/gilpy samples/asyncio/cancellation.py
"""
import asyncio


async def worker(log, busy):
    try:
        while True:
            log.append("working")
            if len(log) == 3:
                busy.set()          # tell main that three rounds have run
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        log.append("cancelled: cleaning up")
        await asyncio.sleep(0)      # cleanup may still await
        raise                       # re-raise so the task ends as cancelled
    finally:
        log.append("finally runs too")


async def main():
    log = []
    busy = asyncio.Event()
    task = asyncio.create_task(worker(log, busy))
    await busy.wait()               # the worker runs 3 rounds meanwhile
    print("cancel() asks:", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting a cancelled task raises CancelledError")
    print("cancelled:", task.cancelled(), "done:", task.done())
    print(log)

    # A finished task cannot be cancelled any more.
    done = asyncio.create_task(asyncio.sleep(0, "result"))
    await done
    print("cancel a finished task:", done.cancel(), done.result())

    # A cancel message travels with the exception.
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError as e:
        print("message:", e.args)

    # A task may refuse by swallowing CancelledError (rarely a good idea).
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "ignored the cancel"
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    task.cancel()
    print(await task, "| cancelled:", task.cancelled())

    # CancelledError is a BaseException, so `except Exception` does not catch it.
    print("BaseException only:", not issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
