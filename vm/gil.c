/* gil.c — the global interpreter lock.
 *
 * Protocol of the default policy ("new", CPython 3.2+'s):
 *
 *   state: `locked` + `holder`, guarded by `mu`; `cv` wakes waiters,
 *   `switch_cv` wakes a holder that was forced to drop; `switch_number`
 *   counts acquisitions; `nwaiters` counts threads blocked in take.
 *
 *   take(ts):   lock mu; while locked: wait on cv for at most the switch
 *               interval; if the wait timed out and no switch happened
 *               meanwhile (switch_number unchanged), set EB_GIL_DROP in
 *               the eval-breaker (a "drop request").  Then locked = 1,
 *               holder = ts, switch_number++, clear EB_GIL_DROP, signal
 *               switch_cv (a forced dropper may go on), unlock mu.
 *   drop(ts):   record ts's stack top and registers (the collector may
 *               scan them from another thread), lock mu, locked = 0,
 *               signal cv, unlock mu.
 *   yield(ts):  (the holder saw EB_GIL_DROP at a backward jump or call)
 *               drop; if there was a request, wait on switch_cv until
 *               switch_number moved (another thread took the lock), so the
 *               requester really runs instead of the holder winning the
 *               race again; then take.
 *
 * So a CPU-bound holder keeps the lock for at most about one interval
 * while another thread waits, and a thread that blocks in a native
 * (GIL_RELEASE/GIL_ACQUIRE) lets the others in at once.
 *
 * The "ticks" policy is Python 2's: waiters set EB_GIL_DROP at once, and
 * the holder releases every `check_interval` checks and immediately
 * competes again (no forced hand-off: the holder often wins, as in 2.x).
 *
 * Every transition calls gil_event(); with no hook installed that is one
 * relaxed load plus a relaxed counter increment.
 *
 * Nothing here is read without `mu` except the atomics (holder_ts for
 * gil_held, the hook, the counters, the interval and eval_breaker).
 */
#define _GNU_SOURCE
#include "vm/gil.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <string.h>
#include <time.h>

#include "vm/eval.h"

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv;
static pthread_cond_t switch_cv;
static bool locked;                 /* guarded by mu */
static unsigned long nwaiters;      /* guarded by mu */
static unsigned long switch_number; /* guarded by mu */
static _Atomic(ThreadState *) holder_ts;
static _Atomic long interval_us = 5000;
static _Atomic long check_interval = 100;
static _Atomic long ticks_left = 100; /* only the holder changes it */
static _Atomic(GilEventHook) event_hook;
static _Atomic uint64_t event_counts[GIL_EV_COUNT];
static bool initialized;

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* The one place every GIL transition passes through. */
static inline void gil_event(GilEvent ev, ThreadState *ts) {
  atomic_fetch_add_explicit(&event_counts[ev], 1, memory_order_relaxed);
  GilEventHook h = atomic_load_explicit(&event_hook, memory_order_relaxed);
  if (h) h(ev, ts, now_ns());
}

void gil_set_event_hook(GilEventHook hook) { atomic_store(&event_hook, hook); }
uint64_t gil_event_count(GilEvent ev) { return atomic_load(&event_counts[ev]); }

void gil_set_interval_us(long us) { atomic_store(&interval_us, us < 0 ? 0 : us); }
long gil_interval_us(void) { return atomic_load(&interval_us); }
void gil_set_check_interval(long n) { atomic_store(&check_interval, n < 1 ? 1 : n); }

bool gil_held(void) { return ts_current && atomic_load_explicit(&holder_ts, memory_order_relaxed) == ts_current; }

/* Records where the calling thread's stack ends and its registers, for a
 * collector running on another thread.  noinline: the recorded frame
 * address lies below every caller frame that may hold object pointers. */
static __attribute__((noinline)) void save_stack(ThreadState *ts) {
  if (!ts) return;
  setjmp(ts->regs);
  ts->stack_top = __builtin_frame_address(0);
}

