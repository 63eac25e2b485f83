# @dataclass with and without parentheses: generated __init__, __repr__,
# __eq__, defaults, default_factory, field() options, __post_init__,
# InitVar, ClassVar, KW_ONLY, __match_args__, __dataclass_fields__.
import dataclasses
from dataclasses import dataclass, field, InitVar, KW_ONLY, MISSING, fields
from typing import ClassVar, List, Optional


@dataclass
class Point:
    x: int
    y: int


p = Point(1, 2)
print(p, repr(p), str(p))
print(p == Point(1, 2), p != Point(1, 2), p == Point(2, 1), p == (1, 2))
print(Point(x=3, y=4), Point(5, y=6))
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__qualname__)
print(Point.__init__.__annotations__)
print(Point.__match_args__, Point.__hash__)
print(Point.__doc__)
print(list(Point.__dataclass_fields__))
print(Point.__dataclass_params__)
print(dataclasses.is_dataclass(Point), dataclasses.is_dataclass(p), dataclasses.is_dataclass(1))


@dataclass()
class Job:
    name: str
    priority: int = 0
    tags: List[str] = field(default_factory=list)
    note: str = field(default='', repr=False)
    secret: str = field(default='s', compare=False)
    counter: ClassVar[int] = 0

    def __post_init__(self):
        Job.counter += 1
        self.name = self.name.upper()


a = Job('build')
b = Job('test', 2, ['x'], note='n')
print(a, b, Job.counter)
a.tags.append('t')
print(a.tags, Job('x').tags, a.tags is not Job('y').tags)
print(Job('a', secret='1') == Job('a', secret='2'), Job('a', note='1') == Job('a', note='2'))
print('counter' in Job.__dataclass_fields__, [f.name for f in fields(Job)])
print(Job.__dataclass_fields__['counter']._field_type)
print(Job.priority, Job.note, hasattr(Job, 'tags'))
print(Job.__doc__)
print(Job.__match_args__)


@dataclass
class WithInitVar:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)

    def __post_init__(self, scale):
        self.b = self.a * scale


w = WithInitVar(3)
print(w, WithInitVar(3, 10), [f.name for f in fields(w)])
print(WithInitVar.__match_args__, WithInitVar.__doc__)
print(WithInitVar.__dataclass_fields__['scale'])
print(repr(InitVar[int]), repr(InitVar[List[int]]), InitVar[int].type)


@dataclass
class KwOnly:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int
    d: int = field(kw_only=False, default=9)


k = KwOnly(1, c=3)
print(k, KwOnly(1, 2, c=3, b=4))
print(KwOnly.__match_args__, KwOnly.__doc__)


@dataclass(kw_only=True)
class AllKw:
    a: int
    b: int = 2
    c: int = field(kw_only=False, default=3)


print(AllKw(a=1), AllKw(7, a=1), AllKw.__doc__)


@dataclass(init=False, repr=False, eq=False, match_args=False)
class Bare:
    x: int = 5


bare = Bare()
print(bare.x, '__match_args__' in Bare.__dict__, Bare.__eq__ is object.__eq__)
print(repr(bare).startswith('<__main__.Bare object'), Bare.__doc__)


@dataclass
class Own:
    x: int

    def __repr__(self):
        return 'Own!'

    def __eq__(self, other):
        return True


print(Own(1), Own(1) == 5, Own.__hash__)


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty(), Empty.__doc__, Empty.__match_args__, fields(Empty))


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    parent: Optional['Node'] = None


root = Node(1)
root.children.append(Node(2, parent=root))
root.children.append(root)
print(root)


@dataclass
class SelfField:
    self: int
    other: int = 0


print(SelfField(1, 2), SelfField(self=3))

meta = field(metadata={'unit': 'cm'})
print(meta.metadata, type(meta.metadata).__name__)


@dataclass
class Meta:
    length: float = field(default=0.0, metadata={'unit': 'cm'})


print(fields(Meta)[0].metadata['unit'], fields(Meta)[0].default, fields(Meta)[0].type)
f0 = fields(Meta)[0]
print(f0.name, f0.init, f0.repr, f0.hash, f0.compare, f0.kw_only, f0.default_factory is MISSING)
print(repr(f0).replace(repr(MISSING), 'MISSING'))
print(type(MISSING).__name__, type(KW_ONLY).__name__)
print(dataclasses.Field[int])


class Desc:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name

    def __get__(self, obj, owner):
        return 7 if obj is None else obj.__dict__.get('_' + self.name, 7)

    def __set__(self, obj, value):
        obj.__dict__['_' + self.name] = value


@dataclass
class UsesDesc:
    d: int = field(default=Desc())


u = UsesDesc()
print(u.d, UsesDesc(3).d, UsesDesc.__doc__)
