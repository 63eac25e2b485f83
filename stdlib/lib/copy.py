"""copy: shallow and deep copies."""


class Error(Exception):
    pass


_ATOMIC = (type(None), int, float, bool, complex, str, bytes, tuple, frozenset, type, range,
           type(Ellipsis), type(NotImplemented), property, type(len), type(lambda: 0))


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _reduce(x):
    """x.__reduce_ex__(4), with object's default done here: __newobj__ with
    __getnewargs__, the __dict__ and slot values as state, and the items
    of list and dict subclasses."""
    cls = type(x)
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None and reductor is not object.__reduce_ex__:
        return reductor(x, 4)
    reductor = getattr(cls, '__reduce__', None)
    if reductor is not None:
        return reductor(x)
    state = getattr(x, '__dict__', None) or None
    slotstate = {}
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (klass.__name__.lstrip('_'), name)
            try:
                slotstate[name] = getattr(x, name)
            except AttributeError:
                pass
    if slotstate:
        state = (state, slotstate)
    if getattr(cls, '__getstate__', None) is not None:
        # The class's own __getstate__ decides (CPython 3.11's object.__reduce_ex__).
        state = x.__getstate__()
    if isinstance(x, (set, frozenset)):
        return (cls, (list(x),), state)
    getnewargs = getattr(x, '__getnewargs__', None)
    if getnewargs is not None:
        args = getnewargs()
    elif isinstance(x, (int, float, complex, str, bytes, tuple)):
        for base in cls.__mro__:
            if base in (int, float, complex, str, bytes, tuple):
                args = (base(x),)
                break
    else:
        args = ()
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return (_newobj, (cls,) + tuple(args), state, listitems, dictitems)


def copy(x):
    """Shallow copy, as CPython: __copy__, else the __reduce_ex__(4) protocol."""
    cls = type(x)
    if cls in (int, float, bool, complex, str, bytes, tuple, frozenset, type, range, type(None),
               type(len), type(lambda: 0), property):
        return x
    if cls in (list, dict, set, bytearray):
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy, as CPython: memo by id, __deepcopy__, else __reduce_ex__(4)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC and cls is not tuple:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, items):
            if k is not j:
                y = tuple(items)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
