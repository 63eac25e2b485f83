import math
class E:
    def __eq__(self, o): return True
print(E.__hash__, E() != 1, E() == 1)
class D:
    def __get__(self, obj, typ=None): return ('get', obj is None)
    def __set__(self, obj, v): print('set', v)
    def __delete__(self, obj): print('delete')
class H:
    d = D()
h = H(); print(h.d, H.d); h.d = 5; del h.d
class GA:
    def __getattribute__(self, n):
        if n == 'magic': return 42
        return object.__getattribute__(self, n)
    def __setattr__(self, n, v): object.__setattr__(self, n, v * 2)
    def __delattr__(self, n): print('del', n)
g = GA(); g.v = 3; print(g.magic, g.v); del g.v
class DirC:
    def __dir__(self): return ['b', 'a']
print(dir(DirC()))
class Sl:
    __slots__ = ('a',)
class Sl2(Sl):
    __slots__ = ('b',)
s = Sl2(); s.a = 1; s.b = 2; print(s.a, s.b, hasattr(s, '__dict__'))
class LenOnly:
    def __len__(self): return 0
print(bool(LenOnly()), not LenOnly())
class NoIter:
    __iter__ = None
try: iter(NoIter())
except TypeError as e: print(e)
class Rev:
    def __reversed__(self): return iter([3, 2, 1])
print(list(reversed(Rev())))
class Num:
    def __round__(self, n=None): return ('round', n)
    def __trunc__(self): return 7
    def __floor__(self): return 8
    def __ceil__(self): return 9
print(round(Num()), round(Num(), 2), math.trunc(Num()), math.floor(Num()), math.ceil(Num()))
class Idx:
    def __index__(self): return 1
print([1, 2, 3][Idx():], 'abc'[Idx()], range(10)[Idx()], bin(Idx()), [0] * Idx())
class ItC:
    def __iter__(self): return iter([1, 2])
print(2 in ItC(), 3 in ItC())
class IA:
    def __init__(self, v): self.v = v
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return IA(self.v + o)
x = IA(1); x += 5; print(x.v)
class Base:
    def __add__(self, o): return 'Base.add'
    def __radd__(self, o): return 'Base.radd'
class Sub(Base):
    def __radd__(self, o): return 'Sub.radd'
print(Base() + Sub(), Sub() + Base(), 1 + Sub())
class CG:
    def __class_getitem__(cls, item): return f'CG[{item.__name__}]'
print(CG[int])
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
print(sorted([Cmp(3), Cmp(1)], key=lambda c: c)[0].v, max(Cmp(1), Cmp(2)).v, Cmp(2) > Cmp(1))
try: Cmp(1) <= Cmp(2)
except TypeError as e: print(e)
class Call:
    def __call__(self, *a, **k): return a, k
print(Call()(1, x=2), callable(Call()), callable(Call))
class Fmt:
    def __format__(self, spec): return f'<{spec}>'
    def __str__(self): return 'S'
    def __repr__(self): return 'R'
print(f'{Fmt()}', f'{Fmt()!r}', f'{Fmt()!s:>3}', f'{Fmt():xyz}', '%s %r' % (Fmt(), Fmt()), format(Fmt()))
class Ctx:
    def __enter__(self): return 'val'
    def __exit__(self, t, v, tb): print('exit', t.__name__ if t else None, v); return False
try:
    with Ctx() as v: raise KeyError('k')
except KeyError: print('propagated')
class Bad:
    def __bool__(self): return 'yes'
try: bool(Bad())
except TypeError as e: print(e)
class Hsh:
    def __hash__(self): return 2**100
print(hash(Hsh()) == hash(2**100))
class NegLen:
    def __len__(self): return -5
try: len(NegLen())
except ValueError as e: print(e)
class NoRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
try: reversed(NoRev())
except TypeError as e: print(e)
for v in NoIter() if False else []: pass
try:
    for v in NoIter(): pass
except TypeError as e: print(e)
