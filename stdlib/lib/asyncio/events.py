"""asyncio.events — handles, the loop policy and the running-loop registry.

The running loop is recorded per thread (a thread-local when the threading
machinery provides one), as CPython does, so that loops in several threads
never see each other.
"""

__all__ = ('AbstractEventLoopPolicy', 'AbstractEventLoop', 'AbstractServer',
           'Handle', 'TimerHandle',
           'get_event_loop_policy', 'set_event_loop_policy', 'get_event_loop',
           'set_event_loop', 'new_event_loop', 'get_running_loop',
           '_get_running_loop', '_set_running_loop')

import contextvars
import os as _os
import sys as _sys

import _asyncio

from . import format_helpers


# Handle and TimerHandle are C types (stdlib/_asyncio_loop.c) with
# CPython's attributes, methods and reprs: the loop makes one per callback
# and keeps TimerHandles in its C timer heap.
Handle = _asyncio.Handle
TimerHandle = _asyncio.TimerHandle


def _creation_stack():
    """Where a handle is being made, for debug mode: the innermost 10 frames
    of the Python code that called the loop's C method, outermost first
    (CPython's format_helpers.extract_stack, source lines not read)."""
    import traceback
    f = _sys._getframe(1)
    stack = traceback.StackSummary()
    while f is not None and len(stack) < 10:
        stack.append(traceback.FrameSummary(f.f_code.co_filename, f.f_lineno,
                                            f.f_code.co_name, lookup_line=False))
        f = f.f_back
    stack.reverse()
    return stack


_asyncio._set_loop_helpers(format_helpers._format_callback_source, _creation_stack)


class AbstractEventLoop:
    """Abstract event loop."""


class AbstractServer:
    """Abstract server returned by create_server()."""


class AbstractEventLoopPolicy:
    """Abstract policy for accessing the event loop."""


def _thread_key():
    try:
        import _thread
        return _thread.get_ident()
    except ImportError:
        return 0


# The running loop of each thread (C, stdlib/_asyncio_loop.c): recorded per
# thread ident with the pid, so that a forked child never sees its parent's.
_get_running_loop = _asyncio._get_running_loop
_set_running_loop = _asyncio._set_running_loop
get_running_loop = _asyncio.get_running_loop


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    _loop_factory = None

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
        return self._loop_factory()


_event_loop_policy = None


def get_event_loop_policy():
    global _event_loop_policy
    if _event_loop_policy is None:
        # The platform's policy (asyncio.unix_events), as CPython's
        # _init_event_loop_policy.
        from . import DefaultEventLoopPolicy
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
