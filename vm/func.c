/* func.c — Python function objects and cells.
 *
 * A FunctionObject pairs a code object with the globals (and the builtins
 * dict looked up from them once, at creation) it runs in, plus defaults,
 * keyword-only defaults, the closure (a tuple of cells, one per free
 * variable of the code) and the usual writable attributes.  Calling one
 * goes through eval_call_function (eval.c); the eval loop's CALL bypasses
 * that and pushes the frame inline.  Arbitrary attributes live in a dict at
 * FunctionType.dict_offset (so `f.__wrapped__ = g` works generically).
 *
 * A CellObject holds one variable shared between a scope and the closures
 * made in it; VAL_NULL means "unbound".
 */
#include <stdio.h>
#include <stddef.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/func.h"
#include "vm/gil.h"

static inline void mark(Value v) {
  if (val_is_obj(v)) gc_mark(v);
}

/* ---- functions ----------------------------------------------------------- */

Value func_new(CodeObject *code, Value globals, Value builtins) {
  FunctionObject *f = (FunctionObject *)gc_alloc(&FunctionType, sizeof(FunctionObject));
  f->code = code;
  f->globals = globals;
  f->builtins = builtins ? builtins : call_builtins_for(globals);
  f->name = code->name;
  f->qualname = code->qualname ? code->qualname : code->name;
  Value modname = val_is_dict(globals) ? dict_get_str(globals, NAME(__name__)) : VAL_NULL;
  f->module = modname ? modname : VAL_NONE;
  /* CPython's convention: a function's first constant is its docstring or None. */
  Value doc = VAL_NONE;
  if (code->consts && val_is_tuple(code->consts) && TUPLE_LEN(code->consts) > 0 &&
      val_is_str(TUPLE_ITEMS(code->consts)[0]))
    doc = TUPLE_ITEMS(code->consts)[0];
  f->doc = doc;
  return (Value)f;
}

static void func_trace(Object *o) {
  FunctionObject *f = (FunctionObject *)o;
  gc_mark_obj(f->code);
  mark(f->globals);
  mark(f->builtins);
  mark(f->name);
  mark(f->qualname);
  mark(f->defaults);
  mark(f->kwdefaults);
  mark(f->closure);
  mark(f->doc);
  mark(f->module);
  mark(f->annotations);
  mark(f->dict);
}

static Value func_repr(Value self) {
  FunctionObject *f = AS(FunctionObject, self);
  char buf[64];
  snprintf(buf, sizeof buf, " at %p>", (void *)self);
  return str_printf("<function %U%s", f->qualname, buf);
}

static Value func_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames) {
  return eval_call_function(callable, args, nargs, kwnames);
}

static Value func_descr_get(Value descr, Value obj, Value type) {
  if (!obj || obj == VAL_NONE) return descr;
  return method_new(descr, obj);
}

