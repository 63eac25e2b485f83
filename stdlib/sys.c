/* sys.c — the sys module, and struct sequences (named tuples made in C:
 * sys.version_info, sys.flags, sys.float_info, time.struct_time).
 *
 * sys is created by builtins_init through sys_module_create() rather than
 * through the native module registry, because the import system itself
 * needs sys.modules and sys.path before anything can be imported.
 *
 * A struct sequence is a tuple whose type is a static TypeObject derived
 * from tuple, with one getset per named field (field i reads item i); the
 * field names are the getsets' names, in order, which also gives the repr
 * "sys.version_info(major=3, minor=11, ...)".  Fields past the tuple's
 * length (time.struct_time's tm_zone/tm_gmtoff) are stored after the
 * visible items and must hold immortal values (interned strs, small ints).
 */
#include <float.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/fileio.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/gilpy.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/type.h"
#include "vm/frame.h"
#include "vm/func.h"
#include "vm/gil.h"

Value sys_modules;
Value sys_module;

/* The limit on int<->str conversion digits (sys.set_int_max_str_digits). */
int sys_int_max_str_digits = 4300;

/* ---- struct sequences -------------------------------------------------- */

#define SS_GET(i) \
  static Value ss_get##i(Value self) { return TUPLE_ITEMS(self)[i]; }
SS_GET(0) SS_GET(1) SS_GET(2) SS_GET(3) SS_GET(4) SS_GET(5) SS_GET(6) SS_GET(7) SS_GET(8) SS_GET(9)
SS_GET(10) SS_GET(11) SS_GET(12) SS_GET(13) SS_GET(14) SS_GET(15) SS_GET(16) SS_GET(17)
#define SS_FIELD(i, n) {n, ss_get##i, NULL}

static ssize_t ss_nfields(TypeObject *t) {
  ssize_t n = 0;
  while (t->getsets[n].name) n++;
  return n;
}

Value structseq_new(TypeObject *t, Value *items, ssize_t nvisible, ssize_t nall) {
  Value tup = tuple_new(nall);
  for (ssize_t i = 0; i < nall; i++) TUPLE_ITEMS(tup)[i] = items[i];
  AS(TupleObject, tup)->len = nvisible;
  tup->type = t;
  return tup;
}

Value structseq_repr(Value self) {
  TypeObject *t = val_type(self);
  StrBuilder sb;
  sb_init(&sb);
  sb_adds(&sb, t->name);
  sb_addc(&sb, '(');
  for (ssize_t i = 0; i < TUPLE_LEN(self) && t->getsets[i].name; i++) {
    if (i) sb_adds(&sb, ", ");
    sb_adds(&sb, t->getsets[i].name);
    sb_addc(&sb, '=');
    if (sb_add_repr(&sb, TUPLE_ITEMS(self)[i]) < 0) {
      sb_free(&sb);
      return VAL_NULL;
    }
  }
  sb_addc(&sb, ')');
  return sb_finish(&sb);
}

/* type(sequence): as CPython's structseq_new, the visible part must match. */
Value structseq_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (nargs != 1) return err_set(&Exc_TypeError, "%s() takes exactly 1 argument (%zu given)", type->name, nargs);
  Value seq = tuple_from_iterable(args[0]);
  if (!seq) return VAL_NULL;
  ssize_t nf = ss_nfields(type);
  ssize_t visible = nf;
  if (type->instance_size > sizeof(TupleObject)) visible = (ssize_t)((type->instance_size - sizeof(TupleObject)) / sizeof(Value));
  if (TUPLE_LEN(seq) < visible || TUPLE_LEN(seq) > nf)
    return err_set(&Exc_TypeError, "%s() takes a %zd-sequence (%zd-sequence given)", type->name, visible, TUPLE_LEN(seq));
  Value items[20];
  for (ssize_t i = 0; i < nf; i++) items[i] = i < TUPLE_LEN(seq) ? TUPLE_ITEMS(seq)[i] : VAL_NONE;
  return structseq_new(type, items, visible, nf);
}

#define STRUCTSEQ_TYPE(var, tname, fields)          \
  TypeObject var = {                                \
      STATIC_OBJECT_HEADER(&TypeType),              \
      .name = tname,                                \
      .base_type = &TupleType,                      \
      .instance_size = sizeof(TupleObject),         \
      .flags = TP_TUPLE_SUBCLASS,                   \
      .tp_new = structseq_tp_new,                   \
      .repr = structseq_repr,                              \
      .getsets = fields,                            \
  }

