/* list.c — the list type, and helpers list and tuple share.
 *
 * A list owns a malloc'd array items[0..cap) of which [0..len) are live
 * Values (never VAL_NULL); the rest is garbage and never traced.  Growth
 * over-allocates like CPython so that append is amortised O(1).  Any
 * operation that may call back into Python code (comparisons, __index__,
 * key functions) re-reads len/items afterwards, because the callee may
 * have mutated the list.
 *
 * list.sort is a stable natural merge sort (runs, binary insertion for
 * short runs, pairwise merges) over a private (key, value) array; the list
 * is emptied while sorting so that mutation by a key function or __lt__
 * is detected, and the original items stay reachable through a temporary
 * list object on the C stack.
 */
#include "runtime/list.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/iterobject.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/type.h"

/* ---- storage ------------------------------------------------------------ */

static void list_trace(Object *o) {
  ListObject *l = (ListObject *)o;
  gc_mark_array(l->items, (size_t)l->len);
}

static void list_finalize(Object *o) {
  ListObject *l = (ListObject *)o;
  if (l->items) {
    free(l->items);
    gc_account(-(ssize_t)(l->cap * sizeof(Value)));
  }
  l->items = NULL;
  l->cap = l->len = 0;
}

/* Makes room for at least `need` items (need > cap), over-allocating. */
static void list_grow(ListObject *l, ssize_t need) {
  ssize_t cap = (need + (need >> 3) + 6) & ~(ssize_t)3;
  if (cap < need) cap = need;
  Value *items = realloc(l->items, (size_t)cap * sizeof(Value));
  if (!items) {
    err_no_memory();
    abort();
  }
  gc_account((cap - l->cap) * (ssize_t)sizeof(Value));
  l->items = items;
  l->cap = cap;
}

/* Sets the capacity to exactly `cap` (>= len), for shrinking. */
static void list_set_cap(ListObject *l, ssize_t cap) {
  if (cap == 0) {
    free(l->items);
    gc_account(-l->cap * (ssize_t)sizeof(Value));
    l->items = NULL;
    l->cap = 0;
    return;
  }
  Value *items = realloc(l->items, (size_t)cap * sizeof(Value));
  if (!items) return; /* keeping the bigger buffer is harmless */
  gc_account((cap - l->cap) * (ssize_t)sizeof(Value));
  l->items = items;
  l->cap = cap;
}

static inline void list_reserve(ListObject *l, ssize_t n) {
  if (n > l->cap) list_grow(l, n);
}

/* Allocates an empty list of `type` (a subclass may be larger). */
static ListObject *list_alloc(TypeObject *type) {
  return (ListObject *)gc_alloc(type, type->instance_size);
}

Value list_new(ssize_t len) {
  ListObject *l = list_alloc(&ListType);
  if (len > 0) {
    list_reserve(l, len);
    for (ssize_t i = 0; i < len; i++) l->items[i] = VAL_NONE;
    l->len = len;
  }
  return (Value)l;
}

Value list_from_array(Value *items, ssize_t n) {
  ListObject *l = list_alloc(&ListType);
  if (n > 0) {
    list_reserve(l, n);
    memcpy(l->items, items, (size_t)n * sizeof(Value));
    l->len = n;
  }
  return (Value)l;
}

int list_append(Value list, Value v) {
  ListObject *l = AS(ListObject, list);
  if (l->len == l->cap) list_grow(l, l->len + 1);
  l->items[l->len++] = v;
  return 0;
}

/* Appends n values from an array that does not alias the list. */
static void list_append_array(ListObject *l, Value *items, ssize_t n) {
  if (n <= 0) return;
  list_reserve(l, l->len + n);
  memcpy(l->items + l->len, items, (size_t)n * sizeof(Value));
  l->len += n;
}

int list_extend(Value list, Value iterable) {
  ListObject *l = AS(ListObject, list);
  TypeObject *it_type = val_type(iterable);
  if (it_type == &ListType || it_type == &TupleType) {
    /* Exact types only: a subclass may override __iter__.  memmove: l.extend(l)
     * appends the original items once. */
    ssize_t n = it_type == &ListType ? LIST_LEN(iterable) : TUPLE_LEN(iterable);
    if (n == 0) return 0;
    list_reserve(l, l->len + n);
    Value *src = it_type == &ListType ? LIST_ITEMS(iterable) : TUPLE_ITEMS(iterable);
    memmove(l->items + l->len, src, (size_t)n * sizeof(Value));
    l->len += n;
    return 0;
  }
  Value it = obj_iter(iterable);
  if (!it) return -1;
  IterNextFn next = val_type(it)->iternext;
  for (;;) {
    Value v = next ? next(it) : obj_next(it);
    if (!v) return err_occurred() ? -1 : 0;
    list_append(list, v);
  }
}

