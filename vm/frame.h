/* frame.h — execution frames and the per-thread frame stack.
 *
 * A Frame is one activation of a code object.  Its variable part is laid
 * out in one block after the header:
 *
 *   localsplus[0 .. nlocals)             fast locals (varnames)
 *   localsplus[nlocals .. +ncells)       cell objects for cellvars
 *   localsplus[.. +nfree)                cell objects for freevars (closure)
 *   stack[0 .. stacksize)                value stack (grows up; sp = next free)
 *   blocks[0 .. maxblocks)               handler blocks (SETUP_FINALLY ...)
 *
 * Only localsplus has a field: the stack and the blocks start where the
 * code's counts put them (frame_stack_at, frame_blocks_at), so the header
 * stays small, which matters for the frames that live in suspended
 * generators.
 *
 * Frames of ordinary calls are bump-allocated from a per-thread chunked
 * stack (frame_push/frame_pop, strictly LIFO); frames of generators and
 * coroutines live inside the generator object on the GC heap (gen.c),
 * GEN_FRAME_OFFSET bytes after its start, and are never popped.  Invariant
 * used by the GC (frame_trace_chain): every slot in localsplus is a Value
 * or VAL_NULL, and stack[0 .. sp) holds only Values or VAL_NULL (NULL is
 * pushed by PUSH_NULL); frame->sp is stored back by the eval loop before
 * anything that can reach a safe point.
 */
#ifndef GILPY_FRAME_H
#define GILPY_FRAME_H

#include "runtime/object.h"
#include "vm/code.h"
#include "vm/func.h"
#include "runtime/list.h"

typedef struct {
  int32_t handler; /* instruction index of the handler */
  int32_t level;   /* slot to unwind the value stack to, counted from localsplus */
} Block;

enum {
  FRAME_ENTRY = 1u << 0,   /* returning from it leaves this C invocation of the loop */
  FRAME_IN_GEN = 1u << 1,  /* lives inside a generator object (heap) */
  FRAME_CLEARED = 1u << 2, /* generator frame finished: its slots are dead */
  FRAME_INIT = 1u << 3,    /* runs __init__ for CALL's instance-creation fast path:
                              the caller's stack already holds the new instance,
                              and the return value must be None */
};

typedef struct Frame {
  struct Frame *back;      /* caller, or NULL */
  FunctionObject *func;    /* NULL for module bodies / exec */
  CodeObject *code;
  Value globals, builtins; /* dicts */
  Value locals;            /* dict for module/class bodies, else VAL_NULL */
  Value *sp;               /* next free stack slot (valid whenever code can run) */
  uint32_t ip;             /* index of the next instruction; the executing one is ip - 1 */
  uint16_t nblocks;        /* the compiler allows 20 nested blocks */
  uint16_t flags;          /* FRAME_* */
  Value localsplus[];
} Frame;

/* Where a generator's frame starts inside the generator object (gen.c
 * checks that this is its header's size). */
enum { GEN_FRAME_OFFSET = 32 };

static inline int32_t code_nlocalsplus(const CodeObject *co) { return co->nlocals + co->ncellvars + co->nfreevars; }
/* The value stack and the handler blocks of a frame running `co` whose
 * localsplus is at lp. */
static inline Value *frame_stack_at(Value *lp, const CodeObject *co) { return lp + code_nlocalsplus(co); }
static inline Block *frame_blocks_at(Value *lp, const CodeObject *co) {
  return (Block *)(frame_stack_at(lp, co) + co->stacksize);
}
static inline Value *frame_stack(Frame *f) { return frame_stack_at(f->localsplus, f->code); }
/* The generator a frame lives in, or VAL_NULL. */
static inline Value frame_gen(Frame *f) {
  return (f->flags & FRAME_IN_GEN) ? (Value)((char *)f - GEN_FRAME_OFFSET) : VAL_NULL;
}

/* Bytes a frame for `code` needs (header included). */
size_t frame_size(CodeObject *code);
/* Initialises a frame in memory of frame_size(code) bytes: zeroes the
 * slots and sets code/func/globals/builtins/locals and sp. */
