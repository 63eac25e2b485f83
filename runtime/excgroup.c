/* excgroup.c — BaseExceptionGroup and ExceptionGroup (PEP 654), as CPython 3.11.
 *
 * A group is an exception whose args are (message, exceptions-as-given) and
 * which keeps the message and a tuple of the sub-exceptions in its own
 * fields (its __dict__ stays empty, as in CPython).  BaseExceptionGroup()
 * returns an ExceptionGroup when every member is an Exception.
 * ExceptionGroup derives from both BaseExceptionGroup and Exception: it is
 * a static type whose bases and MRO are completed after type_ready.
 *
 * Invariants: msg is a str and excs a non-empty tuple of exceptions once
 * the constructor returned; neither changes afterwards.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/excgroup.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"

typedef struct {
  ExceptionObject base;
  Value msg;  /* str */
  Value excs; /* tuple */
} ExcGroupObject;

static void eg_trace(Object *o) {
  ExcGroupObject *g = (ExcGroupObject *)o;
  ExceptionObject *e = &g->base;
  gc_mark(e->dict);
  gc_mark(e->args);
  gc_mark(e->traceback);
  gc_mark(e->cause);
  gc_mark(e->context);
  gc_mark(e->notes);
  gc_mark(g->msg);
  gc_mark(g->excs);
}

bool exc_is_group(Value v) { return val_is_exception(v) && type_is_subtype(val_type(v), &Exc_BaseExceptionGroup); }

Value exc_group_exceptions(Value v) { return AS(ExcGroupObject, v)->excs; }

