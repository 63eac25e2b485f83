/* type_slots.c — the bridge between dunder methods and type slots.
 *
 * Two directions:
 *  - heap classes: when a class (or a heap ancestor) defines __repr__,
 *    __add__, __getitem__ ..., the matching slot becomes a slot_* wrapper
 *    that looks the dunder up on the instance's type and calls it
 *    (type_slots_fixup, re-run when a dunder is assigned on the class);
 *  - static types: each slot a builtin type defines itself is exposed in
 *    its dict as a wrapper_descriptor (`object.__init__`, `dict.__setitem__`,
 *    `int.__add__`) so that super().__init__() and explicit base calls work.
 *
 * The table below is the single list of dunder <-> slot correspondences;
 * it is read-only after type_slots_init interns its names.
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
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/func.h"

typedef enum {
  SK_INIT, SK_REPR, SK_STR, SK_HASH,
  SK_LT, SK_LE, SK_EQ, SK_NE, SK_GT, SK_GE,
  SK_BOOL, SK_LEN, SK_CALL, SK_GETATTRIBUTE, SK_GETATTR, SK_SETATTR, SK_DELATTR,
  SK_GET, SK_SET, SK_DELETE, SK_GETITEM, SK_SETITEM, SK_DELITEM, SK_CONTAINS,
  SK_ITER, SK_NEXT, SK_BINOP, SK_RBINOP, SK_IBINOP,
  SK_NEG, SK_POS, SK_ABS, SK_INVERT, SK_INT, SK_FLOAT, SK_INDEX, SK_NEW, SK_DEL,
} SlotKind;

typedef struct {
  const char *name;
  SlotKind kind;
  int op; /* BinOp for the SK_*BINOP kinds */
} SlotDef;

static const SlotDef slotdefs[] = {
    {"__init__", SK_INIT, 0},
    {"__new__", SK_NEW, 0},
    {"__repr__", SK_REPR, 0},
    {"__str__", SK_STR, 0},
    {"__hash__", SK_HASH, 0},
    {"__lt__", SK_LT, 0},
    {"__le__", SK_LE, 0},
    {"__eq__", SK_EQ, 0},
    {"__ne__", SK_NE, 0},
    {"__gt__", SK_GT, 0},
    {"__ge__", SK_GE, 0},
    {"__bool__", SK_BOOL, 0},
    {"__len__", SK_LEN, 0},
    {"__call__", SK_CALL, 0},
    {"__getattribute__", SK_GETATTRIBUTE, 0},
    {"__getattr__", SK_GETATTR, 0},
    {"__setattr__", SK_SETATTR, 0},
    {"__delattr__", SK_DELATTR, 0},
    {"__get__", SK_GET, 0},
    {"__set__", SK_SET, 0},
    {"__delete__", SK_DELETE, 0},
    {"__getitem__", SK_GETITEM, 0},
    {"__setitem__", SK_SETITEM, 0},
    {"__delitem__", SK_DELITEM, 0},
    {"__contains__", SK_CONTAINS, 0},
    {"__iter__", SK_ITER, 0},
    {"__next__", SK_NEXT, 0},
#define X(e, f, sym, d, r, i) {d, SK_BINOP, BINOP_##e}, {r, SK_RBINOP, BINOP_##e}, {i, SK_IBINOP, BINOP_##e},
    BINOP_LIST(X)
#undef X
    {"__neg__", SK_NEG, 0},
    {"__pos__", SK_POS, 0},
    {"__abs__", SK_ABS, 0},
    {"__invert__", SK_INVERT, 0},
    {"__int__", SK_INT, 0},
    {"__float__", SK_FLOAT, 0},
    {"__index__", SK_INDEX, 0},
    {"__del__", SK_DEL, 0},
};
#define NSLOTDEFS (sizeof slotdefs / sizeof slotdefs[0])

static StrObject *slot_names[NSLOTDEFS]; /* interned once at start-up */
static StrObject *binop_names[BINOP_COUNT], *rbinop_names[BINOP_COUNT], *ibinop_names[BINOP_COUNT];
static StrObject *cmp_names[6];

void type_slots_init(void) {
  for (size_t i = 0; i < NSLOTDEFS; i++) {
    slot_names[i] = str_intern_cstr(slotdefs[i].name);
    switch (slotdefs[i].kind) {
    case SK_BINOP: binop_names[slotdefs[i].op] = slot_names[i]; break;
    case SK_RBINOP: rbinop_names[slotdefs[i].op] = slot_names[i]; break;
    case SK_IBINOP: ibinop_names[slotdefs[i].op] = slot_names[i]; break;
    case SK_LT: case SK_LE: case SK_EQ: case SK_NE: case SK_GT: case SK_GE:
      cmp_names[slotdefs[i].kind - SK_LT] = slot_names[i];
      break;
    default: break;
    }
  }
}

