# __main__'s namespace: __builtins__ is the builtins module there (a dict
# in every other module), and __annotations__ starts empty.
import json
import builtins

print(sorted(k for k in globals() if k not in ('json', 'builtins')))
print(type(__builtins__), __builtins__ is builtins, __annotations__)
print(type(json.__dict__['__builtins__']), json.__dict__['__builtins__'] is builtins.__dict__)
x: int = 3
print(__annotations__)
print(eval('len([1, 2])'), exec('y = abs(-2)') or y)
