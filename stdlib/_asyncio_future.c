/* _asyncio_future.c — asyncio's Future and Task, in C (as CPython's
 * Modules/_asynciomodule.c).
 *
 * A Future is a small fixed struct: its state, result or exception, its
 * loop, and its done callbacks — the first one in two inline fields
 * (callback0/context0, so the common single awaiter allocates nothing) and
 * any further ones in a list of (fn, context) tuples.  Completing a future
 * schedules every callback on its loop with asyncio_call_soon, in the order
 * they were added.  `await fut` iterates a FutureIter: its first step yields
 * the future itself (with _asyncio_future_blocking set, so the Task knows a
 * real `await` produced it), the next returns the result.
 *
 * A Task drives a coroutine: task_step sends into (or throws into) it once;
 * a yielded Future gets the task's wakeup as a done callback, a bare yield
 * re-schedules the step.  A task waiting on a Future is stored in the
 * future's first-callback slot as itself: its bound task_wakeup is made
 * only when the future completes, so a pending task holds no callable.  _current_tasks maps each loop to the task it is stepping.
 *
 * Registry of tasks (all_tasks): a doubly-linked list through the tasks
 * themselves that the collector does not trace, so a pending task nobody
 * refers to can be collected and reported ("Task was destroyed but it is
 * pending!").  Invariant: a task is in the list exactly while it is pending
 * after a successful __init__, and while it is there it carries
 * GC_NEEDS_DEL, so the collector runs task_del — which unlinks it — before
 * its memory can be reused.  Subclasses with their own __del__ (whose
 * finalizer is theirs, not task_del) are kept in a strong set instead.
 *
 * Finalization: a Future needs its `del` only while it holds an exception
 * nobody retrieved ("Future exception was never retrieved") and a Task
 * while it is registered; GC_NEEDS_DEL is set exactly then (update_del),
 * so dropping other futures never costs a collection.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "stdlib/_asyncio.h"
#include "stdlib/_contextvars.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "runtime/weakref.h"
#include "vm/func.h"

enum { STATE_PENDING, STATE_CANCELLED, STATE_FINISHED };

/* The four state bytes live in the object header's spare word (Object.aux),
 * so that a Future is 72 bytes and a Task 128: a pending asyncio.sleep()
 * holds one of each. */
typedef struct {
  union {
    Object base;
    struct {
      TypeObject *header_type_;
      uint32_t header_gc_flags_;
      uint8_t state;
      bool log_tb;         /* an exception nobody retrieved yet */
      bool blocking;       /* _asyncio_future_blocking */
      bool cb0_is_wakeup;  /* callback0 is a Task whose task_wakeup is the callback */
    };
  };
  Value loop;          /* VAL_NULL until __init__ ran */
  Value callback0;     /* first done callback, VAL_NULL when none */
  Value context0;
  Value callbacks;     /* list of further (fn, context) tuples, or VAL_NULL */
  /* One slot whose meaning follows the state (they never coexist):
   * FINISHED without exception: the result (VAL_NULL reads as None);
   * FINISHED with exception: the traceback it had when it was set;
   * CANCELLED: the CancelledError a task's coroutine raised, if any. */
  Value result;
  Value exception;
  Value cancel_msg;
} FutureObject;

_Static_assert(offsetof(FutureObject, state) == offsetof(Object, aux), "Future state bytes are the header's aux");

typedef struct TaskObject TaskObject;
struct TaskObject {
  FutureObject fut;
  Value coro;
  Value name;          /* str, or a small int N standing for "Task-N" until asked */
  Value context;
  Value fut_waiter;
  TaskObject *reg_prev, *reg_next; /* weak registry; not traced */
  int32_t num_cancels_requested;
  bool must_cancel;
  bool log_destroy_pending;
  bool registered;     /* in the weak list */
};

typedef struct {
  Object base;
  Value future;        /* VAL_NULL once exhausted */
} FutureIterObject;

TypeObject FutureType, TaskType, FutureIterType;

/* ---- names and the Python side, looked up once ---------------------------- */

static StrObject *s_call_exception_handler, *s_message, *s_exception, *s_future, *s_task, *s_context, *s_repr_info,
    *s_get_loop, *s_add_done_callback, *s_asyncio_future_blocking, *s_limit, *s_file, *s_loop;
static Value kw_context; /* ('context',) */
static Value state_names[3];
static Value cancelled_error, invalid_state_error;
static Value get_event_loop_fn, get_running_loop_fn, iscoroutine_fn;
static Value future_repr_info_fn, task_repr_info_fn, task_get_stack_fn, task_print_stack_fn;
static Value current_tasks; /* dict: loop -> task being stepped */
static Value strong_tasks;  /* set: registered tasks not in the weak list */
static TaskObject *registry_head;
static uint64_t task_name_counter;

/* An argument array for calls without arguments (callees may memcpy from it). */
static Value no_args[1];

static Value module_attr(const char *module, const char *name) {
  Value m = import_module_cstr(module);
  return m ? obj_getattr_cstr(m, name) : VAL_NULL;
}

static int load_exceptions(void) {
  if (cancelled_error) return 0;
  Value ce = module_attr("asyncio.exceptions", "CancelledError");
  if (!ce) return -1;
  Value ise = module_attr("asyncio.exceptions", "InvalidStateError");
  if (!ise) return -1;
  cancelled_error = ce;
  invalid_state_error = ise;
  return 0;
}

/* A cached attribute of an asyncio module, imported on first use. */
static Value lazy(Value *slot, const char *module, const char *name) {
  if (!*slot) *slot = module_attr(module, name);
  return *slot;
}

static Value raise_invalid_state(const char *msg) {
  if (load_exceptions() < 0) return VAL_NULL;
  Value m = str_from_cstr(msg);
  Value e = obj_call1(invalid_state_error, m);
  return e ? err_set_value(e) : VAL_NULL;
}

static inline bool is_type(Value v) { return val_is_obj(v) && (v->type->flags & TP_TYPE_SUBCLASS); }
static inline bool is_future(Value v) { return val_is_obj(v) && type_is_subtype(v->type, &FutureType); }
static inline bool is_task(Value v) { return val_is_obj(v) && type_is_subtype(v->type, &TaskType); }
static inline bool is_exact_future(Value v) {
  return val_is_obj(v) && (v->type == &FutureType || v->type == &TaskType);
}

static void task_del(Object *o);
static void future_del(Object *o);
static Value task_step_fn(Value self, Value *args, size_t nargs, TupleObject *kw);
static Value task_wakeup_fn(Value self, Value *args, size_t nargs, TupleObject *kw);
static const NativeDef task_step_def = {"task_step", task_step_fn, NATIVE_METHOD, NULL};
static const NativeDef task_wakeup_def = {"task_wakeup", task_wakeup_fn, NATIVE_METHOD, NULL};

