/* ops.c — Python's abstract operations over any Value (ops.h).
 *
 * The eval loop and natives reach the types only through these functions:
 * they dispatch to the type slots and implement CPython's fallbacks —
 * reflected binary operands (a subclass of the left operand's type goes
 * first), swapped rich comparisons with the identity fallback for ==/!=,
 * in-place operators falling back to the binary ones, truth via __bool__
 * then __len__, iteration via __iter__ or the old __getitem__ protocol —
 * and word every error as CPython 3.11 does.  No state of its own.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/func.h"

static bool is_type(Value v) { return val_is_obj(v) && (val_type(v)->flags & TP_TYPE_SUBCLASS); }

/* ---- repr / str / format / hash / truth --------------------------------- */

Value obj_repr(Value v) {
  TypeObject *t = val_type(v);
  if (!t->repr) return str_printf("<%s object at %p>", t->name, (void *)v);
  Value r = t->repr(v);
  if (r && !val_is_str(r)) return err_set(&Exc_TypeError, "__repr__ returned non-string (type %T)", r);
  return r;
}

Value obj_str(Value v) {
  if (val_is_obj(v) && v->type == &StrType) return v;
  TypeObject *t = val_type(v);
  if (!t->str) return obj_repr(v);
  Value r = t->str(v);
  if (r && !val_is_str(r)) return err_set(&Exc_TypeError, "__str__ returned non-string (type %T)", r);
  return r;
}

Value obj_ascii(Value v) {
  Value r = obj_repr(v);
  if (!r) return VAL_NULL;
  const char *s = str_cstr(r);
  size_t len = (size_t)str_len_bytes(r);
  if ((ssize_t)len == AS(StrObject, r)->nchars) return r;
  StrBuilder sb;
  sb_init(&sb);
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      sb_addc(&sb, (char)c);
      i++;
      continue;
    }
    size_t adv;
    uint32_t cp = utf8_decode(s + i, &adv);
    i += adv;
    if (cp <= 0xff)
      sb_addf(&sb, "\\x%02x", cp);
    else if (cp <= 0xffff)
      sb_addf(&sb, "\\u%04x", cp);
    else
      sb_addf(&sb, "\\U%08x", cp);
  }
  return sb_finish(&sb);
}

Value obj_format(Value v, Value spec) {
  if (!spec) spec = str_from_cstr("");
  if (val_is_obj(v) && v->type == &StrType && str_len_bytes(spec) == 0) return v;
  bool found;
  Value r = type_call_special(v, NAME(__format__), &spec, 1, NULL, &found);
  if (!found) return err_set(&Exc_TypeError, "Type %T doesn't define __format__", v);
  if (r && !val_is_str(r)) return err_set(&Exc_TypeError, "__format__ must return a str, not %T", r);
  return r;
}

Hash obj_hash(Value v) {
  TypeObject *t = val_type(v);
  if (!t->hash) {
    err_set(&Exc_TypeError, "unhashable type: '%T'", v);
    return -1;
  }
  return t->hash(v);
}

