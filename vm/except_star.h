/* except_star.h — the run-time half of try/except* (PEP 654): what the
 * CHECK_EG_MATCH and PREP_RERAISE_STAR opcodes compute (see comp_try_star
 * in vm/compile_stmt.c for the code they appear in).  Behaviour and
 * wording are CPython 3.11's ceval.c and Objects/exceptions.c.
 */
#ifndef GILPY_EXCEPT_STAR_H
#define GILPY_EXCEPT_STAR_H

#include "runtime/object.h"

/* One except* clause: the part of exc (an exception, or None when earlier
 * clauses took all of it) that matches type.  Sets *match to it (a group;
 * a matching naked exception is wrapped in ExceptionGroup('', (exc,))) and
 * *rest to what is left (None when nothing); *match is None when nothing
 * matches, and exc then stays as it is.  -1 with a TypeError when type is
 * not an exception class (or tuple of them) or is an exception group. */
int except_star_match(Value exc, Value type, Value *match, Value *rest);

/* After the clauses: orig is the exception the try caught, raised the list
 * of what the handlers raised or re-raised, ending with the unmatched rest
 * (or None).  Returns the exception to re-raise, or None when everything
 * was handled: re-raised parts are put back into orig's shape, and new
 * exceptions join them in ExceptionGroup('', [...]).  VAL_NULL on error. */
Value except_star_prep_reraise(Value orig, Value raised);

#endif
