def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('StopIteration(5).value', lambda: StopIteration(5).value)
show('StopIteration().value', lambda: StopIteration().value)
show('SystemExit(3).code', lambda: SystemExit(3).code)
show('SystemExit().code', lambda: SystemExit().code)
show("repr(SystemExit('bye'))", lambda: repr(SystemExit('bye')))
show("OSError(2, 'No such file').errno", lambda: OSError(2, 'No such file').errno)
show("str(OSError(2, 'No such file'))", lambda: str(OSError(2, 'No such file')))
show("str(OSError(2, 'No such file', 'f.txt'))", lambda: str(OSError(2, 'No such file', 'f.txt')))
show("type(OSError(2, 'x')).__name__", lambda: type(OSError(2, 'x')).__name__)
show("type(OSError(17, 'x')).__name__", lambda: type(OSError(17, 'x')).__name__)
show("OSError('plain').errno", lambda: OSError('plain').errno)
show("str(FileNotFoundError(2, 'missing', 'p'))", lambda: str(FileNotFoundError(2, 'missing', 'p')))
