"""ProcessPoolExecutor: runs submitted calls in forked child processes.

Each work item runs in a child forked for it, so the callable and its
arguments reach the child through the copied memory and only the outcome
has to travel back: the child encodes the return value (or the exception)
with a small tagged format (_encode) and writes it to a pipe, then leaves
with os._exit.  At most max_workers children run at once; further items
wait in a queue.  A reaper thread per child reads the pipe, reaps the
child, completes the future and forks the next waiting item.

The reapers are ordinary (non-daemon) threads, so interpreter exit waits
for the submitted work even when the executor is never shut down.
"""
import os
import sys
import threading

from concurrent.futures import _base

_EXTRA_QUEUED_CALLS = 1


class BrokenProcessPool(_base.BrokenExecutor):
    """A child process ended without reporting its result."""


class _RemoteTraceback(Exception):
    """Carries the child's traceback text as the __cause__ of the
    exception re-raised in the parent."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


# ---- the outcome codec ---------------------------------------------------------
#
# One value is a tag byte then its payload; containers carry a count.
# Numbers and strings are written as decimal / UTF-8 text with a length.

def _enc(obj, out):
    if obj is None:
        out.append(b'N')
    elif obj is True:
        out.append(b'T')
    elif obj is False:
        out.append(b'F')
    elif type(obj) is int:
        _enc_text(b'i', str(obj), out)
    elif type(obj) is float:
        _enc_text(b'f', repr(obj), out)
    elif type(obj) is complex:
        out.append(b'c')
        _enc(obj.real, out)
        _enc(obj.imag, out)
    elif type(obj) is str:
        _enc_text(b's', obj, out)
    elif type(obj) is bytes:
        out.append(b'b' + str(len(obj)).encode() + b':' + obj)
    elif type(obj) is bytearray:
        out.append(b'a' + str(len(obj)).encode() + b':' + bytes(obj))
    elif type(obj) in (tuple, list, set, frozenset):
        tag = {tuple: b't', list: b'l', set: b'e', frozenset: b'z'}[type(obj)]
        out.append(tag + str(len(obj)).encode() + b':')
        for x in obj:
            _enc(x, out)
    elif type(obj) is dict:
        out.append(b'd' + str(len(obj)).encode() + b':')
        for k, v in obj.items():
            _enc(k, out)
            _enc(v, out)
    else:
        raise TypeError("cannot pickle '%s' object" % type(obj).__name__)


def _enc_text(tag, s, out):
    data = s.encode('utf-8', 'surrogatepass')
    out.append(tag + str(len(data)).encode() + b':' + data)


def _dec(data, pos):
    tag = data[pos:pos + 1]
    pos += 1
    if tag == b'N':
        return None, pos
    if tag == b'T':
        return True, pos
    if tag == b'F':
        return False, pos
    if tag == b'c':
        re, pos = _dec(data, pos)
        im, pos = _dec(data, pos)
        return complex(re, im), pos
    colon = data.index(b':', pos)
    n = int(data[pos:colon])
    pos = colon + 1
    if tag in (b'i', b'f', b's', b'b', b'a'):
        raw = data[pos:pos + n]
        pos += n
        if tag == b'i':
            return int(raw), pos
        if tag == b'f':
            return float(raw.decode()), pos
        if tag == b's':
            return raw.decode('utf-8', 'surrogatepass'), pos
        if tag == b'b':
            return bytes(raw), pos
        return bytearray(raw), pos
    if tag == b'd':
        d = {}
        for _ in range(n):
            k, pos = _dec(data, pos)
            v, pos = _dec(data, pos)
            d[k] = v
        return d, pos
    items = []
    for _ in range(n):
        x, pos = _dec(data, pos)
        items.append(x)
    kind = {b't': tuple, b'l': list, b'e': set, b'z': frozenset}[tag]
    return (items if kind is list else kind(items)), pos


def _encode_outcome(ok, value):
    out = [b'R' if ok else b'X']
    if ok:
        _enc(value, out)
    else:
        cls = type(value)
        try:
            args = []
            _enc(tuple(value.args), args)
        except TypeError:
            args = []
            _enc(tuple(str(a) for a in value.args), args)
        try:
            import traceback
            tb = ''.join(traceback.format_exception(cls, value,
                                                    value.__traceback__))
        except Exception:
            tb = ''
        _enc((cls.__module__, cls.__qualname__, tb), out)
        out.extend(args)
    return b''.join(out)


def _find_class(module, qualname):
    mod = sys.modules.get(module)
    if mod is None:
        import builtins
        mod = builtins if module == 'builtins' else None
    obj = mod
    for part in qualname.split('.'):
        if obj is None:
            return None
        obj = getattr(obj, part, None)
    if isinstance(obj, type) and issubclass(obj, BaseException):
        return obj
    return None


def _decode_outcome(data):
    """(ok, value or exception)."""
    if data[:1] == b'R':
        value, _ = _dec(data, 1)
        return True, value
    (module, qualname, tb), pos = _dec(data, 1)
    args, _ = _dec(data, pos)
    cls = _find_class(module, qualname)
    exc = None
    if cls is not None:
        try:
            exc = cls(*args)
        except Exception:
            exc = None
    if exc is None:
        exc = RuntimeError('%s.%s%r' % (module, qualname, args))
    if tb:
        exc.__cause__ = _RemoteTraceback('\n"""\n%s"""' % tb)
    return False, exc


# ---- the executor --------------------------------------------------------------

class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


def _run_in_child(item, wfd):
    """The child's whole life: run the call, report, leave."""
    code = 0
    try:
        try:
            result = item.fn(*item.args, **item.kwargs)
        except BaseException as exc:
            data = _encode_outcome(False, exc)
        else:
            try:
                data = _encode_outcome(True, result)
            except BaseException as exc:
                data = _encode_outcome(False, exc)
        view = data
        while view:
            n = os.write(wfd, view)
            view = view[n:]
    except BaseException:
        code = 1
    finally:
        _flush_std_streams()
        os._exit(code)


