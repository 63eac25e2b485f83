/* gil.c — the global interpreter lock, single-threaded placeholder.
 *
 * Until OS threads exist the main thread is the only holder: taking the
 * lock just makes `ts` current, dropping it records where the thread's
 * stack ends (what a collector running on another thread would scan).
 * The real implementation (CPython's "new GIL" policy) replaces this file.
 */
#include "vm/gil.h"

#include <setjmp.h>

void gil_init(void) {}

void gil_take(ThreadState *ts) { ts_current = ts; }

void gil_drop(ThreadState *ts) {
  if (!ts) return;
  char here;
  ts->stack_top = &here;
  setjmp(ts->regs);
}