bool type_slot_name(StrObject *name) {
  for (size_t i = 0; i < NSLOTDEFS; i++)
    if (slot_names[i] == name) return true;
  return false;
}

typedef struct {
  Object base;
  TypeObject *owner;
  const SlotDef *slot;
} SlotWrapperObject;

static Value wrapper_dispatch(TypeObject *owner, const SlotDef *s, Value self, Value *args, size_t nargs,
                              TupleObject *kwnames);

/* ---- calling a dunder --------------------------------------------------- */

Value type_call_special(Value self, StrObject *name, Value *args, size_t nargs, TupleObject *kwnames, bool *found) {
  TypeObject *t = val_type(self);
  Value d = type_lookup(t, name);
  if (!d) {
    *found = false;
    return VAL_NULL;
  }
  *found = true;
  TypeObject *dt = val_type(d);
  if (dt == &MethodDescrType && AS(MethodDescrObject, d)->def->kind == NATIVE_METHOD)
    return AS(MethodDescrObject, d)->def->fn(self, args, nargs, kwnames);
  if (dt == &SlotWrapperType) {
    SlotWrapperObject *w = (SlotWrapperObject *)d;
    return wrapper_dispatch(w->owner, w->slot, self, args, nargs, kwnames);
  }
  if (dt == &FunctionType) {
    /* plain functions: call with self in front instead of making a bound method */
    size_t total = nargs + (kwnames ? (size_t)kwnames->len : 0);
    Value small[8];
    Value *argv = total + 1 <= 8 ? small : malloc((total + 1) * sizeof(Value));
    if (!argv) return err_no_memory();
    argv[0] = self;
    if (total) memcpy(argv + 1, args, total * sizeof(Value));
    Value r = obj_call(d, argv, nargs + 1, kwnames);
    if (argv != small) free(argv);
    return r;
  }
  if (dt->descr_get) {
    Value bound = dt->descr_get(d, self, (Value)t);
    if (!bound) return VAL_NULL;
    return obj_call(bound, args, nargs, kwnames);
  }
  return obj_call(d, args, nargs, kwnames);
}

static Value call0(Value self, StrObject *name, bool *found) { return type_call_special(self, name, NULL, 0, NULL, found); }
static Value call1(Value self, StrObject *name, Value a, bool *found) {
  return type_call_special(self, name, &a, 1, NULL, found);
}
static Value call2(Value self, StrObject *name, Value a, Value b, bool *found) {
  Value args[2] = {a, b};
  return type_call_special(self, name, args, 2, NULL, found);
}

static Value missing(Value self, StrObject *name) {
  return err_set(&Exc_AttributeError, "'%T' object has no attribute '%U'", self, name);
}

/* ---- heap-class slot wrappers ------------------------------------------- */

static Value slot_repr(Value self) {
  bool found;
  Value r = call0(self, NAME(__repr__), &found);
  return found ? r : missing(self, NAME(__repr__));
}

static Value slot_str(Value self) {
  bool found;
  Value r = call0(self, NAME(__str__), &found);
  return found ? r : missing(self, NAME(__str__));
}

static Hash slot_hash(Value self) {
  bool found;
  Value r = call0(self, NAME(__hash__), &found);
  if (!found) {
    missing(self, NAME(__hash__));
    return -1;
  }
  if (!r) return -1;
  if (!val_is_intlike(r)) {
    err_set(&Exc_TypeError, "__hash__ method should return an integer");
    return -1;
  }
  /* As CPython: a result that fits a machine word is the hash itself; only
     wider ints are reduced the way hash(int) reduces them. */
  Hash h;
  if (val_is_int(r)) {
    h = val_int(r);
  } else {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(r, z);
    h = mpz_fits_slong_p(z) ? (Hash)mpz_get_si(z) : int_hash(r);
    mpz_clear(z);
  }
  return h == -1 ? -2 : h;
}

static Hash hash_unhashable(Value self) {
  err_set(&Exc_TypeError, "unhashable type: '%T'", self);
  return -1;
}

static Value slot_richcompare(Value a, Value b, CmpOp op) {
  bool found;
  Value r = call1(a, cmp_names[op], b, &found);
  return found ? r : VAL_NOTIMPL;
}

static int slot_bool(Value self) {
  bool found;
  Value r = call0(self, NAME(__bool__), &found);
  if (!found) return 1;
  if (!r) return -1;
  if (r == VAL_TRUE) return 1;
  if (r == VAL_FALSE) return 0;
  err_set(&Exc_TypeError, "__bool__ should return bool, returned %T", r);
  return -1;
}

