import logging, sys
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(name)s:%(levelname)s:%(funcName)s:%(lineno)d:%(user)s:%(message)s", defaults={"user": "-"}))
lg = logging.getLogger("app.sub"); lg.propagate = False; lg.addHandler(h); lg.setLevel(logging.DEBUG)
def helper():
    lg.info("via helper", stacklevel=2)
def caller():
    helper()
caller()
lg.info("extra", extra={"user": "bob"})
try:
    lg.info("bad", extra={"message": 1})
except KeyError as e: print("KeyError", e)
class F(logging.Filter):
    def filter(self, r):
        return "skip" not in r.getMessage()
lg.addFilter(F())
lg.info("skip me"); lg.info("keep me")
h.addFilter(lambda r: r.levelno > logging.INFO)
lg.info("info filtered"); lg.warning("warn passes")
lg.filters.clear(); h.filters.clear()
print(logging.Filter("app").filter(logging.makeLogRecord({"name": "app.sub"})), logging.Filter("app").filter(logging.makeLogRecord({"name": "apple"})))
try:
    raise RuntimeError("x")
except RuntimeError as e:
    lg.error("with exc_info instance", exc_info=e)
lg.debug("args dict %(a)s %(b)s", {"a": 1, "b": 2})
lg.info("pct %d%%", 50)
print(repr(lg), repr(logging.root), repr(h).startswith("<StreamHandler"))
logging.addLevelName(25, "NOTICE"); lg.log(25, "notice level"); print(logging.getLevelName(25), logging.getLevelName("NOTICE"))
print(logging.getLogger("app.sub") is lg, logging.getLogger("app").getChild("sub") is lg, lg.getEffectiveLevel(), logging.getLogger("app").getEffectiveLevel())
logging.disable(logging.INFO); lg.info("disabled"); lg.warning("enabled"); logging.disable(logging.NOTSET)
ad = logging.LoggerAdapter(lg, {"user": "ada"}); ad.info("adapter msg"); print(repr(ad))
f2 = logging.Formatter("{levelname:>8}|{message}", style="{")
r = logging.makeLogRecord({"msg": "hello %s", "args": ("w",), "levelname": "INFO", "levelno": 20})
print(f2.format(r))
print(logging.Formatter("$levelname ${message}", style="$").format(r))
try: logging.Formatter("%(x", style="%")
except ValueError as e: print(e)
try: logging.Formatter("x", style="?")
except ValueError as e: print(e)
try: logging.basicConfig(foo=1)
except ValueError as e: print(e)
try: logging.basicConfig(stream=sys.stdout, filename="x")
except ValueError as e: print(e)
logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s", force=True)
logging.warning("root warning"); logging.info("root info hidden")
print(logging.root.handlers[0].stream is sys.stdout, logging.getLevelNamesMapping()["WARN"])
lg.info("stack", stack_info=True) if False else None
print(logging.makeLogRecord({"msg": "m"}).getMessage(), logging.makeLogRecord({}).levelname)
import logging, sys
logging.basicConfig(stream=sys.stdout, format="%(message)s")
def inner():
    logging.warning("with stack", stack_info=True)
def outer():
    inner()
outer()
