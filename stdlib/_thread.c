/* _thread.c — the native _thread module: OS threads, lock, RLock.
 *
 * Every Python thread is a pthread with its own ThreadState; it runs only
 * while holding the GIL (vm/gil.h).  A new thread's (function, args,
 * kwargs) wait in its ThreadState.boot (a GC root) until it starts.
 *
 * Locks keep their state in a pthread mutex + condition variable inside
 * the (non-moving) lock object itself, so that a waiter can block with the
 * GIL released and touch no other object.  A blocked waiter keeps its lock
 * alive through its own stack (scanned conservatively by the collector).
 * Waits are interruptible: the main thread wakes up in slices to let a
 * signal's handler run (KeyboardInterrupt), as CPython's lock waits do.
 *
 * At process exit (C atexit, registered when the module loads) the main
 * thread calls threading._shutdown() to join the non-daemon threads and
 * flushes the standard streams again; daemon threads stay blocked on the
 * GIL, which the main thread keeps, and die with the process.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <time.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/fileio.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/type.h"
#include "vm/eval.h"
#include "vm/gil.h"

/* PY_TIMEOUT_MAX as CPython computes it on Linux (in seconds). */
#define TIMEOUT_MAX_SECS 9223372036.0
/* The main thread wakes this often while waiting, to serve signals. */
#define SIGNAL_SLICE_NS 20000000L

static _Atomic size_t stack_size_setting; /* _thread.stack_size(); 0 = default */
static _Atomic long nthreads;             /* started and not yet finished */

/* ---- the waiting primitive shared by lock and RLock ------------------- */

typedef struct {
  Object base;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  unsigned long owner; /* RLock: owner's ident (0 = none) */
  unsigned long count; /* lock: 0/1; RLock: recursion count */
} LockObject;

static void lock_setup(LockObject *l) {
  pthread_mutex_init(&l->mu, NULL);
  pthread_condattr_t a;
  pthread_condattr_init(&a);
  pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
  pthread_cond_init(&l->cv, &a);
  pthread_condattr_destroy(&a);
}

static void lock_finalize(Object *o) {
  LockObject *l = (LockObject *)o;
  pthread_cond_destroy(&l->cv);
  pthread_mutex_destroy(&l->mu);
}

static void add_ns(struct timespec *t, int64_t ns) {
  t->tv_sec += ns / 1000000000;
  t->tv_nsec += ns % 1000000000;
  if (t->tv_nsec >= 1000000000) {
    t->tv_sec++;
    t->tv_nsec -= 1000000000;
  }
}

static bool ts_before(const struct timespec *a, const struct timespec *b) {
  return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

enum { ACQ_OK, ACQ_TIMEOUT, ACQ_INTR };

/* Waits (GIL released by the caller, l->mu held) until count == 0, then
 * takes it for `me`.  timeout_ns < 0: forever. */
static int wait_free(LockObject *l, unsigned long me, int64_t timeout_ns, bool is_main) {
  struct timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  if (timeout_ns >= 0) add_ns(&deadline, timeout_ns);
  while (l->count) {
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    if (timeout_ns >= 0 && !ts_before(&until, &deadline)) return ACQ_TIMEOUT;
    if (is_main) {
      if (atomic_load(&eval_breaker) & EB_SIGNALS) return ACQ_INTR;
      add_ns(&until, SIGNAL_SLICE_NS);
      if (timeout_ns >= 0 && ts_before(&deadline, &until)) until = deadline;
      pthread_cond_timedwait(&l->cv, &l->mu, &until);
    } else if (timeout_ns >= 0) {
      pthread_cond_timedwait(&l->cv, &l->mu, &deadline);
    } else {
      pthread_cond_wait(&l->cv, &l->mu);
    }
  }
  l->count = 1;
  l->owner = me;
  return ACQ_OK;
}

/* Parses acquire(blocking=True, timeout=-1) into a timeout in ns (-1 =
 * forever, 0 = don't block).  Returns false with an exception. */
static bool parse_acquire(Value *args, size_t nargs, TupleObject *kw, int64_t *timeout_ns) {
  static ArgSpec spec = ARGSPEC("acquire(blocking=True, timeout=-1)");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kw, a)) return false;
  int blocking = 1;
  if (a[0]) {
    blocking = obj_truthy(a[0]);
    if (blocking < 0) return false;
  }
  double timeout = -1;
  if (a[1]) {
    if (!val_is_float(a[1]) && !val_is_intlike(a[1])) {
      err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[1]);
      return false;
    }
    timeout = float_as_double(a[1]);
    if (timeout == -1.0 && err_occurred()) return false;
  }
  if (!blocking && timeout != -1) {
    err_set(&Exc_ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    err_set(&Exc_ValueError, "timeout value must be positive");
    return false;
  }
  if (timeout > TIMEOUT_MAX_SECS) {
    err_set(&Exc_OverflowError, "timeout value is too large");
    return false;
  }
  if (!blocking) *timeout_ns = 0;
  else if (timeout == -1) *timeout_ns = -1;
  else *timeout_ns = (int64_t)(timeout * 1e9);
  return true;
}

