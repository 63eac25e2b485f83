"""ProcessPoolExecutor: calls run in a pool of worker processes.

As CPython's with the fork start method, the first submit() forks all
max_workers workers, then starts the executor manager thread:

  submit()  -> the work item is numbered and kept in _pending_work_items,
               its id queued in _work_ids; the manager is woken through a
               pipe.
  manager   -> moves queued items to the call pipe, which all workers
               read, marking their futures running.  As many calls as
               CPython keeps in flight (one running in each worker plus a
               call queue of max_workers + EXTRA_QUEUED_CALLS) are handed
               out; the others stay pending and can be cancelled.
  worker    -> reads a call (a one-byte token pipe makes the reads of a
               frame exclusive), runs it and writes the outcome to its own
               result pipe.
  manager   -> completes the future.

Calls and outcomes are sent in the encoding of multiprocessing._codec.
The manager writes the call pipe only as far as select() says it can
without blocking (at most PIPE_BUF bytes at a time), so it keeps reading
results while a large call is on its way: no feeder thread is needed.

A worker's result pipe that reaches end of file before the worker was told
to leave means the worker died: the pool is broken, every pending future
gets BrokenProcessPool and the other workers are terminated.

At interpreter exit (threading._register_atexit, before the threads are
joined) every manager finishes the submitted work and stops its workers,
so an executor that was never shut down leaves no process behind.
"""

import collections
import itertools
import os
import queue
import select
import threading
from functools import partial
from traceback import format_exception

from concurrent.futures import _base
from multiprocessing import _codec, _worker
from multiprocessing import process as _mp_process

_threads_wakeups = {}
_global_shutdown = False


def _python_exit():
    global _global_shutdown
    _global_shutdown = True
    items = list(_threads_wakeups.items())
    for _, thread_wakeup in items:
        thread_wakeup.wakeup()
    for t, _ in items:
        t.join()


threading._register_atexit(_python_exit)

EXTRA_QUEUED_CALLS = 1

# Writes of at most this many bytes to a pipe that select() reports
# writable never block.
_PIPE_BUF = 4096

# The call frame that tells a worker to leave.
_STOP = b''


class _ThreadWakeup:
    """Wakes the manager from its select().  Only the first wakeup before
    the manager runs writes to the pipe.  The lock is reentrant because
    the executor's finalizer wakes the manager too, and may run in a
    thread that is inside wakeup() or clear() already."""

    def __init__(self):
        self._closed = False
        self._pending = False
        self._lock = threading.RLock()
        self._reader, self._writer = os.pipe()
        _worker._open_fds.update((self._reader, self._writer))

    def close(self):
        with self._lock:
            if not self._closed:
                self._closed = True
                for fd in (self._writer, self._reader):
                    _worker._open_fds.discard(fd)
                    os.close(fd)

    def wakeup(self):
        with self._lock:
            if not self._closed and not self._pending:
                self._pending = True
                os.write(self._writer, b'x')

    def clear(self):
        """Called by the manager when select() found the pipe readable."""
        with self._lock:
            if not self._closed:
                os.read(self._reader, 4096)
                self._pending = False


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def _remote_traceback_text(exc):
    tb = ''.join(format_exception(type(exc), exc, exc.__traceback__))
    return '\n"""\n%s"""' % tb


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


def _get_chunks(*iterables, chunksize):
    """ Iterates over zip()ed iterables in chunks. """
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _process_chunk(fn, chunk):
    """ Processes a chunk of an iterable passed to map.

    Runs the function passed to map() on a chunk of the
    iterable passed to map.

    This function is run in a separate process.

    """
    return [fn(*args) for args in chunk]


def _chain_from_iterable_of_lists(iterable):
    """
    Specialized implementation of itertools.chain.from_iterable.
    Each item in *iterable* should be a list.  This function is
    careful not to keep references to yielded objects.
    """
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


# ---- the worker process ------------------------------------------------------

