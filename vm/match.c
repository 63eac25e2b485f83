/* match.c — run-time support of structural pattern matching (match.h).
 *
 * CPython decides "is a sequence / is a mapping" with two type flags: the
 * builtin containers carry them, a class inherits them from its solid base,
 * and collections.abc sets them on its ABCs' subclasses and registered
 * classes.  Builtin (static) types never change here, so they are answered
 * from the fixed table below; a class statement's type is answered by its
 * chain of solid bases when that reaches a builtin container (or str, bytes,
 * bytearray, which are never sequences for patterns), and otherwise by
 * asking collections.abc — only when that module is loaded, since nothing
 * can be an ABC's subclass before it is.
 *
 * Values held across calls that may run Python code live in C locals or in
 * GC objects being filled (the C stack is scanned conservatively).
 */
#include "vm/match.h"

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"

/* collections.deque (stdlib/_collections.c) is a builtin sequence. */
extern TypeObject DequeType;

typedef enum { KIND_NONE, KIND_SEQUENCE, KIND_MAPPING, KIND_UNKNOWN } CollectionKind;

/* The kind a builtin type fixes for itself and for classes built on it. */
static CollectionKind builtin_kind(const TypeObject *t) {
  if (t == &ListType || t == &TupleType || t == &RangeType || t == &DequeType) return KIND_SEQUENCE;
  if (t == &DictType || t == &MappingProxyType) return KIND_MAPPING;
  if (t == &StrType || t == &BytesType || t == &ByteArrayType) return KIND_NONE;
  return KIND_UNKNOWN;
}

/* Asks collections.abc.<abc_name> whether type t is its subclass. */
static int abc_subclass(TypeObject *t, StrObject *abc_name) {
  static StrObject *module_name;
  if (!module_name) module_name = str_intern_cstr("collections.abc");
  Value mod = dict_get_str(sys_modules, module_name);
  if (!mod) return 0;
  Value abc = obj_getattr(mod, abc_name);
  if (!abc) {
    if (!err_matches(&Exc_AttributeError)) return -1;
    err_clear();
    return 0;
  }
  return obj_issubclass((Value)t, abc);
}

static int is_collection(Value subject, CollectionKind want, StrObject *abc_name) {
  TypeObject *type = val_type(subject);
  for (TypeObject *t = type; t; t = t->base_type) {
    CollectionKind k = builtin_kind(t);
    if (k != KIND_UNKNOWN) return k == want;
  }
  if (!(type->flags & TP_HEAPTYPE)) return 0;
  return abc_subclass(type, abc_name);
}

int match_is_sequence(Value subject) {
  static StrObject *abc_name;
  if (!abc_name) abc_name = str_intern_cstr("Sequence");
  return is_collection(subject, KIND_SEQUENCE, abc_name);
}

int match_is_mapping(Value subject) {
  static StrObject *abc_name;
  if (!abc_name) abc_name = str_intern_cstr("Mapping");
  return is_collection(subject, KIND_MAPPING, abc_name);
}

/* ---- mapping patterns ---------------------------------------------------- */

/* Whether keys[i] equals an earlier key, by a set's rules (hash, then
 * identity or ==; unhashable keys raise): 0/1, -1 with an error.  hashes[]
 * holds the earlier keys' hashes and receives this one's.  Patterns have
 * few keys, so this scans rather than building a set. */
static int seen_before(Value keys, ssize_t i, Hash *hashes) {
  Value *items = TUPLE_ITEMS(keys);
  Hash h = obj_hash(items[i]);
  if (h == -1 && err_occurred()) return -1;
  hashes[i] = h;
  for (ssize_t j = 0; j < i; j++) {
    if (items[j] == items[i]) return 1;
    if (hashes[j] != h) continue;
    int eq = obj_eq(items[j], items[i]);
    if (eq != 0) return eq;
  }
  return 0;
}

Value match_keys(Value map, Value keys) {
  ssize_t nkeys = TUPLE_LEN(keys);
  if (nkeys == 0) return tuple_new(0);
  /* map.get(key, dummy), as CPython: a default that no mapping can hold
   * tells a missing key apart without running __missing__. */
  bool exact_dict = val_is_obj(map) && map->type == &DictType;
  Value get = VAL_NULL, dummy = VAL_NULL;
  if (!exact_dict) {
    get = obj_getattr(map, NAME(get));
    if (!get) return VAL_NULL;
    dummy = obj_call0((Value)&ObjectType);
    if (!dummy) return VAL_NULL;
  }
  Value values = tuple_new(nkeys);
  Hash hashes[nkeys];
  for (ssize_t i = 0; i < nkeys; i++) {
    Value key = TUPLE_ITEMS(keys)[i];
    int dup = seen_before(keys, i, hashes);
    if (dup < 0) return VAL_NULL;
    if (dup) return err_set(&Exc_ValueError, "mapping pattern checks duplicate key (%R)", key);
    Value v;
    if (exact_dict) {
      v = dict_get(map, key);
      if (!v) {
        if (err_occurred()) return VAL_NULL;
        return VAL_NONE;
      }
    } else {
      v = obj_call2(get, key, dummy);
      if (!v) return VAL_NULL;
      if (v == dummy) return VAL_NONE;
    }
    TUPLE_ITEMS(values)[i] = v;
  }
  return values;
}

