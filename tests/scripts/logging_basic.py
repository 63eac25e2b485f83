import logging, sys
log = logging.getLogger("a.b")
log.warning("unconfigured %s", 1)
log.info("hidden")
print(log, logging.getLogger(), logging.getLogger("a"), log.parent)
logging.basicConfig(format="%(levelname)s|%(name)s|%(funcName)s|%(lineno)d|%(module)s|%(filename)s|%(threadName)s|%(processName)s|%(message)s", level=logging.DEBUG, stream=sys.stdout)
def f():
    log.debug("dbg %d %s", 5, "x")
    logging.info("root info")
    logging.getLogger("a").error("err")
f()
try:
    1/0
except ZeroDivisionError:
    log.exception("boom")
print(logging.getLevelName(10), logging.getLevelName("INFO"), logging.getLevelName(5))
log.setLevel("ERROR")
log.warning("no"); log.error("yes")
print(log.isEnabledFor(logging.WARNING), log.getEffectiveLevel())
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("{levelname}:{message}", style="{"))
log.addHandler(h)
log.propagate = False
log.critical("brace")
print(repr(h))
try: logging.Formatter("abc")
except ValueError as e: print(e)
try: log.setLevel("FOO")
except ValueError as e: print(e)
fm = logging.Formatter("%(asctime)s %(message)s", datefmt="%H:%M")
r = logging.makeLogRecord({"msg": "hi", "created": 0.25, "msecs": 250.0})
print(logging.Formatter().formatTime(r)[-4:])
la = logging.LoggerAdapter(log, {"k": 1}); la.error("adapted")
log.log(50, "lvl %(x)s", {"x": 3})
import os
fn = "_gilpy_logging_test.log"
fh = logging.FileHandler(fn, mode="w")
fh.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
fl = logging.getLogger("file")
fl.addHandler(fh)
fl.propagate = False
fl.warning("to file %d", 1)
fl.error("to file %d", 2)
fh.close()
with open(fn) as f:
    print(repr(f.read()))
os.remove(fn)
print(logging.getLogger("x.y.z").parent.name)
logging.getLogger("x.y")
print(logging.getLogger("x.y.z").parent.name, logging.getLogger("x").getChild("q").name)
