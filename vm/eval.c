/* eval.c — the bytecode dispatch loop.
 *
 * One loop, written once; GILPY_COMPUTED_GOTO selects computed-goto
 * dispatch, otherwise a switch.  Opcodes the loop does not handle trap
 * with a SystemError.
 *
 * Calls between Python functions do not recurse in C: CALL pushes the
 * callee's frame (frame.c's per-thread stack) and the loop continues in
 * it; RETURN_VALUE pops back into the caller.  Only natives calling back
 * into Python (obj_call -> eval_call_function), generator resumption and
 * module/class bodies start a new C invocation (eval_run_frame), whose
 * first frame is marked FRAME_ENTRY.  ts->recursion_depth counts Python
 * frames against recursion_limit; ts->c_depth and a stack-address check
 * bound the C recursion, so runaway recursion of either kind ends in
 * RecursionError, never a crash.
 *
 * THE RULE FOR HOT STATE: ip, sp and the frame's pointers live in C locals.
 * The GC traces each frame's value stack from its base up to frame->sp,
 * and tracebacks read frame->ip, so SAVE() (which stores ip and sp into
 * the frame) must run before anything that can call out, raise, allocate
 * into a collection, or reach a safe point: every slow path below starts
 * with SAVE().  A value popped off the stack but still needed across such
 * a call must stay in a C local (the C stack is scanned conservatively).
 * Only the pure fast paths (locals, constants, tagged-int arithmetic,
 * jumps) skip it.  LOAD() reloads the locals after the frame changes.
 *
 * Exceptions: a failing instruction jumps to `error`, which adds this
 * frame's traceback entry and chains __context__, then `unwind` pops the
 * innermost handler block (pushing [prev_exc, exc], see opcodes.h) or
 * leaves the frame, continuing the search in the caller.  RERAISE and a
 * bare `raise` go straight to `unwind` so that no second entry is added.
 */
#define _GNU_SOURCE
#include "vm/eval.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/type.h"
#include "vm/except_star.h"
#include "vm/frame.h"
#include "vm/func.h"
#include "vm/gil.h"
#include "vm/match.h"

/* ---- C stack guard ------------------------------------------------------- */

/* Lowest usable address of this thread's stack plus a safety margin,
 * computed once per thread. */
static _Thread_local char *c_stack_limit;
enum { C_STACK_MARGIN = 256 * 1024, C_DEPTH_MAX = 3000 };

static char *compute_stack_limit(void) {
  pthread_attr_t attr;
  void *addr = NULL;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  if (!addr || size <= 2 * C_STACK_MARGIN) /* unknown: assume a modest stack below us */
    return (char *)__builtin_frame_address(0) - 512 * 1024;
  return (char *)addr + C_STACK_MARGIN;
}

/* Called on every C entry into the loop.  -1 with RecursionError set. */
static int enter_c_level(ThreadState *ts) {
  char here;
  if (!c_stack_limit) c_stack_limit = compute_stack_limit();
  if (ts->c_depth >= C_DEPTH_MAX || &here < c_stack_limit) {
    err_set(&Exc_RecursionError, "maximum recursion depth exceeded while calling a Python object");
    return -1;
  }
  ts->c_depth++;
  return 0;
}

static Value recursion_error(void) {
  return err_set(&Exc_RecursionError, "maximum recursion depth exceeded");
}

/* ---- helpers ------------------------------------------------------------- */

void frame_trace_chain(struct Frame *f) {
  for (; f; f = f->back) frame_trace(f);
}

Value eval_current_globals(void) {
  ThreadState *ts = ts_current;
  return ts && ts->frame ? ts->frame->globals : VAL_NULL;
}

Value eval_current_locals(void) {
  ThreadState *ts = ts_current;
  if (!ts || !ts->frame) return err_set(&Exc_SystemError, "no current frame");
  Frame *f = ts->frame;
  if (f->locals) return f->locals;
  Value d = dict_new();
  if (!d) return VAL_NULL;
  CodeObject *co = f->code;
  for (int32_t i = 0; i < co->nlocals; i++) {
    str_escape(f->localsplus[i]); /* the dict shares it now */
    if (f->localsplus[i] && dict_set(d, TUPLE_ITEMS(co->varnames)[i], f->localsplus[i]) < 0) return VAL_NULL;
  }
  for (int32_t i = 0; i < co->ncellvars + co->nfreevars; i++) {
    Value cell = f->localsplus[co->nlocals + i];
    if (!cell || !AS(CellObject, cell)->value) continue;
    Value name = i < co->ncellvars ? TUPLE_ITEMS(co->cellvars)[i] : TUPLE_ITEMS(co->freevars)[i - co->ncellvars];
    if (dict_set(d, name, AS(CellObject, cell)->value) < 0) return VAL_NULL;
  }
  return d;
}

int eval_handle_breaker(void) {
  uint32_t bits = atomic_load(&eval_breaker);
  if (bits & EB_GC) gc_safepoint(); /* collects and clears EB_GC */
  /* Another thread wants the GIL (or, for a non-main thread, a signal
   * waits for the main thread to run): hand the lock over. */
  if ((bits & EB_GIL_DROP) || ((bits & (EB_SIGNALS | EB_PENDING)) && ts_current != ts_all))
    gil_yield(ts_current);
  if (bits & EB_SIGNALS) {
    if (eval_run_pending_signals() < 0) return -1;
  }
  if (bits & EB_PENDING) {
    if (gil_run_pending_calls() < 0) return -1;
  }
  if (bits & EB_ASYNC_EXC) eval_breaker_clear(EB_ASYNC_EXC); /* none are injected yet */
#ifdef GILPY_GC_STRESS
  gc_safepoint();
#endif
  return 0;
}

/* Sets exc.__context__ = ctx unless that would make a cycle (CPython's
 * _PyErr_SetObject rule: cut the chain where exc already appears). */
static void chain_context(Value exc, Value ctx) {
  if (!ctx || ctx == exc || !val_is_exception(exc) || !val_is_exception(ctx)) return;
  Value o = ctx;
  while (o) {
    ExceptionObject *eo = AS(ExceptionObject, o);
    if (eo->context == exc) {
      eo->context = VAL_NULL;
      break;
    }
    o = eo->context;
  }
  AS(ExceptionObject, exc)->context = ctx;
}

/* Makes an exception instance from `raise X`'s operand; VAL_NULL + error. */
static Value make_exception(Value v, bool is_cause) {
  if (val_is_obj(v) && v->type->flags & TP_TYPE_SUBCLASS && (AS(TypeObject, v)->flags & TP_EXC_SUBCLASS)) {
    Value e = obj_call0(v);
    if (!e) return VAL_NULL;
    if (!val_is_exception(e))
      return err_set(&Exc_TypeError, "calling %R should have returned an instance of BaseException, not %T", v, e);
    return e;
  }
  if (val_is_exception(v)) return v;
  if (is_cause) return err_set(&Exc_TypeError, "exception causes must derive from BaseException");
  return err_set(&Exc_TypeError, "exceptions must derive from BaseException");
}

static Value exc_value_of_stop(Value exc) {
  Value args = AS(ExceptionObject, exc)->args;
  if (args && val_is_tuple(args) && TUPLE_LEN(args) > 0) return TUPLE_ITEMS(args)[0];
  return VAL_NONE;
}

static Value name_error(StrObject *name) {
  err_set(&Exc_NameError, "name '%U' is not defined", (Value)name);
  /* .name lets the traceback printer suggest a close name, as 3.11 does. */
  Value exc = err_peek();
  if (exc && obj_setattr(exc, NAME(name), (Value)name) < 0) err_set_value(exc);
  return VAL_NULL;
}

static Value unbound_local(CodeObject *co, uint32_t i) {
  return err_set(&Exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
                 TUPLE_ITEMS(co->varnames)[i]);
}

