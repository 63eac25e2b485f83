/* descr.c — descriptors and callable wrappers around functions.
 *
 * Owns: method_descriptor (a NativeDef in a type's dict), getset_descriptor,
 * builtin_function_or_method (a NativeDef bound to a receiver or module),
 * bound methods, property, classmethod and staticmethod.
 *
 * Invariants: descriptors never change after creation except property's
 * name (set once by __set_name__); a bound object keeps its receiver alive
 * through its trace function.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

static Hash addr_hash(Value v) {
  Hash h = (Hash)((uintptr_t)v >> 4);
  return h == -1 ? -2 : h;
}

/* ---- method_descriptor -------------------------------------------------- */

Value descr_method_new(TypeObject *owner, const NativeDef *def) {
  /* Class methods get their own type (as CPython's classmethod_descriptor):
   * callers that treat a method_descriptor as "unbound method, pass the
   * instance" must never see one, since it binds to the type instead. */
  TypeObject *t = def->kind == NATIVE_CLASSMETHOD ? &ClassMethodDescrType : &MethodDescrType;
  MethodDescrObject *d = (MethodDescrObject *)gc_alloc(t, sizeof(MethodDescrObject));
  d->def = def;
  d->owner = owner;
  return (Value)d;
}

static void methoddescr_trace(Object *o) { gc_mark_obj(AS(MethodDescrObject, o)->owner); }

static Value methoddescr_get(Value descr, Value obj, Value type) {
  MethodDescrObject *d = AS(MethodDescrObject, descr);
  if (d->def->kind == NATIVE_CLASSMETHOD) {
    if (!type) type = (Value)val_type(obj);
    return native_function_new(d->def, type);
  }
  if (!obj) return descr;
  if (!type_is_subtype(val_type(obj), d->owner))
    return err_set(&Exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object", d->def->name,
                   d->owner->name, obj);
  return native_function_new(d->def, obj);
}

/* list.append(l, x): the receiver is the first argument. */
static Value methoddescr_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames) {
  MethodDescrObject *d = AS(MethodDescrObject, callable);
  if (nargs < 1)
    return err_set(&Exc_TypeError, "unbound method %s.%s() needs an argument", d->owner->name, d->def->name);
  Value self = args[0];
  if (d->def->kind == NATIVE_CLASSMETHOD) {
    if (!val_is_obj(self) || !(val_type(self)->flags & TP_TYPE_SUBCLASS) ||
        !type_is_subtype((TypeObject *)self, d->owner))
      return err_set(&Exc_TypeError, "descriptor '%s' for type '%s' needs a type, not a '%T' as arg 2", d->def->name,
                     d->owner->name, self);
  } else if (!type_is_subtype(val_type(self), d->owner)) {
    return err_set(&Exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object", d->def->name,
                   d->owner->name, self);
  }
  return d->def->fn(self, args + 1, nargs - 1, kwnames);
}

static Value methoddescr_repr(Value v) {
  MethodDescrObject *d = AS(MethodDescrObject, v);
  return str_printf("<method '%s' of '%s' objects>", d->def->name, d->owner->name);
}

static Value descr_name(Value self) { return str_from_cstr(AS(MethodDescrObject, self)->def->name); }
static Value descr_qualname(Value self) {
  MethodDescrObject *d = AS(MethodDescrObject, self);
  return str_printf("%s.%s", type_name(d->owner), d->def->name);
}
static Value descr_objclass(Value self) { return (Value)AS(MethodDescrObject, self)->owner; }
static Value descr_doc(Value self) {
  const char *doc = AS(MethodDescrObject, self)->def->doc;
  return doc ? str_from_cstr(doc) : VAL_NONE;
}

static const GetSetDef methoddescr_getsets[] = {
    {"__name__", descr_name, NULL},
    {"__qualname__", descr_qualname, NULL},
    {"__objclass__", descr_objclass, NULL},
    {"__doc__", descr_doc, NULL},
    {NULL},
};

TypeObject MethodDescrType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "method_descriptor",
    .instance_size = sizeof(MethodDescrObject),
    .trace = methoddescr_trace,
    .repr = methoddescr_repr,
    .call = methoddescr_call,
    .descr_get = methoddescr_get,
    .getsets = methoddescr_getsets,
};

TypeObject ClassMethodDescrType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "classmethod_descriptor",
    .instance_size = sizeof(MethodDescrObject),
    .trace = methoddescr_trace,
    .repr = methoddescr_repr,
    .call = methoddescr_call,
    .descr_get = methoddescr_get,
    .getsets = methoddescr_getsets,
};

/* ---- getset_descriptor -------------------------------------------------- */

