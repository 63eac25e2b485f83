/* iterobject.c — the iterators of the containers and the lazy builtins
 * (enumerate, zip, map, filter, reversed, iter(seq), iter(f, sentinel)).
 *
 * Every iterator here follows the iternext contract of object.h: VAL_NULL
 * with no exception at exhaustion.  An exhausted iterator drops its
 * reference to the underlying object (seq/dict = VAL_NULL) and stays
 * exhausted, as CPython's do.  Iterators over mutable containers re-read
 * the container's length at each step, so mutation during iteration never
 * reads past the end; dict and set raise RuntimeError on a size change.
 */
#include "runtime/iterobject.h"

#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"

static Value self_iter(Value self) { return self; }

/* __next__ and __iter__ as methods, for code that calls them by name. */
static Value m_next(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__next__", nargs, 0, 0)) return VAL_NULL;
  Value v = val_type(self)->iternext(self);
  if (!v && !err_occurred()) err_set_value((Value)&Exc_StopIteration);
  return v;
}

static Value m_iter(Value self, Value *args, size_t nargs, TupleObject *kwnames) { return self; }

static const NativeDef iter_methods[] = {
    {"__next__", m_next, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {NULL},
};

/* ---- list, tuple and the __getitem__ protocol ----------------------------------- */

static void seqiter_trace(Object *o) { gc_mark(((SeqIterObject *)o)->seq); }

static SeqIterObject *seqiter_alloc(TypeObject *type, Value seq, ssize_t index) {
  SeqIterObject *it = (SeqIterObject *)gc_alloc(type, sizeof(SeqIterObject));
  it->seq = seq;
  it->index = index;
  return it;
}

Value listiter_new(Value list) { return (Value)seqiter_alloc(&ListIterType, list, 0); }
Value listreviter_new(Value list) { return (Value)seqiter_alloc(&ListRevIterType, list, LIST_LEN(list) - 1); }
Value tupleiter_new(Value tuple) { return (Value)seqiter_alloc(&TupleIterType, tuple, 0); }
Value seqiter_new(Value seq) { return (Value)seqiter_alloc(&SeqIterType, seq, 0); }

static Value listiter_next(Value self) {
  SeqIterObject *it = AS(SeqIterObject, self);
  Value l = it->seq;
  if (l && it->index < LIST_LEN(l)) return LIST_ITEMS(l)[it->index++];
  it->seq = VAL_NULL;
  return VAL_NULL;
}

static Value listreviter_next(Value self) {
  SeqIterObject *it = AS(SeqIterObject, self);
  Value l = it->seq;
  if (l && it->index >= 0 && it->index < LIST_LEN(l)) return LIST_ITEMS(l)[it->index--];
  it->seq = VAL_NULL;
  it->index = -1;
  return VAL_NULL;
}

static Value tupleiter_next(Value self) {
  SeqIterObject *it = AS(SeqIterObject, self);
  Value t = it->seq;
  if (t && it->index < TUPLE_LEN(t)) return TUPLE_ITEMS(t)[it->index++];
  it->seq = VAL_NULL;
  return VAL_NULL;
}

static Value seqiter_next(Value self) {
  SeqIterObject *it = AS(SeqIterObject, self);
  if (!it->seq) return VAL_NULL;
  Value v = obj_getitem(it->seq, val_from_int(it->index));
  if (v) {
    it->index++;
    return v;
  }
  if (err_matches(&Exc_IndexError) || err_matches(&Exc_StopIteration)) {
    err_clear();
    it->seq = VAL_NULL;
  }
  return VAL_NULL;
}

static Value m_listiter_hint(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  SeqIterObject *it = AS(SeqIterObject, self);
  ssize_t n = 0;
  if (it->seq) {
    if (self->type == &ListIterType) n = LIST_LEN(it->seq) - it->index;
    else if (self->type == &TupleIterType) n = TUPLE_LEN(it->seq) - it->index;
    else if (self->type == &ListRevIterType) n = it->index < LIST_LEN(it->seq) ? it->index + 1 : 0;
  }
  return val_from_int(n < 0 ? 0 : n);
}

static const NativeDef seqiter_methods[] = {
    {"__next__", m_next, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {"__length_hint__", m_listiter_hint, NATIVE_METHOD},
    {NULL},
};

#define ITER_TYPE(var, tname, size, tracefn, nextfn, meths) \
  TypeObject var = {                                        \
      STATIC_OBJECT_HEADER(&TypeType),                      \
      .name = tname,                                        \
      .instance_size = size,                                \
      .trace = tracefn,                                     \
      .iter = self_iter,                                    \
      .iternext = nextfn,                                   \
      .methods = meths,                                     \
  }

ITER_TYPE(ListIterType, "list_iterator", sizeof(SeqIterObject), seqiter_trace, listiter_next, seqiter_methods);
ITER_TYPE(ListRevIterType, "list_reverseiterator", sizeof(SeqIterObject), seqiter_trace, listreviter_next,
          seqiter_methods);
ITER_TYPE(TupleIterType, "tuple_iterator", sizeof(SeqIterObject), seqiter_trace, tupleiter_next, seqiter_methods);
ITER_TYPE(SeqIterType, "iterator", sizeof(SeqIterObject), seqiter_trace, seqiter_next, iter_methods);

/* ---- range --------------------------------------------------------------------------- */

Value rangeiter_new(intptr_t start, intptr_t step, ssize_t len) {
  RangeIterObject *it = (RangeIterObject *)gc_alloc(&RangeIterType, sizeof(RangeIterObject));
  it->next = start;
  it->step = step;
  it->remaining = len;
  return (Value)it;
}

static Value rangeiter_next(Value self) { return rangeiter_next_fast(AS(RangeIterObject, self)); }

static Value m_rangeiter_hint(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  ssize_t n = AS(RangeIterObject, self)->remaining;
  return val_from_int(n < 0 ? 0 : n);
}

static const NativeDef rangeiter_methods[] = {
    {"__next__", m_next, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {"__length_hint__", m_rangeiter_hint, NATIVE_METHOD},
    {NULL},
};

ITER_TYPE(RangeIterType, "range_iterator", sizeof(RangeIterObject), NULL, rangeiter_next, rangeiter_methods);

/* ---- dict ----------------------------------------------------------------------------- */

static void dictiter_trace(Object *o) { gc_mark(((DictIterObject *)o)->dict); }

Value dictiter_new(Value dict, int kind, bool reversed) {
  static TypeObject *const fwd[] = {&DictKeyIterType, &DictValueIterType, &DictItemIterType};
  static TypeObject *const rev[] = {&DictRevKeyIterType, &DictRevValueIterType, &DictRevItemIterType};
  DictIterObject *it = (DictIterObject *)gc_alloc(reversed ? rev[kind] : fwd[kind], sizeof(DictIterObject));
  DictObject *d = AS(DictObject, dict);
  it->dict = dict;
  it->used = d->len;
  it->remaining = d->len;
  it->kind = kind;
  it->reversed = reversed;
  it->pos = reversed ? d->nentries - 1 : 0;
  return (Value)it;
}

static Value dictiter_next(Value self) {
  DictIterObject *it = AS(DictIterObject, self);
  if (!it->dict) return VAL_NULL;
  DictObject *d = AS(DictObject, it->dict);
  if (it->used != d->len) {
    it->used = -1; /* keep failing */
    return err_set(&Exc_RuntimeError, "dictionary changed size during iteration");
  }
  ssize_t i = it->pos;
  DictEntry *e = NULL;
  if (it->reversed) {
    while (i >= 0 && i < d->nentries && !d->entries[i].key) i--;
    if (i >= 0 && i < d->nentries) e = &d->entries[i];
    it->pos = i - 1;
  } else {
    while (i < d->nentries && !d->entries[i].key) i++;
    if (i < d->nentries) e = &d->entries[i];
    it->pos = i + 1;
  }
  if (!e) {
    it->dict = VAL_NULL;
    return VAL_NULL;
  }
  if (it->remaining <= 0) {
    it->dict = VAL_NULL;
    return err_set(&Exc_RuntimeError, "dictionary keys changed during iteration");
  }
  it->remaining--;
  switch (it->kind) {
    case DICTITER_KEYS: return e->key;
    case DICTITER_VALUES: return e->value;
    default: return tuple_pack(2, e->key, e->value);
  }
}

static Value m_dictiter_hint(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  DictIterObject *it = AS(DictIterObject, self);
  ssize_t n = it->dict && it->used == DICT_LEN(it->dict) ? it->remaining : 0;
  return val_from_int(n);
}

static const NativeDef dictiter_methods[] = {
    {"__next__", m_next, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {"__length_hint__", m_dictiter_hint, NATIVE_METHOD},
    {NULL},
};

ITER_TYPE(DictKeyIterType, "dict_keyiterator", sizeof(DictIterObject), dictiter_trace, dictiter_next, dictiter_methods);
ITER_TYPE(DictValueIterType, "dict_valueiterator", sizeof(DictIterObject), dictiter_trace, dictiter_next,
          dictiter_methods);
ITER_TYPE(DictItemIterType, "dict_itemiterator", sizeof(DictIterObject), dictiter_trace, dictiter_next,
          dictiter_methods);
ITER_TYPE(DictRevKeyIterType, "dict_reversekeyiterator", sizeof(DictIterObject), dictiter_trace, dictiter_next,
          dictiter_methods);
ITER_TYPE(DictRevValueIterType, "dict_reversevalueiterator", sizeof(DictIterObject), dictiter_trace, dictiter_next,
          dictiter_methods);
ITER_TYPE(DictRevItemIterType, "dict_reverseitemiterator", sizeof(DictIterObject), dictiter_trace, dictiter_next,
          dictiter_methods);

/* ---- set ------------------------------------------------------------------------------- */

typedef struct {
  Object base;
  Value set;     /* VAL_NULL once exhausted */
  ssize_t pos;
  ssize_t used;  /* the set's len at creation */
  ssize_t remaining;
} SetIterObject;

static void setiter_trace(Object *o) { gc_mark(((SetIterObject *)o)->set); }

Value setiter_new(Value set) {
  SetIterObject *it = (SetIterObject *)gc_alloc(&SetIterType, sizeof(SetIterObject));
  it->set = set;
  it->used = AS(SetObject, set)->len;
  it->remaining = it->used;
  return (Value)it;
}

static Value setiter_next(Value self) {
  SetIterObject *it = AS(SetIterObject, self);
  if (!it->set) return VAL_NULL;
  if (it->used != AS(SetObject, it->set)->len) {
    it->used = -1;
    return err_set(&Exc_RuntimeError, "Set changed size during iteration");
  }
  Value k;
  if (!set_next(it->set, &it->pos, &k)) {
    it->set = VAL_NULL;
    return VAL_NULL;
  }
  it->remaining--;
  return k;
}

static Value m_setiter_hint(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  SetIterObject *it = AS(SetIterObject, self);
  return val_from_int(it->set && it->used == AS(SetObject, it->set)->len ? it->remaining : 0);
}

static const NativeDef setiter_methods[] = {
    {"__next__", m_next, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {"__length_hint__", m_setiter_hint, NATIVE_METHOD},
    {NULL},
};

ITER_TYPE(SetIterType, "set_iterator", sizeof(SetIterObject), setiter_trace, setiter_next, setiter_methods);

/* ---- iter(callable, sentinel) ------------------------------------------------------------ */

typedef struct {
  Object base;
  Value func;     /* VAL_NULL once exhausted */
  Value sentinel;
} CallIterObject;

static void calliter_trace(Object *o) {
  CallIterObject *it = (CallIterObject *)o;
  gc_mark(it->func);
  gc_mark(it->sentinel);
}

Value calliter_new(Value callable, Value sentinel) {
  CallIterObject *it = (CallIterObject *)gc_alloc(&CallIterType, sizeof(CallIterObject));
  it->func = callable;
  it->sentinel = sentinel;
  return (Value)it;
}

static Value calliter_next(Value self) {
  CallIterObject *it = AS(CallIterObject, self);
  if (!it->func) return VAL_NULL;
  Value v = obj_call0(it->func);
  if (!v) {
    if (err_matches(&Exc_StopIteration)) {
      err_clear();
      it->func = VAL_NULL;
    }
    return VAL_NULL;
  }
  int k = obj_eq(v, it->sentinel);
  if (k < 0) return VAL_NULL;
  if (k) {
    it->func = VAL_NULL;
    return VAL_NULL;
  }
  return v;
}

ITER_TYPE(CallIterType, "callable_iterator", sizeof(CallIterObject), calliter_trace, calliter_next, iter_methods);

/* ---- enumerate ------------------------------------------------------------------------------ */

typedef struct {
  Object base;
  Value it;
  intptr_t count;   /* used while `big` is VAL_NULL */
  Value big;        /* the count once it left the small-int range (or a big start) */
} EnumerateObject;

static void enumerate_trace(Object *o) {
  EnumerateObject *e = (EnumerateObject *)o;
  gc_mark(e->it);
  gc_mark(e->big);
}

static Value enumerate_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("enumerate(iterable, start=0)");
  Value a[2];
  if (nargs == 0 && (!kwnames || kwnames->len == 0))
    return err_set(&Exc_TypeError, "enumerate() missing required argument 'iterable'");
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  Value start = a[1] ? a[1] : val_from_int(0);
  if (!val_is_int(start)) {
    if (!val_is_intlike(start) && !val_type(start)->to_index)
      return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", start);
    start = obj_index(start);
    if (!start) return VAL_NULL;
    if (start == VAL_TRUE || start == VAL_FALSE) start = val_from_int(start == VAL_TRUE);
  }
  Value it = obj_iter(a[0]);
  if (!it) return VAL_NULL;
  EnumerateObject *e = (EnumerateObject *)gc_alloc(type, type->instance_size);
  e->it = it;
  if (val_is_int(start)) e->count = val_int(start);
  else e->big = start;
  return (Value)e;
}

static Value enumerate_next(Value self) {
  EnumerateObject *e = AS(EnumerateObject, self);
  Value v = obj_next(e->it);
  if (!v) return VAL_NULL;
  Value idx;
  if (!e->big) {
    idx = val_from_int(e->count);
    if (e->count == SMALLINT_MAX) e->big = int_from_i64((int64_t)e->count + 1);
    else e->count++;
  } else {
    idx = e->big;
    Value n = obj_binop(e->big, val_from_int(1), BINOP_ADD);
    if (!n) return VAL_NULL;
    e->big = n;
  }
  return tuple_pack(2, idx, v);
}

TypeObject EnumerateType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "enumerate",
    .instance_size = sizeof(EnumerateObject),
    .flags = TP_BASETYPE,
    .tp_new = enumerate_tp_new,
    .trace = enumerate_trace,
    .iter = self_iter,
    .iternext = enumerate_next,
    .methods = iter_methods,
};

/* ---- zip ------------------------------------------------------------------------------------- */

typedef struct {
  Object base;
  Value iters;   /* tuple of iterators; VAL_NULL once exhausted */
  bool strict;
} ZipObject;

static void zip_trace(Object *o) { gc_mark(((ZipObject *)o)->iters); }

static Value zip_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  bool strict = false;
  if (kwnames && kwnames->len) {
    for (ssize_t i = 0; i < kwnames->len; i++) {
      Value name = kwnames->items[i];
      if (strcmp(str_cstr(name), "strict") != 0)
        return err_set(&Exc_TypeError, "'%U' is an invalid keyword argument for zip()", name);
      int t = obj_truthy(args[nargs + (size_t)i]);
      if (t < 0) return VAL_NULL;
      strict = t;
    }
  }
  Value iters = tuple_new((ssize_t)nargs);
  for (size_t i = 0; i < nargs; i++) {
    Value it = obj_iter(args[i]);
    if (!it) return VAL_NULL;
    TUPLE_ITEMS(iters)[i] = it;
  }
  ZipObject *z = (ZipObject *)gc_alloc(type, type->instance_size);
  z->iters = iters;
  z->strict = strict;
  return (Value)z;
}

/* zip(strict=True) found iterator i exhausted while others were not (or
 * the reverse): raise CPython's ValueError. */
static Value zip_mismatch(ZipObject *z, ssize_t i) {
  ssize_t n = TUPLE_LEN(z->iters);
  if (i > 0) {
    z->iters = VAL_NULL;
    if (i == 1) return err_set(&Exc_ValueError, "zip() argument %zd is shorter than argument 1", i + 1);
    return err_set(&Exc_ValueError, "zip() argument %zd is shorter than arguments 1-%zd", i + 1, i);
  }
  /* The first iterator is exhausted: every other one must be too. */
  for (ssize_t j = 1; j < n; j++) {
    Value v = obj_next(TUPLE_ITEMS(z->iters)[j]);
    if (v) {
      z->iters = VAL_NULL;
      if (j == 1) return err_set(&Exc_ValueError, "zip() argument %zd is longer than argument 1", j + 1);
      return err_set(&Exc_ValueError, "zip() argument %zd is longer than arguments 1-%zd", j + 1, j);
    }
    if (err_occurred()) return VAL_NULL;
  }
  z->iters = VAL_NULL;
  return VAL_NULL;
}

static Value zip_next(Value self) {
  ZipObject *z = AS(ZipObject, self);
  if (!z->iters) return VAL_NULL;
  ssize_t n = TUPLE_LEN(z->iters);
  if (n == 0) return VAL_NULL;
  Value r = tuple_new(n);
  for (ssize_t i = 0; i < n; i++) {
    Value v = obj_next(TUPLE_ITEMS(z->iters)[i]);
    if (!v) {
      if (err_occurred()) return VAL_NULL;
      if (z->strict) return zip_mismatch(z, i);
      z->iters = VAL_NULL;
      return VAL_NULL;
    }
    TUPLE_ITEMS(r)[i] = v;
  }
  return r;
}

TypeObject ZipType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "zip",
    .instance_size = sizeof(ZipObject),
    .flags = TP_BASETYPE,
    .tp_new = zip_tp_new,
    .trace = zip_trace,
    .iter = self_iter,
    .iternext = zip_next,
    .methods = iter_methods,
};

/* ---- map ------------------------------------------------------------------------------------ */

typedef struct {
  Object base;
  Value func;
  Value iters;  /* tuple of iterators */
} MapObject;

static void map_trace(Object *o) {
  MapObject *m = (MapObject *)o;
  gc_mark(m->func);
  gc_mark(m->iters);
}

static Value map_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len && type == &MapType) return err_set(&Exc_TypeError, "map() takes no keyword arguments");
  if (nargs < 2) return err_set(&Exc_TypeError, "map() must have at least two arguments.");
  Value iters = tuple_new((ssize_t)nargs - 1);
  for (size_t i = 1; i < nargs; i++) {
    Value it = obj_iter(args[i]);
    if (!it) return VAL_NULL;
    TUPLE_ITEMS(iters)[i - 1] = it;
  }
  MapObject *m = (MapObject *)gc_alloc(type, type->instance_size);
  m->func = args[0];
  m->iters = iters;
  return (Value)m;
}