/* Acquires l for `me` (count 0 -> 1).  1 acquired, 0 timed out, -1 error. */
static int acquire_blocking(LockObject *l, unsigned long me, int64_t timeout_ns) {
  pthread_mutex_lock(&l->mu);
  if (!l->count) {
    l->count = 1;
    l->owner = me;
    pthread_mutex_unlock(&l->mu);
    return 1;
  }
  pthread_mutex_unlock(&l->mu);
  if (timeout_ns == 0) return 0;
  bool is_main = ts_current == ts_all;
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (;;) {
    int r;
    GIL_RELEASE();
    pthread_mutex_lock(&l->mu);
    r = wait_free(l, me, timeout_ns, is_main);
    pthread_mutex_unlock(&l->mu);
    GIL_ACQUIRE();
    if (r == ACQ_OK) return 1;
    if (r == ACQ_TIMEOUT) return 0;
    if (eval_handle_breaker() < 0) return -1;
    if (timeout_ns > 0) { /* continue with what is left */
      struct timespec now;
      clock_gettime(CLOCK_MONOTONIC, &now);
      int64_t spent = (int64_t)(now.tv_sec - start.tv_sec) * 1000000000 + (now.tv_nsec - start.tv_nsec);
      timeout_ns -= spent;
      start = now;
      if (timeout_ns <= 0) timeout_ns = 0;
      if (timeout_ns == 0) {
        pthread_mutex_lock(&l->mu);
        bool got = !l->count;
        if (got) {
          l->count = 1;
          l->owner = me;
        }
        pthread_mutex_unlock(&l->mu);
        return got;
      }
    }
  }
}

static void release_count(LockObject *l, unsigned long count) {
  pthread_mutex_lock(&l->mu);
  l->count = count;
  if (!count) {
    l->owner = 0;
    pthread_cond_signal(&l->cv);
  }
  pthread_mutex_unlock(&l->mu);
}

static unsigned long my_ident(void) { return ts_current ? ts_current->ident : (unsigned long)pthread_self(); }

static Value lock_repr_common(Value self, const char *tname, bool rlock) {
  LockObject *l = AS(LockObject, self);
  pthread_mutex_lock(&l->mu);
  unsigned long count = l->count, owner = l->owner;
  pthread_mutex_unlock(&l->mu);
  char buf[200];
  if (rlock)
    snprintf(buf, sizeof buf, "<%s %s object owner=%lu count=%lu at %p>", count ? "locked" : "unlocked", tname,
             owner, count, (void *)self);
  else
    snprintf(buf, sizeof buf, "<%s %s object at %p>", count ? "locked" : "unlocked", tname, (void *)self);
  return str_from_cstr(buf);
}

/* ---- lock --------------------------------------------------------------- */

extern TypeObject LockType;

static Value new_lock(void) {
  LockObject *l = (LockObject *)gc_alloc(&LockType, sizeof(LockObject));
  if (!l) return VAL_NULL;
  lock_setup(l);
  return (Value)l;
}

