"""typing: the names scripts use in annotations.

Annotations are evaluated at definition time, so every name here must be a
real object that supports subscription (List[int], Callable[[int], str]),
`|` and repr; none of them enforces anything at run time.
"""

TYPE_CHECKING = False


class _Special:
    def __init__(self, name, params=None, origin=None):
        self._name = name
        self.__args__ = params if params is not None else ()
        self.__origin__ = origin

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name in ('Union', 'Optional'):
            # As CPython: None means NoneType, nested unions flatten,
            # duplicates go, one member is itself, X | None is Optional.
            flat = []
            for p in params:
                p = type(None) if p is None else p
                if isinstance(p, _Special) and p._name in ('Union', 'Optional') and p.__args__:
                    members = p.__args__
                else:
                    members = (p,)
                for m in members:
                    if m not in flat:
                        flat.append(m)
            if self._name == 'Optional':
                if len(params) != 1:
                    raise TypeError(f"{self._name} requires a single type.")
                if type(None) not in flat:
                    flat.append(type(None))
            if len(flat) == 1:
                return flat[0]
            return _Special('Union', tuple(flat), self)
        return _Special(self._name, params, self)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Type {self._name} cannot be instantiated")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if not self.__args__:
            return f"typing.{self._name}"
        if self._name == 'Union' and len(self.__args__) == 2 and type(None) in self.__args__:
            other = [a for a in self.__args__ if a is not type(None)][0]
            return f"typing.Optional[{_type_repr(other)}]"
        return f"typing.{self._name}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        return isinstance(other, _Special) and (self._name, self.__args__) == (other._name, other.__args__)

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __mro_entries__(self, bases):
        return (Generic,)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)


Any = _Special('Any')
NoReturn = _Special('NoReturn')
Never = _Special('Never')
Callable = _Special('Callable')
Optional = _Special('Optional')
Union = _Special('Union')
Literal = _Special('Literal')
ClassVar = _Special('ClassVar')
Final = _Special('Final')
Annotated = _Special('Annotated')
List = _Special('List')
Dict = _Special('Dict')
Tuple = _Special('Tuple')
Set = _Special('Set')
FrozenSet = _Special('FrozenSet')
Type = _Special('Type')
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
Generator = _Special('Generator')
Sequence = _Special('Sequence')
MutableSequence = _Special('MutableSequence')
Mapping = _Special('Mapping')
MutableMapping = _Special('MutableMapping')
Awaitable = _Special('Awaitable')
Coroutine = _Special('Coroutine')
AsyncIterator = _Special('AsyncIterator')
AsyncIterable = _Special('AsyncIterable')
AsyncGenerator = _Special('AsyncGenerator')
Hashable = _Special('Hashable')
Sized = _Special('Sized')
Deque = _Special('Deque')
DefaultDict = _Special('DefaultDict')
Counter = _Special('Counter')
OrderedDict = _Special('OrderedDict')
ChainMap = _Special('ChainMap')
Self = _Special('Self')
LiteralString = _Special('LiteralString')
TypeAlias = _Special('TypeAlias')
AnyStr = _Special('AnyStr')
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __or__(self, other):
        return Union[self, other]

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


class ParamSpec(TypeVar):
    pass


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def _eval_hint(value, globalns, localns):
    if value is None:
        return type(None)
    if isinstance(value, str):
        return eval(value, globalns, localns)
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Annotations with forward references (strings) evaluated and None
    replaced by NoneType; for a class, those of its MRO, bases first."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            if globalns is None:
                import sys
                mod = sys.modules.get(base.__module__)
                base_globals = getattr(mod, '__dict__', {})
            else:
                base_globals = globalns
            base_locals = dict(vars(base)) if localns is None else localns
            for name, value in ann.items():
                hints[name] = _eval_hint(value, base_globals, base_locals)
        return hints
    if globalns is None:
        globalns = getattr(obj, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = dict(getattr(obj, '__annotations__', None) or {})
    for name, value in hints.items():
        hints[name] = _eval_hint(value, globalns, localns)
    return hints


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


_NT_PROHIBITED = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                            '_fields', '_field_defaults', '_make', '_replace', '_asdict',
                            '_source'})
_NT_SPECIAL = frozenset({'__module__', '__name__', '__annotations__', '__qualname__'})


def _make_nmtuple(name, types, module, defaults=()):
    import collections
    fields = [n for n, t in types]
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = dict(types)
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types.items(),
                               defaults=[ns[n] for n in default_names],
                               module=ns['__module__'])
        for key in ns:
            if key in _NT_PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _NT_SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = kwargs.items()
    return _make_nmtuple(typename, fields, module=_caller_module())


def _caller_module():
    try:
        import sys
        return sys._getframe(2).f_globals.get('__name__', '__main__')
    except Exception:
        return '__main__'


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
        own = ns.get('__annotations__', {})
        annotations.update(own)
        required = set()
        optional = set()
        for base in bases:
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        (required if total else optional).update(own)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required)
        tp_dict.__optional_keys__ = frozenset(optional)
        tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        # Instances are plain dicts.
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields), '__module__': _caller_module()}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


_ORIGINS = {'List': list, 'Dict': dict, 'Tuple': tuple, 'Set': set, 'FrozenSet': frozenset,
            'Type': type}


def get_origin(tp):
    """The unsubscripted form of tp: list for list[int], Union for Optional[X]."""
    if isinstance(tp, _Special):
        if not tp.__args__:
            return None
        if tp._name in ('Union', 'Optional'):
            return Union
        if tp._name in _ORIGINS:
            return _ORIGINS[tp._name]
        if tp._name == 'Annotated':
            return Annotated
        base = tp.__origin__
        return base if base is not None else None
    if type(tp) is type(list[int]):
        return tp.__origin__
    if type(tp) is type(int | str):
        return type(int | str)
    return None


def get_args(tp):
    """The arguments of a subscripted type, as a tuple."""
    if isinstance(tp, _Special) or type(tp) is type(list[int]) or type(tp) is type(int | str):
        return tuple(getattr(tp, '__args__', ()))
    return ()