static ssize_t slot_len(Value self) {
  bool found;
  Value r = call0(self, NAME(__len__), &found);
  if (!found) {
    err_set(&Exc_TypeError, "object of type '%T' has no len()", self);
    return -1;
  }
  if (!r) return -1;
  Value i = obj_index(r);
  if (!i) return -1;
  if (int_sign(i) < 0) {
    err_set(&Exc_ValueError, "__len__() should return >= 0");
    return -1;
  }
  if (!val_is_int(i)) {
    err_set(&Exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  return (ssize_t)val_int(i);
}

static Value slot_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames) {
  bool found;
  Value r = type_call_special(callable, NAME(__call__), args, nargs, kwnames, &found);
  return found ? r : err_type_not_callable(callable);
}

/* __getattribute__ (unless object's) then, on AttributeError, __getattr__. */
static Value slot_getattr_hook(Value obj, StrObject *name) {
  TypeObject *t = val_type(obj);
  Value ga = type_lookup(t, NAME(__getattribute__));
  Value r;
  Value object_ga = dict_get_str((Value)ObjectType.dict, NAME(__getattribute__));
  if (!ga || ga == object_ga) {
    r = generic_getattr(obj, name);
  } else if (val_type(ga) == &SlotWrapperType && ((SlotWrapperObject *)ga)->owner->getattr) {
    /* a builtin's own lookup, e.g. type's for classes of a metaclass with __getattr__ */
    r = ((SlotWrapperObject *)ga)->owner->getattr(obj, name);
  } else {
    bool found;
    r = call1(obj, NAME(__getattribute__), (Value)name, &found);
  }
  if (r || !err_matches(&Exc_AttributeError)) return r;
  if (!type_lookup(t, NAME(__getattr__))) return VAL_NULL;
  err_clear();
  bool found;
  return call1(obj, NAME(__getattr__), (Value)name, &found);
}

static int slot_setattr(Value obj, StrObject *name, Value v) {
  TypeObject *t = val_type(obj);
  StrObject *dname = v ? NAME(__setattr__) : NAME(__delattr__);
  Value d = type_lookup(t, dname);
  Value object_d = dict_get_str((Value)ObjectType.dict, dname);
  if (!d || d == object_d) return generic_setattr(obj, name, v);
  bool found;
  Value r = v ? call2(obj, dname, (Value)name, v, &found) : call1(obj, dname, (Value)name, &found);
  return r ? 0 : -1;
}

static Value slot_descr_get(Value descr, Value obj, Value type) {
  bool found;
  Value r = call2(descr, NAME(__get__), obj ? obj : VAL_NONE, type ? type : VAL_NONE, &found);
  return found ? r : missing(descr, NAME(__get__));
}

static int slot_descr_set(Value descr, Value obj, Value v) {
  bool found;
  Value r = v ? call2(descr, NAME(__set__), obj, v, &found) : call1(descr, NAME(__delete__), obj, &found);
  if (!found) {
    err_set(&Exc_AttributeError, v ? "__set__" : "__delete__");
    return -1;
  }
  return r ? 0 : -1;
}

static Value slot_iter(Value self) {
  /* __iter__ = None declares the class not iterable (as CPython). */
  if (type_lookup(val_type(self), NAME(__iter__)) == VAL_NONE)
    return err_set(&Exc_TypeError, "'%T' object is not iterable", self);
  bool found;
  Value r = call0(self, NAME(__iter__), &found);
  if (!found) return err_set(&Exc_TypeError, "'%T' object is not iterable", self);
  return r;
}

static Value slot_iternext(Value self) {
  bool found;
  Value r = call0(self, NAME(__next__), &found);
  if (!found) return err_set(&Exc_TypeError, "'%T' object is not an iterator", self);
  if (!r && err_matches(&Exc_StopIteration)) err_clear();
  return r;
}

static Value slot_getitem(Value self, Value key) {
  bool found;
  Value r = call1(self, NAME(__getitem__), key, &found);
  return found ? r : err_set(&Exc_TypeError, "'%T' object is not subscriptable", self);
}

static int slot_setitem(Value self, Value key, Value v) {
  bool found;
  Value r = v ? call2(self, NAME(__setitem__), key, v, &found) : call1(self, NAME(__delitem__), key, &found);
  if (!found) {
    if (v)
      err_set(&Exc_TypeError, "'%T' object does not support item assignment", self);
    else
      err_set(&Exc_TypeError, "'%T' object doesn't support item deletion", self);
    return -1;
  }
  return r ? 0 : -1;
}

static int slot_contains(Value self, Value item) {
  bool found;
  Value r = call1(self, NAME(__contains__), item, &found);
  if (!found) {
    err_set(&Exc_TypeError, "argument of type '%T' is not iterable", self);
    return -1;
  }
  if (!r) return -1;
  return obj_truthy(r);
}

static Value slot_binop_impl(Value a, Value b, BinOp op, BinaryFn self_fn);

#define X(e, f, sym, d, r, i)                                                      \
  static Value slot_binop_##e(Value a, Value b) { return slot_binop_impl(a, b, BINOP_##e, slot_binop_##e); } \
  static Value slot_inplace_##e(Value a, Value b) {                                \
    bool found;                                                                    \
    Value res = call1(a, ibinop_names[BINOP_##e], b, &found);                      \
    return found ? res : VAL_NOTIMPL;                                              \
  }
BINOP_LIST(X)
#undef X

static const BinaryFn slot_binops[BINOP_COUNT] = {
#define X(e, f, sym, d, r, i) slot_binop_##e,
    BINOP_LIST(X)
#undef X
};
static const BinaryFn slot_inplaces[BINOP_COUNT] = {
#define X(e, f, sym, d, r, i) slot_inplace_##e,
    BINOP_LIST(X)
#undef X
};

/* CPython's SLOT1BINFULL: a.__add__(b), else b.__radd__(a); a subclass of
 * a's type that overrides the reflected method goes first. */
static Value slot_binop_impl(Value a, Value b, BinOp op, BinaryFn self_fn) {
  TypeObject *ta = val_type(a), *tb = val_type(b);
  bool do_other = ta != tb && tb->binop[op] == self_fn;
  bool found;
  Value r;
  if (ta->binop[op] == self_fn) {
    if (do_other && type_is_subtype(tb, ta) &&
        type_lookup(tb, rbinop_names[op]) != type_lookup(ta, rbinop_names[op])) {
      r = call1(b, rbinop_names[op], a, &found);
      if (found && r != VAL_NOTIMPL) return r;
      do_other = false;
    }
    r = call1(a, binop_names[op], b, &found);
    if (!found) r = VAL_NOTIMPL;
    if (r != VAL_NOTIMPL || ta == tb) return r;
  }
  if (do_other) {
    r = call1(b, rbinop_names[op], a, &found);
    return found ? r : VAL_NOTIMPL;
  }
  return VAL_NOTIMPL;
}

#define UNARY_SLOT(fname, dunder)                     \
  static Value fname(Value self) {                    \
    bool found;                                       \
    Value r = call0(self, NAME(dunder), &found);      \
    return found ? r : missing(self, NAME(dunder));   \
  }
UNARY_SLOT(slot_neg, __neg__)
UNARY_SLOT(slot_pos, __pos__)
UNARY_SLOT(slot_abs, __abs__)
UNARY_SLOT(slot_invert, __invert__)
UNARY_SLOT(slot_int, __int__)
UNARY_SLOT(slot_float, __float__)
UNARY_SLOT(slot_index, __index__)

/* __del__ runs after the collection that found the object unreachable
 * (gc.c); like CPython it cannot raise: errors are reported and dropped. */
static void slot_del(Object *o) {
  Value self = (Value)o;
  Value saved = err_fetch();
  bool found;
  Value r = call0(self, NAME(__del__), &found);
  if (!r && found) err_write_unraisable(NULL, type_lookup(val_type(self), NAME(__del__)));
  if (saved) err_set_value(saved);
}

static int slot_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  bool found;
  Value r = type_call_special(self, NAME(__init__), args, nargs, kwnames, &found);
  if (!found) return 0;
  if (!r) return -1;
  if (r != VAL_NONE) {
    err_set(&Exc_TypeError, "__init__() should return None, not '%T'", r);
    return -1;
  }
  return 0;
}

static Value slot_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  Value f = type_lookup(type, NAME(__new__));
  if (!f) return err_set(&Exc_TypeError, "cannot create '%s' instances", type->name);
  DescrGetFn get = val_type(f)->descr_get;
  if (get && val_type(f) == &StaticMethodType) f = get(f, VAL_NULL, (Value)type);
  if (!f) return VAL_NULL;
  size_t total = nargs + (kwnames ? (size_t)kwnames->len : 0);
  Value small[8];
  Value *argv = total + 1 <= 8 ? small : malloc((total + 1) * sizeof(Value));
  if (!argv) return err_no_memory();
  argv[0] = (Value)type;
  if (total) memcpy(argv + 1, args, total * sizeof(Value));
  Value r = obj_call(f, argv, nargs + 1, kwnames);
  if (argv != small) free(argv);
  return r;
}

