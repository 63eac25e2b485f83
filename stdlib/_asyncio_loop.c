/* _asyncio_loop.c — the event loop's scheduling core: Handle, TimerHandle,
 * the ready FIFO, the timer heap and one loop iteration, in C.
 *
 * asyncio.base_events.BaseEventLoop subclasses _asyncio.EventLoopCore, whose
 * methods call_soon, call_later, call_at, call_soon_threadsafe, time and
 * _run_once are CPython 3.11's base_events.py methods transcribed:
 *  - the ready queue is a ring of handles; an iteration runs exactly the
 *    handles that were queued when it began (ntodo = len(ready)), popping
 *    each before running it, so callbacks not yet run stay queued when one
 *    raises SystemExit/KeyboardInterrupt;
 *  - timers live in a binary heap kept by heapq's own algorithm (siftdown/
 *    siftup compare deadlines with `<` only), so timers with equal
 *    deadlines come out in the same order as under CPython's heapq;
 *    cancelled timers are dropped from the head, or all at once when they
 *    are more than half of more than 100;
 *  - due timers are those with when < time() + clock resolution;
 *  - the wait is epoll with the GIL dropped; the loop's eventfd (written by
 *    call_soon_threadsafe) wakes it.
 * Handles are small (no instance dict, flags in the object header's spare
 * word) because a pending asyncio.sleep() holds one TimerHandle.
 *
 * Debug mode and error reporting stay in Python (base_events.py,
 * format_helpers.py): events.py registers the helpers this file calls with
 * _set_loop_helpers(), and they run only on rare paths (a callback raising,
 * a repr, a loop in debug mode).
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/_asyncio.h"
#include "stdlib/_contextvars.h"

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
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
#include "runtime/weakref.h"
#include "vm/gil.h"

/* ---- objects ------------------------------------------------------------- */

/* Handle flags, kept in Object.aux. */
enum {
  HF_CANCELLED = 1u << 0,
  HF_SCHEDULED = 1u << 1, /* TimerHandle: in its loop's heap */
  HF_ARGS1 = 1u << 2,     /* one argument, kept in `args` itself */
  HF_ARGS2 = 1u << 3,     /* two arguments, in `args` and `arg1` */
};
#define HF_INLINE_ARGS (HF_ARGS1 | HF_ARGS2)

/* Most callbacks take at most two arguments (a Task step, a done callback,
 * asyncio.sleep's timer): those are kept inline, without a tuple. */
typedef struct {
  Object base;
  Value callback; /* None once cancelled */
  Value args;     /* a tuple (None once cancelled), or the first inline argument */
  Value arg1;     /* the second inline argument (HF_ARGS2) */
  Value loop;
  Value context;
  Value extra;    /* VAL_NULL, or a list of the rarely set slots (EX_*) */
} HandleObject;

/* Slots of HandleObject.extra; None there means unset. */
enum { EX_REPR, EX_SOURCE_TB, EX_WHEN, EX_COUNT };

typedef struct {
  HandleObject h;
  double when; /* the deadline the heap orders by; extra[EX_WHEN] keeps a non-float `when` as given */
} TimerHandleObject;

/* A callback's arguments as a handle keeps them. */
typedef struct {
  Value args, arg1;
  uint32_t flags; /* 0 (args is a tuple), HF_ARGS1 or HF_ARGS2 */
} CallbackArgs;

/* A ready-queue entry: a Handle (def NULL), or a native method queued by
 * asyncio_call_soon_native, run as def->fn(self, arg) with no Handle. */
typedef struct {
  Value obj;
  Value arg;
  const NativeDef *def;
} ReadyEntry;

typedef struct {
  Object base;
  ReadyEntry *ready; /* ring: ready[(ready_head + i) % ready_cap], i < ready_len */
  size_t ready_head, ready_len, ready_cap;
  Value *timers; /* heap of TimerHandles, heapq's invariant on `when` */
  size_t ntimers, timers_cap;
  ssize_t timer_cancelled_count;
  double clock_resolution;
  Value readers, writers; /* dicts fd -> Handle */
  Value debug;            /* as given to set_debug() */
  int epfd, wakefd;
  bool stopping, closed, debug_on;
} LoopObject;

static TypeObject HandleType, TimerHandleType, LoopType;

#define HANDLE(v) ((HandleObject *)(v))
#define TIMER(v) ((TimerHandleObject *)(v))
#define LOOP(v) ((LoopObject *)(v))

static Value extra_get(HandleObject *h, int slot) {
  if (!h->extra) return VAL_NULL;
  Value v = AS(ListObject, h->extra)->items[slot];
  return v == VAL_NONE ? VAL_NULL : v;
}

static void extra_set(HandleObject *h, int slot, Value v) {
  if (!h->extra) {
    if (!v || v == VAL_NONE) return;
    h->extra = list_new(EX_COUNT);
  }
  AS(ListObject, h->extra)->items[slot] = v ? v : VAL_NONE;
}

static bool is_handle(Value v) {
  if (!val_is_obj(v)) return false;
  TypeObject *t = val_type(v);
  return t == &HandleType || t == &TimerHandleType || obj_isinstance_type(v, &HandleType);
}
static bool is_timer(Value v) { return val_is_obj(v) && obj_isinstance_type(v, &TimerHandleType); }
static bool is_loop(Value v) { return val_is_obj(v) && obj_isinstance_type(v, &LoopType); }

/* Python helpers registered by events.py (rooted). */
static Value fn_format_callback_source; /* format_helpers._format_callback_source(cb, args) */
static Value fn_extract_stack;          /* events._creation_stack(): the caller's StackSummary */
static Value empty_tuple;
static Value kwnames_context;           /* ("context",) */
static StrObject *s_call_soon, *s_call_exception_handler, *s_get_debug, *s_timer_handle_cancelled;
static StrObject *s_check_thread, *s_check_callback, *s_run_handle_debug, *s_repr_info, *s_run, *s_time;
static Value native_time, native_call_soon; /* EventLoopCore's own descriptors, to spot overrides */

/* ---- clock --------------------------------------------------------------- */

