class A:
    def __init__(self): self.value = 1
    def method(self): pass
a = A()
for attr in ['valeu', 'methd', 'Value', 'xyz', 'metho', '__init_']:
    try: getattr(a, attr)
    except AttributeError as e: print(e, e.name)
import traceback
def f():
    lenght = 3
    raise NameError("name 'lenhgt' is not defined", name='lenhgt')
try:
    f()
except NameError as e:
    print(traceback.format_exception_only(type(e), e))
import math
try: math.sine
except AttributeError as e:
    print(traceback.format_exception_only(type(e), e))
try: [].apend(1)
except AttributeError as e:
    print(traceback.format_exception_only(type(e), e))
try: raise AttributeError('plain')
except AttributeError as e:
    print(traceback.format_exception_only(type(e), e))
try: 'abc'.uper()
except AttributeError as e:
    traceback.print_exc()
a.vlaue
