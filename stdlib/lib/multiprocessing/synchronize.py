"""multiprocessing.synchronize: Lock, RLock, Semaphore, BoundedSemaphore and
Event shared by a process and the children it forks.

The semaphore's value is a number of one-byte tokens waiting in a socket
pair that every forked child inherits: acquire takes a token from the
non-blocking read end (waiting in select when there is none), release puts
one back.  The kernel hands each token to exactly one taker, across threads
and processes alike.  As with CPython, ownership (for RLock and the reprs)
is counted per process and thread, and a child starts owning nothing.
An Event is set while one byte waits in its socket pair: waiters select on
it without taking it.
"""

import os
import select
import socket
import threading
import time

from .process import current_process

SEM_VALUE_MAX = 2147483647


class SemLock:
    def __init__(self, value, maxvalue, recursive=False):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._take, self._give = socket.socketpair()
        self._take.setblocking(False)
        self._maxvalue = maxvalue
        self._recursive = recursive
        # Acquires minus releases in process _pid; _tid made the last acquire.
        self._pid = os.getpid()
        self._tid = None
        self._count = 0
        if value:
            self._give.sendall(b'.' * value)

    def _held_here(self):
        """This process's acquire count: a forked child starts with none."""
        if self._pid != os.getpid():
            self._pid, self._tid, self._count = os.getpid(), None, 0
        return self._count

    def _is_mine(self):
        return self._held_here() > 0 and self._tid == threading.get_ident()

    def _get_value(self):
        try:
            return len(self._take.recv(min(self._maxvalue, 1 << 16), socket.MSG_PEEK))
        except BlockingIOError:
            return 0

    def _took(self):
        self._count = self._held_here() + 1
        self._tid = threading.get_ident()
        return True

    def acquire(self, block=True, timeout=None):
        if self._recursive and self._is_mine():
            self._count += 1
            return True
        deadline = None
        if block and timeout is not None:
            deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            try:
                self._take.recv(1)
                return self._took()
            except BlockingIOError:
                pass
            if not block:
                return False
            wait = None
            if deadline is not None:
                wait = deadline - time.monotonic()
                if wait <= 0:
                    return False
            select.select([self._take], [], [], wait)

    def release(self):
        if self._recursive:
            if not self._is_mine():
                raise AssertionError('attempt to release recursive lock not owned by thread')
            if self._count > 1:
                self._count -= 1
                return
        elif self._get_value() >= self._maxvalue:
            raise ValueError('semaphore or lock released too many times')
        self._count = self._held_here() - 1
        self._give.sendall(b'.')

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


def _owner_name():
    name = current_process().name
    if threading.current_thread().name != 'MainThread':
        name += '|' + threading.current_thread().name
    return name


class Semaphore(SemLock):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, value, SEM_VALUE_MAX)

    def get_value(self):
        return self._get_value()

    def __repr__(self):
        return '<%s(value=%s)>' % (self.__class__.__name__, self._get_value())


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, value, value)

    def __repr__(self):
        return '<%s(value=%s, maxvalue=%s)>' % (
            self.__class__.__name__, self._get_value(), self._maxvalue)


class Lock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, 1, 1)

    def __repr__(self):
        if self._is_mine():
            name = _owner_name()
        elif self._get_value() == 1:
            name = 'None'
        elif self._held_here() > 0:
            name = 'SomeOtherThread'
        else:
            name = 'SomeOtherProcess'
        return '<%s(owner=%s)>' % (self.__class__.__name__, name)


class RLock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, 1, 1, recursive=True)

    def __repr__(self):
        if self._is_mine():
            name, count = _owner_name(), self._count
        elif self._get_value() == 1:
            name, count = 'None', 0
        elif self._held_here() > 0:
            name, count = 'SomeOtherThread', 'nonzero'
        else:
            name, count = 'SomeOtherProcess', 'nonzero'
        return '<%s(%s, %s)>' % (self.__class__.__name__, name, count)


class Event:
    def __init__(self, *, ctx=None):
        self._lock = Lock()
        self._flag, self._raise = socket.socketpair()
        self._flag.setblocking(False)

    def is_set(self):
        try:
            return self._flag.recv(1, socket.MSG_PEEK) != b''
        except BlockingIOError:
            return False

    def set(self):
        with self._lock:
            if not self.is_set():
                self._raise.sendall(b'.')

    def clear(self):
        with self._lock:
            try:
                self._flag.recv(1)
            except BlockingIOError:
                pass

    def wait(self, timeout=None):
        if timeout is not None:
            timeout = max(timeout, 0.0)
        select.select([self._flag], [], [], timeout)
        return self.is_set()

    def __repr__(self):
        set_or_unset = 'set' if self.is_set() else 'unset'
        return f"<{type(self).__qualname__} at {id(self):#x} {set_or_unset}>"
