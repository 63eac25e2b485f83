/* _collections.c — the _collections module: collections.deque in C.
 *
 * A deque keeps its items in a ring buffer: items[0..cap) with cap a power
 * of two (0 when there is no buffer), the i-th item at
 * items[(head + i) & (cap - 1)].  Both ends are amortised O(1), indexing is
 * O(1) anywhere, rotate(n) moves min(|n|, len - |n|) pointers (none when the
 * buffer is full), and insert/del in the middle shift the shorter side.  The
 * buffer doubles when full and halves when it falls to a quarter full
 * (never below SHRINK_MIN slots), so a drained queue gives its memory back.
 * Slots outside the live range hold stale words and are never traced.
 *
 * `state` counts the structural mutations (CPython's deque->state):
 * iterators and the methods that call back into Python code (count, index,
 * remove, `in`, comparisons) take a snapshot and raise RuntimeError "deque
 * mutated during iteration" (IndexError for remove, as 3.11) when it
 * changed, instead of reading a buffer that may have moved.  As in CPython,
 * item assignment and reverse() do not count as mutations.
 *
 * Every method runs under the GIL, which a native gives up only inside the
 * calls back into Python code it makes (__eq__, __index__, iterating its
 * argument); the buffer is re-read after each such call.  That is enough for
 * a deque shared between threads (queue.Queue).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/type.h"

typedef struct {
  Object base;
  Value *items;   /* ring buffer of cap slots (malloc'd), NULL when cap == 0 */
  ssize_t cap;    /* 0 or a power of two */
  ssize_t head;   /* slot of item 0 */
  ssize_t len;
  ssize_t maxlen; /* -1: unbounded */
  size_t state;   /* bumped by every structural mutation */
} DequeObject;

/* An iterator over a deque, forward or reversed: `index` is the logical
 * index of the next item, `counter` how many remain. */
typedef struct {
  Object base;
  Value deque;
  ssize_t index;
  ssize_t counter;
  size_t state;
} DequeIterObject;

TypeObject DequeType, DequeIterType, DequeRevIterType;

enum { MIN_CAP = 8, SHRINK_MIN = 64 };

#define DQ(v) AS(DequeObject, (v))

static inline bool is_deque(Value v) {
  return val_is_obj(v) && (v->type == &DequeType || type_is_subtype(v->type, &DequeType));
}

static inline Value *dq_slot(DequeObject *d, ssize_t i) { return &d->items[(d->head + i) & (d->cap - 1)]; }

static Value deque_iter(Value self);

/* True when iterating `v` runs deque's own iterator (no __iter__ override). */
static inline bool plain_iter(Value v) { return val_type(v)->iter == deque_iter; }

static Value mutated_error(void) { return err_set(&Exc_RuntimeError, "deque mutated during iteration"); }

/* ---- storage ------------------------------------------------------------ */

/* Moves the items into a fresh buffer of `cap` slots (cap >= len, a power
 * of two, or 0 for an empty deque).  False with MemoryError set. */
static bool set_capacity(DequeObject *d, ssize_t cap) {
  Value *items = NULL;
  if (cap) {
    if ((size_t)cap > PTRDIFF_MAX / sizeof(Value) || !(items = malloc((size_t)cap * sizeof(Value)))) {
      err_no_memory();
      return false;
    }
    ssize_t first = d->cap - d->head < d->len ? d->cap - d->head : d->len;
    if (first > 0) memcpy(items, d->items + d->head, (size_t)first * sizeof(Value));
    if (d->len > first) memcpy(items + first, d->items, (size_t)(d->len - first) * sizeof(Value));
  }
  free(d->items);
  gc_account((cap - d->cap) * (ssize_t)sizeof(Value));
  d->items = items;
  d->cap = cap;
  d->head = 0;
  return true;
}

/* Makes room for `extra` more items. */
static bool reserve(DequeObject *d, ssize_t extra) {
  if (extra > PTRDIFF_MAX / (ssize_t)sizeof(Value) - d->len) {
    err_no_memory();
    return false;
  }
  ssize_t need = d->len + extra;
  if (need <= d->cap) return true;
  ssize_t cap = d->cap ? d->cap : MIN_CAP;
  while (cap < need) cap <<= 1;
  return set_capacity(d, cap);
}

/* After removing items: halves a buffer that is a quarter full.  Failing
 * to allocate the smaller buffer is harmless: the old one stays. */
static inline void maybe_shrink(DequeObject *d) {
  if (d->cap > SHRINK_MIN && d->len < d->cap / 4 && !set_capacity(d, d->cap / 2)) err_clear();
}

/* Appends on the right, dropping the leftmost item of a full bounded deque. */
static inline bool push_right(DequeObject *d, Value v) {
  d->state++;
  if (d->maxlen >= 0 && d->len >= d->maxlen) {
    if (d->maxlen == 0) return true;
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
  }
  if (d->len == d->cap && !reserve(d, 1)) return false;
  d->items[(d->head + d->len) & (d->cap - 1)] = v;
  d->len++;
  return true;
}

