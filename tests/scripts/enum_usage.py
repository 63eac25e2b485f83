# Enums as course scripts use them: task states cycling, counting by member,
# a dataclass mixin (HOWTO), IntEnum in arithmetic and formatting.
from dataclasses import dataclass
from enum import Enum, IntEnum, auto, unique
import enum

@dataclass
class CreatureDataMixin:
    size: str
    legs: int
    tail: bool = True

class Creature(CreatureDataMixin, Enum):
    BEETLE = 'small', 6
    DOG = 'medium', 4

print(Creature.DOG, Creature.DOG.legs, Creature.BEETLE.tail)
print(repr(Creature.DOG))

class TaskState(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()

    def next(self):
        members = list(type(self))
        i = members.index(self)
        return members[(i + 1) % len(members)]

s = TaskState.PENDING
for _ in range(4):
    print(s, s.value)
    s = s.next()

counts = {}
for st in [TaskState.DONE, TaskState.PENDING, TaskState.DONE]:
    counts[st] = counts.get(st, 0) + 1
print(counts)
print(sorted(counts, key=lambda m: m.value))
print(TaskState.DONE in {TaskState.DONE}, TaskState['RUNNING'])
print(Color := None)
print(enum.Enum.__dict__['name'].__doc__)
try:
    print(enum.Enum.value)
except AttributeError as e:
    print('AE', e)
print(TaskState.PENDING.name.__class__, isinstance(TaskState.PENDING.value, int))
class Weekday(IntEnum):
    MON = 1
    TUE = 2
print(Weekday.MON + Weekday.TUE, Weekday.MON * 3, Weekday.TUE / 2, -Weekday.MON, abs(Weekday.MON), Weekday.MON.bit_length(), str(Weekday.MON + 0))
print(list(range(Weekday.TUE)), 'x' * Weekday.TUE, hex(Weekday.TUE), '%x' % Weekday.TUE, '{:b}'.format(Weekday.TUE), round(Weekday.TUE))
