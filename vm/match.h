/* match.h — the run-time checks behind the match statement's opcodes
 * (MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS, MATCH_CLASS; see
 * vm/compile_match.c for the code they appear in).  Worded and ordered as
 * CPython 3.11's ceval.c, whose behaviour they reproduce.
 */
#ifndef GILPY_MATCH_H
#define GILPY_MATCH_H

#include "runtime/object.h"

/* Whether a sequence pattern may match subject (list, tuple, range, deque,
 * their subclasses, and classes that are collections.abc.Sequence by
 * inheritance or registration; never str, bytes or bytearray).  0/1, -1
 * with an error set (an ABC check may run Python code). */
int match_is_sequence(Value subject);
/* The same for mapping patterns (dict and collections.abc.Mapping). */
int match_is_mapping(Value subject);

/* The values of keys (a tuple) in map, looked up with map.get(key, dummy)
 * so that __missing__ never runs: a tuple, None when a key is absent, or
 * VAL_NULL with an error (ValueError on a key listed twice). */
Value match_keys(Value map, Value keys);

/* A class pattern cls(<nargs positional>, **names): isinstance check, then
 * the attributes named by cls.__match_args__ and by names (a tuple of
 * strs).  A tuple of the attributes, None when the match fails (including
 * a missing attribute), or VAL_NULL with a TypeError and the like. */
Value match_class(Value subject, Value cls, uint32_t nargs, Value names);
#endif
