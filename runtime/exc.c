/* exc.c — exception objects and the builtin exception hierarchy.
 *
 * Every builtin exception shares the ExceptionObject layout (exc.h).  The
 * extra attributes of some families (OSError.errno, SyntaxError.lineno,
 * StopIteration.value, ...) live in the instance __dict__, filled from the
 * constructor arguments by `setup` at both __new__ and __init__ time, as
 * CPython parses them in both places: a subclass whose __init__ does not call
 * super().__init__ still gets attributes from the arguments given to the
 * class.  Reading them back goes through the dict, so user code may also
 * assign them freely.
 *
 * OSError(errno, strerror, ...) called on OSError itself builds the subclass
 * that matches errno (FileNotFoundError for ENOENT ...), as PEP 3151 says.
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

extern TypeObject TracebackType; /* traceback.c */

/* ---- attribute helpers ------------------------------------------------- */

static Value ensure_dict(ExceptionObject *e) {
  if (!e->dict) e->dict = dict_new();
  return e->dict;
}

static void set_attr(Value self, const char *name, Value v) {
  dict_set_str(ensure_dict(AS(ExceptionObject, self)), str_intern_cstr(name), v ? v : VAL_NONE);
}

/* The attribute from the instance dict, or None. */
static Value get_attr(Value self, const char *name) {
  ExceptionObject *e = AS(ExceptionObject, self);
  if (!e->dict) return VAL_NONE;
  Value v = dict_get_str(e->dict, str_intern_cstr(name));
  return v ? v : VAL_NONE;
}

static Value args_tuple(Value *args, size_t nargs) {
  return nargs ? tuple_from_array(args, (ssize_t)nargs) : tuple_new(0);
}

static bool is_type_or_sub(TypeObject *t, TypeObject *base) { return t == base || type_is_subtype(t, base); }

/* Keyword arguments some families accept: ImportError(name=, path=),
 * NameError(name=), AttributeError(name=, obj=).  Others take none. */
static int take_kwargs(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!kwnames || kwnames->len == 0) return 0;
  TypeObject *t = val_type(self);
  const char *allowed[3] = {NULL, NULL, NULL};
  const char *fname = NULL;
  if (is_type_or_sub(t, &Exc_ImportError)) {
    allowed[0] = "name";
    allowed[1] = "path";
    fname = "ImportError";
  } else if (is_type_or_sub(t, &Exc_NameError)) {
    allowed[0] = "name";
    fname = "NameError";
  } else if (is_type_or_sub(t, &Exc_AttributeError)) {
    allowed[0] = "name";
    allowed[1] = "obj";
    fname = "AttributeError";
  }
  if (!fname) {
    err_set(&Exc_TypeError, "%s() takes no keyword arguments", type_name(t));
    return -1;
  }
  for (ssize_t i = 0; i < kwnames->len; i++) {
    Value k = kwnames->items[i];
    bool ok = false;
    for (int j = 0; allowed[j]; j++)
      if (strcmp(str_cstr(k), allowed[j]) == 0) ok = true;
    if (!ok) {
      err_set(&Exc_TypeError, "'%U' is an invalid keyword argument for %s()", k, fname);
      return -1;
    }
    set_attr(self, str_cstr(k), args[nargs + (size_t)i]);
  }
  return 0;
}