/* GC_NEEDS_DEL exactly while the finalizer has something to do (see top). */
static void update_del(FutureObject *f) {
  TypeObject *t = f->base.type;
  if (t->del != future_del && t->del != task_del) return; /* a subclass's own __del__ */
  bool need = f->log_tb || (t->del == task_del && ((TaskObject *)f)->registered);
  if (need) f->base.gc_flags |= GC_NEEDS_DEL;
  else f->base.gc_flags &= ~(uint32_t)GC_NEEDS_DEL;
}

/* __name__ of an object's class (CPython's _PyType_Name: "Task", not "_asyncio.Task"). */
static const char *short_type_name(Value v) {
  TypeObject *t = val_type(v);
  return t->name_obj ? str_cstr((Value)t->name_obj) : type_name(t);
}

static Value not_initialized(void) { return err_set(&Exc_RuntimeError, "Future object is not initialized."); }
#define ENSURE_ALIVE(f)                      \
  do {                                       \
    if (!(f)->loop) return not_initialized(); \
  } while (0)

/* ---- the weak task registry ------------------------------------------------ */

static void registry_link(TaskObject *t) {
  t->reg_prev = NULL;
  t->reg_next = registry_head;
  if (registry_head) registry_head->reg_prev = t;
  registry_head = t;
  t->registered = true;
  update_del(&t->fut);
}

static void registry_unlink(TaskObject *t) {
  if (!t->registered) return;
  if (t->reg_prev) t->reg_prev->reg_next = t->reg_next;
  else registry_head = t->reg_next;
  if (t->reg_next) t->reg_next->reg_prev = t->reg_prev;
  t->reg_prev = t->reg_next = NULL;
  t->registered = false;
  update_del(&t->fut);
}

static int register_task(Value task) {
  if (is_task(task) && val_type(task)->del == task_del) {
    TaskObject *t = (TaskObject *)task;
    if (!t->registered && t->fut.state == STATE_PENDING) registry_link(t);
    return 0;
  }
  return set_add(strong_tasks, task);
}

static int unregister_task(Value task) {
  if (is_task(task) && val_type(task)->del == task_del) {
    registry_unlink((TaskObject *)task);
    return 0;
  }
  return set_discard(strong_tasks, task) < 0 ? -1 : 0;
}

/* ---- scheduling callbacks -------------------------------------------------- */

static int call_soon(Value loop, Value fn, Value arg, Value ctx) {
  return asyncio_call_soon(loop, fn, arg, ctx ? ctx : VAL_NONE) ? 0 : -1;
}

/* The first callback as a callable: a task waiting on the future is stored
 * as itself, and its bound task_wakeup is made only when needed (most
 * waits end in exactly one wake-up, and a pending task then holds no
 * callable object). */
static Value callback0_callable(FutureObject *f) {
  if (f->cb0_is_wakeup) return native_function_new(&task_wakeup_def, f->callback0);
  return f->callback0;
}

static int schedule_callbacks(FutureObject *f) {
  Value cb0 = f->callback0, ctx0 = f->context0, rest = f->callbacks;
  bool wakeup = f->cb0_is_wakeup;
  f->callback0 = f->context0 = f->callbacks = VAL_NULL;
  f->cb0_is_wakeup = false;
  if (cb0 && wakeup && asyncio_call_soon_native(f->loop, &task_wakeup_def, cb0, (Value)f, ctx0) < 0)
    return -1;
  if (cb0 && !wakeup && call_soon(f->loop, cb0, (Value)f, ctx0) < 0) return -1;
  if (!rest) return 0;
  for (ssize_t i = 0; i < LIST_LEN(rest); i++) {
    Value tup = LIST_ITEMS(rest)[i];
    if (call_soon(f->loop, TUPLE_ITEMS(tup)[0], (Value)f, TUPLE_ITEMS(tup)[1]) < 0) return -1;
  }
  return 0;
}

/* ctx: the context to run fn in; VAL_NULL or None: a copy of the current one. */
static int add_done_callback(FutureObject *f, Value fn, Value ctx) {
  if (!ctx || ctx == VAL_NONE) ctx = context_snapshot();
  if (f->state != STATE_PENDING) return call_soon(f->loop, fn, (Value)f, ctx);
  if (!f->callback0 && !f->callbacks) {
    f->callback0 = fn;
    f->context0 = ctx;
    f->cb0_is_wakeup = false;
    return 0;
  }
  Value tup = tuple_pack(2, fn, ctx);
  if (!f->callbacks) {
    f->callbacks = list_new(0);
  }
  return list_append(f->callbacks, tup);
}

/* task.task_wakeup as a done callback of f (a Future or Task, not a subclass). */
static int add_wakeup_callback(FutureObject *f, Value task, Value ctx) {
  if (f->state == STATE_PENDING && !f->callback0 && !f->callbacks) {
    f->callback0 = task;
    f->context0 = ctx;
    f->cb0_is_wakeup = true;
    return 0;
  }
  return add_done_callback(f, native_function_new(&task_wakeup_def, task), ctx);
}

/* ---- completing a future --------------------------------------------------- */

static Value make_cancelled_error(FutureObject *f) {
  if (f->state == STATE_CANCELLED && f->result) {
    Value e = f->result;
    f->result = VAL_NULL;
    return e;
  }
  if (load_exceptions() < 0) return VAL_NULL;
  if (!f->cancel_msg || f->cancel_msg == VAL_NONE) return obj_call(cancelled_error, no_args, 0, NULL);
  return obj_call1(cancelled_error, f->cancel_msg);
}

static Value raise_cancelled(FutureObject *f) {
  Value e = make_cancelled_error(f);
  return e ? err_set_value(e) : VAL_NULL;
}

static Value future_cancel(FutureObject *f, Value msg) {
  f->log_tb = false;
  update_del(f);
  if (f->state != STATE_PENDING) return VAL_FALSE;
  f->state = STATE_CANCELLED;
  f->cancel_msg = msg;
  if (schedule_callbacks(f) < 0) return VAL_NULL;
  return VAL_TRUE;
}

