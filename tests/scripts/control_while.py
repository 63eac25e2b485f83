i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i =", i)
else:
    print("loop finished normally")
n = 10
while True:
    n -= 3
    if n < 0:
        break
print("n =", n)
j = 0
while j < 3:
    j += 1
    if j == 10:
        break
else:
    print("else runs", j)
k = 0
while k < 10:
    k += 1
    if k == 4:
        break
else:
    print("not printed")
print("k =", k)