static const GetSetDef version_info_fields[] = {
    SS_FIELD(0, "major"), SS_FIELD(1, "minor"), SS_FIELD(2, "micro"), SS_FIELD(3, "releaselevel"),
    SS_FIELD(4, "serial"), {NULL, NULL, NULL}};
static STRUCTSEQ_TYPE(VersionInfoType, "sys.version_info", version_info_fields);

static const GetSetDef flags_fields[] = {
    SS_FIELD(0, "debug"), SS_FIELD(1, "inspect"), SS_FIELD(2, "interactive"), SS_FIELD(3, "optimize"),
    SS_FIELD(4, "dont_write_bytecode"), SS_FIELD(5, "no_user_site"), SS_FIELD(6, "no_site"),
    SS_FIELD(7, "ignore_environment"), SS_FIELD(8, "verbose"), SS_FIELD(9, "bytes_warning"),
    SS_FIELD(10, "quiet"), SS_FIELD(11, "hash_randomization"), SS_FIELD(12, "isolated"),
    SS_FIELD(13, "dev_mode"), SS_FIELD(14, "utf8_mode"), SS_FIELD(15, "warn_default_encoding"),
    SS_FIELD(16, "safe_path"), SS_FIELD(17, "int_max_str_digits"), {NULL, NULL, NULL}};
static STRUCTSEQ_TYPE(FlagsType, "sys.flags", flags_fields);

static const GetSetDef float_info_fields[] = {
    SS_FIELD(0, "max"), SS_FIELD(1, "max_exp"), SS_FIELD(2, "max_10_exp"), SS_FIELD(3, "min"),
    SS_FIELD(4, "min_exp"), SS_FIELD(5, "min_10_exp"), SS_FIELD(6, "dig"), SS_FIELD(7, "mant_dig"),
    SS_FIELD(8, "epsilon"), SS_FIELD(9, "radix"), SS_FIELD(10, "rounds"), {NULL, NULL, NULL}};
static STRUCTSEQ_TYPE(FloatInfoType, "sys.float_info", float_info_fields);

static const GetSetDef struct_time_fields[] = {
    SS_FIELD(0, "tm_year"), SS_FIELD(1, "tm_mon"), SS_FIELD(2, "tm_mday"), SS_FIELD(3, "tm_hour"),
    SS_FIELD(4, "tm_min"), SS_FIELD(5, "tm_sec"), SS_FIELD(6, "tm_wday"), SS_FIELD(7, "tm_yday"),
    SS_FIELD(8, "tm_isdst"), SS_FIELD(9, "tm_zone"), SS_FIELD(10, "tm_gmtoff"), {NULL, NULL, NULL}};
/* instance_size encodes the visible length (9) for structseq_tp_new. */
TypeObject StructTimeType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "time.struct_time",
    .base_type = &TupleType,
    .instance_size = sizeof(TupleObject) + 9 * sizeof(Value),
    .flags = TP_TUPLE_SUBCLASS,
    .tp_new = structseq_tp_new,
    .repr = structseq_repr,
    .getsets = struct_time_fields,
};

/* ---- functions --------------------------------------------------------- */

static Value s_exit(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("exit", kw) || !args_count("exit", nargs, 0, 1)) return VAL_NULL;
  Value exc = exc_new(&Exc_SystemExit, args, nargs);
  if (!exc) return VAL_NULL;
  return err_set_value(exc);
}

/* The GIL's switch interval (vm/gil.c keeps it in microseconds, as CPython). */
static Value s_getswitchinterval(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("getswitchinterval", nargs, 0, 0)) return VAL_NULL;
  return float_new((double)gil_interval_us() / 1e6);
}

static Value s_setswitchinterval(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("setswitchinterval", kw) || !args_count("setswitchinterval", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_float(args[0]) && !val_is_intlike(args[0]))
    return err_set(&Exc_TypeError, "must be real number, not %T", args[0]);
  double d = float_as_double(args[0]);
  if (d == -1.0 && err_occurred()) return VAL_NULL;
  if (!(d > 0.0)) return err_set(&Exc_ValueError, "switch interval must be strictly positive");
  gil_set_interval_us((long)(d * 1e6));
  return VAL_NONE;
}