static Value get_name(Value self) { return AS(FunctionObject, self)->name; }
static int set_name(Value self, Value v) {
  if (!v || !val_is_str(v)) return ERR_INT(err_set(&Exc_TypeError, "__name__ must be set to a string object"));
  AS(FunctionObject, self)->name = v;
  return 0;
}
static Value get_qualname(Value self) { return AS(FunctionObject, self)->qualname; }
static int set_qualname(Value self, Value v) {
  if (!v || !val_is_str(v)) return ERR_INT(err_set(&Exc_TypeError, "__qualname__ must be set to a string object"));
  AS(FunctionObject, self)->qualname = v;
  return 0;
}
static Value get_module(Value self) { return AS(FunctionObject, self)->module; }
static int set_module(Value self, Value v) {
  AS(FunctionObject, self)->module = v ? v : VAL_NONE;
  return 0;
}
static Value get_doc(Value self) { return AS(FunctionObject, self)->doc; }
static int set_doc(Value self, Value v) {
  AS(FunctionObject, self)->doc = v ? v : VAL_NONE;
  return 0;
}
static Value get_defaults(Value self) {
  Value d = AS(FunctionObject, self)->defaults;
  return d ? d : VAL_NONE;
}
static int set_defaults(Value self, Value v) {
  if (v == VAL_NONE) v = VAL_NULL;
  if (v && !val_is_tuple(v)) return ERR_INT(err_set(&Exc_TypeError, "__defaults__ must be set to a tuple object"));
  AS(FunctionObject, self)->defaults = v;
  return 0;
}
static Value get_kwdefaults(Value self) {
  Value d = AS(FunctionObject, self)->kwdefaults;
  return d ? d : VAL_NONE;
}
static int set_kwdefaults(Value self, Value v) {
  if (v == VAL_NONE) v = VAL_NULL;
  if (v && !val_is_dict(v)) return ERR_INT(err_set(&Exc_TypeError, "__kwdefaults__ must be set to a dict object"));
  AS(FunctionObject, self)->kwdefaults = v;
  return 0;
}
static Value get_code(Value self) { return (Value)AS(FunctionObject, self)->code; }
static int set_code(Value self, Value v) {
  if (!v || !val_is_obj(v) || v->type != &CodeType)
    return ERR_INT(err_set(&Exc_TypeError, "__code__ must be set to a code object"));
  AS(FunctionObject, self)->code = AS(CodeObject, v);
  return 0;
}
static Value get_globals(Value self) { return AS(FunctionObject, self)->globals; }
static Value get_builtins(Value self) { return AS(FunctionObject, self)->builtins; }
static Value get_closure(Value self) {
  Value c = AS(FunctionObject, self)->closure;
  return c ? c : VAL_NONE;
}
static Value get_dict(Value self) {
  FunctionObject *f = AS(FunctionObject, self);
  if (!f->dict) f->dict = dict_new();
  return f->dict;
}
static int set_dict(Value self, Value v) {
  if (!v || !val_is_dict(v)) return ERR_INT(err_set(&Exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", v ? v : VAL_NONE));
  AS(FunctionObject, self)->dict = v;
  return 0;
}
static Value get_annotations(Value self) {
  FunctionObject *f = AS(FunctionObject, self);
  if (!f->annotations || f->annotations == VAL_NONE) f->annotations = dict_new();
  return f->annotations;
}
static int set_annotations(Value self, Value v) {
  if (v == VAL_NONE) v = VAL_NULL;
  if (v && !val_is_dict(v)) return ERR_INT(err_set(&Exc_TypeError, "__annotations__ must be set to a dict object"));
  AS(FunctionObject, self)->annotations = v;
  return 0;
}

static const GetSetDef func_getsets[] = {
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {"__module__", get_module, set_module},
    {"__doc__", get_doc, set_doc},
    {"__defaults__", get_defaults, set_defaults},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults},
    {"__code__", get_code, set_code},
    {"__globals__", get_globals, NULL},
    {"__builtins__", get_builtins, NULL},
    {"__closure__", get_closure, NULL},
    {"__dict__", get_dict, set_dict},
    {"__annotations__", get_annotations, set_annotations},
    {NULL},
};

TypeObject FunctionType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "function",
    .instance_size = sizeof(FunctionObject),
    .dict_offset = offsetof(FunctionObject, dict),
    .trace = func_trace,
    .repr = func_repr,
    .call = func_call,
    .descr_get = func_descr_get,
    .getsets = func_getsets,
};

/* ---- cells --------------------------------------------------------------- */

Value cell_new(Value v) {
  CellObject *c = (CellObject *)gc_alloc(&CellType, sizeof(CellObject));
  c->value = v;
  return (Value)c;
}

static void cell_trace(Object *o) { mark(((CellObject *)o)->value); }

static Value cell_repr(Value self) {
  Value v = AS(CellObject, self)->value;
  char buf[96];
  if (!v) {
    snprintf(buf, sizeof buf, "<cell at %p: empty>", (void *)self);
    return str_from_cstr(buf);
  }
  char buf2[48];
  snprintf(buf, sizeof buf, "<cell at %p: ", (void *)self);
  snprintf(buf2, sizeof buf2, " object at %p>", (void *)v);
  return str_printf("%s%s%s", buf, val_type(v)->name, buf2);
}

static Value cell_get_contents(Value self) {
  Value v = AS(CellObject, self)->value;
  if (!v) return err_set(&Exc_ValueError, "Cell is empty");
  return v;
}
static int cell_set_contents(Value self, Value v) {
  AS(CellObject, self)->value = v;
  return 0;
}

static const GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {NULL},
};

TypeObject CellType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "cell",
    .instance_size = sizeof(CellObject),
    .trace = cell_trace,
    .repr = cell_repr,
    .getsets = cell_getsets,
};

/* ---- start-up ------------------------------------------------------------ */

void gen_types_init(void); /* gen.c */

void vm_init(void) {
  type_ready(&FunctionType);
  type_ready(&CellType);
  gen_types_init();
  if (!ts_current) {
    ThreadState *ts = ts_new();
    gil_init();
    gil_take(ts); /* makes it ts_current */
  }
  eval_signals_init();
}
