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
 */
#ifndef GILPY_TYPE_H
#define GILPY_TYPE_H

#include "runtime/object.h"

extern TypeObject TypeType, ObjectType, NoneType, NotImplementedType, EllipsisType;
extern TypeObject PropertyType, ClassMethodType, StaticMethodType, SuperType;
extern TypeObject MethodType;            /* bound Python method */
extern TypeObject NativeFunctionType;    /* builtin_function_or_method */
extern TypeObject MethodDescrType;       /* method_descriptor: native method on a class */
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
} NativeFunctionObject;

typedef struct {
  Object base;
  Value fget, fset, fdel, doc;
} PropertyObject;

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
#endif
