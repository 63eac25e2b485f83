# async/await syntax must parse even where it is not run.
async def fetch(x):
    await something(x)
    return x

async def agen():
    for i in range(3):
        yield i

async def uses_all(session):
    async with session as s:
        async for item in s:
            print(item)
    result = [x async for x in agen()]
    return await fetch(result)

class AsyncCM:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        return False

print("parsed", fetch.__name__, uses_all.__qualname__, AsyncCM.__aenter__.__name__)
