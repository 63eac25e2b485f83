/* gen.c — generators, coroutines and async generators.
 *
 * All three share one object layout and one suspended-frame mechanism: the
 * GenObject carries a copy of the function's frame (made by
 * RETURN_GENERATOR, see gen_new_from_frame) in the same heap allocation,
 * and resume() runs it with eval_run_frame until it yields, returns or
 * raises.  Invariants:
 *   - state GS_RUNNING while the frame executes: re-entry is refused
 *     ("generator already executing");
 *   - once GS_CLOSED the frame is marked FRAME_CLEARED and never runs
 *     again (the GC stops tracing its slots);
 *   - while suspended inside `yield from`/`await` (the instruction before
 *     the resume point is SEND), the delegated sub-iterator is the top of
 *     the frame's value stack: throw() and close() are passed to it first.
 * The exception being handled inside the generator (sys.exc_info()) is
 * saved in exc_state while it is suspended and swapped back on resume.
 *
 * Async generators yield two kinds of values: those wrapped by
 * ASYNC_GEN_WRAP are the generator's own `yield`s (they end the current
 * asend/athrow awaitable with StopIteration(value)); the others come from
 * `await`s inside and pass through to the event loop.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/type.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/func.h"

/* One allocation per generator, small because an asyncio program keeps
 * two suspended coroutines per pending task:
 *
 *   GenObject   header; base.aux holds the GS_* state and the GF_* flags
 *   Frame       the frame (at GEN_FRAME_OFFSET), its slots, stack, blocks
 *   Value       async generators only: the finalizer hook in force when it
 *               was first iterated (agen_finalizer)
 *
 * The kind is the type; the code is the frame's.  `names` is VAL_NULL
 * while __name__/__qualname__ are the code's (nearly always), else a
 * (name, qualname) tuple. */
enum { GS_CREATED, GS_SUSPENDED, GS_RUNNING, GS_CLOSED, GS_MASK = 3 };
enum { KIND_GEN, KIND_CORO, KIND_ASYNCGEN };
enum {
  GF_AG_RUNNING = 1u << 2,   /* async gen: an asend/athrow is in progress */
  GF_LOOP_OWNED = 1u << 3,   /* only a for loop's stack slot refers to it (gen_mark_loop_owned) */
  GF_HOOKS_INITED = 1u << 4, /* async gen: the thread's hooks were consulted (first asend/athrow) */
  GF_FINALIZED = 1u << 5,    /* async gen: its finalizer hook was called (once, as CPython) */
};

typedef struct {
  Object base;
  Value exc_state; /* handled exception while suspended, or VAL_NULL */
  Value names;     /* VAL_NULL: the code's; else a (name, qualname) tuple */
} GenObject;

_Static_assert(sizeof(GenObject) == GEN_FRAME_OFFSET, "the frame follows the header (frame_gen)");
_Static_assert(_Alignof(GenObject) >= _Alignof(Frame), "the frame needs no padding");

static inline Frame *gen_frame(GenObject *g) { return (Frame *)((char *)g + GEN_FRAME_OFFSET); }
static inline CodeObject *gen_code(GenObject *g) { return gen_frame(g)->code; }
static inline unsigned gen_state(GenObject *g) { return g->base.aux & GS_MASK; }
static inline void set_state(GenObject *g, unsigned state) { g->base.aux = (g->base.aux & ~(uint32_t)GS_MASK) | state; }
static inline bool has_flag(GenObject *g, uint32_t flag) { return (g->base.aux & flag) != 0; }
static inline void set_flag(GenObject *g, uint32_t flag, bool on) {
  if (on) g->base.aux |= flag;
  else g->base.aux &= ~flag;
}
static inline int gen_kind(GenObject *g) {
  TypeObject *t = g->base.type;
  return t == &CoroutineType ? KIND_CORO : t == &AsyncGeneratorType ? KIND_ASYNCGEN : KIND_GEN;
}
/* An async generator's slot after its frame. */
static inline Value *agen_finalizer(GenObject *g) {
  return (Value *)((char *)gen_frame(g) + frame_size(gen_code(g)));
}
static Value gen_name(GenObject *g) { return g->names ? TUPLE_ITEMS(g->names)[0] : gen_code(g)->name; }
static Value gen_qualname(GenObject *g) {
  if (g->names) return TUPLE_ITEMS(g->names)[1];
  CodeObject *co = gen_code(g);
  return co->qualname ? co->qualname : co->name;
}

typedef struct {
  Object base;
  Value value;
} WrappedObject;

typedef struct {
  Object base;
  Value gen;         /* coroutine (coroutine_wrapper) or async gen (asend/athrow) */
  Value sendval;     /* asend: the value to send first; athrow: the exception */
  uint8_t state;     /* AW_INIT, AW_ITER, AW_CLOSED */
  uint8_t mode;      /* athrow: 0 athrow, 1 aclose */
} AwaitObject;

enum { AW_INIT, AW_ITER, AW_CLOSED };

TypeObject CoroWrapperType, AsyncGenWrappedType, AsyncGenASendType, AsyncGenAThrowType;

static inline void mark(Value v) {
  if (val_is_obj(v)) gc_mark(v);
}

