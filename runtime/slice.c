/* slice.c — the slice type and the shared slice/index arithmetic.
 *
 * Owns SliceType.  A slice's three fields are always real Values (None for
 * an omitted bound), so tracing and repr need no special cases.  Slices are
 * unhashable in 3.11 and compare like the tuple (start, stop, step).
 */
#include "runtime/slice.h"

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

Value slice_new(Value start, Value stop, Value step) {
  SliceObject *s = (SliceObject *)gc_alloc(&SliceType, sizeof(SliceObject));
  s->start = start ? start : VAL_NONE;
  s->stop = stop ? stop : VAL_NONE;
  s->step = step ? step : VAL_NONE;
  return (Value)s;
}

/* Clamps an int (tagged or big) to the ssize_t range. */
static ssize_t clamp_int(Value v) {
  if (val_is_int(v)) return val_int(v);
  int64_t i;
  if (int_to_i64(v, &i)) return (ssize_t)i;
  err_clear();
  return int_sign(v) < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
}

int slice_index_clamped(Value v, ssize_t *out) {
  if (val_is_int(v)) {
    *out = val_int(v);
    return 0;
  }
  if (v == VAL_NONE) return 0;
  if (v == VAL_TRUE || v == VAL_FALSE) {
    *out = v == VAL_TRUE;
    return 0;
  }
  if (val_is_intlike(v)) {
    *out = clamp_int(v);
    return 0;
  }
  if (val_type(v)->to_index) {
    Value i = obj_index(v);
    if (!i) return -1;
    *out = clamp_int(i);
    return 0;
  }
  err_set(&Exc_TypeError, "slice indices must be integers or None or have an __index__ method");
  return -1;
}

/* list.index/tuple.index bounds (CPython's _PyEval_SliceIndexNotNone):
 * None is refused, with the message that does not offer it. */
int slice_index_not_none(Value v, ssize_t *out) {
  if (v == VAL_NONE || !(val_is_intlike(v) || val_type(v)->to_index)) {
    err_set(&Exc_TypeError, "slice indices must be integers or have an __index__ method");
    return -1;
  }
  return slice_index_clamped(v, out);
}

int slice_unpack(Value slice, ssize_t *start, ssize_t *stop, ssize_t *step) {
  SliceObject *s = AS(SliceObject, slice);
  if (s->step == VAL_NONE) {
    *step = 1;
  } else {
    if (slice_index_clamped(s->step, step) < 0) return -1;
    if (*step == 0) {
      err_set(&Exc_ValueError, "slice step cannot be zero");
      return -1;
    }
    /* -step must not overflow when the sequence code negates it. */
    if (*step < -PTRDIFF_MAX) *step = -PTRDIFF_MAX;
  }
  if (s->start == VAL_NONE) {
    *start = *step < 0 ? PTRDIFF_MAX : 0;
  } else if (slice_index_clamped(s->start, start) < 0) {
    return -1;
  }
  if (s->stop == VAL_NONE) {
    *stop = *step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
  } else if (slice_index_clamped(s->stop, stop) < 0) {
    return -1;
  }
  return 0;
}

ssize_t slice_adjust(ssize_t len, ssize_t *start, ssize_t *stop, ssize_t step) {
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= len) {
    *start = step < 0 ? len - 1 : len;
  }
  if (*stop < 0) {
    *stop += len;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= len) {
    *stop = step < 0 ? len - 1 : len;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

int slice_indices(Value slice, ssize_t len, ssize_t *start, ssize_t *stop, ssize_t *step,
                  ssize_t *slicelen) {
  if (slice_unpack(slice, start, stop, step) < 0) return -1;
  *slicelen = slice_adjust(len, start, stop, *step);
  return 0;
}

static Value slice_repr(Value self) {
  SliceObject *s = AS(SliceObject, self);
  return str_printf("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Hash slice_hash(Value self) {
  err_set(&Exc_TypeError, "unhashable type: 'slice'");
  return -1;
}

static Value slice_richcompare(Value a, Value b, CmpOp op) {
  if (!val_is_slice(b)) return VAL_NOTIMPL;
  SliceObject *x = AS(SliceObject, a), *y = AS(SliceObject, b);
  Value ta = tuple_pack(3, x->start, x->stop, x->step);
  Value tb = tuple_pack(3, y->start, y->stop, y->step);
  return obj_richcompare(ta, tb, op);
}

static void slice_trace(Object *o) {
  SliceObject *s = (SliceObject *)o;
  gc_mark(s->start);
  gc_mark(s->stop);
  gc_mark(s->step);
}

static Value slice_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("slice", kwnames)) return VAL_NULL;
  if (nargs < 1) return err_set(&Exc_TypeError, "slice expected at least 1 argument, got 0");
  if (nargs > 3) return err_set(&Exc_TypeError, "slice expected at most 3 arguments, got %zu", nargs);
  if (nargs == 1) return slice_new(VAL_NONE, args[0], VAL_NONE);
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : VAL_NONE);
}

static Value slice_indices_method(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("indices", kwnames) || !args_count("indices", nargs, 1, 1)) return VAL_NULL;
  Value n = obj_index(args[0]);
  if (!n) return VAL_NULL;
  int64_t len;
  if (!int_to_i64(n, &len)) return VAL_NULL;
  if (len < 0) return err_set(&Exc_ValueError, "length should not be negative");
  ssize_t start, stop, step, slicelen;
  if (slice_indices(self, (ssize_t)len, &start, &stop, &step, &slicelen) < 0) return VAL_NULL;
  return tuple_pack(3, int_from_i64(start), int_from_i64(stop), int_from_i64(step));
}

static Value get_start(Value self) { return AS(SliceObject, self)->start; }
static Value get_stop(Value self) { return AS(SliceObject, self)->stop; }
static Value get_step(Value self) { return AS(SliceObject, self)->step; }

static const NativeDef slice_methods[] = {
    {"indices", slice_indices_method, NATIVE_METHOD},
    {NULL},
};
static const GetSetDef slice_getsets[] = {
    {"start", get_start, NULL},
    {"stop", get_stop, NULL},
    {"step", get_step, NULL},
    {NULL},
};

TypeObject SliceType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "slice",
    .instance_size = sizeof(SliceObject),
    .tp_new = slice_tp_new,
    .trace = slice_trace,
    .repr = slice_repr,
    .hash = slice_hash,
    .richcompare = slice_richcompare,
    .methods = slice_methods,
    .getsets = slice_getsets,
};
