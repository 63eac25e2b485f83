/* _contextvars.c — Context, ContextVar and Token (PEP 567), the module
 * contextvars re-exports.
 *
 * A context maps ContextVar objects to values.  Its mapping is a dict that
 * is never changed after it is made: ContextVar.set() replaces the current
 * Context's dict by a copy with the new value.  Contexts hold few
 * variables, so the copy is small, and in exchange copy_context() is taking
 * a reference (CPython gets the same from its HAMT).
 *
 * Each thread's current context is ThreadState.context, or, when that is
 * VAL_NULL, an anonymous context whose variables are
 * ThreadState.context_vars.  The event loop runs every callback in a copy
 * of a context (_contextvars.h): an anonymous one costs nothing, and the
 * Context object is made only if the callback sets a variable.  A thread
 * starts in an empty anonymous context, as in CPython.
 */
#include "stdlib/_contextvars.h"

#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/type.h"

typedef struct {
  Object base;
  Value vars;   /* dict, never changed once made */
  bool entered; /* current in some thread, or saved by one that entered another */
} ContextObject;

typedef struct {
  Object base;
  Value name;
  Value dflt; /* VAL_NULL: no default */
} ContextVarObject;

typedef struct {
  Object base;
  Value ctx, var;
  Value old; /* VAL_NULL: the variable had no value (Token.MISSING) */
  bool used;
} TokenObject;

/* keys(), values() and items() iterate over a list made when called. */
typedef struct {
  Object base;
  Value list;
  ssize_t pos;
} ContextIterObject;

TypeObject ContextType;
static TypeObject ContextVarType, TokenType, TokenMissingType, ContextKeysType, ContextValuesType, ContextItemsType;

#define CTX(v) AS(ContextObject, v)
#define VAR(v) AS(ContextVarObject, v)
#define TOKEN(v) AS(TokenObject, v)

static Value empty_vars;           /* the shared empty mapping (rooted) */
static Object token_missing = STATIC_OBJECT_HEADER(&TokenMissingType);

static inline void mark(Value v) {
  if (val_is_obj(v)) gc_mark(v);
}

/* The shared empty mapping, made on first use: the event loop asks for
 * snapshots whether or not the module was imported. */
static Value no_vars(void) {
  if (!empty_vars) {
    gc_add_root(&empty_vars);
    empty_vars = dict_new();
  }
  return empty_vars;
}

static Value context_new(Value vars) {
  ContextObject *c = (ContextObject *)gc_alloc(&ContextType, sizeof(ContextObject));
  c->vars = vars ? vars : no_vars();
  return (Value)c;
}

/* ---- the current context --------------------------------------------------- */

static Value current_vars(ThreadState *ts) {
  Value v = ts->context ? CTX(ts->context)->vars : ts->context_vars;
  return v ? v : no_vars();
}

/* The current Context object, made (and entered) if the thread runs in an
 * anonymous one. */
static Value current_context(ThreadState *ts) {
  if (!ts->context) {
    ts->context = context_new(ts->context_vars);
    CTX(ts->context)->entered = true;
  }
  return ts->context;
}

Value context_snapshot(void) { return current_vars(ts_current); }

Value context_object(Value ctx) { return context_is_context(ctx) ? ctx : context_new(ctx); }

bool context_is_current(Value ctx) { return ctx && ctx == ts_current->context; }

bool context_enter(Value ctx, ContextSave *save) {
  ThreadState *ts = ts_current;
  if (!context_is_context(ctx) && !(val_is_obj(ctx) && ctx->type == &DictType)) {
    err_set(&Exc_AttributeError, "'%T' object has no attribute 'run'", ctx);
    return false;
  }
  if (context_is_context(ctx)) {
    if (CTX(ctx)->entered) {
      err_set(&Exc_RuntimeError, "cannot enter context: %R is already entered", ctx);
      return false;
    }
    CTX(ctx)->entered = true;
  }
  save->context = ts->context;
  save->vars = ts->context_vars;
  if (context_is_context(ctx)) {
    ts->context = ctx;
  } else {
    ts->context = VAL_NULL;
    ts->context_vars = ctx;
  }
  return true;
}

Value context_leave(ContextSave *save) {
  ThreadState *ts = ts_current;
  Value left = ts->context;
  if (left) CTX(left)->entered = false;
  else left = ts->context_vars ? ts->context_vars : no_vars();
  ts->context = save->context;
  ts->context_vars = save->vars;
  return left;
}

/* ---- Context ----------------------------------------------------------------- */

