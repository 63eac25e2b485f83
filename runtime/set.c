/* set.c — set and frozenset.
 *
 * An open-addressing table of (hash, key) entries, following CPython 3.11's
 * setobject.c step for step (linear probes of 9 slots, then the perturbed
 * recurrence; resize to 4x the live count when 3/5 full; bulk merges that
 * copy tables directly) so that a set of ints iterates — and prints — in
 * the same order as in CPython.  Empty slots have key VAL_NULL and hash 0;
 * deleted slots hold the `dummy` marker with hash -1.  `fill` counts live
 * and dummy slots, `len` live ones.
 *
 * frozenset shares everything but mutation; its hash is CPython's
 * (order-independent xor of shuffled entry hashes) and is cached.
 */
#include "runtime/set.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

#define MIN_SIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* The deleted-slot marker: a static object no user code can see. */
static Object dummy_obj = STATIC_OBJECT_HEADER(&ObjectType);
#define DUMMY (&dummy_obj)

static inline bool is_frozen_type(TypeObject *t) { return t == &FrozenSetType || (t != &SetType && type_is_subtype(t, &FrozenSetType)); }
static inline bool val_is_frozen(Value v) { return is_frozen_type(v->type); }

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

/* ---- storage ------------------------------------------------------------------ */

static void set_trace(Object *o) {
  SetObject *s = (SetObject *)o;
  if (!s->table) return;
  for (ssize_t i = 0; i <= s->mask; i++) {
    Value k = s->table[i].key;
    if (k && k != DUMMY) gc_mark(k);
  }
}

static void set_finalize(Object *o) {
  SetObject *s = (SetObject *)o;
  if (s->table) {
    gc_account(-(ssize_t)((s->mask + 1) * sizeof(SetEntry)));
    free(s->table);
  }
  s->table = NULL;
}

static SetEntry *new_table(size_t n) {
  SetEntry *t = calloc(n, sizeof(SetEntry));
  if (!t) {
    err_no_memory();
    abort();
  }
  gc_account((ssize_t)(n * sizeof(SetEntry)));
  return t;
}

static SetObject *set_alloc(TypeObject *type) {
  SetObject *s = (SetObject *)gc_alloc(type, type->instance_size);
  s->table = new_table(MIN_SIZE);
  s->mask = MIN_SIZE - 1;
  s->hash = -1;
  return s;
}