static const char *kind_name(GenObject *g) {
  int kind = gen_kind(g);
  return kind == KIND_CORO ? "coroutine" : kind == KIND_ASYNCGEN ? "async generator" : "generator";
}

bool val_is_generator(Value v) {
  return val_is_obj(v) && (v->type == &GeneratorType || v->type == &CoroutineType);
}

Value gen_new_from_frame(Frame *f) {
  CodeObject *co = f->code;
  TypeObject *type = &GeneratorType;
  if (co->flags & CO_ASYNC_GENERATOR) type = &AsyncGeneratorType;
  else if (co->flags & (CO_COROUTINE | CO_TOPLEVEL_AWAIT)) type = &CoroutineType;
  size_t fsize = frame_size(co);
  size_t extra = type == &AsyncGeneratorType ? sizeof(Value) : 0; /* agen_finalizer */
  GenObject *g = (GenObject *)gc_alloc(type, GEN_FRAME_OFFSET + fsize + extra);
  Frame *nf = gen_frame(g);
  memcpy(nf, f, fsize);
  frame_relocate(nf, f);
  nf->back = NULL;
  nf->flags = FRAME_IN_GEN | FRAME_ENTRY;
  set_state(g, GS_CREATED);
  if (type == &CoroutineType) g->base.gc_flags |= GC_NEEDS_DEL; /* "never awaited" */
  Value name = f->func ? f->func->name : co->name;
  Value qualname = f->func ? f->func->qualname : co->qualname;
  if (!qualname) qualname = name;
  if (name != gen_name(g) || qualname != gen_qualname(g)) g->names = tuple_pack(2, name, qualname);
  return (Value)g;
}

static void gen_trace(Object *o) {
  GenObject *g = (GenObject *)o;
  mark(g->names);
  gc_mark_obj(gen_code(g)); /* gi_code and the names outlive the frame */
  mark(g->exc_state);
  if (gen_kind(g) == KIND_ASYNCGEN) mark(*agen_finalizer(g));
  if (gen_state(g) != GS_CLOSED) frame_trace(gen_frame(g));
}

/* Weak so that stdlib/_asyncio.c can supply the RuntimeWarning. */
__attribute__((weak)) void gen_coroutine_never_awaited(Object *coro) { (void)coro; }

static void mark_closed(GenObject *g) {
  set_state(g, GS_CLOSED);
  gen_frame(g)->flags |= FRAME_CLEARED;
  g->exc_state = VAL_NULL;
  g->base.gc_flags &= ~GC_NEEDS_DEL; /* nothing left to finalize */
}

/* The GC's `del` (object.h): runs after a collection found the object
 * unreachable, or at exit for those still alive.  A suspended generator or
 * coroutine is closed (its finally blocks run, as under CPython's
 * reference counting); a coroutine never started reports it through the
 * hook.  An async generator first iterated while a finalizer hook was set
 * (sys.set_asyncgen_hooks) is handed to that hook instead, once: its event
 * loop closes it (CPython's _PyGen_Finalize).  Errors are reported as
 * CPython's "Exception ignored in" and dropped. */
static void gen_del(Object *o) {
  GenObject *g = (GenObject *)o;
  if (gen_kind(g) == KIND_CORO && gen_state(g) == GS_CREATED) {
    gen_coroutine_never_awaited(o);
    return;
  }
  ThreadState *ts = ts_current;
  if (gen_kind(g) == KIND_ASYNCGEN && *agen_finalizer(g) && gen_state(g) != GS_CLOSED) {
    if (has_flag(g, GF_FINALIZED)) return;
    set_flag(g, GF_FINALIZED, true);
    Value fin = *agen_finalizer(g);
    *agen_finalizer(g) = VAL_NULL;
    Value saved = err_fetch();
    if (!obj_call1(fin, (Value)g)) err_write_unraisable(NULL, (Value)g);
    ts->cur_exc = saved;
    return;
  }
  if (gen_state(g) != GS_SUSPENDED || has_flag(g, GF_FINALIZED)) return;
  Value saved = err_fetch();
  if (!gen_close((Value)g)) err_write_unraisable(NULL, (Value)g);
  ts->cur_exc = saved;
}

/* Whether closing the suspended generator would run code: a handler block
 * (try/finally/except/with) is active at the yield, or it delegates to a
 * subiterator whose close() may.  A generator abandoned without one, such
 * as a generator expression that all() stopped early, closes silently under
 * CPython, so it needs no finalization (which would cost a collection).
 * Async generators always do: the finalizer hook must see them. */
static Value gen_yf(GenObject *g);
static bool close_runs_code(GenObject *g) {
  if (gen_kind(g) == KIND_ASYNCGEN || gen_frame(g)->nblocks > 0) return true;
  Value yf = gen_yf(g);
  if (!yf) return false;
  return !val_is_generator(yf) || (yf->gc_flags & GC_NEEDS_DEL);
}

/* Replaces a StopIteration (or StopAsyncIteration from an async
 * generator) escaping the frame with RuntimeError, cause set (PEP 479). */
