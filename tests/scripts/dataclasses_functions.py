# fields(), asdict(), astuple(), replace(), is_dataclass(), make_dataclass().
import copy
import json
from collections import namedtuple, OrderedDict
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         is_dataclass, make_dataclass, InitVar, FrozenInstanceError)
from typing import List


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', result)


Pair = namedtuple('Pair', 'left right')


@dataclass
class Item:
    name: str
    qty: int = 1


@dataclass
class Order:
    id: int
    items: List[Item] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    pair: tuple = ()
    note: str = field(default='', init=False)


o = Order(7, [Item('a'), Item('b', 3)], {'k': Item('c')}, Pair(Item('l'), [Item('r')]))
d = asdict(o)
print(d)
print(type(d['pair']).__name__, d['items'][0] is not o.items[0])
print(astuple(o))
print(json.dumps(asdict(o), sort_keys=True))
print(asdict(o, dict_factory=OrderedDict))
print(astuple(Item('x'), tuple_factory=list))
print(asdict(Item('deep', 2)) == {'name': 'deep', 'qty': 2})
attempt('asdict of class', lambda: asdict(Item))
attempt('asdict of int', lambda: asdict(3))
attempt('astuple of dict', lambda: astuple({}))
shared = [1, 2]
copied = asdict(Order(1, extra={'s': shared}))
print(copied['extra']['s'] == shared, copied['extra']['s'] is shared)

print([f.name for f in fields(o)], [f.name for f in fields(Order)])
print(is_dataclass(Order), is_dataclass(o), is_dataclass(Pair), is_dataclass(None), is_dataclass(type))

o2 = replace(o, id=8)
print(o2.id, o2.items is o.items, o2 == o, o2.note)
attempt('replace init=False', lambda: replace(o, note='x'))
attempt('replace unknown', lambda: replace(o, nope=1))
attempt('replace non-dataclass', lambda: replace(1, x=2))


@dataclass
class WithIV:
    a: int
    k: InitVar[int]
    m: InitVar[int] = 5

    def __post_init__(self, k, m):
        self.total = self.a + k + m


attempt('replace initvar missing', lambda: replace(WithIV(1, 2), a=3))
print(replace(WithIV(1, 2), k=10).total)


@dataclass(frozen=True)
class Cfg:
    host: str
    port: int = 80


cfg = Cfg('h')
print(replace(cfg, port=8080), cfg, copy.copy(cfg), copy.deepcopy(cfg) == cfg)
attempt('assign copy', lambda: setattr(copy.copy(cfg), 'port', 1))

P = make_dataclass('P', ['x', ('y', int), ('z', list, field(default_factory=list))])
p = P(1, 2)
print(p, P.__doc__, P.__name__, P.__qualname__, fields(P)[0].type)

attempt('frozen from non-frozen',
        lambda: make_dataclass('Q', [('a', int, 0)], bases=(P,), frozen=True))
Q = make_dataclass('Q', [('a', int), ('b', int, 3)], namespace={'double': lambda self: self.a * 2},
                   frozen=True, order=True)
print(Q(1), Q(1).double(), Q(1) < Q(2), hash(Q(1)) == hash((1, 3)))
R = make_dataclass('R', [('r', int)], bases=(P,), kw_only=True)
print(R(1, 2, r=3), R.__doc__)
attempt('R positional', lambda: R(1, 2, 3))
print(make_dataclass('Empty', []).__doc__, repr(make_dataclass('Empty', [])()))
print(make_dataclass('NoRepr', ['v'], repr=False, eq=False)(1) != make_dataclass('X', ['v'])(1))


@dataclass
class Holder:
    items: list = field(default_factory=list)
    name: str = 'h'


h1 = Holder()
h2 = copy.deepcopy(h1)
h2.items.append(1)
print(h1, h2, h1 == Holder())
