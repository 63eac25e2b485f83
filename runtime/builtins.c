/* builtins.c — the builtins module and interpreter start-up of the
 * namespaces (builtins, sys, sys.modules, the standard streams).
 *
 * builtins_dict holds every builtin function (native functions bound to the
 * builtins module), every builtin type and exception class, and the
 * constants.  Functions whose behaviour belongs to a type family delegate
 * to the semantics layer (ops.h) so that messages are worded in one place;
 * the messages worded here are those CPython words in bltinmodule.c.
 */
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/fileio.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/compile.h"
#include "vm/eval.h"
#include "vm/func.h"

extern TypeObject RangeType;   /* range.c */
extern TypeObject ComplexType; /* complex.c */
/* Not written yet; weak so that this file links meanwhile (a weak
 * reference does not pull an object file out of the static library: the
 * type appears in builtins once something else links it in). */
extern TypeObject MemoryViewType __attribute__((weak));

Value builtins_dict;
static Value builtins_module;

/* ---- small helpers ----------------------------------------------------- */

static Value sys_attr(StrObject *name) {
  if (!sys_module) return VAL_NULL;
  return dict_get_str(module_dict(sys_module), name);
}

/* The value of the keyword argument `name`, or VAL_NULL if not given. */
static Value kwarg(Value *args, size_t nargs, TupleObject *kwnames, const char *name) {
  if (!kwnames) return VAL_NULL;
  for (ssize_t i = 0; i < kwnames->len; i++)
    if (strcmp(str_cstr(kwnames->items[i]), name) == 0) return args[nargs + (size_t)i];
  return VAL_NULL;
}

/* Rejects keyword arguments other than those listed (NULL-terminated),
 * worded as CPython's argument clinic does for builtins. */
static bool check_kwargs(const char *fname, TupleObject *kwnames, const char *const *allowed) {
  if (!kwnames) return true;
  for (ssize_t i = 0; i < kwnames->len; i++) {
    bool ok = false;
    for (int j = 0; allowed && allowed[j]; j++)
      if (strcmp(str_cstr(kwnames->items[i]), allowed[j]) == 0) ok = true;
    if (!ok) {
      err_set(&Exc_TypeError, "'%U' is an invalid keyword argument for %s()", kwnames->items[i], fname);
      return false;
    }
  }
  return true;
}

/* Argument-clinic wording for a missing required argument:
 * "pow() missing required argument 'exp' (pos 2)". */
static bool clinic_required(const char *fname, Value *args, size_t nargs, TupleObject *kwnames,
                            const char *const *names, size_t nreq) {
  for (size_t i = nargs; i < nreq; i++) {
    if (!kwarg(args, nargs, kwnames, names[i])) {
      err_set(&Exc_TypeError, "%s() missing required argument '%s' (pos %zu)", fname, names[i], i + 1);
      return false;
    }
  }
  return true;
}

static bool is_type(Value v) {
  return val_is_obj(v) && (val_type(v) == &TypeType || (val_type(v)->flags & TP_TYPE_SUBCLASS));
}

/* ---- print / input ----------------------------------------------------- */

static int write_to(Value file, Value s) {
  if (val_is_file(file)) return fileio_write(file, str_cstr(s), (size_t)str_len_bytes(s));
  Value r = obj_call_method(file, NAME(write), &s, 1);
  return r ? 0 : -1;
}

static Value bi_print(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static const char *const allowed[] = {"sep", "end", "file", "flush", NULL};
  if (!check_kwargs("print", kwnames, allowed)) return VAL_NULL;
  Value sep = kwarg(args, nargs, kwnames, "sep");
  Value end = kwarg(args, nargs, kwnames, "end");
  Value file = kwarg(args, nargs, kwnames, "file");
  Value flush = kwarg(args, nargs, kwnames, "flush");
  if (sep == VAL_NONE) sep = VAL_NULL;
  if (end == VAL_NONE) end = VAL_NULL;
  if (sep && !val_is_str(sep)) return err_set(&Exc_TypeError, "sep must be None or a string, not %T", sep);
  if (end && !val_is_str(end)) return err_set(&Exc_TypeError, "end must be None or a string, not %T", end);
  if (!file || file == VAL_NONE) {
    file = sys_attr(NAME(stdout));
    if (!file || file == VAL_NONE) return VAL_NONE;
  }
  if (val_is_file(file)) {
    /* One buffer append for the whole line: concurrent prints never tear. */
    StrBuilder sb;
    sb_init(&sb);
    for (size_t i = 0; i < nargs; i++) {
      if (i) {
        if (sep) sb_add_value(&sb, sep);
        else sb_addc(&sb, ' ');
      }
      Value a = args[i];
      if (val_is_str(a) && val_type(a) == &StrType) {
        sb_add_value(&sb, a);
      } else if (sb_add_str(&sb, a) < 0) {
        sb_free(&sb);
        return VAL_NULL;
      }
    }
    if (end) sb_add_value(&sb, end);
    else sb_addc(&sb, '\n');
    int r = fileio_write(file, sb.data, sb.len);
    sb_free(&sb);
    if (r < 0) return VAL_NULL;
  } else {
    for (size_t i = 0; i < nargs; i++) {
      if (i && write_to(file, sep ? sep : str_from_cstr(" ")) < 0) return VAL_NULL;
      Value s = obj_str(args[i]);
      if (!s || write_to(file, s) < 0) return VAL_NULL;
    }
    if (write_to(file, end ? end : str_from_cstr("\n")) < 0) return VAL_NULL;
  }
  if (flush) {
    int t = obj_truthy(flush);
    if (t < 0) return VAL_NULL;
    if (t && !obj_call_method(file, NAME(flush), NULL, 0)) return VAL_NULL;
  }
  return VAL_NONE;
}

