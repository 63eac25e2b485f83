"""copy: shallow and deep copies."""


class Error(Exception):
    pass


def copy(x):
    cls = type(x)
    if cls in (int, float, bool, str, bytes, tuple, frozenset, type, range, type(None)):
        return x
    if cls in (list, dict, set, bytearray):
        return cls(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    new = cls.__new__(cls)
    state = getattr(x, '__dict__', None)
    if state:
        new.__dict__.update(state)
    return new


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if cls in (int, float, bool, str, bytes, type, range, type(None)) or callable(x) and not hasattr(x, '__dict__'):
        return x
    if cls is list:
        y = []
        memo[d] = y
        y.extend(deepcopy(a, memo) for a in x)
        return y
    if cls is tuple:
        return tuple(deepcopy(a, memo) for a in x)
    if cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls is set:
        return {deepcopy(a, memo) for a in x}
    copier = getattr(x, '__deepcopy__', None)
    if copier is not None:
        return copier(memo)
    new = cls.__new__(cls)
    memo[d] = new
    state = getattr(x, '__dict__', None)
    if state:
        for k, v in state.items():
            setattr(new, k, deepcopy(v, memo))
    return new
