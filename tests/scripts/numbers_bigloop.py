total = 0
for i in range(1, 1001):
    total += i ** 3
print(total, total == (1000 * 1001 // 2) ** 2)
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(len(str(f)), sum(int(d) for d in str(f)))
a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print(a)
print(2 ** 1000 % 1000007, pow(7, 10 ** 6, 10 ** 9 + 7))
n = 600851475143
factor = 2
largest = 0
while n > 1:
    while n % factor == 0:
        largest = factor
        n //= factor
    factor += 1
print(largest)