Value list_from_iterable(Value iterable) {
  Value l = list_new(0);
  if (list_extend(l, iterable) < 0) return VAL_NULL;
  return l;
}

Value list_to_tuple(Value list) {
  return tuple_from_array(LIST_ITEMS(list), LIST_LEN(list));
}

Value list_slice_array(Value *items, ssize_t start, ssize_t step, ssize_t n) {
  ListObject *l = (ListObject *)list_new(0);
  if (n <= 0) return (Value)l;
  list_reserve(l, n);
  if (step == 1) {
    memcpy(l->items, items + start, (size_t)n * sizeof(Value));
  } else {
    for (ssize_t i = 0, j = start; i < n; i++, j += step) l->items[i] = items[j];
  }
  l->len = n;
  return (Value)l;
}

/* ---- shared helpers ------------------------------------------------------ */

bool list_key_index(Value key, ssize_t *out) {
  if (val_is_int(key)) {
    *out = val_int(key);
    return true;
  }
  if (!val_is_obj(key)) return false;
  if (key == VAL_TRUE || key == VAL_FALSE) {
    *out = key == VAL_TRUE;
    return true;
  }
  if (val_is_intlike(key) || key->type->to_index) {
    Value i = val_is_intlike(key) ? key : obj_index(key);
    if (!i) return false;
    if (val_is_int(i)) {
      *out = val_int(i);
      return true;
    }
    int64_t v;
    if (!int_to_i64(i, &v)) {
      err_clear();
      err_set(&Exc_IndexError, "cannot fit '%T' into an index-sized integer", key);
      return false;
    }
    *out = (ssize_t)v;
    return true;
  }
  return false;
}

/* Per-thread stack of containers being repr'd (CPython's Py_ReprEnter).
 * The containers are also held by the callers' C frames, so the GC need
 * not see this array. */
static _Thread_local Value *repr_stack;
static _Thread_local size_t repr_len, repr_cap;

int list_repr_enter(Value v) {
  for (size_t i = 0; i < repr_len; i++)
    if (repr_stack[i] == v) return 1;
  if (repr_len == repr_cap) {
    size_t cap = repr_cap ? repr_cap * 2 : 16;
    Value *s = realloc(repr_stack, cap * sizeof(Value));
    if (!s) abort();
    repr_stack = s;
    repr_cap = cap;
  }
  repr_stack[repr_len++] = v;
  return 0;
}

void list_repr_leave(Value v) {
  for (size_t i = repr_len; i-- > 0;) {
    if (repr_stack[i] == v) {
      memmove(repr_stack + i, repr_stack + i + 1, (repr_len - i - 1) * sizeof(Value));
      repr_len--;
      return;
    }
  }
}

static inline ssize_t seq_len(Value s) { return val_is_list(s) ? LIST_LEN(s) : TUPLE_LEN(s); }
static inline Value *seq_items(Value s) { return val_is_list(s) ? LIST_ITEMS(s) : TUPLE_ITEMS(s); }

static Value cmp_sizes(ssize_t a, ssize_t b, CmpOp op) {
  bool r;
  switch (op) {
    case CMP_LT: r = a < b; break;
    case CMP_LE: r = a <= b; break;
    case CMP_EQ: r = a == b; break;
    case CMP_NE: r = a != b; break;
    case CMP_GT: r = a > b; break;
    default: r = a >= b; break;
  }
  return val_bool(r);
}

Value list_seq_compare(Value a, Value b, CmpOp op) {
  if (seq_len(a) != seq_len(b) && (op == CMP_EQ || op == CMP_NE)) return val_bool(op == CMP_NE);
  ssize_t i;
  for (i = 0; i < seq_len(a) && i < seq_len(b); i++) {
    Value x = seq_items(a)[i], y = seq_items(b)[i];
    if (x == y) continue;
    int k = obj_eq(x, y);
    if (k < 0) return VAL_NULL;
    if (!k) break;
  }
  if (i >= seq_len(a) || i >= seq_len(b)) return cmp_sizes(seq_len(a), seq_len(b), op);
  if (op == CMP_EQ) return VAL_FALSE;
  if (op == CMP_NE) return VAL_TRUE;
  return obj_richcompare(seq_items(a)[i], seq_items(b)[i], op);
}

/* ---- slots --------------------------------------------------------------- */

static Value list_repr(Value self) {
  ListObject *l = AS(ListObject, self);
  if (l->len == 0) return str_from_cstr("[]");
  if (list_repr_enter(self)) return str_from_cstr("[...]");
  StrBuilder sb;
  sb_init(&sb);
  sb_addc(&sb, '[');
  for (ssize_t i = 0; i < l->len; i++) {
    if (i) sb_add(&sb, ", ", 2);
    if (sb_add_repr(&sb, l->items[i]) < 0) {
      sb_free(&sb);
      list_repr_leave(self);
      return VAL_NULL;
    }
  }
  sb_addc(&sb, ']');
  list_repr_leave(self);
  return sb_finish(&sb);
}