static double monotonic(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* self.time(), honouring a subclass's override. */
static bool loop_time(Value loop, double *out) {
  if (type_lookup(val_type(loop), s_time) == native_time) {
    *out = monotonic();
    return true;
  }
  Value t = obj_call_method(loop, s_time, NULL, 0);
  if (!t) return false;
  *out = float_as_double(t);
  return !(*out == -1.0 && err_occurred());
}

/* ---- Handle --------------------------------------------------------------- */

static Value handle_args_tuple(HandleObject *h) {
  if (h->base.aux & HF_ARGS1) return tuple_pack(1, h->args);
  if (h->base.aux & HF_ARGS2) return tuple_pack(2, h->args, h->arg1);
  return h->args ? h->args : VAL_NONE;
}

static bool loop_debug(Value loop, int *on) {
  if (is_loop(loop)) {
    *on = LOOP(loop)->debug_on;
    return true;
  }
  Value d = obj_call_method(loop, s_get_debug, NULL, 0);
  if (!d) return false;
  *on = obj_truthy(d);
  return *on >= 0;
}

/* In debug mode a handle remembers where it was made (CPython's
 * format_helpers.extract_stack of the Python frame that made it). */
static bool handle_capture_source(HandleObject *h) {
  int on;
  if (!loop_debug(h->loop, &on)) return false;
  if (!on || !fn_extract_stack) return true;
  Value tb = obj_call0(fn_extract_stack);
  if (!tb) return false;
  extra_set(h, EX_SOURCE_TB, tb);
  return true;
}

static CallbackArgs args_of_tuple(Value tuple) { return (CallbackArgs){tuple, VAL_NULL, 0}; }

/* Fills a fresh handle. */
static void handle_fill(HandleObject *h, Value callback, CallbackArgs a, Value loop, Value context) {
  h->callback = callback;
  h->args = a.args;
  h->arg1 = a.arg1;
  h->loop = loop;
  /* Context=None runs the callback in a copy of the current context. */
  h->context = context && context != VAL_NONE ? context : context_snapshot();
  h->extra = VAL_NULL;
  h->base.aux = a.flags;
}

static HandleObject *handle_new(TypeObject *type) {
  return (HandleObject *)gc_alloc(type, type->instance_size);
}

static void handle_trace(Object *o) {
  HandleObject *h = (HandleObject *)o;
  gc_mark(h->callback);
  gc_mark(h->args);
  gc_mark(h->arg1);
  gc_mark(h->loop);
  gc_mark(h->context);
  gc_mark(h->extra);
}

static Value handle_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)args, (void)nargs, (void)kwnames;
  HandleObject *h = handle_new(type);
  handle_fill(h, VAL_NONE, args_of_tuple(VAL_NONE), VAL_NONE, VAL_NONE);
  return (Value)h;
}

static ArgSpec handle_spec = ARGSPEC("Handle.__init__(callback, args, loop, context=None)");
static ArgSpec timer_spec = ARGSPEC("TimerHandle.__init__(when, callback, args, loop, context=None)");

static int handle_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  Value a[4];
  if (!args_bind(&handle_spec, args, nargs, kwnames, a)) return -1;
  handle_fill(HANDLE(self), a[0], args_of_tuple(a[1]), a[2], a[3]);
  return handle_capture_source(HANDLE(self)) ? 0 : -1;
}

/* Sets a timer's deadline from a number. */
static bool timer_set_when(TimerHandleObject *t, Value when) {
  if (val_is_float(when)) {
    t->when = float_value(when);
    extra_set(&t->h, EX_WHEN, VAL_NULL);
    return true;
  }
  double d = float_as_double(when);
  if (d == -1.0 && err_occurred()) return false;
  t->when = d;
  extra_set(&t->h, EX_WHEN, when);
  return true;
}

static Value timer_when_value(TimerHandleObject *t) {
  Value w = extra_get(&t->h, EX_WHEN);
  return w ? w : float_new(t->when);
}

static int timer_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  Value a[5];
  if (!args_bind(&timer_spec, args, nargs, kwnames, a)) return -1;
  handle_fill(HANDLE(self), a[1], args_of_tuple(a[2]), a[3], a[4]);
  if (!timer_set_when(TIMER(self), a[0])) return -1;
  return handle_capture_source(HANDLE(self)) ? 0 : -1;
}

/* CPython's Handle._repr_info: [class name, 'cancelled'?, callback source?, 'created at f:l'?]. */
static Value handle_repr_info_impl(Value self) {
  HandleObject *h = HANDLE(self);
  Value info = list_new(0);
  list_append(info, (Value)val_type(self)->name_obj);
  if (h->base.aux & HF_CANCELLED) list_append(info, str_from_cstr("cancelled"));
  if (h->callback != VAL_NONE && fn_format_callback_source) {
    Value args = handle_args_tuple(h);
    if (!args) return VAL_NULL;
    Value src = obj_call2(fn_format_callback_source, h->callback, args);
    if (!src) return VAL_NULL;
    list_append(info, src);
  }
  Value source_tb = extra_get(h, EX_SOURCE_TB);
  if (source_tb) {
    int t = obj_truthy(source_tb);
    if (t < 0) return VAL_NULL;
    if (t) {
      Value frame = obj_getitem(source_tb, val_from_int(-1));
      Value file = frame ? obj_getitem(frame, val_from_int(0)) : VAL_NULL;
      Value line = file ? obj_getitem(frame, val_from_int(1)) : VAL_NULL;
      if (!line) return VAL_NULL;
      Value s = str_printf("created at %S:%S", file, line);
      if (!s) return VAL_NULL;
      list_append(info, s);
    }
  }
  if (is_timer(self)) {
    Value w = obj_str(timer_when_value(TIMER(self)));
    if (!w) return VAL_NULL;
    Value item = str_printf("when=%U", w);
    if (!item) return VAL_NULL;
    /* TimerHandle puts when= right after the name (and 'cancelled'). */
    Value pos = val_from_int((h->base.aux & HF_CANCELLED) ? 2 : 1);
    Value ins[2] = {pos, item};
    if (!obj_call_method(info, str_intern_cstr("insert"), ins, 2)) return VAL_NULL;
  }
  return info;
}

static Value h_repr_info(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("_repr_info", kw) || !args_count("_repr_info", nargs, 0, 0)) return VAL_NULL;
  return handle_repr_info_impl(self);
}

static Value handle_repr(Value self) {
  HandleObject *h = HANDLE(self);
  Value kept = extra_get(h, EX_REPR);
  if (kept) return kept;
  Value info = type_lookup(val_type(self), s_repr_info) == type_lookup(&HandleType, s_repr_info)
                   ? handle_repr_info_impl(self)
                   : obj_call_method(self, s_repr_info, NULL, 0);
  if (!info) return VAL_NULL;
  Value joined = str_join(str_from_cstr(" "), info);
  if (!joined) return VAL_NULL;
  return str_printf("<%U>", joined);
}

/* Handle.cancel (and TimerHandle.cancel, which first tells the loop). */
static bool handle_cancel(HandleObject *h) {
  if (h->base.aux & HF_CANCELLED) return true;
  if (is_timer((Value)h)) {
    if (is_loop(h->loop)) {
      if (h->base.aux & HF_SCHEDULED) LOOP(h->loop)->timer_cancelled_count++;
    } else {
      Value self = (Value)h;
      if (!obj_call_method(h->loop, s_timer_handle_cancelled, &self, 1)) return false;
    }
  }
  if (h->base.aux & HF_CANCELLED) return true;
  h->base.aux |= HF_CANCELLED;
  int on;
  if (!loop_debug(h->loop, &on)) return false;
  if (on) {
    /* Debug mode keeps the repr, for "Executing <Handle...> took 2.5 seconds". */
    extra_set(h, EX_REPR, VAL_NULL);
    Value r = obj_repr((Value)h);
    if (!r) return false;
    extra_set(h, EX_REPR, r);
  }
  h->callback = VAL_NONE;
  h->args = VAL_NONE;
  h->arg1 = VAL_NULL;
  h->base.aux &= ~(uint32_t)HF_INLINE_ARGS;
  return true;
}