static bool check_key(Value key) {
  if (val_is_obj(key) && key->type == &ContextVarType) return true;
  err_set(&Exc_TypeError, "a ContextVar key was expected, got %R", key);
  return false;
}

static Value ctx_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)type, (void)args;
  if (nargs || (kwnames && kwnames->len)) return err_set(&Exc_TypeError, "Context() does not accept any arguments");
  return context_new(VAL_NULL);
}

static void ctx_trace(Object *o) { mark(CTX(o)->vars); }

static Value ctx_run(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (nargs == 0) return err_set(&Exc_TypeError, "run() missing 1 required positional argument");
  ContextSave save;
  if (!context_enter(self, &save)) return VAL_NULL;
  Value r = obj_call(args[0], args + 1, nargs - 1, kw);
  context_leave(&save);
  return r;
}

static Value ctx_copy(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args;
  if (!args_no_kw("copy", kw) || !args_count("copy", nargs, 0, 0)) return VAL_NULL;
  return context_new(CTX(self)->vars);
}

static Value ctx_get(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("get", kw) || !args_count("get", nargs, 1, 2)) return VAL_NULL;
  if (!check_key(args[0])) return VAL_NULL;
  Value v = dict_get(CTX(self)->vars, args[0]);
  return v ? v : nargs > 1 ? args[1] : VAL_NONE;
}

static Value ctx_getitem(Value self, Value key) {
  if (!check_key(key)) return VAL_NULL;
  Value v = dict_get(CTX(self)->vars, key);
  if (!v) return err_set_value(exc_new(&Exc_KeyError, &key, 1));
  return v;
}

static int ctx_contains(Value self, Value key) {
  if (!check_key(key)) return -1;
  return dict_get(CTX(self)->vars, key) != VAL_NULL;
}

static ssize_t ctx_len(Value self) { return AS(DictObject, CTX(self)->vars)->len; }

static Value ctx_iter_of(TypeObject *type, Value list) {
  ContextIterObject *it = (ContextIterObject *)gc_alloc(type, sizeof(ContextIterObject));
  it->list = list;
  return (Value)it;
}

static Value ctx_iter(Value self) { return ctx_iter_of(&ContextKeysType, dict_keys_list(CTX(self)->vars)); }

static Value ctx_keys(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args;
  if (!args_no_kw("keys", kw) || !args_count("keys", nargs, 0, 0)) return VAL_NULL;
  return ctx_iter(self);
}

static Value ctx_values(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args;
  if (!args_no_kw("values", kw) || !args_count("values", nargs, 0, 0)) return VAL_NULL;
  return ctx_iter_of(&ContextValuesType, dict_values_list(CTX(self)->vars));
}

static Value ctx_items(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args;
  if (!args_no_kw("items", kw) || !args_count("items", nargs, 0, 0)) return VAL_NULL;
  return ctx_iter_of(&ContextItemsType, dict_items_list(CTX(self)->vars));
}

static Value ctx_richcompare(Value a, Value b, CmpOp op) {
  if ((op != CMP_EQ && op != CMP_NE) || !context_is_context(b)) return VAL_NOTIMPL;
  int eq = obj_eq(CTX(a)->vars, CTX(b)->vars);
  if (eq < 0) return VAL_NULL;
  return val_bool((op == CMP_EQ) == (eq == 1));
}

