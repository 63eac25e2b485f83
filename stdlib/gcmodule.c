/* gcmodule.c — the gc module: explicit collections and the on/off switch.
 *
 * gilpy's collector is not generational, so every collection is a full one
 * and the generation argument of collect() only gets checked.
 */
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/native.h"

static Value gc_m_collect(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)self;
  static ArgSpec spec = ARGSPEC("collect(generation=2)");
  Value gen;
  if (!args_bind(&spec, args, nargs, kwnames, &gen)) return VAL_NULL;
  if (gen) {
    ssize_t g;
    if (!args_index(gen, &g)) return VAL_NULL;
    if (g < 0 || g > 2) return err_set(&Exc_ValueError, "invalid generation");
  }
  size_t before = gc_stats().freed_objects;
  gc_collect();
  /* This collection scans the whole C stack, where the loop's activation
   * may keep stale copies of dropped values; the loop's safe point right
   * after this call collects once more with the precise view of its frames. */
  gc_request_collection_now();
  return val_from_int((intptr_t)(gc_stats().freed_objects - before));
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
    {"collect", gc_m_collect, 0, "Run a full collection; return the number of objects freed."},
    {"enable", gc_m_enable, 0, "Enable automatic garbage collection."},
    {"disable", gc_m_disable, 0, "Disable automatic garbage collection."},
    {"isenabled", gc_m_isenabled, 0, "Returns true if automatic garbage collection is enabled."},
    {NULL},
};

const NativeModuleDef gc_module_def = {"gc", gc_functions, NULL};