void frame_init(Frame *f, CodeObject *code, FunctionObject *func, Value globals, Value builtins, Value locals);
/* Recomputes sp after a frame was copied to a new address. */
void frame_relocate(Frame *dst, const Frame *src);

/* The per-thread frame stack: a chain of chunks, frames bump-allocated in
 * the current one (frame.c).  frame_push returns an initialised frame;
 * frame_pop must be given the most recently pushed live frame.  Both are
 * inline because every Python call does one of each. */
typedef struct FrameChunk {
  struct FrameChunk *prev;
  char *top, *end;
  _Alignas(16) char data[];
} FrameChunk;
extern _Thread_local FrameChunk *frame_chunk;
Frame *frame_push_slow(CodeObject *code, FunctionObject *func, Value globals, Value builtins, Value locals);
void frame_pop_chunk(void);

static inline Frame *frame_push(CodeObject *code, FunctionObject *func, Value globals, Value builtins,
                                Value locals) {
  int32_t n = code_nlocalsplus(code);
  size_t size = (sizeof(Frame) + (size_t)(n + code->stacksize) * sizeof(Value) +
                 (size_t)code->maxblocks * sizeof(Block) + 15) & ~(size_t)15;
  FrameChunk *c = frame_chunk;
  if (__builtin_expect(!c || (size_t)(c->end - c->top) < size, 0))
    return frame_push_slow(code, func, globals, builtins, locals);
  Frame *f = (Frame *)c->top;
  c->top += size;
  f->back = NULL;
  f->func = func;
  f->code = code;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals;
  for (int32_t i = 0; i < n; i++) f->localsplus[i] = VAL_NULL;
  f->sp = f->localsplus + n;
  f->ip = 0;
  f->nblocks = 0;
  f->flags = 0;
  return f;
}

static inline void frame_pop(Frame *f) {
  FrameChunk *c = frame_chunk;
  c->top = (char *)f;
  if (__builtin_expect(c->top == c->data && c->prev != NULL, 0)) frame_pop_chunk();
}
/* Frees the calling thread's frame stack memory (thread exit). */
void frame_stack_release(void);

/* Runs f as the entry frame of a new C invocation of the eval loop until
 * it returns, raises or yields.  `push` (unless VAL_NULL) is pushed before
 * resuming (the value sent into a suspended generator); with `throwing`
 * the current exception is raised at the frame's position.  *yielded
 * tells a YIELD_VALUE suspension from a return.  f is linked into the
 * thread's frame chain for the duration; it is not freed. */
Value eval_run_frame(Frame *f, Value push, bool throwing, bool *yielded);

/* Binds a call's arguments into a fresh frame of fn (call.c): fills the
 * parameters, *args and **kwargs, defaults, and the cells (cell2arg, closure).
 * -1 with TypeError set, worded as CPython. */
int call_bind_args(FunctionObject *fn, Frame *f, Value *args, size_t nargs, TupleObject *kwnames);
/* Creates the cells of a frame (cellvars, from cell2arg) and copies the
 * closure's cells into the free slots. */
void call_setup_cells(Frame *f, Value closure);
/* The builtins dict for a globals dict (its __builtins__, else builtins_dict). */
Value call_builtins_for(Value globals);

/* Makes the generator/coroutine/async generator object for a frame that
 * just executed RETURN_GENERATOR (gen.c): copies the frame into the heap. */
Value gen_new_from_frame(Frame *f);
/* A generator that only a for loop's stack slot refers to: gen_release
 * (when the loop drops it: break, return, exception) closes it, running
 * its finally blocks as CPython's reference counting would. */
void gen_mark_loop_owned(Value gen);
void gen_release(Value gen);
/* Wraps a value yielded by an async generator (ASYNC_GEN_WRAP). */
Value gen_async_wrap(Value v);
/* Awaitable iterator for `await o` (GET_AWAITABLE); where: 0 await, 1 aenter, 2 aexit. */
Value gen_get_awaitable(Value o, int where);

/* Marks everything one frame holds (GC). */
void frame_trace(Frame *f);
/* Source line of the frame's current instruction (0 if unknown). */
int frame_line(Frame *f);
#endif
