# Errors of dataclass definitions and of calls to the generated __init__,
# with CPython's exact messages.
from dataclasses import dataclass, field, KW_ONLY, InitVar, fields, make_dataclass
from typing import ClassVar


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', result)


@dataclass
class Point:
    x: int
    y: int


attempt('missing y', lambda: Point(1))
attempt('missing both', lambda: Point())
attempt('too many', lambda: Point(1, 2, 3))
attempt('unexpected kw', lambda: Point(1, 2, z=3))
attempt('multiple values', lambda: Point(1, x=2))


@dataclass
class Opt:
    a: int
    b: int = 1
    _: KW_ONLY
    c: int
    d: int = 4


attempt('kw-only missing', lambda: Opt(1))
attempt('too many with kw', lambda: Opt(1, 2, 3, c=1))
attempt('ok', lambda: Opt(1, c=2))


def define(**kwargs):
    def make(body):
        return dataclass(**kwargs)(body)
    return make


def mutable_list():
    @dataclass
    class C:
        items: list = []
    return C


def mutable_dict():
    @dataclass
    class C:
        d: dict = {}
    return C


def mutable_set():
    @dataclass
    class C:
        s: set = set()
    return C


def non_default_after_default():
    @dataclass
    class C:
        x: int = 0
        y: int
    return C


def kw_only_twice():
    @dataclass
    class C:
        a: int
        _: KW_ONLY
        b: int
        __: KW_ONLY
    return C


def both_defaults():
    return field(default=1, default_factory=list)


def classvar_factory():
    @dataclass
    class C:
        x: ClassVar[list] = field(default_factory=list)
    return C


def initvar_factory():
    @dataclass
    class C:
        x: InitVar[list] = field(default_factory=list)
    return C


def classvar_kw_only():
    @dataclass
    class C:
        x: ClassVar[int] = field(default=1, kw_only=True)
    return C


def field_without_annotation():
    @dataclass
    class C:
        x = field(default=1)
    return C


def order_without_eq():
    @dataclass(order=True, eq=False)
    class C:
        x: int
    return C


def order_overwrite():
    @dataclass(order=True)
    class C:
        x: int

        def __le__(self, other):
            return True
    return C


def frozen_setattr_overwrite():
    @dataclass(frozen=True)
    class C:
        x: int

        def __setattr__(self, name, value):
            pass
    return C


def hash_overwrite():
    @dataclass(unsafe_hash=True)
    class C:
        x: int

        def __hash__(self):
            return 1
    return C


def weakref_slot_without_slots():
    @dataclass(weakref_slot=True)
    class C:
        x: int
    return C


def slots_twice():
    @dataclass(slots=True)
    class C:
        __slots__ = ('x',)
        x: int
    return C


for fn in [mutable_list, mutable_dict, mutable_set, non_default_after_default,
           kw_only_twice, both_defaults, classvar_factory, initvar_factory,
           classvar_kw_only, field_without_annotation, order_without_eq,
           order_overwrite, frozen_setattr_overwrite, hash_overwrite,
           weakref_slot_without_slots, slots_twice]:
    attempt(fn.__name__, fn)

attempt('fields of int', lambda: fields(1))
attempt('fields of class', lambda: fields(int))
attempt('make bad name', lambda: make_dataclass('C', ['1x']))
attempt('make keyword', lambda: make_dataclass('C', ['class']))
attempt('make duplicate', lambda: make_dataclass('C', ['a', ('a', int)]))
attempt('make invalid', lambda: make_dataclass('C', [('a', int, field(), 4)]))
attempt('make non-str', lambda: make_dataclass('C', [(1, int)]))


@dataclass
class Bad:
    items: list = field(default_factory=lambda: 1 / 0)


attempt('factory raises', lambda: Bad())


@dataclass
class Checked:
    n: int

    def __post_init__(self):
        if self.n < 0:
            raise ValueError(f'negative: {self.n}')


attempt('post_init raises', lambda: Checked(-1))
attempt('post_init ok', lambda: Checked(1))

# An uncaught error from inside the generated __init__ shows CPython's frame.
Checked(-5)