static const NativeDef ctx_methods[] = {
    {"run", ctx_run, NATIVE_METHOD, NULL},
    {"copy", ctx_copy, NATIVE_METHOD, NULL},
    {"get", ctx_get, NATIVE_METHOD, NULL},
    {"keys", ctx_keys, NATIVE_METHOD, NULL},
    {"values", ctx_values, NATIVE_METHOD, NULL},
    {"items", ctx_items, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject ContextType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_contextvars.Context",
    .instance_size = sizeof(ContextObject),
    .tp_new = ctx_tp_new,
    .trace = ctx_trace,
    .richcompare = ctx_richcompare,
    .iter = ctx_iter,
    .len = ctx_len,
    .getitem = ctx_getitem,
    .contains = ctx_contains,
    .methods = ctx_methods,
};

static void ctxiter_trace(Object *o) { mark(AS(ContextIterObject, o)->list); }

static Value ctxiter_self(Value self) { return self; }

static Value ctxiter_next(Value self) {
  ContextIterObject *it = AS(ContextIterObject, self);
  if (!it->list || it->pos >= LIST_LEN(it->list)) {
    it->list = VAL_NULL;
    return VAL_NULL;
  }
  return LIST_ITEMS(it->list)[it->pos++];
}

#define CONTEXT_ITER_TYPE(var, tpname)            \
  static TypeObject var = {                       \
      STATIC_OBJECT_HEADER(&TypeType),            \
      .name = tpname,                             \
      .instance_size = sizeof(ContextIterObject), \
      .trace = ctxiter_trace,                     \
      .iter = ctxiter_self,                       \
      .iternext = ctxiter_next,                   \
  }
CONTEXT_ITER_TYPE(ContextKeysType, "keys");
CONTEXT_ITER_TYPE(ContextValuesType, "values");
CONTEXT_ITER_TYPE(ContextItemsType, "items");

/* ---- ContextVar ------------------------------------------------------------ */

static Value var_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)type;
  size_t nkw = kwnames ? (size_t)kwnames->len : 0;
  if (nargs + nkw > 2) return err_set(&Exc_TypeError, "ContextVar() takes at most 2 arguments (%zu given)", nargs + nkw);
  if (nargs > 1) return err_set(&Exc_TypeError, "ContextVar() takes at most 1 positional argument (%zu given)", nargs);
  Value name = nargs ? args[0] : VAL_NULL, dflt = VAL_NULL;
  for (size_t k = 0; k < nkw; k++) {
    const char *kn = str_cstr(kwnames->items[k]);
    Value *slot = strcmp(kn, "name") == 0 ? &name : strcmp(kn, "default") == 0 ? &dflt : NULL;
    if (!slot) return err_set(&Exc_TypeError, "'%s' is an invalid keyword argument for ContextVar()", kn);
    if (*slot)
      return err_set(&Exc_TypeError, "argument for ContextVar() given by name ('%s') and position (1)", kn);
    *slot = args[nargs + k];
  }
  if (!name) return err_set(&Exc_TypeError, "ContextVar() takes exactly 1 positional argument (0 given)");
  if (!val_is_str(name)) return err_set(&Exc_TypeError, "context variable name must be a str");
  ContextVarObject *v = (ContextVarObject *)gc_alloc(&ContextVarType, sizeof(ContextVarObject));
  v->name = name;
  v->dflt = dflt;
  return (Value)v;
}

static void var_trace(Object *o) {
  mark(VAR(o)->name);
  mark(VAR(o)->dflt);
}

static Value var_repr(Value self) {
  ContextVarObject *v = VAR(self);
  if (v->dflt) return str_printf("<ContextVar name=%R default=%R at %p>", v->name, v->dflt, (void *)self);
  return str_printf("<ContextVar name=%R at %p>", v->name, (void *)self);
}

static Value var_get(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("get", kw)) return VAL_NULL;
  if (nargs > 1) return err_set(&Exc_TypeError, "get expected at most 1 argument, got %zu", nargs);
  Value v = dict_get(current_vars(ts_current), self);
  if (v) return v;
  if (nargs) return args[0];
  if (VAR(self)->dflt) return VAR(self)->dflt;
  return err_set_value(exc_new(&Exc_LookupError, &self, 1));
}

/* The variables of `vars` with `var` set to `value` (VAL_NULL: removed). */
static Value vars_with(Value vars, Value var, Value value) {
  Value d = dict_copy(vars);
  if (value) return dict_set(d, var, value) < 0 ? VAL_NULL : d;
  if (dict_get(d, var) && dict_del(d, var) < 0) return VAL_NULL;
  return d;
}

static Value var_set(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("set", kw)) return VAL_NULL;
  if (nargs != 1) return err_set(&Exc_TypeError, "ContextVar.set() takes exactly one argument (%zu given)", nargs);
  Value ctx = current_context(ts_current);
  Value old = dict_get(CTX(ctx)->vars, self);
  Value vars = vars_with(CTX(ctx)->vars, self, args[0]);
  if (!vars) return VAL_NULL;
  CTX(ctx)->vars = vars;
  TokenObject *t = (TokenObject *)gc_alloc(&TokenType, sizeof(TokenObject));
  t->ctx = ctx;
  t->var = self;
  t->old = old;
  return (Value)t;
}