Value descr_getset_new(TypeObject *owner, const GetSetDef *def) {
  GetSetDescrObject *d = (GetSetDescrObject *)gc_alloc(&GetSetDescrType, sizeof(GetSetDescrObject));
  d->def = def;
  d->owner = owner;
  return (Value)d;
}

static void getset_trace(Object *o) { gc_mark_obj(AS(GetSetDescrObject, o)->owner); }

static Value getset_get(Value descr, Value obj, Value type) {
  GetSetDescrObject *d = AS(GetSetDescrObject, descr);
  if (!obj) return descr;
  if (!type_is_subtype(val_type(obj), d->owner))
    return err_set(&Exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object", d->def->name,
                   type_name(d->owner), obj);
  return d->def->get(obj);
}

static int getset_set(Value descr, Value obj, Value v) {
  GetSetDescrObject *d = AS(GetSetDescrObject, descr);
  if (!type_is_subtype(val_type(obj), d->owner)) {
    err_set(&Exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object", d->def->name,
            type_name(d->owner), obj);
    return -1;
  }
  if (!d->def->set) {
    err_set(&Exc_AttributeError, "attribute '%s' of '%s' objects is not writable", d->def->name,
            type_name(d->owner));
    return -1;
  }
  return d->def->set(obj, v);
}

static Value getset_repr(Value v) {
  GetSetDescrObject *d = AS(GetSetDescrObject, v);
  return str_printf("<attribute '%s' of '%s' objects>", d->def->name, type_name(d->owner));
}

static Value getset_name(Value self) { return str_from_cstr(AS(GetSetDescrObject, self)->def->name); }
static Value getset_objclass(Value self) { return (Value)AS(GetSetDescrObject, self)->owner; }

static const GetSetDef getset_getsets[] = {
    {"__name__", getset_name, NULL},
    {"__objclass__", getset_objclass, NULL},
    {NULL},
};

TypeObject GetSetDescrType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "getset_descriptor",
    .instance_size = sizeof(GetSetDescrObject),
    .trace = getset_trace,
    .repr = getset_repr,
    .descr_get = getset_get,
    .descr_set = getset_set,
    .getsets = getset_getsets,
};

/* ---- builtin_function_or_method ----------------------------------------- */

static void native_trace(Object *o) {
  gc_mark(AS(NativeFunctionObject, o)->self);
  gc_mark_obj(AS(NativeFunctionObject, o)->owner);
}

static Value native_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames) {
  NativeFunctionObject *f = AS(NativeFunctionObject, callable);
  return f->def->fn(f->self, args, nargs, kwnames);
}

static bool self_is_module(Value self) { return !self || val_type(self) == &ModuleType; }

static Value native_repr(Value v) {
  NativeFunctionObject *f = AS(NativeFunctionObject, v);
  if (!f->self && f->owner)
    return str_printf("<built-in method %s of type object at %p>", f->def->name, (void *)f->owner);
  if (self_is_module(f->self)) return str_printf("<built-in function %s>", f->def->name);
  return str_printf("<built-in method %s of %s object at %p>", f->def->name, type_name(val_type(f->self)),
                    (void *)f->self);
}

static Value native_richcompare(Value a, Value b, CmpOp op) {
  if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &NativeFunctionType) return VAL_NOTIMPL;
  NativeFunctionObject *x = AS(NativeFunctionObject, a), *y = AS(NativeFunctionObject, b);
  bool eq = x->def == y->def && x->self == y->self;
  return val_bool(op == CMP_EQ ? eq : !eq);
}

static Hash native_hash(Value v) {
  NativeFunctionObject *f = AS(NativeFunctionObject, v);
  Hash h = (Hash)(((uintptr_t)f->def >> 4) ^ ((uintptr_t)f->self >> 4));
  return h == -1 ? -2 : h;
}

static Value native_name(Value self) { return str_from_cstr(AS(NativeFunctionObject, self)->def->name); }
static Value native_qualname(Value self) {
  NativeFunctionObject *f = AS(NativeFunctionObject, self);
  if (!f->self && f->owner) return str_printf("%s.%s", type_name(f->owner), f->def->name);
  if (self_is_module(f->self)) return str_from_cstr(f->def->name);
  TypeObject *t = (val_type(f->self)->flags & TP_TYPE_SUBCLASS) ? (TypeObject *)f->self : val_type(f->self);
  if (t->qualname) return str_printf("%U.%s", (Value)t->qualname, f->def->name); /* "RLock.acquire" */
  return str_printf("%s.%s", type_name(t), f->def->name);
}
static Value native_self(Value self) {
  Value s = AS(NativeFunctionObject, self)->self;
  return s ? s : VAL_NONE;
}
static Value native_doc(Value self) {
  const char *doc = AS(NativeFunctionObject, self)->def->doc;
  return doc ? str_from_cstr(doc) : VAL_NONE;
}
static Value native_module(Value self) {
  Value s = AS(NativeFunctionObject, self)->self;
  if (s && val_type(s) == &ModuleType) return AS(ModuleObject, s)->name;
  if (!s) return str_from_cstr("builtins");
  return VAL_NONE;
}