static Value h_cancel(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("cancel", kw) || !args_count("cancel", nargs, 0, 0)) return VAL_NULL;
  return handle_cancel(HANDLE(self)) ? VAL_NONE : VAL_NULL;
}

static Value h_cancelled(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("cancelled", kw) || !args_count("cancelled", nargs, 0, 0)) return VAL_NULL;
  return (HANDLE(self)->base.aux & HF_CANCELLED) ? VAL_TRUE : VAL_FALSE;
}

/* Handle._run: calls the callback; an exception other than SystemExit and
 * KeyboardInterrupt goes to loop.call_exception_handler() as CPython's
 * Handle._run reports it.  Returns false with the exception set otherwise. */
static bool handle_report_error(HandleObject *h);

static bool handle_run(HandleObject *h) {
  Value cb = h->callback;
  Value r;
  ContextSave save;
  if (!context_enter(h->context, &save)) return handle_report_error(h);
  if (h->base.aux & HF_INLINE_ARGS) {
    Value argv[2] = {h->args, h->arg1};
    r = obj_call(cb, argv, (h->base.aux & HF_ARGS2) ? 2 : 1, NULL);
  } else if (val_is_tuple(h->args)) {
    Value args = h->args;
    r = obj_call(cb, TUPLE_ITEMS(args), (size_t)AS(TupleObject, args)->len, NULL);
    GC_KEEP_ALIVE(args);
  } else {
    r = obj_call_tuple_dict(cb, h->args, VAL_NULL);
  }
  context_leave(&save);
  if (r) return true;
  return handle_report_error(h);
}

/* After h's callback raised: SystemExit and KeyboardInterrupt propagate
 * (false), anything else goes to the loop's exception handler as
 * "Exception in callback ..." (Handle._run's except clause). */
static bool handle_report_error(HandleObject *h) {
  if (err_matches(&Exc_SystemExit) || err_matches(&Exc_KeyboardInterrupt)) return false;
  Value exc = err_fetch();
  Value args = handle_args_tuple(h);
  if (!args) return false;
  Value src = fn_format_callback_source ? obj_call2(fn_format_callback_source, h->callback, args)
                                        : obj_repr(h->callback);
  if (!src) return false;
  Value ctx = dict_new();
  dict_set_cstr(ctx, "message", str_printf("Exception in callback %U", src));
  dict_set_cstr(ctx, "exception", exc);
  dict_set_cstr(ctx, "handle", (Value)h);
  Value source_tb = extra_get(h, EX_SOURCE_TB);
  if (source_tb) {
    int t = obj_truthy(source_tb);
    if (t < 0) return false;
    if (t) dict_set_cstr(ctx, "source_traceback", source_tb);
  }
  /* The handler runs as inside CPython's `except BaseException as exc:`. */
  ThreadState *ts = ts_current;
  Value saved = ts->handled_exc;
  ts->handled_exc = exc;
  Value ok = obj_call_method(h->loop, s_call_exception_handler, &ctx, 1);
  ts->handled_exc = saved;
  return ok != VAL_NULL;
}

static Value h_run(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("_run", kw) || !args_count("_run", nargs, 0, 0)) return VAL_NULL;
  return handle_run(HANDLE(self)) ? VAL_NONE : VAL_NULL;
}

static Value t_when(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("when", kw) || !args_count("when", nargs, 0, 0)) return VAL_NULL;
  return timer_when_value(TIMER(self));
}

static Hash timer_hash(Value self) {
  TimerHandleObject *t = TIMER(self);
  Value w = extra_get(&t->h, EX_WHEN);
  return w ? obj_hash(w) : float_hash(t->when);
}

/* TimerHandle.__eq__: same deadline, callback, arguments and state. */
static int timer_eq(Value a, Value b) {
  TimerHandleObject *x = TIMER(a), *y = TIMER(b);
  if (x->when != y->when) return 0;
  int r = obj_eq(x->h.callback, y->h.callback);
  if (r <= 0) return r;
  Value xa = handle_args_tuple(&x->h), ya = handle_args_tuple(&y->h);
  if (!xa || !ya) return -1;
  r = obj_eq(xa, ya);
  if (r <= 0) return r;
  return (x->h.base.aux & HF_CANCELLED) == (y->h.base.aux & HF_CANCELLED);
}

static Value timer_richcompare(Value a, Value b, CmpOp op) {
  if (!is_timer(b)) return VAL_NOTIMPL;
  double x = TIMER(a)->when, y = TIMER(b)->when;
  int r;
  switch (op) {
  case CMP_LT: return x < y ? VAL_TRUE : VAL_FALSE;
  case CMP_GT: return x > y ? VAL_TRUE : VAL_FALSE;
  case CMP_LE:
  case CMP_GE:
    if (op == CMP_LE ? x < y : x > y) return VAL_TRUE;
    /* or equal */
    __attribute__((fallthrough));
  case CMP_EQ:
  case CMP_NE:
    r = timer_eq(a, b);
    if (r < 0) return VAL_NULL;
    if (op == CMP_NE) r = !r;
    return r ? VAL_TRUE : VAL_FALSE;
  }
  return VAL_NOTIMPL;
}

/* ---- Handle attributes (CPython's __slots__) ----------------------------- */

static Value none_if_null(Value v) { return v ? v : VAL_NONE; }

static Value g_callback(Value self) { return HANDLE(self)->callback; }
static int s_callback(Value self, Value v) {
  HANDLE(self)->callback = v ? v : VAL_NONE;
  return 0;
}
static Value g_args(Value self) { return handle_args_tuple(HANDLE(self)); }
static int s_args(Value self, Value v) {
  HANDLE(self)->args = v ? v : VAL_NONE;
  HANDLE(self)->arg1 = VAL_NULL;
  HANDLE(self)->base.aux &= ~(uint32_t)HF_INLINE_ARGS;
  return 0;
}
static Value g_loop(Value self) { return HANDLE(self)->loop; }
static int s_loop(Value self, Value v) {
  HANDLE(self)->loop = v ? v : VAL_NONE;
  return 0;
}
static Value g_context(Value self) {
  HandleObject *h = HANDLE(self);
  if (h->context != VAL_NONE) h->context = context_object(h->context);
  return h->context;
}
static int s_context(Value self, Value v) {
  HANDLE(self)->context = v ? v : VAL_NONE;
  return 0;
}
static Value g_cancelled(Value self) { return (HANDLE(self)->base.aux & HF_CANCELLED) ? VAL_TRUE : VAL_FALSE; }
static int s_cancelled(Value self, Value v) {
  int t = v ? obj_truthy(v) : 0;
  if (t < 0) return -1;
  if (t) HANDLE(self)->base.aux |= HF_CANCELLED;
  else HANDLE(self)->base.aux &= ~(uint32_t)HF_CANCELLED;
  return 0;
}
static Value g_repr(Value self) { return none_if_null(extra_get(HANDLE(self), EX_REPR)); }
static int s_repr(Value self, Value v) {
  extra_set(HANDLE(self), EX_REPR, v);
  return 0;
}
static Value g_source_tb(Value self) { return none_if_null(extra_get(HANDLE(self), EX_SOURCE_TB)); }
static int s_source_tb(Value self, Value v) {
  extra_set(HANDLE(self), EX_SOURCE_TB, v);
  return 0;
}
static Value g_when(Value self) { return timer_when_value(TIMER(self)); }
static int s_when(Value self, Value v) {
  if (!v) return ERR_INT(err_set(&Exc_AttributeError, "_when"));
  return timer_set_when(TIMER(self), v) ? 0 : -1;
}
static Value g_scheduled(Value self) { return (HANDLE(self)->base.aux & HF_SCHEDULED) ? VAL_TRUE : VAL_FALSE; }
static int s_scheduled(Value self, Value v) {
  int t = v ? obj_truthy(v) : 0;
  if (t < 0) return -1;
  if (t) HANDLE(self)->base.aux |= HF_SCHEDULED;
  else HANDLE(self)->base.aux &= ~(uint32_t)HF_SCHEDULED;
  return 0;
}

