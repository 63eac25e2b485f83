# contextvars under asyncio: each task runs in its own copy of the context
# it was created in, callbacks in the context they were scheduled from.
import asyncio
import contextvars
import threading

request_id = contextvars.ContextVar('request_id', default='-')
log = []


def note(what):
    log.append(f'{what}: {request_id.get()}')


async def handler(n):
    request_id.set(f'req-{n}')
    note(f'handler {n} start')
    await asyncio.sleep(0.01 * (3 - n))
    note(f'handler {n} after sleep')
    await helper(n)
    return request_id.get()


async def helper(n):
    note(f'helper {n}')
    request_id.set(f'req-{n}-inner')


def callback(tag):
    note(f'callback {tag}')
    request_id.set('set-in-callback')


async def main():
    request_id.set('main')
    results = await asyncio.gather(*(handler(n) for n in range(3)))
    print(results, request_id.get())

    loop = asyncio.get_running_loop()
    request_id.set('before call_soon')
    h = loop.call_soon(callback, 'plain')
    print(type(h._context).__name__, h._context[request_id])
    request_id.set('after call_soon')
    await asyncio.sleep(0)
    note('main after callback')

    ctx = contextvars.copy_context()
    ctx.run(request_id.set, 'in ctx')
    loop.call_soon(callback, 'explicit', context=ctx)
    await asyncio.sleep(0)
    print('ctx now holds', ctx[request_id])

    fut = loop.create_future()
    request_id.set('when callback added')
    fut.add_done_callback(lambda f: note('done callback'))
    print(type(fut._callbacks[0][1]).__name__)
    request_id.set('when result set')
    fut.set_result(None)
    await asyncio.sleep(0)

    ctx2 = contextvars.Context()
    t = asyncio.create_task(handler(7), context=ctx2)
    print(await t, ctx2[request_id], request_id.get())

    def blocking():
        return request_id.get()
    request_id.set('for to_thread')
    print('to_thread sees', await asyncio.to_thread(blocking))
    print('executor sees', await loop.run_in_executor(None, blocking))

    # A task's context is entered while it runs: a callback cannot enter it too.
    async def enter_own():
        here = contextvars.copy_context()
        return here == contextvars.copy_context()
    print(await asyncio.create_task(enter_own()))


asyncio.run(main())
print('\n'.join(log))

# asyncio.Runner runs every coroutine in one context, kept between runs.
async def first():
    request_id.set('from first run')

async def second():
    return request_id.get()

with asyncio.Runner() as runner:
    runner.run(first())
    print(runner.run(second()), request_id.get())

# A callback whose context is already entered is reported, as any callback error.
def on_error(loop, context):
    exc = context['exception']
    print('handler:', context['message'].split(' at ')[0], '|', type(exc).__name__, str(exc).split(' at ')[0])

async def schedule_in_own_context(ctx):
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(on_error)
    loop.call_soon(print, 'never printed', context=ctx)
    await asyncio.sleep(0)

outer = contextvars.copy_context()
loop = asyncio.new_event_loop()
outer.run(loop.run_until_complete, schedule_in_own_context(outer))
loop.close()
