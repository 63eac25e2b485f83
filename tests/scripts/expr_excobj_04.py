def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("ValueError('m').with_traceback(None).args", lambda: ValueError('m').with_traceback(None).args)
show("ValueError('x').__cause__", lambda: ValueError('x').__cause__)
show("ValueError('x').__context__", lambda: ValueError('x').__context__)
show("ValueError('x').__suppress_context__", lambda: ValueError('x').__suppress_context__)
show("AttributeError('a').args", lambda: AttributeError('a').args)
show("NameError('n').args", lambda: NameError('n').args)
show('UnicodeError.__mro__', lambda: UnicodeError.__mro__)
show('EOFError().args', lambda: EOFError().args)
show("ArithmeticError('x').args", lambda: ArithmeticError('x').args)
show("AssertionError('msg').args", lambda: AssertionError('msg').args)
show("RuntimeError('r') is not None", lambda: RuntimeError('r') is not None)
show('type(ValueError) is type', lambda: type(ValueError) is type)
