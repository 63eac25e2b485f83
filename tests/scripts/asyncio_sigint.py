# asyncio.run and Ctrl-C: the first SIGINT cancels the main task, whose
# handlers and finally blocks run, then run() raises KeyboardInterrupt; a main
# task that swallows the cancellation returns normally; a second SIGINT while
# the task is still winding down interrupts at once.
import asyncio
import os
import signal


def interrupt_after(delay):
    asyncio.get_running_loop().call_later(delay, os.kill, os.getpid(), signal.SIGINT)


async def sleeper():
    interrupt_after(0.05)
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print('main task cancelled')
        raise
    finally:
        print('finally runs')


async def swallower():
    interrupt_after(0.05)
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print('cancellation swallowed')
    return 'returned normally'


async def stubborn():
    interrupt_after(0.05)
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print('first interrupt: cancelled, still busy')
        interrupt_after(0.05)
        await asyncio.sleep(5)
        print('not reached')


try:
    asyncio.run(sleeper())
except KeyboardInterrupt:
    print('KeyboardInterrupt from asyncio.run')
print('handler restored:', signal.getsignal(signal.SIGINT) is signal.default_int_handler)

print(asyncio.run(swallower()))

try:
    asyncio.run(stubborn())
except KeyboardInterrupt:
    print('second interrupt raised KeyboardInterrupt')
print('handler restored:', signal.getsignal(signal.SIGINT) is signal.default_int_handler)

with asyncio.Runner() as runner:
    try:
        runner.run(sleeper())
    except KeyboardInterrupt:
        print('Runner.run raised KeyboardInterrupt')
    print(runner.run(asyncio.sleep(0, 'runner still usable')))