static Hash list_hash(Value self) {
  err_set(&Exc_TypeError, "unhashable type: '%T'", self);
  return -1;
}

static Value list_richcompare(Value a, Value b, CmpOp op) {
  if (!val_is_list(a) || !val_is_list(b)) return VAL_NOTIMPL;
  return list_seq_compare(a, b, op);
}

static ssize_t list_len(Value self) { return LIST_LEN(self); }

static int list_contains(Value self, Value item) {
  for (ssize_t i = 0; i < LIST_LEN(self); i++) {
    Value x = LIST_ITEMS(self)[i];
    if (x == item) return 1;
    int k = obj_eq(x, item);
    if (k) return k;
  }
  return 0;
}

static Value list_iter(Value self) { return listiter_new(self); }

static Value list_getitem(Value self, Value key) {
  ListObject *l = AS(ListObject, self);
  if (val_is_int(key)) {
    ssize_t i = val_int(key);
    if (i < 0) i += l->len;
    if ((size_t)i >= (size_t)l->len) return err_set(&Exc_IndexError, "list index out of range");
    return l->items[i];
  }
  if (val_is_slice(key)) {
    ssize_t start, stop, step, n;
    if (slice_indices(key, l->len, &start, &stop, &step, &n) < 0) return VAL_NULL;
    return list_slice_array(l->items, start, step, n);
  }
  ssize_t i;
  if (list_key_index(key, &i)) {
    if (i < 0) i += l->len;
    if ((size_t)i >= (size_t)l->len) return err_set(&Exc_IndexError, "list index out of range");
    return l->items[i];
  }
  if (err_occurred()) return VAL_NULL;
  return err_set(&Exc_TypeError, "list indices must be integers or slices, not %T", key);
}

/* Items of an arbitrary iterable as a fresh list (or the list/tuple itself
 * when that is safe), for slice assignment. */
static Value seq_fast(Value v, const char *msg) {
  if (val_type(v) == &ListType) return list_from_array(LIST_ITEMS(v), LIST_LEN(v));
  if (val_type(v) == &TupleType) return v;
  Value it = obj_iter(v);
  if (!it) {
    if (err_matches(&Exc_TypeError)) {
      err_clear();
      err_set(&Exc_TypeError, "%s", msg);
    }
    return VAL_NULL;
  }
  Value l = list_new(0);
  for (;;) {
    Value x = obj_next(it);
    if (!x) break;
    list_append(l, x);
  }
  if (err_occurred()) return VAL_NULL;
  return l;
}

/* Replaces items[lo:hi] by the n values of src (which does not alias). */
static void list_replace_range(ListObject *l, ssize_t lo, ssize_t hi, Value *src, ssize_t n) {
  ssize_t d = n - (hi - lo);
  if (d > 0) list_reserve(l, l->len + d);
  if (d != 0) memmove(l->items + hi + d, l->items + hi, (size_t)(l->len - hi) * sizeof(Value));
  if (n) memcpy(l->items + lo, src, (size_t)n * sizeof(Value));
  l->len += d;
  if (d < 0 && l->cap > 16 && l->len < l->cap / 4) list_set_cap(l, l->len + (l->len >> 3) + 6);
}

