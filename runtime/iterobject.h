/* iterobject.h — iterator types of the containers and the iteration builtins.
 *
 * The structs of the hot iterators (list, tuple, range, dict) are public so
 * that the eval loop may special-case them in FOR_ITER.  The builtins area
 * puts the public types (enumerate, zip, map, filter, reversed, range...) in
 * the builtins module.
 */
#ifndef GILPY_ITEROBJECT_H
#define GILPY_ITEROBJECT_H

#include "runtime/object.h"

/* list_iterator, list_reverseiterator, tuple_iterator, iterator (the
 * __getitem__ protocol): seq is VAL_NULL once exhausted. */
typedef struct {
  Object base;
  Value seq;
  ssize_t index;
} SeqIterObject;

/* range: when every bound is a small int, start/stop/step/len are C
 * integers and every value the range yields is a tagged int (the fast
 * case).  Otherwise `big` holds the four as int Values (start, stop, step,
 * len) and the C fields are unused. */
typedef struct {
  Object base;
  intptr_t start, stop, step;
  ssize_t len;
  Value big;       /* VAL_NULL, or a 4-tuple (start, stop, step, len) of ints */
} RangeObject;
Value range_new(intptr_t start, intptr_t stop, intptr_t step); /* step != 0 */

/* range_iterator: yields `remaining` values from `next` by `step`. */
typedef struct {
  Object base;
  intptr_t next, step;
  ssize_t remaining;
} RangeIterObject;

/* The dict iterators (keys/values/items, forward or reversed). */
enum { DICTITER_KEYS, DICTITER_VALUES, DICTITER_ITEMS };
typedef struct {
  Object base;
  Value dict;        /* VAL_NULL once exhausted */
  ssize_t pos;       /* next entry index to look at */
  ssize_t used;      /* the dict's len when created: detects resizing */
  ssize_t remaining; /* items still expected */
  int kind;          /* DICTITER_* */
  bool reversed;
} DictIterObject;

extern TypeObject ListIterType, ListRevIterType, TupleIterType, RangeIterType;
extern TypeObject DictKeyIterType, DictValueIterType, DictItemIterType;
extern TypeObject DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType;
extern TypeObject SetIterType, SeqIterType, CallIterType;
extern TypeObject EnumerateType, ZipType, MapType, FilterType, ReversedType, RangeType;

Value listiter_new(Value list);
Value listreviter_new(Value list);
Value tupleiter_new(Value tuple);
Value rangeiter_new(intptr_t start, intptr_t step, ssize_t len);
Value dictiter_new(Value dict, int kind, bool reversed);
Value setiter_new(Value set);
Value seqiter_new(Value seq);                   /* iter(obj) through __getitem__ */
Value calliter_new(Value callable, Value sentinel); /* iter(f, sentinel) */
/* reversed(seq): __reversed__ or the sequence protocol; TypeError
 * "'int' object is not reversible". */
Value iter_reversed(Value seq);

/* The next item of a fast iterator, for the VM's FOR_ITER fast path. */
static inline Value rangeiter_next_fast(RangeIterObject *it) {
  if (it->remaining <= 0) return VAL_NULL;
  intptr_t v = it->next;
  it->next += it->step;
  it->remaining--;
  return val_from_int(v);
}

void iterobject_init(void); /* readies the types (called by containers_init) */
extern TypeObject LongRangeIterType; /* range.c: iterator of ranges beyond the small ints */
void range_init(void);      /* range.c: readies LongRangeIterType (called by containers_init) */
#endif
