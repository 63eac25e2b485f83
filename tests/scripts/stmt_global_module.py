counter = 0
def increment(n=1):
    global counter
    counter += n
    return counter
for _ in range(5):
    increment()
increment(10)
print(counter)
def make_global(name, value):
    globals()[name] = value
make_global("dyn", [1, 2])
print(dyn)
def reader():
    return counter * 2
print(reader())
x = 10
def f():
    global x
    del x
f()
print("x" in globals())
