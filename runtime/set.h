/* set.h — set and frozenset. */
#ifndef GILPY_SET_H
#define GILPY_SET_H

#include "runtime/object.h"

typedef struct {
  Hash hash;
  Value key;        /* VAL_NULL empty; SET_DUMMY deleted */
} SetEntry;

typedef struct {
  Object base;
  ssize_t len, fill, mask;
  SetEntry *table;  /* malloc'd */
  Hash hash;        /* frozenset: cached, -1 */
  ssize_t finger;   /* where set.pop() resumes its scan */
} SetObject;

extern TypeObject SetType, FrozenSetType;
static inline bool val_is_anyset(Value v) {
  return val_is_obj(v) && (v->type == &SetType || v->type == &FrozenSetType ||
                           type_is_subtype(v->type, &SetType) || type_is_subtype(v->type, &FrozenSetType));
}

Value set_new(Value iterable);        /* iterable may be VAL_NULL */
Value frozenset_new(Value iterable);
int set_add(Value s, Value key);
int set_contains(Value s, Value key);  /* 0/1, -1 */
int set_discard(Value s, Value key);   /* 1 removed, 0 absent, -1 error */
bool set_next(Value s, ssize_t *pos, Value *key);
/* set_next that also returns the stored hash. */
bool set_next_hashed(Value s, ssize_t *pos, Value *key, Hash *hash);
int set_update(Value s, Value iterable);   /* s |= iterable (any iterable) */
int set_add_hashed(Value s, Value key, Hash hash);
int set_contains_hashed(Value s, Value key, Hash hash);
Value set_copy(Value s);                   /* same kind (set / frozenset) */
#endif
