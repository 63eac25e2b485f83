def find_first_prime_after(n):
    candidate = n + 1
    while True:
        d = 2
        while d * d <= candidate:
            if candidate % d == 0:
                break
            d += 1
        else:
            return candidate
        candidate += 1
print([find_first_prime_after(n) for n in [1, 10, 100, 1000, 7919]])
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
target = 5
for r, row in enumerate(grid):
    for c, val in enumerate(row):
        if val == target:
            print("found at", (r, c))
            break
    else:
        continue
    break
else:
    print("not found")
for t in [10, 11]:
    for row in grid:
        if t in row:
            break
    else:
        print(t, "absent")
