/* range.c — the range type.
 *
 * A range is immutable.  In the fast case (every bound a small int) it is
 * (start, stop, step, len) in C integers; every value it yields lies
 * between start and stop, so it is a tagged int and the range iterator
 * allocates nothing.  Wider bounds make a "long" range whose fields are
 * int Values (RangeObject.big), computed with the generic int operations
 * and iterated by longrange_iterator, as CPython does.  Membership of ints
 * is O(1) in both cases.
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

/* ---- ranges with bounds beyond the small ints ------------------------------ */

#define BIG(r, i) (TUPLE_ITEMS((r)->big)[i])
enum { B_START, B_STOP, B_STEP, B_LEN };

static Value add_(Value a, Value b) { return obj_binop(a, b, BINOP_ADD); }
static Value sub_(Value a, Value b) { return obj_binop(a, b, BINOP_SUB); }
static Value mul_(Value a, Value b) { return obj_binop(a, b, BINOP_MUL); }

/* len(range(lo, hi, step)) for int Values (CPython's compute_range_length). */
static Value big_length(Value lo, Value hi, Value step) {
  int cmp;
  if (int_sign(step) > 0) {
    cmp = obj_cmp_bool(lo, hi, CMP_LT);
  } else {
    cmp = obj_cmp_bool(hi, lo, CMP_LT);
    Value t = lo;
    lo = hi;
    hi = t;
    step = obj_neg(step);
    if (!step) return VAL_NULL;
  }
  if (cmp < 0) return VAL_NULL;
  if (!cmp) return val_from_int(0);
  Value d = sub_(hi, lo);
  if (!d) return VAL_NULL;
  d = sub_(d, val_from_int(1));
  if (!d) return VAL_NULL;
  d = obj_binop(d, step, BINOP_FLOORDIV);
  return d ? add_(d, val_from_int(1)) : VAL_NULL;
}

static Value long_range_new(Value start, Value stop, Value step) {
  if (val_is_int(start) && val_is_int(stop) && val_is_int(step))
    return range_new(val_int(start), val_int(stop), val_int(step));
  Value len = big_length(start, stop, step);
  if (!len) return VAL_NULL;
  RangeObject *r = (RangeObject *)gc_alloc(&RangeType, sizeof(RangeObject));
  r->big = tuple_pack(4, start, stop, step, len);
  return (Value)r;
}

/* The item at index i (0 <= i < len) of a long range. */
static Value big_item(RangeObject *r, Value i) {
  Value off = mul_(i, BIG(r, B_STEP));
  return off ? add_(BIG(r, B_START), off) : VAL_NULL;
}

/* Position of the int x in a long range: an int, None when absent, NULL on error. */
static Value big_position(RangeObject *r, Value x) {
  Value start = BIG(r, B_START), stop = BIG(r, B_STOP), step = BIG(r, B_STEP);
  int in;
  if (int_sign(step) > 0) {
    int a = obj_cmp_bool(start, x, CMP_LE), b = a > 0 ? obj_cmp_bool(x, stop, CMP_LT) : 0;
    if (a < 0 || b < 0) return VAL_NULL;
    in = a && b;
  } else {
    int a = obj_cmp_bool(stop, x, CMP_LT), b = a > 0 ? obj_cmp_bool(x, start, CMP_LE) : 0;
    if (a < 0 || b < 0) return VAL_NULL;
    in = a && b;
  }
  if (!in) return VAL_NONE;
  Value d = sub_(x, start);
  if (!d) return VAL_NULL;
  Value m = obj_binop(d, step, BINOP_MOD);
  if (!m) return VAL_NULL;
  if (int_sign(m) != 0) return VAL_NONE;
  return obj_binop(d, step, BINOP_FLOORDIV);
}

typedef struct {
  Object base;
  Value next, step, remaining; /* ints */
} LongRangeIterObject;

static void longrangeiter_trace(Object *o) {
  LongRangeIterObject *it = (LongRangeIterObject *)o;
  gc_mark(it->next);
  gc_mark(it->step);
  gc_mark(it->remaining);
}

