"""multiprocessing._worker: forked worker processes for Pool and
concurrent.futures.ProcessPoolExecutor.

Each worker has its own task pipe and result pipe, so frames never
interleave and the parent knows which worker is idle.  A task is
(task_id, fn, args, kwargs); the answer is (task_id, ok, value) where
value is the result or the exception raised.  The worker ends at EOF on
its task pipe or on a None task.
"""

import os
import sys

from . import _codec, process

# Parent-side pipe ends of every live worker, Pool's and
# ProcessPoolExecutor's: a worker forked later closes them, so that each
# worker sees EOF on its task pipe once the parent is gone, and the parent
# sees EOF on a result pipe once its worker is gone.
_open_fds = set()


class Worker:
    def __init__(self, name, identity, initializer=None, initargs=()):
        tr, tw = os.pipe()
        rr, rw = os.pipe()
        process._flush_std()
        pid = os.fork()
        if pid == 0:
            os.close(tw)
            os.close(rr)
            for fd in list(_open_fds):
                try:
                    os.close(fd)
                except OSError:
                    pass
            _open_fds.clear()
            code = 0
            try:
                _run_worker(name, identity, tr, rw, initializer, initargs)
            except BaseException:
                code = 1
            process._flush_std()
            os._exit(code)
        os.close(tr)
        os.close(rw)
        _open_fds.add(tw)
        _open_fds.add(rr)
        self.pid = pid
        self.task_fd = tw
        self.result_fd = rr
        self.busy = None          # task id being run, or None
        self.exitcode = None

    def submit(self, task_id, fn, args, kwargs):
        self.busy = task_id
        _codec.send(self.task_fd, (task_id, fn, tuple(args), dict(kwargs)))

    def stop(self, polite=True):
        if self.task_fd is not None:
            if polite:
                try:
                    _codec.send(self.task_fd, None)
                except OSError:
                    pass
            _open_fds.discard(self.task_fd)
            os.close(self.task_fd)
            self.task_fd = None

    def join(self, polite=True):
        self.stop(polite)
        if self.exitcode is None:
            try:
                pid, status = os.waitpid(self.pid, 0)
                self.exitcode = os.waitstatus_to_exitcode(status)
            except ChildProcessError:
                self.exitcode = 0
        if self.result_fd is not None:
            _open_fds.discard(self.result_fd)
            os.close(self.result_fd)
            self.result_fd = None

    def terminate(self):
        try:
            os.kill(self.pid, 15)
        except ProcessLookupError:
            pass
        self.join(False)


def _run_worker(name, identity, tr, rw, initializer, initargs):
    proc = process.current_process()
    child = process.ForkProcess.__new__(process.ForkProcess)
    child.__dict__.update(proc.__dict__)
    child._name = name
    child._parent_pid = proc.pid
    child._popen_pid = os.getpid()
    child._identity = identity
    process._parent_process = process._ParentProcess(proc.name, proc.pid)
    process._current_process = child
    process._children.clear()
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            task = _codec.recv(tr)
        except EOFError:
            return
        if task is None:
            return
        task_id, fn, args, kwargs = task
        try:
            answer = (task_id, True, fn(*args, **kwargs))
        except BaseException as e:
            answer = (task_id, False, e)
        try:
            payload = _codec.dumps(answer)
        except Exception as e:
            payload = _codec.dumps((task_id, False, e))
        _codec.send_bytes(rw, payload)
