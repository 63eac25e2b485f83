/* test_gil.c — unit tests for the GIL: hand-off between two pthreads,
 * forced drops under contention, the event hook, pending calls and the
 * switch interval. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdatomic.h>

#include "runtime/gilpy.h"
#include "runtime/thread.h"
#include "vm/eval.h"
#include "vm/gil.h"

static void setup(void) { runtime_init(0, NULL); }
TestSuite(gil, .init = setup);

static _Atomic int inside;  /* threads currently holding the GIL */
static _Atomic int overlap; /* times two were inside at once */
static _Atomic int events_seen;

static void hold_briefly(void) {
  if (atomic_fetch_add(&inside, 1) != 0) atomic_fetch_add(&overlap, 1);
  for (volatile int i = 0; i < 1000; i++) {
  }
  atomic_fetch_sub(&inside, 1);
}

/* A second OS thread with its own state takes and drops the GIL; the main
 * thread does the same through yields: never both inside at once. */
static void *other(void *arg) {
  ThreadState *ts = arg;
  gil_take(ts);
  ts_attach(ts);
  for (int i = 0; i < 200; i++) {
    hold_briefly();
    gil_yield(ts);
  }
  ts_delete(ts);
  gil_release_exiting();
  return NULL;
}

Test(gil, mutual_exclusion_and_handoff) {
  ThreadState *main_ts = ts_current;
  ThreadState *ts = ts_new_unattached();
  pthread_t t;
  cr_assert_eq(pthread_create(&t, NULL, other, ts), 0);
  for (int i = 0; i < 200; i++) {
    hold_briefly();
    /* A waiter asks for the lock through the eval-breaker. */
    if (atomic_load(&eval_breaker) & EB_GIL_DROP) gil_yield(main_ts);
  }
  GIL_RELEASE();
  pthread_join(t, NULL);
  GIL_ACQUIRE();
  cr_assert_eq(ts_current, main_ts);
  cr_assert_eq(atomic_load(&overlap), 0);
  cr_assert(gil_held());
  cr_assert_eq(ts_count(), 1);
}

static void hook(GilEvent ev, ThreadState *ts, uint64_t now_ns) {
  if (ev == GIL_EV_RELEASE_BLOCKING || ev == GIL_EV_REACQUIRE) atomic_fetch_add(&events_seen, 1);
}

Test(gil, event_hook_and_counters) {
  uint64_t before = gil_event_count(GIL_EV_RELEASE_BLOCKING);
  gil_set_event_hook(hook);
  GIL_RELEASE();
  GIL_ACQUIRE();
  gil_set_event_hook(NULL);
  cr_assert_eq(atomic_load(&events_seen), 2);
  cr_assert_eq(gil_event_count(GIL_EV_RELEASE_BLOCKING), before + 1);
}

static int calls;
static int pending_fn(void *arg) {
  calls += *(int *)arg;
  return 0;
}

Test(gil, pending_calls_run_at_the_breaker) {
  static int one = 1, two = 2;
  cr_assert_eq(gil_add_pending_call(pending_fn, &one), 0);
  cr_assert_eq(gil_add_pending_call(pending_fn, &two), 0);
  cr_assert(atomic_load(&eval_breaker) & EB_PENDING);
  cr_assert_eq(eval_handle_breaker(), 0);
  cr_assert_eq(calls, 3);
  cr_assert_eq(atomic_load(&eval_breaker) & EB_PENDING, 0);
}

Test(gil, switch_interval_and_policies) {
  cr_assert_eq(gil_interval_us(), 5000);
  gil_set_interval_us(1000);
  cr_assert_eq(gil_interval_us(), 1000);
  gil_set_interval_us(5000);
  cr_assert_str_eq(gil_policy_name(), "new");
  cr_assert_eq(gil_set_policy("ticks"), 0);
  cr_assert_str_eq(gil_policy_name(), "ticks");
  cr_assert_eq(gil_set_policy("nope"), -1);
  cr_assert_eq(gil_set_policy("new"), 0);
}
