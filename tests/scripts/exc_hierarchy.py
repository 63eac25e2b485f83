def classify(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return "zero division"
    except ArithmeticError:
        return "arithmetic"
    except (KeyError, IndexError) as e:
        return "lookup: " + type(e).__name__
    except LookupError:
        return "other lookup"
    except Exception as e:
        return "generic " + type(e).__name__
    except BaseException as e:
        return "base " + type(e).__name__

for exc in [ZeroDivisionError(), OverflowError(), KeyError("k"), IndexError(), LookupError(),
            ValueError(), RuntimeError(), KeyboardInterrupt(), SystemExit(2), GeneratorExit(),
            UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), FileNotFoundError(), RecursionError()]:
    print(type(exc).__name__, "->", classify(exc))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise TypeError("a", "b") from ValueError("c")
except TypeError as e:
    print(e, e.__cause__, type(e.__cause__).__name__)
errors = (TypeError, ValueError)
try:
    int("x")
except errors as e:
    print("caught via tuple variable:", type(e).__name__)
try:
    try:
        raise KeyError("inner")
    except ValueError:
        print("wrong handler")
except KeyError as e:
    print("outer got", e)