static const GetSetDef handle_getsets[] = {
    {"_callback", g_callback, s_callback},
    {"_args", g_args, s_args},
    {"_loop", g_loop, s_loop},
    {"_context", g_context, s_context},
    {"_cancelled", g_cancelled, s_cancelled},
    {"_repr", g_repr, s_repr},
    {"_source_traceback", g_source_tb, s_source_tb},
    {NULL, NULL, NULL},
};

static const GetSetDef timer_getsets[] = {
    {"_when", g_when, s_when},
    {"_scheduled", g_scheduled, s_scheduled},
    {NULL, NULL, NULL},
};

static const NativeDef handle_methods[] = {
    {"cancel", h_cancel, NATIVE_METHOD, NULL},
    {"cancelled", h_cancelled, NATIVE_METHOD, NULL},
    {"_run", h_run, NATIVE_METHOD, NULL},
    {"_repr_info", h_repr_info, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static const NativeDef timer_methods[] = {
    {"when", t_when, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static TypeObject HandleType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "asyncio.events.Handle",
    .instance_size = sizeof(HandleObject),
    .flags = TP_BASETYPE,
    .tp_new = handle_tp_new,
    .tp_init = handle_tp_init,
    .trace = handle_trace,
    .repr = handle_repr,
    .methods = handle_methods,
    .getsets = handle_getsets,
};

static TypeObject TimerHandleType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "asyncio.events.TimerHandle",
    .base_type = &HandleType,
    .instance_size = sizeof(TimerHandleObject),
    .flags = TP_BASETYPE,
    .tp_new = handle_tp_new,
    .tp_init = timer_tp_init,
    .trace = handle_trace,
    .repr = handle_repr,
    .hash = timer_hash,
    .richcompare = timer_richcompare,
    .methods = timer_methods,
    .getsets = timer_getsets,
};

/* ---- the ready FIFO ------------------------------------------------------ */

#define READY_MIN_CAP 64

/* Moves the ring's entries to a new array of `cap` (>= ready_len) slots. */
static void ready_resize(LoopObject *L, size_t cap) {
  ReadyEntry *ring = malloc(cap * sizeof *ring);
  if (!ring) abort();
  for (size_t i = 0; i < L->ready_len; i++) ring[i] = L->ready[(L->ready_head + i) % L->ready_cap];
  free(L->ready);
  gc_account(((ssize_t)cap - (ssize_t)L->ready_cap) * (ssize_t)sizeof *ring);
  L->ready = ring;
  L->ready_head = 0;
  L->ready_cap = cap;
}

static void ready_push_entry(LoopObject *L, ReadyEntry e) {
  if (L->ready_len == L->ready_cap) ready_resize(L, L->ready_cap ? L->ready_cap * 2 : READY_MIN_CAP);
  L->ready[(L->ready_head + L->ready_len) % L->ready_cap] = e;
  L->ready_len++;
}

static void ready_push(LoopObject *L, Value h) { ready_push_entry(L, (ReadyEntry){h, VAL_NULL, NULL}); }

static ReadyEntry ready_pop(LoopObject *L) {
  ReadyEntry e = L->ready[L->ready_head];
  L->ready[L->ready_head] = (ReadyEntry){VAL_NULL, VAL_NULL, NULL};
  L->ready_head = (L->ready_head + 1) % L->ready_cap;
  L->ready_len--;
  return e;
}

/* A burst of callbacks (100 000 tasks starting at once) must not pin its
 * ring for the rest of the run: a ring at most 1/8 full is halved. */
static void ready_trim(LoopObject *L) {
  size_t cap = L->ready_cap;
  while (cap > READY_MIN_CAP && L->ready_len * 8 <= cap) cap /= 2;
  if (cap < L->ready_cap) ready_resize(L, cap);
}

/* ---- the timer heap: heapq's algorithm, ordered by `when` --------------- */

static inline bool timer_lt(Value a, Value b) { return TIMER(a)->when < TIMER(b)->when; }

static void heap_siftdown(Value *heap, size_t startpos, size_t pos) {
  Value newitem = heap[pos];
  while (pos > startpos) {
    size_t parentpos = (pos - 1) >> 1;
    Value parent = heap[parentpos];
    if (!timer_lt(newitem, parent)) break;
    heap[pos] = parent;
    pos = parentpos;
  }
  heap[pos] = newitem;
}

static void heap_siftup(Value *heap, size_t endpos, size_t pos) {
  size_t startpos = pos;
  Value newitem = heap[pos];
  size_t childpos = 2 * pos + 1;
  while (childpos < endpos) {
    size_t rightpos = childpos + 1;
    if (rightpos < endpos && !timer_lt(heap[childpos], heap[rightpos])) childpos = rightpos;
    heap[pos] = heap[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  heap_siftdown(heap, startpos, pos);
}

static void heap_push(LoopObject *L, Value t) {
  if (L->ntimers == L->timers_cap) {
    size_t cap = L->timers_cap ? L->timers_cap * 2 : 64;
    Value *a = realloc(L->timers, cap * sizeof *a);
    if (!a) abort();
    gc_account((ssize_t)((cap - L->timers_cap) * sizeof *a));
    L->timers = a;
    L->timers_cap = cap;
  }
  L->timers[L->ntimers++] = t;
  heap_siftdown(L->timers, 0, L->ntimers - 1);
}

static Value heap_pop(LoopObject *L) {
  Value last = L->timers[--L->ntimers];
  L->timers[L->ntimers] = VAL_NULL;
  if (L->ntimers == 0) return last;
  Value top = L->timers[0];
  L->timers[0] = last;
  heap_siftup(L->timers, L->ntimers, 0);
  return top;
}

static void heap_heapify(LoopObject *L) {
  for (size_t i = L->ntimers / 2; i-- > 0;) heap_siftup(L->timers, L->ntimers, i);
}

/* ---- scheduling ------------------------------------------------------------ */

static Value err_closed(void) { return err_set(&Exc_RuntimeError, "Event loop is closed"); }

/* The checks CPython's loop makes in debug mode (base_events.py). */
static bool debug_checks(Value loop, Value callback, const char *method, bool check_thread) {
  if (check_thread && !obj_call_method(loop, s_check_thread, NULL, 0)) return false;
  Value a[2] = {callback, str_from_cstr(method)};
  return obj_call_method(loop, s_check_callback, a, 2) != VAL_NULL;
}

/* Makes the Handle for callback(*args) and queues it. */
static Value loop_call_soon_impl(Value loop, Value callback, CallbackArgs args, Value context) {
  HandleObject *h = handle_new(&HandleType);
  handle_fill(h, callback, args, loop, context);
  if (LOOP(loop)->debug_on && !handle_capture_source(h)) return VAL_NULL;
  ready_push(LOOP(loop), (Value)h);
  return (Value)h;
}

/* Makes the TimerHandle for callback(*args) at `when` (a number, or
 * VAL_NULL for the float `fwhen`) and pushes it on the heap. */
static Value loop_call_at_impl(Value loop, Value when, double fwhen, Value callback, CallbackArgs args,
                               Value context) {
  LoopObject *L = LOOP(loop);
  TimerHandleObject *t = (TimerHandleObject *)handle_new(&TimerHandleType);
  handle_fill(&t->h, callback, args, loop, context);
  if (when) {
    if (!timer_set_when(t, when)) return VAL_NULL;
  } else {
    t->when = fwhen;
  }
  if (L->debug_on && !handle_capture_source(&t->h)) return VAL_NULL;
  heap_push(L, (Value)t);
  t->h.base.aux |= HF_SCHEDULED;
  return (Value)t;
}

/* Binds `fname(p0, ..., callback, *args, context=None)`: the leading named
 * parameters into lead[] (positional or by keyword), the rest as the
 * callback's arguments; false with CPython's TypeError otherwise. */
static bool bind_callback_args(const char *fname, const char *const *names, size_t nlead, Value *args, size_t nargs,
                               TupleObject *kwnames, Value *lead, Value *context, Value **cbargs, size_t *ncbargs) {
  *context = VAL_NONE;
  for (size_t i = 0; i < nlead; i++) lead[i] = i < nargs ? args[i] : VAL_NULL;
  size_t nkw = kwnames ? (size_t)kwnames->len : 0;
  for (size_t k = 0; k < nkw; k++) {
    Value kn = kwnames->items[k];
    const char *s = str_cstr(kn);
    if (strcmp(s, "context") == 0) {
      *context = args[nargs + k];
      continue;
    }
    size_t i = 0;
    while (i < nlead && strcmp(s, names[i]) != 0) i++;
    if (i == nlead) {
      err_set(&Exc_TypeError, "BaseEventLoop.%s() got an unexpected keyword argument '%s'", fname, s);
      return false;
    }
    if (lead[i]) {
      err_set(&Exc_TypeError, "BaseEventLoop.%s() got multiple values for argument '%s'", fname, s);
      return false;
    }
    lead[i] = args[nargs + k];
  }
  size_t missing = 0;
  for (size_t i = 0; i < nlead; i++) missing += lead[i] == VAL_NULL;
  if (missing) {
    char buf[128] = "";
    size_t done = 0;
    for (size_t i = 0; i < nlead; i++) {
      if (lead[i]) continue;
      size_t n = strlen(buf);
      snprintf(buf + n, sizeof buf - n, "%s'%s'", done == 0 ? "" : (done == missing - 1 ? (missing > 2 ? ", and " : " and ") : ", "),
               names[i]);
      done++;
    }
    err_set(&Exc_TypeError, "BaseEventLoop.%s() missing %zu required positional argument%s: %s", fname, missing,
            missing > 1 ? "s" : "", buf);
    return false;
  }
  *cbargs = nargs > nlead ? args + nlead : NULL;
  *ncbargs = nargs > nlead ? nargs - nlead : 0;
  return true;
}

/* The handle's arguments: none (the shared empty tuple), one or two
 * (inline), or a tuple. */
static CallbackArgs pack_args(Value *a, size_t n) {
  if (n == 0) return args_of_tuple(empty_tuple);
  if (n == 1) return (CallbackArgs){a[0], VAL_NULL, HF_ARGS1};
  if (n == 2) return (CallbackArgs){a[0], a[1], HF_ARGS2};
  return args_of_tuple(tuple_from_array(a, (ssize_t)n));
}

static Value l_call_soon_common(Value self, Value *args, size_t nargs, TupleObject *kw, const char *fname,
                                bool threadsafe) {
  static const char *const names[] = {"callback"};
  Value lead[1], context, *cbargs;
  size_t ncb;
  if (!bind_callback_args(fname, names, 1, args, nargs, kw, lead, &context, &cbargs, &ncb)) return VAL_NULL;
  LoopObject *L = LOOP(self);
  if (L->closed) return err_closed();
  if (L->debug_on && !debug_checks(self, lead[0], fname, !threadsafe)) return VAL_NULL;
  Value h = loop_call_soon_impl(self, lead[0], pack_args(cbargs, ncb), context);
  if (h && threadsafe && L->wakefd >= 0) {
    uint64_t v = 1;
    ssize_t r = write(L->wakefd, &v, sizeof v);
    (void)r; /* EAGAIN: the counter is already non-zero, the loop will wake */
  }
  return h;
}

static Value l_call_soon(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return l_call_soon_common(self, args, nargs, kw, "call_soon", false);
}

static Value l_call_soon_threadsafe(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return l_call_soon_common(self, args, nargs, kw, "call_soon_threadsafe", true);
}

/* _call_soon(callback, args, context): no checks, args a tuple. */
static Value l__call_soon(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("_call_soon", kw) || !args_count("_call_soon", nargs, 3, 3)) return VAL_NULL;
  return loop_call_soon_impl(self, args[0], args_of_tuple(args[1]), args[2]);
}

static Value l_call_at(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static const char *const names[] = {"when", "callback"};
  Value lead[2], context, *cbargs;
  size_t ncb;
  if (!bind_callback_args("call_at", names, 2, args, nargs, kw, lead, &context, &cbargs, &ncb)) return VAL_NULL;
  if (lead[0] == VAL_NONE) return err_set(&Exc_TypeError, "when cannot be None");
  LoopObject *L = LOOP(self);
  if (L->closed) return err_closed();
  if (L->debug_on && !debug_checks(self, lead[1], "call_at", true)) return VAL_NULL;
  return loop_call_at_impl(self, lead[0], 0.0, lead[1], pack_args(cbargs, ncb), context);
}

static Value l_call_later(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static const char *const names[] = {"delay", "callback"};
  Value lead[2], context, *cbargs;
  size_t ncb;
  if (!bind_callback_args("call_later", names, 2, args, nargs, kw, lead, &context, &cbargs, &ncb)) return VAL_NULL;
  Value delay = lead[0];
  if (delay == VAL_NONE) return err_set(&Exc_TypeError, "delay must not be None");
  /* when = self.time() + delay: a plain float for a number delay on the
   * loop's own clock, else as Python adds them. */
  Value when = VAL_NULL;
  double fwhen = 0.0;
  if (type_lookup(val_type(self), s_time) == native_time && (val_is_float(delay) || val_is_int(delay))) {
    fwhen = monotonic() + (val_is_float(delay) ? float_value(delay) : (double)val_int(delay));
  } else {
    Value t = type_lookup(val_type(self), s_time) == native_time ? float_new(monotonic())
                                                                  : obj_call_method(self, s_time, NULL, 0);
    if (!t) return VAL_NULL;
    when = obj_binop(t, delay, BINOP_ADD);
    if (!when) return VAL_NULL;
  }
  LoopObject *L = LOOP(self);
  if (L->closed) return err_closed();
  if (L->debug_on && !debug_checks(self, lead[1], "call_at", true)) return VAL_NULL;
  return loop_call_at_impl(self, when, fwhen, lead[1], pack_args(cbargs, ncb), context);
}

static Value l_time(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("time", kw) || !args_count("time", nargs, 0, 0)) return VAL_NULL;
  return float_new(monotonic());
}

static Value l_timer_handle_cancelled(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("_timer_handle_cancelled", kw) || !args_count("_timer_handle_cancelled", nargs, 1, 1))
    return VAL_NULL;
  if (is_handle(args[0]) && (HANDLE(args[0])->base.aux & HF_SCHEDULED)) LOOP(self)->timer_cancelled_count++;
  return VAL_NONE;
}

static Value l_write_to_self(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("_write_to_self", kw) || !args_count("_write_to_self", nargs, 0, 0)) return VAL_NULL;
  if (LOOP(self)->wakefd >= 0) {
    uint64_t v = 1;
    ssize_t r = write(LOOP(self)->wakefd, &v, sizeof v);
    (void)r;
  }
  return VAL_NONE;
}