static Value map_next(Value self) {
  MapObject *m = AS(MapObject, self);
  ssize_t n = TUPLE_LEN(m->iters);
  Value small[8];
  Value *argv = small;
  Value holder = VAL_NULL;
  if (n > 8) {
    holder = tuple_new(n); /* keeps the arguments visible to the GC */
    argv = TUPLE_ITEMS(holder);
  }
  for (ssize_t i = 0; i < n; i++) {
    Value v = obj_next(TUPLE_ITEMS(m->iters)[i]);
    if (!v) return VAL_NULL;
    argv[i] = v;
  }
  Value r = obj_call(m->func, argv, (size_t)n, NULL);
  (void)holder;
  return r;
}

TypeObject MapType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "map",
    .instance_size = sizeof(MapObject),
    .flags = TP_BASETYPE,
    .tp_new = map_tp_new,
    .trace = map_trace,
    .iter = self_iter,
    .iternext = map_next,
    .methods = iter_methods,
};

/* ---- filter ---------------------------------------------------------------------------------- */

typedef struct {
  Object base;
  Value func;   /* None: truth of the item */
  Value it;
} FilterObject;

static void filter_trace(Object *o) {
  FilterObject *f = (FilterObject *)o;
  gc_mark(f->func);
  gc_mark(f->it);
}