static void deadline_after_us(struct timespec *d, long us) {
  clock_gettime(CLOCK_MONOTONIC, d);
  d->tv_sec += us / 1000000;
  d->tv_nsec += (us % 1000000) * 1000;
  if (d->tv_nsec >= 1000000000) {
    d->tv_sec++;
    d->tv_nsec -= 1000000000;
  }
}

/* ---- the "new" policy ---------------------------------------------------- */

/* mu held.  Marks the lock taken by ts. */
static void become_holder(ThreadState *ts) {
  locked = true;
  switch_number++;
  atomic_store(&holder_ts, ts);
  eval_breaker_clear(EB_GIL_DROP);
  pthread_cond_broadcast(&switch_cv);
}

static void new_take(ThreadState *ts) {
  pthread_mutex_lock(&mu);
  if (locked) {
    nwaiters++;
    while (locked) {
      unsigned long seen = switch_number;
      struct timespec d;
      long us = atomic_load(&interval_us);
      deadline_after_us(&d, us < 1 ? 1 : us); /* as CPython: at least 1 us */
      int r = pthread_cond_timedwait(&cv, &mu, &d);
      if (r == ETIMEDOUT && locked && switch_number == seen) {
        eval_breaker_set(EB_GIL_DROP);
        gil_event(GIL_EV_REQUEST, ts);
      }
    }
    nwaiters--;
  }
  become_holder(ts);
  pthread_mutex_unlock(&mu);
}

static void new_release(ThreadState *ts, bool blocking) {
  pthread_mutex_lock(&mu);
  locked = false;
  atomic_store(&holder_ts, NULL);
  pthread_cond_signal(&cv);
  pthread_mutex_unlock(&mu);
}

static void new_yield(ThreadState *ts) {
  bool forced = atomic_load(&eval_breaker) & EB_GIL_DROP;
  save_stack(ts);
  pthread_mutex_lock(&mu);
  locked = false;
  atomic_store(&holder_ts, NULL);
  pthread_cond_signal(&cv);
  gil_event(forced ? GIL_EV_FORCED_DROP : GIL_EV_DROP, ts);
  if (forced) {
    /* Wait until a waiter has actually taken the lock. */
    unsigned long seen = switch_number;
    while (switch_number == seen && nwaiters > 0) pthread_cond_wait(&switch_cv, &mu);
  }
  pthread_mutex_unlock(&mu);
  new_take(ts);
  gil_event(GIL_EV_TAKE, ts);
}

/* ---- the "ticks" policy (Python 2) -------------------------------------- */

static void ticks_take(ThreadState *ts) {
  pthread_mutex_lock(&mu);
  if (locked) {
    nwaiters++;
    eval_breaker_set(EB_GIL_DROP);
    gil_event(GIL_EV_REQUEST, ts);
    while (locked) pthread_cond_wait(&cv, &mu);
    nwaiters--;
  }
  locked = true;
  switch_number++;
  atomic_store(&holder_ts, ts);
  /* Waiters remain: keep asking the holder to check in. */
  if (nwaiters == 0) eval_breaker_clear(EB_GIL_DROP);
  pthread_mutex_unlock(&mu);
}

static void ticks_yield(ThreadState *ts) {
  if (atomic_fetch_sub_explicit(&ticks_left, 1, memory_order_relaxed) > 1) return;
  atomic_store_explicit(&ticks_left, atomic_load(&check_interval), memory_order_relaxed);
  save_stack(ts);
  new_release(ts, false);
  gil_event(GIL_EV_DROP, ts);
  sched_yield();
  ticks_take(ts);
  gil_event(GIL_EV_TAKE, ts);
}

static const GilPolicy policies[] = {
    {"new", new_take, new_release, new_yield},
    {"ticks", ticks_take, new_release, ticks_yield},
};
static _Atomic(const GilPolicy *) policy = &policies[0];

int gil_set_policy(const char *name) {
  for (size_t i = 0; i < sizeof policies / sizeof policies[0]; i++)
    if (!strcmp(policies[i].name, name)) {
      atomic_store(&policy, &policies[i]);
      return 0;
    }
  return -1;
}

