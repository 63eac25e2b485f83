"""dataclasses: special methods generated from a class's annotated fields.

The generated methods (__init__, __repr__, __eq__, the orderings, frozen
__setattr__/__delattr__, __hash__) are written as Python source and compiled
with exec(), each as its own "<string>" so that tracebacks through them show
CPython's line numbers.  They are then ordinary functions: calling them
wrongly is reported in the interpreter's own words ("Point.__init__() missing
1 required positional argument: 'y'"), and they run at the speed of
hand-written methods.

Default values and types reach the generated code as closure variables
(_dflt_x, _type_x), never as text, so any object can be a default.
"""

import sys
import copy
import types
import functools
import itertools
import abc
import _thread
from types import FunctionType, MethodType, GenericAlias


__all__ = ['dataclass',
           'field',
           'Field',
           'FrozenInstanceError',
           'InitVar',
           'KW_ONLY',
           'MISSING',
           'fields',
           'asdict',
           'astuple',
           'make_dataclass',
           'replace',
           'is_dataclass',
           ]


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    # The default of a parameter whose field has a default_factory: __init__
    # calls the factory when it still sees this marker.
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = types.MappingProxyType({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


# What an annotated name of a dataclass is: a real field, a ClassVar (not a
# field at all) or an InitVar (an __init__ parameter passed to __post_init__).
_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class _SlotProbe:
    __slots__ = ('probe',)


# What a name listed in __slots__ leaves in the class: such a class attribute
# is not a field's default.
_MemberDescriptorType = type(_SlotProbe.__dict__['probe'])

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield'])


def _recursive_repr(method):
    """Wrap a __repr__ so that an object met again while its own repr is being
    built on the same thread shows as '...' instead of recursing forever."""
    active = set()

    @functools.wraps(method)
    def wrapper(self):
        key = (id(self), _thread.get_ident())
        if key in active:
            return '...'
        active.add(key)
        try:
            return method(self)
        finally:
            active.discard(key)
    return wrapper


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """One field of a dataclass; made by field(), completed (name, type,
    kind) when the class is processed."""

    __slots__ = ('name',
                 'type',
                 'default',
                 'default_factory',
                 'repr',
                 'hash',
                 'init',
                 'compare',
                 'metadata',
                 'kw_only',
                 '_field_type',
                 )

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        if metadata is None:
            self.metadata = _EMPTY_METADATA
        else:
            self.metadata = types.MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    @_recursive_repr
    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        # A descriptor given as a field's default learns its name now, while
        # the class is created, as it would if it were the class attribute
        # itself (the Field is replaced by the default afterwards).
        set_name = getattr(type(self.default), '__set_name__', None)
        if set_name:
            set_name(self.default, owner, name)

    __class_getitem__ = classmethod(GenericAlias)


class _DataclassParams:
    __slots__ = ('init',
                 'repr',
                 'eq',
                 'order',
                 'unsafe_hash',
                 'frozen',
                 )

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields.

    default is the default value of the field.  default_factory is a
    0-argument function called to initialize a field's value.  If init
    is true, the field will be a parameter to the class's __init__()
    function.  If repr is true, the field will be included in the
    object's repr().  If hash is true, the field will be included in the
    object's hash().  If compare is true, the field will be used in
    comparison functions.  metadata, if specified, must be a mapping
    which is stored but not otherwise examined by dataclass.  If kw_only
    is true, the field will become a keyword-only parameter to
    __init__().

    It is an error to specify both default and default_factory.
    """
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


# ---------------------------------------------------------------------------
# Source of the generated methods

def _create_fn(name, params, body, module_globals, closure=None,
               return_type=MISSING):
    """Compile one generated method.  closure holds the values its code
    names (defaults, types, sentinels); they become free variables."""
    if closure is None:
        closure = {}
    annotation = ''
    if return_type is not MISSING:
        closure['_return_type'] = return_type
        annotation = '->_return_type'
    body_text = '\n'.join(f'  {line}' for line in body)
    text = (f'def __create_fn__({", ".join(closure)}):\n'
            f' def {name}({",".join(params)}){annotation}:\n{body_text}\n'
            f' return {name}')
    namespace = {}
    exec(text, module_globals, namespace)
    return namespace['__create_fn__'](**closure)


def _tuple_str(obj_name, flds):
    """'(self.x,self.y,)': the compared or hashed fields of obj_name."""
    if not flds:
        return '()'
    return '(' + ','.join(f'{obj_name}.{f.name}' for f in flds) + ',)'


def _field_assign(frozen, name, value, self_name):
    if frozen:
        # A frozen class's own __setattr__ refuses, so go around it.
        return f'__dataclass_builtins_object__.__setattr__({self_name},{name!r},{value})'
    return f'{self_name}.{name}={value}'


def _field_init(f, frozen, closure, self_name, slots):
    """The __init__ line that sets field f, or None when it sets nothing."""
    default_name = f'_dflt_{f.name}'
    if f.default_factory is not MISSING:
        closure[default_name] = f.default_factory
        if f.init:
            value = (f'{default_name}() '
                     f'if {f.name} is _HAS_DEFAULT_FACTORY '
                     f'else {f.name}')
        else:
            value = f'{default_name}()'
    elif f.init:
        if f.default is not MISSING:
            closure[default_name] = f.default
        value = f.name
    elif slots and f.default is not MISSING:
        # With __slots__ there is no class attribute left to fall back on.
        closure[default_name] = f.default
        value = default_name
    else:
        # Reading the attribute finds the class attribute holding the default.
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _field_assign(frozen, f.name, value, self_name)


def _init_param(f):
    """'x:_type_x=_dflt_x': the __init__ parameter of field f."""
    if f.default is not MISSING:
        default = f'=_dflt_{f.name}'
    elif f.default_factory is not MISSING:
        default = '=_HAS_DEFAULT_FACTORY'
    else:
        default = ''
    return f'{f.name}:_type_{f.name}{default}'


def _init_fn(all_fields, std_fields, kw_only_fields, frozen, has_post_init,
             self_name, module_globals, slots):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} '
                                'follows default argument')

    closure = {f'_type_{f.name}': f.type for f in all_fields}
    closure['MISSING'] = MISSING
    closure['_HAS_DEFAULT_FACTORY'] = _HAS_DEFAULT_FACTORY
    closure['__dataclass_builtins_object__'] = object

    body = []
    for f in all_fields:
        line = _field_init(f, frozen, closure, self_name, slots)
        if line:
            body.append(line)
    if has_post_init:
        initvars = ','.join(f.name for f in all_fields
                            if f._field_type is _FIELD_INITVAR)
        body.append(f'{self_name}.{_POST_INIT_NAME}({initvars})')
    if not body:
        body = ['pass']

    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params.append('*')
        params.extend(_init_param(f) for f in kw_only_fields)
    return _create_fn('__init__', params, body, module_globals, closure,
                      return_type=None)


def _repr_fn(flds, module_globals):
    shown = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in flds)
    fn = _create_fn('__repr__', ('self',),
                    ['return self.__class__.__qualname__ + f"(' + shown + ')"'],
                    module_globals)
    return _recursive_repr(fn)


def _cmp_fn(name, op, flds, module_globals):
    # Only instances of exactly the same class compare; anything else is
    # left to the other operand.
    return _create_fn(name, ('self', 'other'),
                      ['if other.__class__ is self.__class__:',
                       f' return {_tuple_str("self", flds)}{op}{_tuple_str("other", flds)}',
                       'return NotImplemented'],
                      module_globals)


def _frozen_get_del_attr(cls, flds, module_globals):
    closure = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError}
    if flds:
        names = '(' + ','.join(repr(f.name) for f in flds) + ',)'
    else:
        names = '()'
    # A subclass that is not a dataclass may set attributes that are not
    # fields; the fields themselves stay frozen everywhere.
    return (_create_fn('__setattr__', ('self', 'name', 'value'),
                       [f'if type(self) is cls or name in {names}:',
                        ' raise FrozenInstanceError(f"cannot assign to field {name!r}")',
                        'super(cls, self).__setattr__(name, value)'],
                       module_globals, closure),
            _create_fn('__delattr__', ('self', 'name'),
                       [f'if type(self) is cls or name in {names}:',
                        ' raise FrozenInstanceError(f"cannot delete field {name!r}")',
                        'super(cls, self).__delattr__(name)'],
                       module_globals, closure))


def _hash_fn(flds, module_globals):
    hashed = [f for f in flds if (f.compare if f.hash is None else f.hash)]
    return _create_fn('__hash__', ('self',),
                      [f'return hash({_tuple_str("self", hashed)})'],
                      module_globals)


def _hash_action(unsafe_hash, eq, frozen, has_explicit_hash):
    """What to do with __hash__: 'add' one over the fields, set it to 'none',
    'raise' because the class defines its own, or '' to leave it alone."""
    if unsafe_hash:
        return 'raise' if has_explicit_hash else 'add'
    if not eq or has_explicit_hash:
        return ''
    return 'add' if frozen else 'none'


# ---------------------------------------------------------------------------
# Recognising ClassVar, InitVar and KW_ONLY, also in string annotations

def _is_classvar(a_type, typing):
    return (a_type is typing.ClassVar
            or (type(a_type) is type(typing.ClassVar)
                and getattr(a_type, '__origin__', None) is typing.ClassVar))


def _is_initvar(a_type, dataclasses):
    return a_type is dataclasses.InitVar or type(a_type) is dataclasses.InitVar


def _is_kw_only(a_type, dataclasses):
    return a_type is dataclasses.KW_ONLY


def _scan_word(text, i):
    """The end of the run of identifier characters starting at text[i]."""
    n = len(text)
    while i < n and (text[i].isalnum() or text[i] == '_'):
        i += 1
    return i


def _skip_spaces(text, i):
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i


def _leading_name(annotation):
    """(module, name) of a string annotation that starts with 'name' or
    'module.name' (as 'ClassVar[int]' or 'typing.ClassVar'), else None;
    module is None when absent."""
    start = _skip_spaces(annotation, 0)
    end = _scan_word(annotation, start)
    if end == start:
        return None
    first = annotation[start:end]
    dot = _skip_spaces(annotation, end)
    if dot < len(annotation) and annotation[dot] == '.':
        second_start = _skip_spaces(annotation, dot + 1)
        second_end = _scan_word(annotation, second_start)
        if second_end > second_start:
            return first, annotation[second_start:second_end]
    return None, first


def _is_type(annotation, cls, a_module, a_type, is_type_predicate):
    """Whether a string annotation names a_type of a_module, looked up in
    the globals of cls's module only (no evaluation of the string)."""
    found = _leading_name(annotation)
    if found is None:
        return False
    module_name, name = found
    ns = None
    if not module_name:
        # 'ClassVar[int]' after 'from typing import ClassVar'.
        ns = sys.modules.get(cls.__module__).__dict__
    else:
        module = sys.modules.get(cls.__module__)
        if module and module.__dict__.get(module_name) is a_module:
            ns = sys.modules.get(a_type.__module__).__dict__
    return bool(ns) and is_type_predicate(ns.get(name), a_module)


def _get_field(cls, a_name, a_type, default_kw_only):
    """The Field for annotation a_name: a_type of cls, with its kind set."""
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, _MemberDescriptorType):
            default = MISSING
        f = field(default=default)

    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD

    # ClassVar can only be meant if some module imported typing.
    typing = sys.modules.get('typing')
    if typing:
        if (_is_classvar(a_type, typing)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, typing, typing.ClassVar,
                                 _is_classvar))):
            f._field_type = _FIELD_CLASSVAR

    if f._field_type is _FIELD:
        dataclasses = sys.modules[__name__]
        if (_is_initvar(a_type, dataclasses)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, dataclasses, dataclasses.InitVar,
                                 _is_initvar))):
            f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a '
                            'default factory')

    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    elif f.kw_only is not MISSING:
        raise TypeError(f'field {f.name} is a ClassVar but specifies '
                        'kw_only')

    # An unhashable default is taken as a mutable one, which every instance
    # would share.
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _set_qualname(cls, value):
    if isinstance(value, FunctionType):
        value.__qualname__ = f'{cls.__qualname__}.{value.__name__}'
    return value