/* ---- fixing up a heap class --------------------------------------------- */

/* The value bound to `name` in the first class of t's MRO that has it, and that class. */
static TypeObject *defining_class(TypeObject *t, StrObject *name, Value *val) {
  for (ssize_t i = 0; i < t->mro->len; i++) {
    TypeObject *b = (TypeObject *)t->mro->items[i];
    if (!b->dict) continue;
    Value v = dict_get_str((Value)b->dict, name);
    if (v) {
      if (val) *val = v;
      return b;
    }
  }
  return NULL;
}

static bool heap_defines(TypeObject *t, StrObject *name) {
  TypeObject *o = defining_class(t, name, NULL);
  return o && (o->flags & TP_HEAPTYPE);
}

void type_slots_fixup(TypeObject *t) {
  TypeObject *b = t->base_type;
#define PICK(slot, cond, wrapper) t->slot = (cond) ? (wrapper) : b->slot
  PICK(tp_init, heap_defines(t, NAME(__init__)), slot_init);
  PICK(tp_new, heap_defines(t, NAME(__new__)), slot_new);
  PICK(repr, heap_defines(t, NAME(__repr__)), slot_repr);
  PICK(str, heap_defines(t, NAME(__str__)), slot_str);
  {
    Value hv = VAL_NULL;
    TypeObject *o = defining_class(t, NAME(__hash__), &hv);
    if (o && (o->flags & TP_HEAPTYPE))
      t->hash = hv == VAL_NONE ? hash_unhashable : slot_hash;
    else if (o && hv == VAL_NONE)
      t->hash = hash_unhashable;
    else
      t->hash = b->hash;
  }
  bool cmp = false;
  for (int i = 0; i < 6; i++) cmp = cmp || heap_defines(t, cmp_names[i]);
  PICK(richcompare, cmp, slot_richcompare);
  PICK(truthy, heap_defines(t, NAME(__bool__)), slot_bool);
  PICK(len, heap_defines(t, NAME(__len__)), slot_len);
  PICK(call, heap_defines(t, NAME(__call__)), slot_call);
  PICK(getattr, heap_defines(t, NAME(__getattribute__)) || heap_defines(t, NAME(__getattr__)), slot_getattr_hook);
  PICK(setattr, heap_defines(t, NAME(__setattr__)) || heap_defines(t, NAME(__delattr__)), slot_setattr);
  PICK(descr_get, heap_defines(t, NAME(__get__)), slot_descr_get);
  PICK(descr_set, heap_defines(t, NAME(__set__)) || heap_defines(t, NAME(__delete__)), slot_descr_set);
  PICK(iter, heap_defines(t, NAME(__iter__)), slot_iter);
  PICK(iternext, heap_defines(t, NAME(__next__)), slot_iternext);
  PICK(getitem, heap_defines(t, NAME(__getitem__)), slot_getitem);
  PICK(setitem, heap_defines(t, NAME(__setitem__)) || heap_defines(t, NAME(__delitem__)), slot_setitem);
  PICK(contains, heap_defines(t, NAME(__contains__)), slot_contains);
  for (int op = 0; op < BINOP_COUNT; op++) {
    PICK(binop[op], heap_defines(t, binop_names[op]) || heap_defines(t, rbinop_names[op]), slot_binops[op]);
    PICK(inplace[op], heap_defines(t, ibinop_names[op]), slot_inplaces[op]);
  }
  PICK(neg, heap_defines(t, NAME(__neg__)), slot_neg);
  PICK(pos, heap_defines(t, NAME(__pos__)), slot_pos);
  PICK(abs, heap_defines(t, NAME(__abs__)), slot_abs);
  PICK(invert, heap_defines(t, NAME(__invert__)), slot_invert);
  PICK(to_int, heap_defines(t, NAME(__int__)), slot_int);
  PICK(to_float, heap_defines(t, NAME(__float__)), slot_float);
  PICK(to_index, heap_defines(t, NAME(__index__)), slot_index);
  PICK(del, heap_defines(t, NAME(__del__)), slot_del);
#undef PICK
}