int obj_truthy(Value v) {
  if (v == VAL_TRUE) return 1;
  if (v == VAL_FALSE || v == VAL_NONE) return 0;
  if (val_is_int(v)) return val_int(v) != 0;
  TypeObject *t = val_type(v);
  if (t->truthy) return t->truthy(v);
  if (t->len) {
    ssize_t n = t->len(v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

ssize_t obj_len(Value v) {
  TypeObject *t = val_type(v);
  if (!t->len) {
    err_set(&Exc_TypeError, "object of type '%T' has no len()", v);
    return -1;
  }
  return t->len(v);
}

/* ---- comparison --------------------------------------------------------- */

static const CmpOp swapped_op[6] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
static const char *const cmp_symbols[6] = {"<", "<=", "==", "!=", ">", ">="};

Value obj_richcompare(Value a, Value b, CmpOp op) {
  TypeObject *ta = val_type(a), *tb = val_type(b);
  bool checked_reverse = false;
  Value r;
  if (ta != tb && tb->richcompare && type_is_subtype(tb, ta)) {
    checked_reverse = true;
    r = tb->richcompare(b, a, swapped_op[op]);
    if (r != VAL_NOTIMPL) return r;
  }
  if (ta->richcompare) {
    r = ta->richcompare(a, b, op);
    if (r != VAL_NOTIMPL) return r;
  }
  if (!checked_reverse && tb->richcompare) {
    r = tb->richcompare(b, a, swapped_op[op]);
    if (r != VAL_NOTIMPL) return r;
  }
  switch (op) {
  case CMP_EQ: return val_bool(a == b);
  case CMP_NE: return val_bool(a != b);
  default:
    return err_set(&Exc_TypeError, "'%s' not supported between instances of '%T' and '%T'", cmp_symbols[op], a, b);
  }
}

/* No identity shortcut here: `x == x` is False for a NaN (COMPARE_OP). */
int obj_cmp_bool(Value a, Value b, CmpOp op) {
  if (val_is_int(a) && val_is_int(b)) {
    intptr_t x = val_int(a), y = val_int(b);
    switch (op) {
    case CMP_LT: return x < y;
    case CMP_LE: return x <= y;
    case CMP_EQ: return x == y;
    case CMP_NE: return x != y;
    case CMP_GT: return x > y;
    case CMP_GE: return x >= y;
    }
  }
  Value r = obj_richcompare(a, b, op);
  if (!r) return -1;
  if (r == VAL_TRUE) return 1;
  if (r == VAL_FALSE) return 0;
  return obj_truthy(r);
}

/* Containers' equality: identical objects are equal (`nan in [nan]`). */
int obj_eq(Value a, Value b) {
  if (a == b) return 1;
  return obj_cmp_bool(a, b, CMP_EQ);
}

/* ---- arithmetic --------------------------------------------------------- */

static const char *const binop_symbols[BINOP_COUNT] = {
#define X(e, f, sym, d, r, i) sym,
    BINOP_LIST(X)
#undef X
};

/* CPython's binary_op1: NotImplemented when neither side handles it. */
static Value binop1(Value a, Value b, BinOp op) {
  TypeObject *ta = val_type(a), *tb = val_type(b);
  BinaryFn slotv = ta->binop[op];
  BinaryFn slotw = tb != ta ? tb->binop[op] : NULL;
  if (slotw == slotv) slotw = NULL;
  Value x;
  if (slotv) {
    if (slotw && type_is_subtype(tb, ta)) {
      x = slotw(a, b);
      if (x != VAL_NOTIMPL) return x;
      slotw = NULL;
    }
    x = slotv(a, b);
    if (x != VAL_NOTIMPL) return x;
  }
  if (slotw) return slotw(a, b);
  return VAL_NOTIMPL;
}

static Value binop_error(Value a, Value b, BinOp op, bool inplace) {
  if (op == BINOP_POW && !inplace)
    return err_set(&Exc_TypeError, "unsupported operand type(s) for ** or pow(): '%T' and '%T'", a, b);
  return err_set(&Exc_TypeError, "unsupported operand type(s) for %s%s: '%T' and '%T'", binop_symbols[op],
                 inplace ? "=" : "", a, b);
}

Value obj_binop(Value a, Value b, BinOp op) {
  Value r = binop1(a, b, op);
  if (r == VAL_NOTIMPL) {
    if (op == BINOP_RSHIFT && val_is_obj(a) && val_type(a) == &NativeFunctionType &&
        strcmp(AS(NativeFunctionObject, a)->def->name, "print") == 0)
      return err_set(&Exc_TypeError,
                     "unsupported operand type(s) for >>: 'builtin_function_or_method' and '%T'. Did you mean "
                     "\"print(<message>, file=<output_stream>)\"?",
                     b);
    return binop_error(a, b, op, false);
  }
  return r;
}

Value obj_inplace(Value a, Value b, BinOp op) {
  BinaryFn islot = val_type(a)->inplace[op];
  if (islot) {
    Value x = islot(a, b);
    if (x != VAL_NOTIMPL) return x;
  }
  Value r = binop1(a, b, op);
  if (r == VAL_NOTIMPL) return binop_error(a, b, op, true);
  return r;
}

static Value unary(Value a, UnaryFn fn, const char *what) {
  if (!fn) return err_set(&Exc_TypeError, "bad operand type for %s: '%T'", what, a);
  return fn(a);
}

Value obj_neg(Value a) { return unary(a, val_type(a)->neg, "unary -"); }
Value obj_pos(Value a) { return unary(a, val_type(a)->pos, "unary +"); }
Value obj_invert(Value a) { return unary(a, val_type(a)->invert, "unary ~"); }
Value obj_abs(Value a) { return unary(a, val_type(a)->abs, "abs()"); }

Value obj_index(Value v) {
  if (val_is_intlike(v)) return v;
  TypeObject *t = val_type(v);
  if (!t->to_index) return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
  Value r = t->to_index(v);
  if (r && !val_is_intlike(r)) return err_set(&Exc_TypeError, "__index__ returned non-int (type %T)", r);
  return r;
}

ssize_t obj_as_ssize(Value v) {
  if (val_is_int(v)) return (ssize_t)val_int(v);
  Value i = obj_index(v);
  if (!i) return -1;
  if (val_is_int(i)) return (ssize_t)val_int(i);
  int64_t out;
  if (!int_to_i64(i, &out)) {
    err_clear();
    err_set(&Exc_OverflowError, "cannot fit '%T' into an index-sized integer", v);
    return -1;
  }
  return (ssize_t)out;
}

/* ---- attributes --------------------------------------------------------- */

/* AttributeError for obj.name, with the exception's name and obj set (the
 * traceback printer uses them for "Did you mean" hints, as CPython does). */
Value attr_error(Value obj, StrObject *name, const char *fmt, const char *tname) {
  err_set(&Exc_AttributeError, fmt, tname, name);
  Value e = err_peek();
  if (e && val_is_exception(e)) {
    Value saved = err_fetch();
    if (obj_setattr(saved, NAME(name), (Value)name) < 0 || obj_setattr(saved, str_intern_cstr("obj"), obj) < 0)
      err_clear();
    err_set_value(saved);
  }
  return VAL_NULL;
}

/* generic_getattr; with `quiet`, a missing attribute returns VAL_NULL
 * without raising (errors from descriptors still raise). */
static Value generic_getattr_impl(Value obj, StrObject *name, bool quiet) {
  TypeObject *t = val_type(obj);
  Value descr = type_lookup(t, name);
  DescrGetFn get = NULL;
  if (descr) {
    TypeObject *dt = val_type(descr);
    get = dt->descr_get;
    if (get && dt->descr_set) return get(descr, obj, (Value)t);
  }
  Value *dp = obj_dict_ptr(obj);
  if (dp && *dp) {
    Value v = val_is_dict(*dp) ? dict_get_str(*dp, name) : VAL_NULL;
    if (v) return v;
  }
  if (descr) return get ? get(descr, obj, (Value)t) : descr;
  if (quiet) return VAL_NULL;
  return attr_error(obj, name, "'%s' object has no attribute '%U'", t->name);
}

Value generic_getattr(Value obj, StrObject *name) { return generic_getattr_impl(obj, name, false); }

int generic_setattr(Value obj, StrObject *name, Value v) {
  TypeObject *t = val_type(obj);
  Value descr = type_lookup(t, name);
  if (descr) {
    DescrSetFn set = val_type(descr)->descr_set;
    if (set) return set(descr, obj, v);
  }
  Value *dp = obj_dict_ptr(obj);
  if (!dp) {
    if (descr)
      err_set(&Exc_AttributeError, "'%s' object attribute '%U' is read-only", t->name, name);
    else
      err_set(&Exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
    return -1;
  }
  if (!v) {
    if (!*dp || !dict_get_str(*dp, name)) {
      err_set(&Exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
      return -1;
    }
    return dict_del(*dp, (Value)name);
  }
  if (!*dp) *dp = dict_new();
  return dict_set_str(*dp, name, v);
}

Value obj_getattr(Value obj, StrObject *name) {
  GetAttrFn get = val_type(obj)->getattr;
  return get ? get(obj, name) : generic_getattr(obj, name);
}

Value obj_getattr_cstr(Value obj, const char *name) { return obj_getattr(obj, str_intern_cstr(name)); }

Value obj_getattr_opt(Value obj, StrObject *name) {
  GetAttrFn get = val_type(obj)->getattr;
  if (!get) {
    /* the common case: no exception object made just to be dropped */
    Value v = generic_getattr_impl(obj, name, true);
    if (!v && err_matches(&Exc_AttributeError)) err_clear();
    return v;
  }
  Value r = get(obj, name);
  if (!r && err_matches(&Exc_AttributeError)) err_clear();
  return r;
}

int obj_setattr(Value obj, StrObject *name, Value v) {
  SetAttrFn set = val_type(obj)->setattr;
  return set ? set(obj, name, v) : generic_setattr(obj, name, v);
}

int obj_delattr(Value obj, StrObject *name) { return obj_setattr(obj, name, VAL_NULL); }

int obj_hasattr(Value obj, StrObject *name) {
  if (obj_getattr_opt(obj, name)) return 1;
  return err_occurred() ? -1 : 0;
}

/* ---- items -------------------------------------------------------------- */

Value obj_getitem(Value obj, Value key) {
  TypeObject *t = val_type(obj);
  if (t->getitem) return t->getitem(obj, key);
  if (is_type(obj)) {
    Value cg = obj_getattr_opt(obj, NAME(__class_getitem__));
    if (cg) return obj_call1(cg, key);
    if (err_occurred()) return VAL_NULL;
    TypeObject *ct = AS(TypeObject, obj);
    if (ct == &ListType || ct == &DictType || ct == &TupleType || ct == &SetType || ct == &FrozenSetType ||
        ct == &TypeType)
      return generic_alias_new(obj, key);
    return err_set(&Exc_TypeError, "type '%s' is not subscriptable", ct->name);
  }
  return err_set(&Exc_TypeError, "'%T' object is not subscriptable", obj);
}

int obj_setitem(Value obj, Value key, Value v) {
  SetItemFn set = val_type(obj)->setitem;
  if (!set) {
    err_set(&Exc_TypeError, "'%T' object does not support item assignment", obj);
    return -1;
  }
  return set(obj, key, v);
}

int obj_delitem(Value obj, Value key) {
  SetItemFn set = val_type(obj)->setitem;
  if (!set) {
    err_set(&Exc_TypeError, "'%T' object doesn't support item deletion", obj);
    return -1;
  }
  return set(obj, key, VAL_NULL);
}

int obj_contains(Value container, Value item) {
  TypeObject *t = val_type(container);
  if (t->contains) return t->contains(container, item);
  if (!t->iter && !t->getitem) {
    err_set(&Exc_TypeError, "argument of type '%T' is not iterable", container);
    return -1;
  }
  Value it = obj_iter(container);
  if (!it) return -1;
  for (;;) {
    Value x = obj_next(it);
    if (!x) return err_occurred() ? -1 : 0;
    int eq = obj_eq(x, item);
    if (eq != 0) return eq;
  }
}

/* ---- iteration ---------------------------------------------------------- */

Value obj_iter(Value v) {
  TypeObject *t = val_type(v);
  if (t->iter) {
    Value r = t->iter(v);
    if (r && !val_type(r)->iternext)
      return err_set(&Exc_TypeError, "iter() returned non-iterator of type '%T'", r);
    return r;
  }
  if (t->getitem && !is_type(v) && !val_is_dict(v)) {
    return seqiter_new(v); /* the __getitem__ protocol (containers) */
  }
  return err_set(&Exc_TypeError, "'%T' object is not iterable", v);
}

Value obj_next(Value it) {
  IterNextFn next = val_type(it)->iternext;
  if (!next) return err_set(&Exc_TypeError, "'%T' object is not an iterator", it);
  return next(it);
}

/* ---- calls -------------------------------------------------------------- */

Value obj_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames) {
  CallFn call = val_type(callable)->call;
  if (!call) return err_set(&Exc_TypeError, "'%T' object is not callable", callable);
  if (kwnames && kwnames->len == 0) kwnames = NULL;
  return call(callable, args, nargs, kwnames);
}

Value obj_call0(Value callable) { return obj_call(callable, NULL, 0, NULL); }
Value obj_call1(Value callable, Value a) { return obj_call(callable, &a, 1, NULL); }
Value obj_call2(Value callable, Value a, Value b) {
  Value args[2] = {a, b};
  return obj_call(callable, args, 2, NULL);
}

Value obj_call_tuple_dict(Value callable, Value args_tuple, Value kwargs) {
  ssize_t npos = args_tuple ? TUPLE_LEN(args_tuple) : 0;
  ssize_t nkw = kwargs ? DICT_LEN(kwargs) : 0;
  if (nkw == 0) return obj_call(callable, npos ? TUPLE_ITEMS(args_tuple) : NULL, (size_t)npos, NULL);
  Value *argv = malloc((size_t)(npos + nkw) * sizeof(Value));
  if (!argv) return err_no_memory();
  if (npos) memcpy(argv, TUPLE_ITEMS(args_tuple), (size_t)npos * sizeof(Value));
  Value names = tuple_new(nkw);
  ssize_t pos = 0, i = 0;
  Value k, v;
  while (dict_next(kwargs, &pos, &k, &v) && i < nkw) {
    if (!val_is_str(k)) {
      free(argv);
      return err_set(&Exc_TypeError, "keywords must be strings");
    }
    TUPLE_ITEMS(names)[i] = (Value)str_intern(k);
    argv[npos + i] = v;
    i++;
  }
  /* keep argv's values visible to the conservative scan: they are also in kwargs */
  Value r = obj_call(callable, argv, (size_t)npos, AS(TupleObject, names));
  free(argv);
  return r;
}

Value obj_call_method(Value obj, StrObject *name, Value *args, size_t nargs) {
  TypeObject *t = val_type(obj);
  if (!t->getattr) {
    /* fast path: a plain method found on the type, not shadowed by the instance */
    Value d = type_lookup(t, name);
    if (d) {
      TypeObject *dt = val_type(d);
      Value *dp = obj_dict_ptr(obj);
      bool shadowed = dp && *dp && val_is_dict(*dp) && dict_get_str(*dp, name);
      if (!shadowed && dt == &MethodDescrType && AS(MethodDescrObject, d)->def->kind == NATIVE_METHOD &&
          type_is_subtype(t, AS(MethodDescrObject, d)->owner))
        return AS(MethodDescrObject, d)->def->fn(obj, args, nargs, NULL);
      if (!shadowed && dt == &FunctionType) {
        Value small[8];
        Value *argv = nargs + 1 <= 8 ? small : malloc((nargs + 1) * sizeof(Value));
        if (!argv) return err_no_memory();
        argv[0] = obj;
        if (nargs) memcpy(argv + 1, args, nargs * sizeof(Value));
        Value r = obj_call(d, argv, nargs + 1, NULL);
        if (argv != small) free(argv);
        return r;
      }
    }
  }
  Value m = obj_getattr(obj, name);
  if (!m) return VAL_NULL;
  return obj_call(m, args, nargs, NULL);
}

int obj_callable(Value v) { return val_type(v)->call != NULL; }

/* ---- isinstance / issubclass -------------------------------------------- */

bool obj_isinstance_type(Value v, TypeObject *type) { return type_is_subtype(val_type(v), type); }


static int recursive_isinstance(Value v, TypeObject *cls) {
  if (type_is_subtype(val_type(v), cls)) return 1;
  Value c = obj_getattr_opt(v, NAME(__class__));
  if (!c) return err_occurred() ? -1 : 0;
  if (c != (Value)val_type(v) && is_type(c)) return type_is_subtype(AS(TypeObject, c), cls);
  return 0;
}

int obj_isinstance(Value v, Value cls) {
  if ((Value)val_type(v) == cls) return 1;
  if (val_is_obj(cls) && val_type(cls) == &TypeType) return recursive_isinstance(v, AS(TypeObject, cls));
  if (val_is_tuple(cls) || (val_is_obj(cls) && val_type(cls) == &UnionType)) {
    Value items = val_is_tuple(cls) ? cls : union_args(cls);
    for (ssize_t i = 0; i < TUPLE_LEN(items); i++) {
      int r = obj_isinstance(v, TUPLE_ITEMS(items)[i]);
      if (r != 0) return r;
    }
    return 0;
  }
  bool found;
  Value r = type_call_special(cls, NAME(__instancecheck__), &v, 1, NULL, &found);
  if (!found) {
    err_set(&Exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
  }
  if (!r) return -1;
  return obj_truthy(r);
}

int obj_issubclass(Value derived, Value cls) {
  if (val_is_obj(cls) && val_type(cls) == &TypeType) {
    if (derived == cls) return 1;
    if (!is_type(derived)) {
      err_set(&Exc_TypeError, "issubclass() arg 1 must be a class");
      return -1;
    }
    return type_is_subtype(AS(TypeObject, derived), AS(TypeObject, cls));
  }
  if (val_is_tuple(cls) || (val_is_obj(cls) && val_type(cls) == &UnionType)) {
    Value items = val_is_tuple(cls) ? cls : union_args(cls);
    for (ssize_t i = 0; i < TUPLE_LEN(items); i++) {
      int r = obj_issubclass(derived, TUPLE_ITEMS(items)[i]);
      if (r != 0) return r;
    }
    return 0;
  }
  bool found;
  Value r = type_call_special(cls, NAME(__subclasscheck__), &derived, 1, NULL, &found);
  if (!found) {
    err_set(&Exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  if (!r) return -1;
  return obj_truthy(r);
}
