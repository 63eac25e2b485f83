/* list.h — list and tuple: arrays of Values. */
#ifndef GILPY_LIST_H
#define GILPY_LIST_H

#include "runtime/object.h"

struct ListObject {
  Object base;
  ssize_t len, cap;
  Value *items;    /* malloc'd; NULL when cap == 0 */
};

struct TupleObject {
  Object base;
  ssize_t len;
  Hash hash;       /* cached, -1 until computed */
  Value items[];
};

extern TypeObject ListType, TupleType;
static inline bool val_is_list(Value v) {
  return val_is_obj(v) && (v->type == &ListType || (v->type->flags & TP_LIST_SUBCLASS));
}
static inline bool val_is_tuple(Value v) {
  return val_is_obj(v) && (v->type == &TupleType || (v->type->flags & TP_TUPLE_SUBCLASS));
}

Value list_new(ssize_t len);                   /* len VAL_NONE-filled slots */
Value list_from_array(Value *items, ssize_t n);
int list_append(Value list, Value v);          /* never fails in practice; -1 on OOM */
Value list_from_iterable(Value iterable);      /* list(x) */
int list_extend(Value list, Value iterable);
int list_sort(Value list, Value key, bool reverse); /* stable */
Value list_to_tuple(Value list);

/* The empty tuple is a singleton. items are filled by the caller. */
Value tuple_new(ssize_t len);
Value tuple_from_array(Value *items, ssize_t n);
Value tuple_pack(ssize_t n, ...);
Value tuple_from_iterable(Value iterable);
Hash tuple_hash(Value t);
/* Shared by list and tuple (list.c). */
/* Lexicographic comparison of two lists or two tuples (CPython's rules:
 * identity/equality scan, then the first differing pair decides). */
Value list_seq_compare(Value a, Value b, CmpOp op);
/* Recursion guard for container reprs (per thread): 1 if v is already being
 * repr'd by this thread (print "[...]"), 0 if entered (call list_repr_leave). */
int list_repr_enter(Value v);
void list_repr_leave(Value v);
/* Converts an int-like key (int, bool, __index__) to an index: true on
 * success; false with IndexError set if it does not fit, or false with no
 * error when key is not int-like.  Used by list/tuple/range subscripts. */
bool list_key_index(Value key, ssize_t *out);
/* New list/tuple made of items[start + k*step] for k < n. */
Value list_slice_array(Value *items, ssize_t start, ssize_t step, ssize_t n);
Value tuple_slice_array(Value *items, ssize_t start, ssize_t step, ssize_t n);

/* Readies every container and iterator type (list.c); called once at start-up. */
void containers_init(void);

#define TUPLE_ITEMS(t) (AS(TupleObject, (t))->items)
#define TUPLE_LEN(t) (AS(TupleObject, (t))->len)
#define LIST_ITEMS(l) (AS(ListObject, (l))->items)
#define LIST_LEN(l) (AS(ListObject, (l))->len)
#endif