static int list_ass_slice(ListObject *l, Value slice, Value v) {
  ssize_t start, stop, step, n;
  Value src = VAL_NULL;
  if (slice_unpack(slice, &start, &stop, &step) < 0) return -1;
  if (v) {
    /* Convert before clamping: the conversion may run code that changes the list. */
    src = seq_fast(v, step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
    if (!src) return -1;
  }
  n = slice_adjust(l->len, &start, &stop, step);
  Value *sitems = src ? seq_items(src) : NULL;
  ssize_t sn = src ? seq_len(src) : 0;
  if (step == 1) {
    if (stop < start) stop = start;
    list_replace_range(l, start, stop, sitems, sn);
    return 0;
  }
  if (!v) {
    /* Delete an extended slice: compact in one pass. */
    if (n <= 0) return 0;
    if (step < 0) {
      start = start + step * (n - 1);
      step = -step;
    }
    ssize_t w = start;
    for (ssize_t r = start; r < l->len; r++) {
      if (r >= start && (r - start) % step == 0 && (r - start) / step < n) continue;
      l->items[w++] = l->items[r];
    }
    l->len = w;
    return 0;
  }
  if (sn != n) {
    err_set(&Exc_ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd", sn, n);
    return -1;
  }
  for (ssize_t i = 0, j = start; i < n; i++, j += step) l->items[j] = sitems[i];
  return 0;
}

static int list_setitem(Value self, Value key, Value v) {
  ListObject *l = AS(ListObject, self);
  ssize_t i;
  if (val_is_int(key)) {
    i = val_int(key);
  } else if (val_is_slice(key)) {
    return list_ass_slice(l, key, v);
  } else if (!list_key_index(key, &i)) {
    if (!err_occurred()) err_set(&Exc_TypeError, "list indices must be integers or slices, not %T", key);
    return -1;
  }
  if (i < 0) i += l->len;
  if ((size_t)i >= (size_t)l->len) {
    err_set(&Exc_IndexError, "list assignment index out of range");
    return -1;
  }
  if (v) {
    l->items[i] = v;
  } else {
    list_replace_range(l, i, i + 1, NULL, 0);
  }
  return 0;
}

/* Whether `b` is something a sequence may be repeated by. */
static bool is_index_like(Value b) { return val_is_int(b) || val_is_intlike(b) || val_type(b)->to_index; }

static bool repeat_count(Value n, ssize_t *out) {
  if (!list_key_index(n, out)) {
    if (!err_occurred()) err_set(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
    if (err_matches(&Exc_IndexError)) {
      err_clear();
      err_set(&Exc_OverflowError, "cannot fit '%T' into an index-sized integer", n);
    }
    return false;
  }
  if (*out < 0) *out = 0;
  return true;
}

static Value list_add(Value a, Value b) {
  if (!val_is_list(a)) return VAL_NOTIMPL;
  if (!val_is_list(b)) {
    if (val_is_obj(b) && (b->type->flags & TP_HEAPTYPE) && b->type->binop[BINOP_ADD]) return VAL_NOTIMPL;
    return err_set(&Exc_TypeError, "can only concatenate list (not \"%T\") to list", b);
  }
  ListObject *r = (ListObject *)list_new(0);
  list_reserve(r, LIST_LEN(a) + LIST_LEN(b));
  list_append_array(r, LIST_ITEMS(a), LIST_LEN(a));
  list_append_array(r, LIST_ITEMS(b), LIST_LEN(b));
  return (Value)r;
}

/* list * n and n * list (the reflected call has the list as b). */
static Value list_mul(Value a, Value b) {
  Value seq = val_is_list(a) ? a : b, n = seq == a ? b : a;
  if (!is_index_like(n)) {
    if (val_is_obj(n) && (n->type->flags & TP_HEAPTYPE) && seq == a) return VAL_NOTIMPL;
    return err_set(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
  }
  ssize_t k;
  if (!repeat_count(n, &k)) return VAL_NULL;
  ssize_t len = LIST_LEN(seq);
  ListObject *r = (ListObject *)list_new(0);
  if (k == 0 || len == 0) return (Value)r;
  if (len > PTRDIFF_MAX / (ssize_t)sizeof(Value) / k) return err_no_memory();
  list_reserve(r, len * k);
  for (ssize_t i = 0; i < k; i++) list_append_array(r, LIST_ITEMS(seq), len);
  return (Value)r;
}

static Value list_iadd(Value a, Value b) {
  if (!val_is_list(a)) return VAL_NOTIMPL;
  if (list_extend(a, b) < 0) return VAL_NULL;
  return a;
}

static Value list_imul(Value a, Value b) {
  if (!val_is_list(a)) return VAL_NOTIMPL;
  if (!is_index_like(b)) return err_set(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", b);
  ssize_t k;
  if (!repeat_count(b, &k)) return VAL_NULL;
  ListObject *l = AS(ListObject, a);
  ssize_t len = l->len;
  if (k == 0 || len == 0) {
    l->len = 0;
    list_set_cap(l, 0);
    return a;
  }
  if (len > PTRDIFF_MAX / (ssize_t)sizeof(Value) / k) return err_no_memory();
  list_reserve(l, len * k);
  for (ssize_t i = 1; i < k; i++) memcpy(l->items + i * len, l->items, (size_t)len * sizeof(Value));
  l->len = len * k;
  return a;
}

static Value list_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  return (Value)list_alloc(type);
}

static int list_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len && self->type == &ListType) {
    err_set(&Exc_TypeError, "list() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    err_set(&Exc_TypeError, "list expected at most 1 argument, got %zu", nargs);
    return -1;
  }
  ListObject *l = AS(ListObject, self);
  l->len = 0;
  if (nargs == 1) return list_extend(self, args[0]);
  return 0;
}

/* ---- sorting --------------------------------------------------------------- */

typedef struct {
  Value key, value;
} SortPair;

enum { SORT_GENERIC, SORT_INT, SORT_FLOAT, SORT_STR };

/* a < b: 1/0, -1 on error. */
static inline int sort_lt(int mode, Value a, Value b) {
  switch (mode) {
    case SORT_INT: return val_int(a) < val_int(b);
    case SORT_FLOAT: return float_value(a) < float_value(b);
    case SORT_STR: return str_compare(a, b) < 0;
    default: return obj_cmp_bool(a, b, CMP_LT);
  }
}

/* Sorts p[lo..hi) given p[lo..start) already sorted, by binary insertion. */
static int binary_insertion(int mode, SortPair *p, ssize_t lo, ssize_t hi, ssize_t start) {
  for (ssize_t i = start; i < hi; i++) {
    SortPair x = p[i];
    ssize_t l = lo, r = i;
    while (l < r) {
      ssize_t m = l + (r - l) / 2;
      int k = sort_lt(mode, x.key, p[m].key);
      if (k < 0) return -1;
      if (k) r = m;
      else l = m + 1;
    }
    memmove(p + l + 1, p + l, (size_t)(i - l) * sizeof(SortPair));
    p[l] = x;
  }
  return 0;
}

/* Length of the natural run at p[lo..hi); strictly descending runs are
 * reversed in place (strictness keeps the sort stable). */
static ssize_t count_run(int mode, SortPair *p, ssize_t lo, ssize_t hi) {
  if (lo + 1 >= hi) return hi - lo;
  int k = sort_lt(mode, p[lo + 1].key, p[lo].key);
  if (k < 0) return -1;
  ssize_t n = 2;
  if (k) {
    while (lo + n < hi) {
      k = sort_lt(mode, p[lo + n].key, p[lo + n - 1].key);
      if (k < 0) return -1;
      if (!k) break;
      n++;
    }
    for (ssize_t i = lo, j = lo + n - 1; i < j; i++, j--) {
      SortPair t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
  } else {
    while (lo + n < hi) {
      k = sort_lt(mode, p[lo + n].key, p[lo + n - 1].key);
      if (k < 0) return -1;
      if (k) break;
      n++;
    }
  }
  return n;
}

/* Merges the sorted p[lo..mid) and p[mid..hi) using tmp (size >= mid-lo). */
static int merge_runs(int mode, SortPair *p, ssize_t lo, ssize_t mid, ssize_t hi, SortPair *tmp) {
  /* Skip the prefix of the left run already in place, and the suffix of
   * the right run: cheap for nearly sorted input. */
  int k = sort_lt(mode, p[mid].key, p[mid - 1].key);
  if (k <= 0) return k;
  ssize_t n = mid - lo;
  memcpy(tmp, p + lo, (size_t)n * sizeof(SortPair));
  ssize_t i = 0, j = mid, d = lo;
  while (i < n && j < hi) {
    k = sort_lt(mode, p[j].key, tmp[i].key);
    if (k < 0) {
      /* Put the rest back so that every value is still in the array. */
      memcpy(p + d, tmp + i, (size_t)(n - i) * sizeof(SortPair));
      return -1;
    }
    if (k) p[d++] = p[j++];
    else p[d++] = tmp[i++];
  }
  if (i < n) memcpy(p + d, tmp + i, (size_t)(n - i) * sizeof(SortPair));
  return 0;
}

#define MIN_RUN 32

static int sort_pairs(int mode, SortPair *p, ssize_t n) {
  if (n < 2) return 0;
  /* Find runs, extending short ones to MIN_RUN with binary insertion. */
  ssize_t *runs = malloc(sizeof(ssize_t) * (size_t)(n / MIN_RUN + 2));
  SortPair *tmp = malloc(sizeof(SortPair) * (size_t)(n / 2 + 1));
  if (!runs || !tmp) abort();
  ssize_t nruns = 0, lo = 0;
  int rc = 0;
  while (lo < n) {
    ssize_t r = count_run(mode, p, lo, n);
    if (r < 0) {
      rc = -1;
      goto done;
    }
    if (r < MIN_RUN && lo + r < n) {
      ssize_t end = lo + MIN_RUN < n ? lo + MIN_RUN : n;
      if (binary_insertion(mode, p, lo, end, lo + r) < 0) {
        rc = -1;
        goto done;
      }
      r = end - lo;
    }
    runs[nruns++] = lo;
    lo += r;
  }
  runs[nruns] = n;
  /* Merge adjacent runs pairwise until one remains. */
  while (nruns > 1) {
    ssize_t w = 0;
    for (ssize_t i = 0; i < nruns; i += 2) {
      if (i + 1 < nruns) {
        ssize_t a = runs[i], m = runs[i + 1], b = runs[i + 2];
        SortPair *t = tmp;
        if (m - a > n / 2 + 1) {
          t = malloc(sizeof(SortPair) * (size_t)(m - a));
          if (!t) abort();
        }
        int k = merge_runs(mode, p, a, m, b, t);
        if (t != tmp) free(t);
        if (k < 0) {
          rc = -1;
          goto done;
        }
      }
      runs[w++] = runs[i];
    }
    runs[w] = n;
    nruns = w;
  }
done:
  free(runs);
  free(tmp);
  return rc;
}

static void reverse_pairs(SortPair *p, ssize_t n) {
  for (ssize_t i = 0, j = n - 1; i < j; i++, j--) {
    SortPair t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
}

int list_sort(Value list, Value key, bool reverse) {
  if (key == VAL_NONE) key = VAL_NULL;
  ListObject *l = AS(ListObject, list);
  /* Move the items into `saved` (traced, on our stack) and empty the list
   * so that changes made during the sort can be detected. */
  ListObject *saved = (ListObject *)list_new(0);
  saved->items = l->items;
  saved->len = l->len;
  saved->cap = l->cap;
  l->items = NULL;
  l->len = l->cap = 0;
  ssize_t n = saved->len;
  int rc = 0;
  SortPair *pairs = NULL;
  Value keys = VAL_NULL;
  if (n < 2 && !key) goto restore;
  pairs = malloc(sizeof(SortPair) * (size_t)(n ? n : 1));
  if (!pairs) abort();
  if (key) {
    keys = list_new(0);
    for (ssize_t i = 0; i < n; i++) {
      Value k = obj_call1(key, saved->items[i]);
      if (!k) {
        rc = -1;
        goto restore;
      }
      list_append(keys, k);
    }
  }
  for (ssize_t i = 0; i < n; i++) {
    pairs[i].value = saved->items[i];
    pairs[i].key = key ? LIST_ITEMS(keys)[i] : saved->items[i];
  }
  /* Pick a specialised comparison when every key has the same simple type. */
  int mode = SORT_GENERIC;
  if (n > 0) {
    Value k0 = pairs[0].key;
    if (val_is_int(k0)) mode = SORT_INT;
    else if (val_is_obj(k0) && k0->type == &FloatType) mode = SORT_FLOAT;
    else if (val_is_obj(k0) && k0->type == &StrType) mode = SORT_STR;
    for (ssize_t i = 1; i < n && mode != SORT_GENERIC; i++) {
      Value k = pairs[i].key;
      if (mode == SORT_INT ? !val_is_int(k) : (!val_is_obj(k) || k->type != (mode == SORT_FLOAT ? &FloatType : &StrType)))
        mode = SORT_GENERIC;
    }
  }
  if (reverse) reverse_pairs(pairs, n);
  rc = sort_pairs(mode, pairs, n);
  GC_KEEP_ALIVE(keys); /* pairs[] (malloc'd) hold the only other references to the keys */
  if (reverse) reverse_pairs(pairs, n);
  /* Even after an error the pairs hold a permutation of the items. */
  for (ssize_t i = 0; i < n; i++) saved->items[i] = pairs[i].value;
restore:
  free(pairs);
  bool modified = l->items != NULL || l->len != 0;
  if (l->items) {
    free(l->items);
    gc_account(-l->cap * (ssize_t)sizeof(Value));
  }
  l->items = saved->items;
  l->len = saved->len;
  l->cap = saved->cap;
  saved->items = NULL;
  saved->len = saved->cap = 0;
  if (modified && rc == 0) {
    err_set(&Exc_ValueError, "list modified during sort");
    rc = -1;
  }
  return rc;
}

/* ---- methods --------------------------------------------------------------- */

static Value m_append(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames || nargs != 1) {
    if (!args_no_kw("append", kwnames)) return VAL_NULL;
    return err_set(&Exc_TypeError, "list.append() takes exactly one argument (%zu given)", nargs);
  }
  list_append(self, args[0]);
  return VAL_NONE;
}

static Value m_extend(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames || nargs != 1) {
    if (!args_no_kw("extend", kwnames)) return VAL_NULL;
    return err_set(&Exc_TypeError, "list.extend() takes exactly one argument (%zu given)", nargs);
  }
  if (list_extend(self, args[0]) < 0) return VAL_NULL;
  return VAL_NONE;
}

/* An index argument of a method: int or __index__. */
static bool index_arg(Value v, ssize_t *out) {
  if (val_is_int(v)) {
    *out = val_int(v);
    return true;
  }
  if (!is_index_like(v)) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  if (list_key_index(v, out)) return true;
  if (err_matches(&Exc_IndexError)) {
    err_clear();
    err_set(&Exc_OverflowError, "Python int too large to convert to C ssize_t");
  }
  return false;
}

static Value m_insert(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("insert", kwnames)) return VAL_NULL;
  if (nargs != 2) return err_set(&Exc_TypeError, "insert expected 2 arguments, got %zu", nargs);
  ssize_t i;
  if (!index_arg(args[0], &i)) return VAL_NULL;
  ListObject *l = AS(ListObject, self);
  if (i < 0) {
    i += l->len;
    if (i < 0) i = 0;
  }
  if (i > l->len) i = l->len;
  list_replace_range(l, i, i, &args[1], 1);
  return VAL_NONE;
}

static Value m_pop(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("pop", kwnames)) return VAL_NULL;
  if (nargs > 1) return err_set(&Exc_TypeError, "pop expected at most 1 argument, got %zu", nargs);
  ssize_t i = -1;
  if (nargs == 1 && !index_arg(args[0], &i)) return VAL_NULL;
  ListObject *l = AS(ListObject, self);
  if (l->len == 0) return err_set(&Exc_IndexError, "pop from empty list");
  if (i < 0) i += l->len;
  if (i < 0 || i >= l->len) return err_set(&Exc_IndexError, "pop index out of range");
  Value v = l->items[i];
  if (i == l->len - 1) {
    l->len--;
    if (l->cap > 16 && l->len < l->cap / 4) list_set_cap(l, l->len + (l->len >> 3) + 6);
  } else {
    list_replace_range(l, i, i + 1, NULL, 0);
  }
  return v;
}

static Value m_remove(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames || nargs != 1) {
    if (!args_no_kw("remove", kwnames)) return VAL_NULL;
    return err_set(&Exc_TypeError, "list.remove() takes exactly one argument (%zu given)", nargs);
  }
  for (ssize_t i = 0; i < LIST_LEN(self); i++) {
    Value x = LIST_ITEMS(self)[i];
    int k = x == args[0] ? 1 : obj_eq(x, args[0]);
    if (k < 0) return VAL_NULL;
    if (k) {
      if (i < LIST_LEN(self)) list_replace_range(AS(ListObject, self), i, i + 1, NULL, 0);
      return VAL_NONE;
    }
  }
  return err_set(&Exc_ValueError, "list.remove(x): x not in list");
}

