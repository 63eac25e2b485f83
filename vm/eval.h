/* eval.h — running code. */
#ifndef GILPY_EVAL_H
#define GILPY_EVAL_H

#include "runtime/object.h"
#include "vm/code.h"

/* Runs a module/class body or exec() code with the given namespaces
 * (locals may equal globals). */
Value eval_code(CodeObject *code, Value globals, Value locals);
/* Runs a class body: func is the body's function (made by MAKE_FUNCTION
 * for the class statement), ns the namespace from __prepare__, used as
 * the frame's locals.  Returns the body's return value (None, or the
 * __class__ cell when the body creates one).  Used by __build_class__. */
Value eval_class_body(Value func, Value ns);
/* Calls a Python function (FunctionType.call uses it).  Vectorcall form:
 * nargs positional arguments, then the values of the keyword arguments
 * named by kwnames at args[nargs + i]. */
Value eval_call_function(Value func, Value *args, size_t nargs, TupleObject *kwnames);
/* Runs the pending eval-breaker work (GC, GIL drop, signals). -1 on error. */
int eval_handle_breaker(void);
/* The globals of the innermost running Python frame, or VAL_NULL. */
Value eval_current_globals(void);
/* The innermost frame's locals as a dict (locals()). */
Value eval_current_locals(void);
/* Signals (signals.c).  eval_signal_trip is the async-signal-safe part
 * (record + EB_SIGNALS); the main thread runs the Python handler at its
 * next eval-breaker check (SIGINT without one raises KeyboardInterrupt).
 * set_handler(VAL_NULL) restores the default action. */
void eval_signal_trip(int signum);
int eval_signal_set_handler(int signum, Value handler);
Value eval_signal_get_handler(int signum); /* VAL_NULL: default */
void eval_signals_init(void);              /* installs the SIGINT handler (vm_init) */
int eval_run_pending_signals(void);        /* -1 with the handler's exception */
/* Marks the frames of a chain (GC; thread.c). */
struct Frame;
void frame_trace_chain(struct Frame *f);
#endif
