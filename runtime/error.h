/* error.h — raising and inspecting the current exception.
 *
 * The current exception lives in the thread state.  Fallible functions set
 * it and return their sentinel (VAL_NULL or -1); callers either handle it
 * (err_clear / err_fetch) or pass the sentinel up.
 *
 * Message formats (err_format, err_set): printf-like with these additions:
 *   %s  C string          %d %ld %zd %zu %lld %c %x  as printf
 *   %U  Value that is a str, inserted as is
 *   %S  str(Value)        %R  repr(Value)
 *   %T  type name of Value ("int", "Foo")   %N  TypeObject* name
 */
#ifndef GILPY_ERROR_H
#define GILPY_ERROR_H

#include "runtime/object.h"

/* Raise type(msg): returns VAL_NULL so that `return err_set(...)` reads well. */
Value err_set(TypeObject *type, const char *fmt, ...);
/* Raise an existing exception instance or class (like `raise x`). */
Value err_set_value(Value exc);

/* -1 flavour for int-returning functions: return ERR_INT(err_set(...)). */
static inline int err_int_(Value ignored) { (void)ignored; return -1; }
#define ERR_INT(expr) err_int_(expr)

bool err_occurred(void);
/* The current exception instance (normalised), or VAL_NULL.  Not cleared. */
Value err_peek(void);
/* Takes the current exception, clearing it. VAL_NULL if none. */
Value err_fetch(void);
void err_clear(void);
/* Makes exc (an instance, or VAL_NULL) the current exception as is: no
 * context chaining (for putting back what err_fetch took). */
void err_restore(Value exc);
/* True if the current exception is an instance of `type` (or a subclass). */
bool err_matches(TypeObject *type);
/* Builds a str from a format (above).  VAL_NULL on error. */
Value err_format(const char *fmt, ...);

/* Common raises, worded as CPython. */
Value err_no_memory(void);
Value err_type_not_callable(Value obj);              /* 'X' object is not callable */
Value err_attribute(Value obj, StrObject *name);     /* 'X' object has no attribute 'n' */
Value err_key(Value key);                            /* KeyError(key) */
Value err_stop_iteration(Value value);               /* StopIteration(value) */

/* Prints the exception with its traceback to sys.stderr, as CPython does for
 * an uncaught exception.  Clears nothing; never fails. */
void err_print(Value exc);
/* Prints and clears the current exception (sys.excepthook). */
void err_print_current(void);
/* Reports and clears the current exception where it cannot propagate (a
 * finalizer, a callback, a thread's function): "Exception ignored in: " (or
 * `prefix`) and repr(where) on sys.stderr, then the traceback; CPython's
 * PyErr_WriteUnraisable. */
void err_write_unraisable(const char *prefix, Value where);
#endif