static Value future_set_result(FutureObject *f, Value result) {
  if (f->state != STATE_PENDING) return raise_invalid_state("invalid state");
  f->result = result;
  f->state = STATE_FINISHED;
  if (schedule_callbacks(f) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value future_set_exception(FutureObject *f, Value exc) {
  if (f->state != STATE_PENDING) return raise_invalid_state("invalid state");
  Value e = exc;
  if (is_type(exc) && type_is_subtype((TypeObject *)exc, &Exc_BaseException)) {
    e = obj_call(exc, no_args, 0, NULL);
    if (!e) return VAL_NULL;
  }
  if (!val_is_exception(e)) return err_set(&Exc_TypeError, "invalid exception object");
  if (val_type(e) == &Exc_StopIteration)
    return err_set(&Exc_TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future");
  f->exception = e;
  f->result = AS(ExceptionObject, e)->traceback; /* the exception's traceback, see FutureObject */
  f->state = STATE_FINISHED;
  if (schedule_callbacks(f) < 0) return VAL_NULL;
  f->log_tb = true;
  update_del(f);
  return VAL_NONE;
}

/* 0: *out is the result; 1: *out is the exception (not raised); -1: raised. */
static int future_get_result(FutureObject *f, Value *out) {
  if (f->state == STATE_CANCELLED) {
    raise_cancelled(f);
    return -1;
  }
  if (f->state != STATE_FINISHED) {
    raise_invalid_state("Result is not set.");
    return -1;
  }
  if (f->log_tb) {
    f->log_tb = false;
    update_del(f);
  }
  if (f->exception) {
    AS(ExceptionObject, f->exception)->traceback = f->result;
    *out = f->exception;
    return 1;
  }
  *out = f->result ? f->result : VAL_NONE;
  return 0;
}

static Value future_result_value(FutureObject *f) {
  Value r;
  int k = future_get_result(f, &r);
  if (k < 0) return VAL_NULL;
  if (k == 1) return err_set_value(r);
  return r;
}

/* ---- Future methods ---------------------------------------------------------- */

#define FUT(v) ((FutureObject *)(v))

static Value fut_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kw) {
  (void)args, (void)nargs, (void)kw;
  Object *o = gc_alloc(type, type->instance_size);
  return (Value)o;
}

static Value default_loop(Value loop) {
  if (loop && loop != VAL_NONE) return loop;
  Value fn = lazy(&get_event_loop_fn, "asyncio.events", "_get_event_loop");
  return fn ? obj_call(fn, no_args, 0, NULL) : VAL_NULL;
}

static int future_init(FutureObject *f, Value loop) {
  loop = default_loop(loop);
  if (!loop) return -1;
  f->loop = loop;
  f->callback0 = f->context0 = f->callbacks = VAL_NULL;
  f->result = f->exception = f->cancel_msg = VAL_NULL;
  f->state = STATE_PENDING;
  f->log_tb = false;
  f->blocking = false;
  f->cb0_is_wakeup = false;
  update_del(f);
  return 0;
}

static ArgSpec future_init_spec = ARGSPEC("Future(*, loop=None)");
static int fut_tp_init(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[1];
  if (nargs) return ERR_INT(err_set(&Exc_TypeError, "Future() takes no positional arguments"));
  if (!args_bind(&future_init_spec, args, nargs, kw, a)) return -1;
  return future_init(FUT(self), a[0]);
}

static Value fut_result(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("result", nargs, 0, 0) || !args_no_kw("result", kw)) return VAL_NULL;
  ENSURE_ALIVE(FUT(self));
  return future_result_value(FUT(self));
}

static Value fut_exception(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("exception", nargs, 0, 0) || !args_no_kw("exception", kw)) return VAL_NULL;
  FutureObject *f = FUT(self);
  ENSURE_ALIVE(f);
  if (f->state == STATE_CANCELLED) return raise_cancelled(f);
  if (f->state != STATE_FINISHED) return raise_invalid_state("Exception is not set.");
  if (f->exception) {
    f->log_tb = false;
    update_del(f);
    return f->exception;
  }
  return VAL_NONE;
}

static Value fut_set_result(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("set_result", nargs, 1, 1) || !args_no_kw("set_result", kw)) return VAL_NULL;
  ENSURE_ALIVE(FUT(self));
  return future_set_result(FUT(self), args[0]);
}

static Value fut_set_exception(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("set_exception", nargs, 1, 1) || !args_no_kw("set_exception", kw)) return VAL_NULL;
  ENSURE_ALIVE(FUT(self));
  return future_set_exception(FUT(self), args[0]);
}

static ArgSpec add_done_spec = ARGSPEC("add_done_callback(fn, /, *, context=None)");
static Value fut_add_done_callback(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[2];
  if (!args_bind(&add_done_spec, args, nargs, kw, a)) return VAL_NULL;
  ENSURE_ALIVE(FUT(self));
  Value ctx = a[1] && a[1] != VAL_NONE ? a[1] : VAL_NULL;
  return add_done_callback(FUT(self), a[0], ctx) < 0 ? VAL_NULL : VAL_NONE;
}

static Value fut_remove_done_callback(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("remove_done_callback", nargs, 1, 1) || !args_no_kw("remove_done_callback", kw)) return VAL_NULL;
  FutureObject *f = FUT(self);
  ENSURE_ALIVE(f);
  Value fn = args[0];
  ssize_t removed = 0;
  if (f->callback0) {
    int eq = obj_eq(callback0_callable(f), fn);
    if (eq < 0) return VAL_NULL;
    if (eq) {
      f->callback0 = f->context0 = VAL_NULL;
      f->cb0_is_wakeup = false;
      removed++;
    }
  }
  Value old = f->callbacks;
  if (!old) return val_from_int(removed);
  Value kept = list_new(0);
  for (ssize_t i = 0; i < LIST_LEN(old); i++) {
    Value tup = LIST_ITEMS(old)[i];
    int eq = obj_eq(TUPLE_ITEMS(tup)[0], fn);
    if (eq < 0) return VAL_NULL;
    if (eq) removed++;
    else list_append(kept, tup);
  }
  if (f->callbacks == old) f->callbacks = LIST_LEN(kept) ? kept : VAL_NULL;
  return val_from_int(removed);
}

static ArgSpec cancel_spec = ARGSPEC("cancel(msg=None)");
static Value fut_cancel(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[1];
  if (!args_bind(&cancel_spec, args, nargs, kw, a)) return VAL_NULL;
  ENSURE_ALIVE(FUT(self));
  return future_cancel(FUT(self), a[0] ? a[0] : VAL_NONE);
}

static Value fut_cancelled(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("cancelled", nargs, 0, 0) || !args_no_kw("cancelled", kw)) return VAL_NULL;
  return val_bool(FUT(self)->loop && FUT(self)->state == STATE_CANCELLED);
}

static Value fut_done(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("done", nargs, 0, 0) || !args_no_kw("done", kw)) return VAL_NULL;
  return val_bool(FUT(self)->loop && FUT(self)->state != STATE_PENDING);
}

static Value fut_get_loop(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("get_loop", nargs, 0, 0) || !args_no_kw("get_loop", kw)) return VAL_NULL;
  ENSURE_ALIVE(FUT(self));
  return FUT(self)->loop;
}

static Value fut_make_cancelled_error(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_make_cancelled_error", nargs, 0, 0) || !args_no_kw("_make_cancelled_error", kw)) return VAL_NULL;
  return make_cancelled_error(FUT(self));
}

static Value fut_repr_info(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_repr_info", nargs, 0, 0) || !args_no_kw("_repr_info", kw)) return VAL_NULL;
  Value fn = lazy(&future_repr_info_fn, "asyncio.futures", "_future_repr_info");
  return fn ? obj_call1(fn, self) : VAL_NULL;
}