static const GetSetDef native_getsets[] = {
    {"__name__", native_name, NULL},
    {"__qualname__", native_qualname, NULL},
    {"__self__", native_self, NULL},
    {"__doc__", native_doc, NULL},
    {"__module__", native_module, NULL},
    {NULL},
};

TypeObject NativeFunctionType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "builtin_function_or_method",
    .instance_size = sizeof(NativeFunctionObject),
    .trace = native_trace,
    .repr = native_repr,
    .call = native_call,
    .richcompare = native_richcompare,
    .hash = native_hash,
    .getsets = native_getsets,
};

/* ---- bound methods ------------------------------------------------------ */

Value method_new(Value func, Value self) {
  MethodObject *m = (MethodObject *)gc_alloc(&MethodType, sizeof(MethodObject));
  m->func = func;
  m->self = self;
  return (Value)m;
}

static void method_trace(Object *o) {
  gc_mark(AS(MethodObject, o)->func);
  gc_mark(AS(MethodObject, o)->self);
}

/* Calls func(self, *args): the receiver goes in front of the arguments. */
static Value method_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames) {
  MethodObject *m = AS(MethodObject, callable);
  size_t total = nargs + (kwnames ? (size_t)kwnames->len : 0);
  Value small[8];
  Value *argv = total + 1 <= 8 ? small : malloc((total + 1) * sizeof(Value));
  if (!argv) return err_no_memory();
  argv[0] = m->self;
  if (total) memcpy(argv + 1, args, total * sizeof(Value));
  Value r = obj_call(m->func, argv, nargs + 1, kwnames);
  if (argv != small) free(argv);
  return r;
}

static Value method_repr(Value v) {
  MethodObject *m = AS(MethodObject, v);
  Value name = obj_getattr_opt(m->func, NAME(__qualname__));
  if (!name && err_occurred()) return VAL_NULL;
  if (!name || !val_is_str(name)) {
    name = obj_getattr_opt(m->func, NAME(__name__));
    if (!name && err_occurred()) return VAL_NULL;
  }
  if (!name || !val_is_str(name)) name = str_from_cstr("?");
  return str_printf("<bound method %U of %R>", name, m->self);
}

static Value method_richcompare(Value a, Value b, CmpOp op) {
  if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &MethodType) return VAL_NOTIMPL;
  MethodObject *x = AS(MethodObject, a), *y = AS(MethodObject, b);
  int eq = x->self == y->self;
  if (eq) {
    eq = obj_eq(x->func, y->func);
    if (eq < 0) return VAL_NULL;
  }
  return val_bool(op == CMP_EQ ? eq : !eq);
}

static Hash method_hash(Value v) {
  MethodObject *m = AS(MethodObject, v);
  Hash h = obj_hash(m->func);
  if (h == -1) return -1;
  h ^= addr_hash(m->self);
  return h == -1 ? -2 : h;
}

static Value method_func(Value self) { return AS(MethodObject, self)->func; }
static Value method_self(Value self) { return AS(MethodObject, self)->self; }

static const GetSetDef method_getsets[] = {
    {"__func__", method_func, NULL},
    {"__self__", method_self, NULL},
    {NULL},
};

/* Attributes not found on the method object come from the function
 * (__name__, __doc__, __qualname__, __module__, user attributes). */
static Value method_getattr(Value obj, StrObject *name) {
  Value descr = type_lookup(&MethodType, name);
  if (descr) {
    DescrGetFn get = val_type(descr)->descr_get;
    return get ? get(descr, obj, (Value)&MethodType) : descr;
  }
  return obj_getattr(AS(MethodObject, obj)->func, name);
}

TypeObject MethodType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "method",
    .instance_size = sizeof(MethodObject),
    .trace = method_trace,
    .repr = method_repr,
    .call = method_call,
    .richcompare = method_richcompare,
    .hash = method_hash,
    .getattr = method_getattr,
    .getsets = method_getsets,
};

/* ---- property ----------------------------------------------------------- */

static void property_trace(Object *o) {
  PropertyObject *p = AS(PropertyObject, o);
  gc_mark(p->fget);
  gc_mark(p->fset);
  gc_mark(p->fdel);
  gc_mark(p->doc);
  gc_mark(p->name);
}

