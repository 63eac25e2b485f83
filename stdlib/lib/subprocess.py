"""subprocess — start processes, talk to them through pipes, wait for them.

The POSIX half of CPython 3.11's module.  The child is started by
_posixsubprocess.fork_exec (C): fork, then only async-signal-safe calls
until exec, with a failure of exec (or of chdir, dup2...) sent back through
a close-on-exec pipe and raised here as the OSError it was.  Waiting
(waitpid, poll, read) releases the GIL, so other threads run meanwhile.
communicate() polls all pipes at once, so a child filling both stdout and
stderr while reading stdin never deadlocks with its parent.
"""

import builtins
import errno
import io
import os
import select
import signal
import sys
import threading
import time
import types

import _posixsubprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

# Linux's PIPE_BUF: a pipe that polls writable takes this much without
# blocking, so communicate() never blocks writing the child's stdin.
_PIPE_BUF = getattr(select, 'PIPE_BUF', 4096)
_READ_CHUNK = 32768


# ---- exceptions and results ------------------------------------------------

class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when run() with check=True, check_call() or check_output()
    sees a non-zero exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (
                    self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (
                    self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (
            self.cmd, self.returncode)

    @property
    def stdout(self):
        """Alias for output attribute, to match stderr"""
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout of a wait or communicate expires."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return ("Command '%s' timed out after %s seconds" %
                (self.cmd, self.timeout))

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess(object):
    """A process that has finished running, as returned by run()."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args),
                'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    __class_getitem__ = classmethod(types.GenericAlias)

    def check_returncode(self):
        """Raise CalledProcessError if the exit code is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout,
                                     self.stderr)


# ---- the convenience functions ---------------------------------------------

def call(*popenargs, timeout=None, **kwargs):
    """Run a command, wait for it and return its returncode."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Run a command; CalledProcessError if its returncode is not 0."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run a command and return its output; CalledProcessError if its
    returncode is not 0."""
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if (kwargs.get('universal_newlines') or kwargs.get('text')
                or kwargs.get('encoding') or kwargs.get('errors')):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None,
        check=False, **kwargs):
    """Run a command with arguments and return a CompletedProcess."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            # _communicate put the output read so far into the exception.
            process.kill()
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args,
                                     output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def list2cmdline(seq):
    """A command line from a sequence of arguments, quoted by the MS C
    runtime's rules (used on Windows; kept for compatibility)."""
    result = []
    for arg in map(os.fsdecode, seq):
        bs_buf = []
        if result:
            result.append(' ')
        needquote = (" " in arg) or ("\t" in arg) or not arg
        if needquote:
            result.append('"')
        for c in arg:
            if c == '\\':
                bs_buf.append(c)
            elif c == '"':
                result.append('\\' * len(bs_buf) * 2)
                bs_buf = []
                result.append('\\"')
            else:
                if bs_buf:
                    result.extend(bs_buf)
                    bs_buf = []
                result.append(c)
        if bs_buf:
            result.extend(bs_buf)
        if needquote:
            result.extend(bs_buf)
            result.append('"')
    return ''.join(result)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """Return (exitcode, output) of running cmd in a shell; a trailing
    newline is stripped from the output."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """Return the output (stdout and stderr) of running cmd in a shell."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


# Popen objects collected while their child still ran: reaped later, so
# that the children do not stay zombies.
_active = []


def _cleanup():
    for inst in _active[:]:
        res = inst._internal_poll(_deadstate=sys.maxsize)
        if res is not None:
            try:
                _active.remove(inst)
            except ValueError:
                pass


