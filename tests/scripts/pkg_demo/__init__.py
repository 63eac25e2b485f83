# A package used by import_package.py.
from .util import helper
NAME = "pkg_demo"
print("pkg_demo initialised")
