/* dict.c — the dict type: a compact, insertion-ordered hash table.
 *
 * Layout (as CPython 3.6+): `index` is an open-addressing table of int32
 * slots (-1 empty, -2 dummy, else an entry number) probed with CPython's
 * perturbed recurrence; `entries` is a dense array in insertion order whose
 * deleted entries keep key == VAL_NULL until the next resize compacts them.
 * An empty dict owns no memory (index == NULL) until its first insertion.
 *
 * Invariants: len <= nentries <= cap; cap == usable(mask + 1); the index
 * table always has an empty slot, so probing terminates.  `version` takes a
 * fresh value of one interpreter-wide counter (guarded by the GIL) at
 * creation and at every mutation, so equal versions mean "same dict, same
 * contents" to the VM's inline caches.
 *
 * Str keys have a fast path: pointer equality, then cached hash, then bytes;
 * __eq__ is only called for other key types, and a lookup restarts if that
 * call mutated the table.
 */
#include "runtime/dict.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define MIN_SIZE 8
#define PERTURB_SHIFT 5

static uint64_t version_counter; /* guarded by the GIL */
static inline void bump(DictObject *d) { d->version = ++version_counter; }

static inline ssize_t usable_of(ssize_t size) { return (size << 1) / 3; }

static inline bool is_exact_str(Value v) { return val_is_obj(v) && v->type == &StrType; }

/* hash(key) with fast paths for exact strs and small ints. */
static inline Hash key_hash(Value key) {
  if (val_is_int(key)) {
    Hash h = val_int(key) % (Hash)(((uint64_t)1 << 61) - 1);
    return h == -1 ? -2 : h;
  }
  if (key->type == &StrType) {
    Hash h = AS(StrObject, key)->hash;
    return h != -1 ? h : str_hash(key);
  }
  return obj_hash(key);
}

/* ---- storage ---------------------------------------------------------------- */

static void dict_trace(Object *o) {
  DictObject *d = (DictObject *)o;
  for (ssize_t i = 0; i < d->nentries; i++) {
    if (d->entries[i].key) {
      gc_mark(d->entries[i].key);
      gc_mark(d->entries[i].value);
    }
  }
}

static void free_tables(DictObject *d) {
  if (d->index) {
    gc_account(-(ssize_t)((d->mask + 1) * sizeof(int32_t) + d->cap * sizeof(DictEntry)));
    free(d->entries); /* one block with the index */
  }
  d->index = NULL;
  d->entries = NULL;
  d->mask = -1;
  d->cap = d->nentries = d->len = 0;
}

static void dict_finalize(Object *o) { free_tables((DictObject *)o); }

/* Rebuilds the table with `size` index slots (a power of two) holding the
 * live entries compacted in order.  Entries and index share one malloc'd
 * block (entries first: their alignment is the stricter), so a small dict,
 * such as an instance's, costs one allocation. */
static void resize(DictObject *d, ssize_t size) {
  ssize_t cap = usable_of(size);
  DictEntry *entries = malloc((size_t)cap * sizeof(DictEntry) + (size_t)size * sizeof(int32_t));
  if (!entries) {
    err_no_memory();
    abort();
  }
  int32_t *index = (int32_t *)(entries + cap);
  memset(index, 0xff, (size_t)size * sizeof(int32_t)); /* all IX_EMPTY */
  size_t mask = (size_t)size - 1;
  ssize_t n = 0;
  for (ssize_t i = 0; i < d->nentries; i++) {
    DictEntry *e = &d->entries[i];
    if (!e->key) continue;
    entries[n] = *e;
    size_t j = (size_t)e->hash & mask, perturb = (size_t)e->hash;
    while (index[j] != IX_EMPTY) {
      perturb >>= PERTURB_SHIFT;
      j = (j * 5 + perturb + 1) & mask;
    }
    index[j] = (int32_t)n++;
  }
  ssize_t oldbytes = d->index ? (ssize_t)((d->mask + 1) * sizeof(int32_t) + d->cap * sizeof(DictEntry)) : 0;
  free(d->entries);
  gc_account((ssize_t)(size * sizeof(int32_t) + cap * sizeof(DictEntry)) - oldbytes);
  d->index = index;
  d->entries = entries;
  d->mask = size - 1;
  d->cap = cap;
  d->nentries = n;
}

