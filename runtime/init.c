/* init.c — start-up and shut-down order of the runtime.
 *
 * Each area owns one init function; the order is fixed here: memory and
 * names first, then the type system, the concrete types, exceptions, the
 * compiler and the VM (which creates the main thread state), and last the
 * builtins and sys modules, which need everything else.
 */
#include "runtime/gilpy.h"

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/names.h"
#include "runtime/thread.h"

void types_init(void);
void num_init(void);
void str_init(void);
void containers_init(void);
void exc_types_init(void);
void compiler_init(void);
void vm_init(void);
void builtins_init(void);

void runtime_init(int argc, char **argv) {
  gc_init();
  gc_set_enabled(false); /* no collection while the type system is half-built */
  names_init();
  types_init();
  num_init();
  str_init();
  containers_init();
  exc_types_init();
  compiler_init();
  vm_init();
  builtins_init();
  sys_set_argv(argc, argv);
  gc_set_enabled(true);
}

/* atexit callbacks, when the script imported atexit (stdlib/lib/atexit.py). */
static void run_atexit_callbacks(void) {
  Value mod = sys_modules ? dict_get_cstr(sys_modules, "atexit") : VAL_NULL;
  Value run = mod ? obj_getattr_cstr(mod, "_run_exitfuncs") : VAL_NULL;
  if (run && !obj_call0(run)) err_print_current();
  err_clear();
}

bool runtime_finalizing;

int runtime_finalize(int status) {
  threads_shutdown();      /* join non-daemon threads first: they may still use anything */
  run_atexit_callbacks();
  runtime_finalizing = true;
  gc_finalize_remaining(); /* what module teardown would finalize in CPython */
  fileio_flush_std();
  return status;
}