static void convert_stop(GenObject *g) {
  const char *what = NULL;
  if (err_matches(&Exc_StopIteration)) what = "StopIteration";
  else if (gen_kind(g) == KIND_ASYNCGEN && err_matches(&Exc_StopAsyncIteration)) what = "StopAsyncIteration";
  if (!what) return;
  Value stop = err_fetch();
  err_set(&Exc_RuntimeError, "%s raised %s", kind_name(g), what);
  Value e = err_peek();
  if (val_is_exception(e)) {
    AS(ExceptionObject, e)->cause = stop;
    AS(ExceptionObject, e)->context = stop;
    AS(ExceptionObject, e)->suppress_context = true;
  }
}

/* Runs the frame: sends `sent` (VAL_NULL when throwing the current
 * exception into it). */
static GenResult resume(GenObject *g, Value sent, bool throwing, Value *out) {
  *out = VAL_NULL;
  if (gen_state(g) == GS_RUNNING) {
    err_set(&Exc_ValueError, "%s already executing", kind_name(g));
    return GEN_RAISED;
  }
  if (gen_state(g) == GS_CLOSED) {
    if (throwing) return GEN_RAISED;
    if (gen_kind(g) == KIND_CORO) {
      err_set(&Exc_RuntimeError, "cannot reuse already awaited coroutine");
      return GEN_RAISED;
    }
    *out = VAL_NONE;
    return GEN_RETURNED;
  }
  Value push = VAL_NULL;
  if (gen_state(g) == GS_CREATED) {
    if (!throwing && sent && sent != VAL_NONE) {
      err_set(&Exc_TypeError, "can't send non-None value to a just-started %s", kind_name(g));
      return GEN_RAISED;
    }
  } else if (!throwing) {
    push = sent ? sent : VAL_NONE;
  }
  ThreadState *ts = ts_current;
  if (ts->recursion_depth >= recursion_limit) {
    if (throwing) err_clear();
    err_set(&Exc_RecursionError, "maximum recursion depth exceeded");
    return GEN_RAISED;
  }
  /* The generator runs with its own handled exception; its caller's is
   * kept on the chain, seen by sys.exc_info() and bare raise only while
   * the generator handles none itself. */
  ExcOuter caller = {ts->handled_exc, ts->exc_outer};
  ts->exc_outer = &caller;
  ts->handled_exc = g->exc_state;
  ts->recursion_depth++;
  set_state(g, GS_RUNNING);
  bool yielded;
  Value r = eval_run_frame(gen_frame(g), push, throwing, &yielded);
  ts->recursion_depth--;
  if (yielded) {
    g->exc_state = ts->handled_exc;
    ts->handled_exc = caller.exc;
    ts->exc_outer = caller.outer;
    set_state(g, GS_SUSPENDED);
    if (close_runs_code(g)) g->base.gc_flags |= GC_NEEDS_DEL; /* see gen_del */
    else g->base.gc_flags &= ~(uint32_t)GC_NEEDS_DEL;
    *out = r;
    return GEN_YIELDED;
  }
  ts->handled_exc = caller.exc;
  ts->exc_outer = caller.outer;
  mark_closed(g);
  if (r) {
    *out = r;
    return GEN_RETURNED;
  }
  convert_stop(g);
  return GEN_RAISED;
}

/* The sub-iterator of a `yield from`/`await` the generator is suspended
 * in, or VAL_NULL. */
static Value gen_yf(GenObject *g) {
  if (gen_state(g) != GS_SUSPENDED) return VAL_NULL;
  Frame *f = gen_frame(g);
  if (f->ip < 2) return VAL_NULL;
  Instr *code = gen_code(g)->code;
  if (INSTR_OP(code[f->ip - 1]) != OP_YIELD_VALUE || INSTR_OP(code[f->ip - 2]) != OP_SEND) return VAL_NULL;
  return f->sp > frame_stack(f) ? f->sp[-1] : VAL_NULL;
}

static Value stop_value(Value exc) {
  Value args = AS(ExceptionObject, exc)->args;
  if (args && val_is_tuple(args) && TUPLE_LEN(args) > 0) return TUPLE_ITEMS(args)[0];
  return VAL_NONE;
}

/* Closes a delegated sub-iterator: 0, or -1 with an error. */
static int close_sub(Value yf) {
  if (val_is_generator(yf)) return gen_close(yf) ? 0 : -1;
  Value meth = obj_getattr_opt(yf, NAME(close));
  if (!meth) return err_occurred() ? -1 : 0;
  return obj_call0(meth) ? 0 : -1;
}