/* Fills the family attributes from the positional args. */
static void setup(Value self, Value *args, size_t nargs) {
  ExceptionObject *e = AS(ExceptionObject, self);
  TypeObject *t = val_type(self);
  e->args = args_tuple(args, nargs);
  if (is_type_or_sub(t, &Exc_StopIteration)) {
    set_attr(self, "value", nargs ? args[0] : VAL_NONE);
  } else if (is_type_or_sub(t, &Exc_SystemExit)) {
    set_attr(self, "code", nargs == 0 ? VAL_NONE : nargs == 1 ? args[0] : e->args);
  } else if (is_type_or_sub(t, &Exc_OSError)) {
    Value no = VAL_NONE, se = VAL_NONE, fn = VAL_NONE, fn2 = VAL_NONE;
    if (nargs >= 2 && nargs <= 5) {
      no = args[0];
      se = args[1];
      if (nargs >= 3) fn = args[2];
      if (nargs >= 5) fn2 = args[4];
      if (nargs >= 3) e->args = tuple_pack(2, args[0], args[1]);
    }
    set_attr(self, "errno", no);
    set_attr(self, "strerror", se);
    set_attr(self, "filename", fn);
    set_attr(self, "filename2", fn2);
  } else if (is_type_or_sub(t, &Exc_SyntaxError)) {
    set_attr(self, "msg", nargs >= 1 ? args[0] : VAL_NONE);
    const char *names[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
    Value info = nargs == 2 && val_is_tuple(args[1]) ? args[1] : VAL_NULL;
    for (int i = 0; i < 6; i++)
      set_attr(self, names[i], info && TUPLE_LEN(info) > i ? TUPLE_ITEMS(info)[i] : VAL_NONE);
    set_attr(self, "print_file_and_line", VAL_NONE);
  } else if (is_type_or_sub(t, &Exc_ImportError)) {
    set_attr(self, "msg", nargs == 1 ? args[0] : VAL_NONE);
    if (!e->dict || !dict_get_cstr(e->dict, "name")) set_attr(self, "name", VAL_NONE);
    if (!dict_get_cstr(e->dict, "path")) set_attr(self, "path", VAL_NONE);
  } else if (is_type_or_sub(t, &Exc_NameError)) {
    if (!e->dict || !dict_get_cstr(e->dict, "name")) set_attr(self, "name", VAL_NONE);
  } else if (is_type_or_sub(t, &Exc_AttributeError)) {
    if (!e->dict || !dict_get_cstr(e->dict, "name")) set_attr(self, "name", VAL_NONE);
    if (!dict_get_cstr(e->dict, "obj")) set_attr(self, "obj", VAL_NONE);
  } else if ((t == &Exc_UnicodeDecodeError || type_is_subtype(t, &Exc_UnicodeDecodeError) ||
              t == &Exc_UnicodeEncodeError || type_is_subtype(t, &Exc_UnicodeEncodeError)) &&
             nargs == 5) {
    set_attr(self, "encoding", args[0]);
    set_attr(self, "object", args[1]);
    set_attr(self, "start", args[2]);
    set_attr(self, "end", args[3]);
    set_attr(self, "reason", args[4]);
  }
}

static TypeObject *oserror_subclass(Value errno_v) {
  if (!val_is_int(errno_v)) return &Exc_OSError;
  switch (val_int(errno_v)) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return &Exc_BlockingIOError;
    case ECHILD: return &Exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &Exc_BrokenPipeError;
    case ECONNABORTED: return &Exc_ConnectionAbortedError;
    case ECONNREFUSED: return &Exc_ConnectionRefusedError;
    case ECONNRESET: return &Exc_ConnectionResetError;
    case EEXIST: return &Exc_FileExistsError;
    case ENOENT: return &Exc_FileNotFoundError;
    case EISDIR: return &Exc_IsADirectoryError;
    case ENOTDIR: return &Exc_NotADirectoryError;
    case EINTR: return &Exc_InterruptedError;
    case EACCES: case EPERM: return &Exc_PermissionError;
    case ESRCH: return &Exc_ProcessLookupError;
    case ETIMEDOUT: return &Exc_TimeoutError;
    default: return &Exc_OSError;
  }
}

/* ---- construction ------------------------------------------------------ */

static Value exc_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (type == &Exc_OSError && nargs >= 2) type = oserror_subclass(args[0]);
  size_t size = type->instance_size ? type->instance_size : sizeof(ExceptionObject);
  Value self = (Value)gc_alloc(type, size);
  setup(self, args, nargs);
  return self;
}

static int exc_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (take_kwargs(self, args, nargs, kwnames) < 0) return -1;
  setup(self, args, nargs);
  return 0;
}

Value exc_new(TypeObject *type, Value *args, size_t nargs) {
  if (type->flags & TP_HEAPTYPE) return obj_call((Value)type, args, nargs, NULL);
  Value self = exc_tp_new(type, args, nargs, NULL);
  return self;
}

Value err_set_from_errno(TypeObject *type, int err, Value filename) {
  Value a[3] = {val_from_int(err), str_from_cstr(strerror(err)), filename};
  TypeObject *t = type == &Exc_OSError ? oserror_subclass(a[0]) : type;
  Value exc = exc_tp_new(t, a, filename ? 3 : 2, NULL);
  return err_set_value(exc);
}