/* "<Name info...>" with the class's own name, as base_futures._future_repr. */
static Value repr_from_info(Value self, Value info) {
  if (!info) return VAL_NULL;
  Value joined = str_join(str_from_cstr(" "), info);
  if (!joined) return VAL_NULL;
  return str_printf("<%s %U>", short_type_name(self), joined);
}

static Value fut_repr(Value self) {
  ENSURE_ALIVE(FUT(self));
  int r = list_repr_enter(self);
  if (r != 0) return r > 0 ? str_from_cstr("...") : VAL_NULL;
  Value info = obj_call_method(self, s_repr_info, no_args, 0);
  Value out = repr_from_info(self, info);
  list_repr_leave(self);
  return out;
}

static Value fut_await(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args, (void)nargs, (void)kw;
  ENSURE_ALIVE(FUT(self));
  FutureIterObject *it = (FutureIterObject *)gc_alloc_uninit(&FutureIterType, sizeof(FutureIterObject));
  it->future = self;
  return (Value)it;
}

static Value fut_iter_slot(Value self) { return fut_await(self, NULL, 0, NULL); }

static Value fut_class_getitem(Value cls, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__class_getitem__", nargs, 1, 1) || !args_no_kw("__class_getitem__", kw)) return VAL_NULL;
  return generic_alias_new(cls, args[0]);
}

static Value fut_del_method(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args, (void)nargs, (void)kw;
  if (is_task(self)) task_del(self);
  else future_del(self);
  return VAL_NONE;
}

static void call_exception_handler(Value loop, Value context) {
  Value fn = obj_getattr(loop, s_call_exception_handler);
  if (!fn || !obj_call1(fn, context)) err_write_unraisable(NULL, fn ? fn : loop);
}

static void future_del(Object *o) {
  FutureObject *f = (FutureObject *)o;
  if (!f->log_tb || !f->loop) return;
  Value saved = err_fetch();
  f->log_tb = false;
  Value ctx = dict_new();
  dict_set_str(ctx, s_message, str_printf("%s exception was never retrieved", short_type_name((Value)o)));
  dict_set_str(ctx, s_exception, f->exception);
  dict_set_str(ctx, s_future, (Value)o);
  call_exception_handler(f->loop, ctx);
  err_clear();
  if (saved) err_restore(saved);
}

/* ---- Future attributes ------------------------------------------------------ */

static Value or_none(Value v) { return v ? v : VAL_NONE; }

static Value get_blocking(Value self) { return val_bool(FUT(self)->blocking); }
static int set_blocking(Value self, Value v) {
  if (!v) return ERR_INT(err_set(&Exc_AttributeError, "cannot delete attribute"));
  int b = obj_truthy(v);
  if (b < 0) return -1;
  FUT(self)->blocking = b;
  return 0;
}
static Value get_log_traceback(Value self) { return val_bool(FUT(self)->log_tb); }
static int set_log_traceback(Value self, Value v) {
  if (!v) return ERR_INT(err_set(&Exc_AttributeError, "cannot delete attribute"));
  int b = obj_truthy(v);
  if (b < 0) return -1;
  if (b) return ERR_INT(err_set(&Exc_ValueError, "_log_traceback can only be set to False"));
  FUT(self)->log_tb = false;
  update_del(FUT(self));
  return 0;
}
static Value get_loop_attr(Value self) { return or_none(FUT(self)->loop); }
static Value get_callbacks(Value self) {
  FutureObject *f = FUT(self);
  if (!f->callback0 && !f->callbacks) return VAL_NONE;
  Value out = list_new(0);
  if (f->callback0) list_append(out, tuple_pack(2, callback0_callable(f), context_object(f->context0)));
  for (ssize_t i = 0; f->callbacks && i < LIST_LEN(f->callbacks); i++) {
    Value tup = LIST_ITEMS(f->callbacks)[i];
    list_append(out, tuple_pack(2, TUPLE_ITEMS(tup)[0], context_object(TUPLE_ITEMS(tup)[1])));
  }
  return out;
}
static Value get_result_attr(Value self) {
  FutureObject *f = FUT(self);
  return f->state == STATE_FINISHED && !f->exception ? or_none(f->result) : VAL_NONE;
}
static Value get_exception_attr(Value self) { return or_none(FUT(self)->exception); }
static Value get_source_traceback(Value self) {
  (void)self;
  return VAL_NONE;
}
static Value get_cancel_message(Value self) { return or_none(FUT(self)->cancel_msg); }
static int set_cancel_message(Value self, Value v) {
  if (!v) return ERR_INT(err_set(&Exc_AttributeError, "cannot delete attribute"));
  FUT(self)->cancel_msg = v;
  return 0;
}
static Value get_state(Value self) { return state_names[FUT(self)->state]; }

static const GetSetDef future_getsets[] = {
    {"_asyncio_future_blocking", get_blocking, set_blocking},
    {"_log_traceback", get_log_traceback, set_log_traceback},
    {"_loop", get_loop_attr, NULL},
    {"_callbacks", get_callbacks, NULL},
    {"_result", get_result_attr, NULL},
    {"_exception", get_exception_attr, NULL},
    {"_source_traceback", get_source_traceback, NULL},
    {"_cancel_message", get_cancel_message, set_cancel_message},
    {"_state", get_state, NULL},
    {NULL, NULL, NULL},
};

static const NativeDef future_methods[] = {
    {"result", fut_result, NATIVE_METHOD, NULL},
    {"exception", fut_exception, NATIVE_METHOD, NULL},
    {"set_result", fut_set_result, NATIVE_METHOD, NULL},
    {"set_exception", fut_set_exception, NATIVE_METHOD, NULL},
    {"add_done_callback", fut_add_done_callback, NATIVE_METHOD, NULL},
    {"remove_done_callback", fut_remove_done_callback, NATIVE_METHOD, NULL},
    {"cancel", fut_cancel, NATIVE_METHOD, NULL},
    {"cancelled", fut_cancelled, NATIVE_METHOD, NULL},
    {"done", fut_done, NATIVE_METHOD, NULL},
    {"get_loop", fut_get_loop, NATIVE_METHOD, NULL},
    {"_make_cancelled_error", fut_make_cancelled_error, NATIVE_METHOD, NULL},
    {"_repr_info", fut_repr_info, NATIVE_METHOD, NULL},
    {"__await__", fut_await, NATIVE_METHOD, NULL},
    {"__iter__", fut_await, NATIVE_METHOD, NULL},
    {"__del__", fut_del_method, NATIVE_METHOD, NULL},
    {"__class_getitem__", fut_class_getitem, NATIVE_CLASSMETHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static void future_trace(Object *o) {
  FutureObject *f = (FutureObject *)o;
  gc_mark(f->loop);
  gc_mark(f->callback0);
  gc_mark(f->context0);
  gc_mark(f->callbacks);
  gc_mark(f->result);
  gc_mark(f->exception);
  gc_mark(f->cancel_msg);
}

TypeObject FutureType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_asyncio.Future",
    .instance_size = sizeof(FutureObject),
    .flags = TP_BASETYPE,
    .tp_new = fut_tp_new,
    .tp_init = fut_tp_init,
    .trace = future_trace,
    .del = future_del,
    .repr = fut_repr,
    .iter = fut_iter_slot,
    .methods = future_methods,
    .getsets = future_getsets,
};

/* ---- FutureIter ------------------------------------------------------------- */

static Value futiter_next(Value self) {
  FutureIterObject *it = (FutureIterObject *)self;
  Value fv = it->future;
  if (!fv) return VAL_NULL;
  FutureObject *f = FUT(fv);
  if (f->state == STATE_PENDING) {
    if (!f->blocking) {
      f->blocking = true;
      return fv;
    }
    return err_set(&Exc_RuntimeError, "await wasn't used with future");
  }
  it->future = VAL_NULL;
  Value r = future_result_value(f);
  if (!r) return VAL_NULL;
  /* A None result ends the iteration without a StopIteration object. */
  if (r == VAL_NONE) return VAL_NULL;
  return err_stop_iteration(r);
}

static Value futiter_send(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("send", nargs, 1, 1) || !args_no_kw("send", kw)) return VAL_NULL;
  Value r = futiter_next(self);
  if (!r && !err_occurred()) return err_stop_iteration(VAL_NONE);
  return r;
}

