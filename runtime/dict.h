/* dict.h — dict (insertion-ordered hash table) and its views.
 *
 * Compact layout as CPython's: an index table of int32 slots into a dense
 * entries array in insertion order; deleted entries leave tombstones that
 * a resize compacts.  `version` changes on every mutation (used by the
 * global/attribute inline caches).
 */
#ifndef GILPY_DICT_H
#define GILPY_DICT_H

#include "runtime/object.h"

typedef struct {
  Hash hash;
  Value key;       /* VAL_NULL: deleted entry */
  Value value;
} DictEntry;

struct DictObject {
  Object base;
  ssize_t len;       /* live entries */
  ssize_t nentries;  /* used entries including deleted */
  ssize_t cap;       /* entries capacity */
  ssize_t mask;      /* index table size - 1 */
  int32_t *index;    /* malloc'd: -1 empty, -2 dummy, else entry index */
  DictEntry *entries;/* malloc'd */
  uint64_t version;
};

extern TypeObject DictType;
static inline bool val_is_dict(Value v) {
  return val_is_obj(v) && (v->type == &DictType || (v->type->flags & TP_DICT_SUBCLASS));
}

Value dict_new(void);
/* Lookups return VAL_NULL when missing; check err_occurred() to tell an
 * error (from a key's __hash__/__eq__) apart. */
Value dict_get(Value d, Value key);
Value dict_get_str(Value d, StrObject *key);     /* interned or not; never fails */
Value dict_get_cstr(Value d, const char *key);
int dict_set(Value d, Value key, Value v);
int dict_set_str(Value d, StrObject *key, Value v);
int dict_set_cstr(Value d, const char *key, Value v);
int dict_del(Value d, Value key);                /* KeyError when missing */
int dict_contains(Value d, Value key);           /* 0/1, -1 */
/* Iteration by position: *pos starts at 0; false at the end. */
bool dict_next(Value d, ssize_t *pos, Value *key, Value *value);
int dict_update(Value d, Value other);           /* dict.update(other) */
Value dict_copy(Value d);
void dict_clear(Value d);
/* Merges the mapping `other` into d.  override: 1 replaces existing keys
 * (update), 0 keeps them, 2 raises KeyError(key) on the first duplicate
 * (f(**m) checks).  other may be any mapping with keys() and __getitem__. */
int dict_merge(Value d, Value other, int override);
/* d.pop(key, dflt): dflt VAL_NULL raises KeyError when missing. */
Value dict_pop(Value d, Value key, Value dflt);
/* d.setdefault(key, dflt). */
Value dict_setdefault(Value d, Value key, Value dflt);
/* Lists of the keys / values / (key, value) tuples, in order. */
Value dict_keys_list(Value d);
Value dict_values_list(Value d);
Value dict_items_list(Value d);
/* Lookup with a known hash (sets, views, kwargs): as dict_get. */
Value dict_get_hashed(Value d, Value key, Hash hash);
int dict_set_hashed(Value d, Value key, Hash hash, Value v);

/* The view types (dictview.c). */
extern TypeObject DictKeysType, DictValuesType, DictItemsType;
typedef struct {
  Object base;
  Value dict;
} DictViewObject;
Value dictview_new(Value dict, TypeObject *type);
void dictview_init(void);
#define DICT_LEN(d) (AS(DictObject, (d))->len)
#endif
