import string, types
print(string.ascii_lowercase, string.hexdigits, string.octdigits, repr(string.whitespace), len(string.printable))
ns = types.SimpleNamespace(a=1); ns.b = 2; print(ns, ns == types.SimpleNamespace(a=1, b=2), repr(types.SimpleNamespace()))
del ns.a; print(ns, hasattr(ns, 'a'))
print(types.SimpleNamespace(x=[1]).__dict__, isinstance(print, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType))
m = types.ModuleType('mymod', 'doc'); m.x = 1; print(m, m.__name__, m.__doc__, m.x)
import posixpath as pp
print(pp.join('/a', 'b/', 'c'), pp.split('/a/b/c'), pp.dirname('/a/b'), pp.normpath('/a/./b/../c//d'), pp.isabs('a'), pp.splitext('.bashrc'))
print(pp.relpath('/a/b/c', '/a'), pp.commonprefix(['/ab/c', '/ab/d']), pp.commonpath(['/a/b/c', '/a/b/d']), pp.basename('/x/'), pp.expanduser('~x'))
print(pp.normpath(''), pp.normpath('//a'), pp.normpath('///a'), pp.join('', 'a'), pp.split('a'), pp.splitext('a/b.c/d'))