static Value bi_input(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("input", kwnames) || !args_count("input", nargs, 0, 1)) return VAL_NULL;
  Value in = sys_attr(NAME(stdin)), out = sys_attr(NAME(stdout)), err = sys_attr(NAME(stderr));
  if (!in || in == VAL_NONE) return err_set(&Exc_RuntimeError, "input(): lost sys.stdin");
  if (!out || out == VAL_NONE) return err_set(&Exc_RuntimeError, "input(): lost sys.stdout");
  if (err && err != VAL_NONE && !obj_call_method(err, NAME(flush), NULL, 0)) err_clear();
  if (nargs && args[0] != VAL_NONE) {
    Value p = obj_str(args[0]);
    if (!p || write_to(out, p) < 0) return VAL_NULL;
  }
  if (!obj_call_method(out, NAME(flush), NULL, 0)) return VAL_NULL;
  Value line = val_is_file(in) ? fileio_readline(in, -1) : obj_call_method(in, NAME(readline), NULL, 0);
  if (!line) return VAL_NULL;
  if (!val_is_str(line)) return err_set(&Exc_TypeError, "object.readline() returned non-string");
  ssize_t n = str_len_bytes(line);
  if (n == 0) return err_set(&Exc_EOFError, "EOF when reading a line");
  if (str_cstr(line)[n - 1] == '\n') return str_new(str_cstr(line), (size_t)n - 1);
  return line;
}

/* ---- simple one-argument builtins -------------------------------------- */

#define ONE_ARG(fname)                                                           \
  if (!args_no_kw(fname, kwnames) || !args_count(fname, nargs, 1, 1)) return VAL_NULL

static Value bi_len(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("len");
  ssize_t n = obj_len(args[0]);
  if (n < 0) return VAL_NULL;
  return int_from_i64(n);
}

static Value bi_repr(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("repr");
  return obj_repr(args[0]);
}

static Value bi_ascii(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("ascii");
  return obj_ascii(args[0]);
}

static Value bi_abs(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("abs");
  return obj_abs(args[0]);
}

static Value bi_callable(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("callable");
  return val_bool(obj_callable(args[0]));
}

static Value bi_hash(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("hash");
  Hash h = obj_hash(args[0]);
  if (h == -1) return VAL_NULL;
  return int_from_i64(h);
}

static Value bi_id(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("id");
  return int_from_u64((uint64_t)(uintptr_t)args[0]);
}

static Value base_convert(Value *args, size_t nargs, TupleObject *kwnames, const char *fname, int base) {
  if (!args_no_kw(fname, kwnames) || !args_count(fname, nargs, 1, 1)) return VAL_NULL;
  Value i = obj_index(args[0]);
  if (!i) return VAL_NULL;
  return int_to_base_str(i, base, true);
}
static Value bi_bin(Value self, Value *args, size_t nargs, TupleObject *kwnames) { return base_convert(args, nargs, kwnames, "bin", 2); }
static Value bi_oct(Value self, Value *args, size_t nargs, TupleObject *kwnames) { return base_convert(args, nargs, kwnames, "oct", 8); }
static Value bi_hex(Value self, Value *args, size_t nargs, TupleObject *kwnames) { return base_convert(args, nargs, kwnames, "hex", 16); }

