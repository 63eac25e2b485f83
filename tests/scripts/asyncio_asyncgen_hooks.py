# The event loop installs async-generator hooks while it runs: generators
# first iterated under it are tracked (weakly) and closed by
# shutdown_asyncgens() at the end of asyncio.run(), and one collected while
# suspended is closed by a task the finalizer hook schedules.
import asyncio
import gc
import sys


async def ticker(name):
    try:
        yield 1
        yield 2
    finally:
        print(f'{name}: finally runs')


keep = []


async def main():
    kept = ticker('kept')
    keep.append(kept)
    print(await kept.__anext__())
    hooks = sys.get_asyncgen_hooks()
    print(hooks.firstiter.__name__, hooks.finalizer.__name__)
    loop = asyncio.get_running_loop()
    print('tracked:', len(loop._asyncgens))

    dropped = ticker('dropped')
    print(await dropped.__anext__())
    del dropped
    gc.collect()
    for _ in range(3):
        await asyncio.sleep(0)
    print('tracked after collection:', len(loop._asyncgens))
    print('main returns')


asyncio.run(main())
print('after run:', sys.get_asyncgen_hooks())