/* ---- str / repr -------------------------------------------------------- */

static Value base_str(Value self) {
  Value args = AS(ExceptionObject, self)->args;
  if (!args || TUPLE_LEN(args) == 0) return str_from_cstr("");
  if (TUPLE_LEN(args) == 1) return obj_str(TUPLE_ITEMS(args)[0]);
  return obj_str(args);
}

static Value keyerror_str(Value self) {
  Value args = AS(ExceptionObject, self)->args;
  if (args && TUPLE_LEN(args) == 1) return obj_repr(TUPLE_ITEMS(args)[0]);
  return base_str(self);
}

static Value oserror_str(Value self) {
  Value no = get_attr(self, "errno"), se = get_attr(self, "strerror");
  Value fn = get_attr(self, "filename"), fn2 = get_attr(self, "filename2");
  if (fn != VAL_NONE) {
    if (fn2 != VAL_NONE) return err_format("[Errno %S] %S: %R -> %R", no, se, fn, fn2);
    return err_format("[Errno %S] %S: %R", no, se, fn);
  }
  if (no != VAL_NONE && se != VAL_NONE) return err_format("[Errno %S] %S", no, se);
  return base_str(self);
}

static Value syntaxerror_str(Value self) {
  Value msg = get_attr(self, "msg"), fn = get_attr(self, "filename"), ln = get_attr(self, "lineno");
  Value m = obj_str(msg);
  if (!m) return VAL_NULL;
  const char *base = NULL;
  if (val_is_str(fn)) {
    const char *f = str_cstr(fn);
    const char *slash = strrchr(f, '/');
    base = slash ? slash + 1 : f;
  }
  bool have_line = val_is_intlike(ln);
  if (base && have_line) return err_format("%U (%s, line %S)", m, base, ln);
  if (base) return err_format("%U (%s)", m, base);
  if (have_line) return err_format("%U (line %S)", m, ln);
  return m;
}

static Value importerror_str(Value self) {
  Value msg = get_attr(self, "msg");
  if (val_is_str(msg)) return msg;
  return base_str(self);
}

static void add_char_escape(StrBuilder *sb, uint32_t c) {
  if (c < 0x100) sb_addf(sb, "\\x%02x", c);
  else if (c < 0x10000) sb_addf(sb, "\\u%04x", c);
  else sb_addf(sb, "\\U%08x", c);
}

static Value unicodeerror_str(Value self) {
  Value enc = get_attr(self, "encoding"), obj = get_attr(self, "object");
  Value st = get_attr(self, "start"), en = get_attr(self, "end"), reason = get_attr(self, "reason");
  if (!val_is_int(st) || !val_is_int(en) || !val_is_str(enc) || !val_is_str(reason)) return base_str(self);
  intptr_t s = val_int(st), e = val_int(en);
  bool decode = type_is_subtype(val_type(self), &Exc_UnicodeDecodeError);
  StrBuilder sb;
  sb_init(&sb);
  sb_addf(&sb, "'%s' codec can't %s ", str_cstr(enc), decode ? "decode" : "encode");
  if (e == s + 1) {
    if (decode) {
      if (!val_is_bytes(obj) || s < 0 || s >= AS(BytesObject, obj)->len) {
        sb_free(&sb);
        return base_str(self);
      }
      sb_addf(&sb, "byte 0x%02x in position %ld: ", (unsigned char)AS(BytesObject, obj)->data[s], (long)s);
    } else {
      if (!val_is_str(obj)) {
        sb_free(&sb);
        return base_str(self);
      }
      const char *p = str_cstr(obj);
      for (intptr_t i = 0; i < s && *p; i++) {
        size_t adv;
        utf8_decode(p, &adv);
        p += adv;
      }
      size_t adv;
      sb_adds(&sb, "character '");
      add_char_escape(&sb, *p ? utf8_decode(p, &adv) : 0);
      sb_addf(&sb, "' in position %ld: ", (long)s);
    }
  } else {
    sb_addf(&sb, "%s in position %ld-%ld: ", decode ? "bytes" : "characters", (long)s, (long)(e - 1));
  }
  sb_add_value(&sb, reason);
  return sb_finish(&sb);
}