def _set_new_attribute(cls, name, value):
    """Set cls.name unless the class itself defines it; True if it does."""
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


# ---------------------------------------------------------------------------
# The class's text signature, for a generated __doc__ ("Point(x: int, y: int)")

def _format_annotation(annotation):
    if getattr(annotation, '__module__', None) == 'typing':
        return _strip_typing_prefixes(repr(annotation))
    if isinstance(annotation, GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


def _strip_typing_prefixes(text):
    """text with 'typing.' removed from the start of every dotted name."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        j = i
        while j < n and (text[j].isalnum() or text[j] in '_.'):
            j += 1
        if j > i:
            out.append(text[i:j].removeprefix('typing.'))
            i = j
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


_POSITIONAL_ONLY, _POSITIONAL, _VAR_POSITIONAL, _KEYWORD_ONLY, _VAR_KEYWORD = range(5)
_EMPTY = object()


def _function_params(func):
    """([(kind, name, default or _EMPTY, annotation or _EMPTY)], return
    annotation or _EMPTY) of a Python function or method, following
    functools.wraps's __wrapped__."""
    while hasattr(func, '__wrapped__'):
        func = func.__wrapped__
    if isinstance(func, MethodType):
        params, returns = _function_params(func.__func__)
        return params[1:], returns
    code = func.__code__
    names = code.co_varnames
    positional = code.co_argcount
    keyword_only = code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    annotations = func.__annotations__ or {}
    first_default = positional - len(defaults)
    params = []
    for i in range(positional):
        kind = _POSITIONAL_ONLY if i < code.co_posonlyargcount else _POSITIONAL
        default = defaults[i - first_default] if i >= first_default else _EMPTY
        params.append((kind, names[i], default, annotations.get(names[i], _EMPTY)))
    next_name = positional + keyword_only
    if code.co_flags & 0x04:
        name = names[next_name]
        params.append((_VAR_POSITIONAL, name, _EMPTY, annotations.get(name, _EMPTY)))
        next_name += 1
    for name in names[positional:positional + keyword_only]:
        params.append((_KEYWORD_ONLY, name, kwdefaults.get(name, _EMPTY),
                       annotations.get(name, _EMPTY)))
    if code.co_flags & 0x08:
        name = names[next_name]
        params.append((_VAR_KEYWORD, name, _EMPTY, annotations.get(name, _EMPTY)))
    return params, annotations.get('return', _EMPTY)


def _format_params(params, return_annotation):
    out = []
    slash_pending = False
    star_needed = True
    for kind, name, default, annotation in params:
        text = name
        if annotation is not _EMPTY:
            text = f'{text}: {_format_annotation(annotation)}'
        if default is not _EMPTY:
            if annotation is not _EMPTY:
                text = f'{text} = {default!r}'
            else:
                text = f'{text}={default!r}'
        if kind == _VAR_POSITIONAL:
            text = '*' + text
        elif kind == _VAR_KEYWORD:
            text = '**' + text
        if kind == _POSITIONAL_ONLY:
            slash_pending = True
        elif slash_pending:
            out.append('/')
            slash_pending = False
        if kind == _VAR_POSITIONAL:
            star_needed = False
        elif kind == _KEYWORD_ONLY and star_needed:
            out.append('*')
            star_needed = False
        out.append(text)
    if slash_pending:
        out.append('/')
    rendered = '(' + ', '.join(out) + ')'
    if return_annotation is not _EMPTY:
        rendered += ' -> ' + _format_annotation(return_annotation)
    return rendered


def _user_method(obj, name):
    method = getattr(obj, name, None)
    return method if isinstance(method, (FunctionType, MethodType)) else None


def _class_signature_text(cls):
    """How calling cls is spelled, as inspect.signature(cls) shows it, or ''
    when only native code defines it."""
    call = _user_method(type(cls), '__call__')
    if call is getattr(abc.ABCMeta, '__call__', None):
        # abc checks abstract methods in Python here; CPython's is native.
        call = None
    factory = call
    if factory is None:
        new = _user_method(cls, '__new__')
        init = _user_method(cls, '__init__')
        for base in cls.__mro__:
            if new is not None and '__new__' in base.__dict__:
                factory = new
                break
            if init is not None and '__init__' in base.__dict__:
                factory = init
                break
    if factory is None:
        if cls.__init__ is object.__init__ and cls.__new__ is object.__new__:
            return '()'
        return ''
    params, returns = _function_params(factory)
    # The first parameter (self or cls) is bound by the call; a leading
    # *args absorbs it instead.
    if not params or params[0][0] in (_VAR_KEYWORD, _KEYWORD_ONLY):
        return ''
    if params[0][0] != _VAR_POSITIONAL:
        params = params[1:]
    return _format_params(params, returns)


# ---------------------------------------------------------------------------
# The decorator

def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    # Base fields first (in reverse MRO order, so a subclass's redefinition
    # replaces the field but keeps its place), then this class's own.
    fields = {}

    if cls.__module__ in sys.modules:
        module_globals = sys.modules[cls.__module__].__dict__
    else:
        module_globals = {}

    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order,
                                           unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(base, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})

    cls_fields = []
    kw_only_seen = False
    dataclasses = sys.modules[__name__]
    for name, a_type in cls_annotations.items():
        if (_is_kw_only(a_type, dataclasses)
                or (isinstance(a_type, str)
                    and _is_type(a_type, cls, dataclasses, dataclasses.KW_ONLY,
                                 _is_kw_only))):
            # Not a field: the fields after it are keyword-only.
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY '
                                'has already been specified')
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        # The class attribute becomes the plain default (or goes), so that
        # the class shows no Field objects.
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a '
                            'frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a '
                            'non-frozen one')

    setattr(cls, _FIELDS, fields)

    # A __hash__ of None next to an __eq__ in the class body was put there by
    # type creation, not by the author.
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = tuple(f for f in all_init_fields if f.init and not f.kw_only)
    kw_only_init_fields = tuple(f for f in all_init_fields if f.init and f.kw_only)
    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if init:
        _set_new_attribute(cls, '__init__',
                           _init_fn(all_init_fields, std_init_fields,
                                    kw_only_init_fields, frozen,
                                    hasattr(cls, _POST_INIT_NAME),
                                    # 'self' may be a field's name.
                                    '__dataclass_self__' if 'self' in fields else 'self',
                                    module_globals, slots))
    if repr:
        _set_new_attribute(cls, '__repr__',
                           _repr_fn([f for f in field_list if f.repr], module_globals))
    compared = [f for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__', _cmp_fn('__eq__', '==', compared, module_globals))
    if order:
        for name, op in [('__lt__', '<'), ('__le__', '<='),
                         ('__gt__', '>'), ('__ge__', '>=')]:
            if _set_new_attribute(cls, name, _cmp_fn(name, op, compared, module_globals)):
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using '
                                'functools.total_ordering')
    if frozen:
        for fn in _frozen_get_del_attr(cls, field_list, module_globals):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError(f'Cannot overwrite attribute {fn.__name__} '
                                f'in class {cls.__name__}')

    hash_action = _hash_action(bool(unsafe_hash), bool(eq), bool(frozen),
                               has_explicit_hash)
    if hash_action == 'add':
        cls.__hash__ = _set_qualname(cls, _hash_fn(field_list, module_globals))
    elif hash_action == 'none':
        cls.__hash__ = None
    elif hash_action == 'raise':
        raise TypeError(f'Cannot overwrite attribute __hash__ '
                        f'in class {cls.__name__}')

    if not getattr(cls, '__doc__'):
        cls.__doc__ = (cls.__name__ +
                       _class_signature_text(cls).replace(' -> None', ''))

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    abc.update_abstractmethods(cls)
    return cls


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _slots_of(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return ()
    if isinstance(slots, str):
        return (slots,)
    # An iterator would already be (partly) consumed by the class creation.
    if hasattr(slots, '__next__'):
        raise TypeError(f"Slots of '{cls.__name__}' cannot be determined")
    return slots


def _add_slots(cls, is_frozen, weakref_slot):
    # __slots__ only works when given at class creation, so the class is
    # made again from its namespace.
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')

    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited_slots = set(
        itertools.chain.from_iterable(map(_slots_of, cls.__mro__[1:-1])))
    wanted = field_names + (('__weakref__',) if weakref_slot else ())
    cls_dict['__slots__'] = tuple(name for name in wanted
                                  if name not in inherited_slots)
    for name in field_names:
        cls_dict.pop(name, None)
    # The old class's __dict__ and __weakref__ descriptors belong to it.
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)

    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname

    if is_frozen:
        # Pickling a frozen class with slots needs these.
        if '__getstate__' not in cls_dict:
            cls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            cls.__setstate__ = _dataclass_setstate
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class.

    Examines PEP 526 __annotations__ to determine fields.

    If init is true, an __init__() method is added to the class. If repr
    is true, a __repr__() method is added. If order is true, rich
    comparison dunder methods are added. If unsafe_hash is true, a
    __hash__() method is added. If frozen is true, fields may not be
    assigned to after instance creation. If match_args is true, the
    __match_args__ tuple is added. If kw_only is true, then by default
    all fields are keyword-only. If slots is true, a new class with a
    __slots__ attribute is returned.
    """

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots,
                              weakref_slot)

    if cls is None:
        # @dataclass(...)
        return wrap
    # @dataclass
    return wrap(cls)


# ---------------------------------------------------------------------------
# Functions on dataclasses and their instances

def fields(class_or_instance):
    """Return a tuple describing the fields of this dataclass.

    Accepts a dataclass or an instance of one. Tuple elements are of
    type Field.
    """
    try:
        all_fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in all_fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a
    dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary mapping
    field names to field values.

    If given, 'dict_factory' will be used instead of built-in dict.
    The function applies recursively to field values that are
    dataclass instances. This will also look into built-in containers:
    tuples, lists, and dicts.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        # A namedtuple stays one (its constructor takes the fields apart).
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple of field values.

    If given, 'tuple_factory' will be used instead of built-in tuple.
    The function applies recursively to field values that are
    dataclass instances. This will also look into built-in containers:
    tuples, lists, and dicts.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory),
                          _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """Return a new dynamically created dataclass.

    The dataclass name will be 'cls_name'.  'fields' is an iterable
    of either (name), (name, type) or (name, type, Field) objects. If type is
    omitted, use the string 'typing.Any'.  Field objects are created by
    the equivalent of calling 'field(name, type [, Field-info])'.

    For the bases and namespace parameters, see the builtin type() function.

    The parameters init, repr, eq, order, unsafe_hash, and frozen are passed to
    dataclass().
    """
    if namespace is None:
        namespace = {}

    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')

        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if name in _KEYWORDS:
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp

    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations

    # types.new_class, not type(), so that bases may be generic aliases.
    cls = types.new_class(cls_name, bases, {}, exec_body_callback)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values.

    This is especially useful for frozen classes.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")

    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} "
                                 'must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)

    # __init__ (and __post_init__) run as for any new instance; a name that
    # is not a field is refused there.
    return obj.__class__(**changes)
