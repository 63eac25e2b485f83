# warnings: the default filters, actions, catch_warnings, showwarning hooks.
import sys
import warnings

print(warnings.__all__)
print(warnings.filters[:5] == [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0)])
sys.stderr = sys.stdout  # warnings go to stderr: show them in order with prints


def f(n):
    warnings.warn(f"call {n}")  # the same location each time: shown once


for n in range(3):
    f(n)
warnings.warn("shown", UserWarning)
warnings.warn("deprecated in __main__", DeprecationWarning)
warnings.warn(RuntimeWarning("an instance"))


def library_call():
    warnings.warn("blame the caller", stacklevel=2)


library_call()

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    f(10)
    f(11)
    warnings.warn("bytes!", BytesWarning)
    print(len(log), [str(w.message) for w in log], [w.category.__name__ for w in log])
    w = log[0]
    print(w.filename == __file__, w.lineno, w.line, w.source, type(w.message).__name__)
    print(str(w).replace(__file__, 'FILE'))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("raised", type(e).__name__, e)
    try:
        f(12)
    except UserWarning as e:
        print("raised", e)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    f(13)
    warnings.warn("ignored too")
print("nothing shown above")

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only")
        warnings.warn("once only")
    warnings.simplefilter("module")
    for i in range(2):
        warnings.warn("per module")
    print([str(w.message) for w in log])

with warnings.catch_warnings(record=True) as log:
    warnings.filterwarnings("ignore", category=UserWarning)
    warnings.filterwarnings("always", category=FutureWarning)
    warnings.warn("user")
    warnings.warn("future", FutureWarning)
    warnings.warn("future", FutureWarning)
    print([(w.category.__name__, str(w.message)) for w in log])

shown = []


def my_showwarning(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__, lineno))


warnings.showwarning = my_showwarning
warnings.warn("to the hook")
warnings.showwarning = warnings._showwarning_orig
print(shown)

print(warnings.formatwarning("msg", UserWarning, "file.py", 7, "  some line  "), end='')
print(warnings.formatwarning("msg", UserWarning, "file.py", 7), end='')
registry = {}
warnings.warn_explicit("explicit", UserWarning, "mod.py", 3, registry=registry)
warnings.warn_explicit("explicit", UserWarning, "mod.py", 3, registry=registry)
print(sorted(k for k in registry if k != 'version'))

for bad in (int, "UserWarning"):
    try:
        warnings.warn("x", bad)
    except TypeError as e:
        print("TypeError:", e)

cw = warnings.catch_warnings(record=True)
print(repr(cw), repr(warnings.catch_warnings()))
try:
    cw.__exit__(None, None, None)
except RuntimeError as e:
    print(e)
with cw:
    try:
        cw.__enter__()
    except RuntimeError as e:
        print(e)
try:
    warnings.simplefilter("loud")
except AssertionError as e:
    print("AssertionError:", e)

with warnings.catch_warnings(action="ignore"):
    warnings.warn("catch_warnings(action=...) is 3.11")
warnings.warn("back to default")
