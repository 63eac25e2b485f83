/* range.c — the range type.
 *
 * A range is immutable (start, stop, step, len) in C integers.  Bounds must
 * be small ints (62-bit); wider bounds raise OverflowError in this version
 * (CPython would accept them).  Because every value a range yields lies
 * between start and stop, it is always a tagged int, which keeps the
 * range iterator allocation-free.  Membership of ints is O(1).
 */
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/type.h"

static ssize_t range_length(intptr_t start, intptr_t stop, intptr_t step) {
  if (step > 0 && start < stop) return (ssize_t)((stop - start - 1) / step + 1);
  if (step < 0 && stop < start) return (ssize_t)((start - stop - 1) / (-step) + 1);
  return 0;
}

Value range_new(intptr_t start, intptr_t stop, intptr_t step) {
  RangeObject *r = (RangeObject *)gc_alloc(&RangeType, sizeof(RangeObject));
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->len = range_length(start, stop, step);
  return (Value)r;
}

/* A range bound: an int (or __index__) that fits the small-int range. */
static bool bound_arg(Value v, intptr_t *out) {
  if (val_is_int(v)) {
    *out = val_int(v);
    return true;
  }
  if (v == VAL_TRUE || v == VAL_FALSE) {
    *out = v == VAL_TRUE;
    return true;
  }
  if (!val_is_intlike(v) && !val_type(v)->to_index) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  Value i = val_is_intlike(v) ? v : obj_index(v);
  if (!i) return false;
  if (val_is_int(i)) {
    *out = val_int(i);
    return true;
  }
  err_set(&Exc_OverflowError, "Python int too large to convert to C ssize_t");
  return false;
}

static Value range_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len) return err_set(&Exc_TypeError, "range() takes no keyword arguments");
  if (nargs < 1) return err_set(&Exc_TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return err_set(&Exc_TypeError, "range expected at most 3 arguments, got %zu", nargs);
  intptr_t start = 0, stop, step = 1;
  if (nargs == 1) {
    if (!bound_arg(args[0], &stop)) return VAL_NULL;
  } else {
    if (!bound_arg(args[0], &start) || !bound_arg(args[1], &stop)) return VAL_NULL;
    if (nargs == 3) {
      if (!bound_arg(args[2], &step)) return VAL_NULL;
      if (step == 0) return err_set(&Exc_ValueError, "range() arg 3 must not be zero");
    }
  }
  return range_new(start, stop, step);
}

static Value range_repr(Value self) {
  RangeObject *r = AS(RangeObject, self);
  if (r->step == 1) return str_printf("range(%zd, %zd)", (ssize_t)r->start, (ssize_t)r->stop);
  return str_printf("range(%zd, %zd, %zd)", (ssize_t)r->start, (ssize_t)r->stop, (ssize_t)r->step);
}

static Hash range_hash(Value self) {
  RangeObject *r = AS(RangeObject, self);
  Value t;
  if (r->len == 0) t = tuple_pack(3, val_from_int(0), VAL_NONE, VAL_NONE);
  else if (r->len == 1) t = tuple_pack(3, val_from_int(1), int_from_i64(r->start), VAL_NONE);
  else t = tuple_pack(3, int_from_i64(r->len), int_from_i64(r->start), int_from_i64(r->step));
  return tuple_hash(t);
}

static bool range_equal(RangeObject *a, RangeObject *b) {
  if (a == b) return true;
  if (a->len != b->len) return false;
  if (a->len == 0) return true;
  if (a->start != b->start) return false;
  if (a->len == 1) return true;
  return a->step == b->step;
}

static Value range_richcompare(Value a, Value b, CmpOp op) {
  if (!val_is_obj(a) || !val_is_obj(b) || a->type != &RangeType || b->type != &RangeType ||
      (op != CMP_EQ && op != CMP_NE))
    return VAL_NOTIMPL;
  bool eq = range_equal(AS(RangeObject, a), AS(RangeObject, b));
  return val_bool(op == CMP_EQ ? eq : !eq);
}

static ssize_t range_len(Value self) { return AS(RangeObject, self)->len; }

static int range_truthy(Value self) { return AS(RangeObject, self)->len != 0; }

/* Position of the int v in r, or -1. */
static ssize_t int_position(RangeObject *r, intptr_t v) {
  if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return -1;
  intptr_t d = v - r->start;
  if (d % r->step) return -1;
  return (ssize_t)(d / r->step);
}

