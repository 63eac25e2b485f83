# Top-level await compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT (0x2000): the
# module code object is a coroutine, run as by asyncio.run (as gilpy runs a
# script whose body awaits); pending tasks are cancelled at the end.
import asyncio

SRC = '''
async def add_one(n):
    await asyncio.sleep(0.001)
    return n + 1

async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('background cancelled at exit')
        raise

print(await add_one(1))
print(asyncio.current_task().get_name())
t = asyncio.create_task(background())
print(t.get_name())
await asyncio.sleep(0)
results = await asyncio.gather(add_one(10), add_one(20))
print(results)
async with asyncio.Lock() as l:
    print('locked section', l)
async def agen():
    yield 1
    yield 2
async for v in agen():
    print('agen', v)
print([x async for x in agen()])
print('end of body')
'''

code = compile(SRC, '<cell>', 'exec', flags=0x2000)
ns = {'asyncio': asyncio}
body = eval(code, ns)
print(type(body).__name__)
print(asyncio.run(body))
print(ns['results'])
try:
    compile('await x', '<cell>', 'exec')
except SyntaxError as e:
    print('SyntaxError', e.msg)
