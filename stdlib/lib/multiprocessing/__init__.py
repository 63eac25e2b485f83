"""multiprocessing: processes started with os.fork, with Queue, Pipe and
Pool exchanging objects in the encoding of multiprocessing._codec."""

import os

from .process import current_process, active_children, parent_process
from .process import BaseProcess, ForkProcess
from .connection import Pipe
from .queues import Queue, SimpleQueue, JoinableQueue
from .pool import Pool, TimeoutError
from .synchronize import Lock, RLock, Semaphore, BoundedSemaphore, Event


class Process(BaseProcess):
    pass


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def cpu_count():
    n = os.cpu_count()
    if n is None:
        raise NotImplementedError('cannot determine number of cpus')
    return n


def get_start_method(allow_none=False):
    return 'fork'


def set_start_method(method, force=False):
    if method != 'fork':
        raise ValueError(f"cannot find context for {method!r}")


def get_all_start_methods():
    return ['fork']


def freeze_support():
    pass


class _Context:
    Process = ForkProcess
    Queue = Queue
    Pipe = staticmethod(Pipe)
    Pool = Pool

    def get_start_method(self, allow_none=False):
        return 'fork'

    def cpu_count(self):
        return cpu_count()


def get_context(method=None):
    set_start_method(method or 'fork')
    return _Context()
