"""ThreadPoolExecutor: runs submitted calls on a pool of worker threads.

Work items go through one SimpleQueue shared by the workers.  A worker
that finishes an item releases the executor's idle semaphore; submit()
starts a new worker (named '<prefix>_<n>') only when it cannot take an
idle token, so a pool grows one thread per submit while none is idle, up
to max_workers.  A None in the queue tells a worker to check for
shutdown; a worker that exits puts the None back for the next one.

At interpreter exit the workers of executors that were never shut down
are told to stop after the queued work, and joined, through the hook
that threading provides for this (_register_atexit), or else by a
watcher thread that waits for the main thread to finish.
"""
import itertools
import os
import queue
import threading
import time

from concurrent.futures import _base

# Every live worker thread and its queue, for the exit hook.
_threads_queues = {}
_shutdown = False
# Taken by submit() and the exit hook, so that no new work (and no new
# worker thread) appears once exit has begun.
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


_register_atexit = getattr(threading, '_register_atexit', None)
if _register_atexit is not None:
    _register_atexit(_python_exit)
_watcher = None


def _start_exit_watcher():
    """Without threading's exit hook: a thread that waits for the main
    thread to be marked stopped (threading._shutdown does that before
    joining the other threads) and then stops the workers as the hook
    would."""
    global _watcher
    if _register_atexit is not None or _watcher is not None:
        return
    main = threading.main_thread()

    def watch():
        # Polled, not main.join(): joining takes the main thread's state
        # lock, which threading._shutdown expects to find free.
        while not getattr(main, '_is_stopped', True):
            time.sleep(0.02)
        _python_exit()
    _watcher = threading.Thread(target=watch,
                                name='ThreadPoolExecutor-exit-watcher')
    _watcher.start()


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return

        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # Break the cycle exception -> frame -> self.
            self = None
        else:
            self.future.set_result(result)

    def __class_getitem__(cls, item):
        return cls


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base.LOGGER.critical('Exception in initializer:', exc_info=True)
            executor._initializer_failed()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                del work_item
                executor._idle_semaphore.release()
                continue

            if _shutdown or executor._shutdown:
                # Let the other workers see the stop signal too.
                executor._shutdown = True
                work_queue.put(None)
                return
    except BaseException:
        _base.LOGGER.critical('Exception in worker', exc_info=True)
    finally:
        _threads_queues.pop(threading.current_thread(), None)


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker's initializer failed."""


class ThreadPoolExecutor(_base.Executor):

    # Numbers executors for their default thread names.
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)

            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')

            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)

            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # An idle worker will take the new item.
        if self._idle_semaphore.acquire(timeout=0):
            return

        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self,
                                     num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self,
                                       self._work_queue,
                                       self._initializer,
                                       self._initargs))
            _start_exit_watcher()
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()

            # Wake the workers so that they see the flag.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
