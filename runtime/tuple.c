/* tuple.c — the tuple type.
 *
 * A tuple's items are inline after its header and never change once the
 * creator has filled them (tuple_new leaves VAL_NULL slots the caller must
 * fill before the tuple escapes).  The empty tuple is one static object.
 * The hash is CPython 3.11's xxHash-based combination, so hash((1, 2)) is
 * the same number in both interpreters; it is cached when the items are
 * plain values (ints, strs, floats, tuples of those).
 */
#include <stdarg.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/type.h"

static TupleObject empty_tuple = {STATIC_OBJECT_HEADER(&TupleType), .len = 0, .hash = -1};

static TupleObject *tuple_alloc(TypeObject *type, ssize_t len) {
  TupleObject *t = (TupleObject *)gc_alloc(type, type->instance_size + (size_t)len * sizeof(Value));
  t->len = len;
  t->hash = -1;
  return t;
}

Value tuple_new(ssize_t len) {
  if (len <= 0) return (Value)&empty_tuple;
  return (Value)tuple_alloc(&TupleType, len);
}

Value tuple_from_array(Value *items, ssize_t n) {
  if (n <= 0) return (Value)&empty_tuple;
  TupleObject *t = tuple_alloc(&TupleType, n);
  memcpy(t->items, items, (size_t)n * sizeof(Value));
  return (Value)t;
}

Value tuple_pack(ssize_t n, ...) {
  if (n <= 0) return (Value)&empty_tuple;
  TupleObject *t = tuple_alloc(&TupleType, n);
  va_list ap;
  va_start(ap, n);
  for (ssize_t i = 0; i < n; i++) t->items[i] = va_arg(ap, Value);
  va_end(ap);
  return (Value)t;
}

Value tuple_from_iterable(Value iterable) {
  if (val_is_obj(iterable) && iterable->type == &TupleType) return iterable;
  if (val_type(iterable) == &ListType) return tuple_from_array(LIST_ITEMS(iterable), LIST_LEN(iterable));
  Value l = list_from_iterable(iterable);
  if (!l) return VAL_NULL;
  return tuple_from_array(LIST_ITEMS(l), LIST_LEN(l));
}

Value tuple_slice_array(Value *items, ssize_t start, ssize_t step, ssize_t n) {
  if (n <= 0) return (Value)&empty_tuple;
  TupleObject *t = tuple_alloc(&TupleType, n);
  for (ssize_t i = 0, j = start; i < n; i++, j += step) t->items[i] = items[j];
  return (Value)t;
}

/* ---- hashing: CPython's tuplehash (xxHash-like lanes) --------------------- */

#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

Hash tuple_hash(Value self) {
  TupleObject *t = AS(TupleObject, self);
  if (t->hash != -1) return t->hash;
  uint64_t acc = XXPRIME_5;
  /* The result is cached only when every item's hash is a pure function
   * of its value; a user __hash__ (which may print, or change) runs on
   * every call, as in CPython. */
  bool cacheable = true;
  for (ssize_t i = 0; i < t->len; i++) {
    Value x = t->items[i];
    Hash h;
    if (val_is_int(x)) {
      h = int_hash(x);
    } else {
      TypeObject *xt = x->type;
      if (!(xt == &StrType || xt == &IntType || xt == &FloatType || xt == &TupleType || xt == &BoolType ||
            x == VAL_NONE))
        cacheable = false;
      h = obj_hash(x);
      if (xt == &TupleType && AS(TupleObject, x)->hash == -1) cacheable = false;
    }
    if (h == -1) return -1;
    acc += (uint64_t)h * XXPRIME_2;
    acc = XXROTATE(acc);
    acc *= XXPRIME_1;
  }
  acc += (uint64_t)t->len ^ (XXPRIME_5 ^ 3527539UL);
  if (acc == (uint64_t)-1) acc = 1546275796;
  if (cacheable) t->hash = (Hash)acc;
  return (Hash)acc;
}

/* ---- slots ------------------------------------------------------------------ */

static void tuple_trace(Object *o) {
  TupleObject *t = (TupleObject *)o;
  gc_mark_array(t->items, (size_t)t->len);
}