static Value lock_acquire(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int64_t timeout_ns;
  if (!parse_acquire(args, nargs, kw, &timeout_ns)) return VAL_NULL;
  int r = acquire_blocking(AS(LockObject, self), 1, timeout_ns);
  if (r < 0) return VAL_NULL;
  return r ? VAL_TRUE : VAL_FALSE;
}

static Value lock_enter(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int r = acquire_blocking(AS(LockObject, self), 1, -1);
  if (r < 0) return VAL_NULL;
  return VAL_TRUE;
}

static Value lock_release(Value self, Value *args, size_t nargs, TupleObject *kw) {
  LockObject *l = AS(LockObject, self);
  pthread_mutex_lock(&l->mu);
  bool held = l->count;
  pthread_mutex_unlock(&l->mu);
  if (!held) return err_set(&Exc_RuntimeError, "release unlocked lock");
  release_count(l, 0);
  return VAL_NONE;
}

static Value lock_locked(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("locked", nargs, 0, 0)) return VAL_NULL;
  LockObject *l = AS(LockObject, self);
  pthread_mutex_lock(&l->mu);
  bool held = l->count;
  pthread_mutex_unlock(&l->mu);
  return held ? VAL_TRUE : VAL_FALSE;
}

/* Used by os.fork's child: the lock starts free again. */
static Value lock_at_fork_reinit(Value self, Value *args, size_t nargs, TupleObject *kw) {
  LockObject *l = AS(LockObject, self);
  lock_setup(l);
  l->count = 0;
  l->owner = 0;
  return VAL_NONE;
}

static Value lock_repr(Value self) { return lock_repr_common(self, "_thread.lock", false); }

static const NativeDef lock_methods[] = {
    {"acquire", lock_acquire, NATIVE_METHOD, NULL},
    {"acquire_lock", lock_acquire, NATIVE_METHOD, NULL},
    {"release", lock_release, NATIVE_METHOD, NULL},
    {"release_lock", lock_release, NATIVE_METHOD, NULL},
    {"locked", lock_locked, NATIVE_METHOD, NULL},
    {"locked_lock", lock_locked, NATIVE_METHOD, NULL},
    {"__enter__", lock_enter, NATIVE_METHOD, NULL},
    {"__exit__", lock_release, NATIVE_METHOD, NULL},
    {"_at_fork_reinit", lock_at_fork_reinit, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject LockType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_thread.lock",
    .instance_size = sizeof(LockObject),
    .repr = lock_repr,
    .finalize = lock_finalize,
    .methods = lock_methods,
};

/* ---- RLock -------------------------------------------------------------- */

extern TypeObject RLockType;

static Value rlock_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  size_t size = type->instance_size > sizeof(LockObject) ? type->instance_size : sizeof(LockObject);
  LockObject *l = (LockObject *)gc_alloc(type, size);
  if (!l) return VAL_NULL;
  lock_setup(l);
  return (Value)l;
}

static int rlock_acquire_for(LockObject *l, int64_t timeout_ns) {
  unsigned long me = my_ident();
  pthread_mutex_lock(&l->mu);
  if (l->count && l->owner == me) {
    l->count++;
    pthread_mutex_unlock(&l->mu);
    return 1;
  }
  pthread_mutex_unlock(&l->mu);
  return acquire_blocking(l, me, timeout_ns);
}

static Value rlock_acquire(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int64_t timeout_ns;
  if (!parse_acquire(args, nargs, kw, &timeout_ns)) return VAL_NULL;
  int r = rlock_acquire_for(AS(LockObject, self), timeout_ns);
  if (r < 0) return VAL_NULL;
  return r ? VAL_TRUE : VAL_FALSE;
}

static Value rlock_enter(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int r = rlock_acquire_for(AS(LockObject, self), -1);
  return r < 0 ? VAL_NULL : VAL_TRUE;
}

