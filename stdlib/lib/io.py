"""io (gilpy): file objects and in-memory streams.

File objects come from the interpreter (_io, runtime/fileio.c); StringIO
and BytesIO are written here.  Positions of a StringIO count characters,
as CPython's do.
"""
from _io import (open, TextIOWrapper, BufferedReader, BufferedWriter,
                 BufferedRandom, DEFAULT_BUFFER_SIZE)
try:
    from _io import UnsupportedOperation
except ImportError:
    class UnsupportedOperation(OSError, ValueError):
        pass

__all__ = ["BlockingIOError", "open", "IOBase", "RawIOBase", "FileIO",
           "BytesIO", "StringIO", "BufferedIOBase", "BufferedReader",
           "BufferedWriter", "BufferedRWPair", "BufferedRandom", "TextIOBase",
           "TextIOWrapper", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "DEFAULT_BUFFER_SIZE"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class IOBase:
    __module__ = '_io'

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    _closed_msg = "I/O operation on closed file."

    def _checkClosed(self):
        if self.closed:
            raise ValueError(self._closed_msg)

    def readlines(self, hint=-1):
        lines = []
        n = 0
        for line in self:
            lines.append(line)
            n += len(line)
            if 0 < hint <= n:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)

    def flush(self):
        self._checkClosed()

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def isatty(self):
        self._checkClosed()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")


RawIOBase = BufferedIOBase = TextIOBase = IOBase


class _MemoryIO(IOBase):
    """Shared logic of StringIO and BytesIO over a list of chunks."""

    def __init__(self, initial):
        self._buf = initial
        self._pos = 0
        self.closed = False

    def getvalue(self):
        self._checkClosed()
        return self._buf

    def write(self, s):
        self._checkClosed()
        s = self._convert(s)
        n = len(s)
        if n == 0:
            return 0
        buf = self._buf
        pos = self._pos
        if pos == len(buf):
            self._buf = buf + s
        elif pos > len(buf):
            self._buf = buf + self._empty * (pos - len(buf)) + s
        else:
            self._buf = buf[:pos] + s + buf[pos + n:]
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        buf = self._buf
        pos = self._pos
        if size < 0:
            end = len(buf)
        else:
            end = min(len(buf), pos + size)
        if pos >= end:
            return self._empty
        self._pos = end
        return buf[pos:end]

    def readline(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        buf = self._buf
        pos = self._pos
        i = buf.find(self._newline, pos)
        end = len(buf) if i < 0 else i + 1
        if size >= 0:
            end = min(end, pos + size)
        if pos >= end:
            return self._empty
        self._pos = end
        return buf[pos:end]

    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0 and self._text:
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            if pos != 0 and self._text:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def tell(self):
        self._checkClosed()
        return self._pos

    def truncate(self, size=None):
        self._checkClosed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        self._buf = self._buf[:size]
        return size

    def close(self):
        self.closed = True


class StringIO(_MemoryIO):
    """Text I/O implementation using an in-memory buffer."""
    __module__ = '_io'
    _closed_msg = "I/O operation on closed file"  # CPython's StringIO has no period
    _empty = ''
    _newline = '\n'
    _text = True

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        _MemoryIO.__init__(self, initial_value)
        self.newline = newline

    def _convert(self, s):
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        return s

    @property
    def line_buffering(self):
        return False

    @property
    def encoding(self):
        return None


class BytesIO(_MemoryIO):
    """Buffered I/O implementation using an in-memory bytes buffer."""
    __module__ = '_io'
    _empty = b''
    _newline = b'\n'
    _text = False

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        _MemoryIO.__init__(self, bytes(initial_bytes))

    def _convert(self, b):
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return bytes(b)

    def getbuffer(self):
        return bytearray(self._buf)

    def read1(self, size=-1):
        return self.read(size)


FileIO = BufferedReader


def text_encoding(encoding, stacklevel=2):
    return "utf-8" if encoding is None else encoding