static Value futiter_throw(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("throw", nargs, 1, 3) || !args_no_kw("throw", kw)) return VAL_NULL;
  Value type = args[0], val = nargs > 1 ? args[1] : VAL_NONE, tb = nargs > 2 ? args[2] : VAL_NONE;
  if (val == VAL_NONE) val = VAL_NULL;
  Value exc;
  if (is_type(type) && type_is_subtype((TypeObject *)type, &Exc_BaseException)) {
    if (val && val_is_exception(val) && type_is_subtype(val_type(val), (TypeObject *)type)) exc = val;
    else exc = val ? obj_call1(type, val) : obj_call(type, no_args, 0, NULL);
    if (!exc) return VAL_NULL;
  } else if (val_is_exception(type)) {
    if (val) return err_set(&Exc_TypeError, "instance exception may not have a separate value");
    exc = type;
  } else {
    return err_set(&Exc_TypeError, "exceptions must be classes deriving BaseException, not %T", type);
  }
  if (tb != VAL_NONE) AS(ExceptionObject, exc)->traceback = tb;
  ((FutureIterObject *)self)->future = VAL_NULL;
  return err_set_value(exc);
}

static Value futiter_close(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args, (void)nargs, (void)kw;
  ((FutureIterObject *)self)->future = VAL_NULL;
  return VAL_NONE;
}

static Value futiter_iter(Value self) { return self; }

static void futiter_trace(Object *o) { gc_mark(((FutureIterObject *)o)->future); }