const char *gil_policy_name(void) { return atomic_load(&policy)->name; }

/* ---- the interface ------------------------------------------------------- */

void gil_init(void) {
  if (initialized) return;
  initialized = true;
  pthread_condattr_t a;
  pthread_condattr_init(&a);
  pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
  pthread_cond_init(&cv, &a);
  pthread_cond_init(&switch_cv, &a);
  pthread_condattr_destroy(&a);
}

void gil_take(ThreadState *ts) {
  atomic_load(&policy)->take(ts);
  ts_current = ts;
  gil_event(GIL_EV_TAKE, ts);
}

void gil_drop(ThreadState *ts) {
  save_stack(ts);
  gil_event(GIL_EV_DROP, ts);
  atomic_load(&policy)->release(ts, false);
}

void gil_yield(ThreadState *ts) {
  atomic_load(&policy)->yield(ts);
  ts_current = ts;
}

void gil_release_exiting(void) {
  gil_event(GIL_EV_DROP, NULL);
  atomic_load(&policy)->release(NULL, false);
}

void gil_release_blocking(ThreadState *ts) {
  save_stack(ts);
  gil_event(GIL_EV_RELEASE_BLOCKING, ts);
  atomic_load(&policy)->release(ts, true);
}

void gil_acquire_blocking(ThreadState *ts) {
  atomic_load(&policy)->take(ts);
  ts_current = ts;
  gil_event(GIL_EV_REACQUIRE, ts);
}

/* ---- pending calls --------------------------------------------------------- */

#define NPENDING 32
static pthread_mutex_t pending_mu = PTHREAD_MUTEX_INITIALIZER;
static struct {
  int (*fn)(void *);
  void *arg;
} pending[NPENDING];
static unsigned pending_first, pending_count; /* guarded by pending_mu */

int gil_add_pending_call(int (*fn)(void *), void *arg) {
  pthread_mutex_lock(&pending_mu);
  if (pending_count == NPENDING) {
    pthread_mutex_unlock(&pending_mu);
    return -1;
  }
  unsigned i = (pending_first + pending_count++) % NPENDING;
  pending[i].fn = fn;
  pending[i].arg = arg;
  pthread_mutex_unlock(&pending_mu);
  eval_breaker_set(EB_PENDING);
  return 0;
}

int gil_run_pending_calls(void) {
  if (ts_current != ts_all) return 0; /* the main thread runs them */
  eval_breaker_clear(EB_PENDING);
  for (;;) {
    pthread_mutex_lock(&pending_mu);
    if (!pending_count) {
      pthread_mutex_unlock(&pending_mu);
      return 0;
    }
    int (*fn)(void *) = pending[pending_first].fn;
    void *arg = pending[pending_first].arg;
    pending_first = (pending_first + 1) % NPENDING;
    pending_count--;
    pthread_mutex_unlock(&pending_mu);
    if (fn(arg) < 0) {
      pthread_mutex_lock(&pending_mu);
      if (pending_count) eval_breaker_set(EB_PENDING);
      pthread_mutex_unlock(&pending_mu);
      return -1;
    }
  }
}

/* ---- fork (os.fork's hooks) ---------------------------------------------- */

/* The forking thread holds the GIL.  Holding mu across fork() means no
 * other thread is half-way through a GIL transition in the child's copy. */
void os_before_fork(void) { pthread_mutex_lock(&mu); }

void os_after_fork_parent(void) { pthread_mutex_unlock(&mu); }

/* Only the forking thread exists in the child: fresh primitives, the lock
 * held by it, no waiters, and the other threads' states dropped. */
void os_after_fork_child(void) {
  pthread_mutex_init(&mu, NULL);
  initialized = false;
  gil_init();
  locked = true;
  nwaiters = 0;
  atomic_store(&holder_ts, ts_current);
  eval_breaker_clear(EB_GIL_DROP);
  pthread_mutex_init(&pending_mu, NULL);
  pending_count = 0;
  ts_forget_others(ts_current);
  thread_after_fork_child();
}
