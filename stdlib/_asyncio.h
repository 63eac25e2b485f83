/* _asyncio.h — the parts of the _asyncio module that live in their own files.
 *
 * stdlib/_asyncio.c owns the module and the operating-system side (epoll,
 * eventfd); it calls each part's init with the module so that the part adds
 * its types and functions to the module's namespace.
 */
#ifndef GILPY_STDLIB_ASYNCIO_H
#define GILPY_STDLIB_ASYNCIO_H

#include "runtime/native.h"
#include "runtime/object.h"

/* stdlib/_asyncio_future.c: the Future and Task types. */
int asyncio_future_init(Value module);

/* stdlib/_asyncio_loop.c: Handle, TimerHandle, the ready queue and timer heap. */
int asyncio_loop_init(Value module);

/* Schedules callback(arg) on `loop` as loop.call_soon(callback, arg,
 * context=context) does (arg VAL_NULL: called with no argument; context
 * VAL_NULL or None: the current one).  Returns the Handle, or VAL_NULL with
 * an exception set (a closed loop raises RuntimeError). */
Value asyncio_call_soon(Value loop, Value callback, Value arg, Value context);

/* As asyncio_call_soon(loop, native_function_new(def, self), arg, context),
 * but on the C loop the entry is queued without a Handle or a bound method
 * (a task's steps and wake-ups: each would leave both behind as garbage);
 * they are made only if debug mode or an error report needs to show them.
 * Returns 0, or -1 with an exception set. */
int asyncio_call_soon_native(Value loop, const NativeDef *def, Value self, Value arg, Value context);

#endif