static inline bool push_left(DequeObject *d, Value v) {
  d->state++;
  if (d->maxlen >= 0 && d->len >= d->maxlen) {
    if (d->maxlen == 0) return true;
    d->len--;
  }
  if (d->len == d->cap && !reserve(d, 1)) return false;
  d->head = (d->head - 1) & (d->cap - 1);
  d->items[d->head] = v;
  d->len++;
  return true;
}

/* The deque must not be empty. */
static inline Value pop_right(DequeObject *d) {
  Value v = *dq_slot(d, d->len - 1);
  d->len--;
  d->state++;
  maybe_shrink(d);
  return v;
}

static inline Value pop_left(DequeObject *d) {
  Value v = d->items[d->head];
  d->head = (d->head + 1) & (d->cap - 1);
  d->len--;
  d->state++;
  maybe_shrink(d);
  return v;
}

static void dq_clear(DequeObject *d) {
  d->state++;
  d->len = 0;
  set_capacity(d, 0); /* freeing never fails */
}

/* Rotates n steps to the right (left when negative), CPython's semantics. */
static void dq_rotate(DequeObject *d, ssize_t n) {
  ssize_t len = d->len, half = len >> 1;
  if (len <= 1) return;
  if (n > half || n < -half) {
    n %= len;
    if (n > half)
      n -= len;
    else if (n < -half)
      n += len;
  }
  d->state++;
  ssize_t mask = d->cap - 1;
  if (len == d->cap) { /* full ring: only the head moves */
    d->head = (d->head - n) & mask;
    return;
  }
  Value *it = d->items;
  ssize_t h = d->head;
  for (; n > 0; n--) {
    h = (h - 1) & mask;
    it[h] = it[(h + len) & mask];
  }
  for (; n < 0; n++) {
    it[(h + len) & mask] = it[h];
    h = (h + 1) & mask;
  }
  d->head = h;
}

/* Removes item i (0 <= i < len), shifting the shorter side. */
static void dq_del_at(DequeObject *d, ssize_t i) {
  if (i < d->len / 2) {
    for (ssize_t k = i; k > 0; k--) *dq_slot(d, k) = *dq_slot(d, k - 1);
    d->head = (d->head + 1) & (d->cap - 1);
  } else {
    for (ssize_t k = i; k < d->len - 1; k++) *dq_slot(d, k) = *dq_slot(d, k + 1);
  }
  d->len--;
  d->state++;
  maybe_shrink(d);
}

/* Inserts v before item i (0 < i < len, the deque below its maxlen). */
static bool dq_insert_at(DequeObject *d, ssize_t i, Value v) {
  if (!reserve(d, 1)) return false;
  if (i < d->len / 2) {
    d->head = (d->head - 1) & (d->cap - 1);
    for (ssize_t k = 0; k < i; k++) *dq_slot(d, k) = *dq_slot(d, k + 1);
  } else {
    for (ssize_t k = d->len; k > i; k--) *dq_slot(d, k) = *dq_slot(d, k - 1);
  }
  *dq_slot(d, i) = v;
  d->len++;
  d->state++;
  return true;
}

/* Appends every item of `iterable`, on the right or on the left. */
static int dq_extend(DequeObject *d, Value iterable, bool left) {
  if (iterable == (Value)d) {
    /* d.extend(d): the items as they were before the first append */
    iterable = list_from_array(NULL, 0);
    for (ssize_t i = 0; i < d->len; i++) list_append(iterable, *dq_slot(d, i));
  }
  /* appending runs no Python code, so a list, tuple or deque source cannot
   * change meanwhile */
  TypeObject *t = val_type(iterable);
  if (t == &ListType || t == &TupleType) {
    Value *src = t == &ListType ? LIST_ITEMS(iterable) : TUPLE_ITEMS(iterable);
    ssize_t n = t == &ListType ? LIST_LEN(iterable) : TUPLE_LEN(iterable);
    if (d->maxlen < 0 && !reserve(d, n)) return -1;
    for (ssize_t i = 0; i < n; i++)
      if (!(left ? push_left(d, src[i]) : push_right(d, src[i]))) return -1;
    GC_KEEP_ALIVE(iterable);
    return 0;
  }
  if (is_deque(iterable) && plain_iter(iterable)) {
    DequeObject *src = DQ(iterable);
    if (d->maxlen < 0 && !reserve(d, src->len)) return -1;
    for (ssize_t i = 0; i < src->len; i++)
      if (!(left ? push_left(d, *dq_slot(src, i)) : push_right(d, *dq_slot(src, i)))) return -1;
    return 0;
  }
  Value it = obj_iter(iterable);
  if (!it) return -1;
  for (;;) {
    Value v = obj_next(it);
    if (!v) return err_occurred() ? -1 : 0;
    if (!(left ? push_left(d, v) : push_right(d, v))) return -1;
  }
}

