def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('isinstance(KeyError(), LookupError)', lambda: isinstance(KeyError(), LookupError))
show('issubclass(TimeoutError, OSError)', lambda: issubclass(TimeoutError, OSError))
show('issubclass(ModuleNotFoundError, ImportError)', lambda: issubclass(ModuleNotFoundError, ImportError))
show('issubclass(RecursionError, RuntimeError)', lambda: issubclass(RecursionError, RuntimeError))
show('issubclass(IndentationError, SyntaxError)', lambda: issubclass(IndentationError, SyntaxError))
show('issubclass(UnicodeDecodeError, ValueError)', lambda: issubclass(UnicodeDecodeError, ValueError))
show('issubclass(GeneratorExit, Exception)', lambda: issubclass(GeneratorExit, Exception))
show('issubclass(KeyboardInterrupt, Exception)', lambda: issubclass(KeyboardInterrupt, Exception))
show('BaseException.__subclasses__ is not None', lambda: BaseException.__subclasses__ is not None)
show('ZeroDivisionError.__mro__', lambda: ZeroDivisionError.__mro__)
show('NotImplementedError.__bases__', lambda: NotImplementedError.__bases__)
show('Exception.__name__', lambda: Exception.__name__)