static Value bi_chr(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("chr");
  Value v = args[0];
  if (val_is_float(v)) return err_set(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
  Value i = obj_index(v);
  if (!i) return VAL_NULL;
  int64_t c;
  if (!int_to_i64(i, &c)) {
    err_clear();
    return err_set(&Exc_OverflowError, "Python int too large to convert to C int");
  }
  if (c < 0 || c > 0x10FFFF) return err_set(&Exc_ValueError, "chr() arg not in range(0x110000)");
  return str_from_codepoint((uint32_t)c);
}

static Value bi_ord(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("ord");
  Value v = args[0];
  if (val_is_str(v)) {
    StrObject *s = AS(StrObject, v);
    if (s->nchars != 1)
      return err_set(&Exc_TypeError, "ord() expected a character, but string of length %zd found", s->nchars);
    size_t adv;
    return val_from_int(utf8_decode(s->data, &adv));
  }
  if (val_is_bytes(v) || (val_is_obj(v) && val_type(v) == &ByteArrayType)) {
    const char *data;
    size_t len;
    if (!bytes_buffer(v, &data, &len)) return VAL_NULL;
    if (len != 1) return err_set(&Exc_TypeError, "ord() expected a character, but string of length %zu found", len);
    return val_from_int((unsigned char)data[0]);
  }
  return err_set(&Exc_TypeError, "ord() expected string of length 1, but %T found", v);
}

static Value bi_format(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("format", kwnames)) return VAL_NULL;
  static ArgSpec spec = ARGSPEC("format(value, format_spec='', /)");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  Value fs = a[1] ? a[1] : str_from_cstr("");
  if (!val_is_str(fs)) return err_set(&Exc_TypeError, "format() argument 2 must be str, not %T", fs);
  return obj_format(a[0], fs);
}

/* ---- attributes -------------------------------------------------------- */

static Value bi_getattr(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("getattr", kwnames)) return VAL_NULL;
  if (nargs < 2) return err_set(&Exc_TypeError, "getattr expected at least 2 arguments, got %zu", nargs);
  if (nargs > 3) return err_set(&Exc_TypeError, "getattr expected at most 3 arguments, got %zu", nargs);
  if (!val_is_str(args[1])) return err_set(&Exc_TypeError, "attribute name must be string, not '%T'", args[1]);
  StrObject *name = str_intern(args[1]);
  if (nargs == 2) return obj_getattr(args[0], name);
  Value v = obj_getattr_opt(args[0], name);
  if (v) return v;
  return err_occurred() ? VAL_NULL : args[2];
}

static Value bi_setattr(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("setattr", kwnames) || !args_count("setattr", nargs, 3, 3)) return VAL_NULL;
  if (!val_is_str(args[1])) return err_set(&Exc_TypeError, "attribute name must be string, not '%T'", args[1]);
  if (obj_setattr(args[0], str_intern(args[1]), args[2]) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value bi_delattr(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("delattr", kwnames) || !args_count("delattr", nargs, 2, 2)) return VAL_NULL;
  if (!val_is_str(args[1])) return err_set(&Exc_TypeError, "attribute name must be string, not '%T'", args[1]);
  if (obj_delattr(args[0], str_intern(args[1])) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value bi_hasattr(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("hasattr", kwnames) || !args_count("hasattr", nargs, 2, 2)) return VAL_NULL;
  if (!val_is_str(args[1])) return err_set(&Exc_TypeError, "attribute name must be string, not '%T'", args[1]);
  int r = obj_hasattr(args[0], str_intern(args[1]));
  if (r < 0) return VAL_NULL;
  return val_bool(r);
}

static void add_keys(Value set, Value dict) {
  if (!dict || !val_is_dict(dict)) return;
  ssize_t pos = 0;
  Value k, v;
  while (dict_next(dict, &pos, &k, &v)) set_add(set, k);
}

static Value bi_dir(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("dir", kwnames) || !args_count("dir", nargs, 0, 1)) return VAL_NULL;
  Value result;
  if (nargs == 0) {
    Value locals = eval_current_locals();
    if (!locals) return VAL_NULL;
    result = list_from_iterable(locals);
  } else {
    Value obj = args[0];
    bool found = false;
    Value r = type_call_special(obj, str_intern_cstr("__dir__"), NULL, 0, NULL, &found);
    if (found) {
      if (!r) return VAL_NULL;
      result = list_from_iterable(r);
    } else {
      if (err_occurred()) return VAL_NULL;
      /* Fallback: instance dict, then the class and its bases. */
      Value s = set_new(VAL_NULL);
      Value *dp = obj_dict_ptr(obj);
      if (dp) add_keys(s, *dp);
      if (val_type(obj) == &ModuleType) add_keys(s, module_dict(obj));
      TypeObject *t = is_type(obj) ? AS(TypeObject, obj) : val_type(obj);
      if (t->mro)
        for (ssize_t i = 0; i < TUPLE_LEN(t->mro); i++) add_keys(s, (Value)AS(TypeObject, TUPLE_ITEMS(t->mro)[i])->dict);
      result = list_from_iterable(s);
    }
  }
  if (!result) return VAL_NULL;
  if (list_sort(result, VAL_NULL, false) < 0) return VAL_NULL;
  return result;
}

static Value bi_vars(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("vars", kwnames) || !args_count("vars", nargs, 0, 1)) return VAL_NULL;
  if (nargs == 0) return eval_current_locals();
  Value d = obj_getattr(args[0], NAME(__dict__));
  if (!d) {
    if (err_matches(&Exc_AttributeError)) {
      err_clear();
      return err_set(&Exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return VAL_NULL;
  }
  return d;
}

static Value bi_globals(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("globals", kwnames) || !args_count("globals", nargs, 0, 0)) return VAL_NULL;
  Value g = eval_current_globals();
  return g ? g : VAL_NONE;
}

