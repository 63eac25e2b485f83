from typing import Any, Callable, Optional, List, Dict, Tuple, Union, Set, Iterable, Iterator, TypeVar, Generic
import typing

def apply(f: Callable[[int], int], x: int) -> int:
    return f(x)

def maybe(x: Optional[str] = None) -> Union[str, None]:
    return x

def collect(items: List[int], index: Dict[str, Tuple[int, ...]]) -> Set[Any]:
    return set(items)

T = TypeVar("T")

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

print(apply(lambda v: v + 1, 4), maybe(), sorted(collect([3, 1], {})), Box(5).item)
print(apply.__annotations__["x"], apply.__annotations__["return"])
x: Any = 10
print(x, typing.TYPE_CHECKING)
