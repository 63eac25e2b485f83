"""asyncio.futures — Future, the awaitable result slot tasks wait on.

Future itself is the native _asyncio.Future; this module keeps the parts
CPython keeps in Python: the repr helpers it calls, and chaining with
concurrent.futures.
"""

__all__ = ('Future', 'wrap_future', 'isfuture')

import _asyncio

from . import events
from . import exceptions
from . import format_helpers

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _format_callbacks(cb):
    size = len(cb)
    if not size:
        cb = ''

    def format_cb(callback):
        return format_helpers._format_callback_source(callback, ())

    if size == 1:
        cb = format_cb(cb[0][0])
    elif size == 2:
        cb = '{}, {}'.format(format_cb(cb[0][0]), format_cb(cb[1][0]))
    elif size > 2:
        cb = '{}, <{} more>, {}'.format(format_cb(cb[0][0]), size - 2, format_cb(cb[-1][0]))
    return f'cb=[{cb}]'


def _short_repr(obj, level=6):
    """reprlib.repr's abbreviation (as CPython's Future repr uses it)."""
    t = type(obj)
    if t is list or t is tuple or t is set or t is frozenset:
        if not obj:
            return repr(obj)
        if level <= 0:
            return {list: '[...]', tuple: '(...)', set: '{...}', frozenset: 'frozenset({...})'}[t]
        items = sorted(obj) if t is set or t is frozenset and _sortable(obj) else list(obj)
        parts = [_short_repr(x, level - 1) for x in items[:6]]
        if len(obj) > 6:
            parts.append('...')
        body = ', '.join(parts)
        if t is list:
            return '[' + body + ']'
        if t is tuple:
            return '(' + body + (',)' if len(obj) == 1 else ')')
        if t is set:
            return '{' + body + '}'
        return 'frozenset({' + body + '})'
    if t is dict:
        if not obj:
            return '{}'
        if level <= 0:
            return '{...}'
        keys = list(obj)
        if _sortable(keys):
            keys = sorted(keys)
        parts = [f'{_short_repr(k, level - 1)}: {_short_repr(obj[k], level - 1)}' for k in keys[:4]]
        if len(obj) > 4:
            parts.append('...')
        return '{' + ', '.join(parts) + '}'
    if t is str:
        r = repr(obj[:30])
        if len(r) > 30:
            i = max(0, (30 - 3) // 2)
            j = max(0, 30 - 3 - i)
            r = repr(obj[:i] + obj[len(obj) - j:])
            r = r[:i] + '...' + r[len(r) - j:]
        return r
    if t is int:
        r = repr(obj)
        if len(r) > 40:
            r = r[:18] + '...' + r[len(r) - 19:]
        return r
    r = repr(obj)
    if len(r) > 30:
        r = r[:13] + '...' + r[len(r) - 14:]
    return r


def _sortable(items):
    try:
        sorted(items)
        return True
    except Exception:
        return False


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            info.append(f'result={_short_repr(future._result)}')
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


# The Future type is _asyncio.Future (stdlib/_asyncio_future.c); its repr
# calls _future_repr_info above, as CPython's calls base_futures.
Future = _asyncio.Future
_PyFuture = Future


def _get_loop(fut):
    try:
        get_loop = fut.get_loop
    except AttributeError:
        pass
    else:
        return get_loop()
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


def _convert_future_exc(exc):
    exc_class = type(exc)
    name = exc_class.__name__
    if name == 'CancelledError' and exc_class is not exceptions.CancelledError:
        return exceptions.CancelledError(*exc.args)
    return exc


def _set_concurrent_future_state(concurrent, source):
    assert source.done()
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(_convert_future_exc(exception))
    else:
        concurrent.set_result(source.result())


def _copy_future_state(source, dest):
    assert source.done()
    if dest.cancelled():
        return
    assert not dest.done()
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(_convert_future_exc(exception))
        else:
            dest.set_result(source.result())


def _chain_future(source, destination):
    """Copy state from a future (asyncio or concurrent.futures) to another."""
    source_loop = _get_loop(source) if isfuture(source) else None
    dest_loop = _get_loop(destination) if isfuture(destination) else None

    def _set_state(future, other):
        if isfuture(future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if destination.cancelled() and dest_loop is not None and dest_loop.is_closed():
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            if dest_loop.is_closed():
                return
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    """Wrap concurrent.futures.Future object."""
    if isfuture(future):
        return future
    if loop is None:
        loop = events.get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future
