class CountCalls:
    def __init__(self, func):
        self.func = func
        self.count = 0
    def __call__(self, *args, **kwargs):
        self.count += 1
        return self.func(*args, **kwargs)

@CountCalls
def hello(name):
    return "hello " + name

print(hello("a"), hello("b"), hello.count)

class Retry:
    def __init__(self, times):
        self.times = times
    def __call__(self, func):
        def wrapper(*args):
            for attempt in range(1, self.times + 1):
                try:
                    return func(*args, attempt)
                except ValueError as e:
                    print("attempt", attempt, "failed:", e)
            return "gave up"
        return wrapper

@Retry(3)
def flaky(x, attempt):
    if attempt < 3:
        raise ValueError(f"not yet ({x})")
    return f"ok on {attempt}"

print(flaky("job"))
def cached_property(f):
    name = "_cache_" + f.__name__
    @property
    def getter(self):
        if not hasattr(self, name):
            setattr(self, name, f(self))
        return getattr(self, name)
    return getter
class Data:
    @cached_property
    def expensive(self):
        print("computing")
        return 99
d = Data()
print(d.expensive, d.expensive)
