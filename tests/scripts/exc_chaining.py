try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__)

try:
    try:
        raise KeyError(1)
    except KeyError:
        raise TypeError("no context") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))

def reraiser():
    try:
        raise IndexError("original")
    except IndexError:
        print("logging and reraising")
        raise

try:
    reraiser()
except IndexError as e:
    print("got", e)
try:
    raise
except RuntimeError as e:
    print(e)