/* The name for messages: from __set_name__, else fget.__name__. */
static Value property_name(PropertyObject *p) {
  if (p->name) return p->name;
  if (p->fget && p->fget != VAL_NONE) {
    Value n = obj_getattr_opt(p->fget, NAME(__name__));
    if (n && val_is_str(n)) return n;
    err_clear();
  }
  return VAL_NULL;
}

static Value property_get(Value descr, Value obj, Value type) {
  PropertyObject *p = AS(PropertyObject, descr);
  if (!obj || obj == VAL_NONE) return descr;
  if (!p->fget || p->fget == VAL_NONE) {
    Value n = property_name(p);
    if (n) return err_set(&Exc_AttributeError, "property %R of '%T' object has no getter", n, obj);
    return err_set(&Exc_AttributeError, "unreadable attribute");
  }
  return obj_call1(p->fget, obj);
}

static int property_set(Value descr, Value obj, Value v) {
  PropertyObject *p = AS(PropertyObject, descr);
  Value f = v ? p->fset : p->fdel;
  if (!f || f == VAL_NONE) {
    Value n = property_name(p);
    if (n)
      err_set(&Exc_AttributeError, "property %R of '%T' object has no %s", n, obj, v ? "setter" : "deleter");
    else
      err_set(&Exc_AttributeError, v ? "can't set attribute" : "can't delete attribute");
    return -1;
  }
  Value r = v ? obj_call2(f, obj, v) : obj_call1(f, obj);
  return r ? 0 : -1;
}

static int property_fill(PropertyObject *p, Value fget, Value fset, Value fdel, Value doc) {
  p->fget = fget && fget != VAL_NONE ? fget : VAL_NULL;
  p->fset = fset && fset != VAL_NONE ? fset : VAL_NULL;
  p->fdel = fdel && fdel != VAL_NONE ? fdel : VAL_NULL;
  p->doc = doc && doc != VAL_NONE ? doc : VAL_NULL;
  if (!p->doc && p->fget) {
    Value d = obj_getattr_opt(p->fget, NAME(__doc__));
    if (!d && err_occurred()) return -1;
    if (d && d != VAL_NONE) p->doc = d;
  }
  return 0;
}

static Value property_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  return (Value)gc_alloc(type, type->instance_size);
}

static int property_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("property(fget=None, fset=None, fdel=None, doc=None)");
  Value a[4];
  if (!args_bind(&spec, args, nargs, kwnames, a)) return -1;
  return property_fill(AS(PropertyObject, self), a[0], a[1], a[2], a[3]);
}

/* getter/setter/deleter: a copy of the property (of the same type) with one accessor replaced. */
static Value property_copy(Value self, Value fget, Value fset, Value fdel) {
  PropertyObject *p = AS(PropertyObject, self);
  Value doc = p->doc;
  if (val_type(self) == &PropertyType) {
    PropertyObject *n = (PropertyObject *)gc_alloc(&PropertyType, sizeof(PropertyObject));
    /* keep an explicit doc, but let a new getter supply its own docstring */
    if (fget != p->fget && p->fget && p->doc) {
      Value old = obj_getattr_opt(p->fget, NAME(__doc__));
      err_clear();
      if (old == p->doc) doc = VAL_NULL;
    }
    if (property_fill(n, fget, fset, fdel, doc) < 0) return VAL_NULL;
    n->name = p->name;
    return (Value)n;
  }
  Value argv[4] = {fget ? fget : VAL_NONE, fset ? fset : VAL_NONE, fdel ? fdel : VAL_NONE, doc ? doc : VAL_NONE};
  return obj_call((Value)val_type(self), argv, 4, NULL);
}

static Value property_getter(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("getter", kwnames) || !args_count("getter", nargs, 1, 1)) return VAL_NULL;
  PropertyObject *p = AS(PropertyObject, self);
  return property_copy(self, args[0], p->fset, p->fdel);
}
static Value property_setter(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("setter", kwnames) || !args_count("setter", nargs, 1, 1)) return VAL_NULL;
  PropertyObject *p = AS(PropertyObject, self);
  return property_copy(self, p->fget, args[0], p->fdel);
}
static Value property_deleter(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("deleter", kwnames) || !args_count("deleter", nargs, 1, 1)) return VAL_NULL;
  PropertyObject *p = AS(PropertyObject, self);
  return property_copy(self, p->fget, p->fset, args[0]);
}
static Value property_set_name(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__set_name__", nargs, 2, 2)) return VAL_NULL;
  AS(PropertyObject, self)->name = args[1];
  return VAL_NONE;
}

static const NativeDef property_methods[] = {
    {"getter", property_getter, NATIVE_METHOD},
    {"setter", property_setter, NATIVE_METHOD},
    {"deleter", property_deleter, NATIVE_METHOD},
    {"__set_name__", property_set_name, NATIVE_METHOD},
    {NULL},
};