/* Shared by list.index and tuple.index: start/stop arguments. */
static bool index_bounds(Value *args, size_t nargs, ssize_t len, ssize_t *start, ssize_t *stop) {
  *start = 0;
  *stop = PTRDIFF_MAX;
  if (nargs > 1) {
    if (slice_index_not_none(args[1], start) < 0) return false;
  }
  if (nargs > 2) {
    if (slice_index_not_none(args[2], stop) < 0) return false;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
  if (*stop < 0) {
    *stop += len;
    if (*stop < 0) *stop = 0;
  }
  return true;
}

static Value m_index(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("index", kwnames)) return VAL_NULL;
  if (nargs < 1) return err_set(&Exc_TypeError, "index expected at least 1 argument, got %zu", nargs);
  if (nargs > 3) return err_set(&Exc_TypeError, "index expected at most 3 arguments, got %zu", nargs);
  ssize_t start, stop;
  if (!index_bounds(args, nargs, LIST_LEN(self), &start, &stop)) return VAL_NULL;
  for (ssize_t i = start; i < stop && i < LIST_LEN(self); i++) {
    Value x = LIST_ITEMS(self)[i];
    int k = x == args[0] ? 1 : obj_eq(x, args[0]);
    if (k < 0) return VAL_NULL;
    if (k) return val_from_int(i);
  }
  return err_set(&Exc_ValueError, "%R is not in list", args[0]);
}

