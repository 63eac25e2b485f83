# With `from __future__ import annotations` every annotation is a string:
# ClassVar, InitVar and KW_ONLY are still recognised (by name, also as
# typing.ClassVar / dataclasses.InitVar), and everything else is a field.
from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY
from typing import ClassVar, Optional


@dataclass
class Task:
    name: str
    deps: list[Task] = field(default_factory=list)
    parent: Optional[Task] = None
    registry: ClassVar[dict] = {}
    count: typing.ClassVar[int] = 0
    seed: InitVar[int] = 0
    other: dataclasses.InitVar[str] = ''
    _: KW_ONLY
    weight: float = 1.0

    def __post_init__(self, seed, other):
        Task.registry[self.name] = self
        self.seed_used = (seed, other)


t = Task('build', seed=3, weight=2.5)
print(t, t.seed_used)
print([(f.name, f.type) for f in fields(Task)])
print({n: f._field_type for n, f in Task.__dataclass_fields__.items()})
print(Task.__annotations__)
print(Task.__init__.__annotations__)
print(Task.__doc__)
print(Task.__match_args__, sorted(Task.registry))
try:
    Task('x', [], None, 1, 'o', 2.0)
except TypeError as e:
    print(e)

CV = ClassVar


@dataclass
class Aliased:
    cv: CV[int] = 1          # found in the module's globals: a ClassVar
    plain: 'int' = 2


print([f.name for f in fields(Aliased)], Aliased())


@dataclass(frozen=True, order=True)
class Money:
    amount: int
    currency: str = 'EUR'

    def add(self, other: Money) -> Money:
        return dataclasses.replace(self, amount=self.amount + other.amount)


print(Money(3).add(Money(4)), Money(1) < Money(2), Money.add.__annotations__)
print(typing.get_type_hints(Money))
