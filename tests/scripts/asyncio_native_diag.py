# Finalization diagnostics of the native Future/Task: a pending task that is
# dropped, and exceptions nobody retrieved, reach the loop's exception handler.
import asyncio
try:
    from gc import collect
except ImportError:
    def collect(): pass

async def forever():
    await asyncio.sleep(100)

def handler(loop, context):
    print('handler:', context['message'], sorted(context), type(context.get('task', context.get('future'))).__name__)

loop = asyncio.new_event_loop()
loop.set_exception_handler(handler)
t = loop.create_task(forever())
loop.run_until_complete(asyncio.sleep(0.001))
print(t._state)
loop.close()
del t
collect()
print('after drop')

# a future whose exception nobody retrieved
loop = asyncio.new_event_loop()
loop.set_exception_handler(handler)
f = loop.create_future()
f.set_exception(ValueError('x'))
del f
collect()
print('after future')

async def boom():
    raise KeyError('k')
t = loop.create_task(boom())
loop.run_until_complete(asyncio.sleep(0.001))
del t
collect()
print('after task exc')
loop.close()

# a retrieved exception is not reported
loop = asyncio.new_event_loop()
loop.set_exception_handler(handler)
f = loop.create_future()
f.set_exception(ValueError('y'))
f.exception()
del f
collect()
t = loop.create_task(forever())
t._log_destroy_pending = False
loop.run_until_complete(asyncio.sleep(0.001))
del t
collect()
print('end')