static Value longrangeiter_next(Value self) {
  LongRangeIterObject *it = AS(LongRangeIterObject, self);
  if (int_sign(it->remaining) <= 0) return VAL_NULL;
  Value v = it->next;
  Value n = add_(v, it->step), rem = sub_(it->remaining, val_from_int(1));
  if (!n || !rem) return VAL_NULL;
  it->next = n;
  it->remaining = rem;
  return v;
}

static Value longrangeiter_self(Value self) { return self; }

static Value m_longiter_next(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  Value v = longrangeiter_next(self);
  if (!v && !err_occurred()) err_set_value((Value)&Exc_StopIteration);
  return v;
}

static Value m_longiter_hint(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return AS(LongRangeIterObject, self)->remaining;
}

static const NativeDef longrangeiter_methods[] = {
    {"__next__", m_longiter_next, NATIVE_METHOD},
    {"__length_hint__", m_longiter_hint, NATIVE_METHOD},
    {NULL},
};

TypeObject LongRangeIterType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "longrange_iterator",
    .instance_size = sizeof(LongRangeIterObject),
    .trace = longrangeiter_trace,
    .iter = longrangeiter_self,
    .iternext = longrangeiter_next,
    .methods = longrangeiter_methods,
};

static Value longrangeiter_new(Value start, Value step, Value len) {
  LongRangeIterObject *it = (LongRangeIterObject *)gc_alloc(&LongRangeIterType, sizeof(LongRangeIterObject));
  it->next = start;
  it->step = step;
  it->remaining = len;
  return (Value)it;
}

/* An int argument of range(): the value of __index__. */
static Value index_arg(Value v) {
  if (val_is_int(v)) return v;
  if (v == VAL_TRUE || v == VAL_FALSE) return val_from_int(v == VAL_TRUE);
  if (!val_is_intlike(v) && !val_type(v)->to_index)
    return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
  return val_is_intlike(v) && val_type(v) == &IntType ? v : obj_index(v);
}

static Value range_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len) return err_set(&Exc_TypeError, "range() takes no keyword arguments");
  if (nargs < 1) return err_set(&Exc_TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return err_set(&Exc_TypeError, "range expected at most 3 arguments, got %zu", nargs);
  Value start = val_from_int(0), stop, step = val_from_int(1);
  if (nargs == 1) {
    if (!(stop = index_arg(args[0]))) return VAL_NULL;
  } else {
    if (!(start = index_arg(args[0])) || !(stop = index_arg(args[1]))) return VAL_NULL;
    if (nargs == 3) {
      if (!(step = index_arg(args[2]))) return VAL_NULL;
      if (int_sign(step) == 0) return err_set(&Exc_ValueError, "range() arg 3 must not be zero");
    }
  }
  if (val_is_int(start) && val_is_int(stop) && val_is_int(step))
    return range_new(val_int(start), val_int(stop), val_int(step));
  return long_range_new(start, stop, step);
}

static Value range_repr(Value self) {
  RangeObject *r = AS(RangeObject, self);
  if (r->big) {
    if (BIG(r, B_STEP) == val_from_int(1)) return str_printf("range(%R, %R)", BIG(r, B_START), BIG(r, B_STOP));
    return str_printf("range(%R, %R, %R)", BIG(r, B_START), BIG(r, B_STOP), BIG(r, B_STEP));
  }
  if (r->step == 1) return str_printf("range(%zd, %zd)", (ssize_t)r->start, (ssize_t)r->stop);
  return str_printf("range(%zd, %zd, %zd)", (ssize_t)r->start, (ssize_t)r->stop, (ssize_t)r->step);
}

static Hash range_hash(Value self) {
  RangeObject *r = AS(RangeObject, self);
  Value t;
  if (r->big) {
    Value len = BIG(r, B_LEN);
    if (len == val_from_int(0)) t = tuple_pack(3, len, VAL_NONE, VAL_NONE);
    else if (len == val_from_int(1)) t = tuple_pack(3, len, BIG(r, B_START), VAL_NONE);
    else t = tuple_pack(3, len, BIG(r, B_START), BIG(r, B_STEP));
    return tuple_hash(t);
  }
  if (r->len == 0) t = tuple_pack(3, val_from_int(0), VAL_NONE, VAL_NONE);
  else if (r->len == 1) t = tuple_pack(3, val_from_int(1), int_from_i64(r->start), VAL_NONE);
  else t = tuple_pack(3, int_from_i64(r->len), int_from_i64(r->start), int_from_i64(r->step));
  return tuple_hash(t);
}

