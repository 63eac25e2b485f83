/* dictview.c — dict.keys(), dict.values(), dict.items().
 *
 * A view holds only its dict and reads it live.  keys and items views are
 * set-like: `in`, comparisons with sets and views, and the operators
 * & | - ^ (which return a new set, computed as CPython does so that the
 * result's iteration order matches), plus isdisjoint.
 */
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"

#define VIEW_DICT(v) (AS(DictViewObject, (v))->dict)

static inline bool is_keys(Value v) { return val_is_obj(v) && v->type == &DictKeysType; }
static inline bool is_items(Value v) { return val_is_obj(v) && v->type == &DictItemsType; }
static inline bool is_setlike_view(Value v) { return is_keys(v) || is_items(v); }

Value dictview_new(Value dict, TypeObject *type) {
  DictViewObject *v = (DictViewObject *)gc_alloc(type, sizeof(DictViewObject));
  v->dict = dict;
  return (Value)v;
}

static void view_trace(Object *o) { gc_mark(((DictViewObject *)o)->dict); }

static ssize_t view_len(Value self) { return DICT_LEN(VIEW_DICT(self)); }

static int kind_of(Value self) {
  return self->type == &DictKeysType ? DICTITER_KEYS : self->type == &DictValuesType ? DICTITER_VALUES : DICTITER_ITEMS;
}

static Value view_iter(Value self) { return dictiter_new(VIEW_DICT(self), kind_of(self), false); }

static Value view_repr(Value self) {
  if (list_repr_enter(self)) return str_from_cstr("...");
  Value l = list_from_iterable(self);
  Value r = l ? str_printf("%s(%R)", self->type->name, l) : VAL_NULL;
  list_repr_leave(self);
  return r;
}

static Hash view_unhashable(Value self) {
  err_set(&Exc_TypeError, "unhashable type: '%T'", self);
  return -1;
}

static int keys_contains(Value self, Value key) { return dict_contains(VIEW_DICT(self), key); }

static int items_contains(Value self, Value item) {
  if (!val_is_tuple(item) || TUPLE_LEN(item) != 2) return 0;
  Value v = dict_get(VIEW_DICT(self), TUPLE_ITEMS(item)[0]);
  if (!v) return err_occurred() ? -1 : 0;
  Value want = TUPLE_ITEMS(item)[1];
  return v == want ? 1 : obj_eq(v, want);
}

static int values_contains(Value self, Value x) {
  Value d = VIEW_DICT(self);
  ssize_t pos = 0;
  Value v;
  while (dict_next(d, &pos, NULL, &v)) {
    int k = v == x ? 1 : obj_eq(v, x);
    if (k) return k;
  }
  return 0;
}

/* 1 when every item of `a` is in `b` (any container). */
static int all_contained_in(Value a, Value b) {
  Value it = obj_iter(a);
  if (!it) return -1;
  for (;;) {
    Value x = obj_next(it);
    if (!x) return err_occurred() ? -1 : 1;
    int k = obj_contains(b, x);
    if (k <= 0) return k;
  }
}

static Value view_richcompare(Value a, Value b, CmpOp op) {
  if (!val_is_anyset(b) && !is_setlike_view(b)) return VAL_NOTIMPL;
  ssize_t la = obj_len(a), lb = obj_len(b);
  if (la < 0 || lb < 0) return VAL_NULL;
  int r = 0;
  switch (op) {
    case CMP_EQ:
    case CMP_NE:
      r = la == lb ? all_contained_in(a, b) : 0;
      if (r < 0) return VAL_NULL;
      return val_bool(op == CMP_EQ ? r : !r);
    case CMP_LT: r = la < lb ? all_contained_in(a, b) : 0; break;
    case CMP_LE: r = la <= lb ? all_contained_in(a, b) : 0; break;
    case CMP_GT: r = la > lb ? all_contained_in(b, a) : 0; break;
    default: r = la >= lb ? all_contained_in(b, a) : 0; break;
  }
  return r < 0 ? VAL_NULL : val_bool(r);
}

/* set(view) — from the dict itself for keys views (same order, known hashes). */
static Value to_set(Value v) {
  if (is_keys(v) && VIEW_DICT(v)->type == &DictType) return set_new(VIEW_DICT(v));
  return set_new(v);
}

static Value call_set_method(Value s, const char *name, Value arg) {
  Value r = obj_call_method(s, str_intern_cstr(name), &arg, 1);
  return r;
}