/* The table size for holding `n` items with room to grow. */
static ssize_t size_for(ssize_t n) {
  ssize_t size = MIN_SIZE;
  while (usable_of(size) < n) size <<= 1;
  return size;
}

static void grow(DictObject *d) {
  ssize_t want = d->len * 3;
  if (want < MIN_SIZE) want = MIN_SIZE;
  ssize_t size = MIN_SIZE;
  while (size < want) size <<= 1;
  resize(d, size);
}

/* Finds key: returns its entry number and sets *slot to its index slot, or
 * returns -1 when absent, or -2 on error (from __eq__). */
static ssize_t lookup(DictObject *d, Value key, Hash h, size_t *slot) {
restart:
  if (!d->index) return -1;
  size_t mask = (size_t)d->mask;
  size_t i = (size_t)h & mask, perturb = (size_t)h;
  bool str_key = is_exact_str(key);
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == IX_EMPTY) return -1;
    if (ix >= 0) {
      DictEntry *e = &d->entries[ix];
      if (e->key == key) {
        if (slot) *slot = i;
        return ix;
      }
      if (e->hash == h) {
        Value k = e->key;
        if (str_key && is_exact_str(k)) {
          if (str_equal(k, key)) {
            if (slot) *slot = i;
            return ix;
          }
        } else {
          DictEntry *entries = d->entries;
          int r = obj_eq(k, key);
          if (r < 0) return -2;
          if (d->entries != entries || e->key != k) goto restart;
          if (r) {
            if (slot) *slot = i;
            return ix;
          }
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/* Lookup of an str key that never calls __eq__ (only str keys can equal it). */
static ssize_t lookup_str(DictObject *d, Value key, Hash h) {
  if (!d->index) return -1;
  size_t mask = (size_t)d->mask;
  size_t i = (size_t)h & mask, perturb = (size_t)h;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == IX_EMPTY) return -1;
    if (ix >= 0) {
      DictEntry *e = &d->entries[ix];
      if (e->key == key) return ix;
      if (e->hash == h && val_is_str(e->key) && str_equal(e->key, key)) return ix;
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/* Adds a key known to be absent. */
static void insert_new(DictObject *d, Value key, Hash h, Value v) {
  if (!d->index || d->nentries == d->cap) grow(d);
  size_t mask = (size_t)d->mask;
  size_t i = (size_t)h & mask, perturb = (size_t)h;
  while (d->index[i] >= 0) {
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
  DictEntry *e = &d->entries[d->nentries];
  e->hash = h;
  e->key = key;
  e->value = v;
  d->index[i] = (int32_t)d->nentries++;
  d->len++;
  bump(d);
}

static int insert(DictObject *d, Value key, Hash h, Value v) {
  ssize_t ix = lookup(d, key, h, NULL);
  if (ix == -2) return -1;
  if (ix >= 0) {
    if (d->entries[ix].value != v) {
      d->entries[ix].value = v;
      bump(d);
    }
    return 0;
  }
  insert_new(d, key, h, v);
  return 0;
}

static void delete_at(DictObject *d, size_t slot, ssize_t ix) {
  d->index[slot] = IX_DUMMY;
  d->entries[ix].key = VAL_NULL;
  d->entries[ix].value = VAL_NULL;
  d->len--;
  bump(d);
}

/* ---- the C API ---------------------------------------------------------------- */

static DictObject *dict_alloc(TypeObject *type) {
  DictObject *d = (DictObject *)gc_alloc(type, type->instance_size);
  d->mask = -1;
  bump(d);
  return d;
}

Value dict_new(void) { return (Value)dict_alloc(&DictType); }

Value dict_get_hashed(Value dv, Value key, Hash h) {
  DictObject *d = AS(DictObject, dv);
  ssize_t ix = lookup(d, key, h, NULL);
  return ix >= 0 ? d->entries[ix].value : VAL_NULL;
}

Value dict_get(Value dv, Value key) {
  Hash h = key_hash(key);
  if (h == -1) return VAL_NULL;
  return dict_get_hashed(dv, key, h);
}

Value dict_get_str(Value dv, StrObject *key) {
  DictObject *d = AS(DictObject, dv);
  Hash h = key->hash != -1 ? key->hash : str_hash((Value)key);
  ssize_t ix = lookup_str(d, (Value)key, h);
  return ix >= 0 ? d->entries[ix].value : VAL_NULL;
}

Value dict_get_cstr(Value d, const char *key) {
  Value k = str_from_cstr(key);
  return k ? dict_get_str(d, AS(StrObject, k)) : VAL_NULL;
}

int dict_set_hashed(Value d, Value key, Hash h, Value v) { return insert(AS(DictObject, d), key, h, v); }

int dict_set(Value d, Value key, Value v) {
  Hash h = key_hash(key);
  if (h == -1) return -1;
  return insert(AS(DictObject, d), key, h, v);
}

int dict_set_str(Value dv, StrObject *key, Value v) {
  DictObject *d = AS(DictObject, dv);
  Hash h = key->hash != -1 ? key->hash : str_hash((Value)key);
  ssize_t ix = lookup_str(d, (Value)key, h);
  if (ix >= 0) {
    if (d->entries[ix].value != v) {
      d->entries[ix].value = v;
      bump(d);
    }
    return 0;
  }
  insert_new(d, (Value)key, h, v);
  return 0;
}

int dict_set_cstr(Value d, const char *key, Value v) {
  Value k = (Value)str_intern_cstr(key);
  return dict_set_str(d, AS(StrObject, k), v);
}

int dict_del(Value dv, Value key) {
  DictObject *d = AS(DictObject, dv);
  Hash h = key_hash(key);
  if (h == -1) return -1;
  size_t slot;
  ssize_t ix = lookup(d, key, h, &slot);
  if (ix == -2) return -1;
  if (ix < 0) {
    err_key(key);
    return -1;
  }
  delete_at(d, slot, ix);
  return 0;
}

int dict_contains(Value dv, Value key) {
  Hash h = key_hash(key);
  if (h == -1) return -1;
  ssize_t ix = lookup(AS(DictObject, dv), key, h, NULL);
  return ix == -2 ? -1 : ix >= 0;
}

bool dict_next(Value dv, ssize_t *pos, Value *key, Value *value) {
  DictObject *d = AS(DictObject, dv);
  ssize_t i = *pos;
  while (i < d->nentries && !d->entries[i].key) i++;
  if (i >= d->nentries) {
    *pos = i;
    return false;
  }
  if (key) *key = d->entries[i].key;
  if (value) *value = d->entries[i].value;
  *pos = i + 1;
  return true;
}

Value dict_copy(Value dv) {
  DictObject *d = AS(DictObject, dv);
  DictObject *r = dict_alloc(&DictType);
  if (d->len == 0) return (Value)r;
  resize(r, size_for(d->len));
  for (ssize_t i = 0; i < d->nentries; i++) {
    DictEntry *e = &d->entries[i];
    if (e->key) insert_new(r, e->key, e->hash, e->value);
  }
  return (Value)r;
}

void dict_clear(Value dv) {
  DictObject *d = AS(DictObject, dv);
  free_tables(d);
  bump(d);
}

static Value dict_iter(Value self);

/* Whether `v` can be merged by walking its table directly: a dict whose
 * class does not override iteration (CPython's rule). */
static bool is_plain_dict(Value v) { return val_is_dict(v) && v->type->iter == dict_iter; }

int dict_merge(Value dv, Value other, int override) {
  DictObject *d = AS(DictObject, dv);
  if (is_plain_dict(other)) {
    DictObject *o = AS(DictObject, other);
    if (o == d || o->len == 0) return 0;
    if (d->len == 0 && override != 2) {
      /* One allocation up front instead of repeated growth. */
      if (!d->index || usable_of(d->mask + 1) - d->nentries < o->len) resize(d, size_for(o->len));
    }
    for (ssize_t i = 0; i < o->nentries; i++) {
      DictEntry *e = &o->entries[i];
      if (!e->key) continue;
      Value k = e->key, v = e->value;
      Hash h = e->hash;
      if (override == 1) {
        if (insert(d, k, h, v) < 0) return -1;
      } else {
        ssize_t ix = lookup(d, k, h, NULL);
        if (ix == -2) return -1;
        if (ix >= 0) {
          if (override == 2) {
            err_key(k);
            return -1;
          }
          continue;
        }
        insert_new(d, k, h, v);
      }
      if (o->nentries <= i) break; /* `other` changed under us */
    }
    return 0;
  }
  /* A generic mapping: for k in other.keys(): d[k] = other[k]. */
  Value keys = obj_call_method(other, NAME(keys), NULL, 0);
  if (!keys) return -1;
  Value it = obj_iter(keys);
  if (!it) return -1;
  for (;;) {
    Value k = obj_next(it);
    if (!k) return err_occurred() ? -1 : 0;
    if (override != 1) {
      int c = dict_contains(dv, k);
      if (c < 0) return -1;
      if (c) {
        if (override == 2) {
          err_key(k);
          return -1;
        }
        continue;
      }
    }
    Value v = obj_getitem(other, k);
    if (!v) return -1;
    if (dict_set(dv, k, v) < 0) return -1;
  }
}

/* d.update(seq_of_pairs). */
static int merge_pairs(Value d, Value seq) {
  Value it = obj_iter(seq);
  if (!it) return -1;
  for (ssize_t n = 0;; n++) {
    Value item = obj_next(it);
    if (!item) return err_occurred() ? -1 : 0;
    Value k, v;
    if (val_is_tuple(item) && TUPLE_LEN(item) == 2) {
      k = TUPLE_ITEMS(item)[0];
      v = TUPLE_ITEMS(item)[1];
    } else {
      Value pair = VAL_NULL;
      Value pit = obj_iter(item);
      if (pit) pair = list_from_iterable(item);
      if (!pair) {
        if (err_matches(&Exc_TypeError)) {
          err_clear();
          err_set(&Exc_TypeError, "cannot convert dictionary update sequence element #%zd to a sequence", n);
        }
        return -1;
      }
      if (LIST_LEN(pair) != 2) {
        err_set(&Exc_ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required", n,
                LIST_LEN(pair));
        return -1;
      }
      k = LIST_ITEMS(pair)[0];
      v = LIST_ITEMS(pair)[1];
    }
    if (dict_set(d, k, v) < 0) return -1;
  }
}

/* dict.update(arg): a mapping (has keys()) or an iterable of pairs. */
static int update_arg(Value d, Value arg) {
  if (val_is_dict(arg)) return dict_merge(d, arg, 1);
  Value keys = obj_getattr_opt(arg, NAME(keys));
  if (keys) return dict_merge(d, arg, 1);
  if (err_occurred()) return -1;
  return merge_pairs(d, arg);
}

int dict_update(Value d, Value other) { return update_arg(d, other); }

Value dict_pop(Value dv, Value key, Value dflt) {
  DictObject *d = AS(DictObject, dv);
  Hash h = key_hash(key);
  if (h == -1) return VAL_NULL;
  size_t slot;
  ssize_t ix = d->len ? lookup(d, key, h, &slot) : -1;
  if (ix == -2) return VAL_NULL;
  if (ix < 0) {
    if (dflt) return dflt;
    return err_key(key);
  }
  Value v = d->entries[ix].value;
  delete_at(d, slot, ix);
  return v;
}

Value dict_setdefault(Value dv, Value key, Value dflt) {
  DictObject *d = AS(DictObject, dv);
  Hash h = key_hash(key);
  if (h == -1) return VAL_NULL;
  ssize_t ix = lookup(d, key, h, NULL);
  if (ix == -2) return VAL_NULL;
  if (ix >= 0) return d->entries[ix].value;
  insert_new(d, key, h, dflt);
  return dflt;
}

static Value collect(Value dv, int kind) {
  DictObject *d = AS(DictObject, dv);
  Value l = list_new(0);
  for (ssize_t i = 0; i < d->nentries; i++) {
    DictEntry *e = &d->entries[i];
    if (!e->key) continue;
    Value v = kind == DICTITER_KEYS ? e->key : kind == DICTITER_VALUES ? e->value : tuple_pack(2, e->key, e->value);
    list_append(l, v);
  }
  return l;
}

Value dict_keys_list(Value d) { return collect(d, DICTITER_KEYS); }
Value dict_values_list(Value d) { return collect(d, DICTITER_VALUES); }
Value dict_items_list(Value d) { return collect(d, DICTITER_ITEMS); }

/* ---- slots -------------------------------------------------------------------- */

static Value dict_repr(Value self) {
  DictObject *d = AS(DictObject, self);
  if (d->len == 0) return str_from_cstr("{}");
  if (list_repr_enter(self)) return str_from_cstr("{...}");
  StrBuilder sb;
  sb_init(&sb);
  sb_addc(&sb, '{');
  bool first = true;
  for (ssize_t i = 0; i < d->nentries; i++) {
    DictEntry *e = &d->entries[i];
    if (!e->key) continue;
    Value k = e->key, v = e->value;
    if (!first) sb_add(&sb, ", ", 2);
    first = false;
    if (sb_add_repr(&sb, k) < 0) goto fail;
    sb_add(&sb, ": ", 2);
    if (sb_add_repr(&sb, v) < 0) goto fail;
  }
  sb_addc(&sb, '}');
  list_repr_leave(self);
  return sb_finish(&sb);
fail:
  sb_free(&sb);
  list_repr_leave(self);
  return VAL_NULL;
}

static Hash dict_hash(Value self) {
  err_set(&Exc_TypeError, "unhashable type: '%T'", self);
  return -1;
}

static Value dict_richcompare(Value a, Value b, CmpOp op) {
  if (!val_is_dict(a) || !val_is_dict(b) || (op != CMP_EQ && op != CMP_NE)) return VAL_NOTIMPL;
  DictObject *x = AS(DictObject, a), *y = AS(DictObject, b);
  bool eq = true;
  if (x->len != y->len) {
    eq = false;
  } else {
    for (ssize_t i = 0; i < x->nentries; i++) {
      DictEntry *e = &x->entries[i];
      if (!e->key) continue;
      Value k = e->key, v = e->value;
      ssize_t ix = lookup(y, k, e->hash, NULL);
      if (ix == -2) return VAL_NULL;
      if (ix < 0) {
        eq = false;
        break;
      }
      Value w = y->entries[ix].value;
      int r = v == w ? 1 : obj_eq(v, w);
      if (r < 0) return VAL_NULL;
      if (!r) {
        eq = false;
        break;
      }
    }
  }
  return val_bool(op == CMP_EQ ? eq : !eq);
}

static ssize_t dict_len(Value self) { return DICT_LEN(self); }
static int dict_contains_slot(Value self, Value key) { return dict_contains(self, key); }
static Value dict_iter(Value self) { return dictiter_new(self, DICTITER_KEYS, false); }

static Value dict_getitem(Value self, Value key) {
  DictObject *d = AS(DictObject, self);
  Hash h = key_hash(key);
  if (h == -1) return VAL_NULL;
  ssize_t ix = lookup(d, key, h, NULL);
  if (ix >= 0) return d->entries[ix].value;
  if (ix == -2) return VAL_NULL;
  if (self->type != &DictType) {
    Value missing = type_lookup(self->type, NAME(__missing__));
    if (missing) return obj_call2(missing, self, key);
  }
  return err_key(key);
}

static int dict_setitem(Value self, Value key, Value v) {
  if (v) return dict_set(self, key, v);
  return dict_del(self, key);
}

static Value dict_or(Value a, Value b) {
  if (!val_is_dict(a) || !val_is_dict(b)) return VAL_NOTIMPL;
  Value r = dict_copy(a);
  if (dict_merge(r, b, 1) < 0) return VAL_NULL;
  return r;
}

static Value dict_ior(Value a, Value b) {
  if (update_arg(a, b) < 0) return VAL_NULL;
  return a;
}

static Value dict_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  return (Value)dict_alloc(type);
}

static int dict_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (nargs > 1) {
    err_set(&Exc_TypeError, "dict expected at most 1 argument, got %zu", nargs);
    return -1;
  }
  if (nargs == 1 && update_arg(self, args[0]) < 0) return -1;
  if (kwnames) {
    for (ssize_t i = 0; i < kwnames->len; i++)
      if (dict_set(self, kwnames->items[i], args[nargs + i]) < 0) return -1;
  }
  return 0;
}

/* ---- methods ------------------------------------------------------------------- */

static Value m_keys(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("keys", kwnames) || !args_count("dict.keys", nargs, 0, 0)) return VAL_NULL;
  return dictview_new(self, &DictKeysType);
}

static Value m_values(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("values", kwnames) || !args_count("dict.values", nargs, 0, 0)) return VAL_NULL;
  return dictview_new(self, &DictValuesType);
}

static Value m_items(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("items", kwnames) || !args_count("dict.items", nargs, 0, 0)) return VAL_NULL;
  return dictview_new(self, &DictItemsType);
}