static const NativeDef futiter_methods[] = {
    {"send", futiter_send, NATIVE_METHOD, NULL},
    {"throw", futiter_throw, NATIVE_METHOD, NULL},
    {"close", futiter_close, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject FutureIterType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_asyncio.FutureIter",
    .instance_size = sizeof(FutureIterObject),
    .trace = futiter_trace,
    .iter = futiter_iter,
    .iternext = futiter_next,
    .methods = futiter_methods,
};

/* ---- current task ------------------------------------------------------------ */

static int enter_task(Value loop, Value task) {
  Value cur = dict_get(current_tasks, loop);
  if (cur) {
    err_set(&Exc_RuntimeError, "Cannot enter into task %R while another task %R is being executed.", task, cur);
    return -1;
  }
  if (!cur && err_occurred()) return -1;
  return dict_set(current_tasks, loop, task);
}

static int leave_task(Value loop, Value task) {
  Value cur = dict_get(current_tasks, loop);
  if (cur != task) {
    if (!cur && err_occurred()) return -1;
    err_set(&Exc_RuntimeError, "Leaving task %R does not match the current task %R.", task, or_none(cur));
    return -1;
  }
  return dict_del(current_tasks, loop);
}

/* ---- Task -------------------------------------------------------------------- */

#define TASK(v) ((TaskObject *)(v))


static Value task_name(TaskObject *t) {
  if (val_is_int(t->name)) {
    Value s = str_printf("Task-%zd", (ssize_t)val_int(t->name));
    if (!s) return VAL_NULL;
    t->name = s;
  }
  return t->name;
}

static int call_step_soon(TaskObject *t, Value exc) {
  return asyncio_call_soon_native(t->fut.loop, &task_step_def, (Value)t, exc, t->context);
}

static int set_error_soon(TaskObject *t, Value msg) {
  if (!msg) return -1;
  Value e = exc_new(&Exc_RuntimeError, &msg, 1);
  if (!e) return -1;
  return call_step_soon(t, e);
}

static int is_coroutine(Value coro) {
  if (val_is_obj(coro) && coro->type == &CoroutineType) return 1;
  Value fn = lazy(&iscoroutine_fn, "asyncio.coroutines", "iscoroutine");
  if (!fn) return -1;
  Value r = obj_call1(fn, coro);
  return r ? obj_truthy(r) : -1;
}

static ArgSpec task_init_spec = ARGSPEC("Task(coro, *, loop=None, name=None, context=None)");
static int task_tp_init(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[4];
  if (!args_bind(&task_init_spec, args, nargs, kw, a)) return -1;
  TaskObject *t = TASK(self);
  if (t->registered) registry_unlink(t);
  if (future_init(&t->fut, a[1]) < 0) return -1;
  Value coro = a[0];
  int ok = is_coroutine(coro);
  if (ok < 0) return -1;
  if (!ok) {
    t->log_destroy_pending = false;
    err_set(&Exc_TypeError, "a coroutine was expected, got %R", coro);
    return -1;
  }
  t->context = a[3] && a[3] != VAL_NONE ? a[3] : context_snapshot();
  t->fut_waiter = VAL_NULL;
  t->must_cancel = false;
  t->log_destroy_pending = true;
  t->num_cancels_requested = 0;
  t->coro = coro;
  Value name = a[2];
  if (!name || name == VAL_NONE) {
    t->name = val_from_int((intptr_t)++task_name_counter);
  } else if (val_is_obj(name) && name->type == &StrType) {
    t->name = name;
  } else {
    t->name = obj_str(name);
    if (!t->name) return -1;
  }
  if (call_step_soon(t, VAL_NULL) < 0) return -1;
  return register_task(self);
}

static void task_leave_done(TaskObject *t) {
  if (t->fut.state != STATE_PENDING) registry_unlink(t);
}

/* One step of the coroutine (CPython's task_step_impl): -1 with an exception
 * only for errors the loop must see (KeyboardInterrupt, SystemExit, broken
 * invariants). */
static int task_step_impl(TaskObject *t, Value exc) {
  FutureObject *f = &t->fut;
  if (f->state != STATE_PENDING) {
    if (load_exceptions() < 0) return -1;
    Value msg = str_printf("_step(): already done: %R %R", (Value)t, or_none(exc));
    Value e = msg ? obj_call1(invalid_state_error, msg) : VAL_NULL;
    if (e) err_set_value(e);
    return -1;
  }
  if (t->must_cancel) {
    if (exc) {
      if (load_exceptions() < 0) return -1;
      int is = obj_isinstance(exc, cancelled_error);
      if (is < 0) return -1;
      if (!is) exc = VAL_NULL;
    }
    if (!exc) {
      exc = make_cancelled_error(f);
      if (!exc) return -1;
    }
    t->must_cancel = false;
  }
  t->fut_waiter = VAL_NULL;
  Value coro = t->coro, result = VAL_NULL;
  GenResult k;
  if (val_is_generator(coro)) {
    k = gen_send(coro, VAL_NONE, exc, &result);
  } else {
    Value arg = exc ? exc : VAL_NONE;
    result = obj_call_method(coro, exc ? NAME(throw) : NAME(send), &arg, 1);
    if (result) {
      k = GEN_YIELDED;
    } else if (err_matches(&Exc_StopIteration)) {
      Value stop = err_fetch();
      Value sargs = AS(ExceptionObject, stop)->args;
      result = sargs && val_is_tuple(sargs) && TUPLE_LEN(sargs) ? TUPLE_ITEMS(sargs)[0] : VAL_NONE;
      k = GEN_RETURNED;
    } else {
      k = GEN_RAISED;
    }
  }
  if (k == GEN_RETURNED) {
    Value r;
    if (t->must_cancel) {
      t->must_cancel = false;
      r = future_cancel(f, or_none(f->cancel_msg));
    } else {
      r = future_set_result(f, result);
    }
    return r ? 0 : -1;
  }
  if (k == GEN_RAISED) {
    if (load_exceptions() < 0) return -1;
    Value e = err_fetch();
    if (obj_isinstance_type(e, (TypeObject *)cancelled_error)) {
      if (f->state == STATE_PENDING) f->result = e; /* once cancelled, the slot holds this error */
      return future_cancel(f, VAL_NONE) ? 0 : -1;
    }
    if (!future_set_exception(f, e)) return -1;
    if (obj_isinstance_type(e, &Exc_KeyboardInterrupt) || obj_isinstance_type(e, &Exc_SystemExit)) {
      err_restore(e);
      return -1;
    }
    return 0;
  }
  /* yielded */
  if (result == (Value)t) return set_error_soon(t, str_printf("Task cannot await on itself: %R", (Value)t));
  if (is_exact_future(result)) {
    FutureObject *rf = FUT(result);
    if (rf->loop != f->loop)
      return set_error_soon(t, str_printf("Task %R got Future %R attached to a different loop", (Value)t, result));
    if (!rf->blocking)
      return set_error_soon(
          t, str_printf("yield was used instead of yield from in task %R with %R", (Value)t, result));
    rf->blocking = false;
    if (add_wakeup_callback(rf, (Value)t, t->context) < 0) return -1;
    t->fut_waiter = result;
    if (t->must_cancel) {
      Value r = result->type == &FutureType ? future_cancel(rf, or_none(f->cancel_msg))
                                            : obj_call_method(result, NAME(cancel), &f->cancel_msg, 1);
      if (!r) return -1;
      int yes = obj_truthy(r);
      if (yes < 0) return -1;
      if (yes) t->must_cancel = false;
    }
    return 0;
  }
  if (result == VAL_NONE) return call_step_soon(t, VAL_NULL);
  Value blocking = obj_getattr_opt(result, s_asyncio_future_blocking);
  if (!blocking && err_occurred()) return -1;
  if (blocking && blocking != VAL_NONE) {
    int b = obj_truthy(blocking);
    if (b < 0) return -1;
    Value oloop;
    if (is_future(result)) {
      oloop = FUT(result)->loop;
      if (!oloop) return ERR_INT(not_initialized());
    } else {
      Value gl = obj_getattr_opt(result, s_get_loop);
      if (gl) oloop = obj_call(gl, no_args, 0, NULL);
      else if (err_occurred()) return -1;
      else oloop = obj_getattr(result, s_loop);
      if (!oloop) return -1;
    }
    if (oloop != f->loop)
      return set_error_soon(t, str_printf("Task %R got Future %R attached to a different loop", (Value)t, result));
    if (!b)
      return set_error_soon(
          t, str_printf("yield was used instead of yield from in task %R with %R", (Value)t, result));
    if (obj_setattr(result, s_asyncio_future_blocking, VAL_FALSE) < 0) return -1;
    Value meth = obj_getattr(result, s_add_done_callback);
    if (!meth) return -1;
    t->context = context_object(t->context);
    Value cargs[2] = {native_function_new(&task_wakeup_def, (Value)t), t->context};
    if (!obj_call(meth, cargs, 1, AS(TupleObject, kw_context))) return -1;
    t->fut_waiter = result;
    if (t->must_cancel) {
      Value msg = or_none(f->cancel_msg);
      Value r = obj_call_method(result, NAME(cancel), &msg, 1);
      if (!r) return -1;
      int yes = obj_truthy(r);
      if (yes < 0) return -1;
      if (yes) t->must_cancel = false;
    }
    return 0;
  }
  if (val_is_obj(result) && result->type == &GeneratorType)
    return set_error_soon(
        t, str_printf("yield was used instead of yield from for generator in task %R with %R", (Value)t, result));
  return set_error_soon(t, str_printf("Task got bad yield: %R", result));
}

/* One step of the task, in its context: the copy made when it was created
 * (or the one given), continued from step to step. */
static Value task_step_in_context(TaskObject *t, Value exc);

static Value task_step(TaskObject *t, Value exc) {
  if (!t->context || context_is_current(t->context)) return task_step_in_context(t, exc);
  ContextSave save;
  if (!context_enter(t->context, &save)) return VAL_NULL;
  Value r = task_step_in_context(t, exc);
  t->context = context_leave(&save);
  return r;
}

static Value task_step_in_context(TaskObject *t, Value exc) {
  Value loop = t->fut.loop;
  if (enter_task(loop, (Value)t) < 0) return VAL_NULL;
  int r = task_step_impl(t, exc);
  task_leave_done(t);
  if (r < 0) {
    Value e = err_fetch();
    if (leave_task(loop, (Value)t) < 0) err_clear();
    err_restore(e);
    return VAL_NULL;
  }
  if (leave_task(loop, (Value)t) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value task_step_fn(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("task_step", nargs, 0, 1) || !args_no_kw("task_step", kw)) return VAL_NULL;
  Value exc = nargs ? args[0] : VAL_NULL;
  if (exc == VAL_NONE) exc = VAL_NULL;
  return task_step(TASK(self), exc);
}

static Value task_wakeup_fn(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("task_wakeup", nargs, 1, 1) || !args_no_kw("task_wakeup", kw)) return VAL_NULL;
  Value o = args[0];
  TaskObject *t = TASK(self);
  if (is_exact_future(o)) {
    Value r;
    int k = future_get_result(FUT(o), &r);
    if (k == 0) return task_step(t, VAL_NULL);
    if (k == 1) return task_step(t, r);
  } else {
    Value r = obj_call_method(o, NAME(result), no_args, 0);
    if (r) return task_step(t, VAL_NULL);
  }
  Value e = err_fetch();
  return task_step(t, e);
}

/* ---- Task methods ------------------------------------------------------------ */

static Value task_get_coro(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("get_coro", nargs, 0, 0) || !args_no_kw("get_coro", kw)) return VAL_NULL;
  return or_none(TASK(self)->coro);
}