/* ---- async generator hooks (per thread, stored by vm/gen.c) ------------- */

static const GetSetDef asyncgen_hooks_fields[] = {SS_FIELD(0, "firstiter"), SS_FIELD(1, "finalizer"), {NULL, NULL, NULL}};
static STRUCTSEQ_TYPE(AsyncGenHooksType, "asyncgen_hooks", asyncgen_hooks_fields);

static Value s_get_asyncgen_hooks(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("get_asyncgen_hooks", kw) || !args_count("get_asyncgen_hooks", nargs, 0, 0)) return VAL_NULL;
  Value first = gen_asyncgen_hook(ASYNCGEN_HOOK_FIRSTITER), fin = gen_asyncgen_hook(ASYNCGEN_HOOK_FINALIZER);
  Value items[2] = {first ? first : VAL_NONE, fin ? fin : VAL_NONE};
  return structseq_new(&AsyncGenHooksType, items, 2, 2);
}

/* Unset arguments leave their hook alone, None clears it; the finalizer is
 * set before firstiter is checked, as CPython does. */
static Value s_set_asyncgen_hooks(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("set_asyncgen_hooks(firstiter=None, finalizer=None)");
  Value a[2];
  if (nargs > 2) return err_set(&Exc_TypeError, "function takes at most 2 arguments (%zu given)", nargs);
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  static const char *const names[2] = {"firstiter", "finalizer"};
  static const int which[2] = {ASYNCGEN_HOOK_FIRSTITER, ASYNCGEN_HOOK_FINALIZER};
  for (int i = 1; i >= 0; i--) {
    Value h = a[i];
    if (!h) continue;
    if (h != VAL_NONE && !obj_callable(h))
      return err_set(&Exc_TypeError, "callable %s expected, got %s", names[i], val_type(h)->name);
    if (gen_set_asyncgen_hook(which[i], h == VAL_NONE ? VAL_NULL : h) < 0) return VAL_NULL;
  }
  return VAL_NONE;
}

static Value s_getrecursionlimit(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("getrecursionlimit", nargs, 0, 0)) return VAL_NULL;
  return val_from_int(recursion_limit);
}

static Value s_setrecursionlimit(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("setrecursionlimit", kw) || !args_count("setrecursionlimit", nargs, 1, 1)) return VAL_NULL;
  if (val_is_float(args[0])) return err_set(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
  Value i = obj_index(args[0]);
  if (!i) return VAL_NULL;
  int64_t n;
  if (!int_to_i64(i, &n) || n > INT_MAX) {
    err_clear();
    return err_set(&Exc_OverflowError, "Python int too large to convert to C int");
  }
  if (n < 1) return err_set(&Exc_ValueError, "recursion limit must be greater or equal than 1");
  int depth = ts_current ? ts_current->recursion_depth : 0;
  if (n <= depth)
    return err_set(&Exc_RecursionError,
                   "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", (int)n, depth);
  recursion_limit = (int)n;
  return VAL_NONE;
}

static Value s_intern(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("intern", kw) || !args_count("intern", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0]) || val_type(args[0]) != &StrType)
    return err_set(&Exc_TypeError, "intern() argument must be str, not %T", args[0]);
  return (Value)str_intern(args[0]);
}

static Value s_exc_info(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value e = thread_handled_exc(ts_current);
  if (!e || e == VAL_NONE) return tuple_pack(3, VAL_NONE, VAL_NONE, VAL_NONE);
  Value tb = AS(ExceptionObject, e)->traceback;
  return tuple_pack(3, (Value)val_type(e), e, tb ? tb : VAL_NONE);
}

static Value s_exception(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value e = thread_handled_exc(ts_current);
  return e ? e : VAL_NONE;
}