static DequeObject *dq_alloc(TypeObject *type, ssize_t maxlen) {
  size_t size = type->instance_size > sizeof(DequeObject) ? type->instance_size : sizeof(DequeObject);
  DequeObject *d = (DequeObject *)gc_alloc(type, size);
  d->maxlen = maxlen;
  return d;
}

/* A plain deque with d's items and maxlen (no subclass constructor). */
static DequeObject *dq_copy_exact(DequeObject *d) {
  DequeObject *r = dq_alloc(&DequeType, d->maxlen);
  if (d->len && !reserve(r, d->len)) return NULL;
  for (ssize_t i = 0; i < d->len; i++) r->items[i] = *dq_slot(d, i);
  r->len = d->len;
  return r;
}

/* d.copy(): a subclass is copied by calling it, as CPython does. */
static Value dq_copy(Value self) {
  DequeObject *d = DQ(self);
  if (self->type == &DequeType) return (Value)dq_copy_exact(d);
  Value cls = (Value)self->type;
  Value r = d->maxlen < 0 ? obj_call1(cls, self) : obj_call2(cls, self, val_from_int(d->maxlen));
  if (r && !is_deque(r)) {
    err_set(&Exc_TypeError, "%s() must return a deque, not %T", self->type->name, r);
    return VAL_NULL;
  }
  return r;
}


/* list(d), through an overriding __iter__ as CPython's PySequence_List. */
static Value dq_as_list(Value self) {
  if (!plain_iter(self)) return list_from_iterable(self);
  DequeObject *d = DQ(self);
  Value items = list_new(d->len);
  for (ssize_t i = 0; i < d->len; i++) LIST_ITEMS(items)[i] = *dq_slot(d, i);
  return items;
}

/* ---- GC hooks ------------------------------------------------------------ */

static void deque_trace(Object *o) {
  DequeObject *d = (DequeObject *)o;
  if (!d->len) return;
  ssize_t first = d->cap - d->head < d->len ? d->cap - d->head : d->len;
  gc_mark_array(d->items + d->head, (size_t)first);
  gc_mark_array(d->items, (size_t)(d->len - first));
}

static void deque_finalize(Object *o) {
  DequeObject *d = (DequeObject *)o;
  if (d->items) {
    free(d->items);
    gc_account(-d->cap * (ssize_t)sizeof(Value));
  }
  d->items = NULL;
  d->cap = d->len = 0;
}

/* ---- construction ---------------------------------------------------------- */

static Value deque_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  return (Value)dq_alloc(type, -1);
}

/* deque(iterable=(), maxlen=None), worded as CPython's "|OO:deque". */
static int deque_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  size_t nkw = kwnames ? (size_t)kwnames->len : 0;
  if (nargs + nkw > 2) {
    err_set(&Exc_TypeError, "deque() takes at most 2 arguments (%zu given)", nargs + nkw);
    return -1;
  }
  Value iterable = nargs > 0 ? args[0] : VAL_NULL, maxlenobj = nargs > 1 ? args[1] : VAL_NULL;
  for (size_t k = 0; k < nkw; k++) {
    const char *key = str_cstr((Value)kwnames->items[k]);
    size_t pos = strcmp(key, "iterable") == 0 ? 1 : strcmp(key, "maxlen") == 0 ? 2 : 0;
    if (!pos) {
      err_set(&Exc_TypeError, "'%U' is an invalid keyword argument for deque()", kwnames->items[k]);
      return -1;
    }
    if (nargs >= pos) {
      err_set(&Exc_TypeError, "argument for deque() given by name ('%s') and position (%zu)", key, pos);
      return -1;
    }
    if (pos == 1)
      iterable = args[nargs + k];
    else
      maxlenobj = args[nargs + k];
  }
  ssize_t maxlen = -1;
  if (maxlenobj && maxlenobj != VAL_NONE) {
    if (!val_is_intlike(maxlenobj)) {
      err_set(&Exc_TypeError, "an integer is required");
      return -1;
    }
    int64_t m;
    if (val_is_int(maxlenobj)) {
      m = val_int(maxlenobj);
    } else if (maxlenobj == VAL_TRUE || maxlenobj == VAL_FALSE) {
      m = maxlenobj == VAL_TRUE;
    } else if (!int_to_i64(maxlenobj, &m)) {
      err_clear();
      err_set(&Exc_OverflowError, "Python int too large to convert to C ssize_t");
      return -1;
    }
    if (m < 0) {
      err_set(&Exc_ValueError, "maxlen must be non-negative");
      return -1;
    }
    maxlen = (ssize_t)m;
  }
  DequeObject *d = DQ(self);
  d->maxlen = maxlen;
  if (d->len > 0) dq_clear(d);
  if (iterable && dq_extend(d, iterable, false) < 0) return -1;
  return 0;
}

/* ---- slots --------------------------------------------------------------- */