/* ---- class patterns ------------------------------------------------------ */

/* Builtins whose single positional sub-pattern matches the subject itself
 * (CPython's _Py_TPFLAGS_MATCH_SELF, inherited along the solid bases). */
static bool matches_self(const TypeObject *type) {
  static const TypeObject *const self_types[] = {&BoolType, &ByteArrayType, &BytesType, &DictType,
                                                 &FloatType, &FrozenSetType, &IntType, &ListType,
                                                 &SetType, &StrType, &TupleType};
  for (const TypeObject *t = type; t; t = t->base_type)
    for (size_t i = 0; i < sizeof self_types / sizeof *self_types; i++)
      if (t == self_types[i]) return true;
  return false;
}

/* Stores subject.<name> in attrs[*n] (names[0..*n) are the attribute
 * names read so far, interned).  0 done, 1 no such attribute (the match
 * fails), -1 error. */
static int read_attr(Value subject, TypeObject *type, Value name, StrObject **names, Value attrs, ssize_t *n) {
  StrObject *interned = str_intern(name);
  for (ssize_t i = 0; i < *n; i++) {
    if (names[i] == interned) {
      err_set(&Exc_TypeError, "%s() got multiple sub-patterns for attribute %R", type->name, name);
      return -1;
    }
  }
  Value attr = obj_getattr(subject, interned);
  if (!attr) {
    if (!err_matches(&Exc_AttributeError)) return -1;
    err_clear();
    return 1;
  }
  names[*n] = interned;
  TUPLE_ITEMS(attrs)[(*n)++] = attr;
  return 0;
}

Value match_class(Value subject, Value cls, uint32_t nargs, Value names) {
  if (!val_is_obj(cls) || !(cls->type == &TypeType || (cls->type->flags & TP_TYPE_SUBCLASS)))
    return err_set(&Exc_TypeError, "called match pattern must be a type");
  TypeObject *type = (TypeObject *)cls;
  int ok = obj_isinstance(subject, cls);
  if (ok < 0) return VAL_NULL;
  if (!ok) return VAL_NONE;
  /* One attribute per sub-pattern; the names already read are kept to
   * report one named twice (patterns are small: a VLA). */
  ssize_t total = (ssize_t)nargs + TUPLE_LEN(names);
  Value attrs = tuple_new(total);
  StrObject *read[total > 0 ? total : 1];
  ssize_t n = 0;
  if (nargs) {
    static StrObject *match_args_name;
    if (!match_args_name) match_args_name = str_intern_cstr("__match_args__");
    bool match_self = false;
    Value match_args = obj_getattr(cls, match_args_name);
    if (match_args) {
      if (!val_is_obj(match_args) || match_args->type != &TupleType)
        return err_set(&Exc_TypeError, "%s.__match_args__ must be a tuple (got %T)", type->name, match_args);
    } else {
      if (!err_matches(&Exc_AttributeError)) return VAL_NULL;
      err_clear();
      /* The builtins' self-matching applies only while no __match_args__
       * is defined: a subclass that defines one loses it. */
      match_args = tuple_new(0);
      match_self = matches_self(type);
    }
    ssize_t allowed = match_self ? 1 : TUPLE_LEN(match_args);
    if (allowed < (ssize_t)nargs)
      return err_set(&Exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)", type->name, allowed,
                     allowed == 1 ? "" : "s", (ssize_t)nargs);
    if (match_self) {
      TUPLE_ITEMS(attrs)[n] = subject;
      read[n++] = NULL;
    } else {
      for (uint32_t i = 0; i < nargs; i++) {
        Value name = TUPLE_ITEMS(match_args)[i];
        if (!val_is_obj(name) || name->type != &StrType)
          return err_set(&Exc_TypeError, "__match_args__ elements must be strings (got %T)", name);
        int r = read_attr(subject, type, name, read, attrs, &n);
        if (r < 0) return VAL_NULL;
        if (r > 0) return VAL_NONE;
      }
    }
  }
  for (ssize_t i = 0; i < TUPLE_LEN(names); i++) {
    int r = read_attr(subject, type, TUPLE_ITEMS(names)[i], read, attrs, &n);
    if (r < 0) return VAL_NULL;
    if (r > 0) return VAL_NONE;
  }
  return attrs;
}