static Value s_displayhook(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("displayhook", kw) || !args_count("displayhook", nargs, 1, 1)) return VAL_NULL;
  Value v = args[0];
  if (v == VAL_NONE) return VAL_NONE;
  StrObject *underscore = str_intern_cstr("_");
  if (dict_set_str(builtins_dict, underscore, VAL_NONE) < 0) return VAL_NULL;
  Value r = obj_repr(v);
  if (!r) return VAL_NULL;
  Value out = dict_get_str(module_dict(sys_module), NAME(stdout));
  if (!out || out == VAL_NONE) return err_set(&Exc_RuntimeError, "lost sys.stdout");
  Value line = str_concat(r, str_from_cstr("\n"));
  if (!line) return VAL_NULL;
  if (val_is_file(out)) {
    if (fileio_write(out, str_cstr(line), (size_t)str_len_bytes(line)) < 0) return VAL_NULL;
  } else if (!obj_call_method(out, NAME(write), &line, 1)) {
    return VAL_NULL;
  }
  if (dict_set_str(builtins_dict, underscore, v) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value s_excepthook(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("excepthook", kw) || !args_count("excepthook", nargs, 3, 3)) return VAL_NULL;
  Value exc = args[1];
  if (val_is_exception(exc)) {
    if (args[2] != VAL_NONE && val_type(args[2]) == &TracebackType) AS(ExceptionObject, exc)->traceback = args[2];
    err_print(exc);
  } else {
    err_print(exc);
  }
  return VAL_NONE;
}

static Value s_getsizeof(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("getsizeof", nargs, 1, 2)) return VAL_NULL;
  bool found = false;
  Value r = type_call_special(args[0], NAME(__sizeof__), NULL, 0, NULL, &found);
  if (found) {
    if (!r) return VAL_NULL;
    return r;
  }
  if (err_occurred()) return VAL_NULL;
  if (val_is_int(args[0])) return val_from_int(28);
  return int_from_i64((int64_t)val_type(args[0])->instance_size + 16);
}

static Value s_get_int_max_str_digits(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return val_from_int(sys_int_max_str_digits);
}

static Value s_set_int_max_str_digits(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("set_int_max_str_digits(maxdigits)");
  Value a[1];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  Value i = obj_index(a[0]);
  if (!i) return VAL_NULL;
  int64_t n;
  if (!int_to_i64(i, &n)) return VAL_NULL;
  if (n != 0 && n < 640) return err_set(&Exc_ValueError, "maxdigits must be 0 or larger than 640");
  sys_int_max_str_digits = (int)n;
  return VAL_NONE;
}

static Value s_getdefaultencoding(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return str_from_cstr("utf-8");
}

static Value s_getrefcount(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("getrefcount", nargs, 1, 1)) return VAL_NULL;
  return val_from_int(2);
}

/* ---- sys._getframe ------------------------------------------------------
 * Frames live in a per-thread bump stack and die when their call returns,
 * so a Python-visible frame is a snapshot taken at _getframe time: code,
 * globals, locals (when the frame has a dict) and the current line, with
 * f_back chaining snapshots of the callers (all taken eagerly, because
 * the live frames may be gone by the time f_back is read). */
typedef struct {
  Object base;
  Value code, globals, locals, back;
  int line;
} FrameSnapObject;

static void fs_trace(Object *o) {
  FrameSnapObject *f = (FrameSnapObject *)o;
  gc_mark(f->code);
  gc_mark(f->globals);
  gc_mark(f->locals);
  gc_mark(f->back);
}

static Value fs_code(Value v) { return AS(FrameSnapObject, v)->code; }
static Value fs_globals(Value v) { return AS(FrameSnapObject, v)->globals; }
static Value fs_lineno(Value v) { return val_from_int(AS(FrameSnapObject, v)->line); }
static Value fs_back(Value v) {
  Value b = AS(FrameSnapObject, v)->back;
  return b ? b : VAL_NONE;
}
static Value fs_locals(Value v) {
  Value l = AS(FrameSnapObject, v)->locals;
  return l ? l : dict_new();
}
static Value fs_builtins(Value v) { return dict_new(); }

static Value fs_repr(Value v) {
  FrameSnapObject *f = AS(FrameSnapObject, v);
  CodeObject *c = (CodeObject *)f->code;
  return str_printf("<frame at %p, file %R, line %d, code %U>", (void *)f, c->filename, f->line, c->name);
}

static const GetSetDef fs_getsets[] = {
    {"f_code", fs_code, NULL},         {"f_globals", fs_globals, NULL}, {"f_lineno", fs_lineno, NULL},
    {"f_back", fs_back, NULL},         {"f_locals", fs_locals, NULL},   {"f_builtins", fs_builtins, NULL},
    {NULL, NULL, NULL},
};

static TypeObject FrameSnapType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "frame",
    .instance_size = sizeof(FrameSnapObject),
    .trace = fs_trace,
    .repr = fs_repr,
    .getsets = fs_getsets,
};

