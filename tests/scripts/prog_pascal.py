row = [1]
for i in range(12):
    print(" ".join(map(str, row)).center(60))
    row = [a + b for a, b in zip([0] + row, row + [0])]
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
best = max(range(1, 10000), key=collatz)
print(best, collatz(best))
for i in range(1, 16):
    print("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i, end=" ")
print()