/* _clear_callbacks(): close() drops everything queued or scheduled. */
static Value l_clear_callbacks(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("_clear_callbacks", kw) || !args_count("_clear_callbacks", nargs, 0, 0)) return VAL_NULL;
  LoopObject *L = LOOP(self);
  while (L->ready_len) ready_pop(L);
  ready_trim(L);
  while (L->ntimers) L->timers[--L->ntimers] = VAL_NULL;
  return VAL_NONE;
}

/* ---- one iteration ----------------------------------------------------------- */

/* Waits in epoll (GIL dropped unless the timeout is 0) and queues the
 * handles of ready fds.  timeout_ms < 0 blocks. */
static bool loop_poll(LoopObject *L, int timeout_ms) {
  struct epoll_event evs[64];
  int n, e = 0;
  int epfd = L->epfd;
  if (epfd < 0) {
    /* No epoll instance (a subclass that skipped BaseEventLoop.__init__):
     * nothing can become ready but timers, so sleep until the first. */
    if (timeout_ms > 0) {
      struct timespec ts = {timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L};
      GIL_RELEASE();
      nanosleep(&ts, NULL);
      GIL_ACQUIRE();
    }
    return true;
  }
  if (timeout_ms == 0) {
    n = epoll_wait(epfd, evs, 64, 0);
    if (n < 0) e = errno;
  } else {
    GIL_RELEASE();
    n = epoll_wait(epfd, evs, 64, timeout_ms);
    if (n < 0) e = errno;
    GIL_ACQUIRE();
  }
  if (n < 0) {
    if (e == EINTR) return true;
    err_set_from_errno(&Exc_OSError, e, VAL_NULL);
    return false;
  }
  for (int i = 0; i < n; i++) {
    int fd = evs[i].data.fd;
    uint32_t mask = evs[i].events;
    if (fd == L->wakefd) {
      uint64_t v;
      ssize_t r = read(fd, &v, sizeof v);
      (void)r;
      continue;
    }
    Value key = val_from_int(fd);
    if (mask & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
      Value h = dict_get(L->readers, key);
      if (h && !(is_handle(h) && (HANDLE(h)->base.aux & HF_CANCELLED))) ready_push(L, h);
    }
    if (mask & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
      Value h = dict_get(L->writers, key);
      if (h && !(is_handle(h) && (HANDLE(h)->base.aux & HF_CANCELLED))) ready_push(L, h);
    }
  }
  return true;
}