def _ids_of(user, group, extra_groups):
    """The numeric (gid, extra gids, uid) the child switches to (None:
    unchanged).  Names need the grp and pwd modules."""
    gid = None
    if group is not None:
        if isinstance(group, str):
            try:
                import grp
            except ImportError:
                raise ValueError("The group parameter cannot be a string "
                                 "on systems without the grp module")
            gid = grp.getgrnam(group).gr_gid
        elif isinstance(group, int):
            gid = group
        else:
            raise TypeError("Group must be a string or an integer, not {}"
                            .format(type(group)))
        if gid < 0:
            raise ValueError(f"Group ID cannot be negative, got {gid}")

    gids = None
    if extra_groups is not None:
        if isinstance(extra_groups, str):
            raise ValueError("Groups must be a list, not a string")
        gids = []
        for extra_group in extra_groups:
            if isinstance(extra_group, str):
                try:
                    import grp
                except ImportError:
                    raise ValueError("Items in extra_groups cannot be "
                                     "strings on systems without the "
                                     "grp module")
                gids.append(grp.getgrnam(extra_group).gr_gid)
            elif isinstance(extra_group, int):
                gids.append(extra_group)
            else:
                raise TypeError("Items in extra_groups must be a string "
                                "or integer, not {}"
                                .format(type(extra_group)))
        for gid_check in gids:
            if gid_check < 0:
                raise ValueError(f"Group ID cannot be negative, got {gid_check}")

    uid = None
    if user is not None:
        if isinstance(user, str):
            try:
                import pwd
            except ImportError:
                raise ValueError("The user parameter cannot be a string "
                                 "on systems without the pwd module")
            uid = pwd.getpwnam(user).pw_uid
        elif isinstance(user, int):
            uid = user
        else:
            raise TypeError("User must be a string or an integer")
        if uid < 0:
            raise ValueError(f"User ID cannot be negative, got {uid}")
    return gid, gids, uid


_default_encoding = None


def _text_encoding():
    # The encoding open() gives a text file by default (CPython: the
    # locale's, e.g. 'UTF-8').
    global _default_encoding
    if _default_encoding is None:
        with open(os.devnull) as f:
            _default_encoding = f.encoding
    return _default_encoding


# ---- Popen -----------------------------------------------------------------

