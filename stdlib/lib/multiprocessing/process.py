"""multiprocessing.process: Process objects, started with os.fork.

The parent flushes its standard streams before forking so that pending
output is not written twice.  The child runs _bootstrap, which reports an
uncaught exception as CPython does ("Process Process-1:" and the
traceback on stderr, exit code 1), flushes its streams and leaves with
os._exit so that nothing of the parent's exit handling runs twice.
"""

import os
import sys

_counter = [0]
_children = set()


def _flush_std():
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except Exception:
            pass


class BaseProcess:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        _counter[0] += 1
        self._identity = (_counter[0],)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        self._daemonic = bool(daemon) if daemon is not None else _current_process.daemon
        self._parent_pid = os.getpid()
        self._popen_pid = None
        self._exitcode = None
        self._closed = False
        self._config = {}

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._closed:
            raise ValueError("process object is closed")
        assert self._popen_pid is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), 'can only start a process object created by current process'
        assert not _current_process._daemonic or True
        _cleanup()
        _flush_std()
        pid = os.fork()
        if pid == 0:
            code = self._bootstrap()
            _flush_std()
            os._exit(code)
        self._popen_pid = pid
        _children.add(self)
        _register_exit_handler()

    def _bootstrap(self):
        global _current_process, _parent_process
        _parent_process = _ParentProcess(_current_process.name, self._parent_pid)
        _children.clear()
        _current_process = self
        self._popen_pid = os.getpid()
        try:
            self.run()
            exitcode = 0
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException:
            exitcode = 1
            sys.stderr.write('Process %s:\n' % self.name)
            import traceback
            traceback.print_exc()
        finally:
            _flush_std()
        return exitcode

    def _poll(self, block):
        if self._exitcode is None and self._popen_pid is not None:
            try:
                pid, status = os.waitpid(self._popen_pid, 0 if block else os.WNOHANG)
            except ChildProcessError:
                return self._exitcode
            if pid == self._popen_pid:
                self._exitcode = os.waitstatus_to_exitcode(status)
                _children.discard(self)
        return self._exitcode

    def join(self, timeout=None):
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen_pid is not None, 'can only join a started process'
        if timeout is None:
            self._poll(True)
            return
        import time
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while self._poll(False) is None:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            time.sleep(min(delay, left))
            delay = min(delay * 2, 0.05)

    def is_alive(self):
        if self is _current_process:
            return True
        if self._popen_pid is None:
            return False
        return self._poll(False) is None

    def terminate(self):
        if self._popen_pid is not None and self._exitcode is None:
            try:
                os.kill(self._popen_pid, 15)
            except ProcessLookupError:
                pass

    def kill(self):
        if self._popen_pid is not None and self._exitcode is None:
            try:
                os.kill(self._popen_pid, 9)
            except ProcessLookupError:
                pass

    def close(self):
        if self._popen_pid is not None and self._poll(False) is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen_pid is None, 'process has already started'
        self._daemonic = daemonic

    @property
    def pid(self):
        return self._popen_pid

    ident = pid

    @property
    def exitcode(self):
        if self._popen_pid is None or self is _current_process:
            return None
        return self._poll(False)

    @property
    def authkey(self):
        return b''

    @property
    def sentinel(self):
        raise ValueError("process not started")

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen_pid is None:
            status = 'initial'
        else:
            exitcode = self._poll(False)
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen_pid is not None and self is not _current_process:
            info.append('pid=%s' % self._popen_pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)


def _init_not_started(proc, name):
    """The state of a process object that this process did not start."""
    proc._identity = ()
    proc._name = name
    proc._parent_pid = None
    proc._popen_pid = None
    proc._exitcode = None
    proc._daemonic = False
    proc._closed = False
    proc._target = None
    proc._args = ()
    proc._kwargs = {}
    proc._config = {}


class _MainProcess(BaseProcess):
    def __init__(self):
        _init_not_started(self, 'MainProcess')

    @property
    def pid(self):
        return os.getpid()

    def __repr__(self):
        return "<_MainProcess name='MainProcess' parent=None started>"


class ForkProcess(BaseProcess):
    """What the fork context starts (its name gives 'ForkProcess-N')."""


class _ParentProcess(BaseProcess):
    """The parent as seen from a child: only its name and pid are known."""

    def __init__(self, name, pid):
        _init_not_started(self, name)
        self._pid = pid

    @property
    def pid(self):
        return self._pid

    ident = pid

    def is_alive(self):
        try:
            os.kill(self._pid, 0)
        except ProcessLookupError:
            return False
        return os.getppid() == self._pid

    def __repr__(self):
        return '<_ParentProcess name=%r parent=None unknown>' % self._name


_current_process = _MainProcess()
_parent_process = None


def current_process():
    return _current_process


def parent_process():
    return None if _current_process._parent_pid is None else _parent_process


def _cleanup():
    for p in list(_children):
        if p._poll(False) is not None:
            _children.discard(p)


_exit_handler_registered = [False]


def _exit_children():
    # As CPython's exit handler: daemonic children are terminated, the
    # others are waited for.
    for p in list(_children):
        if p._daemonic:
            p.terminate()
    for p in list(_children):
        p.join()


def _register_exit_handler():
    """Runs _exit_children at interpreter exit (after the threads are
    joined, as multiprocessing.util's handler in CPython)."""
    if not _exit_handler_registered[0]:
        _exit_handler_registered[0] = True
        import atexit
        atexit.register(_exit_children)


def active_children():
    _cleanup()
    return list(_children)