static void insert_clean(SetEntry *table, size_t mask, Value key, Hash hash) {
  size_t perturb = (size_t)hash, i = (size_t)hash & mask;
  for (;;) {
    SetEntry *e = &table[i];
    if (!e->key) goto found;
    if (i + LINEAR_PROBES <= mask) {
      for (int j = 0; j < LINEAR_PROBES; j++) {
        e++;
        if (!e->key) goto found;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
    continue;
  found:
    e->key = key;
    e->hash = hash;
    return;
  }
}

static void table_resize(SetObject *s, ssize_t minused) {
  size_t newsize = MIN_SIZE;
  while (newsize <= (size_t)minused) newsize <<= 1;
  /* A minimal table without dummies stays as it is (order included). */
  if (newsize == MIN_SIZE && s->mask + 1 == MIN_SIZE && s->fill == s->len) return;
  SetEntry *old = s->table;
  size_t oldsize = (size_t)s->mask + 1;
  SetEntry *t = new_table(newsize);
  size_t mask = newsize - 1;
  for (size_t i = 0; i < oldsize; i++) {
    if (old[i].key && old[i].key != DUMMY) insert_clean(t, mask, old[i].key, old[i].hash);
  }
  s->table = t;
  s->mask = (ssize_t)mask;
  s->fill = s->len;
  gc_account(-(ssize_t)(oldsize * sizeof(SetEntry)));
  free(old);
}

/* Returns the entry holding key, or an empty entry (key VAL_NULL) when
 * absent, or NULL on error. */
static SetEntry *lookkey(SetObject *s, Value key, Hash hash) {
restart:;
  size_t mask = (size_t)s->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
  for (;;) {
    SetEntry *e = &s->table[i];
    int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
    do {
      if (e->hash == 0 && !e->key) return e;
      if (e->hash == hash) {
        Value k = e->key;
        if (k == key) return e;
        if (val_is_obj(k) && k->type == &StrType && val_is_obj(key) && key->type == &StrType) {
          if (str_equal(k, key)) return e;
        } else {
          SetEntry *table = s->table;
          int r = obj_eq(k, key);
          if (r < 0) return NULL;
          if (table != s->table || e->key != k) goto restart;
          if (r) return e;
          mask = (size_t)s->mask;
        }
      }
      e++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

static int add_entry(SetObject *s, Value key, Hash hash) {
restart:;
  size_t mask = (size_t)s->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
  SetEntry *freeslot = NULL, *e;
  for (;;) {
    e = &s->table[i];
    int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
    do {
      if (e->hash == 0 && !e->key) goto found_unused_or_dummy;
      if (e->hash == hash) {
        Value k = e->key;
        if (k == key) return 0;
        if (val_is_obj(k) && k->type == &StrType && val_is_obj(key) && key->type == &StrType) {
          if (str_equal(k, key)) return 0;
        } else {
          SetEntry *table = s->table;
          int r = obj_eq(k, key);
          if (r < 0) return -1;
          if (r) return 0;
          if (table != s->table || e->key != k) goto restart;
          mask = (size_t)s->mask;
        }
      } else if (e->hash == -1) {
        freeslot = e; /* the last dummy on the probe path, as CPython */
      }
      e++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot) {
    s->len++;
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
  }
  s->fill++;
  s->len++;
  e->key = key;
  e->hash = hash;
  if ((size_t)s->fill * 5 < mask * 3) return 0;
  table_resize(s, s->len > 50000 ? s->len * 2 : s->len * 4);
  return 0;
}

/* 1 removed, 0 absent, -1 error. */
static int discard_entry(SetObject *s, Value key, Hash hash) {
  SetEntry *e = lookkey(s, key, hash);
  if (!e) return -1;
  if (!e->key) return 0;
  e->key = DUMMY;
  e->hash = -1;
  s->len--;
  return 1;
}

static int contains_entry(SetObject *s, Value key, Hash hash) {
  SetEntry *e = lookkey(s, key, hash);
  if (!e) return -1;
  return e->key != VAL_NULL;
}

static void clear_internal(SetObject *s) {
  gc_account(-(ssize_t)((s->mask + 1) * sizeof(SetEntry)));
  free(s->table);
  s->table = new_table(MIN_SIZE);
  s->mask = MIN_SIZE - 1;
  s->fill = s->len = 0;
}

static int set_merge(SetObject *s, SetObject *o) {
  if (o == s || o->len == 0) return 0;
  if ((s->fill + o->len) * 5 >= s->mask * 3) table_resize(s, (s->len + o->len) * 2);
  /* An empty table of the same size and no dummies to drop: copy as is. */
  if (s->fill == 0 && s->mask == o->mask && o->fill == o->len) {
    for (ssize_t i = 0; i <= o->mask; i++) {
      Value k = o->table[i].key;
      if (k) s->table[i] = o->table[i];
    }
    s->fill = o->fill;
    s->len = o->len;
    return 0;
  }
  if (s->fill == 0) {
    s->fill = s->len = o->len;
    for (ssize_t i = 0; i <= o->mask; i++) {
      Value k = o->table[i].key;
      if (k && k != DUMMY) insert_clean(s->table, (size_t)s->mask, k, o->table[i].hash);
    }
    return 0;
  }
  for (ssize_t i = 0; i <= o->mask; i++) {
    SetEntry *e = &o->table[i];
    if (e->key && e->key != DUMMY && add_entry(s, e->key, e->hash) < 0) return -1;
  }
  return 0;
}

static int update_internal(SetObject *s, Value other) {
  if (val_is_anyset(other)) return set_merge(s, AS(SetObject, other));
  if (val_type(other) == &DictType) {
    DictObject *d = AS(DictObject, other);
    if ((s->fill + d->len) * 5 >= s->mask * 3) table_resize(s, (s->len + d->len) * 2);
    for (ssize_t i = 0; i < d->nentries; i++) {
      DictEntry *e = &d->entries[i];
      if (e->key && add_entry(s, e->key, e->hash) < 0) return -1;
    }
    return 0;
  }
  Value it = obj_iter(other);
  if (!it) return -1;
  for (;;) {
    Value k = obj_next(it);
    if (!k) return err_occurred() ? -1 : 0;
    Hash h = key_hash(k);
    if (h == -1 || add_entry(s, k, h) < 0) return -1;
  }
}

/* A new empty set of the same kind as `like` (set for set subclasses,
 * frozenset for frozenset subclasses), filled from `iterable`. */
static Value new_like(Value like, Value iterable) {
  SetObject *r = set_alloc(val_is_frozen(like) ? &FrozenSetType : &SetType);
  if (iterable && update_internal(r, iterable) < 0) return VAL_NULL;
  return (Value)r;
}

/* ---- the C API -------------------------------------------------------------------- */

Value set_new(Value iterable) {
  SetObject *s = set_alloc(&SetType);
  if (iterable && update_internal(s, iterable) < 0) return VAL_NULL;
  return (Value)s;
}

Value frozenset_new(Value iterable) {
  SetObject *s = set_alloc(&FrozenSetType);
  if (iterable && update_internal(s, iterable) < 0) return VAL_NULL;
  return (Value)s;
}

Value set_copy(Value s) { return new_like(s, s); }

int set_add(Value s, Value key) {
  Hash h = key_hash(key);
  if (h == -1) return -1;
  return add_entry(AS(SetObject, s), key, h);
}

int set_add_hashed(Value s, Value key, Hash hash) { return add_entry(AS(SetObject, s), key, hash); }

int set_update(Value s, Value iterable) { return update_internal(AS(SetObject, s), iterable); }

/* hash(key), but a set used as a key stands for the equal frozenset. */
static Hash key_hash_frozen(Value *key) {
  Hash h = key_hash(*key);
  if (h == -1 && val_is_obj(*key) && val_is_anyset(*key) && !val_is_frozen(*key) && err_matches(&Exc_TypeError)) {
    err_clear();
    *key = frozenset_new(*key);
    if (!*key) return -1;
    h = key_hash(*key);
  }
  return h;
}

int set_contains(Value s, Value key) {
  Hash h = key_hash_frozen(&key);
  if (h == -1) return -1;
  return contains_entry(AS(SetObject, s), key, h);
}

int set_contains_hashed(Value s, Value key, Hash hash) { return contains_entry(AS(SetObject, s), key, hash); }

int set_discard(Value s, Value key) {
  Hash h = key_hash_frozen(&key);
  if (h == -1) return -1;
  return discard_entry(AS(SetObject, s), key, h);
}

bool set_next_hashed(Value sv, ssize_t *pos, Value *key, Hash *hash) {
  SetObject *s = AS(SetObject, sv);
  ssize_t i = *pos;
  while (i <= s->mask && (!s->table[i].key || s->table[i].key == DUMMY)) i++;
  *pos = i + 1;
  if (i > s->mask) {
    *pos = i;
    return false;
  }
  if (key) *key = s->table[i].key;
  if (hash) *hash = s->table[i].hash;
  return true;
}

bool set_next(Value s, ssize_t *pos, Value *key) { return set_next_hashed(s, pos, key, NULL); }

/* ---- algebra ------------------------------------------------------------------------- */

static Value set_intersection2(Value so, Value other) {
  if (so == other) return set_copy(so);
  Value result = new_like(so, VAL_NULL);
  if (val_is_anyset(other)) {
    Value a = so, b = other;
    if (AS(SetObject, b)->len > AS(SetObject, a)->len) {
      a = other;
      b = so;
    }
    ssize_t pos = 0;
    Value k;
    Hash h;
    while (set_next_hashed(b, &pos, &k, &h)) {
      int r = contains_entry(AS(SetObject, a), k, h);
      if (r < 0) return VAL_NULL;
      if (r && add_entry(AS(SetObject, result), k, h) < 0) return VAL_NULL;
    }
    return result;
  }
  Value it = obj_iter(other);
  if (!it) return VAL_NULL;
  for (;;) {
    Value k = obj_next(it);
    if (!k) break;
    Hash h = key_hash(k);
    if (h == -1) return VAL_NULL;
    int r = contains_entry(AS(SetObject, so), k, h);
    if (r < 0) return VAL_NULL;
    if (r) {
      if (add_entry(AS(SetObject, result), k, h) < 0) return VAL_NULL;
      /* Everything of so was found: the rest of the iterable is not read. */
      if (AS(SetObject, result)->len >= AS(SetObject, so)->len) break;
    }
  }
  return err_occurred() ? VAL_NULL : result;
}

static int difference_update_internal(SetObject *s, Value other) {
  if ((Value)s == other) {
    clear_internal(s);
    return 0;
  }
  if (val_is_anyset(other)) {
    ssize_t pos = 0;
    Value k;
    Hash h;
    while (set_next_hashed(other, &pos, &k, &h))
      if (discard_entry(s, k, h) < 0) return -1;
  } else {
    Value it = obj_iter(other);
    if (!it) return -1;
    for (;;) {
      Value k = obj_next(it);
      if (!k) break;
      Hash h = key_hash(k);
      if (h == -1 || discard_entry(s, k, h) < 0) return -1;
    }
    if (err_occurred()) return -1;
  }
  /* Many dummies make probing slow: rebuild like CPython does. */
  if ((size_t)(s->fill - s->len) > (size_t)s->mask / 4) table_resize(s, s->len > 50000 ? s->len * 2 : s->len * 4);
  return 0;
}

static Value set_difference2(Value so, Value other) {
  ssize_t other_size;
  if (val_is_anyset(other)) other_size = AS(SetObject, other)->len;
  else if (val_is_dict(other)) other_size = DICT_LEN(other);
  else other_size = -1;
  if (other_size < 0 || (AS(SetObject, so)->len >> 2) > other_size) {
    Value r = set_copy(so);
    if (!r || difference_update_internal(AS(SetObject, r), other) < 0) return VAL_NULL;
    return r;
  }
  Value result = new_like(so, VAL_NULL);
  ssize_t pos = 0;
  Value k;
  Hash h;
  while (set_next_hashed(so, &pos, &k, &h)) {
    int r;
    if (val_is_dict(other)) {
      Value v = dict_get_hashed(other, k, h);
      if (!v && err_occurred()) return VAL_NULL;
      r = v != VAL_NULL;
    } else {
      r = contains_entry(AS(SetObject, other), k, h);
    }
    if (r < 0) return VAL_NULL;
    if (!r && add_entry(AS(SetObject, result), k, h) < 0) return VAL_NULL;
  }
  return result;
}

static int symmetric_difference_update(SetObject *s, Value other) {
  if ((Value)s == other) {
    clear_internal(s);
    return 0;
  }
  if (val_is_obj(other) && other->type == &DictType) {
    /* Straight from the dict, in its order. */
    DictObject *d = AS(DictObject, other);
    for (ssize_t i = 0; i < d->nentries; i++) {
      DictEntry *e = &d->entries[i];
      if (!e->key) continue;
      Value k = e->key;
      int r = discard_entry(s, k, e->hash);
      if (r < 0) return -1;
      if (r == 0 && add_entry(s, k, e->hash) < 0) return -1;
    }
    return 0;
  }
  Value o = other;
  if (!val_is_anyset(other)) {
    o = new_like((Value)s, other);
    if (!o) return -1;
  }
  ssize_t pos = 0;
  Value k;
  Hash h;
  while (set_next_hashed(o, &pos, &k, &h)) {
    int r = discard_entry(s, k, h);
    if (r < 0) return -1;
    if (r == 0 && add_entry(s, k, h) < 0) return -1;
  }
  return 0;
}

static Value set_symmetric_difference2(Value so, Value other) {
  Value r = new_like(so, other);
  if (!r || symmetric_difference_update(AS(SetObject, r), so) < 0) return VAL_NULL;
  return r;
}

/* 1 when every item of a is in b (b a set). */
static int is_subset(Value a, Value b) {
  if (AS(SetObject, a)->len > AS(SetObject, b)->len) return 0;
  ssize_t pos = 0;
  Value k;
  Hash h;
  while (set_next_hashed(a, &pos, &k, &h)) {
    int r = contains_entry(AS(SetObject, b), k, h);
    if (r <= 0) return r;
  }
  return 1;
}

/* ---- slots ------------------------------------------------------------------------------ */

static Value set_repr(Value self) {
  SetObject *s = AS(SetObject, self);
  bool exact_set = self->type == &SetType;
  const char *name = self->type->name;
  if (s->len == 0) return str_printf("%s()", name);
  if (list_repr_enter(self)) return str_printf("%s(...)", name);
  StrBuilder sb;
  sb_init(&sb);
  if (!exact_set) {
    sb_adds(&sb, name);
    sb_addc(&sb, '(');
  }
  sb_addc(&sb, '{');
  ssize_t pos = 0;
  Value k;
  bool first = true;
  while (set_next(self, &pos, &k)) {
    if (!first) sb_add(&sb, ", ", 2);
    first = false;
    if (sb_add_repr(&sb, k) < 0) {
      sb_free(&sb);
      list_repr_leave(self);
      return VAL_NULL;
    }
  }
  sb_addc(&sb, '}');
  if (!exact_set) sb_addc(&sb, ')');
  list_repr_leave(self);
  return sb_finish(&sb);
}

static Hash set_unhashable(Value self) {
  err_set(&Exc_TypeError, "unhashable type: '%T'", self);
  return -1;
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

static Hash frozenset_hash(Value self) {
  SetObject *s = AS(SetObject, self);
  if (s->hash != -1) return s->hash;
  uint64_t hash = 0;
  for (ssize_t i = 0; i <= s->mask; i++) {
    Value k = s->table[i].key;
    if (k && k != DUMMY) hash ^= shuffle_bits((uint64_t)s->table[i].hash);
  }
  hash ^= ((uint64_t)s->len + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == (uint64_t)-1) hash = 590923713UL;
  s->hash = (Hash)hash;
  return (Hash)hash;
}

static Value set_richcompare(Value a, Value b, CmpOp op) {
  if (!val_is_anyset(a) || !val_is_anyset(b)) return VAL_NOTIMPL;
  ssize_t la = AS(SetObject, a)->len, lb = AS(SetObject, b)->len;
  int r;
  switch (op) {
    case CMP_EQ:
    case CMP_NE:
      if (la != lb) {
        r = 0;
      } else if (val_is_frozen(a) && val_is_frozen(b) && AS(SetObject, a)->hash != -1 &&
                 AS(SetObject, b)->hash != -1 && AS(SetObject, a)->hash != AS(SetObject, b)->hash) {
        r = 0;
      } else {
        r = is_subset(a, b);
      }
      if (r < 0) return VAL_NULL;
      return val_bool(op == CMP_EQ ? r : !r);
    case CMP_LE: r = is_subset(a, b); break;
    case CMP_GE: r = is_subset(b, a); break;
    case CMP_LT: r = la < lb ? is_subset(a, b) : 0; break;
    default: r = lb < la ? is_subset(b, a) : 0; break;
  }
  return r < 0 ? VAL_NULL : val_bool(r);
}

static ssize_t set_len(Value self) { return AS(SetObject, self)->len; }
static int set_contains_slot(Value self, Value key) { return set_contains(self, key); }
static Value set_iter(Value self) { return setiter_new(self); }

static Value set_or(Value a, Value b) {
  if (!val_is_anyset(a) || !val_is_anyset(b)) return VAL_NOTIMPL;
  Value r = set_copy(a);
  if (!r || update_internal(AS(SetObject, r), b) < 0) return VAL_NULL;
  return r;
}
static Value set_and(Value a, Value b) {
  if (!val_is_anyset(a) || !val_is_anyset(b)) return VAL_NOTIMPL;
  return set_intersection2(a, b);
}
static Value set_sub(Value a, Value b) {
  if (!val_is_anyset(a) || !val_is_anyset(b)) return VAL_NOTIMPL;
  return set_difference2(a, b);
}
static Value set_xor(Value a, Value b) {
  if (!val_is_anyset(a) || !val_is_anyset(b)) return VAL_NOTIMPL;
  return set_symmetric_difference2(a, b);
}

/* Replaces the contents of s by those of t (a fresh set). */
static void swap_bodies(SetObject *s, SetObject *t) {
  SetObject tmp = *s;
  s->len = t->len;
  s->fill = t->fill;
  s->mask = t->mask;
  s->table = t->table;
  t->len = tmp.len;
  t->fill = tmp.fill;
  t->mask = tmp.mask;
  t->table = tmp.table;
  s->hash = -1;
}

static Value set_ior(Value a, Value b) {
  if (!val_is_anyset(b)) return VAL_NOTIMPL;
  if (update_internal(AS(SetObject, a), b) < 0) return VAL_NULL;
  return a;
}
static Value set_iand(Value a, Value b) {
  if (!val_is_anyset(b)) return VAL_NOTIMPL;
  Value t = set_intersection2(a, b);
  if (!t) return VAL_NULL;
  swap_bodies(AS(SetObject, a), AS(SetObject, t));
  return a;
}
static Value set_isub(Value a, Value b) {
  if (!val_is_anyset(b)) return VAL_NOTIMPL;
  if (difference_update_internal(AS(SetObject, a), b) < 0) return VAL_NULL;
  return a;
}
static Value set_ixor(Value a, Value b) {
  if (!val_is_anyset(b)) return VAL_NOTIMPL;
  if (symmetric_difference_update(AS(SetObject, a), b) < 0) return VAL_NULL;
  return a;
}

static Value set_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  return (Value)set_alloc(type);
}

static int set_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len && self->type == &SetType) {
    err_set(&Exc_TypeError, "set() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    err_set(&Exc_TypeError, "set expected at most 1 argument, got %zu", nargs);
    return -1;
  }
  SetObject *s = AS(SetObject, self);
  if (s->fill) clear_internal(s);
  if (nargs == 1) return update_internal(s, args[0]);
  return 0;
}

static Value frozenset_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len && type == &FrozenSetType)
    return err_set(&Exc_TypeError, "frozenset() takes no keyword arguments");
  if (nargs > 1) return err_set(&Exc_TypeError, "frozenset expected at most 1 argument, got %zu", nargs);
  if (type == &FrozenSetType && nargs == 1 && val_is_obj(args[0]) && args[0]->type == &FrozenSetType) return args[0];
  SetObject *s = set_alloc(type);
  if (nargs == 1 && update_internal(s, args[0]) < 0) return VAL_NULL;
  return (Value)s;
}

/* ---- methods ------------------------------------------------------------------------------ */

#define NOKW(name)                                   \
  if (!args_no_kw(name, kwnames)) return VAL_NULL;

static Value m_add(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("add");
  if (nargs != 1) return err_set(&Exc_TypeError, "set.add() takes exactly one argument (%zu given)", nargs);
  return set_add(self, args[0]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_remove(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("remove");
  if (nargs != 1) return err_set(&Exc_TypeError, "set.remove() takes exactly one argument (%zu given)", nargs);
  int r = set_discard(self, args[0]);
  if (r < 0) return VAL_NULL;
  if (r == 0) return err_key(args[0]);
  return VAL_NONE;
}

static Value m_discard(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("discard");
  if (nargs != 1) return err_set(&Exc_TypeError, "set.discard() takes exactly one argument (%zu given)", nargs);
  return set_discard(self, args[0]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_pop(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("pop");
  if (!args_count("set.pop", nargs, 0, 0)) return VAL_NULL;
  SetObject *s = AS(SetObject, self);
  if (s->len == 0) return err_set(&Exc_KeyError, "pop from an empty set");
  SetEntry *e = s->table + (s->finger & s->mask), *limit = s->table + s->mask;
  while (!e->key || e->key == DUMMY) {
    e++;
    if (e > limit) e = s->table;
  }
  Value k = e->key;
  e->key = DUMMY;
  e->hash = -1;
  s->len--;
  s->finger = e - s->table + 1;
  return k;
}

static Value m_clear(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("clear");
  if (!args_count("set.clear", nargs, 0, 0)) return VAL_NULL;
  clear_internal(AS(SetObject, self));
  return VAL_NONE;
}

static Value m_copy(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("copy");
  if (!args_count(val_is_frozen(self) ? "frozenset.copy" : "set.copy", nargs, 0, 0)) return VAL_NULL;
  if (self->type == &FrozenSetType) return self;
  return set_copy(self);
}

static Value m_update(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("update");
  for (size_t i = 0; i < nargs; i++)
    if (update_internal(AS(SetObject, self), args[i]) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value m_union(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("union");
  Value r = set_copy(self);
  for (size_t i = 0; r && i < nargs; i++)
    if (update_internal(AS(SetObject, r), args[i]) < 0) return VAL_NULL;
  return r;
}

static Value m_intersection(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("intersection");
  if (nargs == 0) return set_copy(self);
  Value r = self;
  for (size_t i = 0; i < nargs; i++) {
    r = set_intersection2(r, args[i]);
    if (!r) return VAL_NULL;
  }
  return r;
}

static Value m_intersection_update(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("intersection_update");
  Value t = m_intersection(self, args, nargs, NULL);
  if (!t) return VAL_NULL;
  swap_bodies(AS(SetObject, self), AS(SetObject, t));
  return VAL_NONE;
}

static Value m_difference(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("difference");
  if (nargs == 0) return set_copy(self);
  if (nargs == 1) return set_difference2(self, args[0]);
  Value r = set_copy(self);
  for (size_t i = 0; i < nargs; i++)
    if (difference_update_internal(AS(SetObject, r), args[i]) < 0) return VAL_NULL;
  return r;
}

static Value m_difference_update(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("difference_update");
  for (size_t i = 0; i < nargs; i++)
    if (difference_update_internal(AS(SetObject, self), args[i]) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value m_symmetric_difference(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("symmetric_difference");
  if (nargs != 1)
    return err_set(&Exc_TypeError, "%s.symmetric_difference() takes exactly one argument (%zu given)",
                   self->type->name, nargs);
  return set_symmetric_difference2(self, args[0]);
}

static Value m_symmetric_difference_update(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("symmetric_difference_update");
  if (nargs != 1)
    return err_set(&Exc_TypeError, "set.symmetric_difference_update() takes exactly one argument (%zu given)", nargs);
  return symmetric_difference_update(AS(SetObject, self), args[0]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value as_set_arg(Value v) { return val_is_anyset(v) ? v : set_new(v); }

static Value m_issubset(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("issubset");
  if (nargs != 1) return err_set(&Exc_TypeError, "%s.issubset() takes exactly one argument (%zu given)", self->type->name, nargs);
  Value o = as_set_arg(args[0]);
  if (!o) return VAL_NULL;
  int r = is_subset(self, o);
  return r < 0 ? VAL_NULL : val_bool(r);
}

static Value m_issuperset(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("issuperset");
  if (nargs != 1) return err_set(&Exc_TypeError, "%s.issuperset() takes exactly one argument (%zu given)", self->type->name, nargs);
  if (val_is_anyset(args[0])) {
    int r = is_subset(args[0], self);
    return r < 0 ? VAL_NULL : val_bool(r);
  }
  Value it = obj_iter(args[0]);
  if (!it) return VAL_NULL;
  for (;;) {
    Value k = obj_next(it);
    if (!k) return err_occurred() ? VAL_NULL : VAL_TRUE;
    int r = set_contains(self, k);
    if (r < 0) return VAL_NULL;
    if (!r) return VAL_FALSE;
  }
}

static Value m_isdisjoint(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  NOKW("isdisjoint");
  if (nargs != 1) return err_set(&Exc_TypeError, "%s.isdisjoint() takes exactly one argument (%zu given)", self->type->name, nargs);
  Value other = args[0];
  if (val_is_anyset(other)) {
    Value a = self, b = other;
    if (AS(SetObject, a)->len > AS(SetObject, b)->len) {
      a = other;
      b = self;
    }
    ssize_t pos = 0;
    Value k;
    Hash h;
    while (set_next_hashed(a, &pos, &k, &h)) {
      int r = contains_entry(AS(SetObject, b), k, h);
      if (r < 0) return VAL_NULL;
      if (r) return VAL_FALSE;
    }
    return VAL_TRUE;
  }
  Value it = obj_iter(other);
  if (!it) return VAL_NULL;
  for (;;) {
    Value k = obj_next(it);
    if (!k) return err_occurred() ? VAL_NULL : VAL_TRUE;
    int r = set_contains(self, k);
    if (r < 0) return VAL_NULL;
    if (r) return VAL_FALSE;
  }
}

static Value m_contains(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw(val_is_frozen(self) ? "frozenset.__contains__" : "set.__contains__", kwnames) ||
      !args_count(val_is_frozen(self) ? "frozenset.__contains__" : "set.__contains__", nargs, 1, 1))
    return VAL_NULL;
  int r = set_contains(self, args[0]);
  return r < 0 ? VAL_NULL : val_bool(r);
}

static Value m_len(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__len__", nargs, kwnames, 0)) return VAL_NULL;
  return val_from_int(AS(SetObject, self)->len);
}

static Value m_iter(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_wrapper("__iter__", nargs, kwnames, 0)) return VAL_NULL;
  return setiter_new(self);
}

static Value m_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return set_tp_init(self, args, nargs, kwnames) < 0 ? VAL_NULL : VAL_NONE;
}

static Value m_class_getitem(Value cls, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__class_getitem__", nargs, 1, 1)) return VAL_NULL;
  return generic_alias_new(cls, args[0]);
}

static const NativeDef set_methods[] = {
    {"add", m_add, NATIVE_METHOD},
    {"remove", m_remove, NATIVE_METHOD},
    {"discard", m_discard, NATIVE_METHOD},
    {"pop", m_pop, NATIVE_METHOD},
    {"clear", m_clear, NATIVE_METHOD},
    {"copy", m_copy, NATIVE_METHOD},
    {"update", m_update, NATIVE_METHOD},
    {"union", m_union, NATIVE_METHOD},
    {"intersection", m_intersection, NATIVE_METHOD},
    {"intersection_update", m_intersection_update, NATIVE_METHOD},
    {"difference", m_difference, NATIVE_METHOD},
    {"difference_update", m_difference_update, NATIVE_METHOD},
    {"symmetric_difference", m_symmetric_difference, NATIVE_METHOD},
    {"symmetric_difference_update", m_symmetric_difference_update, NATIVE_METHOD},
    {"issubset", m_issubset, NATIVE_METHOD},
    {"issuperset", m_issuperset, NATIVE_METHOD},
    {"isdisjoint", m_isdisjoint, NATIVE_METHOD},
    {"__contains__", m_contains, NATIVE_METHOD},
    {"__len__", m_len, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {"__init__", m_init, NATIVE_METHOD},
    {"__class_getitem__", m_class_getitem, NATIVE_CLASSMETHOD},
    {NULL},
};

static const NativeDef frozenset_methods[] = {
    {"copy", m_copy, NATIVE_METHOD},
    {"union", m_union, NATIVE_METHOD},
    {"intersection", m_intersection, NATIVE_METHOD},
    {"difference", m_difference, NATIVE_METHOD},
    {"symmetric_difference", m_symmetric_difference, NATIVE_METHOD},
    {"issubset", m_issubset, NATIVE_METHOD},
    {"issuperset", m_issuperset, NATIVE_METHOD},
    {"isdisjoint", m_isdisjoint, NATIVE_METHOD},
    {"__contains__", m_contains, NATIVE_METHOD},
    {"__len__", m_len, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {"__class_getitem__", m_class_getitem, NATIVE_CLASSMETHOD},
    {NULL},
};

TypeObject SetType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "set",
    .instance_size = sizeof(SetObject),
    .flags = TP_BASETYPE,
    .tp_new = set_tp_new,
    .tp_init = set_tp_init,
    .trace = set_trace,
    .finalize = set_finalize,
    .repr = set_repr,
    .hash = set_unhashable,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains_slot,
    .binop = {[BINOP_OR] = set_or, [BINOP_AND] = set_and, [BINOP_SUB] = set_sub, [BINOP_XOR] = set_xor},
    .inplace = {[BINOP_OR] = set_ior, [BINOP_AND] = set_iand, [BINOP_SUB] = set_isub, [BINOP_XOR] = set_ixor},
    .methods = set_methods,
};

TypeObject FrozenSetType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "frozenset",
    .instance_size = sizeof(SetObject),
    .flags = TP_BASETYPE,
    .tp_new = frozenset_tp_new,
    .trace = set_trace,
    .finalize = set_finalize,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains_slot,
    .binop = {[BINOP_OR] = set_or, [BINOP_AND] = set_and, [BINOP_SUB] = set_sub, [BINOP_XOR] = set_xor},
    .methods = frozenset_methods,
};