static Value view_and(Value a, Value b) {
  /* CPython's _PyDictView_Intersect. */
  if (!is_setlike_view(a)) {
    Value t = a;
    a = b;
    b = t;
  }
  ssize_t la = obj_len(a);
  if (la < 0) return VAL_NULL;
  if (val_is_obj(b) && b->type == &SetType && la <= AS(SetObject, b)->len)
    return call_set_method(b, "intersection", a);
  if (is_setlike_view(b)) {
    ssize_t lb = obj_len(b);
    if (lb > la) {
      Value t = a;
      a = b;
      b = t;
    }
  }
  Value result = set_new(VAL_NULL);
  Value it = obj_iter(b);
  if (!it) return VAL_NULL;
  for (;;) {
    Value x = obj_next(it);
    if (!x) break;
    int k = is_keys(a) ? keys_contains(a, x) : items_contains(a, x);
    if (k < 0) return VAL_NULL;
    if (k && set_add(result, x) < 0) return VAL_NULL;
  }
  return err_occurred() ? VAL_NULL : result;
}

static Value view_or(Value a, Value b) {
  Value r = to_set(a);
  if (!r || set_update(r, b) < 0) return VAL_NULL;
  return r;
}

static Value view_sub(Value a, Value b) {
  Value r = to_set(a);
  if (!r) return VAL_NULL;
  Value x = call_set_method(r, "difference_update", b);
  return x ? r : VAL_NULL;
}

static Value view_xor(Value a, Value b) {
  Value r = to_set(a);
  if (!r) return VAL_NULL;
  Value x = call_set_method(r, "symmetric_difference_update", b);
  return x ? r : VAL_NULL;
}

static Value m_isdisjoint(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("isdisjoint", kwnames) || !args_count("isdisjoint", nargs, 1, 1)) return VAL_NULL;
  Value it = obj_iter(args[0]);
  if (!it) return VAL_NULL;
  for (;;) {
    Value x = obj_next(it);
    if (!x) return err_occurred() ? VAL_NULL : VAL_TRUE;
    int k = obj_contains(self, x);
    if (k < 0) return VAL_NULL;
    if (k) return VAL_FALSE;
  }
}

static Value m_reversed(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return dictiter_new(VIEW_DICT(self), kind_of(self), true);
}

static Value m_len(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return val_from_int(view_len(self));
}

static Value m_iter(Value self, Value *args, size_t nargs, TupleObject *kwnames) { return view_iter(self); }

static Value get_mapping(Value self) { return mappingproxy_new(VIEW_DICT(self)); }

static const GetSetDef view_getsets[] = {
    {"mapping", get_mapping, NULL},
    {NULL},
};

static const NativeDef setlike_methods[] = {
    {"isdisjoint", m_isdisjoint, NATIVE_METHOD},
    {"__reversed__", m_reversed, NATIVE_METHOD},
    {"__len__", m_len, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {NULL},
};

static const NativeDef values_methods[] = {
    {"__reversed__", m_reversed, NATIVE_METHOD},
    {"__len__", m_len, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {NULL},
};

#define SETLIKE_BINOPS \
  {[BINOP_AND] = view_and, [BINOP_OR] = view_or, [BINOP_SUB] = view_sub, [BINOP_XOR] = view_xor}

TypeObject DictKeysType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "dict_keys",
    .instance_size = sizeof(DictViewObject),
    .trace = view_trace,
    .repr = view_repr,
    .hash = view_unhashable,
    .richcompare = view_richcompare,
    .iter = view_iter,
    .len = view_len,
    .contains = keys_contains,
    .binop = SETLIKE_BINOPS,
    .methods = setlike_methods,
    .getsets = view_getsets,
};

TypeObject DictItemsType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "dict_items",
    .instance_size = sizeof(DictViewObject),
    .trace = view_trace,
    .repr = view_repr,
    .hash = view_unhashable,
    .richcompare = view_richcompare,
    .iter = view_iter,
    .len = view_len,
    .contains = items_contains,
    .binop = SETLIKE_BINOPS,
    .methods = setlike_methods,
    .getsets = view_getsets,
};

TypeObject DictValuesType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "dict_values",
    .instance_size = sizeof(DictViewObject),
    .trace = view_trace,
    .repr = view_repr,
    .iter = view_iter,
    .len = view_len,
    .contains = values_contains,
    .methods = values_methods,
    .getsets = view_getsets,
};

void dictview_init(void) {
  type_ready(&DictKeysType);
  type_ready(&DictItemsType);
  type_ready(&DictValuesType);
}
