"""asyncio.coroutines — coroutine predicates and the repr helper for Tasks."""

__all__ = ('iscoroutinefunction', 'iscoroutine')

import _asyncio

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


async def _probe():
    pass

_probe_obj = _probe()
_CoroutineType = type(_probe_obj)
_probe_obj.close()
del _probe_obj


def _agen():
    yield
_GeneratorType = type(_agen())
del _agen


_is_coroutine = object()


def iscoroutinefunction(func):
    """Return True if func is a decorated coroutine function."""
    if getattr(func, '_is_coroutine', None) is _is_coroutine:
        return True
    while hasattr(func, '__func__'):
        func = func.__func__
    code = getattr(func, '__code__', None)
    return code is not None and bool(code.co_flags & _CO_COROUTINE)


def iscoroutine(obj):
    """Return True if obj is a coroutine object."""
    t = type(obj)
    if t is _CoroutineType:
        return True
    if t is _GeneratorType:
        return False
    return (hasattr(obj, 'send') and hasattr(obj, 'throw') and hasattr(obj, 'close')
            and hasattr(obj, '__await__'))


def _format_coroutine(coro):
    if getattr(coro, '__qualname__', None):
        coro_name = coro.__qualname__
    elif getattr(coro, '__name__', None):
        coro_name = coro.__name__
    else:
        coro_name = f'<{type(coro).__name__} without __name__>'
    coro_name = f'{coro_name}()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', getattr(coro, 'gi_running', False))
        return f'{coro_name} running' if running else coro_name
    filename = code.co_filename or '<empty co_filename>'
    line = _asyncio.coro_line(coro)
    if line:
        return f'{coro_name} running at {filename}:{line}'
    return f'{coro_name} done, defined at {filename}:{code.co_firstlineno}'
