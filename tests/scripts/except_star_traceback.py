# Tracebacks of groups that leave try/except*: printed by sys.excepthook
# and, for the last one, by the interpreter at exit.
import sys


def show(f):
    try:
        f()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)
        print("---", file=sys.stderr)


def partly_handled():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise
    except* TypeError:
        raise RuntimeError("new") from None


def caller():
    partly_handled()


show(caller)


def naked_reraised():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise


show(naked_reraised)


def naked_then_error():
    try:
        raise ValueError("naked")
    except* ValueError:
        1 / 0


show(naked_then_error)


def handler_errors():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        {}["missing"]
    except* TypeError:
        [][1]


show(handler_errors)


def context_kept():
    try:
        try:
            raise OSError("first")
        except OSError:
            raise ExceptionGroup("during", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass


show(context_kept)


def bad_type():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass


show(bad_type)


def outer():
    try:
        inner()
    except* KeyError:
        print("outer took the KeyError")


def inner():
    try:
        raise ExceptionGroup("nested", [ValueError(1), ExceptionGroup("deeper", [KeyError(2), TypeError(3)])])
    except* TypeError as e:
        raise


outer()
