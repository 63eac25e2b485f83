/* singletons.c — None, NotImplemented and Ellipsis and their types.
 *
 * The three objects are statically allocated and immortal; their types
 * cannot be subclassed and calling a type returns the singleton, as in
 * CPython (type(None)() is None).  True/False live with bool (numbers).
 */
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/type.h"

static Value none_repr(Value v) { return str_from_cstr("None"); }
static Value notimpl_repr(Value v) { return str_from_cstr("NotImplemented"); }
static Value ellipsis_repr(Value v) { return str_from_cstr("Ellipsis"); }

static int none_truthy(Value v) { return 0; }

/* Hash by address, as object.__hash__ does; stable for immortal objects. */
static Hash singleton_hash(Value v) {
  Hash h = (Hash)((uintptr_t)v >> 4);
  return h == -1 ? -2 : h;
}

static Value none_new(TypeObject *t, Value *args, size_t nargs, TupleObject *kwnames) {
  if (nargs || (kwnames && kwnames->len > 0))
    return err_set(&Exc_TypeError, "NoneType takes no arguments");
  return VAL_NONE;
}
static Value notimpl_new(TypeObject *t, Value *args, size_t nargs, TupleObject *kwnames) {
  if (nargs || (kwnames && kwnames->len > 0))
    return err_set(&Exc_TypeError, "NotImplementedType takes no arguments");
  return VAL_NOTIMPL;
}
static Value ellipsis_new(TypeObject *t, Value *args, size_t nargs, TupleObject *kwnames) {
  if (nargs || (kwnames && kwnames->len > 0))
    return err_set(&Exc_TypeError, "ellipsis takes no arguments");
  return VAL_ELLIPSIS;
}

TypeObject NoneType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "NoneType",
    .instance_size = sizeof(Object),
    .repr = none_repr,
    .hash = singleton_hash,
    .truthy = none_truthy,
    .tp_new = none_new,
};

TypeObject NotImplementedType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "NotImplementedType",
    .instance_size = sizeof(Object),
    .repr = notimpl_repr,
    .hash = singleton_hash,
    .tp_new = notimpl_new,
};

TypeObject EllipsisType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "ellipsis",
    .instance_size = sizeof(Object),
    .repr = ellipsis_repr,
    .hash = singleton_hash,
    .tp_new = ellipsis_new,
};

Object NoneObject = STATIC_OBJECT_HEADER(&NoneType);
Object NotImplementedObject = STATIC_OBJECT_HEADER(&NotImplementedType);
Object EllipsisObject = STATIC_OBJECT_HEADER(&EllipsisType);
