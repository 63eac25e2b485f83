/* thread.h — per-OS-thread interpreter state and the eval-breaker word.
 *
 * One ThreadState per OS thread that runs gilpy code, linked in a registry
 * that the GC walks for roots.  ts_current is the calling thread's state.
 * The GIL (vm/gil.h) decides which single thread may touch the heap.
 */
#ifndef GILPY_THREAD_H
#define GILPY_THREAD_H

#include <setjmp.h>
#include <stdatomic.h>
#include "runtime/object.h"

struct Frame;

/* A running generator's caller's handled exception, saved while the
 * generator runs with its own (CPython's _PyErr_StackItem chain).  The
 * nodes live in gen_resume's C frame, innermost first. */
typedef struct ExcOuter {
  Value exc;
  struct ExcOuter *outer;
} ExcOuter;

typedef struct ThreadState {
  struct ThreadState *prev, *next; /* registry (guarded by the GIL) */
  struct Frame *frame;       /* innermost running frame, VAL_NULL-free chain via Frame.back */
  Value cur_exc;             /* exception being raised, or VAL_NULL */
  Value handled_exc;         /* exception handled by the innermost running generator (or
                                the thread, outside generators), or VAL_NULL */
  ExcOuter *exc_outer;       /* the callers' handled exceptions; see thread_handled_exc */
  int recursion_depth;       /* Python-level call depth */
  int c_depth;               /* native re-entries into eval (guards the C stack) */

  /* Conservative stack scanning: the stack extent and registers of this
   * thread when it last released the GIL (or now, for the collector). */
  void *stack_base;          /* highest address of the thread's stack */
  void *stack_top;           /* lowest live address, stored when releasing the GIL */
  /* The innermost eval-loop activation's lower bound: at the loop's own
   * safe points every live value is in the VM's frames (traced precisely),
   * so the collector scans this thread's stack only from here up, skipping
   * stale words in the loop's C frame (vm/eval.c). */
  void *eval_scan_lo;
  bool at_eval_safepoint;    /* set while the loop serves its eval-breaker */
  jmp_buf regs;              /* callee-saved registers at that moment */

  unsigned long ident;       /* threading.get_ident() */
  long native_id;            /* threading.get_native_id() */
  Value thread_obj;          /* the threading.Thread object, if any */
  Value data;                /* per-thread dict for natives (threading.local etc.) */
  Value boot;                /* (func, args, kwargs) of a thread not yet started, or VAL_NULL */
  /* The current contextvars context (stdlib/_contextvars.c): a Context
   * object, or VAL_NULL for an anonymous copy whose variables are
   * context_vars (VAL_NULL: none). */
  Value context;
  Value context_vars;
} ThreadState;

extern _Thread_local ThreadState *ts_current;
/* The registry's head (main thread first). */
extern ThreadState *ts_all;

ThreadState *ts_new(void);             /* registers; caller holds the GIL */
/* Registers a state for a thread about to be created by the caller (GIL
 * held); the new thread calls ts_attach() right after its first gil_take
 * (until then its stack holds no object and stack_base stays NULL). */
ThreadState *ts_new_unattached(void);
void ts_attach(ThreadState *ts);
/* After fork(): drops every state but `keep` (their threads do not exist
 * in the child). */
void ts_forget_others(ThreadState *keep);
/* stdlib/_thread.c: fixes the threading module's view after fork(). */
void thread_after_fork_child(void);
/* stdlib/_thread.c: at interpreter exit, joins the non-daemon threads
 * (threading._shutdown) and flushes the standard streams; once only. */
void threads_shutdown(void);
/* Number of registered thread states (GIL held). */
size_t ts_count(void);
void ts_delete(ThreadState *ts);       /* unregisters; caller holds the GIL */
void ts_trace_all(void);               /* GC: marks every thread's roots */

/* The interpreter's recursion limit (sys.setrecursionlimit). */
extern int recursion_limit;

/* The eval-breaker: any non-zero bit makes the eval loop leave its fast
 * path at the next backward jump or call and run eval_handle_breaker(). */
enum {
  EB_GC = 1u << 0,           /* a collection is requested */
  EB_GIL_DROP = 1u << 1,     /* another thread waits for the GIL */
  EB_SIGNALS = 1u << 2,      /* a signal handler ran (SIGINT -> KeyboardInterrupt) */
  EB_PENDING = 1u << 3,      /* pending calls queued from other threads */
  EB_ASYNC_EXC = 1u << 4,    /* an exception was injected into a thread */
};
extern _Atomic uint32_t eval_breaker;
static inline void eval_breaker_set(uint32_t bits) { atomic_fetch_or(&eval_breaker, bits); }
static inline void eval_breaker_clear(uint32_t bits) { atomic_fetch_and(&eval_breaker, ~bits); }
/* The exception being handled as sys.exc_info() sees it: the innermost
 * running generator's own, else its caller's, and so on outwards. */
static inline Value thread_handled_exc(const ThreadState *ts) {
  if (ts->handled_exc && ts->handled_exc != VAL_NONE) return ts->handled_exc;
  for (const ExcOuter *o = ts->exc_outer; o; o = o->outer)
    if (o->exc && o->exc != VAL_NONE) return o->exc;
  return VAL_NULL;
}

#endif