/* Runs one handle: C's own _run for Handle/TimerHandle, else the subclass's. */
static bool run_one(Value loop, Value h) {
  LoopObject *L = LOOP(loop);
  if (L->debug_on) return obj_call_method(loop, s_run_handle_debug, &h, 1) != VAL_NULL;
  TypeObject *t = val_type(h);
  if ((t == &HandleType || t == &TimerHandleType)) return handle_run(HANDLE(h));
  return obj_call_method(h, s_run, NULL, 0) != VAL_NULL;
}

/* The Handle a native entry stands for, made when someone must see it. */
static Value entry_handle(Value loop, const ReadyEntry *e) {
  HandleObject *h = handle_new(&HandleType);
  CallbackArgs a = e->arg ? (CallbackArgs){e->arg, VAL_NULL, HF_ARGS1} : args_of_tuple(empty_tuple);
  handle_fill(h, native_function_new(e->def, e->obj), a, loop, VAL_NONE);
  return (Value)h;
}

static bool run_entry(Value loop, ReadyEntry e) {
  if (!e.def) return run_one(loop, e.obj);
  if (LOOP(loop)->debug_on) return run_one(loop, entry_handle(loop, &e));
  if (e.def->fn(e.obj, &e.arg, e.arg ? 1 : 0, NULL)) return true;
  return handle_report_error(HANDLE(entry_handle(loop, &e)));
}

