"""atexit: functions run when the interpreter exits normally.

The runtime calls _run_exitfuncs() at exit, after non-daemon threads have
been joined, when this module was imported.
"""
_exithandlers = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    import sys
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            print(f"Exception ignored in atexit callback: {func!r}", file=sys.stderr)
            import traceback
            # The traceback starts at the callback, as CPython's C loop shows it.
            traceback.print_exception(type(e), e, e.__traceback__.tb_next)
