cases = [
 "[x for x in (y := 0)]",
 "[x for x in range(3) for z in (y := [1])]",
 "{x for x in (y := [1])}",
 "{x: 1 for x in (y := [1])}",
 "(x for x in (y := [1]))",
 "[x for x in [(y := 1) for z in w]]",
 "[x for x in (lambda: (y := 1))()]",
 "[(x := 1) for x in range(3)]",
 "[i for i, j in [(1, 2)] if (j := 3)]",
 "class C:\n    [(y := 1) for x in range(3)]",
 "class C:\n    [x for x in (y := [1])]",
 "[i for i in range(5) if (j := 0) for j in range(5)]",
 "[[(x := 1) for y in z] for x in w]",
 "def f():\n    return [(y := x) for x in range(3)]",
 "[x for x in range(3) if (x := 1)]",
 "[x for x in f(a := 1)]",
 "[x for x in range((a := 3))]",
 "[(lambda: (x := 1)) for x in range(3)]",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

# The walrus itself still binds in the enclosing scope.
print([y := x * 2 for x in range(3)], y)
def f():
    total = [(last := v) for v in "abc" if v != "b"]
    return total, last
print(f())
print([x for x in range(3) if (z := x) > 0], z)
print([[j for j in range(i)] for i in (4, 5)])
def g():
    return [(lambda: v)() for v in range(3)]
print(g())
try:
    exec("[x for x in (y := 0)]")
except SyntaxError as e:
    print(type(e).__name__, e)