def _encode_outcome(work_id, ok, value):
    """The result frame: '<work_id>;' then (ok, value, traceback text)."""
    head = b'%d;' % work_id
    if ok:
        try:
            return head + _codec.dumps((True, value, None))
        except BaseException as e:
            value = e
    try:
        return head + _codec.dumps((False, value, _remote_traceback_text(value)))
    except BaseException as e:
        # The exception itself cannot be sent: send why instead.
        return head + _codec.dumps((False, e, _remote_traceback_text(e)))


def _read_call(call_fd, lock_r, lock_w):
    """The next call frame, or None when the parent is gone."""
    os.read(lock_r, 1)
    try:
        return _codec.recv_bytes(call_fd)
    except EOFError:
        return None
    finally:
        os.write(lock_w, b'x')


def _process_worker(call_fd, lock_r, lock_w, result_fd, initializer, initargs,
                    max_tasks=None):
    """The body of a worker process: runs calls until told to stop."""
    own = (call_fd, lock_r, lock_w, result_fd)
    for fd in list(_worker._open_fds):
        if fd not in own:
            try:
                os.close(fd)
            except OSError:
                pass
    _worker._open_fds.clear()
    _threads_wakeups.clear()
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base.LOGGER.critical('Exception in initializer:', exc_info=True)
            return
    num_tasks = 0
    while True:
        frame = _read_call(call_fd, lock_r, lock_w)
        if frame is None:
            return
        if frame == _STOP:
            return
        sep = frame.index(b';')
        work_id = int(frame[:sep])
        try:
            fn, args, kwargs = _codec.loads(frame[sep + 1:])
            r = fn(*args, **kwargs)
        except BaseException as e:
            payload = _encode_outcome(work_id, False, e)
        else:
            payload = _encode_outcome(work_id, True, r)
            del r
        if max_tasks is not None:
            num_tasks += 1
            if num_tasks >= max_tasks:
                # Tell the manager to replace this worker once it is gone.
                payload = b'x' + payload
        _codec.send_bytes(result_fd, payload)
        if max_tasks is not None and num_tasks >= max_tasks:
            return


# ---- the worker processes ---------------------------------------------------

class _Workers:
    """The worker processes of one executor and the pipes they share.

    The executor and its manager thread both use it; it has no reference
    to the executor.  Every parent-side descriptor is listed in
    multiprocessing._worker._open_fds, which a newly forked worker closes:
    so a worker sees end of file on the call pipe once the parent is gone,
    and the manager sees it on a result pipe once that worker is gone.
    """

    def __init__(self, max_workers, initializer, initargs, max_tasks):
        self.max_workers = max_workers
        self.initializer = initializer
        self.initargs = initargs
        self.max_tasks = max_tasks
        self.processes = {}         # pid -> ForkProcess
        self.result_fds = {}        # result pipe -> pid
        self.fds = {}               # call_r, call_w, lock_r, lock_w

    def launch(self):
        fds = self.fds
        fds['call_r'], fds['call_w'] = os.pipe()
        fds['lock_r'], fds['lock_w'] = os.pipe()
        os.write(fds['lock_w'], b'x')
        _worker._open_fds.update(fds.values())
        for _ in range(self.max_workers):
            self.spawn()

    def spawn(self):
        """Forks one worker (named as CPython names them: ForkProcess-N)."""
        fds = self.fds
        result_r, result_w = os.pipe()
        p = _mp_process.ForkProcess(
            target=_process_worker,
            args=(fds['call_r'], fds['lock_r'], fds['lock_w'], result_w,
                  self.initializer, self.initargs, self.max_tasks))
        try:
            p.start()
        finally:
            os.close(result_w)
        _worker._open_fds.add(result_r)
        self.processes[p.pid] = p
        self.result_fds[result_r] = p.pid

    def reap(self, fd):
        """The worker writing to result pipe fd is gone: closes the pipe,
        waits for the process and returns its exit code."""
        pid = self.result_fds.pop(fd)
        _worker._open_fds.discard(fd)
        os.close(fd)
        p = self.processes.pop(pid, None)
        if p is None:
            return 0
        p.join()
        return p.exitcode

    def close_pipes(self):
        for fd in list(self.fds.values()) + list(self.result_fds):
            _worker._open_fds.discard(fd)
            os.close(fd)
        self.fds.clear()
        self.result_fds.clear()

    def terminate(self):
        for p in self.processes.values():
            p.terminate()
        self.close_pipes()
        self.join()

    def join(self):
        for p in list(self.processes.values()):
            p.join()
        self.processes.clear()