/* The four fields of any range as int Values. */
static Value as_big(RangeObject *r) {
  if (r->big) return r->big;
  return tuple_pack(4, int_from_i64(r->start), int_from_i64(r->stop), int_from_i64(r->step), int_from_i64(r->len));
}

/* Equal as sequences: same length, and same start and step where they matter. */
static int big_equal(RangeObject *a, RangeObject *b) {
  Value x = as_big(a), y = as_big(b);
  int k = obj_eq(TUPLE_ITEMS(x)[B_LEN], TUPLE_ITEMS(y)[B_LEN]);
  if (k <= 0) return k;
  if (TUPLE_ITEMS(x)[B_LEN] == val_from_int(0)) return 1;
  k = obj_eq(TUPLE_ITEMS(x)[B_START], TUPLE_ITEMS(y)[B_START]);
  if (k <= 0) return k;
  if (TUPLE_ITEMS(x)[B_LEN] == val_from_int(1)) return 1;
  return obj_eq(TUPLE_ITEMS(x)[B_STEP], TUPLE_ITEMS(y)[B_STEP]);
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
  RangeObject *x = AS(RangeObject, a), *y = AS(RangeObject, b);
  int eq;
  if (x->big || y->big) {
    eq = big_equal(x, y);
    if (eq < 0) return VAL_NULL;
  } else {
    eq = range_equal(x, y);
  }
  return val_bool(op == CMP_EQ ? eq : !eq);
}

static ssize_t range_len(Value self) {
  RangeObject *r = AS(RangeObject, self);
  if (!r->big) return r->len;
  if (val_is_int(BIG(r, B_LEN))) return val_int(BIG(r, B_LEN));
  err_set(&Exc_OverflowError, "Python int too large to convert to C ssize_t");
  return -1;
}

static int range_truthy(Value self) {
  RangeObject *r = AS(RangeObject, self);
  return r->big ? BIG(r, B_LEN) != val_from_int(0) : r->len != 0;
}

/* Position of the int v in r, or -1. */
static ssize_t int_position(RangeObject *r, intptr_t v) {
  if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return -1;
  intptr_t d = v - r->start;
  if (d % r->step) return -1;
  return (ssize_t)(d / r->step);
}

