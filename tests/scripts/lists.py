l = [3, 1, 4, 1, 5, 9, 2, 6]
print(len(l), l[0], l[-1], l[2:5], l[::2], l[::-1], l[-3:], l[:-5])
l.append(7); l.extend([8, 9]); l.insert(0, 0); print(l)
print(l.pop(), l.pop(0), l.index(5), l.count(1))
l.remove(1); print(l)
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.reverse(); print(l)
c = l.copy(); c.clear(); print(c, l)
l[1:3] = ["a", "b", "c"]; print(l)
l[::2] = [0] * len(l[::2]); print(l)
del l[0]; del l[1:3]; print(l)
print([1, 2] + [3], [0] * 5, [[]] * 2, 3 in [1, 2, 3], [1, 2] == [1, 2], [1, 2] < [1, 3], [2] > [1, 9])
nested = [[1, 2], [3, 4]]
flat = [x for sub in nested for x in sub]
print(flat, sum(flat), max(flat), min(flat), sorted(flat, reverse=True))
a = [1, 2, 3]
b = a
b += [4]
print(a, a is b)
a *= 2
print(a)
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1}))
r = [1, 2, 3]
r.append(r)
print(r)
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(l.__len__(), [].__class__, [] is [])
x = [5, 3, 8]
x[len(x):] = [1]
print(x, x[10:], x[-10:2])