class ProcessPoolExecutor(_base.Executor):

    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._initializer = initializer
        self._initargs = initargs
        self._lock = threading.Condition()
        self._pending = []          # items waiting for a free slot
        self._running = 0           # children alive
        self._reapers = []
        self._shutdown_thread = False
        self._broken = False

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = _base.Future()
            self._pending.append(_WorkItem(f, fn, args, kwargs))
            self._start_waiting()
            return f

    def _start_waiting(self):
        """Forks children for waiting items while slots are free (lock held)."""
        while self._pending and self._running < self._max_workers:
            item = self._pending.pop(0)
            if not item.future.set_running_or_notify_cancel():
                continue
            self._spawn(item)

    def _spawn(self, item):
        rfd, wfd = os.pipe()
        _flush_std_streams()
        pid = os.fork()
        if pid == 0:
            os.close(rfd)
            if self._initializer is not None:
                try:
                    self._initializer(*self._initargs)
                except BaseException:
                    _flush_std_streams()
                    os._exit(1)
            _run_in_child(item, wfd)
        os.close(wfd)
        self._running += 1
        t = threading.Thread(target=self._reap, args=(item, pid, rfd),
                             name='ProcessPoolExecutor-reaper')
        self._reapers.append(t)
        t.start()

    def _reap(self, item, pid, rfd):
        chunks = []
        try:
            while True:
                chunk = os.read(rfd, 65536)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(rfd)
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        data = b''.join(chunks)
        if data:
            ok, value = _decode_outcome(data)
            if ok:
                item.future.set_result(value)
            else:
                item.future.set_exception(value)
        else:
            item.future.set_exception(BrokenProcessPool(
                'A process in the process pool was terminated abruptly '
                'while the future was running or pending.'))
        with self._lock:
            self._running -= 1
            self._start_waiting()
            self._lock.notify_all()

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown_thread = True
            if cancel_futures:
                for item in self._pending:
                    item.future.cancel()
                self._pending = []
        if wait:
            with self._lock:
                while self._running or self._pending:
                    self._lock.wait()
            for t in list(self._reapers):
                t.join()
