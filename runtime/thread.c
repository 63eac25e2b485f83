/* thread.c — the registry of thread states, the eval-breaker word and the
 * recursion limit.
 *
 * Each OS thread that runs gilpy code owns one ThreadState, linked into
 * ts_all (main thread first).  The registry is changed only by the GIL
 * holder, and the GC (also the GIL holder) walks it for roots: every
 * thread's frame chain, its current/handled exceptions, its threading
 * objects and the (function, args, kwargs) of a thread not yet started.
 * ts_new records the stack extent of the *calling* thread (for the
 * conservative scan), so it must run on the thread the state is for; a
 * thread created by another one gets its state from ts_new_unattached()
 * (stack_base NULL: nothing to scan yet) and calls ts_attach() once it
 * holds the GIL.
 */
#define _GNU_SOURCE
#include "runtime/thread.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "runtime/gc.h"
#include "vm/eval.h"
#include "vm/frame.h"

_Thread_local ThreadState *ts_current;
ThreadState *ts_all;
_Atomic uint32_t eval_breaker;
int recursion_limit = 1000;

static void *find_stack_base(void) {
  pthread_attr_t attr;
  void *addr = NULL;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  if (!addr) /* No attributes: just above the current frame is a usable bound. */
    return (char *)__builtin_frame_address(0) + 4096;
  return (char *)addr + size;
}

ThreadState *ts_new_unattached(void) {
  ThreadState *ts = calloc(1, sizeof *ts);
  if (!ts) {
    fprintf(stderr, "gilpy: out of memory (thread state)\n");
    abort();
  }
  /* Append, so that the main thread stays first. */
  if (!ts_all) {
    ts_all = ts;
  } else {
    ThreadState *last = ts_all;
    while (last->next) last = last->next;
    last->next = ts;
    ts->prev = last;
  }
  return ts;
}

/* Runs on the thread the state is for, with the GIL held.  Until then
 * stack_base is NULL and the collector skips the (not yet used) stack. */
void ts_attach(ThreadState *ts) {
  ts->ident = (unsigned long)pthread_self();
  ts->native_id = (long)syscall(SYS_gettid);
  ts->stack_base = find_stack_base();
}

ThreadState *ts_new(void) {
  ThreadState *ts = ts_new_unattached();
  ts_attach(ts);
  return ts;
}

void ts_forget_others(ThreadState *keep) {
  ThreadState *ts = ts_all;
  while (ts) {
    ThreadState *next = ts->next;
    if (ts != keep) free(ts); /* their frame chunks belong to dead threads: leaked */
    ts = next;
  }
  ts_all = keep;
  keep->prev = keep->next = NULL;
}

size_t ts_count(void) {
  size_t n = 0;
  for (ThreadState *ts = ts_all; ts; ts = ts->next) n++;
  return n;
}

void ts_delete(ThreadState *ts) {
  if (ts->prev) ts->prev->next = ts->next;
  else ts_all = ts->next;
  if (ts->next) ts->next->prev = ts->prev;
  if (ts == ts_current) {
    frame_stack_release();
    ts_current = NULL;
  }
  free(ts);
}

static inline void mark(Value v) {
  if (val_is_obj(v)) gc_mark(v);
}

void ts_trace_all(void) {
  for (ThreadState *ts = ts_all; ts; ts = ts->next) {
    frame_trace_chain(ts->frame);
    mark(ts->cur_exc);
    mark(ts->handled_exc);
    for (ExcOuter *o = ts->exc_outer; o; o = o->outer) mark(o->exc);
    mark(ts->thread_obj);
    mark(ts->data);
    mark(ts->boot);
    mark(ts->context);
    mark(ts->context_vars);
  }
}
