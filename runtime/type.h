/* type.h — classes, instances, descriptors and method objects.
 *
 * Builtin types are static TypeObjects made ready by type_ready() at
 * start-up (which builds __mro__, __dict__ from `methods`/`getsets`, and
 * inherits slots from the base).  Classes made by `class` statements are
 * heap TypeObjects (TP_HEAPTYPE); their slots are wrappers that look up
 * the dunder methods (slot_* in type.c), refreshed when a dunder is
 * assigned on the class.  Instances of heap classes derived from object
 * are InstanceObjects; subclasses of builtins (class E(Exception), class
 * D(dict)) extend the builtin's layout with a trailing __dict__ pointer
 * at offset type->dict_offset.
 *
 * Contract for builtin types that allow subclassing (TP_BASETYPE):
 *  - tp_new allocates `type->instance_size` bytes (plus any variable part)
 *    for the `type` it is given, which may be a heap subclass; int's
 *    tp_new returns a boxed IntObject for a subclass, never a tagged int;
 *  - the builtin's trace/finalize only touch the builtin's own fields: a
 *    heap subclass's trace marks its __dict__ slot, then calls them;
 *  - type_call runs tp_new then type(obj)->tp_init, so a builtin whose
 *    tp_new already consumed the arguments must accept them again in
 *    tp_init (or have tp_init NULL and inherit object's, which only
 *    complains when both __new__ and __init__ are object's).
 */
#ifndef GILPY_TYPE_H
#define GILPY_TYPE_H

#include "runtime/object.h"

extern TypeObject TypeType, ObjectType, NoneType, NotImplementedType, EllipsisType;
extern TypeObject PropertyType, ClassMethodType, StaticMethodType, SuperType;
extern TypeObject MethodType;            /* bound Python method */
extern TypeObject NativeFunctionType;    /* builtin_function_or_method */
extern TypeObject MethodDescrType;       /* method_descriptor: native method on a class */
extern TypeObject ClassMethodDescrType;  /* classmethod_descriptor: native class method */
extern TypeObject GetSetDescrType;       /* getset_descriptor */

typedef struct {
  Object base;
  Value dict;      /* the instance __dict__ (a dict), created lazily */
} InstanceObject;

typedef struct {
  Object base;
  Value func;      /* __func__ */
  Value self;      /* __self__ */
} MethodObject;

typedef struct {
  Object base;
  const NativeDef *def;
  Value self;      /* bound receiver, module, or VAL_NULL */
  TypeObject *owner; /* static methods of builtin types: their type (repr), else NULL */
} NativeFunctionObject;

typedef struct {
  Object base;
  Value fget, fset, fdel, doc;
  Value name;      /* from __set_name__ (messages), or VAL_NULL */
} PropertyObject;

/* method_descriptor / classmethod_descriptor: a NativeDef in a type's dict. */
typedef struct {
  Object base;
  const NativeDef *def;
  TypeObject *owner;
} MethodDescrObject;

/* getset_descriptor: a GetSetDef in a type's dict. */
typedef struct {
  Object base;
  const GetSetDef *def;
  TypeObject *owner;
} GetSetDescrObject;

/* classmethod and staticmethod objects (also the wrapper for native
 * NATIVE_STATICMETHOD entries). */
typedef struct {
  Object base;
  Value func;
  Value dict;      /* __dict__ (functools.wraps copies attributes), lazily */
} ClassMethodObject;

/* Makes a static type usable: must be called before its first use.  It also
 * registers the type with gc_add_static() so that its dict/mro/bases (heap
 * objects) stay alive. */
void type_ready(TypeObject *t);
/* type(name, bases, dict): creates a heap class (C3 MRO, __init_subclass__, __set_name__). */
Value type_new_class(TypeObject *meta, Value name, Value bases, Value dict);
/* Rebuilds a heap class's slots after `cls.__xxx__ = f`. */
void type_update_slot(TypeObject *t, StrObject *name);
Value type_repr(Value t);     /* <class 'mod.Name'> */
const char *type_name(TypeObject *t); /* short name for messages */
Value method_new(Value func, Value self);
/* The instance dict of any object that has one, or VAL_NULL (no error). */
Value *obj_dict_ptr(Value obj);
void types_init(void);        /* readies every builtin type */