static Value m_get(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("get", kwnames) || !args_count("get", nargs, 1, 2)) return VAL_NULL;
  Value v = dict_get(self, args[0]);
  if (v) return v;
  if (err_occurred()) return VAL_NULL;
  return nargs == 2 ? args[1] : VAL_NONE;
}

static Value m_setdefault(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("setdefault", kwnames) || !args_count("setdefault", nargs, 1, 2)) return VAL_NULL;
  return dict_setdefault(self, args[0], nargs == 2 ? args[1] : VAL_NONE);
}

static Value m_pop(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("pop", kwnames) || !args_count("pop", nargs, 1, 2)) return VAL_NULL;
  return dict_pop(self, args[0], nargs == 2 ? args[1] : VAL_NULL);
}

static Value m_popitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("popitem", kwnames) || !args_count("dict.popitem", nargs, 0, 0)) return VAL_NULL;
  DictObject *d = AS(DictObject, self);
  if (d->len == 0) return err_set(&Exc_KeyError, "popitem(): dictionary is empty");
  ssize_t i = d->nentries - 1;
  while (i >= 0 && !d->entries[i].key) i--;
  DictEntry *e = &d->entries[i];
  Value r = tuple_pack(2, e->key, e->value);
  /* Find the index slot that points at entry i. */
  size_t mask = (size_t)d->mask, j = (size_t)e->hash & mask, perturb = (size_t)e->hash;
  while (d->index[j] != (int32_t)i) {
    perturb >>= PERTURB_SHIFT;
    j = (j * 5 + perturb + 1) & mask;
  }
  delete_at(d, j, i);
  d->nentries = i; /* trailing deleted entries are not needed */
  return r;
}

