# The __doc__ a dataclass without a docstring gets: its name and call
# signature as inspect.signature shows it (annotations, defaults, '*', '/').
import functools
from dataclasses import dataclass, field, InitVar
from typing import Any, Callable, Dict, Generic, List, Optional, TypeVar

T = TypeVar('T')


@dataclass
class Typed:
    a: int
    b: List[int]
    c: Dict[str, Optional[float]]
    d: Callable[[int], str]
    e: int | None = None
    f: list[dict[str, int]] = field(default_factory=list)
    g: Any = 'g'
    h: 'Typed' = None
    i: InitVar[List[int]] = None
    j: T = None


print(Typed.__doc__)


@dataclass
class Box(Generic[T]):
    item: T


print(Box.__doc__, Box[int](1))


def logged(init):
    @functools.wraps(init)
    def wrapper(self, *args, **kwargs):
        init(self, *args, **kwargs)
    return wrapper


@dataclass
class Wrapped:
    x: int

    @logged
    def __init__(self, x, y=2, /, *rest, flag: bool = False, **extra) -> None:
        self.x = x + y


print(Wrapped.__doc__, Wrapped(1))


@dataclass
class NewOnly:
    x: int = 0

    def __new__(cls, *args, **kwargs):
        return super().__new__(cls)


print(NewOnly.__doc__, NewOnly(4))


@dataclass(init=False)
class NoInitError(Exception):
    code: int = 0


@dataclass(init=False)
class NoInitDict(dict):
    size: int = 0


@dataclass(init=False)
class NoInit:
    x: int = 0


print(NoInitError.__doc__, NoInitDict.__doc__, NoInit.__doc__)


class Meta(type):
    def __call__(cls, *args, **kwargs):
        return super().__call__(*args, **kwargs)


@dataclass
class WithMeta(metaclass=Meta):
    x: int


print(WithMeta.__doc__, WithMeta(1))


def build():
    class Local:
        pass

    @dataclass
    class Inner:
        loc: Local = None
    return Inner


print(build().__doc__)


@dataclass
class Documented:
    """Has its own."""
    x: int


print(Documented.__doc__)
