# Compiler check: await, async with/for, async comprehensions and generators driven by hand.
class Aw:
    def __await__(self):
        v = yield "tick"
        return "aw-result"
class ACM:
    async def __aenter__(self):
        print("aenter"); return "ctx"
    async def __aexit__(self, t, v, tb):
        print("aexit", t); return False
class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i
async def main():
    r = await Aw()
    print("r", r)
    async with ACM() as c:
        print("in", c)
    async for v in AIt():
        print("v", v)
    print([x async for x in AIt()])
    return "main-done"
it = main().__await__()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("stop", e.value)
async def agen():
    yield 1
    yield 2
async def use():
    out = []
    async for v in agen():
        out.append(v)
    return out
it = use().__await__()
try:
    next(it)
except StopIteration as e:
    print("agen", e.value)
