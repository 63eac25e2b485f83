import typing
from typing import Optional, Union, Literal, Protocol, TypedDict, Final, ClassVar, Annotated, overload, Any
print(Optional[str], Union[int, str, None], Literal['a', 1], Final[int], ClassVar[int], Annotated[int, 'meta'])
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1); print(m, type(m).__name__, Movie.__annotations__ if hasattr(Movie, '__annotations__') else '')
class P(Protocol):
    def go(self) -> int: ...
class Impl:
    def go(self): return 1
print(Impl().go(), typing.get_origin(list[int]), typing.get_args(dict[str, int]), typing.get_origin(Optional[int]))
@overload
def f(x: int) -> int: ...
def f(x): return x
print(f(3), typing.Union[int] is int, Optional[int] == Union[int, None], list[int] == typing.List[int])
print(Union[int, Union[str, int]], Optional[Union[int, str]], Union[None, int], typing.get_args(Union[int, str]))
class Opt(TypedDict, total=False):
    a: int
print(sorted(Opt.__optional_keys__), Movie.__required_keys__ == {'name', 'year'}, TypedDict('TD', {'k': int})(k=1))