/* ---- wrapper_descriptor / method-wrapper --------------------------------- */

typedef struct {
  Object base;
  SlotWrapperObject *descr;
  Value self;
} MethodWrapperObject;

static bool nargs_is(const SlotDef *s, size_t nargs, size_t want) {
  if (nargs == want) return true;
  err_set(&Exc_TypeError, "expected %zu argument%s, got %zu", want, want == 1 ? "" : "s", nargs);
  (void)s;
  return false;
}

static Value ssize_result(ssize_t n) { return n < 0 ? VAL_NULL : int_from_i64(n); }

/* Runs owner's slot for a wrapper call self.__xxx__(*args). */
static Value wrapper_dispatch(TypeObject *owner, const SlotDef *s, Value self, Value *args, size_t nargs,
                              TupleObject *kwnames) {
  bool has_kw = kwnames && kwnames->len > 0;
  if (has_kw && s->kind != SK_INIT && s->kind != SK_CALL)
    return err_set(&Exc_TypeError, "wrapper %s() takes no keyword arguments", s->name);
  switch (s->kind) {
  case SK_INIT:
    return owner->tp_init(self, args, nargs, kwnames) < 0 ? VAL_NULL : VAL_NONE;
  case SK_REPR:
    if (!nargs_is(s, nargs, 0)) return VAL_NULL;
    return owner->repr(self);
  case SK_STR:
    if (!nargs_is(s, nargs, 0)) return VAL_NULL;
    return owner->str(self);
  case SK_HASH: {
    if (!nargs_is(s, nargs, 0)) return VAL_NULL;
    Hash h = owner->hash(self);
    return h == -1 ? VAL_NULL : int_from_i64(h);
  }
  case SK_LT: case SK_LE: case SK_EQ: case SK_NE: case SK_GT: case SK_GE:
    if (!nargs_is(s, nargs, 1)) return VAL_NULL;
    return owner->richcompare(self, args[0], (CmpOp)(s->kind - SK_LT));
  case SK_BOOL: {
    if (!nargs_is(s, nargs, 0)) return VAL_NULL;
    int r = owner->truthy(self);
    return r < 0 ? VAL_NULL : val_bool(r);
  }
  case SK_LEN:
    if (!nargs_is(s, nargs, 0)) return VAL_NULL;
    return ssize_result(owner->len(self));
  case SK_CALL:
    return owner->call(self, args, nargs, kwnames);
  case SK_GETATTRIBUTE:
  case SK_GETATTR:
    if (!nargs_is(s, nargs, 1)) return VAL_NULL;
    if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "attribute name must be string, not '%T'", args[0]);
    return owner->getattr ? owner->getattr(self, str_intern(args[0])) : generic_getattr(self, str_intern(args[0]));
  case SK_SETATTR:
  case SK_DELATTR: {
    size_t want = s->kind == SK_SETATTR ? 2 : 1;
    if (!nargs_is(s, nargs, want)) return VAL_NULL;
    if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "attribute name must be string, not '%T'", args[0]);
    SetAttrFn set = owner->setattr ? owner->setattr : generic_setattr;
    return set(self, str_intern(args[0]), want == 2 ? args[1] : VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
  }
  case SK_GET: {
    if (nargs < 1 || nargs > 2) return err_set(&Exc_TypeError, "expected 1 or 2 arguments, got %zu", nargs);
    Value obj = args[0] == VAL_NONE ? VAL_NULL : args[0];
    Value type = nargs > 1 && args[1] != VAL_NONE ? args[1] : VAL_NULL;
    if (!obj && !type) return err_set(&Exc_TypeError, "__get__(None, None) is invalid");
    return owner->descr_get(self, obj, type);
  }
  case SK_SET:
    if (!nargs_is(s, nargs, 2)) return VAL_NULL;
    return owner->descr_set(self, args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
  case SK_DELETE:
    if (!nargs_is(s, nargs, 1)) return VAL_NULL;
    return owner->descr_set(self, args[0], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
  case SK_GETITEM:
    if (!nargs_is(s, nargs, 1)) return VAL_NULL;
    return owner->getitem(self, args[0]);
  case SK_SETITEM:
    if (!nargs_is(s, nargs, 2)) return VAL_NULL;
    return owner->setitem(self, args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
  case SK_DELITEM:
    if (!nargs_is(s, nargs, 1)) return VAL_NULL;
    return owner->setitem(self, args[0], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
  case SK_CONTAINS: {
    if (!nargs_is(s, nargs, 1)) return VAL_NULL;
    int r = owner->contains(self, args[0]);
    return r < 0 ? VAL_NULL : val_bool(r);
  }
  case SK_ITER:
    if (!nargs_is(s, nargs, 0)) return VAL_NULL;
    return owner->iter(self);
  case SK_NEXT: {
    if (!nargs_is(s, nargs, 0)) return VAL_NULL;
    Value r = owner->iternext(self);
    if (!r && !err_occurred()) err_set_value((Value)&Exc_StopIteration);
    return r;
  }
  case SK_BINOP:
    if (!nargs_is(s, nargs, 1)) return VAL_NULL;
    return owner->binop[s->op](self, args[0]);
  case SK_RBINOP:
    if (!nargs_is(s, nargs, 1)) return VAL_NULL;
    return owner->binop[s->op](args[0], self);
  case SK_IBINOP:
    if (!nargs_is(s, nargs, 1)) return VAL_NULL;
    return owner->inplace[s->op](self, args[0]);
  case SK_NEG: if (!nargs_is(s, nargs, 0)) return VAL_NULL; return owner->neg(self);
  case SK_POS: if (!nargs_is(s, nargs, 0)) return VAL_NULL; return owner->pos(self);
  case SK_ABS: if (!nargs_is(s, nargs, 0)) return VAL_NULL; return owner->abs(self);
  case SK_INVERT: if (!nargs_is(s, nargs, 0)) return VAL_NULL; return owner->invert(self);
  case SK_INT: if (!nargs_is(s, nargs, 0)) return VAL_NULL; return owner->to_int(self);
  case SK_FLOAT: if (!nargs_is(s, nargs, 0)) return VAL_NULL; return owner->to_float(self);
  case SK_INDEX: if (!nargs_is(s, nargs, 0)) return VAL_NULL; return owner->to_index(self);
  case SK_DEL:
    if (!nargs_is(s, nargs, 0)) return VAL_NULL;
    owner->del(self);
    return err_occurred() ? VAL_NULL : VAL_NONE;
  case SK_NEW:
    break;
  }
  return err_set(&Exc_SystemError, "bad slot wrapper");
}

static void slotwrapper_trace(Object *o) { gc_mark_obj(((SlotWrapperObject *)o)->owner); }

static Value slotwrapper_get(Value descr, Value obj, Value type) {
  SlotWrapperObject *d = (SlotWrapperObject *)descr;
  if (!obj) return descr;
  if (!type_is_subtype(val_type(obj), d->owner))
    return err_set(&Exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object", d->slot->name,
                   d->owner->name, obj);
  MethodWrapperObject *m = (MethodWrapperObject *)gc_alloc(&MethodWrapperType, sizeof(MethodWrapperObject));
  m->descr = d;
  m->self = obj;
  return (Value)m;
}

static Value slotwrapper_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames) {
  SlotWrapperObject *d = (SlotWrapperObject *)callable;
  if (nargs < 1)
    return err_set(&Exc_TypeError, "descriptor '%s' of '%s' object needs an argument", d->slot->name, d->owner->name);
  if (!type_is_subtype(val_type(args[0]), d->owner))
    return err_set(&Exc_TypeError, "descriptor '%s' requires a '%s' object but received a '%T'", d->slot->name,
                   d->owner->name, args[0]);
  return wrapper_dispatch(d->owner, d->slot, args[0], args + 1, nargs - 1, kwnames);
}

static Value slotwrapper_repr(Value v) {
  SlotWrapperObject *d = (SlotWrapperObject *)v;
  return str_printf("<slot wrapper '%s' of '%s' objects>", d->slot->name, d->owner->name);
}

static Value slotwrapper_name(Value self) { return str_from_cstr(((SlotWrapperObject *)self)->slot->name); }
static Value slotwrapper_objclass(Value self) { return (Value)((SlotWrapperObject *)self)->owner; }
static Value slotwrapper_qualname(Value self) {
  SlotWrapperObject *d = (SlotWrapperObject *)self;
  return str_printf("%s.%s", type_name(d->owner), d->slot->name);
}

static const GetSetDef slotwrapper_getsets[] = {
    {"__name__", slotwrapper_name, NULL},
    {"__qualname__", slotwrapper_qualname, NULL},
    {"__objclass__", slotwrapper_objclass, NULL},
    {NULL},
};

TypeObject SlotWrapperType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "wrapper_descriptor",
    .instance_size = sizeof(SlotWrapperObject),
    .trace = slotwrapper_trace,
    .repr = slotwrapper_repr,
    .call = slotwrapper_call,
    .descr_get = slotwrapper_get,
    .getsets = slotwrapper_getsets,
};

static void methodwrapper_trace(Object *o) {
  gc_mark_obj(((MethodWrapperObject *)o)->descr);
  gc_mark(((MethodWrapperObject *)o)->self);
}

static Value methodwrapper_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames) {
  MethodWrapperObject *m = (MethodWrapperObject *)callable;
  return wrapper_dispatch(m->descr->owner, m->descr->slot, m->self, args, nargs, kwnames);
}