static Value filter_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len && type == &FilterType)
    return err_set(&Exc_TypeError, "filter() takes no keyword arguments");
  if (nargs != 2) return err_set(&Exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
  Value it = obj_iter(args[1]);
  if (!it) return VAL_NULL;
  FilterObject *f = (FilterObject *)gc_alloc(type, type->instance_size);
  f->func = args[0];
  f->it = it;
  return (Value)f;
}

static Value filter_next(Value self) {
  FilterObject *f = AS(FilterObject, self);
  bool use_bool = f->func == VAL_NONE || f->func == (Value)&BoolType;
  for (;;) {
    Value v = obj_next(f->it);
    if (!v) return VAL_NULL;
    int t;
    if (use_bool) {
      t = obj_truthy(v);
    } else {
      Value r = obj_call1(f->func, v);
      if (!r) return VAL_NULL;
      t = obj_truthy(r);
    }
    if (t < 0) return VAL_NULL;
    if (t) return v;
  }
}

TypeObject FilterType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "filter",
    .instance_size = sizeof(FilterObject),
    .flags = TP_BASETYPE,
    .tp_new = filter_tp_new,
    .trace = filter_trace,
    .iter = self_iter,
    .iternext = filter_next,
    .methods = iter_methods,
};

/* ---- reversed --------------------------------------------------------------------------------- */

