"""multiprocessing._codec: the serialisation used between processes.

A tagged text encoding (UTF-8 on the wire), framed by an 8-hex-digit
length.  Tags: N T F (None, True, False), i<int>; f<float repr>;
c<real><imag> complex, r(start, stop, step) range,
s<nchars>:<text>, b<nbytes>:<hex> bytes,
a<nbytes>:<hex> bytearray, l/t/S/Z<count>: items (list, tuple, set,
frozenset), I/D then l/t<nchars>:<comma-separated numbers> (a long list
or tuple of ints or floats only), d<count>: key value..., E exception (module, qualname, args,
__dict__), R class or function by (module, qualname), M bound method
(self, name), P functools.partial (func, args, keywords), Q tuple subclass
such as a namedtuple (module, qualname, items), X what __reduce__() says
(callable, args, state, list items, dict items), K instance of a subclass
of a builtin such as Counter (module, qualname, builtin's name, builtin
value, state), O instance (module, qualname, state: __getstate__() or
__dict__ and slots).

Functions and classes travel by name, as pickle sends them, so the other
process must be able to find them: a lambda or a local function raises
PicklingError or AttributeError with pickle's message.  Anything else
raises TypeError (as pickling would).
"""

import os
import sys


class PicklingError(Exception):
    """An object that cannot be sent (pickle's error of the same name)."""


PicklingError.__module__ = '_pickle'


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


def _check_global(v):
    """The (module, qualname) under which the other process finds the
    function or class v; raises pickle's errors when there is none."""
    qn = getattr(v, '__qualname__', None)
    module = getattr(v, '__module__', None) or '__main__'
    if qn is None:
        raise TypeError(f"cannot pickle {type(v).__name__!r} object")
    if '<locals>' in qn:
        raise AttributeError(f"Can't pickle local object {qn!r}")
    try:
        found = _lookup(module, qn)
    except Exception:
        raise PicklingError(f"Can't pickle {v!r}: attribute lookup {qn} on {module} failed") from None
    if found is not v:
        raise PicklingError(f"Can't pickle {v!r}: it's not the same object as {module}.{qn}")
    return module, qn


def _enc_global(v, out):
    """A function or class, sent as (module, qualname) as pickle does."""
    module, qn = _check_global(v)
    out.append('R')
    _enc(module, out)
    _enc(qn, out)


def _enc_class_name(cls, out):
    module, qn = _check_global(cls)
    _enc(module, out)
    _enc(qn, out)