static Value rlock_release(Value self, Value *args, size_t nargs, TupleObject *kw) {
  LockObject *l = AS(LockObject, self);
  unsigned long me = my_ident();
  pthread_mutex_lock(&l->mu);
  bool mine = l->count && l->owner == me;
  unsigned long count = l->count;
  pthread_mutex_unlock(&l->mu);
  if (!mine) return err_set(&Exc_RuntimeError, "cannot release un-acquired lock");
  release_count(l, count - 1);
  return VAL_NONE;
}

static Value rlock_is_owned(Value self, Value *args, size_t nargs, TupleObject *kw) {
  LockObject *l = AS(LockObject, self);
  pthread_mutex_lock(&l->mu);
  bool mine = l->count && l->owner == my_ident();
  pthread_mutex_unlock(&l->mu);
  return mine ? VAL_TRUE : VAL_FALSE;
}

/* Condition.wait's helpers: release completely, returning (count, owner). */
static Value rlock_release_save(Value self, Value *args, size_t nargs, TupleObject *kw) {
  LockObject *l = AS(LockObject, self);
  pthread_mutex_lock(&l->mu);
  unsigned long count = l->count, owner = l->owner;
  pthread_mutex_unlock(&l->mu);
  if (!count) return err_set(&Exc_RuntimeError, "cannot release un-acquired lock");
  release_count(l, 0);
  return tuple_pack(2, int_from_u64(count), int_from_u64(owner));
}

static Value rlock_acquire_restore(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_acquire_restore", nargs, 1, 1)) return VAL_NULL;
  Value st = args[0];
  if (!val_is_obj(st) || AS(Object, st)->type != &TupleType || TUPLE_LEN(st) != 2)
    return err_set(&Exc_TypeError, "_acquire_restore() argument 1 must be tuple");
  int64_t count, owner;
  if (!int_to_i64(TUPLE_ITEMS(st)[0], &count) || !int_to_i64(TUPLE_ITEMS(st)[1], &owner)) return VAL_NULL;
  LockObject *l = AS(LockObject, self);
  int r = acquire_blocking(l, (unsigned long)owner, -1);
  if (r < 0) return VAL_NULL;
  pthread_mutex_lock(&l->mu);
  l->count = (unsigned long)count;
  pthread_mutex_unlock(&l->mu);
  return VAL_NONE;
}

static Value rlock_at_fork_reinit(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return lock_at_fork_reinit(self, args, nargs, kw);
}

static Value rlock_repr(Value self) {
  TypeObject *t = AS(Object, self)->type;
  if (t == &RLockType) return lock_repr_common(self, "_thread.RLock", true);
  char name[160];
  Value mod = type_lookup(t, NAME(__module__));
  if (mod && val_is_str(mod)) snprintf(name, sizeof name, "%s.%s", str_cstr(mod), t->name);
  else snprintf(name, sizeof name, "%s", t->name);
  return lock_repr_common(self, name, true);
}

