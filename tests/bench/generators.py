def numbers(n):
    for i in range(n):
        yield i


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


total = 0
for v in evens(squares(numbers(1_500_000))):
    total += v
print(total)
print(sum(x for x in range(1_000_000) if x % 3 == 0))