def _enc(v, out):
    t = type(v)
    if v is None:
        out.append('N')
    elif v is True:
        out.append('T')
    elif v is False:
        out.append('F')
    elif t is int:
        out.append('i%d;' % v)
    elif t is str:
        out.append('s%d:' % len(v))
        out.append(v)
    elif t is float:
        out.append('f%r;' % v)
    elif t is list or t is tuple or t is set or t is frozenset:
        tag = 'l' if t is list else 't' if t is tuple else 'S' if t is set else 'Z'
        if len(v) > 8 and (t is list or t is tuple):
            kinds = set(map(type, v))
            if len(kinds) == 1 and (int in kinds or float in kinds):
                # A run of numbers as one text: joined and split in C.
                text = ','.join(map(str if int in kinds else repr, v))
                out.append('%s%s%d:' % ('I' if int in kinds else 'D', tag, len(text)))
                out.append(text)
                return
        out.append('%s%d:' % (tag, len(v)))
        for x in v:
            _enc(x, out)
    elif t is dict:
        out.append('d%d:' % len(v))
        for k, x in v.items():
            _enc(k, out)
            _enc(x, out)
    elif t is bytes or t is bytearray:
        out.append('%s%d:' % ('b' if t is bytes else 'a', len(v)))
        out.append(bytes(v).hex())
    elif t is range:
        out.append('r')
        _enc((v.start, v.stop, v.step), out)
    elif t is complex:
        out.append('c')
        _enc(v.real, out)
        _enc(v.imag, out)
    elif isinstance(v, BaseException):
        out.append('E')
        _enc_class_name(t, out)
        _enc(tuple(v.args), out)
        _enc(dict(getattr(v, '__dict__', None) or {}), out)
    elif isinstance(v, type):
        _enc_global(v, out)
    elif t.__name__ == 'partial' and t.__module__ == 'functools':
        out.append('P')
        _enc(v.func, out)
        _enc(tuple(v.args), out)
        _enc(dict(v.keywords), out)
    elif callable(v) and hasattr(v, '__qualname__'):
        owner = getattr(v, '__self__', None)
        if owner is not None and type(owner).__name__ != 'module':
            out.append('M')
            _enc(owner, out)
            _enc(v.__name__, out)
        else:
            _enc_global(v, out)
    elif isinstance(v, tuple) and hasattr(t, '_make'):
        out.append('Q')
        _enc_class_name(t, out)
        _enc(tuple(v), out)
    elif hasattr(v, '__reduce__'):
        _enc_reduce(v, out)
    elif isinstance(v, _SUBCLASSABLE):
        # A subclass of a builtin (Counter, OrderedDict, ...): its builtin
        # value, then its attributes.
        base = next(b for b in t.__mro__ if b in _SUBCLASSABLE)
        out.append('K')
        _enc_class_name(t, out)
        _enc(base.__name__, out)
        _enc(base(v) if base is not dict else dict(v.items()), out)
        _enc(_object_state(v), out)
    elif t.__module__ != 'builtins' and (hasattr(v, '__dict__') or _slot_names(t)):
        out.append('O')
        _enc_class_name(t, out)
        _enc(_object_state(v), out)
    else:
        raise TypeError(f"cannot pickle {t.__name__!r} object")


# Builtin types a class may derive from and still be sent (as 'K').
_SUBCLASSABLE = (dict, list, set, frozenset, tuple, int, float, str, bytes)
_BASES = {b.__name__: b for b in _SUBCLASSABLE}


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        names.extend(n for n in slots if n not in ('__dict__', '__weakref__'))
    return names


def _object_state(v):
    """What pickle's default reduction keeps: __getstate__() when the class
    defines it, else the __dict__ and the values of filled slots."""
    getstate = getattr(v, '__getstate__', None)
    if getstate is not None:
        return (True, getstate())
    slots = {}
    for name in _slot_names(type(v)):
        try:
            slots[name] = getattr(v, name)
        except AttributeError:
            pass
    return (False, (dict(getattr(v, '__dict__', None) or {}), slots))


def _set_object_state(obj, state):
    custom, value = state
    setstate = getattr(obj, '__setstate__', None)
    if setstate is not None:
        setstate(value)
        return
    if custom:
        obj.__dict__.update(value)
        return
    attrs, slots = value
    if attrs:
        obj.__dict__.update(attrs)
    for name, x in slots.items():
        setattr(obj, name, x)


def _enc_reduce(v, out):
    """An object whose class says how to rebuild it (__reduce__)."""
    r = v.__reduce__()
    if isinstance(r, str):
        # The name of a global: the object itself travels by name.
        out.append('R')
        _enc(type(v).__module__, out)
        _enc(r, out)
        return
    r = tuple(r) + (None,) * (5 - len(r))
    func, args, state, listitems, dictitems = r
    out.append('X')
    _enc(func, out)
    _enc(tuple(args), out)
    _enc(state, out)
    _enc(None if listitems is None else list(listitems), out)
    _enc(None if dictitems is None else list(dictitems), out)


