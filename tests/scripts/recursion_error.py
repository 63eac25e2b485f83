import sys
print(sys.getrecursionlimit())

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

def count(n):
    return 0 if n == 0 else 1 + count(n - 1)

print(count(900))
sys.setrecursionlimit(3000)
print(count(2500))

class R:
    def __repr__(self):
        return repr(self)

try:
    repr(R())
except RecursionError as e:
    print("caught repr recursion")