static Value exc_tp_str(Value self) {
  TypeObject *t = val_type(self);
  if (exc_is_group(self)) return exc_group_str(self);
  if (type_is_subtype(t, &Exc_KeyError)) return keyerror_str(self);
  if (type_is_subtype(t, &Exc_OSError)) return oserror_str(self);
  if (type_is_subtype(t, &Exc_SyntaxError)) return syntaxerror_str(self);
  if (type_is_subtype(t, &Exc_ImportError)) return importerror_str(self);
  if (type_is_subtype(t, &Exc_UnicodeDecodeError) || type_is_subtype(t, &Exc_UnicodeEncodeError))
    return unicodeerror_str(self);
  return base_str(self);
}

static Value exc_tp_repr(Value self) {
  Value args = AS(ExceptionObject, self)->args;
  const char *name = type_name(val_type(self));
  if (!args || TUPLE_LEN(args) == 0) return err_format("%s()", name);
  if (TUPLE_LEN(args) == 1) return err_format("%s(%R)", name, TUPLE_ITEMS(args)[0]);
  return err_format("%s%R", name, args);
}

/* ---- methods and attributes -------------------------------------------- */

static Value m_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!val_is_exception(self))
    return err_set(&Exc_TypeError, "descriptor '__init__' requires a 'BaseException' object but received a '%T'", self);
  if (exc_tp_init(self, args, nargs, kwnames) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value m_str(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__str__", nargs, 0, 0)) return VAL_NULL;
  return exc_tp_str(self);
}

static Value m_repr(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__repr__", nargs, 0, 0)) return VAL_NULL;
  return exc_tp_repr(self);
}

static int set_traceback(Value self, Value v) {
  if (!v) return ERR_INT(err_set(&Exc_TypeError, "__traceback__ may not be deleted"));
  if (v != VAL_NONE && val_type(v) != &TracebackType)
    return ERR_INT(err_set(&Exc_TypeError, "__traceback__ must be a traceback or None"));
  AS(ExceptionObject, self)->traceback = v == VAL_NONE ? VAL_NULL : v;
  return 0;
}

static Value m_with_traceback(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("with_traceback", nargs, 1, 1)) return VAL_NULL;
  if (set_traceback(self, args[0]) < 0) return VAL_NULL;
  return self;
}

