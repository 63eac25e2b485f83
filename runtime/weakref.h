/* weakref.h — weak references (the _weakref module's ref type).
 *
 * A weak reference does not keep its referent alive: the collector
 * (gc.c) clears every reference to an object it finds unreachable, after
 * marking and before finalizing or sweeping, and queues the callbacks of
 * the references that are themselves still reachable; they run once the
 * collection is over, at the same safe point (CPython's handle_weakrefs).
 *
 * The references to one object are found through a side table keyed by the
 * object's address; the object carries only the GC_WEAKREFED flag, so an
 * object that never had a weak reference costs nothing.
 */
#ifndef GILPY_WEAKREF_H
#define GILPY_WEAKREF_H

#include "runtime/object.h"

extern TypeObject WeakRefType; /* weakref.ReferenceType (weakref.ref) */

/* obj.__weakref__: the first weak reference to obj, or None.  Never fails. */
Value weakref_first(Value obj);
/* Lets instances of a native type (and of its subclasses) be weakly
 * referenced, for the types whose CPython counterparts can be (a native
 * module's init calls it: _asyncio's Future and Task, for instance).
 * Instances of classes, functions, types, sets, generators, modules and
 * code objects always can. */
void weakref_allow_type(TypeObject *t);

/* ---- collector hooks (gc.c), GIL held --------------------------------- */

/* After marking: clears the references to unmarked objects and queues the
 * callbacks of the marked references among them.  Runs nothing. */
void weakref_gc_clear(void);
/* Marks the queued callbacks and their references (a root). */
void weakref_gc_trace(void);
/* Runs the queued callbacks (after the collection, at the safe point that
 * collected).  Errors are reported as "Exception ignored in: <callback>".
 * False, running nothing, when called from inside a callback (a collection
 * there): the outer call runs what that collection queued. */
bool weakref_run_callbacks(void);

#endif