/* Position of x in r: >= 0, -1 when absent, -2 on error. */
static ssize_t position(RangeObject *r, Value x) {
  if (r->big) {
    /* Only ints are looked up arithmetically; the index must fit a ssize_t. */
    if (!val_is_int(x) && !val_is_intlike(x)) return -1;
    if (x == VAL_TRUE || x == VAL_FALSE) x = val_from_int(x == VAL_TRUE);
    Value p = big_position(r, x);
    if (!p) return -2;
    if (p == VAL_NONE) return -1;
    if (val_is_int(p)) return val_int(p);
    err_set(&Exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -2;
  }
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
  RangeObject *r = AS(RangeObject, self);
  if (r->big && (val_is_int(x) || val_is_intlike(x))) {
    if (x == VAL_TRUE || x == VAL_FALSE) x = val_from_int(x == VAL_TRUE);
    Value p = big_position(r, x);
    return p ? p != VAL_NONE : -1;
  }
  ssize_t p = position(r, x);
  return p == -2 ? -1 : p >= 0;
}

static Value range_iter(Value self) {
  RangeObject *r = AS(RangeObject, self);
  if (r->big) return longrangeiter_new(BIG(r, B_START), BIG(r, B_STEP), BIG(r, B_LEN));
  return rangeiter_new(r->start, r->step, r->len);
}

/* r[key] for a long range. */
static Value big_getitem(RangeObject *r, Value key) {
  Value len = BIG(r, B_LEN);
  if (val_is_slice(key)) {
    /* The slice bounds as ints clamped to the length (CPython's
     * _PySlice_GetLongIndices), then mapped onto the range. */
    SliceObject *sl = AS(SliceObject, key);
    Value step = sl->step == VAL_NONE ? val_from_int(1) : index_arg(sl->step);
    if (!step) return VAL_NULL;
    if (int_sign(step) == 0) return err_set(&Exc_ValueError, "slice step cannot be zero");
    bool neg = int_sign(step) < 0;
    Value lower = neg ? val_from_int(-1) : val_from_int(0);
    Value upper = neg ? sub_(len, val_from_int(1)) : len;
    if (!upper) return VAL_NULL;
    Value bound[2];
    Value given[2] = {sl->start, sl->stop};
    for (int k = 0; k < 2; k++) {
      if (given[k] == VAL_NONE) {
        bound[k] = (k == 0) == neg ? upper : lower;
        continue;
      }
      Value b = index_arg(given[k]);
      if (!b) return VAL_NULL;
      if (int_sign(b) < 0) {
        if (!(b = add_(b, len))) return VAL_NULL;
        int lt = obj_cmp_bool(b, lower, CMP_LT);
        if (lt < 0) return VAL_NULL;
        if (lt) b = lower;
      } else {
        int gt = obj_cmp_bool(b, upper, CMP_GT);
        if (gt < 0) return VAL_NULL;
        if (gt) b = upper;
      }
      bound[k] = b;
    }
    Value lo = big_item(r, bound[0]), hi = lo ? big_item(r, bound[1]) : VAL_NULL;
    Value st = hi ? mul_(BIG(r, B_STEP), step) : VAL_NULL;
    if (!st) return VAL_NULL;
    return long_range_new(lo, hi, st);
  }
  Value i = VAL_NULL;
  if (val_is_int(key) || val_is_intlike(key) || val_type(key)->to_index) i = index_arg(key);
  else return err_set(&Exc_TypeError, "range indices must be integers or slices, not %T", key);
  if (!i) return VAL_NULL;
  if (int_sign(i) < 0) {
    i = add_(i, len);
    if (!i) return VAL_NULL;
  }
  int ok = int_sign(i) >= 0 ? obj_cmp_bool(i, len, CMP_LT) : 0;
  if (ok < 0) return VAL_NULL;
  if (!ok) return err_set(&Exc_IndexError, "range object index out of range");
  return big_item(r, i);
}

static Value range_getitem(Value self, Value key) {
  RangeObject *r = AS(RangeObject, self);
  if (r->big) return big_getitem(r, key);
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
    int k = range_contains(self, x);
    return k < 0 ? VAL_NULL : val_from_int(k);
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
  if (r->big) {
    Value last = sub_(BIG(r, B_LEN), val_from_int(1));
    Value start = last ? big_item(r, last) : VAL_NULL, step = start ? obj_neg(BIG(r, B_STEP)) : VAL_NULL;
    if (!step) return VAL_NULL;
    return longrangeiter_new(start, step, BIG(r, B_LEN));
  }
  return rangeiter_new(r->start + (intptr_t)(r->len - 1) * r->step, -r->step, r->len);
}

static Value m_getitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__getitem__", nargs, kwnames, 1)) return VAL_NULL;
  return range_getitem(self, args[0]);
}

static Value m_len(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__len__", nargs, kwnames, 0)) return VAL_NULL;
  ssize_t n = range_len(self);
  return n < 0 ? VAL_NULL : val_from_int(n);
}

static Value m_contains(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__contains__", nargs, kwnames, 1)) return VAL_NULL;
  int k = range_contains(self, args[0]);
  return k < 0 ? VAL_NULL : val_bool(k);
}

static Value m_iter(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__iter__", nargs, kwnames, 0)) return VAL_NULL;
  return range_iter(self);
}

static Value get_start(Value self) { return TUPLE_ITEMS(as_big(AS(RangeObject, self)))[B_START]; }
static Value get_stop(Value self) { return TUPLE_ITEMS(as_big(AS(RangeObject, self)))[B_STOP]; }
static Value get_step(Value self) { return TUPLE_ITEMS(as_big(AS(RangeObject, self)))[B_STEP]; }

static void range_trace(Object *o) { gc_mark(((RangeObject *)o)->big); }

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
    .trace = range_trace,
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

void range_init(void) { type_ready(&LongRangeIterType); }
