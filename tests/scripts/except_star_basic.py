# except* (PEP 654): which part each clause sees, what is re-raised.
import sys


def show(label, e):
    print(label, type(e).__name__, repr(e))


def run(body):
    """Calls body and shows what escaped from it."""
    try:
        body()
    except BaseException as e:
        show("escaped:", e)
        return e
    print("completed")


# 1. one clause takes the matching part; the rest propagates with the
#    group's message and nesting
def split_two():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        show("handler:", e)
        print("  same as sys.exception():", sys.exception() is e)
        print("  message kept:", e.message, len(e.exceptions))


r = run(split_two)
print("  rest:", repr(r), "exceptions:", r.exceptions)

# 2. every part handled: execution continues after the try
def all_handled():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        show("V:", e)
    except* TypeError as e:
        show("T:", e)
    print("after the try")


run(all_handled)

# 3. a naked exception that matches is wrapped; one that does not passes unchanged
def naked_match():
    try:
        raise KeyError("k")
    except* LookupError as e:
        show("wrapped:", e)
        print("  traceback:", e.__traceback__, "inner is KeyError:", type(e.exceptions[0]).__name__)


run(naked_match)


def naked_no_match():
    try:
        raise KeyError("k")
    except* TypeError:
        print("not reached")
    except* ValueError:
        print("not reached")


r = run(naked_no_match)
print("  unchanged KeyError:", type(r).__name__)

# 4. a bare raise of a naked exception's part re-raises the wrapping group
def naked_reraise():
    try:
        raise KeyError("k")
    except* KeyError:
        raise


run(naked_reraise)

# 5. a naked exception that is a BaseException: a BaseExceptionGroup
def naked_base():
    try:
        raise KeyboardInterrupt()
    except* KeyboardInterrupt as e:
        show("base:", e)


run(naked_base)

# 6. nested groups keep their shape in the matched part and the rest
def nested():
    try:
        raise ExceptionGroup("outer", [
            ValueError("a"),
            ExceptionGroup("inner", [TypeError("b"), ValueError("c")]),
            ExceptionGroup("only-t", [TypeError("d")]),
        ])
    except* ValueError as e:
        show("V:", e)


run(nested)

# 7. tuple of types; clauses in order, each taking from what is left
def tuples():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3), OSError(4)])
    except* (ValueError, KeyError) as e:
        show("VK:", e)
    except* (TypeError, ValueError) as e:
        show("TV:", e)
    except* Exception as e:
        show("rest:", e)


run(tuples)

# 8. the whole group matches one clause: the clause gets the group itself
eg8 = ExceptionGroup("all", [ValueError(1), ValueError(2)])


def whole():
    try:
        raise eg8
    except* ValueError as e:
        print("whole group is e:", e is eg8)
    except* ValueError as e:
        print("not reached")


run(whole)

# 9. bare raise re-raises the part; merged back into the original's shape
def partial_reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("in", [ValueError(3), KeyError(4)])])
    except* ValueError:
        raise
    except* KeyError:
        pass


run(partial_reraise)

# 10. nothing handled: an equal group (a new object) with the same traceback
eg10 = ExceptionGroup("eg", [ValueError(1)])


def unhandled():
    try:
        raise eg10
    except* TypeError:
        pass


r = run(unhandled)
print("  is original:", r is eg10, "same traceback:", r.__traceback__ is eg10.__traceback__)

# 11. new exceptions join the unhandled rest in ExceptionGroup('', [...])
def new_raises():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        raise RuntimeError("from V")
    except* TypeError as e:
        raise OSError("from T") from e


r = run(new_raises)
for sub in r.exceptions:
    print("  sub:", repr(sub), "context:", repr(sub.__context__), "cause:", repr(sub.__cause__))

# 12. one new exception and nothing left: raised as it is
def one_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise RuntimeError("only")


r = run(one_new)
print("  context:", repr(r.__context__))

# 13. `raise e` adds a traceback entry: a new exception, not a re-raise
def raise_e():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e


run(raise_e)

# 14. re-raise mixed with a new raise
def mixed():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise
    except* TypeError:
        raise ZeroDivisionError("z")


run(mixed)

# 15. notes, cause and context are kept by the parts
def metadata():
    try:
        try:
            raise OSError("first")
        except OSError:
            g = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
            g.add_note("a note")
            raise g from KeyError("cause")
    except* ValueError as e:
        print("notes:", e.__notes__, "cause:", repr(e.__cause__), "context:", repr(e.__context__))
        print("suppress_context:", e.__suppress_context__)
        raise


r = run(metadata)
print("  notes:", r.__notes__, "cause:", repr(r.__cause__), "context:", repr(r.__context__))

# 16. the name is unbound after the clause; sys.exception() restored after
def names():
    e = "before"
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        pass
    try:
        print(e)
    except UnboundLocalError as u:
        print("UnboundLocalError:", u)
    print("sys.exception() after:", sys.exception())


run(names)

try:
    raise OSError("outer handled")
except OSError:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        print("inside, sys.exception():", repr(sys.exception()))
        print("inside, context of part:", repr(e.__context__))
    print("restored:", repr(sys.exception()))

# 17. the handled exception seen by the next clause's type expression
def which():
    print("  sys.exception() while matching:", repr(sys.exception()))
    return TypeError


def seen_by_type_expr():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass
    except* which():
        pass


run(seen_by_type_expr)

# 18. else and finally
def with_else():
    try:
        print("body")
    except* ValueError:
        print("not reached")
    else:
        print("else")
    finally:
        print("finally")


run(with_else)


def with_finally():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled V")
    else:
        print("not reached")
    finally:
        print("finally runs, exception:", repr(sys.exception()))


run(with_finally)

# 19. nested try/except* inside a clause, and inside the body
def nested_try():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError as e:
            try:
                raise ExceptionGroup("inner", [KeyError(3), OSError(4)])
            except* KeyError as k:
                show("inner handler:", k)
                print("  sys.exception():", repr(sys.exception()))
            print("  back in outer clause:", repr(sys.exception()))
    except* TypeError as t:
        show("outer T:", t)
    except* OSError as o:
        show("outer O:", o)


run(nested_try)

# 20. a plain except around except* sees the re-raised group
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass
except TypeError:
    print("not reached: a group is not a TypeError")
except ExceptionGroup as g:
    print("plain except got", repr(g))

# 21. subclasses: derive decides the type of the parts
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)


def subclass():
    try:
        raise MyGroup("mine", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        show("part:", e)
        raise


run(subclass)

# 22. loops inside a clause may break and continue
def loops():
    for i in range(3):
        try:
            raise ExceptionGroup("eg", [ValueError(i)])
        except* ValueError as e:
            for j in range(5):
                if j == 2:
                    break
                if j == 0:
                    continue
                print("  loop", i, j)
    print("loops done")


run(loops)

# 23. parts copy a sequence of notes into a list of their own and drop notes
#     that are not a sequence; matching is by type, not __instancecheck__
g = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
g.__notes__ = ("a", "b")
m, r = g.split(ValueError)
print("notes of a part:", m.__notes__, type(m.__notes__).__name__, m.__notes__ is not r.__notes__)
g.__notes__ = 42
print("non-sequence notes:", getattr(g.split(ValueError)[0], "__notes__", "absent"))


class AcceptsAll(type):
    def __instancecheck__(cls, inst):
        return True


class Weird(Exception, metaclass=AcceptsAll):
    pass


print("isinstance says:", isinstance(ValueError(), Weird), "split says:", g.split(Weird))
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* Weird as e:
    print("not reached", repr(e))
except* ValueError as e:
    print("taken by ValueError:", repr(e))
