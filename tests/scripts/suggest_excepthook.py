import sys
class C:
    alpha = 1; beta = 2; gamma = 3; delta_value = 4; Epsilon = 5; zeta_long_attribute_name = 6
    ab = 1; abcdefgh = 2
for name in ['alpah', 'bta', 'gama', 'delta_valeu', 'epsilon', 'zeta_long_atribute_name', 'xy', 'a', 'abc', 'abcdefg', 'abcdefghijk', 'ALPHA', 'Gamma', 'b']:
    try:
        getattr(C(), name)
    except AttributeError:
        sys.excepthook(*sys.exc_info())
sys.stderr.flush()
def g():
    counter = 0
    raise NameError("x", name='countr')
try:
    g()
except NameError:
    sys.excepthook(*sys.exc_info())
UnboundLocalError
try:
    raise NameError("x", name='UnboundLocalErorr')
except NameError:
    sys.excepthook(*sys.exc_info())
