/* func.h — Python functions, cells, generators and coroutines. */
#ifndef GILPY_FUNC_H
#define GILPY_FUNC_H

#include "runtime/object.h"
#include "vm/code.h"

typedef struct {
  Object base;
  CodeObject *code;
  Value globals;          /* dict */
  Value builtins;         /* dict (cached from globals at creation) */
  Value name, qualname;   /* strs */
  Value defaults;         /* tuple or VAL_NULL */
  Value kwdefaults;       /* dict or VAL_NULL */
  Value closure;          /* tuple of cells or VAL_NULL */
  Value doc, module, annotations, dict;
} FunctionObject;

typedef struct {
  Object base;
  Value value;            /* VAL_NULL: empty */
} CellObject;

extern TypeObject FunctionType, CellType;
extern TypeObject GeneratorType, CoroutineType, AsyncGeneratorType;

static inline bool val_is_function(Value v) { return val_is_obj(v) && v->type == &FunctionType; }
Value cell_new(Value v);

/* Generators and coroutines share one object (the code's flags tell which). */
typedef enum { GEN_RETURNED, GEN_YIELDED, GEN_RAISED } GenResult;
/* Resumes gen with `sent` (VAL_NONE for next()) or, if exc != VAL_NULL,
 * throws exc into it.  *out is the yielded or returned value. */
GenResult gen_send(Value gen, Value sent, Value exc, Value *out);
Value gen_close(Value gen);
bool val_is_generator(Value v);   /* generator or coroutine object */
#endif
