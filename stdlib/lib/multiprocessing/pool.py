"""multiprocessing.pool: Pool over forked workers (multiprocessing._worker).

There is no background thread: tasks (map's in chunks, as CPython's) are
handed to idle workers as soon as they are submitted, and the parent
collects answers (and hands out the queued tasks) whenever it waits on a
result, iterates imap, or joins.
Callbacks run in the parent at collection time.
"""

import itertools
import os
import select

from . import _worker, process

RUN, CLOSE, TERMINATE = 0, 1, 2


class TimeoutError(Exception):
    pass


class ApplyResult:
    def __init__(self, pool, callback=None, error_callback=None):
        self._pool = pool
        self._ready = False
        self._success = None
        self._value = None
        self._callback = callback
        self._error_callback = error_callback

    def _set(self, ok, value):
        self._ready = True
        self._success = ok
        self._value = value
        if ok and self._callback:
            self._callback(value)
        if not ok and self._error_callback:
            self._error_callback(value)

    def ready(self):
        return self._ready

    def successful(self):
        if not self._ready:
            raise ValueError(f"{self!r} not ready")
        return self._success

    def wait(self, timeout=None):
        self._pool._pump_until(lambda: self._ready, timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self._ready:
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The result of map_async: n chunks, each answered with a list."""

    def __init__(self, pool, n, callback=None, error_callback=None):
        super().__init__(pool, callback, error_callback)
        self._parts = [None] * n
        self._left = n
        self._error = None
        if n == 0:
            # As CPython: ready at once, without calling the callback.
            self._ready = True
            self._success = True
            self._value = []

    def _part(self, i, ok, value):
        if not ok and self._error is None:
            self._error = value
        self._parts[i] = value
        self._left -= 1
        if self._left == 0:
            if self._error is not None:
                self._set(False, self._error)
            else:
                self._set(True, [x for part in self._parts for x in part])


def mapstar(args):
    """Runs one chunk of map() in a worker."""
    return list(map(*args))


def starmapstar(args):
    """Runs one chunk of starmap() in a worker."""
    func, chunk = args
    return [func(*a) for a in chunk]


def _chunks(iterable, chunksize):
    it = iter(iterable)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


class Pool:
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._state = RUN
        self._pending = []        # (task_id, fn, args, kwargs)
        self._sinks = {}          # task_id -> callable(ok, value)
        self._next_id = 0
        self._workers = [self._new_worker(initializer, initargs) for _ in range(processes)]

    @staticmethod
    def _new_worker(initializer, initargs):
        # Numbered with the processes, as CPython's ForkPoolWorker-N.
        process._counter[0] += 1
        n = process._counter[0]
        return _worker.Worker(f'ForkPoolWorker-{n}', (n,), initializer, initargs)

    def __repr__(self):
        state = ['RUN', 'CLOSE', 'TERMINATE'][self._state]
        return f'<multiprocessing.pool.Pool state={state} pool_size={len(self._workers)}>'

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, fn, args, kwargs, sink):
        tid = self._next_id
        self._next_id += 1
        self._sinks[tid] = sink
        self._pending.append((tid, fn, args, kwargs))
        self._dispatch()

    def _dispatch(self):
        for w in self._workers:
            if not self._pending:
                return
            if w.busy is None and w.task_fd is not None:
                tid, fn, args, kwargs = self._pending.pop(0)
                w.submit(tid, fn, args, kwargs)

    def _collect(self, timeout):
        from . import _codec
        busy = [w for w in self._workers if w.busy is not None]
        if not busy:
            return False
        r, _, _ = select.select([w.result_fd for w in busy], [], [], timeout)
        for w in busy:
            if w.result_fd in r:
                try:
                    tid, ok, value = _codec.recv(w.result_fd)
                except EOFError:
                    tid, ok, value = w.busy, False, RuntimeError('worker process died unexpectedly')
                    w.task_fd = None
                w.busy = None
                sink = self._sinks.pop(tid, None)
                if sink is not None:
                    sink(ok, value)
        self._dispatch()
        return True

    def _pump_until(self, cond, timeout=None):
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        while not cond():
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not self._collect(left):
                break
            if deadline is not None and time.monotonic() >= deadline:
                break

    # -- API --------------------------------------------------------------
    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        res = ApplyResult(self, callback, error_callback)
        self._submit(func, args, kwds, res._set)
        return res

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize, callback, error_callback):
        """As CPython: the items go in chunks, by default about four per
        worker."""
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._workers) * 4)
            if extra:
                chunksize += 1
        chunks = list(_chunks(iterable, chunksize)) if len(iterable) else []
        res = MapResult(self, len(chunks), callback, error_callback)
        for i, chunk in enumerate(chunks):
            self._submit(mapper, ((func, chunk),), {}, lambda ok, v, i=i: res._part(i, ok, v))
        return res

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        results = []
        for chunk in _chunks(iterable, chunksize):
            r = ApplyResult(self)
            self._submit(mapstar, ((func, chunk),), {}, r._set)
            results.append(r)

        def gen():
            for r in results:
                yield from r.get()
        return gen()

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        done = []
        results = []
        for chunk in _chunks(iterable, chunksize):
            r = ApplyResult(self)
            self._submit(mapstar, ((func, chunk),), {},
                         lambda ok, v, r=r: (r._set(ok, v), done.append(r)))
            results.append(r)

        def gen():
            n = 0
            while n < len(results):
                self._pump_until(lambda: len(done) > n)
                r = done[n]
                n += 1
                yield from r.get()
        return gen()

    def close(self):
        if self._state == RUN:
            self._state = CLOSE

    def terminate(self):
        self._state = TERMINATE
        self._pending = []
        for w in self._workers:
            w.terminate()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        self._pump_until(lambda: not self._pending and all(w.busy is None for w in self._workers))
        for w in self._workers:
            w.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()


class ThreadPool:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("multiprocessing.pool.ThreadPool is not available")