def dumps(v):
    out = []
    _enc(v, out)
    text = ''.join(out)
    try:
        return text.encode('utf-8')     # the fast path: no lone surrogates
    except UnicodeEncodeError:
        return text.encode('utf-8', 'surrogatepass')


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
    if tag == 'b' or tag == 'a':
        t, i = _num(s, i, ':')
        n = int(t) * 2
        data = bytes.fromhex(s[i:i + n])
        return (data if tag == 'b' else bytearray(data)), i + n
    if tag == 'r':
        args, i = _dec(s, i)
        return range(*args), i
    if tag == 'c':
        re, i = _dec(s, i)
        im, i = _dec(s, i)
        return complex(re, im), i
    if tag == 'I' or tag == 'D':
        kind = s[i]
        t, i = _num(s, i + 1, ':')
        n = int(t)
        items = list(map(int if tag == 'I' else float, s[i:i + n].split(',')))
        return (items if kind == 'l' else tuple(items)), i + n
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
        state, i = _dec(s, i)
        try:
            cls = _lookup(mod, qn)
            exc = cls(*args)
        except Exception:
            exc = Exception(*args)
        if state:
            exc.__dict__.update(state)
        return exc, i
    if tag == 'R':
        mod, i = _dec(s, i)
        qn, i = _dec(s, i)
        return _lookup(mod, qn), i
    if tag == 'M':
        owner, i = _dec(s, i)
        name, i = _dec(s, i)
        return getattr(owner, name), i
    if tag == 'P':
        func, i = _dec(s, i)
        args, i = _dec(s, i)
        keywords, i = _dec(s, i)
        import functools
        return functools.partial(func, *args, **keywords), i
    if tag == 'Q':
        mod, i = _dec(s, i)
        qn, i = _dec(s, i)
        items, i = _dec(s, i)
        return _lookup(mod, qn)._make(items), i
    if tag == 'O':
        mod, i = _dec(s, i)
        qn, i = _dec(s, i)
        state, i = _dec(s, i)
        cls = _lookup(mod, qn)
        obj = cls.__new__(cls)
        _set_object_state(obj, state)
        return obj, i
    if tag == 'K':
        mod, i = _dec(s, i)
        qn, i = _dec(s, i)
        base, i = _dec(s, i)
        value, i = _dec(s, i)
        state, i = _dec(s, i)
        cls = _lookup(mod, qn)
        base = _BASES[base]
        if base in (dict, list, set):
            obj = cls.__new__(cls)
            if base is list:
                obj.extend(value)
            else:
                obj.update(value)
        else:
            obj = base.__new__(cls, value)
        _set_object_state(obj, state)
        return obj, i
    if tag == 'X':
        func, i = _dec(s, i)
        args, i = _dec(s, i)
        state, i = _dec(s, i)
        listitems, i = _dec(s, i)
        dictitems, i = _dec(s, i)
        obj = func(*args)
        if state is not None:
            setstate = getattr(obj, '__setstate__', None)
            if setstate is not None:
                setstate(state)
            else:
                _set_object_state(obj, (False, state if isinstance(state, tuple) else (state, {})))
        if listitems:
            obj.extend(listitems)
        if dictitems:
            for k, x in dictitems:
                obj[k] = x
        return obj, i
    raise ValueError('corrupt message from another process')


def _decode_text(b):
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        pass
    # Lone surrogates were sent as the three bytes ED A0-BF 80-BF
    # ('surrogatepass'): rebuild them from the escaped bytes.
    s = b.decode('utf-8', 'surrogateescape')
    parts = []
    start = 0
    i = s.find('\udced')
    while i >= 0:
        if (i + 2 < len(s) and '\udca0' <= s[i + 1] <= '\udcbf'
                and '\udc80' <= s[i + 2] <= '\udcbf'):
            parts.append(s[start:i])
            parts.append(chr(0xd000 | (ord(s[i + 1]) & 0x3f) << 6 | (ord(s[i + 2]) & 0x3f)))
            start = i + 3
            i = s.find('\udced', start)
        else:
            i = s.find('\udced', i + 1)
    parts.append(s[start:])
    return ''.join(parts)


def loads(b):
    s = _decode_text(b)
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
