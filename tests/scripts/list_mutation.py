l = list(range(10))
l[2:5] = []
print(l)
l[1:1] = ["x", "y"]
print(l)
l[-2:] = [100]
print(l)
del l[::2]
print(l)
l[::-1] = l[:]
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
l.extend(range(3))
l.insert(-1, "ins")
l.insert(100, "end")
l.insert(-100, "start")
print(l)
l.remove("x")
print(l.pop(2), l)
l.clear()
print(l, len(l))
m = [3, 1, 2]
m.sort(key=lambda v: -v)
print(m, m.reverse(), m)