/* Throws exc (an instance) into g, delegating to a sub-iterator first. */
static GenResult do_throw(GenObject *g, Value exc, Value *out) {
  Value yf = gen_yf(g);
  if (yf) {
    bool is_exit = type_is_subtype(val_type(exc), &Exc_GeneratorExit);
    set_state(g, GS_RUNNING);
    if (is_exit) {
      int r = close_sub(yf);
      set_state(g, GS_SUSPENDED);
      if (r < 0) return resume(g, VAL_NULL, true, out);
    } else {
      GenResult k;
      Value r = VAL_NULL;
      if (val_is_generator(yf)) {
        k = gen_send(yf, VAL_NULL, exc, &r);
      } else {
        Value meth = obj_getattr_opt(yf, NAME(throw));
        if (!meth) {
          set_state(g, GS_SUSPENDED);
          if (err_occurred()) return resume(g, VAL_NULL, true, out);
          goto throw_here;
        }
        r = obj_call1(meth, exc);
        k = r ? GEN_YIELDED : GEN_RAISED;
      }
      set_state(g, GS_SUSPENDED);
      if (k == GEN_YIELDED) {
        *out = r;
        return GEN_YIELDED;
      }
      if (k == GEN_RAISED) {
        if (!err_matches(&Exc_StopIteration)) return resume(g, VAL_NULL, true, out);
        r = stop_value(err_fetch());
      }
      /* The sub-iterator finished: leave the SEND loop as SEND would. */
      Frame *f = gen_frame(g);
      f->sp--;
      f->ip = INSTR_ARG(gen_code(g)->code[f->ip - 2]);
      return resume(g, r, false, out);
    }
  }
throw_here:
  err_set_value(exc);
  return resume(g, VAL_NULL, true, out);
}

GenResult gen_send(Value gen, Value sent, Value exc, Value *out) {
  GenObject *g = AS(GenObject, gen);
  if (exc) return do_throw(g, exc, out);
  return resume(g, sent, false, out);
}

Value gen_close(Value gen) {
  GenObject *g = AS(GenObject, gen);
  if (gen_state(g) == GS_CREATED) {
    mark_closed(g);
    return VAL_NONE;
  }
  if (gen_state(g) == GS_CLOSED) return VAL_NONE;
  Value exc = exc_new(&Exc_GeneratorExit, NULL, 0);
  if (!exc) return VAL_NULL;
  Value out = VAL_NULL;
  GenResult k = do_throw(g, exc, &out);
  if (k == GEN_YIELDED) return err_set(&Exc_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
  if (k == GEN_RETURNED) return VAL_NONE;
  if (err_matches(&Exc_GeneratorExit) || err_matches(&Exc_StopIteration)) {
    err_clear();
    return VAL_NONE;
  }
  return VAL_NULL;
}

/* Without reference counting a generator abandoned by `break` would only
 * be closed by a later collection (gen_del), so its `finally` blocks would
 * run later than where CPython runs them.  The loop
 * tells us when a generator made by a direct call feeds a for loop and
 * nothing else can refer to it; dropping it from the stack closes it. */
void gen_mark_loop_owned(Value gen) {
  GenObject *g = AS(GenObject, gen);
  if (gen_kind(g) == KIND_GEN && gen_state(g) == GS_CREATED) set_flag(g, GF_LOOP_OWNED, true);
}

void gen_release(Value gen) {
  GenObject *g = AS(GenObject, gen);
  if (!has_flag(g, GF_LOOP_OWNED)) return;
  set_flag(g, GF_LOOP_OWNED, false);
  if (gen_state(g) == GS_CREATED) {
    mark_closed(g);
    return;
  }
  if (gen_state(g) != GS_SUSPENDED) return;
  ThreadState *ts = ts_current;
  Value pending = ts->cur_exc;
  ts->cur_exc = VAL_NULL;
  if (!gen_close(gen)) err_clear(); /* CPython reports "Exception ignored in"; dropped here */
  ts->cur_exc = pending;
}

/* throw(typ[, val[, tb]]) argument normalisation, as CPython. */
static Value make_thrown(Value *args, size_t nargs) {
  Value typ = args[0];
  Value val = nargs > 1 ? args[1] : VAL_NONE;
  if (val_is_obj(typ) && (typ->type->flags & TP_TYPE_SUBCLASS) && (AS(TypeObject, typ)->flags & TP_EXC_SUBCLASS)) {
    if (val_is_exception(val) && type_is_subtype(val_type(val), AS(TypeObject, typ))) return val;
    if (val == VAL_NONE) return obj_call0(typ);
    if (val_is_tuple(val)) return obj_call(typ, TUPLE_ITEMS(val), (size_t)TUPLE_LEN(val), NULL);
    return obj_call1(typ, val);
  }
  if (val_is_exception(typ)) {
    if (val != VAL_NONE) return err_set(&Exc_TypeError, "instance exception may not have a separate value");
    return typ;
  }
  return err_set(&Exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %T", typ);
}

/* ---- generator and coroutine methods ------------------------------------- */

static Value finish_send(GenResult k, Value out) {
  if (k == GEN_YIELDED) return out;
  if (k == GEN_RETURNED) return err_stop_iteration(out == VAL_NONE ? VAL_NULL : out);
  return VAL_NULL;
}

static Value gen_m_send(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("send", kw) || !args_count("send", nargs, 1, 1)) return VAL_NULL;
  Value out = VAL_NULL;
  GenResult k = gen_send(self, args[0], VAL_NULL, &out);
  return finish_send(k, out);
}

static Value gen_m_throw(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("throw", kw) || !args_count("throw", nargs, 1, 3)) return VAL_NULL;
  Value exc = make_thrown(args, nargs);
  if (!exc) return VAL_NULL;
  Value out = VAL_NULL;
  GenResult k = gen_send(self, VAL_NULL, exc, &out);
  return finish_send(k, out);
}

