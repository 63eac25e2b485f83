/* _contextvars.h — contexts as the event loop uses them.
 *
 * A context's variables are a dict that is never changed once made
 * (ContextVar.set makes a new one), so "copying" a context is taking the
 * dict: a snapshot.  Handles, futures and tasks keep a snapshot instead of
 * a copied Context object and run in an anonymous context with those
 * variables; a Context object is made only when code asks for one
 * (ContextVar.set needs one for its Token, a handle's `_context`).
 */
#ifndef GILPY_STDLIB_CONTEXTVARS_H
#define GILPY_STDLIB_CONTEXTVARS_H

#include <stdbool.h>

#include "runtime/object.h"

extern TypeObject ContextType;

static inline bool context_is_context(Value v) { return val_is_obj(v) && v->type == &ContextType; }

/* What copy_context() would copy: the current variables (a shared empty
 * dict when there are none).  Never fails, allocates nothing. */
Value context_snapshot(void);

/* A Context object for `ctx`: ctx itself if it is one, else a new Context
 * with the snapshot's variables. */
Value context_object(Value ctx);

/* True when ctx is the Context object current in this thread. */
bool context_is_current(Value ctx);

typedef struct {
  Value context, vars;
} ContextSave;

/* Makes `ctx` current: a Context object (RuntimeError "cannot enter
 * context: ... is already entered" when it is), or a snapshot, run as a
 * fresh copy of it.  False with the exception set. */
bool context_enter(Value ctx, ContextSave *save);

/* Restores what context_enter saved.  Returns the context just left in the
 * form to enter again later to continue it (a task's next step): the
 * Context object that was entered or made meanwhile, else the snapshot. */
Value context_leave(ContextSave *save);

#endif