static ssize_t deque_len(Value self) { return DQ(self)->len; }

static int deque_truthy(Value self) { return DQ(self)->len != 0; }

static Value deque_repr(Value self) {
  Value name = (Value)val_type(self)->name_obj;
  if (list_repr_enter(self)) return str_from_cstr("[...]");
  Value items = dq_as_list(self);
  ssize_t maxlen = DQ(self)->maxlen;
  Value inner = items ? obj_repr(items) : VAL_NULL;
  list_repr_leave(self);
  if (!inner) return VAL_NULL;
  if (maxlen >= 0) return err_format("%U(%U, maxlen=%zd)", name, inner, maxlen);
  return err_format("%U(%U)", name, inner);
}

/* Converts a subscript to an item index; TypeError worded as CPython's
 * sequence protocol. */
static bool subscript_index(Value key, ssize_t *out) {
  if (val_is_int(key)) {
    *out = val_int(key);
    return true;
  }
  if (list_key_index(key, out)) return true;
  if (!err_occurred()) err_set(&Exc_TypeError, "sequence index must be integer, not '%T'", key);
  return false;
}

/* Resolves a negative index; IndexError when out of range. */
static bool item_index(DequeObject *d, ssize_t *i) {
  if (*i < 0) *i += d->len;
  if ((size_t)*i >= (size_t)d->len) {
    err_set(&Exc_IndexError, "deque index out of range");
    return false;
  }
  return true;
}

static Value dq_item(Value self, ssize_t i) {
  DequeObject *d = DQ(self);
  return item_index(d, &i) ? *dq_slot(d, i) : VAL_NULL;
}

static int dq_ass_item(Value self, ssize_t i, Value v) {
  DequeObject *d = DQ(self);
  if (!item_index(d, &i)) return -1;
  if (v)
    *dq_slot(d, i) = v;
  else
    dq_del_at(d, i);
  return 0;
}

static Value deque_getitem(Value self, Value key) {
  ssize_t i;
  return subscript_index(key, &i) ? dq_item(self, i) : VAL_NULL;
}

static int deque_setitem(Value self, Value key, Value v) {
  ssize_t i;
  return subscript_index(key, &i) ? dq_ass_item(self, i, v) : -1;
}

/* Shared by `in`, count, index and remove: compares items [start, stop)
 * (within the current length) with x, CPython's order of checks: an error
 * from __eq__ first, then a match when `match_first` (`in`, index), then
 * the mutation check (raising `mut_exc`), then a match otherwise (remove).
 * Returns the index found, -1 for none (matches counted in *count when
 * not stopping at one), -2 on error.  Only the first comparison can see a
 * changed deque (a bound's __index__ in index()), and its index is within
 * the length read after that. */
static ssize_t dq_scan(DequeObject *d, Value x, ssize_t start, ssize_t stop, size_t state, bool stop_at_match,
                       bool match_first, ssize_t *count, TypeObject *mut_exc) {
  for (ssize_t i = start; i < stop; i++) {
    Value item = *dq_slot(d, i);
    int k = item == x ? 1 : obj_eq(item, x);
    if (k < 0) return -2;
    if (k && stop_at_match && match_first) return i;
    if (d->state != state) {
      err_set(mut_exc, "deque mutated during iteration");
      return -2;
    }
    if (k && stop_at_match) return i;
    if (count) *count += k;
  }
  return -1;
}

static int deque_contains(Value self, Value x) {
  DequeObject *d = DQ(self);
  ssize_t r = dq_scan(d, x, 0, d->len, d->state, true, true, NULL, &Exc_RuntimeError);
  return r == -2 ? -1 : r >= 0;
}

static Value deque_iter_new(Value self, bool reversed) {
  DequeObject *d = DQ(self);
  DequeIterObject *it = (DequeIterObject *)gc_alloc(reversed ? &DequeRevIterType : &DequeIterType,
                                                    sizeof(DequeIterObject));
  it->deque = self;
  it->index = reversed ? d->len - 1 : 0;
  it->counter = d->len;
  it->state = d->state;
  return (Value)it;
}

static Value deque_iter(Value self) { return deque_iter_new(self, false); }

/* Comparison item by item, as CPython's (which walks two iterators): the
 * first unequal pair decides, else the lengths. */