static Value reversed_next(Value self) {
  SeqIterObject *it = AS(SeqIterObject, self);
  if (!it->seq || it->index < 0) {
    it->seq = VAL_NULL;
    return VAL_NULL;
  }
  Value seq = it->seq;
  if (val_is_obj(seq) && seq->type == &TupleType) {
    if (it->index >= TUPLE_LEN(seq)) return VAL_NULL;
    return TUPLE_ITEMS(seq)[it->index--];
  }
  Value v = obj_getitem(seq, val_from_int(it->index));
  if (v) {
    it->index--;
    return v;
  }
  if (err_matches(&Exc_IndexError) || err_matches(&Exc_StopIteration)) {
    err_clear();
    it->seq = VAL_NULL;
  }
  return VAL_NULL;
}

Value iter_reversed(Value seq) {
  TypeObject *t = val_type(seq);
  if (t == &ListType) return listreviter_new(seq);
  if (t == &TupleType) return (Value)seqiter_alloc(&ReversedType, seq, TUPLE_LEN(seq) - 1);
  if (t == &DictType) return dictiter_new(seq, DICTITER_KEYS, true);
  Value meth = type_lookup(t, NAME(__reversed__));
  if (meth == VAL_NONE) return err_set(&Exc_TypeError, "'%T' object is not reversible", seq);
  if (meth) return obj_call1(meth, seq);
  if (!t->getitem || val_is_dict(seq) || !t->len) return err_set(&Exc_TypeError, "'%T' object is not reversible", seq);
  ssize_t n = obj_len(seq);
  if (n < 0) return VAL_NULL;
  return (Value)seqiter_alloc(&ReversedType, seq, n - 1);
}

