/* eval.h — running code. */
#ifndef GILPY_EVAL_H
#define GILPY_EVAL_H

#include "runtime/object.h"
#include "vm/code.h"

/* Runs a module/class body or exec() code with the given namespaces
 * (locals may equal globals). */
Value eval_code(CodeObject *code, Value globals, Value locals);
/* Calls a Python function (FunctionType.call uses it). */
Value eval_call_function(Value func, Value *args, size_t nargs, TupleObject *kwnames);
/* Runs the pending eval-breaker work (GC, GIL drop, signals). -1 on error. */
int eval_handle_breaker(void);
/* The globals of the innermost running Python frame, or VAL_NULL. */
Value eval_current_globals(void);
/* The innermost frame's locals as a dict (locals()). */
Value eval_current_locals(void);
/* Marks the frames of a chain (GC; thread.c). */
struct Frame;
void frame_trace_chain(struct Frame *f);
#endif
