# loop.add_signal_handler/remove_signal_handler: the callback runs in the
# loop (not inside the process-level handler) with its arguments, each time
# the signal arrives, also while the loop waits in epoll; removing restores
# the default handler; errors for bad signals and callbacks; loop.close()
# removes the handlers; asyncio.run's Ctrl-C handling still works after.
import asyncio
import os
import signal
import threading


async def main():
    loop = asyncio.get_running_loop()
    got = asyncio.Queue()

    def on_signal(name, value):
        running = asyncio.get_running_loop() is loop
        got.put_nowait((name, value, running))

    loop.add_signal_handler(signal.SIGUSR1, on_signal, 'usr1', 1)
    loop.add_signal_handler(signal.SIGUSR2, on_signal, 'usr2', 2)
    print('handler installed:', signal.getsignal(signal.SIGUSR1) not in (signal.SIG_DFL, None))
    os.kill(os.getpid(), signal.SIGUSR1)
    print('callback ran synchronously:', not got.empty())
    print(await asyncio.wait_for(got.get(), 5))
    # Raised while the loop is blocked waiting for I/O.
    loop.call_later(0.05, os.kill, os.getpid(), signal.SIGUSR2)
    print(await asyncio.wait_for(got.get(), 5))
    os.kill(os.getpid(), signal.SIGUSR1)
    print(await asyncio.wait_for(got.get(), 5))

    # A new handler for the same signal replaces the old one.
    loop.add_signal_handler(signal.SIGUSR1, on_signal, 'replaced', 3)
    os.kill(os.getpid(), signal.SIGUSR1)
    print(await asyncio.wait_for(got.get(), 5))

    print('removed:', loop.remove_signal_handler(signal.SIGUSR1))
    print('removed again:', loop.remove_signal_handler(signal.SIGUSR1))
    print('restored:', signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)

    async def coro():
        pass

    for sig, cb in [(signal.SIGKILL, print), (0, print), (10_000, print),
                    ('SIGUSR1', print), (signal.SIGUSR1, coro), (signal.SIGUSR1, coro())]:
        try:
            loop.add_signal_handler(sig, cb)
        except (RuntimeError, ValueError, TypeError) as e:
            print(type(e).__name__ + ':', e)
        if asyncio.iscoroutine(cb):
            cb.close()

    def from_thread():
        try:
            loop.add_signal_handler(signal.SIGUSR1, print)
        except RuntimeError as e:
            print('from a thread: RuntimeError:', e)
    t = threading.Thread(target=from_thread)
    t.start()
    t.join()

    # SIGINT through the loop instead of asyncio.run's handler.
    loop.add_signal_handler(signal.SIGINT, on_signal, 'int', 4)
    os.kill(os.getpid(), signal.SIGINT)
    print(await asyncio.wait_for(got.get(), 5))
    loop.remove_signal_handler(signal.SIGINT)
    print('SIGINT back to default_int_handler:',
          signal.getsignal(signal.SIGINT) is signal.default_int_handler)


signal.signal(signal.SIGINT, signal.default_int_handler)
asyncio.run(main())

loop = asyncio.new_event_loop()
loop.add_signal_handler(signal.SIGUSR2, print)
loop.close()
print('close removes handlers:', signal.getsignal(signal.SIGUSR2) == signal.SIG_DFL)


async def interrupted():
    asyncio.get_running_loop().call_later(0.05, os.kill, os.getpid(), signal.SIGINT)
    try:
        await asyncio.sleep(5)
    finally:
        print('main task finally')

try:
    asyncio.run(interrupted())
except KeyboardInterrupt:
    print('KeyboardInterrupt from asyncio.run')