static Value bi_locals(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("locals", kwnames) || !args_count("locals", nargs, 0, 0)) return VAL_NULL;
  return eval_current_locals();
}

/* ---- types and instances ----------------------------------------------- */

static Value bi_isinstance(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("isinstance", kwnames) || !args_count("isinstance", nargs, 2, 2)) return VAL_NULL;
  int r = obj_isinstance(args[0], args[1]);
  if (r < 0) return VAL_NULL;
  return val_bool(r);
}

static Value bi_issubclass(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("issubclass", kwnames) || !args_count("issubclass", nargs, 2, 2)) return VAL_NULL;
  int r = obj_issubclass(args[0], args[1]);
  if (r < 0) return VAL_NULL;
  return val_bool(r);
}

/* ---- iteration --------------------------------------------------------- */

static Value bi_iter(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("iter", kwnames) || !args_count("iter", nargs, 1, 2)) return VAL_NULL;
  if (nargs == 1) return obj_iter(args[0]);
  if (!obj_callable(args[0])) return err_set(&Exc_TypeError, "iter(v, w): v must be callable");
  return calliter_new(args[0], args[1]);
}

static Value bi_next(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("next", kwnames) || !args_count("next", nargs, 1, 2)) return VAL_NULL;
  Value it = args[0];
  if (!val_type(it)->iternext) return err_set(&Exc_TypeError, "'%T' object is not an iterator", it);
  if (val_type(it) == &GeneratorType) {
    /* A generator's return value travels in StopIteration.value. */
    Value out = VAL_NULL;
    GenResult r = gen_send(it, VAL_NONE, VAL_NULL, &out);
    if (r == GEN_YIELDED) return out;
    if (r == GEN_RAISED) return VAL_NULL;
    if (nargs == 2) return args[1];
    return err_stop_iteration(out && out != VAL_NONE ? out : VAL_NULL);
  }
  Value v = obj_next(it);
  if (v) return v;
  if (err_occurred()) {
    if (nargs == 2 && err_matches(&Exc_StopIteration)) {
      err_clear();
      return args[1];
    }
    return VAL_NULL;
  }
  if (nargs == 2) return args[1];
  return err_set(&Exc_StopIteration, NULL);
}

static Value bi_all(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("all");
  Value it = obj_iter(args[0]);
  if (!it) return VAL_NULL;
  Value v;
  while ((v = obj_next(it))) {
    int t = obj_truthy(v);
    if (t < 0) return VAL_NULL;
    if (!t) return VAL_FALSE;
  }
  return err_occurred() ? VAL_NULL : VAL_TRUE;
}

static Value bi_any(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("any");
  Value it = obj_iter(args[0]);
  if (!it) return VAL_NULL;
  Value v;
  while ((v = obj_next(it))) {
    int t = obj_truthy(v);
    if (t < 0) return VAL_NULL;
    if (t) return VAL_TRUE;
  }
  return err_occurred() ? VAL_NULL : VAL_FALSE;
}

static Value minmax(Value *args, size_t nargs, TupleObject *kwnames, const char *fname, CmpOp op) {
  static const char *const allowed[] = {"key", "default", NULL};
  if (!check_kwargs(fname, kwnames, allowed)) return VAL_NULL;
  Value key = kwarg(args, nargs, kwnames, "key");
  Value dflt = kwarg(args, nargs, kwnames, "default");
  if (key == VAL_NONE) key = VAL_NULL;
  if (nargs == 0) return err_set(&Exc_TypeError, "%s expected at least 1 argument, got 0", fname);
  Value it;
  if (nargs == 1) {
    it = obj_iter(args[0]);
    if (!it) return VAL_NULL;
  } else {
    if (dflt)
      return err_set(&Exc_TypeError, "Cannot specify a default for %s() with multiple positional arguments", fname);
    it = obj_iter(tuple_from_array(args, (ssize_t)nargs));
    if (!it) return VAL_NULL;
  }
  Value best = VAL_NULL, best_key = VAL_NULL, v;
  while ((v = obj_next(it))) {
    Value k = key ? obj_call1(key, v) : v;
    if (!k) return VAL_NULL;
    if (!best) {
      best = v;
      best_key = k;
      continue;
    }
    int c = obj_cmp_bool(k, best_key, op);
    if (c < 0) return VAL_NULL;
    if (c) {
      best = v;
      best_key = k;
    }
  }
  if (err_occurred()) return VAL_NULL;
  if (!best) {
    if (dflt) return dflt;
    return err_set(&Exc_ValueError, "%s() arg is an empty sequence", fname);
  }
  return best;
}

static Value bi_max(Value self, Value *args, size_t nargs, TupleObject *kwnames) { return minmax(args, nargs, kwnames, "max", CMP_GT); }
static Value bi_min(Value self, Value *args, size_t nargs, TupleObject *kwnames) { return minmax(args, nargs, kwnames, "min", CMP_LT); }