static Value task_get_name(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("get_name", nargs, 0, 0) || !args_no_kw("get_name", kw)) return VAL_NULL;
  if (!TASK(self)->name) return VAL_NONE;
  return task_name(TASK(self));
}

static Value task_set_name(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("set_name", nargs, 1, 1) || !args_no_kw("set_name", kw)) return VAL_NULL;
  Value v = args[0];
  if (!(val_is_obj(v) && v->type == &StrType)) {
    v = obj_str(v);
    if (!v) return VAL_NULL;
  }
  TASK(self)->name = v;
  return VAL_NONE;
}

static Value task_set_result(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self, (void)args, (void)nargs, (void)kw;
  return err_set(&Exc_RuntimeError, "Task does not support set_result operation");
}

static Value task_set_exception(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self, (void)args, (void)nargs, (void)kw;
  return err_set(&Exc_RuntimeError, "Task does not support set_exception operation");
}

static Value task_cancel(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[1];
  if (!args_bind(&cancel_spec, args, nargs, kw, a)) return VAL_NULL;
  TaskObject *t = TASK(self);
  Value msg = a[0] ? a[0] : VAL_NONE;
  t->fut.log_tb = false;
  update_del(&t->fut);
  if (t->fut.state != STATE_PENDING) return VAL_FALSE;
  t->num_cancels_requested++;
  if (t->fut_waiter) {
    Value w = t->fut_waiter;
    Value r = w->type == &FutureType ? future_cancel(FUT(w), msg) : obj_call_method(w, NAME(cancel), &msg, 1);
    if (!r) return VAL_NULL;
    int yes = obj_truthy(r);
    if (yes < 0) return VAL_NULL;
    if (yes) return VAL_TRUE;
  }
  t->must_cancel = true;
  t->fut.cancel_msg = msg;
  return VAL_TRUE;
}

static Value task_cancelling(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("cancelling", nargs, 0, 0) || !args_no_kw("cancelling", kw)) return VAL_NULL;
  return val_from_int(TASK(self)->num_cancels_requested);
}

static Value task_uncancel(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("uncancel", nargs, 0, 0) || !args_no_kw("uncancel", kw)) return VAL_NULL;
  TaskObject *t = TASK(self);
  if (t->num_cancels_requested > 0) t->num_cancels_requested--;
  return val_from_int(t->num_cancels_requested);
}

static ArgSpec get_stack_spec = ARGSPEC("get_stack(*, limit=None)");
static Value task_get_stack(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[1];
  if (!args_bind(&get_stack_spec, args, nargs, kw, a)) return VAL_NULL;
  Value fn = lazy(&task_get_stack_fn, "asyncio.tasks", "_task_get_stack");
  return fn ? obj_call2(fn, self, or_none(a[0])) : VAL_NULL;
}

static ArgSpec print_stack_spec = ARGSPEC("print_stack(*, limit=None, file=None)");
static Value task_print_stack(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[2];
  if (!args_bind(&print_stack_spec, args, nargs, kw, a)) return VAL_NULL;
  Value fn = lazy(&task_print_stack_fn, "asyncio.tasks", "_task_print_stack");
  if (!fn) return VAL_NULL;
  Value cargs[3] = {self, or_none(a[0]), or_none(a[1])};
  return obj_call(fn, cargs, 3, NULL);
}

static Value task_repr_info_method(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_repr_info", nargs, 0, 0) || !args_no_kw("_repr_info", kw)) return VAL_NULL;
  Value fn = lazy(&task_repr_info_fn, "asyncio.tasks", "_task_repr_info");
  return fn ? obj_call1(fn, self) : VAL_NULL;
}

static Value task_repr(Value self) {
  ENSURE_ALIVE(FUT(self));
  int r = list_repr_enter(self);
  if (r != 0) return r > 0 ? str_from_cstr("...") : VAL_NULL;
  Value fn = lazy(&task_repr_info_fn, "asyncio.tasks", "_task_repr_info");
  Value out = repr_from_info(self, fn ? obj_call1(fn, self) : VAL_NULL);
  list_repr_leave(self);
  return out;
}

static void task_del(Object *o) {
  TaskObject *t = (TaskObject *)o;
  bool was_registered = t->registered;
  registry_unlink(t);
  if (was_registered && t->fut.state == STATE_PENDING && t->log_destroy_pending && t->fut.loop) {
    Value saved = err_fetch();
    Value ctx = dict_new();
    dict_set_str(ctx, s_message, str_from_cstr("Task was destroyed but it is pending!"));
    dict_set_str(ctx, s_task, (Value)o);
    call_exception_handler(t->fut.loop, ctx);
    err_clear();
    if (saved) err_restore(saved);
  }
  future_del(o);
}

/* ---- Task attributes --------------------------------------------------------- */

static Value get_log_destroy_pending(Value self) { return val_bool(TASK(self)->log_destroy_pending); }
static int set_log_destroy_pending(Value self, Value v) {
  if (!v) return ERR_INT(err_set(&Exc_AttributeError, "can't delete attribute"));
  int b = obj_truthy(v);
  if (b < 0) return -1;
  TASK(self)->log_destroy_pending = b;
  return 0;
}
static Value get_must_cancel(Value self) { return val_bool(TASK(self)->must_cancel); }
static Value get_coro_attr(Value self) { return or_none(TASK(self)->coro); }
static Value get_fut_waiter(Value self) { return or_none(TASK(self)->fut_waiter); }

static const GetSetDef task_getsets[] = {
    {"_log_destroy_pending", get_log_destroy_pending, set_log_destroy_pending},
    {"_must_cancel", get_must_cancel, NULL},
    {"_coro", get_coro_attr, NULL},
    {"_fut_waiter", get_fut_waiter, NULL},
    {NULL, NULL, NULL},
};

