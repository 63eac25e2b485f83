"""multiprocessing.queues: Queue, SimpleQueue and JoinableQueue over a pipe.

Each message is one framed write (atomic on the pipe for frames below
PIPE_BUF, so several producers do not interleave small messages).  get()
with a timeout waits with select before reading.  A message is read in two
reads (frame length, then payload), so readers in several processes take
turns through a lock shared across fork; so do writers, for frames too long
to be written atomically.
"""

import os
import select
import time

from . import _codec
from queue import Empty, Full


class _TokenLock:
    """A lock shared by forked processes: a pipe holding one byte, the token.
    Reading the byte takes the lock (one reader gets it, the others block),
    writing it back releases it."""

    def __init__(self):
        self._r, self._w = os.pipe()
        os.write(self._w, b'.')

    def __enter__(self):
        os.read(self._r, 1)

    def __exit__(self, *exc):
        os.write(self._w, b'.')


class Queue:
    def __init__(self, maxsize=0, *, ctx=None):
        self._maxsize = maxsize
        self._reader, self._writer = os.pipe()
        self._closed = False
        self._rlock = _TokenLock()
        self._wlock = _TokenLock()

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        payload = _codec.dumps(obj)
        with self._wlock:
            _codec.send_bytes(self._writer, payload)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not block:
            timeout = 0.0
        if timeout is not None:
            if timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            deadline = time.monotonic() + timeout
        while True:
            # Wait for data without the lock, so that a reader waiting for a
            # message never keeps the others from one already there.
            wait = None if timeout is None else max(0.0, deadline - time.monotonic())
            r, w, x = select.select([self._reader], [], [], wait)
            if not r:
                raise Empty
            with self._rlock:
                # Another reader may have taken the message meanwhile.
                r, w, x = select.select([self._reader], [], [], 0)
                if r:
                    return _codec.recv(self._reader)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        r, w, x = select.select([self._reader], [], [], 0)
        return not r

    def full(self):
        return False

    def qsize(self):
        raise NotImplementedError()

    def close(self):
        self._closed = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):
    def task_done(self):
        pass

    def join(self):
        pass


class SimpleQueue(Queue):
    pass