static Value prop_fget(Value self) { Value v = AS(PropertyObject, self)->fget; return v ? v : VAL_NONE; }
static Value prop_fset(Value self) { Value v = AS(PropertyObject, self)->fset; return v ? v : VAL_NONE; }
static Value prop_fdel(Value self) { Value v = AS(PropertyObject, self)->fdel; return v ? v : VAL_NONE; }
static Value prop_doc(Value self) { Value v = AS(PropertyObject, self)->doc; return v ? v : VAL_NONE; }
static int prop_set_doc(Value self, Value v) {
  AS(PropertyObject, self)->doc = v;
  return 0;
}
static Value prop_isabstract(Value self) { return VAL_FALSE; }

static const GetSetDef property_getsets[] = {
    {"fget", prop_fget, NULL},
    {"fset", prop_fset, NULL},
    {"fdel", prop_fdel, NULL},
    {"__doc__", prop_doc, prop_set_doc},
    {"__isabstractmethod__", prop_isabstract, NULL},
    {NULL},
};

TypeObject PropertyType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "property",
    .instance_size = sizeof(PropertyObject),
    .flags = TP_BASETYPE,
    .trace = property_trace,
    .tp_new = property_new,
    .tp_init = property_init,
    .descr_get = property_get,
    .descr_set = property_set,
    .methods = property_methods,
    .getsets = property_getsets,
};

/* ---- classmethod / staticmethod ----------------------------------------- */

static void cm_trace(Object *o) {
  gc_mark(AS(ClassMethodObject, o)->func);
  gc_mark(AS(ClassMethodObject, o)->dict);
}

Value classmethod_new(Value func) {
  ClassMethodObject *c = (ClassMethodObject *)gc_alloc(&ClassMethodType, ClassMethodType.instance_size);
  c->func = func;
  return (Value)c;
}

Value staticmethod_new(Value func) {
  ClassMethodObject *c = (ClassMethodObject *)gc_alloc(&StaticMethodType, StaticMethodType.instance_size);
  c->func = func;
  return (Value)c;
}

static Value cm_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  return (Value)gc_alloc(type, type->instance_size);
}

static int cm_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  const char *name = type_is_subtype(val_type(self), &ClassMethodType) ? "classmethod" : "staticmethod";
  if (!args_no_kw(name, kwnames)) return -1;
  if (nargs != 1) {
    err_set(&Exc_TypeError, "%s expected 1 argument, got %zu", name, nargs);
    return -1;
  }
  AS(ClassMethodObject, self)->func = args[0];
  return 0;
}

static Value cm_get(Value descr, Value obj, Value type) {
  Value f = AS(ClassMethodObject, descr)->func;
  if (!type) type = (Value)val_type(obj);
  return method_new(f, type);
}

static Value sm_get(Value descr, Value obj, Value type) { return AS(ClassMethodObject, descr)->func; }

static Value sm_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames) {
  return obj_call(AS(ClassMethodObject, callable)->func, args, nargs, kwnames);
}

static Value cm_repr(Value v) {
  const char *name = type_is_subtype(val_type(v), &ClassMethodType) ? "classmethod" : "staticmethod";
  return str_printf("<%s(%R)>", name, AS(ClassMethodObject, v)->func);
}

static Value cm_func(Value self) { return AS(ClassMethodObject, self)->func; }
static Value cm_isabstract(Value self) {
  Value r = obj_getattr_opt(AS(ClassMethodObject, self)->func, str_intern_cstr("__isabstractmethod__"));
  if (!r) {
    if (err_occurred()) return VAL_NULL;
    return VAL_FALSE;
  }
  return r;
}
static Value cm_get_dict(Value self) {
  ClassMethodObject *c = AS(ClassMethodObject, self);
  if (!c->dict) c->dict = dict_new();
  return c->dict;
}

static const GetSetDef cm_getsets[] = {
    {"__func__", cm_func, NULL},
    {"__wrapped__", cm_func, NULL},
    {"__isabstractmethod__", cm_isabstract, NULL},
    {"__dict__", cm_get_dict, NULL},
    {NULL},
};

TypeObject ClassMethodType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "classmethod",
    .instance_size = sizeof(ClassMethodObject),
    .dict_offset = offsetof(ClassMethodObject, dict),
    .flags = TP_BASETYPE,
    .trace = cm_trace,
    .repr = cm_repr,
    .tp_new = cm_new,
    .tp_init = cm_init,
    .descr_get = cm_get,
    .getsets = cm_getsets,
};