static const NativeDef task_methods[] = {
    {"get_coro", task_get_coro, NATIVE_METHOD, NULL},
    {"get_name", task_get_name, NATIVE_METHOD, NULL},
    {"set_name", task_set_name, NATIVE_METHOD, NULL},
    {"set_result", task_set_result, NATIVE_METHOD, NULL},
    {"set_exception", task_set_exception, NATIVE_METHOD, NULL},
    {"cancel", task_cancel, NATIVE_METHOD, NULL},
    {"cancelling", task_cancelling, NATIVE_METHOD, NULL},
    {"uncancel", task_uncancel, NATIVE_METHOD, NULL},
    {"get_stack", task_get_stack, NATIVE_METHOD, NULL},
    {"print_stack", task_print_stack, NATIVE_METHOD, NULL},
    {"_repr_info", task_repr_info_method, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static void task_trace(Object *o) {
  future_trace(o);
  TaskObject *t = (TaskObject *)o;
  gc_mark(t->coro);
  gc_mark(t->name);
  gc_mark(t->context);
  gc_mark(t->fut_waiter);
}

TypeObject TaskType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_asyncio.Task",
    .base_type = &FutureType,
    .instance_size = sizeof(TaskObject),
    .flags = TP_BASETYPE,
    .tp_new = fut_tp_new,
    .tp_init = task_tp_init,
    .trace = task_trace,
    .del = task_del,
    .repr = task_repr,
    .methods = task_methods,
    .getsets = task_getsets,
};

/* ---- module functions -------------------------------------------------------- */

static Value running_loop(Value loop) {
  if (loop && loop != VAL_NONE) return loop;
  Value fn = lazy(&get_running_loop_fn, "asyncio.events", "get_running_loop");
  return fn ? obj_call(fn, no_args, 0, NULL) : VAL_NULL;
}

static ArgSpec current_task_spec = ARGSPEC("current_task(loop=None)");
static Value a_current_task(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[1];
  if (!args_bind(&current_task_spec, args, nargs, kw, a)) return VAL_NULL;
  Value loop = running_loop(a[0]);
  if (!loop) return VAL_NULL;
  Value t = dict_get(current_tasks, loop);
  if (!t && err_occurred()) return VAL_NULL;
  return or_none(t);
}

static ArgSpec all_tasks_spec = ARGSPEC("all_tasks(loop=None)");
static Value a_all_tasks(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[1];
  if (!args_bind(&all_tasks_spec, args, nargs, kw, a)) return VAL_NULL;
  Value loop = running_loop(a[0]);
  if (!loop) return VAL_NULL;
  Value out = set_new(VAL_NULL);
  for (TaskObject *t = registry_head; t; t = t->reg_next)
    if (t->fut.loop == loop && t->fut.state == STATE_PENDING && set_add(out, (Value)t) < 0) return VAL_NULL;
  Value others = list_from_iterable(strong_tasks);
  if (!others) return VAL_NULL;
  for (ssize_t i = 0; i < LIST_LEN(others); i++) {
    Value t = LIST_ITEMS(others)[i];
    Value l = is_future(t) ? FUT(t)->loop : VAL_NULL;
    if (!l) {
      Value gl = obj_getattr_opt(t, s_get_loop);
      if (gl) l = obj_call(gl, no_args, 0, NULL);
      else if (!err_occurred()) l = obj_getattr(t, s_loop);
      if (!l) return VAL_NULL;
    }
    if (l != loop) continue;
    Value done = obj_call_method(t, NAME(done), no_args, 0);
    if (!done) return VAL_NULL;
    int d = obj_truthy(done);
    if (d < 0) return VAL_NULL;
    if (!d && set_add(out, t) < 0) return VAL_NULL;
  }
  return out;
}

static Value a_register_task(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_register_task", nargs, 1, 1) || !args_no_kw("_register_task", kw)) return VAL_NULL;
  return register_task(args[0]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value a_unregister_task(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_unregister_task", nargs, 1, 1) || !args_no_kw("_unregister_task", kw)) return VAL_NULL;
  return unregister_task(args[0]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value a_enter_task(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_enter_task", nargs, 2, 2) || !args_no_kw("_enter_task", kw)) return VAL_NULL;
  return enter_task(args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value a_leave_task(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_leave_task", nargs, 2, 2) || !args_no_kw("_leave_task", kw)) return VAL_NULL;
  return leave_task(args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static const NativeDef future_functions[] = {
    {"current_task", a_current_task, 0, NULL},
    {"all_tasks", a_all_tasks, 0, NULL},
    {"_register_task", a_register_task, 0, NULL},
    {"_unregister_task", a_unregister_task, 0, NULL},
    {"_enter_task", a_enter_task, 0, NULL},
    {"_leave_task", a_leave_task, 0, NULL},
    {NULL, NULL, 0, NULL},
};

int asyncio_future_init(Value module) {
  static Value *roots[] = {&kw_context,        &state_names[0],      &state_names[1],      &state_names[2],
                           &cancelled_error,   &invalid_state_error, &get_event_loop_fn,   &get_running_loop_fn,
                           &iscoroutine_fn,    &future_repr_info_fn, &task_repr_info_fn,   &task_get_stack_fn,
                           &task_print_stack_fn, &current_tasks,     &strong_tasks};
  static bool rooted;
  if (!rooted) {
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) gc_add_root(roots[i]);
    rooted = true;
  }
  s_call_exception_handler = str_intern_cstr("call_exception_handler");
  s_message = str_intern_cstr("message");
  s_exception = str_intern_cstr("exception");
  s_future = str_intern_cstr("future");
  s_task = str_intern_cstr("task");
  s_context = str_intern_cstr("context");
  s_repr_info = str_intern_cstr("_repr_info");
  s_get_loop = str_intern_cstr("get_loop");
  s_add_done_callback = str_intern_cstr("add_done_callback");
  s_asyncio_future_blocking = str_intern_cstr("_asyncio_future_blocking");
  s_limit = str_intern_cstr("limit");
  s_file = str_intern_cstr("file");
  s_loop = str_intern_cstr("_loop");
  kw_context = tuple_pack(1, (Value)s_context);
  state_names[STATE_PENDING] = (Value)str_intern_cstr("PENDING");
  state_names[STATE_CANCELLED] = (Value)str_intern_cstr("CANCELLED");
  state_names[STATE_FINISHED] = (Value)str_intern_cstr("FINISHED");
  current_tasks = dict_new();
  strong_tasks = set_new(VAL_NULL);
  type_ready(&FutureType);
  type_ready(&TaskType);
  type_ready(&FutureIterType);
  weakref_allow_type(&FutureType); /* as CPython's: asyncio keeps tasks in a WeakSet */
  weakref_allow_type(&TaskType);
  Value d = module_dict(module);
  if (dict_set_cstr(d, "Future", (Value)&FutureType) < 0 || dict_set_cstr(d, "Task", (Value)&TaskType) < 0 ||
      dict_set_cstr(d, "_current_tasks", current_tasks) < 0)
    return -1;
  for (const NativeDef *def = future_functions; def->name; def++)
    if (dict_set_cstr(d, def->name, native_function_new(def, module)) < 0) return -1;
  return 0;
}
