/* ops.h — the semantics layer between the eval loop and the types.
 *
 * Python's abstract operations (attribute access, calls, operators,
 * comparison, iteration, hashing, truth) over any Value, dispatching to the
 * type slots and implementing the fallbacks and reflected-operand rules of
 * CPython.  The eval loop and the natives use these, never the slots
 * directly (except for measured fast paths).
 */
#ifndef GILPY_OPS_H
#define GILPY_OPS_H

#include "runtime/object.h"

Value obj_repr(Value v);                 /* a str */
Value obj_str(Value v);                  /* a str */
Value obj_ascii(Value v);
Value obj_format(Value v, Value spec);   /* format(v, spec); spec a str */
Hash obj_hash(Value v);                  /* -1 on error (TypeError: unhashable type: 'list') */
int obj_truthy(Value v);                 /* 0/1, -1 on error */
ssize_t obj_len(Value v);                /* -1 on error */

/* Comparison.  obj_richcompare returns any value (from __lt__ …);
 * obj_eq is the boolean shortcut used by containers (identity first). */
Value obj_richcompare(Value a, Value b, CmpOp op);
int obj_eq(Value a, Value b);            /* 0/1, -1 on error */
int obj_cmp_bool(Value a, Value b, CmpOp op); /* 0/1, -1 on error */

Value obj_binop(Value a, Value b, BinOp op);  /* a + b etc. with __radd__ fallback */
Value obj_inplace(Value a, Value b, BinOp op);/* a += b */
Value obj_neg(Value a);
Value obj_pos(Value a);
Value obj_invert(Value a);
Value obj_abs(Value a);
Value obj_index(Value v);                /* operator.index: an int or TypeError */
/* Converts to a C ssize_t via __index__; OverflowError if too big. */
ssize_t obj_as_ssize(Value v);           /* -1 with error set on failure: check err_occurred */

/* Attributes.  Names are interned strs. */
Value obj_getattr(Value obj, StrObject *name);
Value obj_getattr_cstr(Value obj, const char *name);
/* Like getattr but returns VAL_NULL with no error set when missing. */
Value obj_getattr_opt(Value obj, StrObject *name);
int obj_setattr(Value obj, StrObject *name, Value v);
int obj_delattr(Value obj, StrObject *name);
int obj_hasattr(Value obj, StrObject *name); /* 0/1, -1 on error */
/* The default object.__getattribute__/__setattr__ (descriptors, __dict__). */
Value generic_getattr(Value obj, StrObject *name);
int generic_setattr(Value obj, StrObject *name, Value v);
/* Finds name along type's MRO without invoking descriptors; VAL_NULL if absent (no error). */
Value type_lookup(TypeObject *type, StrObject *name);

/* Items. */
Value obj_getitem(Value obj, Value key);
int obj_setitem(Value obj, Value key, Value v);
int obj_delitem(Value obj, Value key);
int obj_contains(Value container, Value item); /* `item in container`: 0/1, -1 */

/* Iteration.  obj_next returns VAL_NULL with no error set at the end. */
Value obj_iter(Value v);
Value obj_next(Value it);

/* Calls.  kwnames may be NULL.  Entry point for every call from C. */
Value obj_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames);
Value obj_call0(Value callable);
Value obj_call1(Value callable, Value a);
Value obj_call2(Value callable, Value a, Value b);
/* f(*args_tuple, **kwargs_dict); kwargs may be VAL_NULL. */
Value obj_call_tuple_dict(Value callable, Value args_tuple, Value kwargs);
/* obj.name(args...) */
Value obj_call_method(Value obj, StrObject *name, Value *args, size_t nargs);
int obj_callable(Value v);

bool obj_isinstance_type(Value v, TypeObject *type); /* exact MRO check, never fails */
int obj_isinstance(Value v, Value cls);              /* isinstance() with tuples, __instancecheck__ */
int obj_issubclass(Value derived, Value cls);
#endif
