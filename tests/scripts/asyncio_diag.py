# Diagnostics on stderr: a task's unretrieved exception, an exception in a
# callback, print_stack, and the loop's exception handler.
import asyncio
import sys


async def raise_error():
    raise Exception('lost')


def bad_callback():
    raise ZeroDivisionError('in callback')


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(raise_error())
    await asyncio.sleep(0.01)
    t.print_stack(file=sys.stdout)
    t = None
    await asyncio.sleep(0.01)

    def handler(loop, context):
        print('handler got:', context['message'], repr(context.get('exception')))
    loop.set_exception_handler(handler)
    loop.call_soon(bad_callback)
    await asyncio.sleep(0.01)
    loop.set_exception_handler(None)


asyncio.run(main())
print('done')