static Value gen_m_close(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("close", kw) || !args_count("close", nargs, 0, 0)) return VAL_NULL;
  return gen_close(self);
}

/* The iternext slot follows the runtime's contract: exhaustion is VAL_NULL
 * with no exception, so a generator's return value is dropped here;
 * __next__ (below), send() and `yield from` keep it. */
static Value gen_iternext(Value self) {
  Value out = VAL_NULL;
  GenResult k = resume(AS(GenObject, self), VAL_NONE, false, &out);
  return k == GEN_YIELDED ? out : VAL_NULL;
}

static Value gen_m_next(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("__next__", kw) || !args_count("__next__", nargs, 0, 0)) return VAL_NULL;
  Value out = VAL_NULL;
  GenResult k = resume(AS(GenObject, self), VAL_NONE, false, &out);
  return finish_send(k, out);
}

static Value gen_iter(Value self) { return self; }

static Value gen_repr(Value self) {
  GenObject *g = AS(GenObject, self);
  char buf[48];
  snprintf(buf, sizeof buf, " at %p>", (void *)self);
  const char *t = gen_kind(g) == KIND_CORO ? "coroutine" : gen_kind(g) == KIND_ASYNCGEN ? "async_generator" : "generator";
  return str_printf("<%s object %U%s", t, gen_qualname(g), buf);
}

static Value g_name(Value self) { return gen_name(AS(GenObject, self)); }
static int g_set_name(Value self, Value v) {
  if (!v || !val_is_str(v)) return ERR_INT(err_set(&Exc_TypeError, "__name__ must be set to a string object"));
  GenObject *g = AS(GenObject, self);
  g->names = tuple_pack(2, v, gen_qualname(g));
  return 0;
}
static Value g_qualname(Value self) { return gen_qualname(AS(GenObject, self)); }
static int g_set_qualname(Value self, Value v) {
  if (!v || !val_is_str(v)) return ERR_INT(err_set(&Exc_TypeError, "__qualname__ must be set to a string object"));
  GenObject *g = AS(GenObject, self);
  g->names = tuple_pack(2, gen_name(g), v);
  return 0;
}
static Value g_running(Value self) { return val_bool(gen_state(AS(GenObject, self)) == GS_RUNNING); }
static Value g_suspended(Value self) { return val_bool(gen_state(AS(GenObject, self)) == GS_SUSPENDED); }
static Value g_code(Value self) { return (Value)gen_code(AS(GenObject, self)); }
static Value g_yf(Value self) {
  Value y = gen_yf(AS(GenObject, self));
  return y ? y : VAL_NONE;
}
/* gi_frame/cr_frame/ag_frame: a snapshot (sys._getframe's kind of frame
 * object) while the generator can still run.  Only a running one has
 * callers: a suspended frame's back link is stale. */
static Value g_frame(Value self) {
  GenObject *g = AS(GenObject, self);
  if (gen_state(g) == GS_CLOSED) return VAL_NONE;
  return sys_frame_snapshot(gen_frame(g), gen_state(g) == GS_RUNNING);
}

/* Hook for asyncio's Task repr ("running at FILE:LINE"): the line where a
 * generator/coroutine is suspended, its first line before it starts, 0 once
 * it is closed.  gen must be a generator, coroutine or async generator. */
int gen_current_line(Value gen) {
  GenObject *g = AS(GenObject, gen);
  if (gen_state(g) == GS_CLOSED) return 0;
  if (gen_state(g) == GS_CREATED) return gen_code(g)->firstlineno;
  return frame_line(gen_frame(g));
}

static const NativeDef gen_methods[] = {
    {"__next__", gen_m_next, NATIVE_METHOD},
    {"send", gen_m_send, NATIVE_METHOD},
    {"throw", gen_m_throw, NATIVE_METHOD},
    {"close", gen_m_close, NATIVE_METHOD},
    {NULL},
};

static const GetSetDef gen_getsets[] = {
    {"__name__", g_name, g_set_name},
    {"__qualname__", g_qualname, g_set_qualname},
    {"gi_running", g_running, NULL},
    {"gi_suspended", g_suspended, NULL},
    {"gi_code", g_code, NULL},
    {"gi_yieldfrom", g_yf, NULL},
    {"gi_frame", g_frame, NULL},
    {NULL},
};

TypeObject GeneratorType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "generator",
    .instance_size = sizeof(GenObject),
    .trace = gen_trace,
    .del = gen_del,
    .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getsets = gen_getsets,
};

/* coroutine.__await__() returns a coroutine_wrapper iterating the coroutine. */
static Value coro_await(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("__await__", kw) || !args_count("__await__", nargs, 0, 0)) return VAL_NULL;
  AwaitObject *w = (AwaitObject *)gc_alloc(&CoroWrapperType, sizeof(AwaitObject));
  w->gen = self;
  return (Value)w;
}

static const NativeDef coro_methods[] = {
    {"send", gen_m_send, NATIVE_METHOD},
    {"throw", gen_m_throw, NATIVE_METHOD},
    {"close", gen_m_close, NATIVE_METHOD},
    {"__await__", coro_await, NATIVE_METHOD},
    {NULL},
};

