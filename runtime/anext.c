/* anext.c — the awaitable that anext(aiterator, default) returns.
 *
 * It drives the awaitable of aiterator.__anext__() and turns its
 * StopAsyncIteration into a result, the default (CPython's
 * anext_awaitable).  Awaiting it first asks for the inner awaitable's
 * iterator, then send/throw/close pass through to that iterator.
 */
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/type.h"
#include "vm/frame.h"
#include "vm/func.h"

typedef struct {
  Object base;
  Value wrapped;       /* what __anext__() returned */
  Value default_value;
  Value it;            /* wrapped's await-iterator, once started */
} AnextAwaitableObject;

static void anext_trace(Object *o) {
  AnextAwaitableObject *a = (AnextAwaitableObject *)o;
  gc_mark(a->wrapped);
  gc_mark(a->default_value);
  if (a->it) gc_mark(a->it);
}

static Value inner_iterator(AnextAwaitableObject *a) {
  if (!a->it) a->it = gen_get_awaitable(a->wrapped, 0);
  return a->it;
}

/* The end of the inner iteration: StopAsyncIteration becomes the default. */
static Value finish(AnextAwaitableObject *a, Value r) {
  if (!r && err_matches(&Exc_StopAsyncIteration)) {
    err_clear();
    return err_stop_iteration(a->default_value);
  }
  return r;
}

static Value anext_iternext(Value self) {
  AnextAwaitableObject *a = AS(AnextAwaitableObject, self);
  Value it = inner_iterator(a);
  if (!it) return VAL_NULL;
  Value r;
  if (val_is_generator(it)) {
    /* A generator's return value is the result: keep it in StopIteration. */
    GenResult k = gen_send(it, VAL_NONE, VAL_NULL, &r);
    if (k == GEN_RETURNED) return err_stop_iteration(r);
    if (k == GEN_RAISED) r = VAL_NULL;
  } else {
    r = val_type(it)->iternext(it);
    if (!r && !err_occurred()) err_set_value((Value)&Exc_StopIteration);
  }
  return finish(a, r);
}

static Value m_send(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("send", kw) || !args_count("send", nargs, 1, 1)) return VAL_NULL;
  if (args[0] == VAL_NONE) return anext_iternext(self);
  AnextAwaitableObject *a = AS(AnextAwaitableObject, self);
  Value it = inner_iterator(a);
  if (!it) return VAL_NULL;
  return finish(a, obj_call_method(it, NAME(send), args, 1));
}

static Value m_throw(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("throw", kw) || !args_count("throw", nargs, 1, 3)) return VAL_NULL;
  AnextAwaitableObject *a = AS(AnextAwaitableObject, self);
  Value it = inner_iterator(a);
  if (!it) return VAL_NULL;
  return finish(a, obj_call_method(it, NAME(throw), args, nargs));
}

static Value m_close(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("close", kw) || !args_count("close", nargs, 0, 0)) return VAL_NULL;
  AnextAwaitableObject *a = AS(AnextAwaitableObject, self);
  Value it = inner_iterator(a);
  if (!it) return VAL_NULL;
  return obj_call_method(it, NAME(close), NULL, 0);
}

static Value m_await(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("__await__", kw) || !args_count("__await__", nargs, 0, 0)) return VAL_NULL;
  return self;
}

static Value m_next(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("__next__", kw) || !args_count("__next__", nargs, 0, 0)) return VAL_NULL;
  return anext_iternext(self);
}

static Value anext_self(Value self) { return self; }

static const NativeDef anext_methods[] = {
    {"send", m_send, NATIVE_METHOD},
    {"throw", m_throw, NATIVE_METHOD},
    {"close", m_close, NATIVE_METHOD},
    {"__await__", m_await, NATIVE_METHOD},
    {"__next__", m_next, NATIVE_METHOD},
    {NULL},
};

TypeObject AnextAwaitableType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "anext_awaitable",
    .instance_size = sizeof(AnextAwaitableObject),
    .trace = anext_trace,
    .iter = anext_self,
    .iternext = anext_iternext,
    .methods = anext_methods,
};

Value anext_awaitable_new(Value wrapped, Value default_value) {
  type_ready(&AnextAwaitableType);
  AnextAwaitableObject *a = (AnextAwaitableObject *)gc_alloc(&AnextAwaitableType, sizeof(AnextAwaitableObject));
  a->wrapped = wrapped;
  a->default_value = default_value;
  a->it = VAL_NULL;
  return (Value)a;
}
