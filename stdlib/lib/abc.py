"""abc: abstract base classes (abstractmethod is recorded and enforced at instantiation)."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {name for name, value in namespace.items()
                     if getattr(value, "__isabstractmethod__", False)}
        for base in bases:
            for name in getattr(base, "__abstractmethods__", set()):
                value = getattr(cls, name, None)
                if getattr(value, "__isabstractmethod__", False):
                    abstracts.add(name)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        cls._abc_cache = set()
        return cls

    def __call__(cls, *args, **kwargs):
        if cls.__abstractmethods__:
            names = sorted(cls.__abstractmethods__)
            s = "s" if len(names) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract method{s} "
                            + ", ".join(names))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Registers a virtual subclass: isinstance/issubclass accept it."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        subtype = type(instance)
        if subtype is subclass:
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        # Registrations only ever add, so positive answers can be cached;
        # negative ones are recomputed (a later register may change them).
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        cache = cls.__dict__.get('_abc_cache')
        if cache is None:
            cache = set()
            type.__setattr__(cls, '_abc_cache', cache)
        if subclass in cache:
            return True
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if ok:
                cache.add(subclass)
            return bool(ok)
        if cls in subclass.__mro__:
            cache.add(subclass)
            return True
        for rcls in cls.__dict__.get('_abc_registry', ()):
            if issubclass(subclass, rcls):
                cache.add(subclass)
                return True
        for scls in type.__subclasses__(cls):
            if issubclass(subclass, scls):
                cache.add(subclass)
                return True
        return False


class ABC(metaclass=ABCMeta):
    __slots__ = ()


def get_cache_token():
    return 0


def update_abstractmethods(cls):
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class abstractproperty(property):
    __isabstractmethod__ = True