static const GetSetDef coro_getsets[] = {
    {"__name__", g_name, g_set_name},
    {"__qualname__", g_qualname, g_set_qualname},
    {"cr_running", g_running, NULL},
    {"cr_suspended", g_suspended, NULL},
    {"cr_code", g_code, NULL},
    {"cr_await", g_yf, NULL},
    {"cr_frame", g_frame, NULL},
    {NULL},
};

TypeObject CoroutineType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "coroutine",
    .instance_size = sizeof(GenObject),
    .trace = gen_trace,
    .del = gen_del,
    .repr = gen_repr,
    .methods = coro_methods,
    .getsets = coro_getsets,
};

/* ---- coroutine_wrapper --------------------------------------------------- */

static void await_trace(Object *o) {
  AwaitObject *w = (AwaitObject *)o;
  mark(w->gen);
  mark(w->sendval);
}

static Value cw_iternext(Value self) {
  Value out = VAL_NULL;
  GenResult k = resume(AS(GenObject, AS(AwaitObject, self)->gen), VAL_NONE, false, &out);
  return finish_send(k, out);
}
static Value cw_send(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return gen_m_send(AS(AwaitObject, self)->gen, args, nargs, kw);
}
static Value cw_throw(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return gen_m_throw(AS(AwaitObject, self)->gen, args, nargs, kw);
}
static Value cw_close(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return gen_m_close(AS(AwaitObject, self)->gen, args, nargs, kw);
}

static const NativeDef cw_methods[] = {
    {"send", cw_send, NATIVE_METHOD},
    {"throw", cw_throw, NATIVE_METHOD},
    {"close", cw_close, NATIVE_METHOD},
    {NULL},
};

TypeObject CoroWrapperType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "coroutine_wrapper",
    .instance_size = sizeof(AwaitObject),
    .trace = await_trace,
    .iter = gen_iter,
    .iternext = cw_iternext,
    .methods = cw_methods,
};

/* ---- await ---------------------------------------------------------------- */

Value gen_get_awaitable(Value o, int where) {
  if (val_is_obj(o) && o->type == &CoroutineType) {
    if (gen_yf(AS(GenObject, o)))
      return err_set(&Exc_RuntimeError, "coroutine is being awaited already");
    return o;
  }
  if (val_is_obj(o) && o->type == &GeneratorType && (gen_code(AS(GenObject, o))->flags & CO_ITERABLE_COROUTINE)) return o;
  /* Looked up on the type and called unbound (type_call_special): awaiting
   * a Future must not allocate a bound method. */
  bool found;
  Value it = type_call_special(o, NAME(__await__), NULL, 0, NULL, &found);
  if (!found) {
    if (where == 1)
      return err_set(&Exc_TypeError, "'async with' received an object from __aenter__ that does not implement __await__: %T", o);
    if (where == 2)
      return err_set(&Exc_TypeError, "'async with' received an object from __aexit__ that does not implement __await__: %T", o);
    return err_set(&Exc_TypeError, "object %T can't be used in 'await' expression", o);
  }
  if (!it) return VAL_NULL;
  if (val_is_obj(it) && (it->type == &CoroutineType ||
                         (it->type == &GeneratorType && (gen_code(AS(GenObject, it))->flags & CO_ITERABLE_COROUTINE))))
    return err_set(&Exc_TypeError, "__await__() returned a coroutine");
  if (!val_type(it)->iternext) return err_set(&Exc_TypeError, "__await__() returned non-iterator of type '%T'", it);
  return it;
}

/* ---- async generators ---------------------------------------------------- */

Value gen_async_wrap(Value v) {
  WrappedObject *w = (WrappedObject *)gc_alloc(&AsyncGenWrappedType, sizeof(WrappedObject));
  w->value = v;
  return (Value)w;
}

static void wrapped_trace(Object *o) { mark(((WrappedObject *)o)->value); }

TypeObject AsyncGenWrappedType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "async_generator_wrapped_value",
    .instance_size = sizeof(WrappedObject),
    .trace = wrapped_trace,
};

static Value new_awaitable(TypeObject *t, Value agen, Value sendval, uint8_t mode) {
  AwaitObject *a = (AwaitObject *)gc_alloc(t, sizeof(AwaitObject));
  a->gen = agen;
  a->sendval = sendval;
  a->mode = mode;
  a->state = AW_INIT;
  return (Value)a;
}

/* The async generator hooks of the calling thread (sys.set_asyncgen_hooks),
 * kept in its thread state's per-thread dict. */
static const char *const hook_keys[2] = {"asyncgen_firstiter", "asyncgen_finalizer"};

Value gen_asyncgen_hook(int which) {
  ThreadState *ts = ts_current;
  return ts->data ? dict_get_cstr(ts->data, hook_keys[which]) : VAL_NULL;
}

int gen_set_asyncgen_hook(int which, Value hook) {
  ThreadState *ts = ts_current;
  if (!hook) {
    if (ts->data && dict_get_cstr(ts->data, hook_keys[which])) return dict_del(ts->data, str_from_cstr(hook_keys[which]));
    return 0;
  }
  if (!ts->data && !(ts->data = dict_new())) return -1;
  return dict_set_cstr(ts->data, hook_keys[which], hook);
}

