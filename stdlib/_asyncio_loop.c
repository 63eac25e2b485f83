/* _asyncio_loop.c — the event loop's scheduling core (handles, ready queue, timers), in C. */
#include "stdlib/_asyncio.h"

#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"

static StrObject *name_call_soon;
static Value kwnames_context; /* ("context",) */

Value asyncio_call_soon(Value loop, Value callback, Value arg, Value context) {
  Value args[3];
  size_t n = 0;
  args[n++] = callback;
  if (arg) args[n++] = arg;
  args[n] = context ? context : VAL_NONE;
  Value meth = obj_getattr(loop, name_call_soon);
  if (!meth) return VAL_NULL;
  return obj_call(meth, args, n, (TupleObject *)kwnames_context);
}

int asyncio_loop_init(Value module) {
  (void)module;
  name_call_soon = str_intern_cstr("call_soon");
  kwnames_context = tuple_pack(1, (Value)str_intern_cstr("context"));
  gc_add_root(&kwnames_context);
  return 0;
}