# ---- the manager thread ------------------------------------------------------

class _ExecutorManagerThread(threading.Thread):
    """Hands calls to the workers and completes futures with their results.

    It keeps no reference to the executor: the executor's state it needs
    is in the shared dict control, where the executor's finalizer also
    records that it was collected, so a pool dropped without shutdown()
    still stops its workers.
    """

    def __init__(self, executor):
        self.thread_wakeup = executor._executor_manager_thread_wakeup
        self.shutdown_lock = executor._shutdown_lock
        self.control = executor._control
        self.workers = executor._workers
        self.work_ids_queue = executor._work_ids
        self.pending_work_items = executor._pending_work_items
        self.max_in_flight = 2 * executor._max_workers + EXTRA_QUEUED_CALLS
        self.in_flight = 0          # calls handed out, not yet answered
        self.outgoing = collections.deque()  # call frames not yet written
        self.out_offset = 0         # bytes of outgoing[0] already written
        super().__init__()

    def run(self):
        try:
            while True:
                self.add_call_item_to_queue()
                broken, cause = self.wait_result_broken_or_wakeup()
                if broken:
                    self.terminate_broken(cause)
                    return
                if self.is_shutting_down():
                    self.flag_executor_shutting_down()
                    self.add_call_item_to_queue()
                    if not self.pending_work_items:
                        self.join_executor_internals()
                        return
        except BaseException as e:
            self.terminate_broken(format_exception(type(e), e, e.__traceback__))
            raise
        finally:
            _threads_wakeups.pop(self, None)

    def add_call_item_to_queue(self):
        while self.in_flight < self.max_in_flight:
            try:
                work_id = self.work_ids_queue.get(block=False)
            except queue.Empty:
                return
            work_item = self.pending_work_items.get(work_id)
            if work_item is None:
                continue
            if not work_item.future.set_running_or_notify_cancel():
                del self.pending_work_items[work_id]
                continue
            try:
                payload = _codec.dumps((work_item.fn, tuple(work_item.args),
                                        dict(work_item.kwargs)))
            except BaseException as e:
                # As CPython's queue feeder: the call cannot be sent.
                e.__cause__ = _RemoteTraceback(_remote_traceback_text(e))
                del self.pending_work_items[work_id]
                work_item.future.set_exception(e)
                continue
            self.queue_frame(b'%d;' % work_id + payload)
            self.in_flight += 1

    def queue_frame(self, payload):
        self.outgoing.append(b'%08x' % len(payload) + payload)

    def write_calls(self):
        """Writes as much of the queued frames as the pipe takes now, small
        frames together."""
        fd = self.workers.fds['call_w']
        outgoing = self.outgoing
        while outgoing:
            off = self.out_offset
            chunk = outgoing[0][off:off + _PIPE_BUF]
            if len(chunk) < _PIPE_BUF and len(outgoing) > 1:
                parts = [chunk]
                size = len(chunk)
                for frame in itertools.islice(outgoing, 1, None):
                    if size + len(frame) > _PIPE_BUF:
                        break
                    parts.append(frame)
                    size += len(frame)
                chunk = b''.join(parts)
            n = os.write(fd, chunk)
            while n:
                left = len(outgoing[0]) - self.out_offset
                if n < left:
                    self.out_offset += n
                    break
                outgoing.popleft()
                self.out_offset = 0
                n -= left
            if outgoing and not select.select([], [fd], [], 0)[1]:
                return

    def wait(self, readers):
        """Waits until one of readers can be read, writing calls meanwhile
        as the pipe takes them."""
        call_w = self.workers.fds['call_w']
        while True:
            writers = [call_w] if self.outgoing else []
            ready, writable, _ = select.select(readers, writers, [])
            if writable:
                self.write_calls()
            if ready:
                return ready

    def wait_result_broken_or_wakeup(self):
        """Waits for results or a wakeup and handles them.  Returns
        (broken, cause)."""
        wakeup_reader = self.thread_wakeup._reader
        for fd in self.wait([wakeup_reader] + list(self.workers.result_fds)):
            if fd == wakeup_reader:
                self.thread_wakeup.clear()
                continue
            try:
                frame = _codec.recv_bytes(fd)
            except BaseException as e:
                return True, format_exception(type(e), e, e.__traceback__)
            if frame is None:
                return True, None
            exiting = frame[:1] == b'x'
            if exiting:
                # The worker reached max_tasks_per_child and is leaving.
                frame = frame[1:]
            try:
                self.process_result_item(frame)
            except BaseException as e:
                return True, format_exception(type(e), e, e.__traceback__)
            if exiting:
                self.workers.reap(fd)
                if self.pending_work_items or not self.is_shutting_down():
                    with self.shutdown_lock:
                        self.workers.spawn()
        return False, None

    def process_result_item(self, frame):
        sep = frame.index(b';')
        work_id = int(frame[:sep])
        ok, value, tb = _codec.loads(frame[sep + 1:])
        self.in_flight -= 1
        work_item = self.pending_work_items.pop(work_id, None)
        if work_item is not None:
            if ok:
                work_item.future.set_result(value)
            else:
                value.__cause__ = _RemoteTraceback(tb)
                work_item.future.set_exception(value)

    def is_shutting_down(self):
        control = self.control
        return (_global_shutdown or control['collected']
                or control['shutdown'])

    def terminate_broken(self, cause):
        control = self.control
        control['broken'] = ('A child process terminated '
                             'abruptly, the process pool is not '
                             'usable anymore')
        control['shutdown'] = True

        bpe = BrokenProcessPool("A process in the process pool was "
                                "terminated abruptly while the future was "
                                "running or pending.")
        if cause is not None:
            bpe.__cause__ = _RemoteTraceback(
                f"\n'''\n{''.join(cause)}'''")

        with self.shutdown_lock:
            items = list(self.pending_work_items.values())
            self.pending_work_items.clear()
        for work_item in items:
            work_item.future.set_exception(bpe)
        del items
        self.close()
        self.workers.terminate()

    def flag_executor_shutting_down(self):
        control = self.control
        control['shutdown'] = True
        if control['cancel_futures']:
            with self.shutdown_lock:
                new_pending_work_items = {}
                for work_id, work_item in self.pending_work_items.items():
                    if not work_item.future.cancel():
                        new_pending_work_items[work_id] = work_item
                self.pending_work_items.clear()
                self.pending_work_items.update(new_pending_work_items)
                while True:
                    try:
                        self.work_ids_queue.get_nowait()
                    except queue.Empty:
                        break
            control['cancel_futures'] = False

    def join_executor_internals(self):
        """All work is done: tells each worker to leave and waits until
        they all have."""
        workers = self.workers
        for _ in range(len(workers.result_fds)):
            self.queue_frame(_STOP)
        while workers.result_fds:
            for fd in self.wait(list(workers.result_fds)):
                try:
                    frame = _codec.recv_bytes(fd)
                except EOFError:
                    frame = None
                if frame is None:   # nothing else comes once all work is done
                    if workers.reap(fd) != 0:
                        # It may have died holding the call pipe's token:
                        # the others would wait for it forever.
                        workers.terminate()
                        break
        self.close()
        workers.close_pipes()
        workers.join()

    def close(self):
        with self.shutdown_lock:
            self.thread_wakeup.close()


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance.

        Args:
            max_workers: The maximum number of processes that can be used to
                execute the given calls. If None or not given then as many
                worker processes will be created as the machine has processors.
            mp_context: A multiprocessing context to launch the workers.
                Only the fork start method is available.
            initializer: A callable used to initialize worker processes.
            initargs: A tuple of arguments to pass to the initializer.
            max_tasks_per_child: The maximum number of tasks a worker process
                can complete before it will exit and be replaced with a fresh
                worker process. The default of None means worker process will
                live as long as the executor.
        """
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs

        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            if mp_context is not None:
                # Only fork exists here; CPython refuses it too.
                raise ValueError("max_tasks_per_child is incompatible with"
                                 " the 'fork' multiprocessing start method;"
                                 " supply a different mp_context.")
        self._max_tasks_per_child = max_tasks_per_child
        self._mp_context = mp_context

        self._executor_manager_thread = None
        self._workers = _Workers(self._max_workers, initializer, initargs,
                                 max_tasks_per_child)
        self._processes = self._workers.processes
        self._shutdown_lock = threading.Lock()
        self._queue_count = 0
        self._pending_work_items = {}
        self._work_ids = queue.Queue()
        # Shared with the manager thread, which sets 'broken'.
        self._control = {'shutdown': False, 'cancel_futures': False,
                         'broken': False, 'collected': False}
        self._executor_manager_thread_wakeup = _ThreadWakeup()

    @property
    def _shutdown_thread(self):
        return self._control['shutdown']

    @property
    def _broken(self):
        return self._control['broken']

    def _start_executor_manager_thread(self):
        if self._executor_manager_thread is None:
            # Fork before the thread exists, as CPython does with fork.
            self._workers.launch()
            self._executor_manager_thread = _ExecutorManagerThread(self)
            self._executor_manager_thread.start()
            _threads_wakeups[self._executor_manager_thread] = \
                self._executor_manager_thread_wakeup

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')

            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)

            self._pending_work_items[self._queue_count] = w
            self._work_ids.put(self._queue_count)
            self._queue_count += 1
            # Wake up queue management thread
            self._executor_manager_thread_wakeup.wakeup()

            self._start_executor_manager_thread()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter).

        Args:
            fn: A callable that will take as many arguments as there are
                passed iterables.
            timeout: The maximum number of seconds to wait. If None, then there
                is no limit on the wait time.
            chunksize: If greater than one, the iterables will be chopped into
                chunks of size chunksize and submitted to the process pool.
                If set to one, the items in the list will be sent one at a time.

        Returns:
            An iterator equivalent to: map(func, *iterables) but the calls may
            be evaluated out-of-order.

        Raises:
            TimeoutError: If the entire result iterator could not be generated
                before the given timeout.
            Exception: If fn(*args) raises for any values.
        """
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")

        results = super().map(partial(_process_chunk, fn),
                              _get_chunks(*iterables, chunksize=chunksize),
                              timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._control['cancel_futures'] = cancel_futures
            self._control['shutdown'] = True
            if self._executor_manager_thread_wakeup is not None:
                # Wake up queue management thread
                self._executor_manager_thread_wakeup.wakeup()

        if self._executor_manager_thread is not None and wait:
            self._executor_manager_thread.join()
        if self._executor_manager_thread is None and \
                self._executor_manager_thread_wakeup is not None:
            # Never started: nothing but the wakeup pipe to release.
            self._executor_manager_thread_wakeup.close()
        self._executor_manager_thread = None
        self._processes = None
        self._executor_manager_thread_wakeup = None

    shutdown.__doc__ = _base.Executor.shutdown.__doc__

    def __del__(self):
        # CPython's manager notices through a weak reference that the
        # executor was collected, and stops the workers.
        control = self.__dict__.get('_control')
        wakeup = self.__dict__.get('_executor_manager_thread_wakeup')
        if control is None or wakeup is None:
            return
        if self.__dict__.get('_executor_manager_thread') is None:
            wakeup.close()
        else:
            control['collected'] = True
            wakeup.wakeup()
