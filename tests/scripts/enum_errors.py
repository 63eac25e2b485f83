# Enum error paths: messages as CPython 3.11's.
from enum import Enum, IntEnum, StrEnum, Flag, auto, unique, verify, UNIQUE, CONTINUOUS, NAMED_FLAGS


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '=', repr(result))


class Color(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1


attempt('value lookup', lambda: Color(5))
attempt('value lookup str', lambda: Color('RED'))
attempt('value lookup unhashable', lambda: Color([1]))
attempt('name lookup', lambda: Color['BLUE'])
attempt('attribute', lambda: Color.BLUE)
attempt('dunder attribute', lambda: Color.__foo__)
attempt('member attribute', lambda: Color.RED.foo)
attempt('lt', lambda: Color.RED < Color.GREEN)
attempt('ge', lambda: Color.RED >= Color.GREEN)
attempt('lt int', lambda: Color.RED < 1)
attempt('add', lambda: Color.RED + 1)
attempt('in non-member', lambda: 1 in Color)
attempt('in other', lambda: 'RED' in Color)
attempt('call no args', lambda: Color())


def reassign():
    Color.RED = 3


def delete():
    del Color.RED


def set_name():
    Color.RED.name = 'x'


def set_value():
    Color.RED.value = 5


def del_name():
    del Color.RED.name


def new_attr():
    Color.other = 1
    return Color.other


def member_attr():
    Color.GREEN.note = 'ok'
    return Color.GREEN.note


attempt('reassign', reassign)
attempt('delete', delete)
attempt('set name', set_name)
attempt('set value', set_value)
attempt('del name', del_name)
attempt('new attr', new_attr)
attempt('member attr', member_attr)
attempt('unique', lambda: unique(Color))
attempt('verify UNIQUE', lambda: verify(UNIQUE)(Color))


def duplicate_name():
    class Dup(Enum):
        A = 1
        A = 2


def member_then_method():
    class Dup(Enum):
        A = 1

        def A(self):
            pass


def method_then_member():
    class Dup(Enum):
        def A(self):
            pass
        A = 1


def extend():
    class More(Color):
        BLUE = 3


def bad_sunder():
    class Bad(Enum):
        _foo_ = 1


def bad_mixin_order():
    class Bad(Enum, int):
        A = 1


def mro_name():
    class Bad(Enum):
        mro = 1


def int_enum_bad_value():
    class Bad(IntEnum):
        A = 'x'


def str_enum_bad_value():
    class Bad(StrEnum):
        A = 1


def order_mismatch():
    class Bad(Enum):
        _order_ = 'B A'
        A = 1
        B = 2


def gnv_after_auto():
    class Bad(Enum):
        A = auto()

        def _generate_next_value_(name, start, count, last_values):
            return name


def two_data_types():
    class Bad(int, str, Enum):
        A = 1


attempt('duplicate name', duplicate_name)
attempt('member then method', member_then_method)
attempt('method then member', method_then_member)
attempt('extend', extend)
attempt('bad sunder', bad_sunder)
attempt('mixin order', bad_mixin_order)
attempt('mro name', mro_name)
attempt('IntEnum bad value', int_enum_bad_value)
attempt('StrEnum bad value', str_enum_bad_value)
attempt('order mismatch', order_mismatch)
attempt('gnv after auto', gnv_after_auto)
try:
    two_data_types()
except TypeError as e:
    print('two data types ->', str(e).split(':')[0])  # the set's order varies


@unique
class Fine(Enum):
    A = 1
    B = 2


print('unique ok', list(Fine))


class Gappy(Enum):
    A = 1
    C = 3
    F = 6


attempt('verify CONTINUOUS', lambda: verify(CONTINUOUS)(Gappy))


class Bits(Flag):
    A = 1
    B = 2
    ABC = 7


attempt('verify NAMED_FLAGS', lambda: verify(NAMED_FLAGS)(Bits))
attempt('verify not enum', lambda: verify(UNIQUE)(int))


class Missing(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        if value == 'bad':
            return 'not a member'
        if value == 'raise':
            raise KeyError('custom')
        if isinstance(value, str):
            return cls.A
        return None


attempt('missing found', lambda: Missing('anything'))
attempt('missing none', lambda: Missing(3))
attempt('missing wrong type', lambda: Missing('bad'))
attempt('missing raises', lambda: Missing('raise'))
try:
    Missing('raise')
except KeyError as e:
    print('context', type(e.__context__).__name__, e.__context__)
try:
    Color(7)
except ValueError as e:
    print('no context', e.__context__, e.__cause__)
