import typing, abc, contextlib, io
from typing import List, Dict, Optional, Union, Callable, TypeVar, Generic, NamedTuple, Any
T = TypeVar('T')
print(List[int], Dict[str, int], Optional[int], Union[int, str], Callable[[int], str], typing.Tuple[int, ...])
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int](3).v, Box.__name__)
class NT(NamedTuple):
    x: int
    y: str = 'd'
print(NT(1), NT(1, 'z')._asdict(), NT._fields)
def f(a: int, b: 'str' = 'x') -> None: pass
print(f.__annotations__, typing.get_type_hints(f) if hasattr(typing, 'get_type_hints') else '')
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
try: Base()
except TypeError as e: print(e)
class Impl(Base):
    def run(self): return 'ran'
print(Impl().run(), isinstance(Impl(), Base))
@contextlib.contextmanager
def cm(x):
    print('enter', x)
    try: yield x * 2
    finally: print('exit', x)
with cm(1) as v: print('v', v)
with contextlib.suppress(KeyError): {}['x']
print('suppressed')
s = io.StringIO(); print('hello', file=s); s.write('x'); print(repr(s.getvalue()))
s = io.StringIO('a\nb\n'); print(s.readline(), s.readlines(), list(io.StringIO('1\n2')))
b = io.BytesIO(b'abc'); print(b.read(2), b.read(), b.getvalue(), b.tell())
with contextlib.ExitStack() as st:
    st.callback(print, 'cb')
    print('in stack')
r = contextlib.redirect_stdout(io.StringIO())
with r as out: print('captured')
print(repr(out.getvalue()))
print(typing.cast(int, '3'), typing.TYPE_CHECKING, Any)
P = typing.NamedTuple('P', [('x', int), ('y', float)])
print(P(1, 2.0), P.__annotations__, P.__module__)
class A:
    a: int
    b: 'List[int]'
class B(A):
    c: None
print(typing.get_type_hints(B))
try:
    class Bad(NamedTuple):
        x: int = 1
        y: str
except TypeError as e: print(e)
class NT2(NamedTuple):
    a: int
    def double(self): return self.a * 2
print(NT2(4).double(), NT2.__mro__[1:], isinstance(NT2(1), tuple))