static Value deque_richcompare(Value a, Value b, CmpOp op) {
  if (!is_deque(a) || !is_deque(b)) return VAL_NOTIMPL;
  DequeObject *v = DQ(a), *w = DQ(b);
  if (op == CMP_EQ || op == CMP_NE) {
    if (a == b) return val_bool(op == CMP_EQ);
    if (v->len != w->len) return val_bool(op == CMP_NE);
  }
  if (!plain_iter(a) || !plain_iter(b)) {
    /* a subclass iterating its own way compares what it yields */
    Value la = dq_as_list(a), lb = la ? dq_as_list(b) : VAL_NULL;
    return lb ? list_seq_compare(la, lb, op) : VAL_NULL;
  }
  size_t vstate = v->state, wstate = w->state;
  for (ssize_t i = 0;; i++) {
    if (v->state != vstate || w->state != wstate) return mutated_error();
    bool vend = i >= v->len, wend = i >= w->len;
    if (vend || wend) {
      switch (op) {
        case CMP_LT: return val_bool(!wend);
        case CMP_LE: return val_bool(vend);
        case CMP_EQ: return val_bool(vend && wend);
        case CMP_NE: return val_bool(vend != wend);
        case CMP_GT: return val_bool(!vend);
        default: return val_bool(wend);
      }
    }
    Value x = *dq_slot(v, i), y = *dq_slot(w, i);
    int k = obj_eq(x, y);
    if (k < 0) return VAL_NULL;
    if (!k) {
      int r = obj_cmp_bool(x, y, op);
      return r < 0 ? VAL_NULL : val_bool(r);
    }
  }
}

/* A repeat count (d * n): an int or __index__, negative meaning 0. */
static bool repeat_count(Value n, ssize_t *out) {
  if (!val_is_int(n) && !val_is_intlike(n) && !val_type(n)->to_index) {
    err_set(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
    return false;
  }
  if (!list_key_index(n, out)) {
    if (err_matches(&Exc_IndexError)) {
      err_clear();
      err_set(&Exc_OverflowError, "cannot fit '%T' into an index-sized integer", n);
    }
    return false;
  }
  if (*out < 0) *out = 0;
  return true;
}

static Value dq_inplace_repeat(Value self, ssize_t n) {
  DequeObject *d = DQ(self);
  ssize_t size = d->len;
  if (size == 0 || n == 1) return self;
  if (n <= 0) {
    dq_clear(d);
    return self;
  }
  if (size > PTRDIFF_MAX / (ssize_t)sizeof(Value) / n) return err_no_memory();
  /* the repetitions beyond maxlen would only be dropped again */
  if (d->maxlen >= 0 && n * size > d->maxlen) n = (d->maxlen + size - 1) / size;
  Value items = dq_as_list(self);
  if (!items) return VAL_NULL;
  size = LIST_LEN(items);
  if (d->maxlen < 0 && !reserve(d, size * (n - 1))) return VAL_NULL;
  for (ssize_t r = 1; r < n; r++)
    for (ssize_t i = 0; i < size; i++)
      if (!push_right(d, LIST_ITEMS(items)[i])) return VAL_NULL;
  GC_KEEP_ALIVE(items);
  return self;
}

/* d + other: a copy of d (a subclass is called to make it) extended by other. */
static Value deque_add(Value a, Value b) {
  if (!is_deque(a)) return VAL_NOTIMPL;
  if (!is_deque(b)) {
    if (val_is_obj(b) && (b->type->flags & TP_HEAPTYPE) && b->type->binop[BINOP_ADD]) return VAL_NOTIMPL;
    return err_set(&Exc_TypeError, "can only concatenate deque (not \"%T\") to deque", b);
  }
  Value r = dq_copy(a);
  if (!r || dq_extend(DQ(r), b, false) < 0) return VAL_NULL;
  return r;
}

/* d * n and n * d (the reflected call has the deque as b). */
static Value deque_mul(Value a, Value b) {
  Value seq = is_deque(a) ? a : b, n = seq == a ? b : a;
  if (!val_is_int(n) && !val_is_intlike(n) && !val_type(n)->to_index && val_is_obj(n) &&
      (n->type->flags & TP_HEAPTYPE) && seq == a)
    return VAL_NOTIMPL;
  ssize_t k;
  if (!repeat_count(n, &k)) return VAL_NULL;
  Value r = dq_copy(seq);
  return r ? dq_inplace_repeat(r, k) : VAL_NULL;
}

static Value deque_iadd(Value a, Value b) {
  if (!is_deque(a)) return VAL_NOTIMPL;
  return dq_extend(DQ(a), b, false) < 0 ? VAL_NULL : a;
}

static Value deque_imul(Value a, Value b) {
  if (!is_deque(a)) return VAL_NOTIMPL;
  ssize_t k;
  if (!repeat_count(b, &k)) return VAL_NULL;
  return dq_inplace_repeat(a, k);
}

/* ---- methods ----------------------------------------------------------------- */

/* An index argument (CPython's "n" format): int or __index__, with
 * OverflowError "Python int too large to convert to C ssize_t". */
static bool ssize_arg(Value v, ssize_t *out) {
  if (val_is_int(v)) {
    *out = val_int(v);
    return true;
  }
  if (!val_is_intlike(v) && !val_type(v)->to_index) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  Value i = obj_index(v);
  if (!i) return false;
  int64_t x;
  if (val_is_int(i)) {
    x = val_int(i);
  } else if (i == VAL_TRUE || i == VAL_FALSE) {
    x = i == VAL_TRUE;
  } else if (!int_to_i64(i, &x)) {
    err_clear();
    err_set(&Exc_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  *out = (ssize_t)x;
  return true;
}

/* Argument checks worded as CPython's METH_O / METH_NOARGS methods. */
static bool one_arg(const char *name, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len) {
    err_set(&Exc_TypeError, "deque.%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs != 1) {
    err_set(&Exc_TypeError, "deque.%s() takes exactly one argument (%zu given)", name, nargs);
    return false;
  }
  return true;
}

static bool no_args(const char *name, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len) {
    err_set(&Exc_TypeError, "deque.%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs) {
    err_set(&Exc_TypeError, "deque.%s() takes no arguments (%zu given)", name, nargs);
    return false;
  }
  return true;
}

static Value m_append(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if ((nargs != 1 || kwnames) && !one_arg("append", nargs, kwnames)) return VAL_NULL;
  return push_right(DQ(self), args[0]) ? VAL_NONE : VAL_NULL;
}

static Value m_appendleft(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if ((nargs != 1 || kwnames) && !one_arg("appendleft", nargs, kwnames)) return VAL_NULL;
  return push_left(DQ(self), args[0]) ? VAL_NONE : VAL_NULL;
}

static Value m_pop(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if ((nargs || kwnames) && !no_args("pop", nargs, kwnames)) return VAL_NULL;
  DequeObject *d = DQ(self);
  if (d->len == 0) return err_set(&Exc_IndexError, "pop from an empty deque");
  return pop_right(d);
}

static Value m_popleft(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if ((nargs || kwnames) && !no_args("popleft", nargs, kwnames)) return VAL_NULL;
  DequeObject *d = DQ(self);
  if (d->len == 0) return err_set(&Exc_IndexError, "pop from an empty deque");
  return pop_left(d);
}

static Value m_extend(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!one_arg("extend", nargs, kwnames)) return VAL_NULL;
  return dq_extend(DQ(self), args[0], false) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_extendleft(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!one_arg("extendleft", nargs, kwnames)) return VAL_NULL;
  return dq_extend(DQ(self), args[0], true) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_clear(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!no_args("clear", nargs, kwnames)) return VAL_NULL;
  dq_clear(DQ(self));
  return VAL_NONE;
}

static Value m_copy(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!no_args("copy", nargs, kwnames)) return VAL_NULL;
  return dq_copy(self);
}

static Value m_dunder_copy(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!no_args("__copy__", nargs, kwnames)) return VAL_NULL;
  return dq_copy(self);
}

