/* gcmodule.c — _gc, the native half of the gc module (stdlib/lib/gc.py).
 *
 * gc.collect() is written in gilpy so that its collection happens at the
 * eval loop's safe point right after _request_collection() returns: there
 * the collector sees the loop's frames precisely, while a collection run
 * from inside a native would also scan the loop's C frame conservatively,
 * where stale copies of dropped values could keep garbage (and weakly
 * referenced objects) alive.  gilpy's collector is not generational: every
 * collection is a full one.
 */
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/native.h"

static size_t freed_before_request;

static Value gc_m_request(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)self;
  static ArgSpec spec = ARGSPEC("collect(generation=2)");
  Value gen;
  if (!args_bind(&spec, args, nargs, kwnames, &gen)) return VAL_NULL;
  if (gen) {
    ssize_t g;
    if (!args_index(gen, &g)) return VAL_NULL;
    if (g < 0 || g > 2) return err_set(&Exc_ValueError, "invalid generation");
  }
  freed_before_request = gc_stats().freed_objects;
  gc_request_collection_forced();
  return VAL_NONE;
}

static Value gc_m_collected(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)self;
  (void)args;
  if (!args_no_kw("_collected", kwnames) || !args_count("_collected", nargs, 0, 0)) return VAL_NULL;
  return val_from_int((intptr_t)(gc_stats().freed_objects - freed_before_request));
}

static Value gc_m_enable(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)self;
  (void)args;
  if (!args_no_kw("enable", kwnames) || !args_count("enable", nargs, 0, 0)) return VAL_NULL;
  gc_set_enabled(true);
  return VAL_NONE;
}

static Value gc_m_disable(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)self;
  (void)args;
  if (!args_no_kw("disable", kwnames) || !args_count("disable", nargs, 0, 0)) return VAL_NULL;
  gc_set_enabled(false);
  return VAL_NONE;
}

static Value gc_m_isenabled(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)self;
  (void)args;
  if (!args_no_kw("isenabled", kwnames) || !args_count("isenabled", nargs, 0, 0)) return VAL_NULL;
  return val_bool(gc_is_enabled());
}

static const NativeDef gc_functions[] = {
    {"_request_collection", gc_m_request, 0, "Asks for a full collection at the next safe point."},
    {"_collected", gc_m_collected, 0, "Objects freed since the last _request_collection()."},
    {"enable", gc_m_enable, 0, "Enable automatic garbage collection."},
    {"disable", gc_m_disable, 0, "Disable automatic garbage collection."},
    {"isenabled", gc_m_isenabled, 0, "Returns true if automatic garbage collection is enabled."},
    {NULL},
};

const NativeModuleDef _gc_module_def = {"_gc", gc_functions, NULL};
