for a, b in [(7, 0.0), (7.0, 0), (7.5, 2), (7, 2), (-7, 2.0), (True, 2)]:
    try:
        print(divmod(a, b))
    except ZeroDivisionError as e:
        print('ZDE', e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print('ZDE', e)
class I(int):
    def __divmod__(self, o): return 'I.divmod'
    def __rdivmod__(self, o): return 'I.rdivmod'
print(divmod(I(3), 2), divmod(3, I(2)))
class F(float):
    def __rdivmod__(self, o): return 'F.rdivmod'
print(divmod(3.0, F(2)), divmod(3, F(2)))
try: divmod('a', 1)
except TypeError as e: print(e)
try: divmod(1, 'a')
except TypeError as e: print(e)
print(divmod(10**30, 7), divmod(-10**30, 7.5))
import math
print(divmod(math.inf, 3), divmod(5, math.inf), divmod(-5, math.inf))