/* On the first __anext__/asend/athrow/aclose: remembers the finalizer hook
 * and calls firstiter(agen) (CPython's async_gen_init_hooks). */
static bool agen_init_hooks(Value self) {
  GenObject *g = AS(GenObject, self);
  if (has_flag(g, GF_HOOKS_INITED)) return true;
  set_flag(g, GF_HOOKS_INITED, true);
  Value fin = gen_asyncgen_hook(ASYNCGEN_HOOK_FINALIZER);
  if (fin) {
    *agen_finalizer(g) = fin;
    g->base.gc_flags |= GC_NEEDS_DEL; /* the hook must see it even before it runs */
  }
  Value first = gen_asyncgen_hook(ASYNCGEN_HOOK_FIRSTITER);
  return !first || obj_call1(first, self) != VAL_NULL;
}

static Value agen_aiter(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("__aiter__", kw) || !args_count("__aiter__", nargs, 0, 0)) return VAL_NULL;
  return self;
}
static Value agen_anext(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("__anext__", kw) || !args_count("__anext__", nargs, 0, 0) || !agen_init_hooks(self)) return VAL_NULL;
  return new_awaitable(&AsyncGenASendType, self, VAL_NONE, 0);
}
static Value agen_asend(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("asend", kw) || !args_count("asend", nargs, 1, 1) || !agen_init_hooks(self)) return VAL_NULL;
  return new_awaitable(&AsyncGenASendType, self, args[0], 0);
}
static Value agen_athrow(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("athrow", kw) || !args_count("athrow", nargs, 1, 3) || !agen_init_hooks(self)) return VAL_NULL;
  Value exc = make_thrown(args, nargs);
  if (!exc) return VAL_NULL;
  return new_awaitable(&AsyncGenAThrowType, self, exc, 0);
}
static Value agen_aclose(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("aclose", kw) || !args_count("aclose", nargs, 0, 0) || !agen_init_hooks(self)) return VAL_NULL;
  return new_awaitable(&AsyncGenAThrowType, self, VAL_NULL, 1);
}

static const NativeDef agen_methods[] = {
    {"__aiter__", agen_aiter, NATIVE_METHOD},
    {"__anext__", agen_anext, NATIVE_METHOD},
    {"asend", agen_asend, NATIVE_METHOD},
    {"athrow", agen_athrow, NATIVE_METHOD},
    {"aclose", agen_aclose, NATIVE_METHOD},
    {NULL},
};

static Value ag_running(Value self) { return val_bool(has_flag(AS(GenObject, self), GF_AG_RUNNING)); }

static const GetSetDef agen_getsets[] = {
    {"__name__", g_name, g_set_name},
    {"__qualname__", g_qualname, g_set_qualname},
    {"ag_running", ag_running, NULL},
    {"ag_code", g_code, NULL},
    {"ag_await", g_yf, NULL},
    {"ag_frame", g_frame, NULL},
    {NULL},
};

TypeObject AsyncGeneratorType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "async_generator",
    .instance_size = sizeof(GenObject),
    .trace = gen_trace,
    .del = gen_del,
    .repr = gen_repr,
    .methods = agen_methods,
    .getsets = agen_getsets,
};

/* Turns one step of the async generator into the awaitable's result:
 * a wrapped yield ends the awaitable with StopIteration(value). */
static Value agen_unwrap(AwaitObject *a, GenResult k, Value out) {
  GenObject *g = AS(GenObject, a->gen);
  if (k == GEN_YIELDED) {
    if (val_is_obj(out) && out->type == &AsyncGenWrappedType) {
      a->state = AW_CLOSED;
      set_flag(g, GF_AG_RUNNING, false);
      Value v = AS(WrappedObject, out)->value;
      return err_stop_iteration(v == VAL_NONE ? VAL_NULL : v);
    }
    return out;
  }
  a->state = AW_CLOSED;
  set_flag(g, GF_AG_RUNNING, false);
  if (k == GEN_RETURNED) return err_set(&Exc_StopAsyncIteration, NULL);
  return VAL_NULL;
}

static Value asend_send_impl(Value self, Value v, Value exc) {
  AwaitObject *a = AS(AwaitObject, self);
  GenObject *g = AS(GenObject, a->gen);
  if (a->state == AW_CLOSED)
    return err_set(&Exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  if (a->state == AW_INIT) {
    if (has_flag(g, GF_AG_RUNNING))
      return err_set(&Exc_RuntimeError, "anext(): asynchronous generator is already running");
    if (!exc && (!v || v == VAL_NONE)) v = a->sendval;
    a->state = AW_ITER;
    set_flag(g, GF_AG_RUNNING, true);
  }
  Value out = VAL_NULL;
  GenResult k = exc ? do_throw(g, exc, &out) : resume(g, v ? v : VAL_NONE, false, &out);
  if (k == GEN_RETURNED && gen_state(g) == GS_CLOSED && out == VAL_NONE) {
    a->state = AW_CLOSED;
    set_flag(g, GF_AG_RUNNING, false);
    return err_set(&Exc_StopAsyncIteration, NULL);
  }
  return agen_unwrap(a, k, out);
}

static Value asend_iternext(Value self) { return asend_send_impl(self, VAL_NONE, VAL_NULL); }
static Value asend_send(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("send", kw) || !args_count("send", nargs, 1, 1)) return VAL_NULL;
  return asend_send_impl(self, args[0], VAL_NULL);
}
static Value asend_throw(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("throw", kw) || !args_count("throw", nargs, 1, 3)) return VAL_NULL;
  Value exc = make_thrown(args, nargs);
  if (!exc) return VAL_NULL;
  return asend_send_impl(self, VAL_NULL, exc);
}
static Value aw_close(Value self, Value *args, size_t nargs, TupleObject *kw) {
  AS(AwaitObject, self)->state = AW_CLOSED;
  return VAL_NONE;
}
static Value aw_await(Value self, Value *args, size_t nargs, TupleObject *kw) { return self; }