static Value tuple_repr(Value self) {
  TupleObject *t = AS(TupleObject, self);
  if (t->len == 0) return str_from_cstr("()");
  if (list_repr_enter(self)) return str_from_cstr("(...)");
  StrBuilder sb;
  sb_init(&sb);
  sb_addc(&sb, '(');
  for (ssize_t i = 0; i < t->len; i++) {
    if (i) sb_add(&sb, ", ", 2);
    if (sb_add_repr(&sb, t->items[i]) < 0) {
      sb_free(&sb);
      list_repr_leave(self);
      return VAL_NULL;
    }
  }
  if (t->len == 1) sb_addc(&sb, ',');
  sb_addc(&sb, ')');
  list_repr_leave(self);
  return sb_finish(&sb);
}

static Value tuple_richcompare(Value a, Value b, CmpOp op) {
  if (!val_is_tuple(a) || !val_is_tuple(b)) return VAL_NOTIMPL;
  return list_seq_compare(a, b, op);
}

static ssize_t tuple_len(Value self) { return TUPLE_LEN(self); }

static int tuple_contains(Value self, Value item) {
  TupleObject *t = AS(TupleObject, self);
  for (ssize_t i = 0; i < t->len; i++) {
    if (t->items[i] == item) return 1;
    int k = obj_eq(t->items[i], item);
    if (k) return k;
  }
  return 0;
}

static Value tuple_iter(Value self) { return tupleiter_new(self); }

static Value tuple_getitem(Value self, Value key) {
  TupleObject *t = AS(TupleObject, self);
  ssize_t i;
  if (val_is_int(key)) {
    i = val_int(key);
  } else if (val_is_slice(key)) {
    ssize_t start, stop, step, n;
    if (slice_indices(key, t->len, &start, &stop, &step, &n) < 0) return VAL_NULL;
    if (n == t->len && step == 1 && self->type == &TupleType) return self;
    return tuple_slice_array(t->items, start, step, n);
  } else if (!list_key_index(key, &i)) {
    if (err_occurred()) return VAL_NULL;
    return err_set(&Exc_TypeError, "tuple indices must be integers or slices, not %T", key);
  }
  if (i < 0) i += t->len;
  if ((size_t)i >= (size_t)t->len) return err_set(&Exc_IndexError, "tuple index out of range");
  return t->items[i];
}

static Value tuple_add(Value a, Value b) {
  if (!val_is_tuple(a)) return VAL_NOTIMPL;
  if (!val_is_tuple(b)) {
    if (val_is_obj(b) && (b->type->flags & TP_HEAPTYPE) && b->type->binop[BINOP_ADD]) return VAL_NOTIMPL;
    return err_set(&Exc_TypeError, "can only concatenate tuple (not \"%T\") to tuple", b);
  }
  ssize_t na = TUPLE_LEN(a), nb = TUPLE_LEN(b);
  if (nb == 0 && a->type == &TupleType) return a;
  if (na == 0 && b->type == &TupleType) return b;
  TupleObject *t = tuple_alloc(&TupleType, na + nb);
  memcpy(t->items, TUPLE_ITEMS(a), (size_t)na * sizeof(Value));
  memcpy(t->items + na, TUPLE_ITEMS(b), (size_t)nb * sizeof(Value));
  return (Value)t;
}

static Value tuple_mul(Value a, Value b) {
  Value seq = val_is_tuple(a) ? a : b, n = seq == a ? b : a;
  if (!(val_is_int(n) || val_is_intlike(n) || val_type(n)->to_index)) {
    if (val_is_obj(n) && (n->type->flags & TP_HEAPTYPE) && seq == a) return VAL_NOTIMPL;
    return err_set(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
  }
  ssize_t k;
  if (!list_key_index(n, &k)) {
    if (!err_occurred()) err_set(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
    return VAL_NULL;
  }
  ssize_t len = TUPLE_LEN(seq);
  if (k <= 0 || len == 0) return (Value)&empty_tuple;
  if (k == 1 && seq->type == &TupleType) return seq;
  if (len > PTRDIFF_MAX / (ssize_t)sizeof(Value) / k) return err_no_memory();
  TupleObject *t = tuple_alloc(&TupleType, len * k);
  for (ssize_t i = 0; i < k; i++) memcpy(t->items + i * len, TUPLE_ITEMS(seq), (size_t)len * sizeof(Value));
  return (Value)t;
}

static Value tuple_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len && type == &TupleType)
    return err_set(&Exc_TypeError, "tuple() takes no keyword arguments");
  if (nargs > 1) return err_set(&Exc_TypeError, "tuple expected at most 1 argument, got %zu", nargs);
  Value t = nargs ? tuple_from_iterable(args[0]) : (Value)&empty_tuple;
  if (!t || type == &TupleType) return t;
  /* A subclass instance: copy the items into an object of that type. */
  TupleObject *r = tuple_alloc(type, TUPLE_LEN(t));
  memcpy(r->items, TUPLE_ITEMS(t), (size_t)TUPLE_LEN(t) * sizeof(Value));
  return (Value)r;
}