static Value var_reset(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("reset", kw) || !args_count("reset", nargs, 1, 1)) return VAL_NULL;
  Value tok = args[0];
  if (!val_is_obj(tok) || tok->type != &TokenType)
    return err_set(&Exc_TypeError, "expected an instance of Token, got %R", tok);
  TokenObject *t = TOKEN(tok);
  if (t->used) return err_set(&Exc_RuntimeError, "%R has already been used once", tok);
  if (t->var != self) return err_set(&Exc_ValueError, "%R was created by a different ContextVar", tok);
  Value ctx = ts_current->context;
  if (t->ctx != ctx) return err_set(&Exc_ValueError, "%R was created in a different Context", tok);
  Value vars = vars_with(CTX(ctx)->vars, self, t->old);
  if (!vars) return VAL_NULL;
  CTX(ctx)->vars = vars;
  t->used = true;
  return VAL_NONE;
}

static Value class_getitem(Value cls, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("__class_getitem__", kw) || !args_count("__class_getitem__", nargs, 1, 1)) return VAL_NULL;
  return generic_alias_new(cls, args[0]);
}

static Value var_name(Value self) { return VAR(self)->name; }
static int var_set_name(Value self, Value v) {
  (void)self, (void)v;
  return ERR_INT(err_set(&Exc_AttributeError, "readonly attribute"));
}

static const NativeDef var_methods[] = {
    {"get", var_get, NATIVE_METHOD, NULL},
    {"set", var_set, NATIVE_METHOD, NULL},
    {"reset", var_reset, NATIVE_METHOD, NULL},
    {"__class_getitem__", class_getitem, NATIVE_CLASSMETHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef var_getsets[] = {
    {"name", var_name, var_set_name},
    {NULL, NULL, NULL},
};

static TypeObject ContextVarType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_contextvars.ContextVar",
    .instance_size = sizeof(ContextVarObject),
    .tp_new = var_tp_new,
    .trace = var_trace,
    .repr = var_repr,
    .methods = var_methods,
    .getsets = var_getsets,
};

/* ---- Token ----------------------------------------------------------------- */

static Value token_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)type, (void)args, (void)nargs, (void)kwnames;
  return err_set(&Exc_RuntimeError, "Tokens can only be created by ContextVars");
}

static void token_trace(Object *o) {
  mark(TOKEN(o)->ctx);
  mark(TOKEN(o)->var);
  mark(TOKEN(o)->old);
}

static Value token_repr(Value self) {
  return str_printf("<Token%s var=%R at %p>", TOKEN(self)->used ? " used" : "", TOKEN(self)->var, (void *)self);
}

static Value token_var(Value self) { return TOKEN(self)->var; }
static Value token_old_value(Value self) { return TOKEN(self)->old ? TOKEN(self)->old : &token_missing; }

static const NativeDef token_methods[] = {
    {"__class_getitem__", class_getitem, NATIVE_CLASSMETHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef token_getsets[] = {
    {"var", token_var, NULL},
    {"old_value", token_old_value, NULL},
    {NULL, NULL, NULL},
};

static TypeObject TokenType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_contextvars.Token",
    .instance_size = sizeof(TokenObject),
    .tp_new = token_tp_new,
    .trace = token_trace,
    .repr = token_repr,
    .methods = token_methods,
    .getsets = token_getsets,
};

static Value missing_repr(Value self) {
  (void)self;
  return str_from_cstr("<Token.MISSING>");
}

static TypeObject TokenMissingType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "Token.MISSING",
    .instance_size = sizeof(Object),
    .repr = missing_repr,
};

/* ---- the module ------------------------------------------------------------- */

static Value m_copy_context(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self, (void)args;
  if (nargs || (kw && kw->len))
    return err_set(&Exc_TypeError, "_contextvars.copy_context() takes no arguments (%zu given)",
                   nargs + (kw ? (size_t)kw->len : 0));
  return context_new(context_snapshot());
}

static const NativeDef contextvars_functions[] = {
    {"copy_context", m_copy_context, 0, "Return a copy of the current context."},
    {NULL, NULL, 0, NULL},
};

static int contextvars_init(Value module) {
  TypeObject *types[] = {&ContextType,      &ContextVarType,    &TokenType,        &TokenMissingType,
                         &ContextKeysType,  &ContextValuesType, &ContextItemsType};
  for (size_t i = 0; i < sizeof types / sizeof *types; i++) type_ready(types[i]);
  dict_set_cstr((Value)TokenType.dict, "MISSING", &token_missing);
  Value md = module_dict(module);
  dict_set_cstr(md, "Context", (Value)&ContextType);
  dict_set_cstr(md, "ContextVar", (Value)&ContextVarType);
  dict_set_cstr(md, "Token", (Value)&TokenType);
  return 0;
}

const NativeModuleDef _contextvars_module_def = {"_contextvars", contextvars_functions, contextvars_init};