static const NativeDef rlock_methods[] = {
    {"acquire", rlock_acquire, NATIVE_METHOD, NULL},
    {"release", rlock_release, NATIVE_METHOD, NULL},
    {"__enter__", rlock_enter, NATIVE_METHOD, NULL},
    {"__exit__", rlock_release, NATIVE_METHOD, NULL},
    {"_is_owned", rlock_is_owned, NATIVE_METHOD, NULL},
    {"_release_save", rlock_release_save, NATIVE_METHOD, NULL},
    {"_acquire_restore", rlock_acquire_restore, NATIVE_METHOD, NULL},
    {"_at_fork_reinit", rlock_at_fork_reinit, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject RLockType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_thread.RLock",
    .instance_size = sizeof(LockObject),
    .flags = TP_BASETYPE,
    .tp_new = rlock_tp_new,
    .repr = rlock_repr,
    .finalize = lock_finalize,
    .methods = rlock_methods,
};

/* ---- threads -------------------------------------------------------------- */

static void report_thread_error(Value func) {
  Value exc = err_fetch();
  if (val_is_obj(exc) && obj_isinstance_type(exc, &Exc_SystemExit)) return;
  err_restore(exc);
  err_write_unraisable("Exception ignored in thread started by", func);
}

static void *thread_main(void *arg) {
  ThreadState *ts = arg;
  gil_take(ts);
  ts_attach(ts);
  Value boot = ts->boot;
  ts->boot = VAL_NULL;
  Value func = TUPLE_ITEMS(boot)[0];
  Value r = obj_call_tuple_dict(func, TUPLE_ITEMS(boot)[1], TUPLE_ITEMS(boot)[2] == VAL_NONE ? VAL_NULL : TUPLE_ITEMS(boot)[2]);
  if (!r) report_thread_error(func);
  err_clear();
  atomic_fetch_sub(&nthreads, 1);
  ts->frame = NULL;
  ts_delete(ts); /* also clears ts_current */
  gil_release_exiting();
  return NULL;
}

static Value t_start_new_thread(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("start_new_thread", kw) || !args_count("start_new_thread", nargs, 2, 3)) return VAL_NULL;
  if (!obj_callable(args[0])) return err_set(&Exc_TypeError, "first arg must be callable");
  if (!val_is_obj(args[1]) || !obj_isinstance_type(args[1], &TupleType))
    return err_set(&Exc_TypeError, "2nd arg must be a tuple");
  Value kwargs = nargs > 2 ? args[2] : VAL_NONE;
  if (kwargs != VAL_NONE && (!val_is_obj(kwargs) || !obj_isinstance_type(kwargs, &DictType)))
    return err_set(&Exc_TypeError, "optional 3rd arg must be a dictionary");
  Value boot = tuple_pack(3, args[0], args[1], kwargs);
  if (!boot) return VAL_NULL;
  ThreadState *ts = ts_new_unattached();
  ts->boot = boot;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  size_t ss = atomic_load(&stack_size_setting);
  if (!ss) ss = 16u << 20; /* deep recursion in threads, as the main thread */
  pthread_attr_setstacksize(&attr, ss);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t tid;
  atomic_fetch_add(&nthreads, 1);
  int rc = pthread_create(&tid, &attr, thread_main, ts);
  pthread_attr_destroy(&attr);
  if (rc) {
    atomic_fetch_sub(&nthreads, 1);
    ts->boot = VAL_NULL;
    ts_delete(ts);
    return err_set(&Exc_RuntimeError, "can't start new thread");
  }
  ts->ident = (unsigned long)tid;
  return int_from_u64((uint64_t)tid);
}

static Value t_allocate_lock(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("allocate_lock", nargs, 0, 0)) return VAL_NULL;
  return new_lock();
}

static Value t_get_ident(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return int_from_u64(my_ident());
}

static Value t_get_native_id(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return int_from_i64(ts_current ? ts_current->native_id : 0);
}

/* The calling thread's own dict (ThreadState.data), dropped with the
 * thread: threading.local keeps its per-thread attribute dicts there. */
static Value t_local_storage(Value self, Value *args, size_t nargs, TupleObject *kw) {
  ThreadState *ts = ts_current;
  if (!ts->data) {
    Value d = dict_new();
    if (!d) return VAL_NULL;
    ts->data = d;
  }
  return ts->data;
}

static Value t_count(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return int_from_i64(atomic_load(&nthreads));
}

static Value t_stack_size(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("stack_size", nargs, 0, 1)) return VAL_NULL;
  size_t old = atomic_load(&stack_size_setting);
  if (nargs) {
    int64_t n;
    if (!int_to_i64(args[0], &n)) return VAL_NULL;
    if (n != 0 && n < 32768) return err_set(&Exc_ValueError, "size not valid: %lld bytes", (long long)n);
    atomic_store(&stack_size_setting, (size_t)n);
  }
  return int_from_u64(old);
}

static Value t_interrupt_main(Value self, Value *args, size_t nargs, TupleObject *kw) {
  raise(SIGINT);
  return VAL_NONE;
}

/* threading.excepthook's default output is written in threading.py; this
 * native only lets that code reach the interpreter's traceback printer. */
