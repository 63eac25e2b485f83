import sys
print(sys.argv[0].endswith("module_sys.py"), len(sys.argv))
print(sys.version_info[0], sys.version_info.major, sys.version_info >= (3, 8), sys.version.startswith("3.11"))
print(sys.platform, sys.maxsize == 2 ** 63 - 1, sys.byteorder)
print(type(sys.path).__name__, type(sys.modules).__name__, "sys" in sys.modules)
print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
print(sys.stdout is sys.__stdout__, hasattr(sys.stderr, "write"))
try:
    sys.exit(0)
except SystemExit as e:
    print("SystemExit", e.code)
print("still running")