static Value l_run_once(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("_run_once", kw) || !args_count("_run_once", nargs, 0, 0)) return VAL_NULL;
  LoopObject *L = LOOP(self);

  size_t sched_count = L->ntimers;
  if (sched_count > 100 && (double)L->timer_cancelled_count / (double)sched_count > 0.5) {
    /* Remove delayed calls that were cancelled if their number is too high. */
    size_t n = 0;
    for (size_t i = 0; i < L->ntimers; i++) {
      Value t = L->timers[i];
      if (HANDLE(t)->base.aux & HF_CANCELLED) HANDLE(t)->base.aux &= ~(uint32_t)HF_SCHEDULED;
      else L->timers[n++] = t;
    }
    for (size_t i = n; i < L->ntimers; i++) L->timers[i] = VAL_NULL;
    L->ntimers = n;
    heap_heapify(L);
    L->timer_cancelled_count = 0;
  } else {
    /* Remove delayed calls that were cancelled from the head of the queue. */
    while (L->ntimers && (HANDLE(L->timers[0])->base.aux & HF_CANCELLED)) {
      L->timer_cancelled_count--;
      Value t = heap_pop(L);
      HANDLE(t)->base.aux &= ~(uint32_t)HF_SCHEDULED;
    }
  }

  int timeout_ms = -1;
  if (L->ready_len || L->stopping) {
    timeout_ms = 0;
  } else if (L->ntimers) {
    double now;
    if (!loop_time(self, &now)) return VAL_NULL;
    double timeout = TIMER(L->timers[0])->when - now;
    if (timeout < 0) timeout = 0;
    else if (timeout > 86400) timeout = 86400;
    /* Round up so that a timer is never woken a little early and then
     * spun on with zero timeouts. */
    double ms = ceil(timeout * 1000.0);
    timeout_ms = (int)ms;
  }
  bool have_fds = AS(DictObject, L->readers)->len || AS(DictObject, L->writers)->len;
  if (timeout_ms != 0 || have_fds) {
    if (!loop_poll(L, timeout_ms)) return VAL_NULL;
  }

  /* Handle 'later' callbacks that are ready. */
  if (L->ntimers) {
    double end_time;
    if (!loop_time(self, &end_time)) return VAL_NULL;
    end_time += L->clock_resolution;
    while (L->ntimers) {
      if (TIMER(L->timers[0])->when >= end_time) break;
      Value t = heap_pop(L);
      HANDLE(t)->base.aux &= ~(uint32_t)HF_SCHEDULED;
      ready_push(L, t);
    }
  }

  /* Run the callbacks that are ready now, but not those they schedule:
   * those run in the next iteration, after another poll. */
  size_t ntodo = L->ready_len;
  for (size_t i = 0; i < ntodo && L->ready_len; i++) {
    ReadyEntry e = ready_pop(L);
    Value h = e.obj;
    if (!e.def && is_handle(h) && (HANDLE(h)->base.aux & HF_CANCELLED)) continue;
    if (!e.def && !is_handle(h)) {
      Value c = obj_getattr_cstr(h, "_cancelled");
      int t = c ? obj_truthy(c) : -1;
      if (t < 0) return VAL_NULL;
      if (t) continue;
    }
    if (!run_entry(self, e)) return VAL_NULL;
  }
  if (L->ready_cap > READY_MIN_CAP) ready_trim(L);
  return VAL_NONE;
}

/* ---- the loop object --------------------------------------------------------- */

static Value loop_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)args, (void)nargs, (void)kwnames;
  LoopObject *L = (LoopObject *)gc_alloc(type, type->instance_size);
  L->readers = dict_new();
  L->writers = dict_new();
  L->debug = VAL_FALSE;
  L->clock_resolution = 1e-09;
  L->epfd = L->wakefd = -1;
  return (Value)L;
}

static int loop_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)self, (void)args, (void)nargs, (void)kwnames;
  return 0;
}

static void loop_trace(Object *o) {
  LoopObject *L = (LoopObject *)o;
  for (size_t i = 0; i < L->ready_len; i++) {
    ReadyEntry *e = &L->ready[(L->ready_head + i) % L->ready_cap];
    gc_mark(e->obj);
    if (e->arg) gc_mark(e->arg);
  }
  gc_mark_array(L->timers, L->ntimers);
  gc_mark(L->readers);
  gc_mark(L->writers);
  gc_mark(L->debug);
}

static void loop_finalize(Object *o) {
  LoopObject *L = (LoopObject *)o;
  gc_account(-(ssize_t)(L->ready_cap * sizeof(ReadyEntry) + L->timers_cap * sizeof(Value)));
  free(L->ready);
  free(L->timers);
  L->ready = NULL;
  L->timers = NULL;
  if (L->wakefd >= 0) close(L->wakefd);
  if (L->epfd >= 0) close(L->epfd);
  L->wakefd = L->epfd = -1;
}

static Value g_readers(Value self) { return LOOP(self)->readers; }
static Value g_writers(Value self) { return LOOP(self)->writers; }
static Value g_debug(Value self) { return LOOP(self)->debug; }
static int s_debug(Value self, Value v) {
  int t = v ? obj_truthy(v) : 0;
  if (t < 0) return -1;
  LOOP(self)->debug = v ? v : VAL_FALSE;
  LOOP(self)->debug_on = t;
  return 0;
}

#define BOOL_FIELD(field)                                                        \
  static Value g_##field(Value self) { return LOOP(self)->field ? VAL_TRUE : VAL_FALSE; } \
  static int s_##field(Value self, Value v) {                                    \
    int t = v ? obj_truthy(v) : 0;                                               \
    if (t < 0) return -1;                                                        \
    LOOP(self)->field = t;                                                       \
    return 0;                                                                    \
  }
BOOL_FIELD(stopping)
BOOL_FIELD(closed)

#define INT_FIELD(field, ctype)                                                  \
  static Value g_##field(Value self) { return val_from_int((intptr_t)LOOP(self)->field); } \
  static int s_##field(Value self, Value v) {                                    \
    int64_t i;                                                                   \
    if (!v || !val_is_intlike(v)) return ERR_INT(err_set(&Exc_TypeError, "an integer is required")); \
    if (!int_to_i64(v, &i)) return -1;                                           \
    LOOP(self)->field = (ctype)i;                                                \
    return 0;                                                                    \
  }
INT_FIELD(epfd, int)
INT_FIELD(wakefd, int)
INT_FIELD(timer_cancelled_count, ssize_t)

static Value g_clock_resolution(Value self) { return float_new(LOOP(self)->clock_resolution); }
static int s_clock_resolution(Value self, Value v) {
  double d = v ? float_as_double(v) : -1.0;
  if (d == -1.0 && err_occurred()) return -1;
  LOOP(self)->clock_resolution = d;
  return 0;
}

static const GetSetDef loop_getsets[] = {
    {"_readers", g_readers, NULL},
    {"_writers", g_writers, NULL},
    {"_debug", g_debug, s_debug},
    {"_stopping", g_stopping, s_stopping},
    {"_closed", g_closed, s_closed},
    {"_epfd", g_epfd, s_epfd},
    {"_wakefd", g_wakefd, s_wakefd},
    {"_timer_cancelled_count", g_timer_cancelled_count, s_timer_cancelled_count},
    {"_clock_resolution", g_clock_resolution, s_clock_resolution},
    {NULL, NULL, NULL},
};