class Popen:
    """Execute a child program in a new process."""

    _child_created = False
    # After Ctrl-C, how long a wait still gives the child (which got the
    # SIGINT too) to exit; spent once.
    _sigint_wait_secs = 0.25

    def __init__(self, args, bufsize=-1, executable=None,
                 stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False,
                 pass_fds=(), *, user=None, group=None, extra_groups=None,
                 encoding=None, errors=None, text=None, umask=-1,
                 process_group=None):
        _cleanup()
        self._waitpid_lock = threading.Lock()
        self._input = None
        self._communication_started = False
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if pass_fds and not close_fds:
            import warnings
            warnings.warn("pass_fds overriding close_fds.", RuntimeWarning)
            close_fds = True
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows "
                             "platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows "
                             "platforms")

        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors

        if (text is not None and universal_newlines is not None
                and bool(universal_newlines) != bool(text)):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.text_mode = encoding or errors or text or universal_newlines
        if self.text_mode and encoding is None:
            self.encoding = encoding = _text_encoding()
        if self.text_mode and errors is None:
            errors = 'strict'

        if process_group is None:
            process_group = -1
        gid, gids, uid = _ids_of(user, group, extra_groups)

        (p2cread, p2cwrite,
         c2pread, c2pwrite,
         errread, errwrite) = self._get_handles(stdin, stdout, stderr)

        line_buffering = (bufsize == 1)
        if line_buffering and not self.text_mode:
            import warnings
            warnings.warn("line buffering (buffering=1) isn't supported in "
                          "binary mode, the default buffer size will be used",
                          RuntimeWarning)
            bufsize = -1
        self._closed_child_pipe_fds = False
        try:
            if self.text_mode:
                # Text files buffer themselves: an unbuffered text file does
                # not exist, and line buffering is the text layer's.
                text_buf = bufsize if bufsize == 1 else -1
                if p2cwrite != -1:
                    self.stdin = io.open(p2cwrite, 'w', text_buf,
                                         encoding=encoding, errors=errors)
                    if bufsize == 0:
                        # Unbuffered: every write reaches the pipe at once.
                        self.stdin.reconfigure(write_through=True)
                if c2pread != -1:
                    self.stdout = io.open(c2pread, 'r', -1,
                                          encoding=encoding, errors=errors)
                if errread != -1:
                    self.stderr = io.open(errread, 'r', -1,
                                          encoding=encoding, errors=errors)
            else:
                if p2cwrite != -1:
                    self.stdin = io.open(p2cwrite, 'wb', bufsize)
                if c2pread != -1:
                    self.stdout = io.open(c2pread, 'rb', bufsize)
                if errread != -1:
                    self.stderr = io.open(errread, 'rb', bufsize)
            self._text_errors = errors

            self._execute_child(args, executable, preexec_fn, close_fds,
                                pass_fds, cwd, env, shell,
                                p2cread, p2cwrite, c2pread, c2pwrite,
                                errread, errwrite, restore_signals,
                                start_new_session, process_group,
                                gid, gids, uid, umask)
        except:
            # The child did not start: close what was opened for it.
            for f in filter(None, (self.stdin, self.stdout, self.stderr)):
                try:
                    f.close()
                except OSError:
                    pass
            if not self._closed_child_pipe_fds:
                to_close = []
                if stdin == PIPE:
                    to_close.append(p2cread)
                if stdout == PIPE:
                    to_close.append(c2pwrite)
                if stderr == PIPE:
                    to_close.append(errwrite)
                if hasattr(self, '_devnull'):
                    to_close.append(self._devnull)
                for fd in to_close:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            raise

    @property
    def universal_newlines(self):
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, universal_newlines):
        self.text_mode = bool(universal_newlines)

    def __repr__(self):
        obj_repr = (f"<{self.__class__.__name__}: "
                    f"returncode: {self.returncode} args: {self.args!r}>")
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + "...>"
        return obj_repr

    __class_getitem__ = classmethod(types.GenericAlias)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            if exc_type == KeyboardInterrupt:
                if self._sigint_wait_secs > 0:
                    try:
                        self._wait(timeout=self._sigint_wait_secs)
                    except TimeoutExpired:
                        pass
                self._sigint_wait_secs = 0
            else:
                self.wait()

    def __del__(self):
        if not self._child_created:
            return
        self._internal_poll(_deadstate=sys.maxsize)
        if self.returncode is None and _active is not None:
            _active.append(self)

    def _get_devnull(self):
        if not hasattr(self, '_devnull'):
            self._devnull = os.open(os.devnull, os.O_RDWR)
        return self._devnull

    def _get_handles(self, stdin, stdout, stderr):
        """The six descriptors: the child's ends and the parent's ends of
        stdin, stdout and stderr (-1 where there is none)."""
        p2cread, p2cwrite = -1, -1
        c2pread, c2pwrite = -1, -1
        errread, errwrite = -1, -1

        if stdin is None:
            pass
        elif stdin == PIPE:
            p2cread, p2cwrite = os.pipe()
        elif stdin == DEVNULL:
            p2cread = self._get_devnull()
        elif isinstance(stdin, int):
            p2cread = stdin
        else:
            p2cread = stdin.fileno()

        if stdout is None:
            pass
        elif stdout == PIPE:
            c2pread, c2pwrite = os.pipe()
        elif stdout == DEVNULL:
            c2pwrite = self._get_devnull()
        elif isinstance(stdout, int):
            c2pwrite = stdout
        else:
            c2pwrite = stdout.fileno()

        if stderr is None:
            pass
        elif stderr == PIPE:
            errread, errwrite = os.pipe()
        elif stderr == STDOUT:
            if c2pwrite != -1:
                errwrite = c2pwrite
            else:
                errwrite = sys.__stdout__.fileno()
        elif stderr == DEVNULL:
            errwrite = self._get_devnull()
        elif isinstance(stderr, int):
            errwrite = stderr
        else:
            errwrite = stderr.fileno()

        return (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)

    def _close_pipe_fds(self, p2cread, p2cwrite, c2pread, c2pwrite,
                        errread, errwrite):
        # The child's ends of the pipes made here; descriptors the caller
        # passed stay open.
        if p2cread != -1 and p2cwrite != -1 and p2cread != getattr(self, '_devnull', None):
            os.close(p2cread)
        if c2pwrite != -1 and c2pread != -1 and c2pwrite != getattr(self, '_devnull', None):
            os.close(c2pwrite)
        if errwrite != -1 and errread != -1 and errwrite != getattr(self, '_devnull', None):
            os.close(errwrite)
        if hasattr(self, '_devnull'):
            os.close(self._devnull)
        self._closed_child_pipe_fds = True

    def _execute_child(self, args, executable, preexec_fn, close_fds,
                       pass_fds, cwd, env, shell,
                       p2cread, p2cwrite, c2pread, c2pwrite,
                       errread, errwrite, restore_signals,
                       start_new_session, process_group,
                       gid, gids, uid, umask):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif isinstance(args, os.PathLike):
            if shell:
                raise TypeError('path-like args is not allowed when '
                                'shell is true')
            args = [args]
        else:
            args = list(args)

        if shell:
            args = ["/bin/sh", "-c"] + args
            if executable:
                args[0] = executable

        if executable is None:
            executable = args[0]
        orig_executable = executable

        # The error pipe must not land on 0, 1 or 2, which the child's
        # dup2s overwrite.
        errpipe_read, errpipe_write = os.pipe()
        low_fds_to_close = []
        while errpipe_write < 3:
            low_fds_to_close.append(errpipe_write)
            errpipe_write = os.dup(errpipe_write)
        for low_fd in low_fds_to_close:
            os.close(low_fd)
        try:
            try:
                # The child gets os.environ as it is now, even where it was
                # changed by methods (pop, update, clear) that do not reach
                # the C environment.
                if env is None:
                    env = os.environ
                env_list = []
                for k, v in env.items():
                    k = os.fsencode(k)
                    if b'=' in k:
                        raise ValueError("illegal environment variable name")
                    env_list.append(k + b'=' + os.fsencode(v))
                executable = os.fsdecode(executable)
                if os.path.dirname(executable):
                    executable_list = (executable,)
                else:
                    executable_list = tuple(
                        os.path.join(os.fsdecode(dir), executable)
                        for dir in os.get_exec_path(env))
                fds_to_keep = set(pass_fds)
                fds_to_keep.add(errpipe_write)
                self.pid = _posixsubprocess.fork_exec(
                    [os.fsencode(a) for a in args], executable_list,
                    close_fds, tuple(sorted(map(int, fds_to_keep))),
                    None if cwd is None else os.fsencode(cwd), env_list,
                    p2cread, p2cwrite, c2pread, c2pwrite,
                    errread, errwrite,
                    errpipe_read, errpipe_write,
                    restore_signals, start_new_session,
                    process_group, gid, gids, uid, umask,
                    preexec_fn, False)
                self._child_created = True
            finally:
                os.close(errpipe_write)

            self._close_pipe_fds(p2cread, p2cwrite, c2pread, c2pwrite,
                                 errread, errwrite)

            # Empty at its end when exec succeeded (the pipe closes on exec).
            errpipe_data = bytearray()
            while True:
                part = os.read(errpipe_read, 50000)
                errpipe_data += part
                if not part or len(errpipe_data) > 50000:
                    break
        finally:
            os.close(errpipe_read)

        if errpipe_data:
            try:
                pid, sts = os.waitpid(self.pid, 0)
                if pid == self.pid:
                    self._handle_exitstatus(sts)
                else:
                    self.returncode = sys.maxsize
            except ChildProcessError:
                pass
            try:
                exception_name, hex_errno, err_msg = errpipe_data.split(b':', 2)
                err_msg = err_msg.decode()
            except ValueError:
                exception_name = b'SubprocessError'
                hex_errno = b'0'
                err_msg = 'Bad exception data from child: {!r}'.format(
                    bytes(errpipe_data))
            child_exception_type = getattr(
                builtins, exception_name.decode('ascii'), SubprocessError)
            if issubclass(child_exception_type, OSError) and hex_errno:
                errno_num = int(hex_errno, 16)
                if err_msg == "noexec:chdir":
                    err_msg = ""
                    err_filename = cwd
                elif err_msg == "noexec":
                    err_msg = ""
                    err_filename = None
                else:
                    err_filename = orig_executable
                if errno_num != 0:
                    err_msg = os.strerror(errno_num)
                if err_filename is not None:
                    raise child_exception_type(errno_num, err_msg, err_filename)
                raise child_exception_type(errno_num, err_msg)
            raise child_exception_type(err_msg)

    # ---- waiting ----

    def _handle_exitstatus(self, sts):
        if os.WIFSTOPPED(sts):
            self.returncode = -os.WSTOPSIG(sts)
        else:
            self.returncode = os.waitstatus_to_exitcode(sts)

    def _internal_poll(self, _deadstate=None):
        if self.returncode is None:
            if not self._waitpid_lock.acquire(False):
                # Another thread is waiting for the child.
                return None
            try:
                if self.returncode is not None:
                    return self.returncode
                pid, sts = os.waitpid(self.pid, os.WNOHANG)
                if pid == self.pid:
                    self._handle_exitstatus(sts)
            except OSError as e:
                if _deadstate is not None:
                    self.returncode = _deadstate
                elif e.errno == errno.ECHILD:
                    # The child was reaped elsewhere (SIGCHLD ignored...):
                    # its status is lost.
                    self.returncode = 0
            finally:
                self._waitpid_lock.release()
        return self.returncode

    def poll(self):
        """Return the returncode if the child has exited, else None."""
        return self._internal_poll()

    def _remaining_time(self, endtime):
        if endtime is None:
            return None
        return endtime - time.monotonic()

    def _check_timeout(self, endtime, orig_timeout, stdout_seq, stderr_seq,
                       skip_check_and_raise=False):
        if endtime is None:
            return
        if skip_check_and_raise or time.monotonic() > endtime:
            raise TimeoutExpired(
                self.args, orig_timeout,
                output=b''.join(stdout_seq) if stdout_seq else None,
                stderr=b''.join(stderr_seq) if stderr_seq else None)

    def _try_wait(self, wait_flags):
        try:
            pid, sts = os.waitpid(self.pid, wait_flags)
        except ChildProcessError:
            pid = self.pid
            sts = 0
        return (pid, sts)

    def wait(self, timeout=None):
        """Wait for the child to exit and return its returncode;
        TimeoutExpired after timeout seconds."""
        endtime = None if timeout is None else time.monotonic() + timeout
        try:
            return self._wait(timeout=timeout)
        except KeyboardInterrupt:
            self._wait_after_sigint(endtime)
            raise

    def _wait_after_sigint(self, endtime):
        # The child got the SIGINT too: give it a moment to exit, so that it
        # is reaped, but only once (the KeyboardInterrupt must go on).
        sigint_timeout = self._sigint_wait_secs
        if endtime is not None:
            sigint_timeout = min(sigint_timeout, self._remaining_time(endtime))
        self._sigint_wait_secs = 0
        try:
            self._wait(timeout=sigint_timeout)
        except TimeoutExpired:
            pass

    def _wait(self, timeout):
        if self.returncode is not None:
            return self.returncode
        if timeout is not None:
            endtime = time.monotonic() + timeout
            # No waitpid with a timeout: poll with growing sleeps.
            delay = 0.0005
            while True:
                if self._waitpid_lock.acquire(False):
                    try:
                        if self.returncode is not None:
                            break
                        pid, sts = self._try_wait(os.WNOHANG)
                        if pid == self.pid:
                            self._handle_exitstatus(sts)
                            break
                    finally:
                        self._waitpid_lock.release()
                remaining = self._remaining_time(endtime)
                if remaining <= 0:
                    raise TimeoutExpired(self.args, timeout)
                delay = min(delay * 2, remaining, .05)
                time.sleep(delay)
        else:
            while self.returncode is None:
                with self._waitpid_lock:
                    if self.returncode is not None:
                        break
                    pid, sts = self._try_wait(0)
                    if pid == self.pid:
                        self._handle_exitstatus(sts)
        return self.returncode

    # ---- talking to the child ----

    def _stdin_write(self, input):
        if input:
            try:
                self.stdin.write(input)
            except BrokenPipeError:
                pass  # the child exited without reading everything
            except OSError as exc:
                if exc.errno != errno.EINVAL:
                    raise
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass
        except OSError as exc:
            if exc.errno != errno.EINVAL:
                raise

    def communicate(self, input=None, timeout=None):
        """Send input to stdin, read stdout and stderr to their end and wait
        for the child; returns (stdout_data, stderr_data)."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")

        if (timeout is None and not self._communication_started and
                [self.stdin, self.stdout, self.stderr].count(None) >= 2):
            # One pipe at most: no need to poll.
            stdout = None
            stderr = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
        else:
            endtime = None if timeout is None else time.monotonic() + timeout
            try:
                stdout, stderr = self._communicate(input, endtime, timeout)
            except KeyboardInterrupt:
                self._wait_after_sigint(endtime)
                raise
            finally:
                self._communication_started = True
            self.wait(timeout=self._remaining_time(endtime))
        return (stdout, stderr)

    def _save_input(self, input):
        if self.stdin and self._input is None:
            self._input_offset = 0
            self._input = input
            if input is not None and self.text_mode:
                self._input = self._input.encode(self.stdin.encoding,
                                                 self._text_errors)

    def _communicate(self, input, endtime, orig_timeout):
        if self.stdin and not self._communication_started:
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
            if not input:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass

        # The output read so far survives a TimeoutExpired, for the next
        # call to go on from.
        if not self._communication_started:
            self._fileobj2output = {}
            if self.stdout:
                self._fileobj2output[self.stdout] = []
            if self.stderr:
                self._fileobj2output[self.stderr] = []
        stdout = self._fileobj2output[self.stdout] if self.stdout else None
        stderr = self._fileobj2output[self.stderr] if self.stderr else None

        self._save_input(input)

        poller = select.poll()
        by_fd = {}
        if self.stdin and input and not self.stdin.closed:
            by_fd[self.stdin.fileno()] = self.stdin
            poller.register(self.stdin.fileno(), select.POLLOUT)
        for f in (self.stdout, self.stderr):
            if f and not f.closed:
                by_fd[f.fileno()] = f
                poller.register(f.fileno(), select.POLLIN)

        def done_with(fd):
            poller.unregister(fd)
            by_fd.pop(fd).close()

        while by_fd:
            timeout = self._remaining_time(endtime)
            if timeout is not None and timeout < 0:
                self._check_timeout(endtime, orig_timeout, stdout, stderr,
                                    skip_check_and_raise=True)
            ready = poller.poll(None if timeout is None else timeout * 1000)
            self._check_timeout(endtime, orig_timeout, stdout, stderr)
            for fd, events in ready:
                f = by_fd.get(fd)
                if f is None:
                    continue
                if f is self.stdin:
                    chunk = self._input[self._input_offset:
                                        self._input_offset + _PIPE_BUF]
                    try:
                        self._input_offset += os.write(fd, chunk)
                    except BrokenPipeError:
                        done_with(fd)
                    else:
                        if self._input_offset >= len(self._input):
                            done_with(fd)
                else:
                    data = os.read(fd, _READ_CHUNK)
                    if not data:
                        done_with(fd)
                    self._fileobj2output[f].append(data)

        self.wait(timeout=self._remaining_time(endtime))

        if stdout is not None:
            stdout = b''.join(stdout)
        if stderr is not None:
            stderr = b''.join(stderr)
        if self.text_mode:
            if stdout is not None:
                stdout = self._translate_newlines(stdout, self.stdout.encoding,
                                                  self._text_errors)
            if stderr is not None:
                stderr = self._translate_newlines(stderr, self.stderr.encoding,
                                                  self._text_errors)
        return (stdout, stderr)

    def _translate_newlines(self, data, encoding, errors):
        data = data.decode(encoding, errors)
        return data.replace("\r\n", "\n").replace("\r", "\n")

    # ---- signals ----

    def send_signal(self, sig):
        """Send a signal to the child (nothing once it has been reaped)."""
        # Reaping first keeps a recycled pid from receiving the signal.
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        """Terminate the child with SIGTERM."""
        self.send_signal(signal.SIGTERM)

    def kill(self):
        """Kill the child with SIGKILL."""
        self.send_signal(signal.SIGKILL)
