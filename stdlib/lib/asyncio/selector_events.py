"""asyncio.selector_events — the loop's I/O readiness callbacks.

The loop's epoll instance and its wait are in the C core
(_asyncio.EventLoopCore): _run_once queues the handle registered here for
each ready fd.  As CPython's BaseSelectorEventLoop, a reader or writer
replaced or removed is cancelled, so that it does not run even when its fd
was already reported ready in the current iteration.
"""

__all__ = ('BaseSelectorEventLoop',)

import _asyncio

from . import base_events
from . import events

_EPOLL_CTL_ADD, _EPOLL_CTL_DEL, _EPOLL_CTL_MOD = 1, 2, 3


def _fileno(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


class BaseSelectorEventLoop(base_events.BaseEventLoop):
    """Selector event loop: I/O readiness through the loop's epoll instance."""

    def __init__(self, selector=None):
        super().__init__()
        self._registered = set()

    def _update_fd(self, fd):
        mask = 0
        if fd in self._readers:
            mask |= _asyncio.EPOLLIN
        if fd in self._writers:
            mask |= _asyncio.EPOLLOUT
        registered = fd in self._registered
        if mask and registered:
            _asyncio.epoll_ctl(self._epfd, _EPOLL_CTL_MOD, fd, mask)
        elif mask:
            _asyncio.epoll_ctl(self._epfd, _EPOLL_CTL_ADD, fd, mask)
            self._registered.add(fd)
        elif registered:
            _asyncio.epoll_ctl(self._epfd, _EPOLL_CTL_DEL, fd, 0)
            self._registered.discard(fd)

    def _add_reader(self, fd, callback, *args):
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        fd = _fileno(fd)
        old = self._readers.get(fd)
        self._readers[fd] = handle
        self._update_fd(fd)
        if old is not None:
            old.cancel()
        return handle

    def _remove_reader(self, fd):
        if self.is_closed():
            return False
        fd = _fileno(fd)
        handle = self._readers.pop(fd, None)
        if handle is None:
            return False
        self._update_fd(fd)
        handle.cancel()
        return True

    def _add_writer(self, fd, callback, *args):
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        fd = _fileno(fd)
        old = self._writers.get(fd)
        self._writers[fd] = handle
        self._update_fd(fd)
        if old is not None:
            old.cancel()
        return handle

    def _remove_writer(self, fd):
        if self.is_closed():
            return False
        fd = _fileno(fd)
        handle = self._writers.pop(fd, None)
        if handle is None:
            return False
        self._update_fd(fd)
        handle.cancel()
        return True

    def add_reader(self, fd, callback, *args):
        """Add a reader callback."""
        self._add_reader(fd, callback, *args)

    def remove_reader(self, fd):
        """Remove a reader callback."""
        return self._remove_reader(fd)

    def add_writer(self, fd, callback, *args):
        """Add a writer callback.."""
        self._add_writer(fd, callback, *args)

    def remove_writer(self, fd):
        """Remove a writer callback."""
        return self._remove_writer(fd)
