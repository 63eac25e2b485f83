"""asyncio.events — handles, the loop policy and the running-loop registry.

The running loop is recorded per thread (a thread-local when the threading
machinery provides one), as CPython does, so that loops in several threads
never see each other.
"""

__all__ = ('AbstractEventLoopPolicy', 'AbstractEventLoop', 'Handle', 'TimerHandle',
           'get_event_loop_policy', 'set_event_loop_policy', 'get_event_loop',
           'set_event_loop', 'new_event_loop', 'get_running_loop',
           '_get_running_loop', '_set_running_loop')

import os as _os

from . import format_helpers


class Handle:
    """Object returned by callback registration methods."""

    __slots__ = ('_callback', '_args', '_cancelled', '_loop', '_repr', '_context', '__weakref__')

    def __init__(self, callback, args, loop, context=None):
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        self._context = context

    def _repr_info(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(format_helpers._format_callback_source(self._callback, self._args))
        return info

    def __repr__(self):
        if self._repr is not None:
            return self._repr
        info = self._repr_info()
        return '<{}>'.format(' '.join(info))

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            cb = format_helpers._format_callback_source(self._callback, self._args)
            msg = f'Exception in callback {cb}'
            context = {
                'message': msg,
                'exception': exc,
                'handle': self,
            }
            self._loop.call_exception_handler(context)


class TimerHandle(Handle):
    """Object returned by timed callback registration methods."""

    __slots__ = ['_scheduled', '_when']

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        info = super()._repr_info()
        pos = 2 if self._cancelled else 1
        info.insert(pos, f'when={self._when}')
        return info

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and
                    self._callback == other._callback and
                    self._args == other._args and
                    self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        return self._when


class AbstractEventLoop:
    """Abstract event loop."""


class AbstractEventLoopPolicy:
    """Abstract policy for accessing the event loop."""


def _thread_key():
    try:
        import _thread
        return _thread.get_ident()
    except ImportError:
        return 0


# Per-thread records: thread ident -> (running loop, pid).  Entries are
# removed when the loop stops running.
_running = {}


def _get_running_loop():
    rec = _running.get(_thread_key())
    if rec is not None and rec[1] == _os.getpid():
        return rec[0]
    return None


def _set_running_loop(loop):
    key = _thread_key()
    if loop is None:
        _running.pop(key, None)
    else:
        _running[key] = (loop, _os.getpid())


def get_running_loop():
    """Return the running event loop.  Raise a RuntimeError if there is none."""
    loop = _get_running_loop()
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    def __init__(self):
        self._loops = {}
        self._set_called = set()

    def _is_main(self):
        try:
            import threading
        except ImportError:
            return True
        return threading.current_thread() is threading.main_thread()

    def get_event_loop(self):
        key = _thread_key()
        loop = self._loops.get(key)
        if loop is None and key not in self._set_called and self._is_main():
            loop = self.new_event_loop()
            self._loops[key] = loop
        if loop is None:
            try:
                import threading
                name = threading.current_thread().name
            except ImportError:
                name = 'MainThread'
            raise RuntimeError('There is no current event loop in thread %r.' % name)
        return loop

    def set_event_loop(self, loop):
        key = _thread_key()
        self._set_called.add(key)
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
        self._loops[key] = loop

    def new_event_loop(self):
        from .base_events import BaseEventLoop
        return BaseEventLoop()


DefaultEventLoopPolicy = BaseDefaultEventLoopPolicy
_event_loop_policy = None


def get_event_loop_policy():
    global _event_loop_policy
    if _event_loop_policy is None:
        _event_loop_policy = DefaultEventLoopPolicy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _event_loop_policy = policy


def get_event_loop():
    current_loop = _get_running_loop()
    if current_loop is not None:
        return current_loop
    return get_event_loop_policy().get_event_loop()


def _get_event_loop(stacklevel=3):
    return get_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()
