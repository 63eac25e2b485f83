import json
from json import JSONDecodeError
import json.decoder
print(json.decoder.JSONDecodeError is JSONDecodeError, issubclass(JSONDecodeError, ValueError))
for s in ["", "1 2", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "[1 2]", "\"abc", "{", "[", "\"a\x01b\"", "\"a\\qb\"", "\"\\u12\"", "{1:2}", "nul", "-", "01", "1.", "1e", "[1,\n2,\n x]", "\"ab\\", "  ", "{\"a\":}", "[\"a\" , ]", "\ufeff1", "-Infinity", "1.5e3", "-0", "tru",
          '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\n\\u00e9\\ud83d\\ude00"}, "": []}', ' [ ] ', '{ }', 'NaN', '12345678901234567890123', '"\\/\\b\\f\\r\\t\\"\\\\"']:
    try: print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e: print(repr(s), e, e.pos, e.lineno, e.colno, e.msg)
print(json.loads(b'{"x": 1}'), json.loads(bytearray(b'[1]')))
try: json.loads(5)
except TypeError as e: print(e)
d = {"b": [1, 2, {"x": None}], "a": "é\n\"", "c": {}, "d": [], 1: 2.0, 2.5: True, None: False, False: 1e100}
print(json.dumps(d))
print(json.dumps(d, ensure_ascii=False))
print(json.dumps({"b": 1, "a": [1, 2, {"z": []}]}, indent=2, sort_keys=True))
print(json.dumps([1, [2, 3]], indent=0))
print(json.dumps([1, {"a": 2}], indent="\t"))
print(json.dumps([1, {"a": 2}], separators=(",", ":")))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")), json.dumps(1.1), json.dumps(10**20), json.dumps("😀"))
print(json.dumps((1, 2)), json.dumps("x"), json.dumps(None), json.dumps(True))
try: json.dumps(float("nan"), allow_nan=False)
except ValueError as e: print(e)
try: json.dumps({"a": {1, 2}})
except TypeError as e: print(e)
try: json.dumps({(1,): 2})
except TypeError as e: print(e)
print(json.dumps({(1,): 2, "k": 1}, skipkeys=True))
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
print(json.dumps({"s": {1, 2}}, default=sorted))
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex): return [o.real, o.imag]
        return super().default(o)
print(json.dumps(1+2j, cls=E), E().encode({"z": 3j}))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))
print(json.loads('{"a": 1.5}', parse_float=str), json.loads('{"a": 1}', object_hook=lambda d: sorted(d)))
print(json.loads(json.dumps(d)) == {"b": [1, 2, {"x": None}], "a": "é\n\"", "c": {}, "d": [], "1": 2.0, "2.5": True, "null": False, "false": 1e100})
import io
f = io.StringIO(); json.dump({"q": [1, 2]}, f, indent=1); print(f.getvalue()); f.seek(0); print(json.load(f))
print(json.JSONDecoder().raw_decode('[1] extra'))