static Value m_count(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!one_arg("count", nargs, kwnames)) return VAL_NULL;
  DequeObject *d = DQ(self);
  ssize_t count = 0;
  if (dq_scan(d, args[0], 0, d->len, d->state, false, false, &count, &Exc_RuntimeError) == -2) return VAL_NULL;
  return val_from_int(count);
}

static Value m_index(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("deque.index", kwnames)) return VAL_NULL;
  if (nargs < 1) return err_set(&Exc_TypeError, "index() takes at least 1 argument (%zu given)", nargs);
  if (nargs > 3) return err_set(&Exc_TypeError, "index() takes at most 3 arguments (%zu given)", nargs);
  DequeObject *d = DQ(self);
  size_t state = d->state;
  ssize_t start = 0, stop = PTRDIFF_MAX;
  if (nargs > 1 && slice_index_not_none(args[1], &start) < 0) return VAL_NULL;
  if (nargs > 2 && slice_index_not_none(args[2], &stop) < 0) return VAL_NULL;
  /* a bound's __index__ may have mutated the deque: clamp to its length now */
  ssize_t len = d->len;
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += len;
    if (stop < 0) stop = 0;
  }
  if (stop > len) stop = len;
  if (start > stop) start = stop;
  ssize_t r = dq_scan(d, args[0], start, stop, state, true, true, NULL, &Exc_RuntimeError);
  if (r == -2) return VAL_NULL;
  if (r >= 0) return val_from_int(r);
  return err_set(&Exc_ValueError, "%R is not in deque", args[0]);
}

static Value m_insert(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("deque.insert", kwnames)) return VAL_NULL;
  if (nargs != 2) return err_set(&Exc_TypeError, "insert() takes exactly 2 arguments (%zu given)", nargs);
  ssize_t i;
  if (!ssize_arg(args[0], &i)) return VAL_NULL;
  DequeObject *d = DQ(self);
  ssize_t n = d->len;
  if (d->maxlen == n) return err_set(&Exc_IndexError, "deque already at its maximum size");
  bool ok;
  if (i >= n)
    ok = push_right(d, args[1]);
  else if (i <= -n || i == 0)
    ok = push_left(d, args[1]);
  else
    ok = dq_insert_at(d, i < 0 ? i + n : i, args[1]);
  return ok ? VAL_NONE : VAL_NULL;
}

