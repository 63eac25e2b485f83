# Names ending in two underscores are never mangled, '__' and '___' included
# (dataclasses' KW_ONLY markers are often spelled '_' or '__').
from dataclasses import dataclass, KW_ONLY


class C:
    __ = 1
    ___ = 2
    __x = 3
    __y__ = 4
    a: int
    __: int
    __z: int

    def get(self):
        return self.__, self.___, self.__x

    def set(self):
        self.__ = 'set'
        __ = 'local'
        return __


print(sorted(k for k in C.__dict__ if not k.startswith('__') or k in ('__', '___', '__y__')))
print(C.__annotations__)
c = C()
print(c.get(), c.set(), c.__dict__)


try:
    @dataclass
    class D:
        a: int
        _: KW_ONLY
        b: int = 0
        __: KW_ONLY
except TypeError as e:
    print(e)


@dataclass
class E:
    a: int
    __: KW_ONLY
    b: int = 0


print(E(1, b=2), E.__match_args__)
