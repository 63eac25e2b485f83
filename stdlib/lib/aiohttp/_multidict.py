"""MultiDict, CIMultiDict and their read-only proxies (the API of the
`multidict` package that aiohttp uses for headers and query strings).

Items are kept as a list of (key, value) pairs in insertion order; HTTP
headers and query strings are short, so lookups scan the list.
"""


class _Base:
    __slots__ = ('_items',)
    _ci = False

    def _key(self, key):
        if self._ci:
            if not isinstance(key, str):
                raise TypeError('MultiDict keys should be either str or subclasses of str')
            return key.lower()
        return key

    def getall(self, key, *default):
        k = self._key(key)
        found = [v for ik, v in self._items if self._key(ik) == k]
        if found:
            return found
        if default:
            return default[0]
        raise KeyError(key)

    def getone(self, key, *default):
        k = self._key(key)
        for ik, v in self._items:
            if self._key(ik) == k:
                return v
        if default:
            return default[0]
        raise KeyError(key)

    def __getitem__(self, key):
        return self.getone(key)

    def get(self, key, default=None):
        return self.getone(key, default)

    def __contains__(self, key):
        k = self._key(key)
        for ik, _ in self._items:
            if self._key(ik) == k:
                return True
        return False

    def __iter__(self):
        return iter([k for k, _ in self._items])

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [k for k, _ in self._items]

    def values(self):
        return [v for _, v in self._items]

    def items(self):
        return list(self._items)

    def __eq__(self, other):
        if isinstance(other, _Base):
            return ([(self._key(k), v) for k, v in self._items] ==
                    [(other._key(k), v) for k, v in other._items])
        if hasattr(other, 'items'):
            if len(self) != len(other):
                return False
            for k, v in self._items:
                if k not in other or other[k] != v:
                    return False
            return True
        return NotImplemented

    def __repr__(self):
        body = ', '.join([f'{k!r}: {v!r}' for k, v in self._items])
        return f'<{type(self).__name__}({body})>'


class MultiDict(_Base):
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        self._items = []
        self.extend(*args, **kwargs)

    def add(self, key, value):
        self._items.append((key, value))

    def extend(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f'{type(self).__name__} takes at most 1 positional argument '
                            f'({len(args)} given)')
        if args:
            src = args[0]
            if isinstance(src, _Base):
                pairs = src._items
            elif hasattr(src, 'items'):
                pairs = src.items()
            else:
                pairs = src
            for k, v in pairs:
                self._items.append((k, v))
        for k, v in kwargs.items():
            self._items.append((k, v))

    def __setitem__(self, key, value):
        k = self._key(key)
        for i, (ik, _) in enumerate(self._items):
            if self._key(ik) == k:
                self._items[i] = (key, value)
                self._items[i + 1:] = [p for p in self._items[i + 1:] if self._key(p[0]) != k]
                return
        self._items.append((key, value))

    def __delitem__(self, key):
        k = self._key(key)
        kept = [p for p in self._items if self._key(p[0]) != k]
        if len(kept) == len(self._items):
            raise KeyError(key)
        self._items[:] = kept

    def setdefault(self, key, default=None):
        k = self._key(key)
        for ik, v in self._items:
            if self._key(ik) == k:
                return v
        self._items.append((key, default))
        return default

    def popone(self, key, *default):
        k = self._key(key)
        for i, (ik, v) in enumerate(self._items):
            if self._key(ik) == k:
                del self._items[i]
                return v
        if default:
            return default[0]
        raise KeyError(key)

    pop = popone

    def popall(self, key, *default):
        found = self.getall(key, *default)
        k = self._key(key)
        self._items[:] = [p for p in self._items if self._key(p[0]) != k]
        return found

    def update(self, *args, **kwargs):
        other = MultiDict(*args, **kwargs)
        for k, v in other._items:
            self[k] = v

    def clear(self):
        self._items.clear()

    def copy(self):
        return type(self)(self._items)


class CIMultiDict(MultiDict):
    __slots__ = ()
    _ci = True


class MultiDictProxy(_Base):
    __slots__ = ()

    def __init__(self, md):
        if not isinstance(md, MultiDict):
            raise TypeError(f'ctor requires MultiDict or MultiDictProxy instance, '
                            f'not {type(md)}')
        self._items = md._items

    def copy(self):
        return MultiDict(self._items)


class CIMultiDictProxy(MultiDictProxy):
    __slots__ = ()
    _ci = True

    def copy(self):
        return CIMultiDict(self._items)