static const NativeDef asend_methods[] = {
    {"send", asend_send, NATIVE_METHOD},
    {"throw", asend_throw, NATIVE_METHOD},
    {"close", aw_close, NATIVE_METHOD},
    {"__await__", aw_await, NATIVE_METHOD},
    {NULL},
};

TypeObject AsyncGenASendType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "async_generator_asend",
    .instance_size = sizeof(AwaitObject),
    .trace = await_trace,
    .iter = gen_iter,
    .iternext = asend_iternext,
    .methods = asend_methods,
};

/* athrow()/aclose(): the first step throws; later steps send. */
static Value athrow_send_impl(Value self, Value v, Value exc) {
  AwaitObject *a = AS(AwaitObject, self);
  GenObject *g = AS(GenObject, a->gen);
  bool aclose = a->mode == 1;
  if (a->state == AW_CLOSED)
    return err_set(&Exc_RuntimeError, aclose ? "cannot reuse already awaited aclose()/athrow()"
                                             : "cannot reuse already awaited aclose()/athrow()");
  Value out = VAL_NULL;
  GenResult k;
  if (a->state == AW_INIT) {
    if (gen_state(g) == GS_CLOSED || (aclose && gen_state(g) == GS_CREATED)) {
      a->state = AW_CLOSED;
      if (aclose) {
        mark_closed(g);
        return err_stop_iteration(VAL_NULL);
      }
      return err_set(&Exc_StopAsyncIteration, NULL);
    }
    if (has_flag(g, GF_AG_RUNNING)) return err_set(&Exc_RuntimeError, "athrow(): asynchronous generator is already running");
    a->state = AW_ITER;
    set_flag(g, GF_AG_RUNNING, true);
    Value thrown = aclose ? exc_new(&Exc_GeneratorExit, NULL, 0) : a->sendval;
    if (!thrown) return VAL_NULL;
    k = do_throw(g, thrown, &out);
  } else {
    k = exc ? do_throw(g, exc, &out) : resume(g, v ? v : VAL_NONE, false, &out);
  }
  if (aclose) {
    if (k == GEN_YIELDED) {
      if (val_is_obj(out) && out->type == &AsyncGenWrappedType) {
        a->state = AW_CLOSED;
        set_flag(g, GF_AG_RUNNING, false);
        return err_set(&Exc_RuntimeError, "async generator ignored GeneratorExit");
      }
      return out;
    }
    a->state = AW_CLOSED;
    set_flag(g, GF_AG_RUNNING, false);
    if (k == GEN_RETURNED || err_matches(&Exc_StopAsyncIteration) || err_matches(&Exc_GeneratorExit)) {
      err_clear();
      return err_stop_iteration(VAL_NULL);
    }
    return VAL_NULL;
  }
  return agen_unwrap(a, k, out);
}

static Value athrow_iternext(Value self) { return athrow_send_impl(self, VAL_NONE, VAL_NULL); }
static Value athrow_send(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("send", kw) || !args_count("send", nargs, 1, 1)) return VAL_NULL;
  return athrow_send_impl(self, args[0], VAL_NULL);
}
static Value athrow_throw(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("throw", kw) || !args_count("throw", nargs, 1, 3)) return VAL_NULL;
  Value exc = make_thrown(args, nargs);
  if (!exc) return VAL_NULL;
  return athrow_send_impl(self, VAL_NULL, exc);
}

static const NativeDef athrow_methods[] = {
    {"send", athrow_send, NATIVE_METHOD},
    {"throw", athrow_throw, NATIVE_METHOD},
    {"close", aw_close, NATIVE_METHOD},
    {"__await__", aw_await, NATIVE_METHOD},
    {NULL},
};

TypeObject AsyncGenAThrowType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "async_generator_athrow",
    .instance_size = sizeof(AwaitObject),
    .trace = await_trace,
    .iter = gen_iter,
    .iternext = athrow_iternext,
    .methods = athrow_methods,
};

void gen_types_init(void) {
  type_ready(&GeneratorType);
  type_ready(&CoroutineType);
  type_ready(&AsyncGeneratorType);
  type_ready(&CoroWrapperType);
  type_ready(&AsyncGenWrappedType);
  type_ready(&AsyncGenASendType);
  type_ready(&AsyncGenAThrowType);
}
