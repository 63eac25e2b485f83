/* gil.h — the global interpreter lock: one thread at a time runs bytecode
 * or touches the heap.  The protocol is described at the top of gil.c and
 * in docs/gil.md.
 *
 * Invariants: a thread calls gil_take before touching any object and
 * gil_drop/gil_yield only while holding the lock.  Everything here that is
 * read without the lock is atomic. */
#ifndef GILPY_GIL_H
#define GILPY_GIL_H
#include <stdbool.h>
#include <stdint.h>

#include "runtime/thread.h"

void gil_init(void);
/* Blocks until the calling thread holds the GIL; makes ts current. */
void gil_take(ThreadState *ts);
/* Releases the GIL, recording ts's stack top and registers for the
 * collector (which may run on another thread meanwhile). */
void gil_drop(ThreadState *ts);
/* Called by the holder when the eval-breaker asks for a switch: drops the
 * lock and takes it again, letting a waiting thread in first. */
void gil_yield(ThreadState *ts);
/* Releases the GIL for good on behalf of an exiting thread (whose state is
 * already deleted: nothing of its stack needs scanning). */
void gil_release_exiting(void);
/* True if the calling thread holds the GIL. */
bool gil_held(void);

/* sys.setswitchinterval / getswitchinterval, in microseconds. */
void gil_set_interval_us(long us);
long gil_interval_us(void);

/* ---- events: every GIL transition passes through gil_event() ---------- */
typedef enum {
  GIL_EV_REQUEST,       /* a waiter timed out and asked the holder to drop */
  GIL_EV_TAKE,          /* the lock was acquired */
  GIL_EV_DROP,          /* released voluntarily (yield without a request) */
  GIL_EV_FORCED_DROP,   /* released because a drop request was pending */
  GIL_EV_RELEASE_BLOCKING, /* released around a blocking native */
  GIL_EV_REACQUIRE,     /* taken back after a blocking native */
  GIL_EV_COUNT
} GilEvent;
/* Receives (event, thread, monotonic nanoseconds).  NULL (the default)
 * costs one relaxed atomic load per transition.  The hook runs with or
 * without the GIL held (see the event): it must touch no object. */
typedef void (*GilEventHook)(GilEvent ev, ThreadState *ts, uint64_t now_ns);
void gil_set_event_hook(GilEventHook hook);
/* Built-in counters, always kept (cheap atomics): per-event totals. */
uint64_t gil_event_count(GilEvent ev);

/* ---- policies ---------------------------------------------------------- */
/* A policy decides when the holder gives the lock away.  `take` and
 * `release` implement acquisition; `yield` runs when the eval-breaker's
 * EB_GIL_DROP bit is seen by the holder. */
typedef struct GilPolicy {
  const char *name;
  void (*take)(ThreadState *ts);
  void (*release)(ThreadState *ts, bool blocking);
  void (*yield)(ThreadState *ts);
} GilPolicy;
/* "new" (CPython 3.2+: timed drop requests, forced hand-off, the default)
 * and "ticks" (Python 2: the holder releases every N checks and races the
 * waiters for it).  Returns -1 for an unknown name.  Only while a single
 * thread exists. */
int gil_set_policy(const char *name);
const char *gil_policy_name(void);
void gil_set_check_interval(long n); /* the "ticks" policy's N */

/* ---- pending calls ----------------------------------------------------- */
/* Queues fn(arg) to run in the main thread at its next eval-breaker check
 * (callable from any thread, without the GIL; not from a signal handler).
 * Returns -1 if the queue is full. */
int gil_add_pending_call(int (*fn)(void *), void *arg);
/* Runs the queued calls (eval loop, main thread, GIL held); -1 if one failed. */
int gil_run_pending_calls(void);

/* ---- brackets for blocking natives ------------------------------------- */
/* Blocking native work goes between GIL_RELEASE() and GIL_ACQUIRE() in the
 * same block, and touches no object in between (copy what it needs to C
 * memory first). */
void gil_release_blocking(ThreadState *ts);
void gil_acquire_blocking(ThreadState *ts);
#define GIL_RELEASE() do { ThreadState *gil_saved_ts_ = ts_current; gil_release_blocking(gil_saved_ts_)
#define GIL_ACQUIRE() gil_acquire_blocking(gil_saved_ts_); } while (0)
#endif