static Value bi_sum(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("sum(iterable, /, start=0)");
  Value a[2];
  static const char *const kw_ok[] = {"start", NULL};
  if (!check_kwargs("sum", kwnames, kw_ok)) return VAL_NULL;
  if (nargs == 0) return err_set(&Exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  Value acc = a[1] ? a[1] : val_from_int(0);
  if (val_is_str(acc)) return err_set(&Exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (val_is_bytes(acc)) return err_set(&Exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (val_is_obj(acc) && val_type(acc) == &ByteArrayType)
    return err_set(&Exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  Value it = obj_iter(a[0]);
  if (!it) return VAL_NULL;
  Value v;
  while ((v = obj_next(it))) {
    if (val_is_int(acc) && val_is_int(v)) {
      intptr_t s = val_int(acc) + val_int(v);
      if (smallint_fits(s)) {
        acc = val_from_int(s);
        continue;
      }
    }
    acc = obj_binop(acc, v, BINOP_ADD);
    if (!acc) return VAL_NULL;
  }
  if (err_occurred()) return VAL_NULL;
  return acc;
}

static Value bi_sorted(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("sorted(iterable, /, *, key=None, reverse=False)");
  Value a[3];
  static const char *const kw_ok[] = {"key", "reverse", NULL};
  if (!check_kwargs("sort", kwnames, kw_ok)) return VAL_NULL;
  if (nargs != 1) return err_set(&Exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  Value l = list_from_iterable(a[0]);
  if (!l) return VAL_NULL;
  int rev = 0;
  if (a[2]) {
    rev = obj_truthy(a[2]);
    if (rev < 0) return VAL_NULL;
  }
  if (list_sort(l, a[1] == VAL_NONE ? VAL_NULL : a[1], rev) < 0) return VAL_NULL;
  return l;
}

/* ---- numbers ----------------------------------------------------------- */

static Value bi_round(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("round(number, ndigits=None)");
  Value a[2];
  static const char *const kw_ok[] = {"number", "ndigits", NULL};
  if (!check_kwargs("round", kwnames, kw_ok)) return VAL_NULL;
  static const char *const req[] = {"number"};
  if (!clinic_required("round", args, nargs, kwnames, req, 1)) return VAL_NULL;
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  bool found = false;
  Value r;
  if (a[1] && a[1] != VAL_NONE) r = type_call_special(a[0], NAME(__round__), &a[1], 1, NULL, &found);
  else r = type_call_special(a[0], NAME(__round__), NULL, 0, NULL, &found);
  if (!found && !err_occurred())
    return err_set(&Exc_TypeError, "type %s doesn't define __round__ method", type_name(val_type(a[0])));
  return r;
}

static Value bi_pow(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("pow(base, exp, mod=None)");
  Value a[3];
  static const char *const kw_ok[] = {"base", "exp", "mod", NULL};
  if (!check_kwargs("pow", kwnames, kw_ok)) return VAL_NULL;
  static const char *const req[] = {"base", "exp"};
  if (!clinic_required("pow", args, nargs, kwnames, req, 2)) return VAL_NULL;
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  if (!a[2] || a[2] == VAL_NONE) return obj_binop(a[0], a[1], BINOP_POW);
  if (!val_is_intlike(a[0]) || !val_is_intlike(a[1]) || !val_is_intlike(a[2]))
    return err_set(&Exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  return int_pow_mod(a[0], a[1], a[2]);
}

/* True for an exact int/float/bool numerically equal to zero. */
static bool obj_is_true_num_zero(Value v) {
  if (val_is_float(v)) return float_as_double(v) == 0.0;
  if (val_is_int(v)) return val_int(v) == 0;
  return val_type(v) == &BoolType && v == VAL_FALSE;
}

static Value bi_divmod(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("divmod", kwnames) || !args_count("divmod", nargs, 2, 2)) return VAL_NULL;
  Value x = args[0], y = args[1];
  TypeObject *tx = val_type(x), *ty = val_type(y);
  /* Fast path only for exact int/float/bool: subclasses may override
   * __divmod__/__rdivmod__, and a float zero divisor has its own message. */
  bool xn = tx == &IntType || tx == &BoolType || tx == &FloatType;
  bool yn = ty == &IntType || ty == &BoolType || ty == &FloatType;
  if (xn && yn) {
    if ((tx == &FloatType || ty == &FloatType) && obj_is_true_num_zero(y))
      return err_set(&Exc_ZeroDivisionError, "float divmod()");
    Value q = obj_binop(x, y, BINOP_FLOORDIV);
    if (!q) return VAL_NULL;
    Value r = obj_binop(x, y, BINOP_MOD);
    if (!r) return VAL_NULL;
    return tuple_pack(2, q, r);
  }
  StrObject *dname = str_intern_cstr("__divmod__"), *rname = str_intern_cstr("__rdivmod__");
  /* As CPython's binary dispatch: the reflected method of a proper subclass
   * that overrides it goes first; the same type is never asked twice. */
  bool try_r = tx != ty;
  if (try_r && type_is_subtype(ty, tx) && type_lookup(ty, rname) != type_lookup(tx, rname)) {
    bool found = false;
    Value r = type_call_special(y, rname, &x, 1, NULL, &found);
    if (found && r != VAL_NOTIMPL) return r;
    if (err_occurred()) return VAL_NULL;
    try_r = false;
  }
  bool found = false;
  Value r = type_call_special(x, dname, &y, 1, NULL, &found);
  if (found && r != VAL_NOTIMPL) return r;
  if (err_occurred()) return VAL_NULL;
  if (try_r) {
    found = false;
    r = type_call_special(y, rname, &x, 1, NULL, &found);
    if (found && r != VAL_NOTIMPL) return r;
    if (err_occurred()) return VAL_NULL;
  }
  return err_set(&Exc_TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'", x, y);
}

/* ---- code -------------------------------------------------------------- */

/* Source text of a str/bytes argument; eval strips leading blanks. */
static const char *source_text(Value src, const char *fname, size_t *len, bool strip) {
  const char *s;
  if (val_is_str(src)) {
    s = str_cstr(src);
    *len = (size_t)str_len_bytes(src);
  } else if (val_is_bytes(src)) {
    s = AS(BytesObject, src)->data;
    *len = (size_t)AS(BytesObject, src)->len;
  } else {
    err_set(&Exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    return NULL;
  }
  if (strlen(s) != *len) {
    err_set(&Exc_SyntaxError, "source code string cannot contain null bytes");
    return NULL;
  }
  if (strip)
    while (*len && (*s == ' ' || *s == '\t')) {
      s++;
      (*len)--;
    }
  return s;
}

static Value run_code(const char *fname, Value *args, size_t nargs, TupleObject *kwnames, CompileMode mode) {
  static ArgSpec eval_spec = ARGSPEC("eval(source, globals=None, locals=None, /)");
  static ArgSpec exec_spec = ARGSPEC("exec(source, globals=None, locals=None, /, *, closure=None)");
  Value a[4] = {0};
  if (!args_bind(mode == COMPILE_EVAL ? &eval_spec : &exec_spec, args, nargs, kwnames, a)) return VAL_NULL;
  Value globals = a[1] && a[1] != VAL_NONE ? a[1] : VAL_NULL;
  Value locals = a[2] && a[2] != VAL_NONE ? a[2] : VAL_NULL;
  if (globals && !val_is_dict(globals))
    return err_set(&Exc_TypeError, mode == COMPILE_EVAL ? "globals must be a dict" : "exec() globals must be a dict, not %T",
                   globals);
  if (locals && !val_is_dict(locals) && !val_type(locals)->getitem)
    return err_set(&Exc_TypeError, mode == COMPILE_EVAL ? "locals must be a mapping" : "locals must be a mapping or None, not %T",
                   locals);
  if (!globals) {
    globals = eval_current_globals();
    if (!globals) return err_set(&Exc_SystemError, "globals and locals cannot be NULL");
    if (!locals) locals = eval_current_locals();
    if (!locals) return VAL_NULL;
  } else if (!locals) {
    locals = globals;
  }
  if (!dict_get_str(globals, NAME(__builtins__))) dict_set_str(globals, NAME(__builtins__), builtins_dict);
  CodeObject *co;
  if (val_is_obj(a[0]) && val_type(a[0]) == &CodeType) {
    co = AS(CodeObject, a[0]);
  } else {
    size_t len;
    const char *s = source_text(a[0], fname, &len, mode == COMPILE_EVAL);
    if (!s) return VAL_NULL;
    co = compile_source(s, len, "<string>", mode, 0);
    if (!co) return VAL_NULL;
  }
  Value r = eval_code(co, globals, locals);
  if (!r) return VAL_NULL;
  return mode == COMPILE_EVAL ? r : VAL_NONE;
}

static Value bi_eval(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("eval", kwnames)) return VAL_NULL;
  if (nargs == 0) return err_set(&Exc_TypeError, "eval expected at least 1 argument, got 0");
  return run_code("eval", args, nargs, kwnames, COMPILE_EVAL);
}

static Value bi_exec(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static const char *const kw_ok[] = {"closure", NULL};
  if (!check_kwargs("exec", kwnames, kw_ok)) return VAL_NULL;
  if (nargs == 0) return err_set(&Exc_TypeError, "exec() takes at least 1 positional argument (0 given)");
  return run_code("exec", args, nargs, kwnames, COMPILE_EXEC);
}

static Value bi_compile(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)");
  Value a[7];
  static const char *const kw_ok[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version", NULL};
  if (!check_kwargs("compile", kwnames, kw_ok)) return VAL_NULL;
  static const char *const req[] = {"source", "filename", "mode"};
  if (!clinic_required("compile", args, nargs, kwnames, req, 3)) return VAL_NULL;
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  if (!val_is_str(a[2])) return err_set(&Exc_TypeError, "compile() argument 'mode' must be str, not %T", a[2]);
  const char *m = str_cstr(a[2]);
  CompileMode mode;
  if (!strcmp(m, "exec")) mode = COMPILE_EXEC;
  else if (!strcmp(m, "eval")) mode = COMPILE_EVAL;
  else if (!strcmp(m, "single")) mode = COMPILE_SINGLE;
  else return err_set(&Exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  if (val_is_obj(a[0]) && val_type(a[0]) == &CodeType) return a[0];
  Value fn = a[1];
  if (!val_is_str(fn)) {
    fn = obj_str(fn);
    if (!fn) return VAL_NULL;
  }
  size_t len;
  const char *s = source_text(a[0], "compile", &len, false);
  if (!s) return VAL_NULL;
  int flags = 0;
  if (a[3] && val_is_int(a[3]) && (val_int(a[3]) & 0x2000)) flags |= COMPILE_ALLOW_TOPLEVEL_AWAIT;
  CodeObject *co = compile_source(s, len, str_cstr(fn), mode, flags);
  return co ? (Value)co : VAL_NULL;
}

static Value bi_import(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("__import__(name, globals=None, locals=None, fromlist=(), level=0)");
  Value a[5];
  static const char *const kw_ok[] = {"name", "globals", "locals", "fromlist", "level", NULL};
  if (!check_kwargs("__import__", kwnames, kw_ok)) return VAL_NULL;
  static const char *const req[] = {"name"};
  if (!clinic_required("__import__", args, nargs, kwnames, req, 1)) return VAL_NULL;
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  if (!val_is_str(a[0])) return err_set(&Exc_TypeError, "module name must be a string");
  int level = 0;
  if (a[4]) {
    if (!val_is_int(a[4])) return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[4]);
    level = (int)val_int(a[4]);
  }
  return import_module(a[0], a[1] && a[1] != VAL_NONE ? a[1] : VAL_NULL, a[3], level);
}

static Value bi_open(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static const char *const kw_ok[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener", NULL};
  if (!check_kwargs("open", kwnames, kw_ok)) return VAL_NULL;
  if (!clinic_required("open", args, nargs, kwnames, kw_ok, 1)) return VAL_NULL;
  return fileio_open(args, nargs, kwnames);
}

static Value bi_exit(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (nargs > 1)
    return err_set(&Exc_TypeError, "Quitter.__call__() takes from 1 to 2 positional arguments but %zu were given",
                   nargs + 1);
  Value in = sys_attr(NAME(stdin));
  if (in && val_is_file(in) && !AS(FileObject, in)->closed) {
    Value r = obj_call_method(in, NAME(close), NULL, 0);
    if (!r) err_clear();
  }
  Value exc = exc_new(&Exc_SystemExit, args, nargs);
  if (!exc) return VAL_NULL;
  return err_set_value(exc);
}

static Value bi_aiter(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ONE_ARG("aiter");
  bool found = false;
  Value r = type_call_special(args[0], NAME(__aiter__), NULL, 0, NULL, &found);
  if (!found && !err_occurred()) return err_set(&Exc_TypeError, "'%T' object is not an async iterable", args[0]);
  return r;
}

/* runtime/anext.c: the awaitable of anext(it, default). */
Value anext_awaitable_new(Value wrapped, Value default_value);

static Value bi_anext(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("anext", kwnames) || !args_count("anext", nargs, 1, 2)) return VAL_NULL;
  bool found = false;
  Value r = type_call_special(args[0], NAME(__anext__), NULL, 0, NULL, &found);
  if (!found && !err_occurred()) return err_set(&Exc_TypeError, "'%T' object is not an async iterator", args[0]);
  if (!r || nargs == 1) return r;
  return anext_awaitable_new(r, args[1]);
}

static const NativeDef builtin_functions[] = {
    {"print", bi_print, 0, NULL},
    {"input", bi_input, 0, NULL},
    {"len", bi_len, 0, NULL},
    {"repr", bi_repr, 0, NULL},
    {"ascii", bi_ascii, 0, NULL},
    {"abs", bi_abs, 0, NULL},
    {"all", bi_all, 0, NULL},
    {"any", bi_any, 0, NULL},
    {"bin", bi_bin, 0, NULL},
    {"oct", bi_oct, 0, NULL},
    {"hex", bi_hex, 0, NULL},
    {"callable", bi_callable, 0, NULL},
    {"chr", bi_chr, 0, NULL},
    {"ord", bi_ord, 0, NULL},
    {"format", bi_format, 0, NULL},
    {"getattr", bi_getattr, 0, NULL},
    {"setattr", bi_setattr, 0, NULL},
    {"delattr", bi_delattr, 0, NULL},
    {"hasattr", bi_hasattr, 0, NULL},
    {"dir", bi_dir, 0, NULL},
    {"vars", bi_vars, 0, NULL},
    {"globals", bi_globals, 0, NULL},
    {"locals", bi_locals, 0, NULL},
    {"hash", bi_hash, 0, NULL},
    {"id", bi_id, 0, NULL},
    {"isinstance", bi_isinstance, 0, NULL},
    {"issubclass", bi_issubclass, 0, NULL},
    {"iter", bi_iter, 0, NULL},
    {"next", bi_next, 0, NULL},
    {"aiter", bi_aiter, 0, NULL},
    {"anext", bi_anext, 0, NULL},
    {"max", bi_max, 0, NULL},
    {"min", bi_min, 0, NULL},
    {"sum", bi_sum, 0, NULL},
    {"sorted", bi_sorted, 0, NULL},
    {"round", bi_round, 0, NULL},
    {"pow", bi_pow, 0, NULL},
    {"divmod", bi_divmod, 0, NULL},
    {"eval", bi_eval, 0, NULL},
    {"exec", bi_exec, 0, NULL},
    {"compile", bi_compile, 0, NULL},
    {"__import__", bi_import, 0, NULL},
    {"__build_class__", build_class, 0, NULL},
    {"open", bi_open, 0, NULL},
    {"exit", bi_exit, 0, NULL},
    {"quit", bi_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- start-up ---------------------------------------------------------- */

static void add_type(const char *name, TypeObject *t) {
  if (!t) return;
  dict_set_cstr(builtins_dict, name, (Value)t);
}

static void add_exc(TypeObject *t, void *ctx) { add_type(t->name, t); }

Value sys_module_create(void); /* stdlib/sys.c */

void builtins_init(void) {
  gc_add_root(&builtins_dict);
  gc_add_root(&builtins_module);
  type_ready(&ModuleType);
  fileio_init();

  builtins_module = module_new("builtins");
  AS(ModuleObject, builtins_module)->builtin = true;
  builtins_dict = module_dict(builtins_module);
  Value d = builtins_dict;
  dict_set_str(d, NAME(__doc__), str_from_cstr("Built-in functions, exceptions, and other objects."));
  for (const NativeDef *f = builtin_functions; f->name; f++)
    dict_set_cstr(d, f->name, native_function_new(f, builtins_module));

  dict_set_cstr(d, "None", VAL_NONE);
  dict_set_cstr(d, "True", VAL_TRUE);
  dict_set_cstr(d, "False", VAL_FALSE);
  dict_set_cstr(d, "Ellipsis", VAL_ELLIPSIS);
  dict_set_cstr(d, "NotImplemented", VAL_NOTIMPL);
  dict_set_cstr(d, "__debug__", VAL_TRUE);

  add_type("object", &ObjectType);
  add_type("type", &TypeType);
  add_type("int", &IntType);
  add_type("bool", &BoolType);
  add_type("float", &FloatType);
  add_type("str", &StrType);
  add_type("bytes", &BytesType);
  add_type("bytearray", &ByteArrayType);
  add_type("list", &ListType);
  add_type("tuple", &TupleType);
  add_type("dict", &DictType);
  add_type("set", &SetType);
  add_type("frozenset", &FrozenSetType);
  add_type("range", &RangeType);
  add_type("slice", &SliceType);
  add_type("property", &PropertyType);
  add_type("classmethod", &ClassMethodType);
  add_type("staticmethod", &StaticMethodType);
  add_type("super", &SuperType);
  add_type("enumerate", &EnumerateType);
  add_type("zip", &ZipType);
  add_type("map", &MapType);
  add_type("filter", &FilterType);
  add_type("reversed", &ReversedType);
  add_type("memoryview", &MemoryViewType);
  add_type("complex", &ComplexType);
  exc_foreach_type(add_exc, NULL);
  add_type("EnvironmentError", &Exc_OSError);
  add_type("IOError", &Exc_OSError);

  /* sys, sys.modules and the standard streams. */
  sys_module = sys_module_create();
  AS(ModuleObject, sys_module)->builtin = true;
  Value sd = module_dict(sys_module);
  dict_set_str(sys_modules, str_intern_cstr("builtins"), builtins_module);
  dict_set_str(sys_modules, str_intern_cstr("sys"), sys_module);
  Value in = fileio_new_std(0, "<stdin>", "r");
  Value out = fileio_new_std(1, "<stdout>", "w");
  Value err = fileio_new_std(2, "<stderr>", "w");
  dict_set_str(sd, NAME(stdin), in);
  dict_set_str(sd, NAME(stdout), out);
  dict_set_str(sd, NAME(stderr), err);
  dict_set_cstr(sd, "__stdin__", in);
  dict_set_cstr(sd, "__stdout__", out);
  dict_set_cstr(sd, "__stderr__", err);

  /* An empty __main__ for the interactive prompt; running a script replaces it. */
  Value main = module_new("__main__");
  AS(ModuleObject, main)->builtin = true;
  dict_set_str(module_dict(main), NAME(__builtins__), builtins_dict);
  dict_set_str(sys_modules, NAME(__main__), main);
}