static Value methodwrapper_repr(Value v) {
  MethodWrapperObject *m = (MethodWrapperObject *)v;
  return str_printf("<method-wrapper '%s' of %s object at %p>", m->descr->slot->name, val_type(m->self)->name,
                    (void *)m->self);
}

static Value methodwrapper_richcompare(Value a, Value b, CmpOp op) {
  if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &MethodWrapperType) return VAL_NOTIMPL;
  MethodWrapperObject *x = (MethodWrapperObject *)a, *y = (MethodWrapperObject *)b;
  bool eq = x->descr == y->descr && x->self == y->self;
  return val_bool(op == CMP_EQ ? eq : !eq);
}

static Hash methodwrapper_hash(Value v) {
  MethodWrapperObject *m = (MethodWrapperObject *)v;
  Hash h = (Hash)(((uintptr_t)m->descr >> 4) ^ ((uintptr_t)m->self >> 4));
  return h == -1 ? -2 : h;
}

static Value methodwrapper_self(Value self) { return ((MethodWrapperObject *)self)->self; }
static Value methodwrapper_name(Value self) { return str_from_cstr(((MethodWrapperObject *)self)->descr->slot->name); }

static const GetSetDef methodwrapper_getsets[] = {
    {"__self__", methodwrapper_self, NULL},
    {"__name__", methodwrapper_name, NULL},
    {NULL},
};