static Value eg_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len)
    return err_set(&Exc_TypeError, "%s() takes no keyword arguments", type_name(type));
  if (nargs != 2)
    return err_set(&Exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
  Value msg = args[0], seq = args[1];
  if (!val_is_str(msg))
    return err_set(&Exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %T", msg);
  TypeObject *st = val_type(seq);
  if (val_is_str(seq) || st == &DictType || !(val_is_list(seq) || val_is_tuple(seq) || (st->flags & TP_HEAPTYPE)))
    return err_set(&Exc_TypeError, "second argument (exceptions) must be a sequence");
  Value items = list_from_iterable(seq);
  if (!items) return VAL_NULL;
  ssize_t n = LIST_LEN(items);
  if (n == 0) return err_set(&Exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (ssize_t i = 0; i < n; i++) {
    Value e = LIST_ITEMS(items)[i];
    if (!val_is_exception(e))
      return err_set(&Exc_ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
    if (!type_is_subtype(val_type(e), &Exc_Exception)) all_exceptions = false;
  }
  if (type == &Exc_BaseExceptionGroup) {
    if (all_exceptions) type = &Exc_ExceptionGroup;
  } else if (type == &Exc_ExceptionGroup) {
    if (!all_exceptions) return err_set(&Exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (!all_exceptions && type_is_subtype(type, &Exc_Exception)) {
    return err_set(&Exc_TypeError, "Cannot nest BaseExceptions in '%s'", type_name(type));
  }
  ExcGroupObject *g = (ExcGroupObject *)gc_alloc(type, type->instance_size ? type->instance_size : sizeof(ExcGroupObject));
  g->base.args = tuple_pack(2, msg, seq);
  g->msg = msg;
  Value t = tuple_new(n);
  for (ssize_t i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = LIST_ITEMS(items)[i];
  g->excs = t;
  return (Value)g;
}

/* BaseException.__init__ would accept anything; a group's arguments were
 * checked by __new__ and init only records them again. */
static int eg_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len) {
    err_set(&Exc_TypeError, "%s() takes no keyword arguments", type_name(val_type(self)));
    return -1;
  }
  AS(ExceptionObject, self)->args = nargs ? tuple_from_array(args, (ssize_t)nargs) : tuple_new(0);
  return 0;
}

Value exc_group_str(Value self) {
  ExcGroupObject *g = AS(ExcGroupObject, self);
  ssize_t n = g->excs ? TUPLE_LEN(g->excs) : 0;
  return err_format("%U (%zd sub-exception%s)", g->msg ? g->msg : str_from_cstr(""), n, n == 1 ? "" : "s");
}

static Value g_message(Value self) { return AS(ExcGroupObject, self)->msg; }
static Value g_exceptions(Value self) { return AS(ExcGroupObject, self)->excs; }

static Value m_derive(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("derive", kw) || !args_count("derive", nargs, 1, 1)) return VAL_NULL;
  Value a[2] = {AS(ExcGroupObject, self)->msg, args[0]};
  return eg_new(&Exc_BaseExceptionGroup, a, 2, NULL);
}

/* The condition of split/subgroup: a type, a tuple of types, or a predicate;
 * MATCH_IDS (except*'s projection): a set of the ids of the leaves to keep. */
typedef enum { MATCH_TYPE, MATCH_PRED, MATCH_IDS } MatchKind;

static int classify(Value cond, MatchKind *kind) {
  bool types = false;
  if (val_is_obj(cond) && (val_type(cond)->flags & TP_TYPE_SUBCLASS) &&
      type_is_subtype(AS(TypeObject, cond), &Exc_BaseException)) {
    types = true;
  } else if (val_is_tuple(cond)) {
    types = true;
    for (ssize_t i = 0; i < TUPLE_LEN(cond); i++) {
      Value c = TUPLE_ITEMS(cond)[i];
      if (!(val_is_obj(c) && (val_type(c)->flags & TP_TYPE_SUBCLASS) &&
            type_is_subtype(AS(TypeObject, c), &Exc_BaseException)))
        types = false;
    }
  }
  if (types) {
    *kind = MATCH_TYPE;
    return 0;
  }
  if (val_type(cond)->call && !val_is_tuple(cond)) {
    *kind = MATCH_PRED;
    return 0;
  }
  err_set(&Exc_TypeError, "expected a function, exception type or tuple of exception types");
  return -1;
}

static Value leaf_id(Value exc) { return val_from_int((intptr_t)exc); }

/* A type condition matches as PyErr_GivenExceptionMatches does: by the
 * exception's type alone, whatever the classes' __instancecheck__ says. */
static bool matches_type(Value exc, Value cond) {
  ssize_t n = val_is_tuple(cond) ? TUPLE_LEN(cond) : 1;
  const Value *types = val_is_tuple(cond) ? TUPLE_ITEMS(cond) : &cond;
  for (ssize_t i = 0; i < n; i++)
    if (type_is_subtype(val_type(exc), AS(TypeObject, types[i]))) return true;
  return false;
}

static int matches(Value exc, Value cond, MatchKind kind) {
  if (kind == MATCH_TYPE) return matches_type(exc, cond);
  if (kind == MATCH_IDS) return exc_is_group(exc) ? 0 : set_contains(cond, leaf_id(exc));
  Value r = obj_call(cond, &exc, 1, NULL);
  if (!r) return -1;
  return obj_truthy(r);
}

/* self.derive(excs) with the group's traceback, cause, context and notes. */
static Value derive_and_copy(Value self, Value excs) {
  Value eg = obj_call_method(self, str_intern_cstr("derive"), &excs, 1);
  if (!eg) return VAL_NULL;
  if (!exc_is_group(eg)) return err_set(&Exc_TypeError, "derive must return an instance of BaseExceptionGroup");
  ExceptionObject *d = AS(ExceptionObject, eg), *s = AS(ExceptionObject, self);
  d->traceback = s->traceback;
  d->cause = s->cause;
  d->context = s->context;
  d->suppress_context = true; /* CPython sets the cause, which sets this too */
  if (s->dict) {
    Value notes = dict_get_cstr(s->dict, "__notes__");
    /* Each part gets its own list; notes that are not a sequence (CPython's
     * PySequence_Check) are left out rather than reported here. */
    if (notes && !val_is_dict(notes) && type_lookup(val_type(notes), NAME(__getitem__))) {
      Value copy = list_from_iterable(notes);
      if (!copy || obj_setattr(eg, str_intern_cstr("__notes__"), copy) < 0) return VAL_NULL;
    }
  }
  return eg;
}

/* Splits self by cond into *match and *rest (VAL_NONE when empty); rest
 * is not computed when want_rest is false. */
static int split_rec(Value self, Value cond, MatchKind kind, bool want_rest, Value *match, Value *rest) {
  *match = VAL_NONE;
  *rest = VAL_NONE;
  int m = matches(self, cond, kind);
  if (m < 0) return -1;
  if (m) {
    *match = self;
    return 0;
  }
  if (!exc_is_group(self)) {
    *rest = self;
    return 0;
  }
  Value ml = list_new(0), rl = list_new(0);
  Value excs = AS(ExcGroupObject, self)->excs;
  for (ssize_t i = 0; i < TUPLE_LEN(excs); i++) {
    Value sm, sr;
    if (split_rec(TUPLE_ITEMS(excs)[i], cond, kind, want_rest, &sm, &sr) < 0) return -1;
    if (sm != VAL_NONE && list_append(ml, sm) < 0) return -1;
    if (want_rest && sr != VAL_NONE && list_append(rl, sr) < 0) return -1;
  }
  if (LIST_LEN(ml) && !(*match = derive_and_copy(self, ml))) return -1;
  if (want_rest && LIST_LEN(rl) && !(*rest = derive_and_copy(self, rl))) return -1;
  return 0;
}

static Value m_split(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("split", kw) || !args_count("split", nargs, 1, 1)) return VAL_NULL;
  MatchKind k;
  if (classify(args[0], &k) < 0) return VAL_NULL;
  Value m, r;
  if (split_rec(self, args[0], k, true, &m, &r) < 0) return VAL_NULL;
  return tuple_pack(2, m, r);
}

static Value m_subgroup(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("subgroup", kw) || !args_count("subgroup", nargs, 1, 1)) return VAL_NULL;
  MatchKind k;
  if (classify(args[0], &k) < 0) return VAL_NULL;
  Value m, r;
  if (split_rec(self, args[0], k, false, &m, &r) < 0) return VAL_NULL;
  return m;
}

Value exc_group_new(Value msg, Value excs) {
  Value a[2] = {msg, excs};
  return eg_new(&Exc_BaseExceptionGroup, a, 2, NULL);
}

static int collect_leaf_ids(Value exc, Value ids) {
  if (!exc_is_group(exc)) return set_add(ids, leaf_id(exc));
  Value excs = AS(ExcGroupObject, exc)->excs;
  for (ssize_t i = 0; i < TUPLE_LEN(excs); i++)
    if (collect_leaf_ids(TUPLE_ITEMS(excs)[i], ids) < 0) return -1;
  return 0;
}

Value exc_group_project(Value eg, Value keep) {
  Value ids = set_new(VAL_NULL);
  if (!ids) return VAL_NULL;
  for (ssize_t i = 0; i < LIST_LEN(keep); i++)
    if (collect_leaf_ids(LIST_ITEMS(keep)[i], ids) < 0) return VAL_NULL;
  Value m, r;
  if (split_rec(eg, ids, MATCH_IDS, false, &m, &r) < 0) return VAL_NULL;
  return m;
}

static Value m_str(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__str__", nargs, 0, 0)) return VAL_NULL;
  return exc_group_str(self);
}

static Value m_class_getitem(Value cls, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__class_getitem__", nargs, 1, 1)) return VAL_NULL;
  return generic_alias_new(cls, args[0]);
}

static const NativeDef eg_methods[] = {
    {"derive", m_derive, NATIVE_METHOD},
    {"split", m_split, NATIVE_METHOD},
    {"subgroup", m_subgroup, NATIVE_METHOD},
    {"__str__", m_str, NATIVE_METHOD},
    {"__class_getitem__", m_class_getitem, NATIVE_CLASSMETHOD},
    {NULL},
};

static const GetSetDef eg_getsets[] = {
    {"message", g_message, NULL},
    {"exceptions", g_exceptions, NULL},
    {NULL},
};

TypeObject Exc_BaseExceptionGroup = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "BaseExceptionGroup",
    .base_type = &Exc_BaseException,
    .instance_size = sizeof(ExcGroupObject),
    .dict_offset = offsetof(ExceptionObject, dict),
    .flags = TP_BASETYPE | TP_HAS_DICT | TP_EXC_SUBCLASS,
    .tp_new = eg_new,
    .tp_init = eg_init,
    .trace = eg_trace,
    .methods = eg_methods,
    .getsets = eg_getsets,
};

TypeObject Exc_ExceptionGroup = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "ExceptionGroup",
    .base_type = &Exc_BaseExceptionGroup,
    .instance_size = sizeof(ExcGroupObject),
    .dict_offset = offsetof(ExceptionObject, dict),
    .flags = TP_BASETYPE | TP_HAS_DICT | TP_EXC_SUBCLASS,
    .tp_new = eg_new,
    .tp_init = eg_init,
    .trace = eg_trace,
};

void exc_group_types_init(void) {
  type_ready(&Exc_BaseExceptionGroup);
  type_ready(&Exc_ExceptionGroup);
  /* ExceptionGroup(BaseExceptionGroup, Exception): C3 gives this MRO. */
  Exc_ExceptionGroup.bases = AS(TupleObject, tuple_pack(2, (Value)&Exc_BaseExceptionGroup, (Value)&Exc_Exception));
  Exc_ExceptionGroup.mro = AS(TupleObject, tuple_pack(5, (Value)&Exc_ExceptionGroup, (Value)&Exc_BaseExceptionGroup,
                                                      (Value)&Exc_Exception, (Value)&Exc_BaseException,
                                                      (Value)&ObjectType));
}
