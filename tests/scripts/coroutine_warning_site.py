# A coroutine passed to a call while a variable still holds it is not
# dropped by that call: only a temporary argument is (print(func())), and
# the never-awaited warning names the line where that happens, however many
# held coroutines were passed around before.
import asyncio


async def func():
    await asyncio.sleep(5)
    return 'a'


for _ in range(5):
    held = func()
    kind = type(held)
    print(kind.__name__, len([held]))
    held.close()
print(func())
print('after')
