"""Extract, format and print information about Python stack traces (gilpy).

The text comes from the interpreter's own formatter (_traceback), the one
that reports uncaught exceptions, so print_exc() prints exactly what an
uncaught exception would.  Functions returning lists return the lines of
that text (joined, they give the same output as CPython's).
"""
import sys
import _traceback

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']

_sentinel = object()


def _lines(text):
    return text.splitlines(True)


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        return None, None
    return value, tb


def _with_tb(value, tb):
    if value is not None and tb is not None and tb is not value.__traceback__:
        value = value.with_traceback(tb)
    return value


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value, tb = _parse_value_tb(exc, value, tb)
    if value is None:
        return ['NoneType: None\n']
    return _lines(_traceback.format_exception(_with_tb(value, tb), chain))


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    if value is None:
        return ['NoneType: None\n']
    return _lines(_traceback.format_exception_only(value))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def format_tb(tb, limit=None):
    text = _traceback.format_tb(tb)
    # One string per entry, as CPython: an entry starts at "  File".
    entries = []
    for line in _lines(text):
        if line.startswith('  File ') or line.startswith('  [Previous') or not entries:
            entries.append(line)
        else:
            entries[-1] += line
    if limit is not None:
        entries = entries[:limit] if limit >= 0 else entries[limit:]
    return entries


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for entry in format_tb(tb, limit):
        print(entry, file=file, end="")


class FrameSummary:
    """Information about a single frame from a traceback."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        if lookup_line:
            self.line

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _traceback.getline(self.filename, self.lineno)
        return self._line


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        """A StackSummary of (frame, line number) pairs, at most limit of
        them (the last -limit when negative; sys.tracebacklimit if None)."""
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            frame_gen = list(frame_gen)
            frame_gen = frame_gen[:limit] if limit >= 0 else frame_gen[limit:]
        result = klass()
        for f, lineno in frame_gen:
            co = f.f_code
            result.append(FrameSummary(co.co_filename, lineno, co.co_name, lookup_line=False,
                                       locals=f.f_locals if capture_locals else None))
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format(self):
        result = []
        for fs in self:
            if (fs.colno is not None and fs.end_colno is not None and fs.end_lineno is not None
                    and isinstance(fs.lineno, int)):
                # Positions known (extract_tb): the report's own layout,
                # carets included.
                result.append(_traceback.format_entry(fs.filename, fs.lineno, fs.name,
                                                      fs.end_lineno, fs.colno, fs.end_colno))
                continue
            row = '  File "{}", line {}, in {}\n'.format(fs.filename, fs.lineno, fs.name)
            if fs.line:
                row += '    {}\n'.format(fs.line.strip())
            result.append(row)
        return result


def walk_tb(tb):
    while tb is not None:
        yield tb, tb.tb_lineno
        tb = tb.tb_next


def extract_tb(tb, limit=None):
    frames = StackSummary()
    while tb is not None:
        end_lineno, colno, end_colno = tb._positions
        frames.append(FrameSummary(tb.tb_filename, tb.tb_lineno, tb.tb_name,
                                   end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        tb = tb.tb_next
    if limit is not None:
        frames = StackSummary(frames[:limit] if limit >= 0 else frames[limit:])
    return frames


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def walk_stack(f):
    """Yield (frame, line number) following f.f_back; from the caller of the
    traceback function that called this one when f is None (the frames of
    print_stack/extract_stack and StackSummary.extract are skipped)."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def clear_frames(tb):
    pass


class TracebackException:
    """An exception ready for rendering."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        self.exc_type = exc_type
        self._value = exc_value
        self.stack = extract_tb(exc_traceback, limit=limit)
        self.__cause__ = None
        self.__context__ = None
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            self.lineno = exc_value.lineno
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return str(self._value)

    def format_exception_only(self):
        if self._value is None:
            yield 'NoneType: None\n'
            return
        yield from format_exception_only(self._value)

    def format(self, *, chain=True):
        if self._value is None:
            yield 'NoneType: None\n'
            return
        yield from _lines(_traceback.format_exception(self._value, chain))

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
