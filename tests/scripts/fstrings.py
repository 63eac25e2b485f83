name = "World"
n = 42
pi = 3.14159
items = [1, 2, 3]
d = {"a": 1}
print(f"Hello, {name}!")
print(f"{n} {n!r} {name!r} {name!s} {name!a}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:x}|{n:o}|{n:b}|{n:#x}")
print(f"{pi:.2f} {pi:8.3f} {pi:e}")
print(f"{items[0] + items[-1]} {d['a']} {len(items)} {type(n)}")
print(f"{n=} {pi=:.1f} {name = }")
w, p = 10, 3
print(f"{pi:{w}.{p}f}|")
print(f"{{literal}} {n}")
print(f"""triple
{name}
quoted""")
print(f"a" f"b{n}" "c")
print(f"{','.join(str(i) for i in items)}")
print(f"{3 * 4:>{w}}")
x = 5
print(f"{x if x > 3 else -x}", f"{[i*2 for i in range(3)]}", f"{ {'k': 1}['k'] }")
print(f"{'abc':.2}", f"{12345678:,}", f"{0.5:.0%}")