static const NativeDef loop_methods[] = {
    {"call_soon", l_call_soon, NATIVE_METHOD, NULL},
    {"_call_soon", l__call_soon, NATIVE_METHOD, NULL},
    {"call_soon_threadsafe", l_call_soon_threadsafe, NATIVE_METHOD, NULL},
    {"call_later", l_call_later, NATIVE_METHOD, NULL},
    {"call_at", l_call_at, NATIVE_METHOD, NULL},
    {"time", l_time, NATIVE_METHOD, NULL},
    {"_timer_handle_cancelled", l_timer_handle_cancelled, NATIVE_METHOD, NULL},
    {"_write_to_self", l_write_to_self, NATIVE_METHOD, NULL},
    {"_clear_callbacks", l_clear_callbacks, NATIVE_METHOD, NULL},
    {"_run_once", l_run_once, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static TypeObject LoopType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_asyncio.EventLoopCore",
    .instance_size = sizeof(LoopObject),
    .flags = TP_BASETYPE,
    .tp_new = loop_tp_new,
    .tp_init = loop_tp_init,
    .trace = loop_trace,
    .finalize = loop_finalize,
    .methods = loop_methods,
    .getsets = loop_getsets,
};

/* ---- the C entry point -------------------------------------------------------- */

Value asyncio_call_soon(Value loop, Value callback, Value arg, Value context) {
  if (is_loop(loop) && !LOOP(loop)->debug_on && type_lookup(val_type(loop), s_call_soon) == native_call_soon) {
    if (LOOP(loop)->closed) return err_closed();
    CallbackArgs a = arg ? (CallbackArgs){arg, VAL_NULL, HF_ARGS1} : args_of_tuple(empty_tuple);
    return loop_call_soon_impl(loop, callback, a, context);
  }
  Value args[3];
  size_t n = 0;
  args[n++] = callback;
  if (arg) args[n++] = arg;
  args[n] = context ? context : VAL_NONE;
  Value meth = obj_getattr(loop, s_call_soon);
  if (!meth) return VAL_NULL;
  return obj_call(meth, args, n, (TupleObject *)kwnames_context);
}

int asyncio_call_soon_native(Value loop, const NativeDef *def, Value self, Value arg, Value context) {
  if (is_loop(loop) && !LOOP(loop)->debug_on && type_lookup(val_type(loop), s_call_soon) == native_call_soon) {
    if (LOOP(loop)->closed) return ERR_INT(err_closed());
    ready_push_entry(LOOP(loop), (ReadyEntry){self, arg, def});
    return 0;
  }
  return asyncio_call_soon(loop, native_function_new(def, self), arg, context) ? 0 : -1;
}

/* ---- the running loop of each thread ------------------------------------------
 * asyncio.events' _get_running_loop, _set_running_loop and get_running_loop:
 * thread ident -> (loop, pid).  The pid check keeps a forked child from
 * seeing its parent's loop, as CPython's; the pid is cached and refreshed
 * in the child by an atfork handler, so the check costs no system call. */
static Value running_loops; /* dict, rooted */
static pid_t cached_pid;

static void refresh_pid(void) { cached_pid = getpid(); }

static Value thread_key(void) {
  ThreadState *ts = ts_current;
  return int_from_u64(ts ? ts->ident : (unsigned long)pthread_self());
}

static Value running_loop_or_none(void) {
  Value key = thread_key();
  Value rec = key ? dict_get(running_loops, key) : VAL_NULL;
  if (!rec) return VAL_NONE;
  Value pid = TUPLE_ITEMS(rec)[1];
  return val_is_int(pid) && val_int(pid) == cached_pid ? TUPLE_ITEMS(rec)[0] : VAL_NONE;
}

static Value a_get_running_loop_opt(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("_get_running_loop", kw) || !args_count("_get_running_loop", nargs, 0, 0)) return VAL_NULL;
  return running_loop_or_none();
}

static Value a_get_running_loop(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("get_running_loop", kw) || !args_count("get_running_loop", nargs, 0, 0)) return VAL_NULL;
  Value loop = running_loop_or_none();
  if (loop == VAL_NONE) return err_set(&Exc_RuntimeError, "no running event loop");
  return loop;
}

static Value a_set_running_loop(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("_set_running_loop", kw) || !args_count("_set_running_loop", nargs, 1, 1)) return VAL_NULL;
  Value key = thread_key();
  if (!key) return VAL_NULL;
  if (args[0] == VAL_NONE) {
    if (dict_contains(running_loops, key) == 1 && dict_del(running_loops, key) < 0) return VAL_NULL;
    return VAL_NONE;
  }
  if (dict_set(running_loops, key, tuple_pack(2, args[0], val_from_int(cached_pid))) < 0) return VAL_NULL;
  return VAL_NONE;
}

/* _set_loop_helpers(format_callback_source, creation_stack): the Python
 * functions the C handles call for reprs, error messages and debug mode. */
static Value a_set_loop_helpers(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("_set_loop_helpers", kw) || !args_count("_set_loop_helpers", nargs, 2, 2)) return VAL_NULL;
  fn_format_callback_source = args[0];
  fn_extract_stack = args[1];
  return VAL_NONE;
}

static const NativeDef loop_functions[] = {
    {"_set_loop_helpers", a_set_loop_helpers, 0, NULL},
    {"_get_running_loop", a_get_running_loop_opt, 0, NULL},
    {"_set_running_loop", a_set_running_loop, 0, NULL},
    {"get_running_loop", a_get_running_loop, 0, NULL},
    {NULL, NULL, 0, NULL},
};

int asyncio_loop_init(Value module) {
  s_call_soon = str_intern_cstr("call_soon");
  s_call_exception_handler = str_intern_cstr("call_exception_handler");
  s_get_debug = str_intern_cstr("get_debug");
  s_timer_handle_cancelled = str_intern_cstr("_timer_handle_cancelled");
  s_check_thread = str_intern_cstr("_check_thread");
  s_check_callback = str_intern_cstr("_check_callback");
  s_run_handle_debug = str_intern_cstr("_run_handle_debug");
  s_repr_info = str_intern_cstr("_repr_info");
  s_run = str_intern_cstr("_run");
  s_time = str_intern_cstr("time");
  gc_add_root(&fn_format_callback_source);
  gc_add_root(&fn_extract_stack);
  empty_tuple = tuple_new(0);
  gc_add_root(&empty_tuple);
  kwnames_context = tuple_pack(1, (Value)str_intern_cstr("context"));
  gc_add_root(&kwnames_context);

  type_ready(&HandleType);
  type_ready(&TimerHandleType);
  type_ready(&LoopType);
  /* CPython's handles have __weakref__ in their __slots__. */
  weakref_allow_type(&HandleType);
  weakref_allow_type(&TimerHandleType);
  native_time = type_lookup(&LoopType, s_time);
  native_call_soon = type_lookup(&LoopType, s_call_soon);
  gc_add_root(&native_time);
  gc_add_root(&native_call_soon);

  Value d = module_dict(module);
  dict_set_cstr(d, "Handle", (Value)&HandleType);
  dict_set_cstr(d, "TimerHandle", (Value)&TimerHandleType);
  dict_set_cstr(d, "EventLoopCore", (Value)&LoopType);
  for (const NativeDef *f = loop_functions; f->name; f++) dict_set_cstr(d, f->name, native_function_new(f, module));
  running_loops = dict_new();
  gc_add_root(&running_loops);
  refresh_pid();
  pthread_atfork(NULL, NULL, refresh_pid);
  return 0;
}
