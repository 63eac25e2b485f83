import mod_helper
import mod_helper as mh
from mod_helper import greet, VALUE as V
from mod_helper import *
print(mod_helper.greet("a"), mh.VALUE, greet("b"), V)
print(mod_helper.__name__, mh is mod_helper)
print(public_func(), "_private" in dir())
import sys
print("mod_helper" in sys.modules)
import mod_helper
print(mod_helper.load_count)
import math, os
print(math.sqrt(16), os.path.basename("/a/b/c.txt"))
try:
    import does_not_exist
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from mod_helper import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
