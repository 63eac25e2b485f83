# match statement: captures as assignments in every kind of scope, control
# flow out of case bodies, match in generators and coroutines, and the line
# numbers of errors raised while matching.
import asyncio
import sys


def lines(exc):
    tb = exc.__traceback__
    out = []
    while tb:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


# Module level: captures are globals.
match [1, 2]:
    case [g1, g2]:
        pass
print("module", g1, g2, "g1" in globals())


# Function: captures are locals; a capture makes the name local everywhere.
def local_capture(v):
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    match v:
        case [x, *_]:
            pass
    return x


print("function", local_capture([5, 6]))


# Closures see captured names as cells.
def closure(v):
    match v:
        case {"f": f, "g": g}:
            pass

    def inner():
        return f + g

    return inner


print("closure", closure({"f": 1, "g": 2})())


def nonlocal_capture():
    n = 0

    def bump(v):
        nonlocal n
        match v:
            case int(n) if n > 0:
                pass
            case _:
                pass

    bump(7)
    bump(-1)
    return n


print("nonlocal", nonlocal_capture())


def global_capture(v):
    global G
    match v:
        case [G]:
            return "set G"


print(global_capture([42]), G)


class Config:
    match {"debug": True, "level": 3}:
        case {"debug": bool(debug), "level": level}:
            verbose = level > 2


print("class body", Config.debug, Config.level, Config.verbose)

# Comprehensions and lambdas inside guards and bodies.
match [1, 2, 3, 4]:
    case [*items] if all(i > 0 for i in items):
        squares = [i * i for i in items]
        print("comprehension", squares, (lambda: items[-1])())


# break / continue / return from case bodies inside loops and try blocks.
def control(commands):
    log = []
    for cmd in commands:
        try:
            match cmd.split():
                case ["skip"]:
                    continue
                case ["stop"]:
                    break
                case ["return", value]:
                    return log, value
                case ["raise"]:
                    raise KeyError(cmd)
                case [verb, *args]:
                    log.append((verb, args))
        except KeyError as e:
            log.append(("caught", str(e)))
        finally:
            log.append("finally")
    return log, None


print(control(["go north", "skip", "raise", "look", "stop", "never"]))
print(control(["a", "return 5", "b"]))

# while loop with match deciding the exit
state, steps = "start", []
while True:
    match state:
        case "start":
            state = "middle"
        case "middle":
            state = "end"
        case "end":
            break
    steps.append(state)
print(steps)


# Nested match statements.
def nested(a, b):
    match a:
        case int():
            match b:
                case int():
                    return "int int"
                case str():
                    return "int str"
        case str():
            match b:
                case str() if a == b:
                    return "same str"
    return "other"


print(nested(1, 2), nested(1, "x"), nested("s", "s"), nested("s", "t"), nested(1, 1.5))


# Generators and coroutines: yield and await in subjects, guards and bodies.
def gen(items):
    for item in items:
        match item:
            case int(n) if (yield ("check", n)):
                yield ("big", n)
            case str(s):
                yield ("str", s)


g = gen([1, "a", 20])
out = [next(g)]
out.append(g.send(False))
out.append(g.send(None))
out.append(g.send(True))
print(out)


async def classify(q):
    results = []
    while True:
        match await q.get():
            case None:
                return results
            case {"op": "add", "args": [a, b]}:
                results.append(a + b)
            case {"op": "sleep", "for": t}:
                await asyncio.sleep(t)
                results.append("slept")
            case unknown:
                results.append(("unknown", unknown))


async def main():
    q = asyncio.Queue()
    for m in [{"op": "add", "args": [1, 2]}, {"op": "sleep", "for": 0}, "junk", None]:
        q.put_nowait(m)
    print(await classify(q))


asyncio.run(main())


# Line numbers of errors raised while matching.
class Fussy:
    def __eq__(self, other):
        raise ArithmeticError("no comparing")


class Broken:
    __match_args__ = 5


def where_raised(v):
    match v:
        case [1, 2]:
            return "pair"
        case Broken(x):
            return "broken"
        case {"k": k} if k / 0:
            return "guard"
        case 3:
            return "three"
        case str():
            raise LookupError("from the body")


for v in [Broken(), {"k": 1}, Fussy(), "s"]:
    try:
        where_raised(v)
    except Exception as e:
        print(type(e).__name__, e, lines(e))


def uncaught(v):
    match v:
        case {"user": name}:
            print("user", name)
        case [x, y] if x < y:
            print("ascending")
        case Broken(1):
            print("never")


sys.stdout.flush()
uncaught({"user": "ann"})
uncaught([2, 1])
uncaught(Broken())
