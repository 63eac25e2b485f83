"""selectors: high-level I/O multiplexing on select.select().

DefaultSelector is SelectSelector (select.select is implemented over
poll(2), so descriptors above FD_SETSIZE work too).
"""

import select
from collections import namedtuple

EVENT_READ = 1
EVENT_WRITE = 2

SelectorKey = namedtuple('SelectorKey', ['fileobj', 'fd', 'events', 'data'])


def _fileobj_to_fd(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError("Invalid file object: {!r}".format(fileobj)) from None
    if fd < 0:
        raise ValueError("Invalid file descriptor: {}".format(fd))
    return fd


class BaseSelector:
    def __init__(self):
        self._fd_to_key = {}

    def _fileobj_lookup(self, fileobj):
        try:
            return _fileobj_to_fd(fileobj)
        except ValueError:
            for key in self._fd_to_key.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def register(self, fileobj, events, data=None):
        if (not events) or (events & ~(EVENT_READ | EVENT_WRITE)):
            raise ValueError("Invalid events: {!r}".format(events))
        key = SelectorKey(fileobj, self._fileobj_lookup(fileobj), events, data)
        if key.fd in self._fd_to_key:
            raise KeyError("{!r} (FD {}) is already registered".format(fileobj, key.fd))
        self._fd_to_key[key.fd] = key
        return key

    def unregister(self, fileobj):
        try:
            return self._fd_to_key.pop(self._fileobj_lookup(fileobj))
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None

    def modify(self, fileobj, events, data=None):
        key = self.get_key(fileobj)
        if events != key.events:
            self.unregister(fileobj)
            return self.register(fileobj, events, data)
        if data != key.data:
            key = key._replace(data=data)
            self._fd_to_key[key.fd] = key
        return key

    def get_key(self, fileobj):
        try:
            return self._fd_to_key[self._fileobj_lookup(fileobj)]
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None

    def get_map(self):
        return dict(self._fd_to_key)

    def select(self, timeout=None):
        r = [k.fd for k in self._fd_to_key.values() if k.events & EVENT_READ]
        w = [k.fd for k in self._fd_to_key.values() if k.events & EVENT_WRITE]
        if timeout is not None and timeout < 0:
            timeout = 0
        if not r and not w:
            if timeout:
                import time
                time.sleep(timeout)
            return []
        rr, ww, _ = select.select(r, w, [], timeout)
        rr = set(rr)
        ww = set(ww)
        ready = []
        for fd in rr | ww:
            key = self._fd_to_key.get(fd)
            if key:
                events = (EVENT_READ if fd in rr else 0) | (EVENT_WRITE if fd in ww else 0)
                ready.append((key, events & key.events))
        return ready

    def close(self):
        self._fd_to_key.clear()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class SelectSelector(BaseSelector):
    pass


PollSelector = SelectSelector
DefaultSelector = SelectSelector
