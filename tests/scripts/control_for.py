for i in range(3):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=",")
print()
for ch in "abc":
    print(ch.upper(), end="")
print()
for i, v in enumerate(["x", "y", "z"], start=1):
    print(i, v)
for a, b in zip([1, 2, 3], "abc"):
    print(a, b)
for k in {"one": 1, "two": 2}:
    print(k)
for k, v in {"one": 1, "two": 2}.items():
    print(k, v)
for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print("no break")
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print("not printed")
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print((i, j), end=" ")
print()
for _ in []:
    print("never")
total = 0
for i in range(1, 101):
    if i % 2:
        continue
    total += i
print(total)