static Value m_remove(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!one_arg("remove", nargs, kwnames)) return VAL_NULL;
  DequeObject *d = DQ(self);
  ssize_t i = dq_scan(d, args[0], 0, d->len, d->state, true, false, NULL, &Exc_IndexError);
  if (i == -2) return VAL_NULL;
  if (i == -1) return err_set(&Exc_ValueError, "%R is not in deque", args[0]);
  dq_del_at(d, i);
  return VAL_NONE;
}

static Value m_reverse(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!no_args("reverse", nargs, kwnames)) return VAL_NULL;
  DequeObject *d = DQ(self);
  for (ssize_t i = 0, j = d->len - 1; i < j; i++, j--) {
    Value t = *dq_slot(d, i);
    *dq_slot(d, i) = *dq_slot(d, j);
    *dq_slot(d, j) = t;
  }
  return VAL_NONE;
}

static Value m_rotate(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("deque.rotate", kwnames) || !args_count("deque.rotate", nargs, 0, 1)) return VAL_NULL;
  ssize_t n = 1;
  if (nargs && !ssize_arg(args[0], &n)) return VAL_NULL;
  dq_rotate(DQ(self), n);
  return VAL_NONE;
}

static Value m_reversed(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!no_args("__reversed__", nargs, kwnames)) return VAL_NULL;
  return deque_iter_new(self, true);
}

/* The index argument of the __getitem__/__setitem__/__delitem__ methods,
 * converted as CPython's sq_item wrappers do (OverflowError when huge). */
static bool wrapper_index(Value v, ssize_t *out) {
  if (val_is_int(v)) {
    *out = val_int(v);
    return true;
  }
  if (!val_is_intlike(v) && !val_type(v)->to_index) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  if (list_key_index(v, out)) return true;
  if (err_matches(&Exc_IndexError)) {
    err_clear();
    err_set(&Exc_OverflowError, "cannot fit '%T' into an index-sized integer", v);
  }
  return false;
}

/* d[i] through the method. */
static Value m_getitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__getitem__", nargs, kwnames, 1)) return VAL_NULL;
  ssize_t i;
  return wrapper_index(args[0], &i) ? dq_item(self, i) : VAL_NULL;
}

static Value m_setitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__setitem__", nargs, kwnames, 2)) return VAL_NULL;
  ssize_t i;
  if (!wrapper_index(args[0], &i)) return VAL_NULL;
  return dq_ass_item(self, i, args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_delitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__delitem__", nargs, kwnames, 1)) return VAL_NULL;
  ssize_t i;
  if (!wrapper_index(args[0], &i)) return VAL_NULL;
  return dq_ass_item(self, i, VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

/* (type(d), () or ((), maxlen), instance state or None, iter(d)) for copy and pickle. */
static Value m_reduce(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!no_args("__reduce__", nargs, kwnames)) return VAL_NULL;
  Value state = VAL_NONE;
  Value getstate = obj_getattr_opt(self, str_intern_cstr("__getstate__"));
  if (getstate) {
    state = obj_call0(getstate);
    if (!state) return VAL_NULL;
  } else if (err_occurred()) {
    return VAL_NULL;
  } else {
    Value *dp = obj_dict_ptr(self);
    if (dp && *dp && DICT_LEN(*dp) > 0) state = *dp;
  }
  DequeObject *d = DQ(self);
  Value ctor_args = d->maxlen < 0 ? tuple_new(0) : tuple_pack(2, tuple_new(0), val_from_int(d->maxlen));
  Value it = obj_iter(self);
  return it ? tuple_pack(4, (Value)val_type(self), ctor_args, state, it) : VAL_NULL;
}

static Value m_sizeof(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!no_args("__sizeof__", nargs, kwnames)) return VAL_NULL;
  return val_from_int((intptr_t)(sizeof(DequeObject) + (size_t)DQ(self)->cap * sizeof(Value)));
}

static Value m_class_getitem(Value cls, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__class_getitem__", nargs, 1, 1)) return VAL_NULL;
  return generic_alias_new(cls, args[0]);
}

static Value get_maxlen(Value self) {
  ssize_t m = DQ(self)->maxlen;
  return m < 0 ? VAL_NONE : val_from_int(m);
}