TypeObject StaticMethodType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "staticmethod",
    .instance_size = sizeof(ClassMethodObject),
    .dict_offset = offsetof(ClassMethodObject, dict),
    .flags = TP_BASETYPE,
    .trace = cm_trace,
    .repr = cm_repr,
    .tp_new = cm_new,
    .tp_init = cm_init,
    .call = sm_call,
    .descr_get = sm_get,
    .getsets = cm_getsets,
};

/* ---- types.GenericAlias and types.UnionType ------------------------------
 * Just enough for annotations evaluated at run time: `list[int]`,
 * `dict[str, int]`, `int | None`, and isinstance() with a union. */

typedef struct {
  Object base;
  Value origin;
  Value args; /* tuple */
} AliasObject;

extern TypeObject GenericAliasType, UnionType;

static void alias_trace(Object *o) {
  gc_mark(((AliasObject *)o)->origin);
  gc_mark(((AliasObject *)o)->args);
}

Value generic_alias_new(Value origin, Value args) {
  AliasObject *a = (AliasObject *)gc_alloc(&GenericAliasType, sizeof(AliasObject));
  a->origin = origin;
  a->args = val_is_tuple(args) ? args : tuple_pack(1, args);
  return (Value)a;
}

Value union_args(Value u) { return ((AliasObject *)u)->args; }

/* How typing prints a type argument: `int`, `mod.C`, `...`, `None`. */
static int add_type_repr(StrBuilder *sb, Value v) {
  if (v == VAL_ELLIPSIS) {
    sb_adds(sb, "...");
    return 0;
  }
  if (v == VAL_NONE || v == (Value)&NoneType) {
    sb_adds(sb, "None");
    return 0;
  }
  if (val_is_obj(v) && (val_type(v)->flags & TP_TYPE_SUBCLASS)) {
    TypeObject *t = AS(TypeObject, v);
    Value mod = obj_getattr_opt(v, NAME(__module__));
    if (!mod && err_occurred()) return -1;
    if (mod && val_is_str(mod) && strcmp(str_cstr(mod), "builtins") != 0) {
      sb_add_value(sb, mod);
      sb_addc(sb, '.');
    }
    sb_add_value(sb, (Value)(t->qualname ? t->qualname : t->name_obj));
    return 0;
  }
  return sb_add_repr(sb, v);
}

static Value alias_repr(Value v) {
  AliasObject *a = (AliasObject *)v;
  StrBuilder sb;
  sb_init(&sb);
  if (add_type_repr(&sb, a->origin) < 0) goto fail;
  sb_addc(&sb, '[');
  for (ssize_t i = 0; i < TUPLE_LEN(a->args); i++) {
    if (i) sb_adds(&sb, ", ");
    if (add_type_repr(&sb, TUPLE_ITEMS(a->args)[i]) < 0) goto fail;
  }
  if (TUPLE_LEN(a->args) == 0) sb_adds(&sb, "()");
  sb_addc(&sb, ']');
  return sb_finish(&sb);
fail:
  sb_free(&sb);
  return VAL_NULL;
}

static Value alias_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames) {
  return obj_call(((AliasObject *)callable)->origin, args, nargs, kwnames);
}

static Value alias_getattr(Value obj, StrObject *name) {
  Value d = type_lookup(&GenericAliasType, name);
  if (d) {
    DescrGetFn get = val_type(d)->descr_get;
    return get ? get(d, obj, (Value)&GenericAliasType) : d;
  }
  return obj_getattr(((AliasObject *)obj)->origin, name);
}

static Value alias_richcompare(Value a, Value b, CmpOp op) {
  if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != val_type(a)) return VAL_NOTIMPL;
  AliasObject *x = (AliasObject *)a, *y = (AliasObject *)b;
  int eq = x->origin == y->origin;
  if (eq) {
    eq = obj_eq(x->args, y->args);
    if (eq < 0) return VAL_NULL;
  }
  return val_bool(op == CMP_EQ ? eq : !eq);
}

static Hash alias_hash(Value v) {
  AliasObject *a = (AliasObject *)v;
  Hash h = obj_hash(a->args);
  if (h == -1) return -1;
  h ^= addr_hash(a->origin);
  return h == -1 ? -2 : h;
}

static Value alias_origin(Value self) { return ((AliasObject *)self)->origin; }
static Value alias_args(Value self) { return ((AliasObject *)self)->args; }

static const GetSetDef alias_getsets[] = {
    {"__origin__", alias_origin, NULL},
    {"__args__", alias_args, NULL},
    {NULL},
};

Value union_or(Value a, Value b);

/* class C(list[int]) derives from list */
static Value alias_mro_entries(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__mro_entries__", nargs, 1, 1)) return VAL_NULL;
  return tuple_pack(1, ((AliasObject *)self)->origin);
}