static Value m_count(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames || nargs != 1) {
    if (!args_no_kw("count", kwnames)) return VAL_NULL;
    return err_set(&Exc_TypeError, "list.count() takes exactly one argument (%zu given)", nargs);
  }
  ssize_t c = 0;
  for (ssize_t i = 0; i < LIST_LEN(self); i++) {
    Value x = LIST_ITEMS(self)[i];
    int k = x == args[0] ? 1 : obj_eq(x, args[0]);
    if (k < 0) return VAL_NULL;
    c += k;
  }
  return val_from_int(c);
}

static Value m_clear(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("clear", kwnames) || !args_count("list.clear", nargs, 0, 0)) return VAL_NULL;
  ListObject *l = AS(ListObject, self);
  l->len = 0;
  list_set_cap(l, 0);
  return VAL_NONE;
}

static Value m_copy(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("copy", kwnames) || !args_count("list.copy", nargs, 0, 0)) return VAL_NULL;
  return list_from_array(LIST_ITEMS(self), LIST_LEN(self));
}

static Value m_reverse(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("reverse", kwnames) || !args_count("list.reverse", nargs, 0, 0)) return VAL_NULL;
  Value *it = LIST_ITEMS(self);
  for (ssize_t i = 0, j = LIST_LEN(self) - 1; i < j; i++, j--) {
    Value t = it[i];
    it[i] = it[j];
    it[j] = t;
  }
  return VAL_NONE;
}

