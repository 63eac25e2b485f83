"""multiprocessing.queues: Queue, SimpleQueue and JoinableQueue over a pipe.

Each message is one framed write (atomic on the pipe for frames below
PIPE_BUF, so several producers do not interleave small messages).  get()
with a timeout waits with select before reading.
"""

import os
import select

from . import _codec
from queue import Empty, Full


class Queue:
    def __init__(self, maxsize=0, *, ctx=None):
        self._maxsize = maxsize
        self._reader, self._writer = os.pipe()
        self._closed = False

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        _codec.send(self._writer, obj)

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
            r, w, x = select.select([self._reader], [], [], timeout)
            if not r:
                raise Empty
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