static const NativeDef alias_methods[] = {
    {"__mro_entries__", alias_mro_entries, NATIVE_METHOD},
    {NULL},
};

/* types.GenericAlias(origin, args), as __class_getitem__ implementations
 * written in Python build their aliases. */
static Value alias_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len) return err_set(&Exc_TypeError, "GenericAlias() takes no keyword arguments");
  if (nargs != 2) return err_set(&Exc_TypeError, "GenericAlias expected 2 arguments, got %zu", nargs);
  return generic_alias_new(args[0], args[1]);
}

TypeObject GenericAliasType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "types.GenericAlias",
    .instance_size = sizeof(AliasObject),
    .tp_new = alias_tp_new,
    .trace = alias_trace,
    .repr = alias_repr,
    .call = alias_call,
    .getattr = alias_getattr,
    .richcompare = alias_richcompare,
    .hash = alias_hash,
    .binop = {[BINOP_OR] = union_or},
    .methods = alias_methods,
    .getsets = alias_getsets,
};

static bool unionable(Value v) {
  return v == VAL_NONE || (val_is_obj(v) && ((val_type(v)->flags & TP_TYPE_SUBCLASS) ||
                                             val_type(v) == &GenericAliasType || val_type(v) == &UnionType));
}

static int union_add(Value list, Value v) {
  if (v == VAL_NONE) v = (Value)&NoneType;
  if (val_is_obj(v) && val_type(v) == &UnionType) {
    Value args = ((AliasObject *)v)->args;
    for (ssize_t i = 0; i < TUPLE_LEN(args); i++)
      if (union_add(list, TUPLE_ITEMS(args)[i]) < 0) return -1;
    return 0;
  }
  for (ssize_t i = 0; i < LIST_LEN(list); i++)
    if (LIST_ITEMS(list)[i] == v) return 0;
  return list_append(list, v);
}

/* a | b for types: the binop slot of type and of the alias types. */
Value union_or(Value a, Value b) {
  if (!unionable(a) || !unionable(b)) return VAL_NOTIMPL;
  Value l = list_new(0);
  if (union_add(l, a) < 0 || union_add(l, b) < 0) return VAL_NULL;
  if (LIST_LEN(l) == 1) return LIST_ITEMS(l)[0];
  AliasObject *u = (AliasObject *)gc_alloc(&UnionType, sizeof(AliasObject));
  u->args = list_to_tuple(l);
  return (Value)u;
}

static Value union_repr(Value v) {
  AliasObject *a = (AliasObject *)v;
  StrBuilder sb;
  sb_init(&sb);
  for (ssize_t i = 0; i < TUPLE_LEN(a->args); i++) {
    if (i) sb_adds(&sb, " | ");
    if (add_type_repr(&sb, TUPLE_ITEMS(a->args)[i]) < 0) {
      sb_free(&sb);
      return VAL_NULL;
    }
  }
  return sb_finish(&sb);
}

TypeObject UnionType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "types.UnionType",
    .instance_size = sizeof(AliasObject),
    .trace = alias_trace,
    .repr = union_repr,
    .richcompare = alias_richcompare,
    .hash = alias_hash,
    .binop = {[BINOP_OR] = union_or},
    .getsets = alias_getsets,
};

/* ---- member_descriptor: one name of a class's __slots__ ----------------
 * Instances of a class whose __slots__ leave out __dict__ keep the slot
 * values in the InstanceObject's storage dict, which such classes do not
 * expose (dict_offset 0): only these descriptors reach it. */

typedef struct {
  Object base;
  TypeObject *owner;
  Value name; /* interned str */
} MemberDescrObject;

static void member_trace(Object *o) {
  gc_mark_obj(((MemberDescrObject *)o)->owner);
  gc_mark(((MemberDescrObject *)o)->name);
}

Value descr_member_new(TypeObject *owner, Value name) {
  MemberDescrObject *d = (MemberDescrObject *)gc_alloc(&MemberDescrType, sizeof(MemberDescrObject));
  d->owner = owner;
  d->name = name;
  return (Value)d;
}

static Value member_get(Value descr, Value obj, Value type) {
  MemberDescrObject *d = (MemberDescrObject *)descr;
  if (!obj) return descr;
  if (!type_is_subtype(val_type(obj), d->owner))
    return err_set(&Exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%T' object", d->name,
                   d->owner->name, obj);
  Value storage = AS(InstanceObject, obj)->dict;
  Value v = storage ? dict_get_str(storage, AS(StrObject, d->name)) : VAL_NULL;
  if (!v) return err_set(&Exc_AttributeError, "'%T' object has no attribute '%U'", obj, d->name);
  return v;
}