static const NativeDef deque_methods[] = {
    {"append", m_append, NATIVE_METHOD, "Add an element to the right side of the deque."},
    {"appendleft", m_appendleft, NATIVE_METHOD, "Add an element to the left side of the deque."},
    {"clear", m_clear, NATIVE_METHOD, "Remove all elements from the deque."},
    {"__copy__", m_dunder_copy, NATIVE_METHOD, "Return a shallow copy of a deque."},
    {"copy", m_copy, NATIVE_METHOD, "Return a shallow copy of a deque."},
    {"count", m_count, NATIVE_METHOD, "D.count(value) -> integer -- return number of occurrences of value"},
    {"extend", m_extend, NATIVE_METHOD, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", m_extendleft, NATIVE_METHOD, "Extend the left side of the deque with elements from the iterable"},
    {"index", m_index, NATIVE_METHOD,
     "D.index(value, [start, [stop]]) -> integer -- return first index of value.\n"
     "Raises ValueError if the value is not present."},
    {"insert", m_insert, NATIVE_METHOD, "D.insert(index, object) -- insert object before index"},
    {"pop", m_pop, NATIVE_METHOD, "Remove and return the rightmost element."},
    {"popleft", m_popleft, NATIVE_METHOD, "Remove and return the leftmost element."},
    {"__reduce__", m_reduce, NATIVE_METHOD, "Return state information for pickling."},
    {"remove", m_remove, NATIVE_METHOD, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", m_reversed, NATIVE_METHOD, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", m_reverse, NATIVE_METHOD, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", m_rotate, NATIVE_METHOD,
     "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__sizeof__", m_sizeof, NATIVE_METHOD, "D.__sizeof__() -- size of D in memory, in bytes"},
    {"__getitem__", m_getitem, NATIVE_METHOD, "Return self[key]."},
    {"__setitem__", m_setitem, NATIVE_METHOD, "Set self[key] to value."},
    {"__delitem__", m_delitem, NATIVE_METHOD, "Delete self[key]."},
    {"__class_getitem__", m_class_getitem, NATIVE_CLASSMETHOD, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef deque_getsets[] = {
    {"maxlen", get_maxlen, NULL},
    {NULL, NULL, NULL},
};

TypeObject DequeType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "collections.deque",
    .instance_size = sizeof(DequeObject),
    .flags = TP_BASETYPE,
    .tp_new = deque_tp_new,
    .tp_init = deque_tp_init,
    .trace = deque_trace,
    .finalize = deque_finalize,
    .repr = deque_repr,
    .richcompare = deque_richcompare,
    .truthy = deque_truthy,
    .iter = deque_iter,
    .len = deque_len,
    .getitem = deque_getitem,
    .setitem = deque_setitem,
    .contains = deque_contains,
    .binop = {[BINOP_ADD] = deque_add, [BINOP_MUL] = deque_mul},
    .inplace = {[BINOP_ADD] = deque_iadd, [BINOP_MUL] = deque_imul},
    .methods = deque_methods,
    .getsets = deque_getsets,
};

/* ---- iterators ------------------------------------------------------------------ */

static void dequeiter_trace(Object *o) { gc_mark(((DequeIterObject *)o)->deque); }

static Value self_iter(Value self) { return self; }

static Value dequeiter_next(Value self) {
  DequeIterObject *it = AS(DequeIterObject, self);
  DequeObject *d = DQ(it->deque);
  if (d->state != it->state) {
    it->counter = 0;
    return mutated_error();
  }
  if (it->counter == 0) return VAL_NULL;
  it->counter--;
  return *dq_slot(d, it->index++);
}

/* CPython's reverse iterator tests exhaustion before mutation. */
static Value dequereviter_next(Value self) {
  DequeIterObject *it = AS(DequeIterObject, self);
  DequeObject *d = DQ(it->deque);
  if (it->counter == 0) return VAL_NULL;
  if (d->state != it->state) {
    it->counter = 0;
    return mutated_error();
  }
  it->counter--;
  return *dq_slot(d, it->index--);
}

static Value m_iter_length_hint(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__length_hint__", nargs, 0, 0)) return VAL_NULL;
  return val_from_int(AS(DequeIterObject, self)->counter);
}

static const NativeDef dequeiter_methods[] = {
    {"__length_hint__", m_iter_length_hint, NATIVE_METHOD, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObject DequeIterType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_collections._deque_iterator",
    .instance_size = sizeof(DequeIterObject),
    .trace = dequeiter_trace,
    .iter = self_iter,
    .iternext = dequeiter_next,
    .methods = dequeiter_methods,
};

TypeObject DequeRevIterType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_collections._deque_reverse_iterator",
    .instance_size = sizeof(DequeIterObject),
    .trace = dequeiter_trace,
    .iter = self_iter,
    .iternext = dequereviter_next,
    .methods = dequeiter_methods,
};

/* ---- the module ----------------------------------------------------------------- */

static int collections_init(Value module) {
  type_ready(&DequeType);
  type_ready(&DequeIterType);
  type_ready(&DequeRevIterType);
  dict_set_str((Value)DequeType.dict, NAME(__doc__),
               str_from_cstr("deque([iterable[, maxlen]]) --> deque object\n\n"
                             "A list-like sequence optimized for data accesses near its endpoints."));
  Value md = module_dict(module);
  dict_set_cstr(md, "deque", (Value)&DequeType);
  dict_set_cstr(md, "_deque_iterator", (Value)&DequeIterType);
  dict_set_cstr(md, "_deque_reverse_iterator", (Value)&DequeRevIterType);
  return 0;
}

const NativeModuleDef _collections_module_def = {"_collections", NULL, collections_init};
