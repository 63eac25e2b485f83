# except*: errors at match time and at compile time, worded as CPython's.
import sys


def attempt(label, f):
    try:
        f()
    except BaseException as e:
        print(label, type(e).__name__ + ":", e)
        print("  context:", repr(e.__context__))


def star_group():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass


def star_base_group():
    try:
        raise ValueError(1)
    except* BaseExceptionGroup:
        pass


def star_tuple_with_group():
    try:
        raise ValueError(1)
    except* (ValueError, ExceptionGroup):
        pass


def star_subclass_of_group():
    class G(ExceptionGroup):
        pass
    try:
        raise ValueError(1)
    except* G:
        pass


def star_not_a_class():
    try:
        raise ValueError(1)
    except* 42:
        pass


def star_tuple_not_classes():
    try:
        raise ValueError(1)
    except* (ValueError, "x"):
        pass


def error_in_second_clause():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("  first clause ran")
    except* ExceptionGroup:
        pass


def type_expression_raises():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* undefined_name:
        pass


attempt("ExceptionGroup:", star_group)
attempt("BaseExceptionGroup:", star_base_group)
attempt("tuple:", star_tuple_with_group)
attempt("subclass:", star_subclass_of_group)
attempt("not a class:", star_not_a_class)
attempt("tuple not classes:", star_tuple_not_classes)
attempt("second clause:", error_in_second_clause)
attempt("name error:", type_expression_raises)
print("no exception left:", sys.exception())

# SyntaxErrors, compiled from source so that each case can be shown
sources = {
    "break": "for i in x:\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "continue": "for i in x:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "return": "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "bare return": "def f():\n    try:\n        pass\n    except* ValueError as e:\n        if e:\n            return\n",
    "return in nested try": ("def f():\n    try:\n        pass\n    except* ValueError:\n"
                             "        try:\n            return 2\n        except KeyError:\n            pass\n"),
    "break in else of loop": ("for i in x:\n    try:\n        pass\n    except* ValueError:\n"
                              "        for j in y:\n            pass\n        else:\n            break\n"),
    "return on two lines": "def f():\n    try:\n        pass\n    except* ValueError:\n        return (\n  1)\n",
    "return name": "def f():\n    try:\n        pass\n    except* ValueError:\n        return x\n",
    "break without loop": "try:\n    pass\nexcept* ValueError:\n    break\n",
    "no type": "try:\n    pass\nexcept*:\n    pass\n",
    "mixed": "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
    "mixed other order": "try:\n    pass\nexcept TypeError:\n    pass\nexcept* ValueError:\n    pass\n",
    "mixed, spaced star": "try:\n    pass\nexcept TypeError:\n    pass\nexcept  *  ValueError:\n    pass\n",
    "star without try": "except* ValueError:\n    pass\n",
}
for name, src in sources.items():
    try:
        compile(src, "<" + name + ">", "exec")
        print(name, "compiled")
    except SyntaxError as e:
        print(name, "->", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))

# allowed: return/break/continue in the try body, in else, in finally and in
# functions or loops defined inside a clause
ok = {
    "return in body": "def f():\n    try:\n        return 1\n    except* ValueError:\n        pass\n",
    "break in else": "for i in x:\n    try:\n        pass\n    except* ValueError:\n        pass\n    else:\n        break\n",
    "continue in finally": ("for i in x:\n    try:\n        pass\n    except* ValueError:\n        pass\n"
                            "    finally:\n        continue\n"),
    "def in clause": "try:\n    pass\nexcept* ValueError:\n    def g():\n        return 1\n",
    "loop in clause": "try:\n    pass\nexcept* ValueError:\n    while True:\n        break\n",
    "lambda in clause": "try:\n    pass\nexcept* ValueError:\n    f = lambda: 1\n",
}
for name, src in ok.items():
    compile(src, "<" + name + ">", "exec")
    print(name, "compiled")


def returns_from_body():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                return "returned from the body"
        except* ValueError:
            pass
        else:
            print("else at", i)
        finally:
            print("finally at", i)


print(returns_from_body())
