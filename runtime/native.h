/* native.h — functions, methods and modules written in C.
 *
 * A native takes the vectorcall form: args[0..nargs) are the positional
 * arguments; the values of keyword arguments follow at args[nargs + i],
 * named by kwnames->items[i] (kwnames NULL: none).
 * `self` is the receiver for methods, the module object for module
 * functions.
 *
 * Argument binding by a signature string, written as in Python:
 *     "sorted(iterable, /, *, key=None, reverse=False)"
 * A parameter with a default is optional; a missing one binds to VAL_NULL
 * (the default text is only for messages/help).  "*args" and "**kwargs"
 * bind a tuple and a dict.  args_bind words every error as CPython does
 * ("f() takes 2 positional arguments but 3 were given", "f() missing 1
 * required positional argument: 'x'", "f() got an unexpected keyword
 * argument 'y'").  The spec is parsed once and cached in the ArgSpec.
 */
#ifndef GILPY_NATIVE_H
#define GILPY_NATIVE_H

#include "runtime/object.h"

typedef Value (*NativeFn)(Value self, Value *args, size_t nargs, TupleObject *kwnames);

enum {
  NATIVE_METHOD = 0,         /* instance method (self = receiver) */
  NATIVE_CLASSMETHOD = 1,    /* self = the class */
  NATIVE_STATICMETHOD = 2,   /* self = VAL_NULL */
};

struct NativeDef {
  const char *name;
  NativeFn fn;
  int kind;                  /* NATIVE_* (ignored for module functions) */
  const char *doc;           /* optional */
};

typedef Value (*GetterFn)(Value self);
typedef int (*SetterFn)(Value self, Value v); /* v == VAL_NULL: delete */
struct GetSetDef {
  const char *name;
  GetterFn get;
  SetterFn set;              /* NULL: read-only (AttributeError "readonly attribute") */
};

typedef struct ArgSpec ArgSpec;
struct ArgSpec {
  const char *sig;           /* "name(a, b=None, /, *, key=None)" */
  /* parsed lazily by args_bind */
  bool parsed;
  const char *fname;
  uint8_t nparams, nposonly, nposmax, nrequired, nkwonly;
  bool has_varargs, has_varkw;
  const char *names[16];
  uint8_t name_lens[16];
  bool required[16];
};
#define ARGSPEC(s) {.sig = (s)}

/* Binds into out[]: one slot per named parameter, then *args, then **kwargs.
 * Returns false with TypeError set. */
bool args_bind(ArgSpec *spec, Value *args, size_t nargs, TupleObject *kwnames, Value *out);

/* Small fast checks for natives that take few positional args. */
bool args_no_kw(const char *fname, TupleObject *kwnames);
bool args_count(const char *fname, size_t nargs, size_t min, size_t max);
/* A dunder that CPython exposes as a slot wrapper (list.__len__,
 * str.__eq__ ...): "expected 1 argument, got 0" and "wrapper __len__()
 * takes no keyword arguments". */
bool args_wrapper(const char *name, size_t nargs, TupleObject *kwnames, size_t want);

/* Converts an index argument (int or __index__) to ssize_t; false with
 * TypeError "'X' object cannot be interpreted as an integer" otherwise. */
bool args_index(Value v, ssize_t *out);

/* A native function object (type builtin_function_or_method). */
Value native_function_new(const NativeDef *def, Value self);

/* A native module (stdlib/): its init fills the module dict. */
typedef struct {
  const char *name;          /* "time", "_thread" */
  const NativeDef *functions;
  int (*init)(Value module);  /* optional: adds constants/types; -1 on error */
} NativeModuleDef;

/* Registry of native modules: the stdlib/ C files declare their
 * NATIVE_MODULE(name) declarations (see stdlib/modules.c). */
const NativeModuleDef *native_module_find(const char *name);
#endif