static Value t_print_exception(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_print_exception", nargs, 1, 1)) return VAL_NULL;
  err_print(args[0]);
  err_clear();
  return VAL_NONE;
}

/* sys._getswitchinterval-style helpers for the gil module: policy and
 * event counters. */
static Value t_gil_policy(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_gil_policy", nargs, 0, 1)) return VAL_NULL;
  if (nargs) {
    if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "policy name must be str");
    if (ts_count() > 1) return err_set(&Exc_RuntimeError, "cannot change the GIL policy while threads run");
    if (gil_set_policy(str_cstr(args[0])) < 0) return err_set(&Exc_ValueError, "unknown GIL policy %R", args[0]);
  }
  return str_from_cstr(gil_policy_name());
}

static Value t_gil_stats(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static const char *names[GIL_EV_COUNT] = {"request", "take", "drop", "forced_drop", "release_blocking", "reacquire"};
  Value d = dict_new();
  if (!d) return VAL_NULL;
  for (int i = 0; i < GIL_EV_COUNT; i++)
    if (dict_set_cstr(d, names[i], int_from_u64(gil_event_count((GilEvent)i))) < 0) return VAL_NULL;
  return d;
}

static const NativeDef thread_functions[] = {
    {"start_new_thread", t_start_new_thread, 0, NULL},
    {"start_new", t_start_new_thread, 0, NULL},
    {"allocate_lock", t_allocate_lock, 0, NULL},
    {"allocate", t_allocate_lock, 0, NULL},
    {"get_ident", t_get_ident, 0, NULL},
    {"get_native_id", t_get_native_id, 0, NULL},
    {"_count", t_count, 0, NULL},
    {"_local_storage", t_local_storage, 0, NULL},
    {"stack_size", t_stack_size, 0, NULL},
    {"interrupt_main", t_interrupt_main, 0, NULL},
    {"_print_exception", t_print_exception, 0, NULL},
    {"_gil_policy", t_gil_policy, 0, NULL},
    {"_gil_stats", t_gil_stats, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- fork ------------------------------------------------------------------ */

/* In the child of fork (GIL held, only this thread left). */
void thread_after_fork_child(void) {
  atomic_store(&nthreads, 0);
  Value threading = sys_modules ? dict_get_cstr(sys_modules, "threading") : VAL_NULL;
  if (!threading) return;
  Value fn = obj_getattr_cstr(threading, "_after_fork");
  if (!fn || !obj_call0(fn)) err_print_current();
  err_clear();
}

/* ---- exit ------------------------------------------------------------------ */

/* Joins the non-daemon threads (threading._shutdown) and flushes the
 * standard streams.  Main thread, GIL held; runs once.  The interpreter's
 * shut-down should call it before finalizing objects (a running thread may
 * still use them); the atexit hook below is the fallback. */
void threads_shutdown(void) {
  static bool done;
  ThreadState *ts = ts_current;
  if (done || !ts || ts != ts_all || !sys_modules) return;
  done = true;
  Value threading = dict_get_cstr(sys_modules, "threading");
  if (threading) {
    Value saved = err_fetch();
    Value fn = obj_getattr_cstr(threading, "_shutdown");
    if (fn && !obj_call0(fn)) err_print_current();
    err_clear();
    if (saved) err_restore(saved);
  }
  fileio_flush_std();
}

static void at_exit(void) { threads_shutdown(); }

static int thread_init(Value module) {
  static bool once;
  type_ready(&LockType);
  type_ready(&RLockType);
  Value d = module_dict(module);
  dict_set_cstr(d, "LockType", (Value)&LockType);
  dict_set_cstr(d, "lock", (Value)&LockType);
  dict_set_cstr(d, "RLock", (Value)&RLockType);
  dict_set_cstr(d, "TIMEOUT_MAX", float_new(TIMEOUT_MAX_SECS));
  dict_set_cstr(d, "error", (Value)&Exc_RuntimeError);
  if (!once) {
    once = true;
    atexit(at_exit);
  }
  return 0;
}

const NativeModuleDef _thread_module_def = {"_thread", thread_functions, thread_init};