/* builtins.__build_class__(func, name, *bases, metaclass=None, **kwds):
 * the builtins area stores it in builtins as a native function. */
Value build_class(Value self, Value *args, size_t nargs, TupleObject *kwnames);
/* type_new_class with keyword arguments for __init_subclass__ (kwargs a dict or VAL_NULL). */
Value type_new_class_kw(TypeObject *meta, Value name, Value bases, Value dict, Value kwargs);

/* Descriptor constructors (descr.c). */
Value descr_method_new(TypeObject *owner, const NativeDef *def);
Value descr_getset_new(TypeObject *owner, const GetSetDef *def);
/* mappingproxy: the read-only view returned by a class's __dict__. */
extern TypeObject MappingProxyType;
Value mappingproxy_new(Value mapping);
/* member_descriptor for a __slots__ name of a class without __dict__. */
extern TypeObject MemberDescrType;
Value descr_member_new(TypeObject *owner, Value name);
Value classmethod_new(Value func);
Value staticmethod_new(Value func);
/* Slot machinery (type_slots.c). */
extern TypeObject SlotWrapperType;    /* wrapper_descriptor: object.__init__, dict.__setitem__ */
extern TypeObject MethodWrapperType;  /* method-wrapper: a slot wrapper bound to an object */
void type_slots_init(void);           /* interns the slot names; called by types_init */
/* Recomputes a heap class's slots from the dunders along its MRO. */
void type_slots_fixup(TypeObject *t);
/* Adds wrapper descriptors (__init__, __repr__, __add__ ...) for the slots a
 * static type defines itself, unless its dict already has the name. */
void type_slots_add_wrappers(TypeObject *t);
/* True if `name` is a dunder tied to a slot (assigning it needs a fixup). */
bool type_slot_name(StrObject *name);
/* Looks `name` up on type(self) and calls it bound to self.  *found tells
 * whether it existed (VAL_NULL with no error and *found false otherwise). */
Value type_call_special(Value self, StrObject *name, Value *args, size_t nargs, TupleObject *kwnames, bool *found);

/* `int | None` and `list[int]` (descr.c): types.UnionType / types.GenericAlias. */
extern TypeObject GenericAliasType, UnionType;
Value union_or(Value a, Value b);              /* binop slot: NotImplemented unless both are types */
Value union_args(Value u);                     /* the tuple of a union's members */
Value generic_alias_new(Value origin, Value args);

/* Raises AttributeError(fmt % (tname, name)) with .name and .obj set (ops.c). */
Value attr_error(Value obj, StrObject *name, const char *fmt, const char *tname);

/* A fresh non-zero type version (GIL held). */
uint32_t type_next_version(void);
/* Bumps t's version and its subclasses' (after a change of t's dict or MRO). */
void type_modified(TypeObject *t);

/* Provided by the VM (vm/eval.c), used by builtins.__build_class__: runs
 * the class-body function `func` with `ns` as its locals mapping and
 * returns the __class__ cell it created, or None when the body has none. */
Value eval_class_body(Value func, Value ns);

/* Instance layout of subclasses of variable-sized builtins (str, bytes,
 * tuple): their __dict__ slot follows the variable part, so such a class
 * has dict_offset 0 and this flag, and obj_dict_ptr computes the address
 * (code that reads dict_offset directly just sees "no fixed dict slot").
 * The builtin's tp_new must allocate `type->instance_size + <variable
 * part>` bytes; type.c makes instance_size 16 bytes larger than the
 * builtin's for such subclasses, leaving room for the aligned slot. */
#define TP_VAR_DICT (1u << 24)

#endif