/* ---- methods ------------------------------------------------------------------ */

static Value m_count(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames || nargs != 1) {
    if (!args_no_kw("count", kwnames)) return VAL_NULL;
    return err_set(&Exc_TypeError, "tuple.count() takes exactly one argument (%zu given)", nargs);
  }
  ssize_t c = 0;
  for (ssize_t i = 0; i < TUPLE_LEN(self); i++) {
    Value x = TUPLE_ITEMS(self)[i];
    int k = x == args[0] ? 1 : obj_eq(x, args[0]);
    if (k < 0) return VAL_NULL;
    c += k;
  }
  return val_from_int(c);
}

static Value m_index(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("index", kwnames)) return VAL_NULL;
  if (nargs < 1) return err_set(&Exc_TypeError, "index expected at least 1 argument, got %zu", nargs);
  if (nargs > 3) return err_set(&Exc_TypeError, "index expected at most 3 arguments, got %zu", nargs);
  ssize_t len = TUPLE_LEN(self), start = 0, stop = PTRDIFF_MAX;
  for (size_t a = 1; a < nargs; a++) {
    ssize_t *dst = a == 1 ? &start : &stop;
    if (slice_index_not_none(args[a], dst) < 0) return VAL_NULL;
    if (*dst < 0) {
      *dst += len;
      if (*dst < 0) *dst = 0;
    }
  }
  for (ssize_t i = start; i < stop && i < len; i++) {
    Value x = TUPLE_ITEMS(self)[i];
    int k = x == args[0] ? 1 : obj_eq(x, args[0]);
    if (k < 0) return VAL_NULL;
    if (k) return val_from_int(i);
  }
  return err_set(&Exc_ValueError, "tuple.index(x): x not in tuple");
}

static Value m_getitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__getitem__", nargs, kwnames, 1)) return VAL_NULL;
  return tuple_getitem(self, args[0]);
}

static Value m_len(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__len__", nargs, kwnames, 0)) return VAL_NULL;
  return val_from_int(TUPLE_LEN(self));
}

static Value m_contains(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__contains__", nargs, kwnames, 1)) return VAL_NULL;
  int k = tuple_contains(self, args[0]);
  return k < 0 ? VAL_NULL : val_bool(k);
}

static Value m_iter(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__iter__", nargs, kwnames, 0)) return VAL_NULL;
  return tupleiter_new(self);
}

static Value m_getnewargs(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return tuple_pack(1, tuple_from_array(TUPLE_ITEMS(self), TUPLE_LEN(self)));
}

static Value m_class_getitem(Value cls, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__class_getitem__", nargs, 1, 1)) return VAL_NULL;
  return generic_alias_new(cls, args[0]);
}

static const NativeDef tuple_methods[] = {
    {"count", m_count, NATIVE_METHOD},
    {"index", m_index, NATIVE_METHOD},
    {"__getitem__", m_getitem, NATIVE_METHOD},
    {"__len__", m_len, NATIVE_METHOD},
    {"__contains__", m_contains, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {"__getnewargs__", m_getnewargs, NATIVE_METHOD},
    {"__class_getitem__", m_class_getitem, NATIVE_CLASSMETHOD},
    {NULL},
};

TypeObject TupleType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "tuple",
    .instance_size = sizeof(TupleObject),
    .flags = TP_BASETYPE | TP_TUPLE_SUBCLASS,
    .tp_new = tuple_tp_new,
    .trace = tuple_trace,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = tuple_iter,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .binop = {[BINOP_ADD] = tuple_add, [BINOP_MUL] = tuple_mul},
    .methods = tuple_methods,
};
