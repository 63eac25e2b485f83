"""multiprocessing._codec: the serialisation used between processes.

A tagged text encoding (UTF-8 on the wire), framed by an 8-hex-digit
length.  Tags: N T F (None, True, False), i<int>; f<float repr>;
s<nchars>:<text>, b<nbytes>:<hex>, l/t/S/Z<count>: items (list, tuple,
set, frozenset), d<count>: key value..., E exception (module, qualname,
args), R class or function by (module, qualname), G callable by number in
the registry (for lambdas and closures: the worker, forked after the
registration, inherits the registry), O instance (module, qualname,
__dict__).  Anything else raises TypeError (as pickling would).
"""

import os
import sys

_registry = {}
_registry_ids = {}


def register(fn):
    """Numbers a callable that cannot be found by name."""
    key = id(fn)
    n = _registry_ids.get(key)
    if n is None:
        n = len(_registry) + 1
        _registry[n] = fn
        _registry_ids[key] = n
    return n


def _lookup(module, qualname):
    mod = sys.modules.get(module)
    if mod is None:
        mod = __import__(module)
        for part in module.split('.')[1:]:
            mod = getattr(mod, part)
    obj = mod
    for part in qualname.split('.'):
        obj = getattr(obj, part)
    return obj


def _enc(v, out):
    if v is None:
        out.append('N')
    elif v is True:
        out.append('T')
    elif v is False:
        out.append('F')
    elif type(v) is int:
        out.append('i%d;' % v)
    elif type(v) is float:
        out.append('f%r;' % v)
    elif type(v) is str:
        out.append('s%d:' % len(v))
        out.append(v)
    elif type(v) is bytes or type(v) is bytearray:
        out.append('b%d:' % len(v))
        out.append(bytes(v).hex())
    elif type(v) is list or type(v) is tuple or type(v) is set or type(v) is frozenset:
        tag = {list: 'l', tuple: 't', set: 'S', frozenset: 'Z'}[type(v)]
        out.append('%s%d:' % (tag, len(v)))
        for x in v:
            _enc(x, out)
    elif type(v) is dict:
        out.append('d%d:' % len(v))
        for k, x in v.items():
            _enc(k, out)
            _enc(x, out)
    elif isinstance(v, BaseException):
        cls = type(v)
        out.append('E')
        _enc(cls.__module__, out)
        _enc(cls.__qualname__, out)
        _enc(tuple(v.args), out)
    elif callable(v) and hasattr(v, '__qualname__') and hasattr(v, '__module__'):
        qn = v.__qualname__
        found = None
        if '<' not in qn and v.__module__ is not None:
            try:
                found = _lookup(v.__module__, qn)
            except Exception:
                found = None
        if found is v:
            out.append('R')
            _enc(v.__module__, out)
            _enc(qn, out)
        else:
            out.append('G%d;' % register(v))
    elif hasattr(v, '__dict__') and hasattr(type(v), '__qualname__'):
        cls = type(v)
        out.append('O')
        _enc(cls.__module__, out)
        _enc(cls.__qualname__, out)
        _enc(dict(v.__dict__), out)
    else:
        raise TypeError(f"cannot pickle {type(v).__name__!r} object")


def dumps(v):
    out = []
    _enc(v, out)
    return ''.join(out).encode('utf-8', 'surrogatepass')


def _num(s, i, end):
    j = s.index(end, i)
    return s[i:j], j + 1


def _dec(s, i):
    tag = s[i]
    i += 1
    if tag == 'N':
        return None, i
    if tag == 'T':
        return True, i
    if tag == 'F':
        return False, i
    if tag == 'i':
        t, i = _num(s, i, ';')
        return int(t), i
    if tag == 'f':
        t, i = _num(s, i, ';')
        return float(t), i
    if tag == 's':
        t, i = _num(s, i, ':')
        n = int(t)
        return s[i:i + n], i + n
    if tag == 'b':
        t, i = _num(s, i, ':')
        n = int(t) * 2
        return bytes.fromhex(s[i:i + n]), i + n
    if tag in 'ltSZd':
        t, i = _num(s, i, ':')
        n = int(t)
        if tag == 'd':
            d = {}
            for _ in range(n):
                k, i = _dec(s, i)
                v, i = _dec(s, i)
                d[k] = v
            return d, i
        items = []
        for _ in range(n):
            v, i = _dec(s, i)
            items.append(v)
        if tag == 'l':
            return items, i
        if tag == 't':
            return tuple(items), i
        if tag == 'S':
            return set(items), i
        return frozenset(items), i
    if tag == 'E':
        mod, i = _dec(s, i)
        qn, i = _dec(s, i)
        args, i = _dec(s, i)
        try:
            cls = _lookup(mod, qn)
            exc = cls(*args)
        except Exception:
            exc = Exception(*args)
        return exc, i
    if tag == 'R':
        mod, i = _dec(s, i)
        qn, i = _dec(s, i)
        return _lookup(mod, qn), i
    if tag == 'G':
        t, i = _num(s, i, ';')
        return _registry[int(t)], i
    if tag == 'O':
        mod, i = _dec(s, i)
        qn, i = _dec(s, i)
        d, i = _dec(s, i)
        cls = _lookup(mod, qn)
        obj = cls.__new__(cls)
        obj.__dict__.update(d)
        return obj, i
    raise ValueError('corrupt message from another process')


def loads(b):
    s = b.decode('utf-8', 'surrogatepass')
    v, i = _dec(s, 0)
    return v


def _write_all(fd, data):
    while data:
        n = os.write(fd, data)
        data = data[n:]


def _read_exact(fd, n):
    parts = []
    while n > 0:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            return None
        parts.append(chunk)
        n -= len(chunk)
    return b''.join(parts)


def send_bytes(fd, payload):
    # One write for small frames keeps them atomic on a shared pipe.
    _write_all(fd, ('%08x' % len(payload)).encode('ascii') + payload)


def recv_bytes(fd):
    head = _read_exact(fd, 8)
    if head is None:
        return None
    payload = _read_exact(fd, int(head.decode('ascii'), 16))
    if payload is None:
        raise EOFError
    return payload


def send(fd, obj):
    send_bytes(fd, dumps(obj))


def recv(fd):
    """The next object, or raises EOFError when the other end is closed."""
    b = recv_bytes(fd)
    if b is None:
        raise EOFError
    return loads(b)
