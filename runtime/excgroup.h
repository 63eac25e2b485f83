/* excgroup.h — what the interpreter's except* needs from exception groups
 * (runtime/excgroup.c); the types themselves are declared in exc.h. */
#ifndef GILPY_EXCGROUP_H
#define GILPY_EXCGROUP_H

#include "runtime/object.h"

/* BaseExceptionGroup(msg, excs): an ExceptionGroup when every item of the
 * list excs is an Exception. */
Value exc_group_new(Value msg, Value excs);

/* The part of group eg whose leaves are the leaves of the exceptions in the
 * list keep, with eg's nesting, message and metadata (split by identity, as
 * CPython's exception_group_projection); None when no leaf is kept. */
Value exc_group_project(Value eg, Value keep);

#endif