static Value m_update(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (nargs > 1) return err_set(&Exc_TypeError, "update expected at most 1 argument, got %zu", nargs);
  if (nargs == 1 && update_arg(self, args[0]) < 0) return VAL_NULL;
  if (kwnames) {
    for (ssize_t i = 0; i < kwnames->len; i++)
      if (dict_set(self, kwnames->items[i], args[nargs + i]) < 0) return VAL_NULL;
  }
  return VAL_NONE;
}

static Value m_clear(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("clear", kwnames) || !args_count("dict.clear", nargs, 0, 0)) return VAL_NULL;
  dict_clear(self);
  return VAL_NONE;
}

static Value m_copy(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("copy", kwnames) || !args_count("dict.copy", nargs, 0, 0)) return VAL_NULL;
  return dict_copy(self);
}

static Value m_fromkeys(Value cls, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("fromkeys", kwnames) || !args_count("fromkeys", nargs, 1, 2)) return VAL_NULL;
  Value v = nargs == 2 ? args[1] : VAL_NONE;
  Value d = cls == (Value)&DictType ? dict_new() : obj_call0(cls);
  if (!d) return VAL_NULL;
  Value it = obj_iter(args[0]);
  if (!it) return VAL_NULL;
  bool plain = d->type == &DictType;
  for (;;) {
    Value k = obj_next(it);
    if (!k) break;
    if ((plain ? dict_set(d, k, v) : obj_setitem(d, k, v)) < 0) return VAL_NULL;
  }
  return err_occurred() ? VAL_NULL : d;
}

