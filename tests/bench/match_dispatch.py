# The match statement dispatching on message shapes: mapping patterns with
# nested sequences, sequence patterns with stars, class patterns on
# dataclasses (positional through __match_args__ and by keyword), the
# self-matching builtins with guards, or-patterns of literals.
from dataclasses import dataclass


@dataclass
class Move:
    dx: int
    dy: int


@dataclass
class Say:
    text: str


def handle(ev):
    match ev:
        case {"op": "add", "args": [a, b]}:
            return a + b
        case {"op": "neg", "arg": x}:
            return -x
        case [x, y, *rest]:
            return x * y + len(rest)
        case Move(0, dy):
            return dy
        case Move(dx, dy):
            return dx + dy
        case Say(text=t):
            return len(t)
        case int(n) if n > 10:
            return n
        case "quit" | "exit" | "stop":
            return -1
        case _:
            return 0


events = [{"op": "add", "args": [1, 2]}, {"op": "neg", "arg": 4}, [1, 2, 3, 4], (5, 6), Move(0, 3),
          Move(2, 3), Say("hey"), 42, 7, "stop", None, 3.5]
total = 0
for i in range(150_000):
    for e in events:
        total += handle(e)
print(total)
