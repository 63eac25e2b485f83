/* signals.c — OS signals delivered to Python code through the eval-breaker.
 *
 * The C handler (eval_signal_trip) only records the signal number in an
 * atomic flag and sets EB_SIGNALS: it is async-signal-safe and touches no
 * object.  The main thread, at its next eval-breaker check, runs the
 * Python-level handler registered for the signal (eval_signal_set_handler,
 * for a `signal` module), or for SIGINT with none registered raises
 * KeyboardInterrupt, as CPython's default handler does.  Other threads
 * leave the work to the main thread (CPython runs handlers only there).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/thread.h"
#include "vm/eval.h"

enum { NSIG_MAX = 65 };

static _Atomic int pending[NSIG_MAX];
static _Atomic int any_pending;
/* Python handlers by signal number (VAL_NULL: default action).  Changed
 * only by the GIL holder; registered as GC roots on first use. */
static Value handlers[NSIG_MAX];
static bool roots_added;

void eval_signal_trip(int signum) {
  if (signum <= 0 || signum >= NSIG_MAX) return;
  atomic_store(&pending[signum], 1);
  atomic_store(&any_pending, 1);
  eval_breaker_set(EB_SIGNALS);
}

static void c_handler(int signum) {
  int saved = errno;
  eval_signal_trip(signum);
  errno = saved;
}

int eval_signal_set_handler(int signum, Value handler) {
  if (signum <= 0 || signum >= NSIG_MAX) return ERR_INT(err_set(&Exc_ValueError, "signal number out of range"));
  if (!roots_added) {
    for (int i = 0; i < NSIG_MAX; i++) gc_add_root(&handlers[i]);
    roots_added = true;
  }
  handlers[signum] = handler;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = handler ? c_handler : (signum == SIGINT ? c_handler : SIG_DFL);
  return sigaction(signum, &sa, NULL) == 0 ? 0 : ERR_INT(err_set(&Exc_OSError, "sigaction failed"));
}

Value eval_signal_get_handler(int signum) {
  if (signum <= 0 || signum >= NSIG_MAX) return VAL_NULL;
  return handlers[signum];
}

void eval_signals_init(void) {
  /* As CPython: only when SIGINT has its default action (a background job
   * of a non-interactive shell inherits SIG_IGN and must keep it). */
  struct sigaction old;
  if (sigaction(SIGINT, NULL, &old) != 0 || old.sa_handler != SIG_DFL) return;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = c_handler;
  sigaction(SIGINT, &sa, NULL);
}

int eval_run_pending_signals(void) {
  ThreadState *ts = ts_current;
  if (ts != ts_all) return 0; /* only the main thread runs handlers */
  eval_breaker_clear(EB_SIGNALS);
  if (!atomic_exchange(&any_pending, 0)) return 0;
  for (int s = 1; s < NSIG_MAX; s++) {
    if (!atomic_exchange(&pending[s], 0)) continue;
    Value h = handlers[s];
    if (h) {
      Value args[2] = {val_from_int(s), VAL_NONE};
      if (!obj_call(h, args, 2, NULL)) {
        /* Keep the others for the next check. */
        atomic_store(&any_pending, 1);
        for (int t = s + 1; t < NSIG_MAX; t++)
          if (atomic_load(&pending[t])) eval_breaker_set(EB_SIGNALS);
        return -1;
      }
    } else if (s == SIGINT) {
      err_set_value((Value)&Exc_KeyboardInterrupt);
      return -1;
    }
  }
  return 0;
}