static Value m_sort(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("sort(*, key=None, reverse=False)");
  Value a[2];
  if (nargs) return err_set(&Exc_TypeError, "sort() takes no positional arguments");
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  bool rev = false;
  if (a[1]) {
    int t = obj_truthy(a[1]);
    if (t < 0) return VAL_NULL;
    rev = t;
  }
  if (list_sort(self, a[0], rev) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value m_reversed(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return listreviter_new(self);
}

static Value m_getitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("list.__getitem__", kwnames) || !args_count("list.__getitem__", nargs, 1, 1)) return VAL_NULL;
  return list_getitem(self, args[0]);
}

static Value m_setitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__setitem__", nargs, 2, 2)) return VAL_NULL;
  return list_setitem(self, args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_delitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__delitem__", nargs, 1, 1)) return VAL_NULL;
  return list_setitem(self, args[0], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_len(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__len__", nargs, kwnames, 0)) return VAL_NULL;
  return val_from_int(LIST_LEN(self));
}

static Value m_contains(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__contains__", nargs, kwnames, 1)) return VAL_NULL;
  int k = list_contains(self, args[0]);
  return k < 0 ? VAL_NULL : val_bool(k);
}

static Value m_iter(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__iter__", nargs, kwnames, 0)) return VAL_NULL;
  return listiter_new(self);
}

static Value m_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return list_tp_init(self, args, nargs, kwnames) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_sizeof(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return val_from_int((intptr_t)(40 + AS(ListObject, self)->cap * 8));
}

static Value m_class_getitem(Value cls, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__class_getitem__", nargs, 1, 1)) return VAL_NULL;
  return generic_alias_new(cls, args[0]);
}

static const NativeDef list_methods[] = {
    {"append", m_append, NATIVE_METHOD},
    {"extend", m_extend, NATIVE_METHOD},
    {"insert", m_insert, NATIVE_METHOD},
    {"pop", m_pop, NATIVE_METHOD},
    {"remove", m_remove, NATIVE_METHOD},
    {"index", m_index, NATIVE_METHOD},
    {"count", m_count, NATIVE_METHOD},
    {"clear", m_clear, NATIVE_METHOD},
    {"copy", m_copy, NATIVE_METHOD},
    {"reverse", m_reverse, NATIVE_METHOD},
    {"sort", m_sort, NATIVE_METHOD},
    {"__reversed__", m_reversed, NATIVE_METHOD},
    {"__getitem__", m_getitem, NATIVE_METHOD},
    {"__setitem__", m_setitem, NATIVE_METHOD},
    {"__delitem__", m_delitem, NATIVE_METHOD},
    {"__len__", m_len, NATIVE_METHOD},
    {"__contains__", m_contains, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {"__init__", m_init, NATIVE_METHOD},
    {"__sizeof__", m_sizeof, NATIVE_METHOD},
    {"__class_getitem__", m_class_getitem, NATIVE_CLASSMETHOD},
    {NULL},
};

TypeObject ListType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "list",
    .instance_size = sizeof(ListObject),
    .flags = TP_BASETYPE | TP_LIST_SUBCLASS,
    .tp_new = list_tp_new,
    .tp_init = list_tp_init,
    .trace = list_trace,
    .finalize = list_finalize,
    .repr = list_repr,
    .hash = list_hash,
    .richcompare = list_richcompare,
    .iter = list_iter,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .binop = {[BINOP_ADD] = list_add, [BINOP_MUL] = list_mul},
    .inplace = {[BINOP_ADD] = list_iadd, [BINOP_MUL] = list_imul},
    .methods = list_methods,
};

/* ---- start-up ------------------------------------------------------------------ */

void containers_init(void) {
  static TypeObject *const types[] = {&ListType, &TupleType, &DictType,  &SetType,
                                      &FrozenSetType, &RangeType, &SliceType};
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) type_ready(types[i]);
  dictview_init();
  iterobject_init();
  range_init();
  /* Mutable containers (and slices, in 3.11) say so in their namespace:
   * `list.__hash__ is None`, and heap subclasses inherit "unhashable". */
  static TypeObject *const unhashable[] = {&ListType, &DictType, &SetType, &SliceType, &DictKeysType,
                                           &DictItemsType};
  for (size_t i = 0; i < sizeof unhashable / sizeof unhashable[0]; i++)
    dict_set_str((Value)unhashable[i]->dict, NAME(__hash__), VAL_NONE);
}
