"""requests.structures: CaseInsensitiveDict (keys compare case-insensitively
but keep the spelling they were last set with).  Written without the
collections.abc mixins: every mapping method is spelled out."""

_MISSING = object()


class CaseInsensitiveDict:
    def __init__(self, data=None, **kwargs):
        self._store = {}
        if data is None:
            data = {}
        self.update(data, **kwargs)

    def __setitem__(self, key, value):
        self._store[key.lower()] = (key, value)

    def __getitem__(self, key):
        return self._store[key.lower()][1]

    def __delitem__(self, key):
        del self._store[key.lower()]

    def __iter__(self):
        return iter([casedkey for casedkey, mappedvalue in self._store.values()])

    def __len__(self):
        return len(self._store)

    def __contains__(self, key):
        return isinstance(key, str) and key.lower() in self._store

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def keys(self):
        return [k for k, v in self._store.values()]

    def values(self):
        return [v for k, v in self._store.values()]

    def items(self):
        return [(k, v) for k, v in self._store.values()]

    def update(self, other=(), **kwargs):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key, default=_MISSING):
        if key in self:
            v = self[key]
            del self[key]
            return v
        if default is _MISSING:
            raise KeyError(key)
        return default

    def lower_items(self):
        return [(lowerkey, keyval[1]) for (lowerkey, keyval) in self._store.items()]

    def __eq__(self, other):
        if isinstance(other, (dict, CaseInsensitiveDict)):
            other = CaseInsensitiveDict(other)
        else:
            return NotImplemented
        return dict(self.lower_items()) == dict(other.lower_items())

    def copy(self):
        return CaseInsensitiveDict(self._store.values())

    def __repr__(self):
        return str(dict(self.items()))
