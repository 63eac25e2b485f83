import contextlib, io, sys
with contextlib.nullcontext(5) as v: print(v)
class Res:
    def close(self): print('closed')
with contextlib.closing(Res()): print('using')
@contextlib.contextmanager
def swallow():
    try: yield
    except ValueError as e: print('swallowed', e)
with swallow(): raise ValueError('x')
print('after')
@contextlib.contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad(): pass
except RuntimeError as e: print(e)
@contextlib.contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print(e)
with contextlib.ExitStack() as st:
    r = st.enter_context(contextlib.closing(Res()))
    st.callback(lambda: print('cb1'))
    st2 = st.pop_all()
print('between')
st2.close()
with contextlib.redirect_stderr(io.StringIO()) as err: print('e', file=sys.stderr)
print(repr(err.getvalue()))
class CM(contextlib.AbstractContextManager):
    def __exit__(self, *a): print('abstract exit'); return None
with CM() as c: print(type(c).__name__)
@swallow()
def decorated(): raise ValueError('in deco')
decorated()
with contextlib.suppress(ZeroDivisionError, KeyError): 1 / 0
print(isinstance(contextlib.suppress(), contextlib.AbstractContextManager))
import asyncio
@contextlib.asynccontextmanager
async def acm():
    print('aenter'); yield 'A'; print('aexit')
async def main():
    async with acm() as a: print(a)
    async with contextlib.AsyncExitStack() as s:
        s.push_async_callback(asyncio.sleep, 0)
        print('in async stack')
asyncio.run(main())
