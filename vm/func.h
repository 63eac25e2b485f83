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
/* A new function for code with the given globals/builtins dicts; name,
 * qualname, __module__ (globals' __name__) and __doc__ filled from the
 * code.  Defaults/closure/annotations are set by the caller.  Never fails. */
Value func_new(CodeObject *code, Value globals, Value builtins);

/* Generators and coroutines share one object (the code's flags tell which). */
typedef enum { GEN_RETURNED, GEN_YIELDED, GEN_RAISED } GenResult;
/* Resumes gen with `sent` (VAL_NONE for next()) or, if exc != VAL_NULL,
 * throws exc into it.  *out is the yielded or returned value. */
GenResult gen_send(Value gen, Value sent, Value exc, Value *out);
Value gen_close(Value gen);
bool val_is_generator(Value v);   /* generator or coroutine object */
/* Hook for a coroutine collected without ever being awaited (CPython's
 * "RuntimeWarning: coroutine 'f' was never awaited").  Called from the
 * coroutine's GC `del` (after the collection, at a safe point: it may run
 * code), and at exit for coroutines still alive; the asyncio work fills it
 * in.  Currently does nothing. */
void gen_coroutine_never_awaited(Object *coro);
/* The calling thread's async generator hooks (sys.set_asyncgen_hooks):
 * VAL_NULL when unset (no error).  Setting VAL_NULL clears; -1 on error. */
enum { ASYNCGEN_HOOK_FIRSTITER, ASYNCGEN_HOOK_FINALIZER };
Value gen_asyncgen_hook(int which);
int gen_set_asyncgen_hook(int which, Value hook);
/* vm_init: readies the function, cell, generator and coroutine types and
 * creates the main thread's state. */
void vm_init(void);
#endif