static Value unbound_deref(CodeObject *co, uint32_t i) {
  if ((int32_t)i < co->ncellvars)
    return err_set(&Exc_UnboundLocalError,
                   "cannot access local variable '%U' where it is not associated with a value",
                   TUPLE_ITEMS(co->cellvars)[i]);
  return err_set(&Exc_NameError,
                 "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                 TUPLE_ITEMS(co->freevars)[i - (uint32_t)co->ncellvars]);
}

/* Lookup in a namespace that may be any mapping: VAL_NULL with no error
 * when missing. */
static Value ns_get(Value ns, StrObject *name) {
  if (val_is_obj(ns) && ns->type == &DictType) return dict_get_str(ns, name);
  Value v = obj_getitem(ns, (Value)name);
  if (!v && err_matches(&Exc_KeyError)) err_clear();
  return v;
}

static Value load_builtin_build_class(Frame *f) {
  Value bc = dict_get_str(f->builtins, NAME(__build_class__));
  if (!bc) return err_set(&Exc_NameError, "__build_class__ not found");
  return bc;
}

static Value build_slice(Value *items, int n) {
  return slice_new(items[0], items[1], n == 3 ? items[2] : VAL_NULL);
}

/* `import name`: IMPORT_NAME's work. */
static Value do_import(Frame *f, Value name, Value fromlist, Value level) {
  int lvl = val_is_int(level) ? (int)val_int(level) : 0;
  return import_module(name, f->globals, fromlist, lvl);
}

static int import_star(Frame *f, Value module) {
  Value ns = f->locals ? f->locals : f->globals;
  Value all = obj_getattr_opt(module, NAME(__all__));
  if (!all && err_occurred()) return -1;
  if (all) {
    Value it = obj_iter(all);
    if (!it) return -1;
    Value name;
    while ((name = obj_next(it))) {
      if (!val_is_str(name)) {
        return ERR_INT(err_set(&Exc_TypeError, "Item in %U.__all__ must be str, not %T",
                               obj_getattr_opt(module, NAME(__name__)), name));
      }
      Value v = obj_getattr(module, str_intern(name));
      if (!v || obj_setitem(ns, name, v) < 0) return -1;
    }
    return err_occurred() ? -1 : 0;
  }
  Value *dp = obj_dict_ptr(module);
  Value md = dp ? *dp : VAL_NULL;
  if (!md && val_is_obj(module) && module->type == &ModuleType) md = module_dict(module);
  if (!md || !val_is_dict(md))
    return ERR_INT(err_set(&Exc_ImportError, "from-import-* object has no __dict__ and no __all__"));
  ssize_t pos = 0;
  Value k, v;
  while (dict_next(md, &pos, &k, &v)) {
    if (val_is_str(k) && str_cstr(k)[0] == '_') continue;
    if (obj_setitem(ns, k, v) < 0) return -1;
  }
  return 0;
}

static int print_expr(Value v) {
  Value hook = sys_module ? obj_getattr_cstr(sys_module, "displayhook") : VAL_NULL;
  if (hook) return obj_call1(hook, v) ? 0 : -1;
  err_clear();
  if (v == VAL_NONE) return 0;
  Value r = obj_repr(v);
  if (!r) return -1;
  fwrite(str_cstr(r), 1, (size_t)str_len_bytes(r), stdout);
  fputc('\n', stdout);
  return 0;
}

static Value format_value(Value v, int conv, Value spec) {
  switch (conv) {
    case 1: v = obj_str(v); break;
    case 2: v = obj_repr(v); break;
    case 3: v = obj_ascii(v); break;
    default: break;
  }
  if (!v) return VAL_NULL;
  if (!spec && val_is_obj(v) && v->type == &StrType) return v;
  if (!spec) spec = str_new("", 0);
  if (!spec) return VAL_NULL;
  return obj_format(v, spec);
}

/* UNPACK_SEQUENCE n: writes items so that item 1 ends on top. */
/* Doubles hold every integer up to 2**53 exactly. */
#define EXACT_DBL_INT ((intptr_t)1 << 53)

/* float_new, inlined into the loop (the allocation fast path of gc.h). */
static inline Value fast_float(double d) {
  FloatObject *f = (FloatObject *)gc_alloc_uninit(&FloatType, sizeof(FloatObject));
  f->value = d;
  return (Value)f;
}

static int unpack_sequence(Value seq, uint32_t n, Value *dst) {
  if (val_is_obj(seq) && (seq->type == &TupleType || seq->type == &ListType)) {
    ssize_t len = seq->type == &TupleType ? TUPLE_LEN(seq) : LIST_LEN(seq);
    Value *items = seq->type == &TupleType ? TUPLE_ITEMS(seq) : LIST_ITEMS(seq);
    if (len == (ssize_t)n) {
      for (uint32_t i = 0; i < n; i++) dst[n - 1 - i] = items[i];
      return 0;
    }
    if (len < (ssize_t)n)
      return ERR_INT(err_set(&Exc_ValueError, "not enough values to unpack (expected %d, got %zd)", (int)n, len));
    return ERR_INT(err_set(&Exc_ValueError, "too many values to unpack (expected %d)", (int)n));
  }
  Value it = obj_iter(seq);
  if (!it) {
    if (err_matches(&Exc_TypeError) && !val_type(seq)->iter && !val_type(seq)->getitem) {
      err_clear();
      err_set(&Exc_TypeError, "cannot unpack non-iterable %T object", seq);
    }
    return -1;
  }
  for (uint32_t i = 0; i < n; i++) {
    Value v = obj_next(it);
    if (!v) {
      if (err_occurred()) return -1;
      return ERR_INT(err_set(&Exc_ValueError, "not enough values to unpack (expected %d, got %d)", (int)n, (int)i));
    }
    dst[n - 1 - i] = v;
  }
  Value extra = obj_next(it);
  if (extra) return ERR_INT(err_set(&Exc_ValueError, "too many values to unpack (expected %d)", (int)n));
  return err_occurred() ? -1 : 0;
}

/* UNPACK_EX: before items, a list, after items; item 1 ends on top. */
static int unpack_ex(Value seq, uint32_t before, uint32_t after, Value *dst) {
  Value it = obj_iter(seq);
  if (!it) {
    if (err_matches(&Exc_TypeError) && !val_type(seq)->iter && !val_type(seq)->getitem) {
      err_clear();
      err_set(&Exc_TypeError, "cannot unpack non-iterable %T object", seq);
    }
    return -1;
  }
  uint32_t total = before + after + 1;
  for (uint32_t i = 0; i < before; i++) {
    Value v = obj_next(it);
    if (!v) {
      if (err_occurred()) return -1;
      return ERR_INT(err_set(&Exc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                             (int)(before + after), (int)i));
    }
    dst[total - 1 - i] = v;
  }
  Value rest = list_from_iterable(it);
  if (!rest) return -1;
  ssize_t n = LIST_LEN(rest);
  if (n < (ssize_t)after)
    return ERR_INT(err_set(&Exc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                           (int)(before + after), (ssize_t)before + n));
  for (uint32_t i = 0; i < after; i++) dst[after - 1 - i] = LIST_ITEMS(rest)[n - after + i];
  AS(ListObject, rest)->len = n - after;
  dst[after] = rest;
  return 0;
}

/* CHECK_EXC_MATCH's test; -1 on a bad `except` operand. */
static int exc_matches(Value exc, Value t) {
  if (val_is_tuple(t)) {
    for (ssize_t i = 0; i < TUPLE_LEN(t); i++) {
      int r = exc_matches(exc, TUPLE_ITEMS(t)[i]);
      if (r) return r;
    }
    return 0;
  }
  if (!(val_is_obj(t) && (t->type->flags & TP_TYPE_SUBCLASS) && (AS(TypeObject, t)->flags & TP_EXC_SUBCLASS)))
    return ERR_INT(err_set(&Exc_TypeError, "catching classes that do not inherit from BaseException is not allowed"));
  return type_is_subtype(val_type(exc), AS(TypeObject, t));
}

/* Binds an attribute found on the type (descriptor protocol). */
static Value bind_descr(Value attr, Value obj) {
  TypeObject *t = val_type(attr);
  if (t->descr_get) return t->descr_get(attr, obj, (Value)val_type(obj));
  return attr;
}

static Value special_lookup(Value obj, StrObject *name) {
  Value a = type_lookup(val_type(obj), name);
  if (!a) return VAL_NULL;
  return bind_descr(a, obj);
}

/* Function name for call errors: "f()" style, as CPython's _PyObject_FunctionStr. */
static Value func_str(Value f) {
  if (val_is_function(f)) {
    FunctionObject *fn = AS(FunctionObject, f);
    if (fn->module && val_is_str(fn->module) && strcmp(str_cstr(fn->module), "builtins") != 0)
      return str_printf("%U.%U()", fn->module, fn->qualname);
    return str_printf("%U()", fn->qualname);
  }
  Value q = obj_getattr_opt(f, NAME(__qualname__));
  err_clear();
  if (q && val_is_str(q)) return str_printf("%U()", q);
  return str_printf("%T object", f);
}

/* Flattens CALL_FUNCTION_EX's (tuple, dict) into a vectorcall and calls. */
static Value call_ex(Value func, Value args, Value kwargs) {
  if (!val_is_tuple(args)) {
    if (!val_type(args)->iter && !val_type(args)->getitem) {
      Value fs = func_str(func);
      return err_set(&Exc_TypeError, "%U argument after * must be an iterable, not %T", fs, args);
    }
    args = tuple_from_iterable(args);
    if (!args) return VAL_NULL;
  }
  if (!kwargs || DICT_LEN(kwargs) == 0) return obj_call(func, TUPLE_ITEMS(args), (size_t)TUPLE_LEN(args), NULL);
  if (!val_is_dict(kwargs)) return obj_call_tuple_dict(func, args, kwargs);
  ssize_t na = TUPLE_LEN(args), nk = DICT_LEN(kwargs);
  Value names = tuple_new(nk);
  if (!names) return VAL_NULL;
  Value stackbuf[16];
  Value *all = stackbuf;
  Value holder = VAL_NULL;
  if (na + nk > 16) {
    holder = list_new(na + nk);
    if (!holder) return VAL_NULL;
    all = LIST_ITEMS(holder);
  }
  memcpy(all, TUPLE_ITEMS(args), (size_t)na * sizeof(Value));
  ssize_t pos = 0, i = 0;
  Value k, v;
  while (dict_next(kwargs, &pos, &k, &v) && i < nk) {
    if (!val_is_str(k)) {
      Value fs = func_str(func);
      return err_set(&Exc_TypeError, "%U keywords must be strings", fs);
    }
    TUPLE_ITEMS(names)[i] = (Value)str_intern(k);
    all[na + i] = v;
    i++;
  }
  Value r = obj_call(func, all, (size_t)na, AS(TupleObject, names));
  (void)holder;
  return r;
}

static int dict_merge_op(Value dict, Value update, Value func) {
  if (!val_is_dict(update)) {
    Value keys = obj_getattr_opt(update, NAME(keys));
    if (!keys) {
      if (err_occurred()) err_clear();
      Value fs = func_str(func);
      return ERR_INT(err_set(&Exc_TypeError, "%U argument after ** must be a mapping, not %T", fs, update));
    }
    Value it = obj_iter(obj_call0(keys));
    if (!it) return -1;
    Value k;
    while ((k = obj_next(it))) {
      int c = dict_contains(dict, k);
      if (c < 0) return -1;
      if (c) {
        Value fs = func_str(func);
        return ERR_INT(err_set(&Exc_TypeError, "%U got multiple values for keyword argument '%S'", fs, k));
      }
      Value v = obj_getitem(update, k);
      if (!v || dict_set(dict, k, v) < 0) return -1;
    }
    return err_occurred() ? -1 : 0;
  }
  ssize_t pos = 0;
  Value k, v;
  while (dict_next(update, &pos, &k, &v)) {
    int c = dict_contains(dict, k);
    if (c < 0) return -1;
    if (c) {
      Value fs = func_str(func);
      if (!val_is_str(k)) return ERR_INT(err_set(&Exc_TypeError, "%U keywords must be strings", fs));
      return ERR_INT(err_set(&Exc_TypeError, "%U got multiple values for keyword argument '%U'", fs, k));
    }
    if (dict_set(dict, k, v) < 0) return -1;
  }
  return 0;
}

static int dict_update_op(Value dict, Value update) {
  if (val_is_dict(update)) return dict_update(dict, update);
  int has = obj_hasattr(update, NAME(keys));
  if (has < 0) return -1;
  if (!has) return ERR_INT(err_set(&Exc_TypeError, "'%T' object is not a mapping", update));
  return dict_update(dict, update);
}

static int list_extend_op(Value list, Value it) {
  if (!val_type(it)->iter && !val_type(it)->getitem) {
    return ERR_INT(err_set(&Exc_TypeError, "Value after * must be an iterable, not %T", it));
  }
  return list_extend(list, it);
}

/* SETUP_WITH / BEFORE_ASYNC_WITH: looks up enter and exit. */
static int with_lookup(Value mgr, bool async, Value *enter, Value *exit) {
  StrObject *en = async ? NAME(__aenter__) : NAME(__enter__);
  StrObject *ex = async ? NAME(__aexit__) : NAME(__exit__);
  Value e = special_lookup(mgr, en);
  if (!e) {
    if (err_occurred()) return -1;
    return ERR_INT(err_set(&Exc_TypeError, async ? "'%T' object does not support the asynchronous context manager protocol"
                                                 : "'%T' object does not support the context manager protocol", mgr));
  }
  Value x = special_lookup(mgr, ex);
  if (!x) {
    if (err_occurred()) return -1;
    return ERR_INT(err_set(&Exc_TypeError,
                           async ? "'%T' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                                 : "'%T' object does not support the context manager protocol (missed __exit__ method)",
                           mgr));
  }
  *enter = e;
  *exit = x;
  return 0;
}

/* ---- attribute caches ---------------------------------------------------- */

/* LOAD_ATTR / LOAD_METHOD / STORE_ATTR cache entries: key identifies
 * (type, version); value is either the plain function found in the type's
 * dict (LOAD_METHOD; an aligned pointer, low bits 0) or
 * CACHE_INSTANCE_DICT | hint << 3: "the type has no attribute of that
 * name: use the instance dict", with the entry index where the name was
 * last found (instances of one class usually share their dicts' layout). */
#define CACHE_INSTANCE_DICT ((uintptr_t)1)
#define CACHE_IS_INSTANCE(v) (((v) & 7) == CACHE_INSTANCE_DICT)

/* Looks name up in an exact dict, trying the entry at *hint first and
 * refreshing the hint after a slow lookup.  VAL_NULL if absent (no error). */
static inline Value dict_get_hinted(Value d, StrObject *name, uintptr_t *hint) {
  DictObject *dd = AS(DictObject, d);
  uintptr_t h = *hint;
  if ((ssize_t)h < dd->nentries && dd->entries[h].key == (Value)name) return dd->entries[h].value;
  Value v = dict_get_str(d, name);
  if (v && dd->nentries <= 256) {
    for (ssize_t i = 0; i < dd->nentries; i++) {
      if (dd->entries[i].key == (Value)name) {
        *hint = (uintptr_t)i;
        break;
      }
    }
  }
  return v;
}

static inline uint64_t type_cache_key(TypeObject *t) {
  return ((uint64_t)(uintptr_t)t << 20) ^ (uint64_t)t->version;
}

static inline bool generic_attr_type(TypeObject *t) {
  return t->version != 0 && (t->getattr == NULL || t->getattr == generic_getattr);
}

static inline Value instance_dict(Value obj, TypeObject *t) {
  if (!t->dict_offset) return VAL_NULL;
  return *(Value *)((char *)obj + t->dict_offset);
}

static inline Value dict_lookup_fast(Value d, StrObject *name) {
  if (!d || d->type != &DictType) return VAL_NULL;
  return dict_get_str(d, name);
}

/* A reference to an object with a Python-level finalizer (a suspended
 * generator, an instance with __del__) was just dropped: CPython would
 * finalize it now if that was the last reference, so collect at once
 * (after `del x`) or at the next safe point (after a rebinding). */
static inline bool needs_del(Value v) { return val_is_obj(v) && (v->gc_flags & GC_NEEDS_DEL); }

/* ADD_TO_FAST's oparg bit for `+` (IADD_TO_FAST is `+=`); locals are far fewer. */
#define ADD_TO_FAST_PLAIN (1u << 30)

/* x + y (or x += y) for ADD_TO_FAST, past the small-int case: floats as
 * BINARY_OP does them, two strs through str_add_to_local. */
static Value add_for_local(Value a, Value b, bool inplace) {
  if (val_is_obj(a) && val_is_obj(b) && a->type == &StrType && b->type == &StrType) return str_add_to_local(a, b);
  if ((val_is_float(a) || val_is_int(a)) && (val_is_float(b) || val_is_int(b)) && !(val_is_int(a) && val_is_int(b))) {
    double x = val_is_int(a) ? (double)val_int(a) : float_value(a);
    double y = val_is_int(b) ? (double)val_int(b) : float_value(b);
    return fast_float(x + y);
  }
  return inplace ? obj_inplace(a, b, BINOP_ADD) : obj_binop(a, b, BINOP_ADD);
}

/* Zeroes the C stack below the caller, where frames of calls that have
 * returned left stale pointers: the conservative scan would otherwise keep
 * the dropped object alive (Boehm's GC_clear_stack idea). */
static __attribute__((noinline)) void clear_dead_stack(void) {
  char buf[32768];
  memset(buf, 0, sizeof buf);
  __asm__ volatile("" : : "r"(buf) : "memory");
}

static int loop_safepoint(ThreadState *ts);

/* explicit: a `del` statement, which always collects; other drops (a call's
 * discarded argument or result) go through the collector's back-off. */
static __attribute__((noinline)) int collect_dropped(bool explicit) {
  if (explicit) gc_request_collection_now();
  else gc_request_collection();
  /* The collector's back-off may have declined: then there is nothing to
   * prepare (clearing the dead stack costs a 32 KiB memset per drop). */
  if (!(atomic_load_explicit(&eval_breaker, memory_order_relaxed) & EB_GC)) return 0;
  clear_dead_stack();
  return loop_safepoint(ts_current);
}

/* ---- the loop ------------------------------------------------------------ */

#define HANDLED_OPS(X)                                                                                \
  X(NOP) X(POP_TOP) X(PUSH_NULL) X(COPY) X(SWAP) X(LOAD_CONST) X(LOAD_FAST) X(STORE_FAST)             \
  X(LOAD_FAST_ESC) X(ADD_TO_FAST) X(IADD_TO_FAST)                                                     \
  X(DELETE_FAST) X(LOAD_DEREF) X(STORE_DEREF) X(DELETE_DEREF) X(LOAD_CLOSURE) X(LOAD_CLASSDEREF)     \
  X(LOAD_NAME) X(STORE_NAME) X(DELETE_NAME) X(LOAD_GLOBAL) X(STORE_GLOBAL) X(DELETE_GLOBAL)          \
  X(LOAD_ATTR) X(STORE_ATTR) X(DELETE_ATTR) X(LOAD_METHOD) X(CALL) X(KW_NAMES) X(CALL_FUNCTION_EX)   \
  X(BINARY_OP) X(UNARY_NEGATIVE) X(UNARY_POSITIVE) X(UNARY_NOT) X(UNARY_INVERT) X(COMPARE_OP)        \
  X(IS_OP) X(CONTAINS_OP) X(BINARY_SUBSCR) X(STORE_SUBSCR) X(DELETE_SUBSCR) X(BUILD_SLICE)           \
  X(BUILD_TUPLE) X(BUILD_LIST) X(BUILD_SET) X(BUILD_MAP) X(BUILD_STRING) X(LIST_APPEND) X(SET_ADD)   \
  X(MAP_ADD) X(LIST_EXTEND) X(SET_UPDATE) X(DICT_UPDATE) X(DICT_MERGE) X(LIST_TO_TUPLE)              \
  X(UNPACK_SEQUENCE) X(UNPACK_EX) X(FORMAT_VALUE) X(JUMP) X(JUMP_BACKWARD) X(POP_JUMP_IF_FALSE)      \
  X(POP_JUMP_IF_TRUE) X(POP_JUMP_IF_NONE) X(POP_JUMP_IF_NOT_NONE) X(JUMP_IF_FALSE_OR_POP)            \
  X(JUMP_IF_TRUE_OR_POP) X(GET_ITER) X(FOR_ITER) X(RETURN_VALUE) X(SETUP_FINALLY) X(SETUP_CLEANUP)   \
  X(SETUP_WITH) X(POP_BLOCK) X(POP_EXCEPT) X(RERAISE) X(RAISE_VARARGS) X(CHECK_EXC_MATCH)            \
  X(CHECK_EG_MATCH) X(PREP_RERAISE_STAR)                                                               \
  X(WITH_EXCEPT_START) X(LOAD_ASSERTION_ERROR) X(LOAD_BUILD_CLASS) X(MAKE_FUNCTION)                  \
  X(SETUP_ANNOTATIONS) X(IMPORT_NAME) X(IMPORT_FROM) X(IMPORT_STAR) X(YIELD_VALUE) X(RESUME)         \
  X(RETURN_GENERATOR) X(GET_YIELD_FROM_ITER) X(SEND) X(GET_AWAITABLE) X(GET_AITER) X(GET_ANEXT)      \
  X(END_ASYNC_FOR) X(BEFORE_ASYNC_WITH) X(SETUP_ASYNC_WITH) X(ASYNC_GEN_WRAP) X(PRINT_EXPR)          \
  X(LOAD_LOCALS) X(GET_LEN) X(MATCH_SEQUENCE) X(MATCH_MAPPING) X(MATCH_KEYS) X(MATCH_CLASS)

#define SAVE() (f->ip = ip, f->sp = sp)
#define LOAD()                                \
  do {                                        \
    co = f->code;                             \
    code = co->code;                          \
    ip = f->ip;                               \
    sp = f->sp;                               \
    lp = f->localsplus;                       \
    consts = TUPLE_ITEMS(co->consts);         \
    names = TUPLE_ITEMS(co->names);           \
  } while (0)

/* Enters a handler block whose handler unwinds the value stack to `level`. */
#define PUSH_BLOCK(handler, level) \
  (frame_blocks_at(lp, co)[f->nblocks++] = (Block){(int32_t)(handler), (int32_t)((level) - lp)})
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(ptrdiff_t)(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define NAMEARG ((StrObject *)names[oparg])
#define DROPPED(v, explicit)                                                \
  do {                                                                      \
    if (needs_del(v)) {                                                     \
      v = VAL_NULL;                                                         \
      SAVE();                                                               \
      if (collect_dropped(explicit) < 0) goto error;                        \
    }                                                                       \
  } while (0)
#define DROPPED_NOW(v) DROPPED(v, true)
#define CHECK_BREAKER()                                                     \
  do {                                                                      \
    if (atomic_load_explicit(&eval_breaker, memory_order_relaxed)) {        \
      SAVE();                                                               \
      if (loop_safepoint(ts) < 0) goto error;                               \
    }                                                                       \
  } while (0)

#ifdef GILPY_GC_STRESS
#undef CHECK_BREAKER
#define CHECK_BREAKER()                                                     \
  do {                                                                      \
    SAVE();                                                                 \
    if (loop_safepoint(ts) < 0) goto error;                                 \
  } while (0)
#endif

#ifdef GILPY_COMPUTED_GOTO
#define TARGET(op) L_##op:
#define DISPATCH()                              \
  do {                                          \
    Instr in_ = code[ip++];                     \
    oparg = INSTR_ARG(in_);                     \
    goto *dispatch_table[INSTR_OP(in_)];        \
  } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH() goto dispatch
#endif

/* Pushes the frame of a call to a Python function; NULL with an error.
 * Inlined at both call sites: it is most of a Python call's cost. */
static inline __attribute__((always_inline)) Frame *push_call_frame(ThreadState *ts, FunctionObject *fn, Value *args,
                                                                   size_t nargs, TupleObject *kwnames, bool from_c) {
  if (ts->recursion_depth >= recursion_limit) {
    /* CPython words it by where the limit is hit: a call made from C code
     * (a slot, a builtin) or a plain Python-to-Python call. */
    if (from_c) err_set(&Exc_RecursionError, "maximum recursion depth exceeded while calling a Python object");
    else recursion_error();
    return NULL;
  }
  CodeObject *co = fn->code;
  Frame *nf = frame_push(co, fn, fn->globals, fn->builtins, VAL_NULL);
  /* The common case inline: exactly the positional parameters, no cells. */
  if (!kwnames && nargs == (size_t)co->argcount && co->kwonlyargcount == 0 &&
      !(co->flags & (CO_VARARGS | CO_VARKEYWORDS)) && co->ncellvars == 0 && co->nfreevars == 0) {
    for (size_t i = 0; i < nargs; i++) nf->localsplus[i] = args[i];
  } else if (call_bind_args(fn, nf, args, nargs, kwnames) < 0) {
    frame_pop(nf);
    return NULL;
  }
  ts->recursion_depth++;
  return nf;
}

static Value run_frame(Frame *entry, Value push, bool throwing, bool *yielded);

/* Entry to the loop.  The jmp_buf holds the caller's callee-saved registers
 * and marks where the conservative scan starts when a collection happens at
 * one of this activation's safe points (ThreadState.eval_scan_lo). */
__attribute__((noinline)) Value eval_run_frame(Frame *entry, Value push, bool throwing, bool *yielded) {
  jmp_buf regs;
  setjmp(regs);
  ThreadState *ts = ts_current;
  void *outer_lo = ts->eval_scan_lo;
  bool outer_at = ts->at_eval_safepoint;
  ts->eval_scan_lo = &regs;
  ts->at_eval_safepoint = false;
  Value r = run_frame(entry, push, throwing, yielded);
  ts->eval_scan_lo = outer_lo;
  ts->at_eval_safepoint = outer_at;
  return r;
}

/* eval_handle_breaker from the loop's own safe points. */
static __attribute__((noinline)) int loop_safepoint(ThreadState *ts) {
  /* The collection may start its stack scan at eval_scan_lo: nothing below
   * the loop's activation holds roots here (see ThreadState). */
  ts->at_eval_safepoint = true;
  int rc = eval_handle_breaker();
  ts->at_eval_safepoint = false;
  return rc;
}

static Value run_frame(Frame *entry, Value push, bool throwing, bool *yielded) {
  ThreadState *ts = ts_current;
  *yielded = false;
  if (enter_c_level(ts) < 0) return VAL_NULL;
  entry->flags |= FRAME_ENTRY;
  entry->back = ts->frame;
  ts->frame = entry;

#ifdef GILPY_COMPUTED_GOTO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
  static const void *const dispatch_table[256] = {
      [0 ... 255] = &&L_trap,
#define X(op) [OP_##op] = &&L_##op,
      HANDLED_OPS(X)
#undef X
  };
#pragma GCC diagnostic pop
#endif

  Frame *f = entry;
  CodeObject *co;
  Instr *code;
  uint32_t ip;
  Value *sp;
  Value *lp;
  Value *consts;
  Value *names;
  uint32_t oparg = 0;
  TupleObject *kwnames = NULL;
  bool reraise = false;
  Value retval = VAL_NULL;

  LOAD();
  if (push) PUSH(push);
  if (throwing) goto error;

#ifdef GILPY_COMPUTED_GOTO
  DISPATCH();
#else
dispatch:
  {
    Instr in_ = code[ip++];
    oparg = INSTR_ARG(in_);
    switch (INSTR_OP(in_)) {
#endif

  TARGET(NOP) { DISPATCH(); }
  TARGET(RESUME) {
    CHECK_BREAKER();
    DISPATCH();
  }
  TARGET(POP_TOP) {
    Value v = POP();
    if (val_is_obj(v) && v->type == &GeneratorType) {
      SAVE();
      gen_release(v);
    } else {
      DROPPED(v, false); /* e.g. a coroutine called as a statement and never awaited */
    }
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(VAL_NULL);
    DISPATCH();
  }
  TARGET(COPY) {
    Value v = PEEK(oparg);
    PUSH(v);
    DISPATCH();
  }
  TARGET(SWAP) {
    Value t = TOP();
    SET_TOP(PEEK(oparg));
    PEEK(oparg) = t;
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    PUSH(consts[oparg]);
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    Value v = lp[oparg];
    if (!v) {
      SAVE();
      unbound_local(co, oparg);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    Value old = lp[oparg];
    lp[oparg] = POP();
    if (needs_del(old)) gc_request_collection();
    DISPATCH();
  }
  /* A local that is the target of `x += y` / `x = x + y` may hold a str
   * that ADD_TO_FAST grows in place (OBJ_STR_UNIQUE, str_add_to_local):
   * every other read of it unmarks the string, which may then be shared. */
  TARGET(LOAD_FAST_ESC) {
    Value v = lp[oparg];
    if (!v) {
      SAVE();
      unbound_local(co, oparg);
      goto error;
    }
    str_escape(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(ADD_TO_FAST) {
    oparg |= ADD_TO_FAST_PLAIN;
    goto add_to_fast;
  }
  TARGET(IADD_TO_FAST) {
  add_to_fast : {
    Value a = PEEK(2), b = TOP(), r;
    if (val_is_int(a) && val_is_int(b) && smallint_fits(val_int(a) + val_int(b))) {
      r = val_from_int(val_int(a) + val_int(b));
    } else {
      SAVE();
      r = add_for_local(a, b, !(oparg & ADD_TO_FAST_PLAIN));
      if (!r) goto error;
    }
    sp -= 2;
    uint32_t local = oparg & ~ADD_TO_FAST_PLAIN;
    Value old = lp[local];
    lp[local] = r;
    if (old != r && needs_del(old)) gc_request_collection();
    DISPATCH();
  }
  }
  TARGET(DELETE_FAST) {
    Value old = lp[oparg];
    if (!old) {
      SAVE();
      unbound_local(co, oparg);
      goto error;
    }
    lp[oparg] = VAL_NULL;
    DROPPED_NOW(old);
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Value v = AS(CellObject, lp[co->nlocals + oparg])->value;
    if (!v) {
      SAVE();
      unbound_deref(co, oparg);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    AS(CellObject, lp[co->nlocals + oparg])->value = POP();
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    CellObject *c = AS(CellObject, lp[co->nlocals + oparg]);
    if (!c->value) {
      SAVE();
      unbound_deref(co, oparg);
      goto error;
    }
    Value old = c->value;
    c->value = VAL_NULL;
    DROPPED_NOW(old);
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(lp[co->nlocals + oparg]);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    SAVE();
    Value name = (int32_t)oparg < co->ncellvars ? TUPLE_ITEMS(co->cellvars)[oparg]
                                                : TUPLE_ITEMS(co->freevars)[oparg - (uint32_t)co->ncellvars];
    Value v = VAL_NULL;
    if (f->locals) {
      v = ns_get(f->locals, (StrObject *)name);
      if (!v && err_occurred()) goto error;
    }
    if (!v) {
      v = AS(CellObject, lp[co->nlocals + oparg])->value;
      if (!v) {
        unbound_deref(co, oparg);
        goto error;
      }
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    SAVE();
    StrObject *name = NAMEARG;
    Value v = VAL_NULL;
    if (f->locals && f->locals->type == &DictType) {
      /* Module bodies: the entry index of the name in the namespace. */
      InlineCache *c = &co->caches[ip - 1];
      uintptr_t hint = c->key == (uint64_t)(uintptr_t)f->locals ? c->value : 0;
      v = dict_get_hinted(f->locals, name, &hint);
      c->key = (uint64_t)(uintptr_t)f->locals;
      c->value = hint;
    } else if (f->locals) {
      v = ns_get(f->locals, name);
      if (!v && err_occurred()) goto error;
    }
    if (!v && f->locals != f->globals) v = dict_get_str(f->globals, name);
    if (!v) v = dict_get_str(f->builtins, name);
    if (!v) {
      name_error(name);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    SAVE();
    Value v = TOP();
    if (!f->locals) {
      err_set(&Exc_SystemError, "no locals found when storing %R", (Value)NAMEARG);
      goto error;
    }
    int r;
    if (f->locals->type == &DictType) {
      /* The value being replaced, found through an entry hint. */
      InlineCache *c = &co->caches[ip - 1];
      uintptr_t hint = c->key == (uint64_t)(uintptr_t)f->locals ? c->value : 0;
      Value old = dict_get_hinted(f->locals, NAMEARG, &hint);
      c->key = (uint64_t)(uintptr_t)f->locals;
      c->value = hint;
      if (needs_del(old)) gc_request_collection();
      r = dict_set_str(f->locals, NAMEARG, v);
    } else {
      r = obj_setitem(f->locals, (Value)NAMEARG, v);
    }
    if (r < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    SAVE();
    if (!f->locals) {
      err_set(&Exc_SystemError, "no locals when deleting %R", (Value)NAMEARG);
      goto error;
    }
    Value old = f->locals->type == &DictType ? dict_get_str(f->locals, NAMEARG) : VAL_NULL;
    if (obj_delitem(f->locals, (Value)NAMEARG) < 0) {
      if (err_matches(&Exc_KeyError)) {
        err_clear();
        name_error(NAMEARG);
      }
      goto error;
    }
    DROPPED_NOW(old);
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    InlineCache *c = &co->caches[ip - 1];
    DictObject *g = AS(DictObject, f->globals), *b = AS(DictObject, f->builtins);
    uint64_t key = (g->version * 0x9E3779B97F4A7C15ull) ^ (b->version * 0xC2B2AE3D27D4EB4Full) ^
                   ((uint64_t)(uintptr_t)g >> 3);
    if (c->key == key && c->value) {
      PUSH((Value)c->value);
      DISPATCH();
    }
    SAVE();
    StrObject *name = NAMEARG;
    Value v = dict_get_str(f->globals, name);
    if (!v) v = dict_get_str(f->builtins, name);
    if (!v) {
      name_error(name);
      goto error;
    }
    c->key = key;
    c->value = (uintptr_t)v;
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    SAVE();
    if (dict_set_str(f->globals, NAMEARG, TOP()) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    SAVE();
    Value old = dict_get_str(f->globals, NAMEARG);
    if (dict_del(f->globals, (Value)NAMEARG) < 0) {
      if (err_matches(&Exc_KeyError)) {
        err_clear();
        name_error(NAMEARG);
      }
      goto error;
    }
    DROPPED_NOW(old);
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    Value o = TOP();
    TypeObject *t = val_type(o);
    InlineCache *c = &co->caches[ip - 1];
    if (c->key == type_cache_key(t) && CACHE_IS_INSTANCE(c->value) && t->version) {
      Value d = instance_dict(o, t);
      if (d && d->type == &DictType) {
        uintptr_t hint = c->value >> 3;
        Value v = dict_get_hinted(d, NAMEARG, &hint);
        if (v) {
          c->value = (hint << 3) | CACHE_INSTANCE_DICT;
          SET_TOP(v);
          DISPATCH();
        }
      }
    }
    SAVE();
    Value v = obj_getattr(o, NAMEARG);
    if (!v) goto error;
    if (generic_attr_type(t) && t->dict_offset && !type_lookup(t, NAMEARG)) {
      Value d = instance_dict(o, t);
      uintptr_t hint = 0;
      if (d && d->type == &DictType && dict_get_hinted(d, NAMEARG, &hint) == v) {
        c->key = type_cache_key(t);
        c->value = (hint << 3) | CACHE_INSTANCE_DICT;
      }
    }
    SET_TOP(v);
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    Value o = TOP();
    TypeObject *t = val_type(o);
    InlineCache *c = &co->caches[ip - 1];
    if (c->key == type_cache_key(t) && c->value && !CACHE_IS_INSTANCE(c->value) && t->version) {
      if (!t->dict_offset || !dict_lookup_fast(instance_dict(o, t), NAMEARG)) {
        SET_TOP((Value)c->value);
        PUSH(o);
        DISPATCH();
      }
    }
    SAVE();
    if (t->getattr == NULL || t->getattr == generic_getattr) {
      Value d = type_lookup(t, NAMEARG);
      if (d && val_is_obj(d) && (d->type == &FunctionType || (d->type == &MethodDescrType && d->type->call))) {
        Value idict = instance_dict(o, t);
        bool shadowed = false;
        if (idict) {
          Value iv = dict_get(idict, (Value)NAMEARG);
          if (!iv && err_occurred()) goto error;
          shadowed = iv != VAL_NULL;
        }
        if (!shadowed) {
          if (t->version) {
            c->key = type_cache_key(t);
            c->value = (uintptr_t)d;
          }
          SET_TOP(d);
          PUSH(o);
          DISPATCH();
        }
      }
    }
    Value v = obj_getattr(o, NAMEARG);
    if (!v) goto error;
    SET_TOP(VAL_NULL);
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    SAVE();
    Value o = TOP(), v = PEEK(2);
    TypeObject *t = val_type(o);
    InlineCache *c = &co->caches[ip - 1];
    if (c->key == type_cache_key(t) && c->value == CACHE_INSTANCE_DICT && t->version) {
      Value d = instance_dict(o, t);
      if (d && d->type == &DictType) {
        if (dict_set_str(d, NAMEARG, v) < 0) goto error;
        sp -= 2;
        DISPATCH();
      }
    }
    if (obj_setattr(o, NAMEARG, v) < 0) goto error;
    /* Cacheable when the attribute landed in the instance dict through the
     * generic path (no descriptor on the type). */
    if (t->version && (t->setattr == NULL || t->setattr == generic_setattr) && t->dict_offset &&
        !type_lookup(t, NAMEARG)) {
      Value d = instance_dict(o, t);
      if (d && d->type == &DictType) {
        c->key = type_cache_key(t);
        c->value = CACHE_INSTANCE_DICT;
      }
    }
    sp -= 2;
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    SAVE();
    if (obj_delattr(TOP(), NAMEARG) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(KW_NAMES) {
    kwnames = AS(TupleObject, consts[oparg]);
    DISPATCH();
  }
  TARGET(CALL) {
    uint32_t ncall = CALL_NARGS(oparg);
    Value *base = sp - ncall - 2;
    TupleObject *kw = kwnames;
    kwnames = NULL;
    Value callable;
    Value *args;
    size_t nargs;
    /* nargs counts positional arguments only; keyword values follow them. */
    size_t npos = ncall - (kw ? (size_t)kw->len : 0);
    if (base[0]) {
      callable = base[0];
      args = base + 1;
      nargs = npos + 1;
    } else {
      callable = base[1];
      args = base + 2;
      nargs = npos;
      if (val_is_obj(callable) && callable->type == &MethodType) {
        MethodObject *m = AS(MethodObject, callable);
        base[0] = callable = m->func;
        base[1] = m->self;
        args = base + 1;
        nargs = npos + 1;
      }
    }
    SAVE();
    /* Serve pending requests before the call too, so that work requested by
     * the previous instruction (a finalizer after a rebinding, a GIL drop)
     * happens before the callee runs, as under CPython. */
    if (atomic_load_explicit(&eval_breaker, memory_order_relaxed) && loop_safepoint(ts) < 0) goto error;
    if (!base[0] && val_is_obj(callable) && callable->type == &TypeType) {
      /* Instantiating a plain class whose __init__ is a Python function:
       * object's tp_new, then __init__ in a frame of this loop (no C
       * recursion).  The instance waits in base[0]; RETURN_VALUE checks
       * that __init__ returned None. */
      TypeObject *t = AS(TypeObject, callable);
      InlineCache *c = &co->caches[ip - 1];
      FunctionObject *init = NULL;
      if (t->version && c->key == type_cache_key(t) && c->value) {
        init = (FunctionObject *)c->value;
      } else if ((t->flags & TP_HEAPTYPE) && t->version && t->tp_new == ObjectType.tp_new) {
        Value d = type_lookup(t, NAME(__init__));
        if (d && val_is_obj(d) && d->type == &FunctionType &&
            !(AS(FunctionObject, d)->code->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
          init = AS(FunctionObject, d);
          c->key = type_cache_key(t);
          c->value = (uintptr_t)init;
        }
      }
      if (init) {
        Value obj = t->tp_new(t, args, nargs, kw);
        if (!obj) goto error;
        base[0] = obj;
        base[1] = obj; /* __init__'s self, followed by the arguments */
        Frame *nf = push_call_frame(ts, init, base + 1, nargs + 1, kw, false);
        if (!nf) goto error;
        nf->flags |= FRAME_INIT;
        f->sp = base + 1;
        nf->back = f;
        ts->frame = nf;
        f = nf;
        LOAD();
        DISPATCH(); /* the callee's RESUME checks the eval-breaker */
      }
    }
    if (val_is_obj(callable) && callable->type == &FunctionType) {
      Frame *nf = push_call_frame(ts, AS(FunctionObject, callable), args, nargs, kw, false);
      if (!nf) goto error;
      f->sp = base;
      nf->back = f;
      ts->frame = nf;
      f = nf;
      LOAD();
      DISPATCH(); /* the callee's RESUME checks the eval-breaker */
    }
    Value r = obj_call(callable, args, nargs, kw);
    if (!r) goto error;
    /* An argument that needs finalization (a coroutine never awaited, as in
     * print(f())) loses its last reference here under CPython. */
    bool dropped = false;
    if (oparg & CALL_TEMP_ARGS)
      for (size_t i = 0, n = nargs + (kw ? (size_t)kw->len : 0); i < n && !dropped; i++) dropped = needs_del(args[i]);
    sp = base;
    PUSH(r);
    if (dropped) {
      SAVE();
      if (collect_dropped(false) < 0) goto error;
    }
    CHECK_BREAKER();
    DISPATCH();
  }
  TARGET(CALL_FUNCTION_EX) {
    SAVE();
    Value kwargs = (oparg & 1) ? POP() : VAL_NULL;
    Value args = POP();
    Value func = POP();
    Value r;
    if (sp[-1]) {
      /* [meth, self]: prepend self. */
      Value self = func;
      func = sp[-1];
      Value t = tuple_new(val_is_tuple(args) ? TUPLE_LEN(args) + 1 : 1);
      if (!t) goto error;
      if (!val_is_tuple(args)) {
        args = tuple_from_iterable(args);
        if (!args) goto error;
        t = tuple_new(TUPLE_LEN(args) + 1);
        if (!t) goto error;
      }
      TUPLE_ITEMS(t)[0] = self;
      memcpy(TUPLE_ITEMS(t) + 1, TUPLE_ITEMS(args), (size_t)TUPLE_LEN(args) * sizeof(Value));
      args = t;
    }
    r = call_ex(func, args, kwargs);
    if (!r) goto error;
    sp[-1] = r;
    CHECK_BREAKER();
    DISPATCH();
  }
  TARGET(BINARY_OP) {
    Value a = PEEK(2), b = TOP();
    BinOp op = (BinOp)(oparg & 0x7f);
    if (val_is_int(a) && val_is_int(b)) {
      intptr_t x = val_int(a), y = val_int(b), r;
      switch (op) {
        case BINOP_ADD:
          r = x + y;
          if (smallint_fits(r)) goto int_result;
          break;
        case BINOP_SUB:
          r = x - y;
          if (smallint_fits(r)) goto int_result;
          break;
        case BINOP_MUL:
          if (!__builtin_mul_overflow(x, y, &r) && smallint_fits(r)) goto int_result;
          break;
        case BINOP_FLOORDIV:
          if (y != 0) {
            r = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
            goto int_result;
          }
          break;
        case BINOP_MOD:
          if (y != 0) {
            r = x % y;
            if (r != 0 && ((r < 0) != (y < 0))) r += y;
            goto int_result;
          }
          break;
        case BINOP_AND: r = x & y; goto int_result;
        case BINOP_OR: r = x | y; goto int_result;
        case BINOP_XOR: r = x ^ y; goto int_result;
        case BINOP_TRUEDIV:
          /* both exact as doubles: one correctly rounded division, as
           * CPython's long_true_divide does for them */
          if (y != 0 && x >= -EXACT_DBL_INT && x <= EXACT_DBL_INT && y >= -EXACT_DBL_INT &&
              y <= EXACT_DBL_INT) {
            sp--;
            SET_TOP(fast_float((double)x / (double)y));
            DISPATCH();
          }
          break;
        default: break;
      }
      goto binop_slow;
    int_result:
      sp--;
      SET_TOP(val_from_int(r));
      DISPATCH();
    }
    /* float op float, float op small int, small int op float: a small int
     * converts to the same double as CPython's int-to-float rounding. */
    if ((val_is_float(a) || val_is_int(a)) && (val_is_float(b) || val_is_int(b))) {
      double x = val_is_int(a) ? (double)val_int(a) : float_value(a);
      double y = val_is_int(b) ? (double)val_int(b) : float_value(b);
      double r;
      switch (op) {
        case BINOP_ADD: r = x + y; break;
        case BINOP_SUB: r = x - y; break;
        case BINOP_MUL: r = x * y; break;
        case BINOP_TRUEDIV:
          if (y == 0.0) goto binop_slow;
          r = x / y;
          break;
        case BINOP_POW:
          /* the plain case of float_pow: positive finite base, finite
           * exponent, finite result; the rest (errors, complex results,
           * int ** int) takes the slow path */
          if (!(x > 0.0 && isfinite(x) && isfinite(y)) || (val_is_int(a) && val_is_int(b))) goto binop_slow;
          r = pow(x, y);
          if (!isfinite(r) || (r != 0.0 && r < DBL_MIN)) goto binop_slow; /* range errors */
          break;
        default: goto binop_slow;
      }
      sp--;
      SET_TOP(fast_float(r));
      DISPATCH();
    }
  binop_slow:
    SAVE();
    {
      Value r = (oparg & 0x80) ? obj_inplace(a, b, op) : obj_binop(a, b, op);
      if (!r) goto error;
      sp--;
      SET_TOP(r);
    }
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    Value v = TOP();
    if (val_is_int(v) && val_int(v) != SMALLINT_MIN) {
      SET_TOP(val_from_int(-val_int(v)));
      DISPATCH();
    }
    SAVE();
    Value r = obj_neg(v);
    if (!r) goto error;
    SET_TOP(r);
    DISPATCH();
  }
  TARGET(UNARY_POSITIVE) {
    SAVE();
    Value r = obj_pos(TOP());
    if (!r) goto error;
    SET_TOP(r);
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    SAVE();
    Value r = obj_invert(TOP());
    if (!r) goto error;
    SET_TOP(r);
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    Value v = TOP();
    int t;
    if (v == VAL_TRUE) t = 1;
    else if (v == VAL_FALSE || v == VAL_NONE) t = 0;
    else {
      SAVE();
      t = obj_truthy(v);
      if (t < 0) goto error;
    }
    SET_TOP(val_bool(!t));
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    Value a = PEEK(2), b = TOP();
    if (val_is_int(a) && val_is_int(b)) {
      intptr_t x = val_int(a), y = val_int(b);
      bool r;
      switch ((CmpOp)oparg) {
        case CMP_LT: r = x < y; break;
        case CMP_LE: r = x <= y; break;
        case CMP_EQ: r = x == y; break;
        case CMP_NE: r = x != y; break;
        case CMP_GT: r = x > y; break;
        default: r = x >= y; break;
      }
      sp--;
      SET_TOP(val_bool(r));
      DISPATCH();
    }
    if (val_is_float(a) && val_is_float(b)) {
      double x = float_value(a), y = float_value(b);
      bool r;
      switch ((CmpOp)oparg) {
        case CMP_LT: r = x < y; break;
        case CMP_LE: r = x <= y; break;
        case CMP_EQ: r = x == y; break;
        case CMP_NE: r = x != y; break;
        case CMP_GT: r = x > y; break;
        default: r = x >= y; break;
      }
      sp--;
      SET_TOP(val_bool(r));
      DISPATCH();
    }
    SAVE();
    Value r = obj_richcompare(a, b, (CmpOp)oparg);
    if (!r) goto error;
    sp--;
    SET_TOP(r);
    DISPATCH();
  }
  TARGET(IS_OP) {
    Value b = POP();
    bool r = (TOP() == b) ^ (oparg != 0);
    SET_TOP(val_bool(r));
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    SAVE();
    int r = obj_contains(TOP(), PEEK(2));
    if (r < 0) goto error;
    sp--;
    SET_TOP(val_bool((r != 0) ^ (oparg != 0)));
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    Value o = PEEK(2), k = TOP();
    if (val_is_int(k) && val_is_obj(o)) {
      intptr_t i = val_int(k);
      if (o->type == &ListType) {
        if (i < 0) i += LIST_LEN(o);
        if (i >= 0 && i < LIST_LEN(o)) {
          sp--;
          SET_TOP(LIST_ITEMS(o)[i]);
          DISPATCH();
        }
      } else if (o->type == &TupleType) {
        if (i < 0) i += TUPLE_LEN(o);
        if (i >= 0 && i < TUPLE_LEN(o)) {
          sp--;
          SET_TOP(TUPLE_ITEMS(o)[i]);
          DISPATCH();
        }
      }
    }
    SAVE();
    Value r;
    if (val_is_obj(o) && o->type == &DictType) {
      r = dict_get(o, k);
      if (!r && !err_occurred()) r = obj_getitem(o, k);
    } else {
      r = obj_getitem(o, k);
    }
    if (!r) goto error;
    sp--;
    SET_TOP(r);
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    Value k = TOP(), o = PEEK(2), v = PEEK(3);
    if (val_is_int(k) && val_is_obj(o) && o->type == &ListType) {
      intptr_t i = val_int(k);
      if (i < 0) i += LIST_LEN(o);
      if (i >= 0 && i < LIST_LEN(o)) {
        LIST_ITEMS(o)[i] = v;
        sp -= 3;
        DISPATCH();
      }
    }
    SAVE();
    int r = (val_is_obj(o) && o->type == &DictType) ? dict_set(o, k, v) : obj_setitem(o, k, v);
    if (r < 0) goto error;
    sp -= 3;
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    SAVE();
    if (obj_delitem(PEEK(2), TOP()) < 0) goto error;
    sp -= 2;
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    SAVE();
    Value s = build_slice(sp - oparg, (int)oparg);
    if (!s) goto error;
    sp -= oparg;
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_TUPLE) {
    SAVE();
    Value t = tuple_from_array(sp - oparg, (ssize_t)oparg);
    if (!t) goto error;
    sp -= oparg;
    PUSH(t);
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    SAVE();
    Value l = list_from_array(sp - oparg, (ssize_t)oparg);
    if (!l) goto error;
    sp -= oparg;
    PUSH(l);
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    SAVE();
    Value s = set_new(VAL_NULL);
    if (!s) goto error;
    for (uint32_t i = oparg; i > 0; i--)
      if (set_add(s, PEEK(i)) < 0) goto error;
    sp -= oparg;
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    SAVE();
    Value d = dict_new();
    if (!d) goto error;
    for (uint32_t i = oparg; i > 0; i--)
      if (dict_set(d, PEEK(2 * i), PEEK(2 * i - 1)) < 0) goto error;
    sp -= 2 * oparg;
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    SAVE();
    StrBuilder sb;
    sb_init(&sb);
    for (uint32_t i = oparg; i > 0; i--) {
      if (sb_add_value(&sb, PEEK(i)) < 0) {
        sb_free(&sb);
        goto error;
      }
    }
    Value s = sb_finish(&sb);
    if (!s) goto error;
    sp -= oparg;
    PUSH(s);
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    SAVE();
    if (list_append(PEEK(oparg + 1), TOP()) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(SET_ADD) {
    SAVE();
    if (set_add(PEEK(oparg + 1), TOP()) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    SAVE();
    if (dict_set(PEEK(oparg + 2), PEEK(2), TOP()) < 0) goto error;
    sp -= 2;
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    SAVE();
    if (list_extend_op(PEEK(oparg + 1), TOP()) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    SAVE();
    /* set_update copies a set's table the way CPython does, which decides
     * the iteration order of set literals built from a frozenset constant. */
    if (set_update(PEEK(oparg + 1), TOP()) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    SAVE();
    if (dict_update_op(PEEK(oparg + 1), TOP()) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    SAVE();
    if (dict_merge_op(PEEK(oparg + 1), TOP(), PEEK(oparg + 3)) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    SAVE();
    Value t = list_to_tuple(TOP());
    if (!t) goto error;
    SET_TOP(t);
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    Value seq = TOP();
    if (val_is_obj(seq) && (seq->type == &TupleType || seq->type == &ListType)) {
      bool tup = seq->type == &TupleType;
      if ((tup ? TUPLE_LEN(seq) : LIST_LEN(seq)) == (ssize_t)oparg) {
        Value *items = tup ? TUPLE_ITEMS(seq) : LIST_ITEMS(seq);
        sp--;
        for (uint32_t i = oparg; i-- > 0;) PUSH(items[i]);
        DISPATCH();
      }
    }
    SAVE();
    if (unpack_sequence(seq, oparg, sp - 1) < 0) goto error;
    sp += (int)oparg - 1;
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    SAVE();
    Value seq = TOP();
    uint32_t before = oparg & 0xff, after = oparg >> 8;
    if (unpack_ex(seq, before, after, sp - 1) < 0) goto error;
    sp += before + after;
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    SAVE();
    Value spec = (oparg & 4) ? TOP() : VAL_NULL;
    Value v = (oparg & 4) ? PEEK(2) : TOP();
    Value r = format_value(v, (int)(oparg & 3), spec);
    if (!r) goto error;
    if (oparg & 4) sp--;
    SET_TOP(r);
    DISPATCH();
  }
  TARGET(JUMP) {
    if (oparg < ip) CHECK_BREAKER();
    ip = oparg;
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    CHECK_BREAKER(); /* before the jump: an exception it raises points at this line */
    ip = oparg;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    if (v == VAL_FALSE) {
      ip = oparg;
    } else if (v != VAL_TRUE) {
      SAVE();
      int t = obj_truthy(v);
      if (t < 0) goto error;
      if (!t) ip = oparg;
    }
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    if (v == VAL_TRUE) {
      ip = oparg;
    } else if (v != VAL_FALSE) {
      SAVE();
      int t = obj_truthy(v);
      if (t < 0) goto error;
      if (t) ip = oparg;
    }
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NONE) {
    if (POP() == VAL_NONE) ip = oparg;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NOT_NONE) {
    if (POP() != VAL_NONE) ip = oparg;
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    Value v = TOP();
    int t = v == VAL_TRUE ? 1 : v == VAL_FALSE ? 0 : -2;
    if (t == -2) {
      SAVE();
      t = obj_truthy(v);
      if (t < 0) goto error;
    }
    if (!t) ip = oparg;
    else sp--;
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    Value v = TOP();
    int t = v == VAL_TRUE ? 1 : v == VAL_FALSE ? 0 : -2;
    if (t == -2) {
      SAVE();
      t = obj_truthy(v);
      if (t < 0) goto error;
    }
    if (t) ip = oparg;
    else sp--;
    DISPATCH();
  }
  TARGET(GET_ITER) {
    SAVE();
    Value it = obj_iter(TOP());
    if (!it) goto error;
    SET_TOP(it);
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    Value it = TOP();
    if (val_is_obj(it)) {
      /* range and list iterators need no call out: no SAVE either. */
      if (it->type == &RangeIterType) {
        Value v = rangeiter_next_fast(AS(RangeIterObject, it));
        if (v) {
          PUSH(v);
          DISPATCH();
        }
        sp--;
        ip = oparg;
        DISPATCH();
      }
      if (it->type == &ListIterType) {
        SeqIterObject *li = AS(SeqIterObject, it);
        Value l = li->seq;
        if (l && li->index < LIST_LEN(l)) {
          PUSH(LIST_ITEMS(l)[li->index++]);
          DISPATCH();
        }
        li->seq = VAL_NULL;
        sp--;
        ip = oparg;
        DISPATCH();
      }
    }
    SAVE();
    IterNextFn next = val_type(it)->iternext;
    Value v = next ? next(it) : obj_next(it);
    if (v) {
      PUSH(v);
      DISPATCH();
    }
    if (err_occurred()) {
      if (!err_matches(&Exc_StopIteration)) goto error;
      err_clear();
    }
    sp--;
    ip = oparg;
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    retval = POP();
    if (f->flags & FRAME_ENTRY) {
      SAVE();
      goto exit_frame;
    }
    Frame *caller = f->back;
    bool init = f->flags & FRAME_INIT;
    ts->frame = caller;
    ts->recursion_depth--;
    frame_pop(f);
    f = caller;
    LOAD();
    if (init) { /* the instance is already in place (CALL) */
      if (retval != VAL_NONE) {
        SAVE();
        err_set(&Exc_TypeError, "__init__() should return None, not '%T'", retval);
        goto error;
      }
      DISPATCH();
    }
    PUSH(retval);
    DISPATCH();
  }
  TARGET(RETURN_GENERATOR) {
    SAVE();
    Value gen = gen_new_from_frame(f);
    if (!gen) goto error;
    retval = gen;
    if (f->flags & FRAME_ENTRY) goto exit_frame;
    Frame *caller = f->back;
    ts->frame = caller;
    ts->recursion_depth--;
    frame_pop(f);
    f = caller;
    LOAD();
    PUSH(retval);
    /* `for x in gen(...)`: nothing but the loop can see this generator. */
    if (INSTR_OP(code[ip]) == OP_GET_ITER) gen_mark_loop_owned(retval);
    DISPATCH();
  }
  TARGET(YIELD_VALUE) {
    retval = POP();
    SAVE();
    *yielded = true;
    goto exit_frame;
  }
  TARGET(SETUP_FINALLY) {
    PUSH_BLOCK(oparg, sp);
    DISPATCH();
  }
  TARGET(SETUP_CLEANUP) {
    PUSH_BLOCK(oparg, sp);
    DISPATCH();
  }
  TARGET(POP_BLOCK) {
    f->nblocks--;
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    Value prev = POP();
    ts->handled_exc = prev == VAL_NONE ? VAL_NULL : prev;
    DISPATCH();
  }
  TARGET(SETUP_WITH) {
    SAVE();
    Value mgr = TOP();
    Value enter, exit;
    if (with_lookup(mgr, false, &enter, &exit) < 0) goto error;
    SET_TOP(exit);
    Value res = obj_call0(enter);
    if (!res) goto error;
    PUSH_BLOCK(oparg, sp);
    PUSH(res);
    DISPATCH();
  }
  TARGET(BEFORE_ASYNC_WITH) {
    SAVE();
    Value mgr = TOP();
    Value enter, exit;
    if (with_lookup(mgr, true, &enter, &exit) < 0) goto error;
    SET_TOP(exit);
    Value res = obj_call0(enter);
    if (!res) goto error;
    PUSH(res);
    DISPATCH();
  }
  TARGET(SETUP_ASYNC_WITH) {
    PUSH_BLOCK(oparg, sp - 1);
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    SAVE();
    Value exc = TOP();
    Value exit = PEEK(3);
    Value tb = val_is_exception(exc) ? AS(ExceptionObject, exc)->traceback : VAL_NULL;
    Value args[3] = {(Value)val_type(exc), exc, tb ? tb : VAL_NONE};
    Value r = obj_call(exit, args, 3, NULL);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }
  TARGET(RERAISE) {
    Value exc = POP();
    SAVE();
    ts->cur_exc = exc;
    reraise = true;
    goto error;
  }
  TARGET(RAISE_VARARGS) {
    SAVE();
    if (oparg == 0) {
      Value exc = thread_handled_exc(ts);
      if (!exc || exc == VAL_NONE) {
        err_set(&Exc_RuntimeError, "No active exception to reraise");
        goto error;
      }
      ts->cur_exc = exc;
      reraise = true;
      goto error;
    }
    Value cause = VAL_NULL;
    bool has_cause = oparg >= 2;
    if (has_cause) {
      Value c = POP();
      if (c != VAL_NONE) {
        cause = make_exception(c, true);
        if (!cause) goto error;
      }
    }
    Value exc = make_exception(TOP(), false);
    sp--;
    if (!exc) goto error;
    if (has_cause) {
      AS(ExceptionObject, exc)->cause = cause;
      AS(ExceptionObject, exc)->suppress_context = true;
    }
    chain_context(exc, thread_handled_exc(ts));
    err_set_value(exc);
    goto error;
  }
  TARGET(CHECK_EXC_MATCH) {
    SAVE();
    int r = exc_matches(PEEK(2), TOP());
    if (r < 0) goto error;
    SET_TOP(val_bool(r));
    DISPATCH();
  }
  TARGET(CHECK_EG_MATCH) {
    SAVE();
    Value match, rest;
    if (except_star_match(PEEK(2), TOP(), &match, &rest) < 0) goto error;
    if (match != VAL_NONE) {
      PEEK(2) = rest;
      ts->handled_exc = match; /* sys.exception() in the clause's body */
    }
    SET_TOP(match);
    DISPATCH();
  }
  TARGET(PREP_RERAISE_STAR) {
    SAVE();
    Value exc = except_star_prep_reraise(PEEK(2), TOP());
    if (!exc) goto error;
    sp--;
    SET_TOP(exc);
    DISPATCH();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH((Value)&Exc_AssertionError);
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    SAVE();
    Value bc = load_builtin_build_class(f);
    if (!bc) goto error;
    PUSH(bc);
    DISPATCH();
  }
  TARGET(MAKE_FUNCTION) {
    SAVE();
    CodeObject *fcode = AS(CodeObject, POP());
    Value closure = (oparg & 8) ? POP() : VAL_NULL;
    Value annotations = (oparg & 4) ? POP() : VAL_NULL;
    Value kwdefaults = (oparg & 2) ? POP() : VAL_NULL;
    Value defaults = (oparg & 1) ? POP() : VAL_NULL;
    Value fn = func_new(fcode, f->globals, f->builtins);
    FunctionObject *fo = AS(FunctionObject, fn);
    fo->closure = closure;
    fo->annotations = annotations;
    fo->kwdefaults = kwdefaults;
    fo->defaults = defaults;
    PUSH(fn);
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    SAVE();
    if (!f->locals) {
      err_set(&Exc_SystemError, "no locals found when setting up annotations");
      goto error;
    }
    Value a = ns_get(f->locals, NAME(__annotations__));
    if (!a) {
      if (err_occurred()) goto error;
      Value d = dict_new();
      if (!d || obj_setitem(f->locals, (Value)NAME(__annotations__), d) < 0) goto error;
    }
    DISPATCH();
  }
  TARGET(IMPORT_NAME) {
    SAVE();
    Value fromlist = TOP(), level = PEEK(2);
    Value m = do_import(f, names[oparg], fromlist, level);
    if (!m) goto error;
    sp--;
    SET_TOP(m);
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    SAVE();
    Value v = import_from(TOP(), NAMEARG);
    if (!v) goto error;
    PUSH(v);
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    SAVE();
    if (import_star(f, TOP()) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(GET_YIELD_FROM_ITER) {
    SAVE();
    Value o = TOP();
    if (val_is_obj(o) && o->type == &CoroutineType) {
      if (!(co->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
        err_set(&Exc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        goto error;
      }
    } else if (!(val_is_obj(o) && o->type == &GeneratorType)) {
      Value it = obj_iter(o);
      if (!it) goto error;
      SET_TOP(it);
    }
    DISPATCH();
  }
  TARGET(SEND) {
    SAVE();
    Value sub = PEEK(2), v = TOP();
    Value r;
    if (val_is_generator(sub)) {
      GenResult k = gen_send(sub, v, VAL_NULL, &r);
      if (k == GEN_RAISED) goto error;
      if (k == GEN_YIELDED) {
        SET_TOP(r);
        DISPATCH();
      }
    } else {
      if (v == VAL_NONE && val_type(sub)->iternext) r = val_type(sub)->iternext(sub);
      else r = obj_call_method(sub, NAME(send), &v, 1);
      if (r) {
        SET_TOP(r);
        DISPATCH();
      }
      if (err_occurred()) {
        if (!err_matches(&Exc_StopIteration)) goto error;
        r = exc_value_of_stop(err_fetch());
      } else {
        r = VAL_NONE;
      }
    }
    sp -= 2;
    PUSH(r);
    ip = oparg;
    DISPATCH();
  }
  TARGET(GET_AWAITABLE) {
    SAVE();
    Value a = gen_get_awaitable(TOP(), (int)oparg);
    if (!a) goto error;
    SET_TOP(a);
    DISPATCH();
  }
  TARGET(GET_AITER) {
    SAVE();
    Value o = TOP();
    Value m = special_lookup(o, NAME(__aiter__));
    if (!m) {
      if (!err_occurred())
        err_set(&Exc_TypeError, "'async for' requires an object with __aiter__ method, got %T", o);
      goto error;
    }
    Value it = obj_call0(m);
    if (!it) goto error;
    if (!type_lookup(val_type(it), NAME(__anext__))) {
      err_set(&Exc_TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %T",
              it);
      goto error;
    }
    SET_TOP(it);
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    SAVE();
    Value ait = TOP();
    Value m = special_lookup(ait, NAME(__anext__));
    if (!m) {
      if (!err_occurred())
        err_set(&Exc_TypeError, "'async for' requires an iterator with __anext__ method, got %T", ait);
      goto error;
    }
    Value aw = obj_call0(m);
    if (!aw) goto error;
    Value it = gen_get_awaitable(aw, 0);
    if (!it) {
      if (err_matches(&Exc_TypeError)) {
        err_clear();
        err_set(&Exc_TypeError, "'async for' received an invalid object from __anext__: %T", aw);
      }
      goto error;
    }
    PUSH(it);
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    Value exc = POP();
    sp--; /* the async iterator */
    SAVE();
    if (val_is_exception(exc) && type_is_subtype(val_type(exc), &Exc_StopAsyncIteration)) DISPATCH();
    ts->cur_exc = exc;
    reraise = true;
    goto error;
  }
  TARGET(ASYNC_GEN_WRAP) {
    SAVE();
    Value w = gen_async_wrap(TOP());
    if (!w) goto error;
    SET_TOP(w);
    DISPATCH();
  }
  TARGET(PRINT_EXPR) {
    SAVE();
    if (print_expr(TOP()) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(LOAD_LOCALS) {
    if (!f->locals) {
      SAVE();
      err_set(&Exc_SystemError, "no locals found");
      goto error;
    }
    PUSH(f->locals);
    DISPATCH();
  }

  /* Structural pattern matching: the checks live in vm/match.c. */
  TARGET(GET_LEN) {
    SAVE();
    ssize_t n = obj_len(TOP());
    if (n < 0) goto error;
    PUSH(val_from_int(n));
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    SAVE();
    int r = match_is_sequence(TOP());
    if (r < 0) goto error;
    PUSH(val_bool(r));
    DISPATCH();
  }
  TARGET(MATCH_MAPPING) {
    SAVE();
    int r = match_is_mapping(TOP());
    if (r < 0) goto error;
    PUSH(val_bool(r));
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    SAVE();
    Value values = match_keys(PEEK(2), TOP());
    if (!values) goto error;
    PUSH(values);
    DISPATCH();
  }
  TARGET(MATCH_CLASS) {
    SAVE();
    Value attrs = match_class(PEEK(3), PEEK(2), oparg, TOP());
    if (!attrs) goto error;
    sp -= 2;
    SET_TOP(attrs);
    DISPATCH();
  }

#ifndef GILPY_COMPUTED_GOTO
      default: goto L_trap;
    }
  }
#endif

L_trap:
  SAVE();
  err_set(&Exc_SystemError, "unknown opcode %d at %d in %U", (int)INSTR_OP(code[ip - 1]), (int)(ip - 1), co->name);
  goto error;

error:
  /* f->ip/sp hold this frame's position; the exception is in ts->cur_exc. */
  SAVE();
  kwnames = NULL;
  {
    Value exc = err_peek();
    if (!exc) {
      err_set(&Exc_SystemError, "error return without exception set");
      exc = err_peek();
    }
    if (!reraise && exc) {
      if (val_is_exception(exc)) {
        uint32_t i = ip ? ip - 1 : 0;
        LineInfo li = co->lines && i < co->ncode ? co->lines[i] : (LineInfo){(uint32_t)co->firstlineno, 0, 0, 0};
        exc_add_traceback_ex(exc, co->name, co->filename, (int)li.line, (int)(li.end_line ? li.end_line : li.line),
                             li.col, li.end_col);
      }
    }
    reraise = false;
    Value *stack = frame_stack_at(lp, co);
    bool handled = f->nblocks > 0;
    Block b = handled ? ((Block *)(stack + co->stacksize))[--f->nblocks] : (Block){0, 0};
    /* Generators owned by loops being unwound are closed now, as
     * CPython's stack clearing would. */
    Value *level = handled ? lp + b.level : stack;
    while (sp > level) {
      Value v = POP();
      if (val_is_obj(v) && v->type == &GeneratorType) {
        SAVE();
        gen_release(v);
      }
    }
    sp = level;
    if (handled) {
      PUSH(ts->handled_exc ? ts->handled_exc : VAL_NONE);
      exc = err_fetch();
      PUSH(exc);
      ts->handled_exc = exc;
      ip = (uint32_t)b.handler;
      DISPATCH();
    }
    /* No handler here: leave the frame. */
    if (f->flags & FRAME_ENTRY) {
      SAVE();
      retval = VAL_NULL;
      goto exit_frame;
    }
    Frame *caller = f->back;
    ts->frame = caller;
    ts->recursion_depth--;
    frame_pop(f);
    f = caller;
    LOAD();
    goto error;
  }

exit_frame:
  ts->frame = entry->back;
  ts->c_depth--;
  return retval;
}

/* ---- entry points -------------------------------------------------------- */

Value eval_call_function(Value func, Value *args, size_t nargs, TupleObject *kwnames) {
  ThreadState *ts = ts_current;
  FunctionObject *fn = AS(FunctionObject, func);
  Frame *f = push_call_frame(ts, fn, args, nargs, kwnames, true);
  if (!f) return VAL_NULL;
  bool yielded;
  Value r = eval_run_frame(f, VAL_NULL, false, &yielded);
  ts->recursion_depth--;
  frame_pop(f);
  return r;
}

static Value run_body(CodeObject *code, FunctionObject *fn, Value globals, Value builtins, Value locals) {
  ThreadState *ts = ts_current;
  if (ts->recursion_depth >= recursion_limit) return recursion_error();
  Frame *f = frame_push(code, fn, globals, builtins, locals);
  ts->recursion_depth++;
  if (code->ncellvars || code->nfreevars) call_setup_cells(f, fn ? fn->closure : VAL_NULL);
  bool yielded;
  Value r = eval_run_frame(f, VAL_NULL, false, &yielded);
  ts->recursion_depth--;
  frame_pop(f);
  return r;
}

Value eval_code(CodeObject *code, Value globals, Value locals) {
  if (!locals) locals = globals;
  return run_body(code, NULL, globals, call_builtins_for(globals), locals);
}

Value eval_class_body(Value func, Value ns) {
  FunctionObject *fn = AS(FunctionObject, func);
  return run_body(fn->code, fn, fn->globals, fn->builtins, ns);
}