Value sys_frame_snapshot(Frame *f, bool callers) {
  FrameSnapObject *head = NULL, *prev = NULL;
  for (; f; f = callers ? f->back : NULL) {
    FrameSnapObject *s = (FrameSnapObject *)gc_alloc(&FrameSnapType, sizeof(FrameSnapObject));
    s->code = (Value)f->code;
    s->globals = f->globals;
    s->locals = f->locals;
    s->line = frame_line(f);
    if (prev) prev->back = (Value)s;
    else head = s;
    prev = s;
  }
  return (Value)head;
}

static Value s_getframe(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_getframe", nargs, 0, 1)) return VAL_NULL;
  int64_t depth = 0;
  if (nargs == 1) {
    if (!val_is_intlike(args[0]))
      return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    if (!int_to_i64(args[0], &depth)) return VAL_NULL;
  }
  Frame *f = ts_current ? ts_current->frame : NULL;
  while (f && depth > 0) {
    f = f->back;
    depth--;
  }
  if (!f) return err_set(&Exc_ValueError, "call stack is not deep enough");
  return sys_frame_snapshot(f, true);
}

static Value s_is_finalizing(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self, (void)args;
  if (!args_no_kw("is_finalizing", kw) || !args_count("is_finalizing", nargs, 0, 0)) return VAL_NULL;
  return val_bool(runtime_finalizing);
}

