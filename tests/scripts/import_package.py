import pkg_demo
print(pkg_demo.NAME, pkg_demo.helper(1))
import pkg_demo.sub.deep
print(pkg_demo.sub.deep.VALUE)
from pkg_demo.sub import deep as d
print(d.VALUE, d is pkg_demo.sub.deep)
from pkg_demo.util import helper
print(helper(2))
import pkg_demo.util as u
print(u.helper(3), u.__name__)
import sys
print(sorted(k for k in sys.modules if k.startswith("pkg_demo")))
