class Box:
    def __init__(self):
        self.v = 1
        self.items = [1, 2]
b = Box()
b.v += 10
b.v *= 2
b.items += [3]
b.items[0] += 100
print(b.v, b.items)
d = {"k": 1}
d["k"] += 5
d.setdefault("n", []).append(1)
print(d)
calls = []
def idx():
    calls.append("idx")
    return 0
l = [5]
l[idx()] += 1
print(l, calls)
s = "a"
s += "b"
s *= 3
print(s)
t = (1,)
t += (2,)
print(t)
x = 2
x **= 10
x //= 3
x %= 100
print(x)
f = 1.5
f -= 0.5
f /= 4
print(f)
n = 0b1100
n &= 0b1010; print(n)
n |= 0b0001; print(n)
n ^= 0b1111; print(n)
n <<= 3; print(n)
n >>= 1; print(n)
st = {1}
st |= {2}
st &= {2, 3}
st -= {9}
st ^= {4}
print(sorted(st))