static const NativeDef sys_functions[] = {
    {"_getframe", s_getframe, 0, NULL},
    {"is_finalizing", s_is_finalizing, 0, NULL},
    {"exit", s_exit, 0, NULL},
    {"getrecursionlimit", s_getrecursionlimit, 0, NULL},
    {"get_asyncgen_hooks", s_get_asyncgen_hooks, 0, NULL},
    {"set_asyncgen_hooks", s_set_asyncgen_hooks, 0, NULL},
    {"getswitchinterval", s_getswitchinterval, 0, NULL},
    {"setswitchinterval", s_setswitchinterval, 0, NULL},
    {"setrecursionlimit", s_setrecursionlimit, 0, NULL},
    {"intern", s_intern, 0, NULL},
    {"exc_info", s_exc_info, 0, NULL},
    {"exception", s_exception, 0, NULL},
    {"displayhook", s_displayhook, 0, NULL},
    {"excepthook", s_excepthook, 0, NULL},
    {"getsizeof", s_getsizeof, 0, NULL},
    {"get_int_max_str_digits", s_get_int_max_str_digits, 0, NULL},
    {"set_int_max_str_digits", s_set_int_max_str_digits, 0, NULL},
    {"getdefaultencoding", s_getdefaultencoding, 0, NULL},
    {"getfilesystemencoding", s_getdefaultencoding, 0, NULL},
    {"getrefcount", s_getrefcount, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- creation ---------------------------------------------------------- */

static Value executable_path(void) {
  char buf[PATH_MAX + 1];
  ssize_t n = readlink("/proc/self/exe", buf, PATH_MAX);
  if (n < 0) return str_from_cstr("");
  buf[n] = 0;
  return str_from_cstr(buf);
}

Value sys_module_create(void) {
  gc_add_root(&sys_modules);
  gc_add_root(&sys_module);
  type_ready(&VersionInfoType);
  type_ready(&FlagsType);
  type_ready(&FloatInfoType);
  type_ready(&StructTimeType);
  type_ready(&FrameSnapType);
  type_ready(&AsyncGenHooksType);
  sys_modules = dict_new();
  Value m = module_new("sys");
  Value d = module_dict(m);
  for (const NativeDef *f = sys_functions; f->name; f++) dict_set_cstr(d, f->name, native_function_new(f, m));
  dict_set_cstr(d, "__displayhook__", dict_get_cstr(d, "displayhook"));
  dict_set_cstr(d, "__excepthook__", dict_get_cstr(d, "excepthook"));
  dict_set_str(d, NAME(modules), sys_modules);
  dict_set_str(d, NAME(argv), list_new(0));
  dict_set_cstr(d, "orig_argv", list_new(0));
  /* PYTHONWARNINGS first; -W options are appended by the command line. */
  Value warnoptions = list_new(0);
  const char *pw = getenv("PYTHONWARNINGS");
  for (const char *p = pw; p && *p;) {
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    if (n) list_append(warnoptions, str_new(p, n));
    if (!comma) break;
    p = comma + 1;
  }
  dict_set_cstr(d, "warnoptions", warnoptions);

  Value path = list_new(0);
  const char *pp = getenv("PYTHONPATH");
  if (pp && *pp) {
    const char *p = pp;
    for (;;) {
      const char *colon = strchr(p, ':');
      size_t n = colon ? (size_t)(colon - p) : strlen(p);
      if (n) list_append(path, str_new(p, n));
      if (!colon) break;
      p = colon + 1;
    }
  }
  dict_set_str(d, NAME(path), path);
  dict_set_cstr(d, "meta_path", list_new(0));
  dict_set_cstr(d, "path_hooks", list_new(0));
  dict_set_cstr(d, "path_importer_cache", dict_new());

  dict_set_cstr(d, "version", str_from_cstr(GILPY_PYTHON_VERSION " (gilpy " GILPY_VERSION ")"));
  Value vi[5] = {val_from_int(3), val_from_int(11), val_from_int(7), (Value)str_intern_cstr("final"), val_from_int(0)};
  Value version_info = structseq_new(&VersionInfoType, vi, 5, 5);
  dict_set_cstr(d, "version_info", version_info);
  dict_set_cstr(d, "hexversion", val_from_int(0x030B07F0));
  dict_set_cstr(d, "api_version", val_from_int(1013));

  Value impl = module_new("implementation");
  Value id = module_dict(impl);
  dict_set_str(id, NAME(name), str_from_cstr("gilpy"));
  dict_set_cstr(id, "cache_tag", VAL_NONE);
  dict_set_cstr(id, "version", version_info);
  dict_set_cstr(id, "hexversion", val_from_int(0x030B07F0));
  dict_set_cstr(d, "implementation", impl);

  dict_set_cstr(d, "platform", str_from_cstr("linux"));
  int one = 1;
  dict_set_cstr(d, "byteorder", str_from_cstr(*(char *)&one ? "little" : "big"));
  dict_set_cstr(d, "maxsize", int_from_i64(INT64_MAX));
  dict_set_cstr(d, "maxunicode", val_from_int(0x10FFFF));
  dict_set_cstr(d, "executable", executable_path());
  dict_set_cstr(d, "_base_executable", dict_get_cstr(d, "executable"));
  dict_set_cstr(d, "prefix", str_from_cstr("/usr/local"));
  dict_set_cstr(d, "exec_prefix", str_from_cstr("/usr/local"));
  dict_set_cstr(d, "base_prefix", str_from_cstr("/usr/local"));
  dict_set_cstr(d, "dont_write_bytecode", VAL_TRUE);
  dict_set_cstr(d, "builtin_module_names", tuple_pack(2, str_from_cstr("builtins"), str_from_cstr("sys")));

  Value fl[18];
  for (int i = 0; i < 18; i++) fl[i] = val_from_int(0);
  fl[14] = val_from_int(1); /* utf8_mode */
  fl[11] = val_from_int(1); /* hash_randomization */
  fl[16] = VAL_FALSE;       /* safe_path */
  fl[13] = VAL_FALSE;       /* dev_mode */
  fl[17] = val_from_int(-1);
  dict_set_cstr(d, "flags", structseq_new(&FlagsType, fl, 18, 18));

  Value fi[11] = {float_new(DBL_MAX), val_from_int(DBL_MAX_EXP), val_from_int(DBL_MAX_10_EXP),
                  float_new(DBL_MIN), val_from_int(DBL_MIN_EXP), val_from_int(DBL_MIN_10_EXP),
                  val_from_int(DBL_DIG), val_from_int(DBL_MANT_DIG), float_new(DBL_EPSILON),
                  val_from_int(FLT_RADIX), val_from_int(1)};
  dict_set_cstr(d, "float_info", structseq_new(&FloatInfoType, fi, 11, 11));
  return m;
}

void sys_add_warnoption(const char *option) {
  list_append(dict_get_cstr(module_dict(sys_module), "warnoptions"), str_from_cstr(option));
}

void sys_set_argv(int argc, char **argv) {
  Value l = list_new(0);
  for (int i = 0; i < argc; i++) list_append(l, str_from_cstr(argv[i]));
  if (argc == 0) list_append(l, str_from_cstr(""));
  dict_set_str(module_dict(sys_module), NAME(argv), l);
}