TypeObject MethodWrapperType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "method-wrapper",
    .instance_size = sizeof(MethodWrapperObject),
    .trace = methodwrapper_trace,
    .repr = methodwrapper_repr,
    .call = methodwrapper_call,
    .richcompare = methodwrapper_richcompare,
    .hash = methodwrapper_hash,
    .getsets = methodwrapper_getsets,
};

/* T.__new__(S, *args): checks S and runs T's tp_new for it. */
static Value tp_new_wrapper(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  TypeObject *owner = AS(TypeObject, self);
  if (nargs < 1) return err_set(&Exc_TypeError, "%s.__new__(): not enough arguments", owner->name);
  Value sub = args[0];
  if (!val_is_obj(sub) || !(val_type(sub)->flags & TP_TYPE_SUBCLASS))
    return err_set(&Exc_TypeError, "%s.__new__(X): X is not a type object (%T)", owner->name, sub);
  TypeObject *subtype = AS(TypeObject, sub);
  if (!type_is_subtype(subtype, owner))
    return err_set(&Exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", owner->name, subtype->name,
                   subtype->name, owner->name);
  TypeObject *staticbase = subtype;
  while (staticbase && staticbase->tp_new == slot_new) staticbase = staticbase->base_type;
  if (staticbase && staticbase->tp_new != owner->tp_new)
    return err_set(&Exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", owner->name, subtype->name,
                   staticbase->name);
  return owner->tp_new(subtype, args + 1, nargs - 1, kwnames);
}