static Value m_add_note(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("add_note", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0]))
    return err_set(&Exc_TypeError, "note must be a str, not '%T'", args[0]);
  ExceptionObject *e = AS(ExceptionObject, self);
  Value notes = dict_get_cstr(ensure_dict(e), "__notes__");
  if (!notes) {
    notes = list_new(0);
    dict_set_cstr(e->dict, "__notes__", notes);
  }
  if (!val_is_list(notes)) return err_set(&Exc_TypeError, "Cannot add note: __notes__ is not a list");
  if (list_append(notes, args[0]) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value g_args(Value self) { return AS(ExceptionObject, self)->args ? AS(ExceptionObject, self)->args : tuple_new(0); }
static int s_args(Value self, Value v) {
  if (!v) return ERR_INT(err_set(&Exc_TypeError, "args may not be deleted"));
  Value t = tuple_from_iterable(v);
  if (!t) return -1;
  AS(ExceptionObject, self)->args = t;
  return 0;
}
static Value g_traceback(Value self) {
  Value tb = AS(ExceptionObject, self)->traceback;
  return tb ? tb : VAL_NONE;
}
static Value g_cause(Value self) {
  Value c = AS(ExceptionObject, self)->cause;
  return c ? c : VAL_NONE;
}
static int s_cause(Value self, Value v) {
  if (!v) return ERR_INT(err_set(&Exc_TypeError, "__cause__ may not be deleted"));
  if (v != VAL_NONE && !val_is_exception(v))
    return ERR_INT(err_set(&Exc_TypeError, "exception cause must be None or derive from BaseException"));
  AS(ExceptionObject, self)->cause = v == VAL_NONE ? VAL_NULL : v;
  AS(ExceptionObject, self)->suppress_context = true;
  return 0;
}
static Value g_context(Value self) {
  Value c = AS(ExceptionObject, self)->context;
  return c ? c : VAL_NONE;
}
static int s_context(Value self, Value v) {
  if (!v) return ERR_INT(err_set(&Exc_TypeError, "__context__ may not be deleted"));
  if (v != VAL_NONE && !val_is_exception(v))
    return ERR_INT(err_set(&Exc_TypeError, "exception context must be None or derive from BaseException"));
  AS(ExceptionObject, self)->context = v == VAL_NONE ? VAL_NULL : v;
  return 0;
}
static Value g_suppress(Value self) { return val_bool(AS(ExceptionObject, self)->suppress_context); }
static int s_suppress(Value self, Value v) {
  if (!v) return ERR_INT(err_set(&Exc_TypeError, "__suppress_context__ may not be deleted"));
  int b = obj_truthy(v);
  if (b < 0) return -1;
  AS(ExceptionObject, self)->suppress_context = b;
  return 0;
}
static Value g_dict(Value self) { return ensure_dict(AS(ExceptionObject, self)); }

static const NativeDef exc_methods[] = {
    {"__init__", m_init, NATIVE_METHOD, NULL},
    {"__str__", m_str, NATIVE_METHOD, NULL},
    {"__repr__", m_repr, NATIVE_METHOD, NULL},
    {"with_traceback", m_with_traceback, NATIVE_METHOD, NULL},
    {"add_note", m_add_note, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef exc_getsets[] = {
    {"args", g_args, s_args},
    {"__traceback__", g_traceback, set_traceback},
    {"__cause__", g_cause, s_cause},
    {"__context__", g_context, s_context},
    {"__suppress_context__", g_suppress, s_suppress},
    {"__dict__", g_dict, NULL},
    {NULL, NULL, NULL},
};

static void exc_trace(Object *o) {
  ExceptionObject *e = (ExceptionObject *)o;
  gc_mark(e->dict);
  gc_mark(e->args);
  gc_mark(e->traceback);
  gc_mark(e->cause);
  gc_mark(e->context);
  gc_mark(e->notes);
}

static Hash exc_hash(Value v) {
  Hash h = (Hash)((uintptr_t)v >> 4);
  return h == -1 ? -2 : h;
}

/* ---- the type objects -------------------------------------------------- */

#define Exc_Object ObjectType
#define X(n, b)                                                                              \
  TypeObject Exc_##n = {                                                                     \
      STATIC_OBJECT_HEADER(&TypeType),                                                       \
      .name = #n,                                                                            \
      .base_type = &Exc_##b,                                                                 \
      .instance_size = sizeof(ExceptionObject),                                              \
      .dict_offset = offsetof(ExceptionObject, dict),                                        \
      .flags = TP_BASETYPE | TP_HAS_DICT | TP_EXC_SUBCLASS,                                  \
      .tp_new = exc_tp_new,                                                                  \
      .tp_init = exc_tp_init,                                                                \
      .trace = exc_trace,                                                                    \
      .repr = exc_tp_repr,                                                                   \
      .str = exc_tp_str,                                                                     \
      .hash = exc_hash,                                                                      \
      .methods = exc_methods,                                                                \
      .getsets = exc_getsets,                                                                \
  };
EXCEPTION_LIST(X)
#undef X
#undef Exc_Object

static TypeObject *const all_exc_types[] = {
#define X(n, b) &Exc_##n,
    EXCEPTION_LIST(X)
#undef X
    NULL,
};

/* Visits every builtin exception type, base classes first (the list's order). */
void exc_foreach_type(void (*fn)(TypeObject *t, void *ctx), void *ctx) {
  for (int i = 0; all_exc_types[i]; i++) fn(all_exc_types[i], ctx);
  fn(&Exc_BaseExceptionGroup, ctx);
  fn(&Exc_ExceptionGroup, ctx);
}

void exc_types_init(void) {
  for (int i = 0; all_exc_types[i]; i++) {
    /* Only the root carries the method table; subclasses inherit it. */
    if (all_exc_types[i] != &Exc_BaseException) {
      all_exc_types[i]->methods = NULL;
      all_exc_types[i]->getsets = NULL;
    }
    type_ready(all_exc_types[i]);
  }
  type_ready(&TracebackType);
  exc_group_types_init();
}