static int member_set(Value descr, Value obj, Value v) {
  MemberDescrObject *d = (MemberDescrObject *)descr;
  if (!type_is_subtype(val_type(obj), d->owner)) {
    err_set(&Exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%T' object", d->name,
            d->owner->name, obj);
    return -1;
  }
  InstanceObject *inst = AS(InstanceObject, obj);
  if (!v) {
    if (!inst->dict || !dict_get_str(inst->dict, AS(StrObject, d->name))) {
      err_set(&Exc_AttributeError, "'%T' object has no attribute '%U'", obj, d->name);
      return -1;
    }
    return dict_del(inst->dict, d->name);
  }
  if (!inst->dict) inst->dict = dict_new();
  return dict_set(inst->dict, d->name, v);
}

static Value member_repr(Value v) {
  MemberDescrObject *d = (MemberDescrObject *)v;
  return str_printf("<member '%U' of '%s' objects>", d->name, d->owner->name);
}

static Value member_name(Value self) { return ((MemberDescrObject *)self)->name; }
static Value member_objclass(Value self) { return (Value)((MemberDescrObject *)self)->owner; }

static const GetSetDef member_getsets[] = {
    {"__name__", member_name, NULL},
    {"__objclass__", member_objclass, NULL},
    {NULL},
};

TypeObject MemberDescrType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "member_descriptor",
    .instance_size = sizeof(MemberDescrObject),
    .trace = member_trace,
    .repr = member_repr,
    .descr_get = member_get,
    .descr_set = member_set,
    .getsets = member_getsets,
};

/* ---- mappingproxy: the read-only view a class's __dict__ returns -------- */

typedef struct {
  Object base;
  Value mapping;
} MappingProxyObject;

static void mp_trace(Object *o) { gc_mark(((MappingProxyObject *)o)->mapping); }

Value mappingproxy_new(Value mapping) {
  MappingProxyObject *m = (MappingProxyObject *)gc_alloc(&MappingProxyType, sizeof(MappingProxyObject));
  m->mapping = mapping;
  return (Value)m;
}

static Value mp_map(Value self) { return ((MappingProxyObject *)self)->mapping; }
static Value mp_getitem(Value self, Value key) { return obj_getitem(mp_map(self), key); }
static ssize_t mp_len(Value self) { return obj_len(mp_map(self)); }
static int mp_contains(Value self, Value key) { return obj_contains(mp_map(self), key); }
static Value mp_iter(Value self) { return obj_iter(mp_map(self)); }
static Value mp_repr(Value self) { return str_printf("mappingproxy(%R)", mp_map(self)); }
static Value mp_str(Value self) { return obj_str(mp_map(self)); }
static Value mp_richcompare(Value a, Value b, CmpOp op) { return obj_richcompare(mp_map(a), b, op); }

#define MP_FORWARD(cname, pyname)                                                          \
  static Value cname(Value self, Value *args, size_t nargs, TupleObject *kwnames) {        \
    if (!args_no_kw(pyname, kwnames)) return VAL_NULL;                                     \
    return obj_call_method(mp_map(self), str_intern_cstr(pyname), args, nargs);            \
  }
MP_FORWARD(mp_keys, "keys")
MP_FORWARD(mp_values, "values")
MP_FORWARD(mp_items, "items")
MP_FORWARD(mp_get, "get")
MP_FORWARD(mp_copy, "copy")
#undef MP_FORWARD

static const NativeDef mp_methods[] = {
    {"keys", mp_keys, NATIVE_METHOD},
    {"values", mp_values, NATIVE_METHOD},
    {"items", mp_items, NATIVE_METHOD},
    {"get", mp_get, NATIVE_METHOD},
    {"copy", mp_copy, NATIVE_METHOD},
    {NULL},
};

static Value mp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("mappingproxy", kwnames)) return VAL_NULL;
  if (nargs != 1) return err_set(&Exc_TypeError, "mappingproxy() takes exactly one argument (%zu given)", nargs);
  Value m = args[0];
  if (!val_type(m)->getitem || val_is_list(m) || val_is_tuple(m))
    return err_set(&Exc_TypeError, "mappingproxy() argument must be a mapping, not %T", m);
  return mappingproxy_new(m);
}

TypeObject MappingProxyType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "mappingproxy",
    .instance_size = sizeof(MappingProxyObject),
    .trace = mp_trace,
    .tp_new = mp_new,
    .repr = mp_repr,
    .str = mp_str,
    .richcompare = mp_richcompare,
    .getitem = mp_getitem,
    .len = mp_len,
    .contains = mp_contains,
    .iter = mp_iter,
    .methods = mp_methods,
};