/* Position of x in r: >= 0, -1 when absent, -2 on error. */
static ssize_t position(RangeObject *r, Value x) {
  if (val_is_int(x)) return int_position(r, val_int(x));
  if (x == VAL_TRUE || x == VAL_FALSE) return int_position(r, x == VAL_TRUE);
  if (val_is_intlike(x)) return -1; /* a big int: beyond every bound */
  for (ssize_t i = 0; i < r->len; i++) {
    int k = obj_eq(val_from_int(r->start + (intptr_t)i * r->step), x);
    if (k < 0) return -2;
    if (k) return i;
  }
  return -1;
}

static int range_contains(Value self, Value x) {
  ssize_t p = position(AS(RangeObject, self), x);
  return p == -2 ? -1 : p >= 0;
}

static Value range_iter(Value self) {
  RangeObject *r = AS(RangeObject, self);
  return rangeiter_new(r->start, r->step, r->len);
}

static Value range_getitem(Value self, Value key) {
  RangeObject *r = AS(RangeObject, self);
  if (val_is_slice(key)) {
    ssize_t start, stop, step, n;
    if (slice_indices(key, r->len, &start, &stop, &step, &n) < 0) return VAL_NULL;
    return range_new(r->start + (intptr_t)start * r->step, r->start + (intptr_t)stop * r->step, r->step * step);
  }
  ssize_t i;
  if (!list_key_index(key, &i)) {
    if (err_occurred()) {
      if (err_matches(&Exc_IndexError)) {
        err_clear();
        err_set(&Exc_IndexError, "range object index out of range");
      }
      return VAL_NULL;
    }
    return err_set(&Exc_TypeError, "range indices must be integers or slices, not %T", key);
  }
  if (i < 0) i += r->len;
  if (i < 0 || i >= r->len) return err_set(&Exc_IndexError, "range object index out of range");
  return val_from_int(r->start + (intptr_t)i * r->step);
}

static Value m_count(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("count", kwnames) || !args_count("count", nargs, 1, 1)) return VAL_NULL;
  RangeObject *r = AS(RangeObject, self);
  Value x = args[0];
  if (val_is_int(x) || val_is_intlike(x)) {
    ssize_t p = position(r, x);
    return val_from_int(p >= 0);
  }
  ssize_t c = 0;
  for (ssize_t i = 0; i < r->len; i++) {
    int k = obj_eq(val_from_int(r->start + (intptr_t)i * r->step), x);
    if (k < 0) return VAL_NULL;
    c += k;
  }
  return val_from_int(c);
}

static Value m_index(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("index", kwnames) || !args_count("index", nargs, 1, 1)) return VAL_NULL;
  ssize_t p = position(AS(RangeObject, self), args[0]);
  if (p == -2) return VAL_NULL;
  if (p < 0) return err_set(&Exc_ValueError, "%R is not in range", args[0]);
  return val_from_int(p);
}

static Value m_reversed(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  RangeObject *r = AS(RangeObject, self);
  return rangeiter_new(r->start + (intptr_t)(r->len - 1) * r->step, -r->step, r->len);
}

static Value m_getitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__getitem__", nargs, 1, 1)) return VAL_NULL;
  return range_getitem(self, args[0]);
}

static Value m_len(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return val_from_int(AS(RangeObject, self)->len);
}

static Value m_contains(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__contains__", nargs, 1, 1)) return VAL_NULL;
  int k = range_contains(self, args[0]);
  return k < 0 ? VAL_NULL : val_bool(k);
}

static Value m_iter(Value self, Value *args, size_t nargs, TupleObject *kwnames) { return range_iter(self); }

static Value get_start(Value self) { return int_from_i64(AS(RangeObject, self)->start); }
static Value get_stop(Value self) { return int_from_i64(AS(RangeObject, self)->stop); }
static Value get_step(Value self) { return int_from_i64(AS(RangeObject, self)->step); }

static const NativeDef range_methods[] = {
    {"count", m_count, NATIVE_METHOD},
    {"index", m_index, NATIVE_METHOD},
    {"__reversed__", m_reversed, NATIVE_METHOD},
    {"__getitem__", m_getitem, NATIVE_METHOD},
    {"__len__", m_len, NATIVE_METHOD},
    {"__contains__", m_contains, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {NULL},
};

static const GetSetDef range_getsets[] = {
    {"start", get_start, NULL},
    {"stop", get_stop, NULL},
    {"step", get_step, NULL},
    {NULL},
};

TypeObject RangeType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "range",
    .instance_size = sizeof(RangeObject),
    .tp_new = range_tp_new,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .truthy = range_truthy,
    .iter = range_iter,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .methods = range_methods,
    .getsets = range_getsets,
};
