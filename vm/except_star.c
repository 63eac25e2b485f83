/* except_star.c — CHECK_EG_MATCH and PREP_RERAISE_STAR (PEP 654).
 *
 * A try/except* keeps [orig, raised, rest] on the stack while its clauses
 * run: each clause splits its part off rest, and whatever a handler
 * raises (a bare `raise` included) is appended to raised.  A handler's
 * bare `raise` re-raises its part unchanged, so the part still has orig's
 * traceback, cause and context; that is how the end of the statement tells
 * re-raised parts (merged back into orig's nesting) from new exceptions.
 */
#include "vm/except_star.h"

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/excgroup.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

static bool is_exception_class(Value t) {
  return val_is_obj(t) && (t->type->flags & TP_TYPE_SUBCLASS) && (AS(TypeObject, t)->flags & TP_EXC_SUBCLASS);
}

/* CPython checks every item of a tuple before matching anything. */
static int check_star_type(Value type) {
  ssize_t n = val_is_tuple(type) ? TUPLE_LEN(type) : 1;
  const Value *items = val_is_tuple(type) ? TUPLE_ITEMS(type) : &type;
  for (ssize_t i = 0; i < n; i++)
    if (!is_exception_class(items[i]))
      return ERR_INT(err_set(&Exc_TypeError, "catching classes that do not inherit from BaseException is not allowed"));
  for (ssize_t i = 0; i < n; i++)
    if (type_is_subtype(AS(TypeObject, items[i]), &Exc_BaseExceptionGroup))
      return ERR_INT(err_set(&Exc_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead."));
  return 0;
}

static bool given_matches(Value exc, Value type) {
  ssize_t n = val_is_tuple(type) ? TUPLE_LEN(type) : 1;
  const Value *items = val_is_tuple(type) ? TUPLE_ITEMS(type) : &type;
  for (ssize_t i = 0; i < n; i++)
    if (type_is_subtype(val_type(exc), AS(TypeObject, items[i]))) return true;
  return false;
}

int except_star_match(Value exc, Value type, Value *match, Value *rest) {
  *match = *rest = VAL_NONE;
  if (check_star_type(type) < 0) return -1;
  if (exc == VAL_NONE) return 0;
  if (given_matches(exc, type)) {
    if (exc_is_group(exc)) {
      *match = exc;
      return 0;
    }
    Value wrapped = exc_group_new(str_from_cstr(""), tuple_pack(1, exc));
    if (!wrapped) return -1;
    *match = wrapped;
    return 0;
  }
  if (!exc_is_group(exc)) return 0;
  Value pair = obj_call_method(exc, str_intern_cstr("split"), &type, 1);
  if (!pair) return -1;
  if (!val_is_tuple(pair) || TUPLE_LEN(pair) != 2)
    return ERR_INT(err_set(&Exc_TypeError, "split must return a 2-tuple, got %T", pair));
  *match = TUPLE_ITEMS(pair)[0];
  *rest = TUPLE_ITEMS(pair)[1];
  return 0;
}

/* A re-raised part carries orig's metadata (split copies it); __notes__ is
 * not compared, as in CPython 3.11, where notes live in the __dict__. */
static bool same_metadata(Value e, Value orig) {
  if (!val_is_exception(e)) return false;
  ExceptionObject *a = AS(ExceptionObject, e), *b = AS(ExceptionObject, orig);
  return a->traceback == b->traceback && a->cause == b->cause && a->context == b->context;
}

Value except_star_prep_reraise(Value orig, Value raised) {
  ssize_t n = LIST_LEN(raised);
  if (n == 0) return VAL_NONE;
  /* A naked exception went through at most one clause: its own handler's
   * exception, the wrapped group re-raised, None, or itself unmatched. */
  if (!exc_is_group(orig)) return LIST_ITEMS(raised)[0];
  Value new_excs = list_new(0), reraised = list_new(0);
  for (ssize_t i = 0; i < n; i++) {
    Value e = LIST_ITEMS(raised)[i];
    if (e == VAL_NONE) continue;
    if (list_append(same_metadata(e, orig) ? reraised : new_excs, e) < 0) return VAL_NULL;
  }
  Value reraised_eg = exc_group_project(orig, reraised);
  if (!reraised_eg) return VAL_NULL;
  if (LIST_LEN(new_excs) == 0) return reraised_eg;
  if (reraised_eg != VAL_NONE && list_append(new_excs, reraised_eg) < 0) return VAL_NULL;
  if (LIST_LEN(new_excs) == 1) return LIST_ITEMS(new_excs)[0];
  return exc_group_new(str_from_cstr(""), new_excs);
}
