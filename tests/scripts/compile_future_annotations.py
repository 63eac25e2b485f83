# Compiler check: from __future__ import annotations (string annotations).
"""doc"""
from __future__ import annotations
x: List[int] = 3
def f(a: Undefined, b: dict[str,
      int] = None) -> Node:
    return a
class Node:
    left: Node | None
    val: "int"
print(f.__annotations__, __annotations__, Node.__annotations__, f(1))
