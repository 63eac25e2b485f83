import collections.abc as cabc
from collections.abc import Mapping, MutableMapping, Sequence, Iterable, Iterator, Hashable, Callable, Sized, Container, Generator, Set
print([isinstance(x, Iterable) for x in ([], {}, '', 1, iter([]), (i for i in ()))])
print([isinstance(x, Mapping) for x in ({}, [], 0)])
print([isinstance(x, Sequence) for x in ([], (), '', {}, range(3), b'')], isinstance([], cabc.MutableSequence), isinstance((), cabc.MutableSequence))
print(isinstance(1, Hashable), isinstance([], Hashable), isinstance(len, Callable), isinstance(1, Callable), issubclass(list, Sized))
print(isinstance(iter([]), Iterator), isinstance((x for x in []), Generator), isinstance({1}, Set), isinstance(frozenset(), cabc.MutableSet))
class MyMap(Mapping):
    def __init__(self, d): self._d = d
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
m = MyMap({'a': 1, 'b': 2})
print(m.get('a'), m.get('z', 0), 'a' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'a': 1, 'b': 2}, dict(m))
class MyMut(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
mm = MyMut(); mm.update(a=1, b=2); mm.setdefault('c', 3); print(mm.pop('a'), len(mm), sorted(mm), mm.popitem())
try: MyMap.__abstractmethods__, Mapping()
except TypeError as e: print(e)
class Seq(Sequence):
    def __getitem__(self, i): return [1, 2, 3][i]
    def __len__(self): return 3
s = Seq(); print(list(s), 2 in s, s.index(3), s.count(1), list(reversed(s)))
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterator), issubclass(It, Iterable), isinstance(It(), Sized))
class NoHash:
    __hash__ = None
print(isinstance(NoHash(), Hashable), Iterable[int])
import collections
print(collections.abc.Mapping is Mapping)