static const NativeDef tp_new_def = {"__new__", tp_new_wrapper, NATIVE_METHOD,
                                     "Create and return a new object.  See help(type) for accurate signature."};

/* Whether static type t defines the slot of s itself (not inherited). */
static bool own_slot(TypeObject *t, const SlotDef *s) {
  TypeObject *b = t->base_type;
#define OWN(f) (t->f && (!b || t->f != b->f))
  switch (s->kind) {
  case SK_INIT: return OWN(tp_init);
  case SK_NEW: return OWN(tp_new);
  case SK_REPR: return OWN(repr);
  case SK_STR: return OWN(str);
  case SK_HASH: return OWN(hash);
  case SK_LT: case SK_LE: case SK_EQ: case SK_NE: case SK_GT: case SK_GE: return OWN(richcompare);
  case SK_BOOL: return OWN(truthy);
  case SK_LEN: return OWN(len);
  case SK_CALL: return OWN(call);
  case SK_GETATTRIBUTE: return OWN(getattr);
  case SK_GETATTR: return false;
  case SK_SETATTR: case SK_DELATTR: return OWN(setattr);
  case SK_GET: return OWN(descr_get);
  case SK_SET: case SK_DELETE: return OWN(descr_set);
  case SK_GETITEM: return OWN(getitem);
  case SK_SETITEM: case SK_DELITEM: return OWN(setitem);
  case SK_CONTAINS: return OWN(contains);
  case SK_ITER: return OWN(iter);
  case SK_NEXT: return OWN(iternext);
  case SK_BINOP: case SK_RBINOP: return OWN(binop[s->op]);
  case SK_IBINOP: return OWN(inplace[s->op]);
  case SK_NEG: return OWN(neg);
  case SK_POS: return OWN(pos);
  case SK_ABS: return OWN(abs);
  case SK_INVERT: return OWN(invert);
  case SK_INT: return OWN(to_int);
  case SK_FLOAT: return OWN(to_float);
  case SK_INDEX: return OWN(to_index);
  case SK_DEL: return OWN(del);
  }
#undef OWN
  return false;
}

void type_slots_add_wrappers(TypeObject *t) {
  Value d = (Value)t->dict;
  for (size_t i = 0; i < NSLOTDEFS; i++) {
    const SlotDef *s = &slotdefs[i];
    if (!own_slot(t, s) || dict_get_str(d, slot_names[i])) continue;
    Value w;
    if (s->kind == SK_NEW) {
      w = native_function_new(&tp_new_def, (Value)t);
    } else {
      SlotWrapperObject *sw = (SlotWrapperObject *)gc_alloc(&SlotWrapperType, sizeof(SlotWrapperObject));
      sw->owner = t;
      sw->slot = s;
      w = (Value)sw;
    }
    dict_set_str(d, slot_names[i], w);
  }
  /* a type with == of its own and no hash is unhashable: __hash__ = None */
  TypeObject *b = t->base_type;
  if (!t->hash && t->richcompare && (!b || t->richcompare != b->richcompare) && !dict_get_str(d, NAME(__hash__)))
    dict_set_str(d, NAME(__hash__), VAL_NONE);
}