static Value m_contains(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("dict.__contains__", kwnames) || !args_count("dict.__contains__", nargs, 1, 1)) return VAL_NULL;
  int r = dict_contains(self, args[0]);
  return r < 0 ? VAL_NULL : val_bool(r);
}

static Value m_getitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("dict.__getitem__", kwnames) || !args_count("dict.__getitem__", nargs, 1, 1)) return VAL_NULL;
  return dict_getitem(self, args[0]);
}

static Value m_setitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__setitem__", nargs, 2, 2)) return VAL_NULL;
  return dict_set(self, args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_delitem(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__delitem__", nargs, 1, 1)) return VAL_NULL;
  return dict_del(self, args[0]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_len(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__len__", nargs, kwnames, 0)) return VAL_NULL;
  return val_from_int(DICT_LEN(self));
}

static Value m_iter(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__iter__", nargs, kwnames, 0)) return VAL_NULL;
  return dictiter_new(self, DICTITER_KEYS, false);
}

static Value m_reversed(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return dictiter_new(self, DICTITER_KEYS, true);
}

static Value m_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return dict_tp_init(self, args, nargs, kwnames) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_sizeof(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  DictObject *d = AS(DictObject, self);
  ssize_t n = 48;
  if (d->index) n += (d->mask + 1) * 4 + d->cap * (ssize_t)sizeof(DictEntry);
  return val_from_int(n);
}

static Value m_class_getitem(Value cls, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__class_getitem__", nargs, 1, 1)) return VAL_NULL;
  return generic_alias_new(cls, args[0]);
}

static const NativeDef dict_methods[] = {
    {"keys", m_keys, NATIVE_METHOD},
    {"values", m_values, NATIVE_METHOD},
    {"items", m_items, NATIVE_METHOD},
    {"get", m_get, NATIVE_METHOD},
    {"setdefault", m_setdefault, NATIVE_METHOD},
    {"pop", m_pop, NATIVE_METHOD},
    {"popitem", m_popitem, NATIVE_METHOD},
    {"update", m_update, NATIVE_METHOD},
    {"clear", m_clear, NATIVE_METHOD},
    {"copy", m_copy, NATIVE_METHOD},
    {"fromkeys", m_fromkeys, NATIVE_CLASSMETHOD},
    {"__contains__", m_contains, NATIVE_METHOD},
    {"__getitem__", m_getitem, NATIVE_METHOD},
    {"__setitem__", m_setitem, NATIVE_METHOD},
    {"__delitem__", m_delitem, NATIVE_METHOD},
    {"__len__", m_len, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {"__reversed__", m_reversed, NATIVE_METHOD},
    {"__init__", m_init, NATIVE_METHOD},
    {"__sizeof__", m_sizeof, NATIVE_METHOD},
    {"__class_getitem__", m_class_getitem, NATIVE_CLASSMETHOD},
    {NULL},
};

TypeObject DictType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "dict",
    .instance_size = sizeof(DictObject),
    .flags = TP_BASETYPE | TP_DICT_SUBCLASS,
    .tp_new = dict_tp_new,
    .tp_init = dict_tp_init,
    .trace = dict_trace,
    .finalize = dict_finalize,
    .repr = dict_repr,
    .hash = dict_hash,
    .richcompare = dict_richcompare,
    .iter = dict_iter,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains_slot,
    .binop = {[BINOP_OR] = dict_or},
    .inplace = {[BINOP_OR] = dict_ior},
    .methods = dict_methods,
};
