# A first gilpy program: functions, classes, comprehensions and big ints.
# Run: build/gilpy samples/basics/hello.py

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


class Greeter:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Greeter({self.name!r})"

    def greet(self):
        return f"Hello, {self.name}!"


if __name__ == '__main__':
    print(Greeter("gilpy").greet())
    print([fib(n) for n in range(10)])
    print("fib(100) =", fib(100))
    print({w: len(w) for w in "the quick brown fox".split()})
