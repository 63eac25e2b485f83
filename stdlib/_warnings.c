/* _warnings.c — warnings.warn and warnings.warn_explicit as native functions.
 *
 * The filtering and showing is Python (stdlib/lib/warnings.py: _warn_impl,
 * _warn_explicit_impl); these wrappers only make the calls frameless, as
 * CPython's C implementation is: a warning turned into an error is raised
 * here, so its traceback starts at the code that called warn(), and
 * stacklevel counts from that code.
 */
#include "runtime/error.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"

/* Calls warnings.<impl>(*args): it returns None, or the Warning to raise. */
static Value call_impl(const char *impl, Value *args, size_t nargs) {
  Value warnings = import_module_cstr("warnings");
  if (!warnings) return VAL_NULL;
  Value fn = obj_getattr_cstr(warnings, impl);
  if (!fn) return VAL_NULL;
  Value r = obj_call(fn, args, nargs, NULL);
  if (!r || r == VAL_NONE) return r;
  return err_set_value(r);
}

static Value w_warn(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)self;
  static ArgSpec spec = ARGSPEC("warn(message, category=None, stacklevel=1, source=None)");
  Value a[4];
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  if (!a[1]) a[1] = VAL_NONE;
  if (!a[2]) a[2] = val_from_int(1);
  if (!a[3]) a[3] = VAL_NONE;
  return call_impl("_warn_impl", a, 4);
}

static Value w_warn_explicit(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)self;
  static ArgSpec spec = ARGSPEC(
      "warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, "
      "source=None)");
  Value a[8];
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  for (int i = 4; i < 8; i++)
    if (!a[i]) a[i] = VAL_NONE;
  return call_impl("_warn_explicit_impl", a, 8);
}

static const NativeDef warnings_functions[] = {
    {"warn", w_warn, 0, "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", w_warn_explicit, 0, "Low-level interface to warnings functionality."},
    {NULL, NULL, 0, NULL},
};

const NativeModuleDef _warnings_module_def = {"_warnings", warnings_functions, NULL};