static Value reversed_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len && type == &ReversedType)
    return err_set(&Exc_TypeError, "reversed() takes no keyword arguments");
  if (nargs != 1) return err_set(&Exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
  if (type == &ReversedType) return iter_reversed(args[0]);
  /* A subclass of reversed: always the sequence protocol object. */
  ssize_t n = obj_len(args[0]);
  if (n < 0) return VAL_NULL;
  SeqIterObject *it = (SeqIterObject *)gc_alloc(type, type->instance_size);
  it->seq = args[0];
  it->index = n - 1;
  return (Value)it;
}

static Value m_reversed_hint(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  SeqIterObject *it = AS(SeqIterObject, self);
  return val_from_int(it->seq && it->index >= 0 ? it->index + 1 : 0);
}

static const NativeDef reversed_methods[] = {
    {"__next__", m_next, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {"__length_hint__", m_reversed_hint, NATIVE_METHOD},
    {NULL},
};

TypeObject ReversedType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "reversed",
    .instance_size = sizeof(SeqIterObject),
    .flags = TP_BASETYPE,
    .tp_new = reversed_tp_new,
    .trace = seqiter_trace,
    .iter = self_iter,
    .iternext = reversed_next,
    .methods = reversed_methods,
};

void iterobject_init(void) {
  static TypeObject *const types[] = {
      &ListIterType,      &ListRevIterType,      &TupleIterType,       &RangeIterType,   &DictKeyIterType,
      &DictValueIterType, &DictItemIterType,     &DictRevKeyIterType,  &DictRevValueIterType,
      &DictRevItemIterType, &SetIterType,        &SeqIterType,         &CallIterType,    &EnumerateType,
      &ZipType,           &MapType,              &FilterType,          &ReversedType,
  };
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) type_ready(types[i]);
}
