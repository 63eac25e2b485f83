/* frame.c — frame layout, the per-thread frame stack, frame tracing.
 *
 * The frame stack is a list of large chunks per OS thread; frames are
 * bump-allocated inside the current chunk and freed strictly LIFO, so a
 * Python-to-Python call costs no malloc.  When a chunk empties, one spare
 * chunk is kept to avoid thrashing at a chunk boundary.  The chunks are
 * thread-local, so no lock is needed; the GC finds live frames through
 * each ThreadState's frame chain, never through the chunks.
 */
#include "vm/frame.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/gc.h"

enum { CHUNK_SIZE = 256 * 1024 };

_Thread_local FrameChunk *frame_chunk;
static _Thread_local FrameChunk *spare_chunk;

static inline void mark(Value v) {
  if (val_is_obj(v)) gc_mark(v);
}

static size_t align16(size_t n) { return (n + 15) & ~(size_t)15; }

size_t frame_size(CodeObject *code) {
  size_t nslots = (size_t)code_nlocalsplus(code) + (size_t)code->stacksize;
  return sizeof(Frame) + nslots * sizeof(Value) + (size_t)code->maxblocks * sizeof(Block);
}

void frame_init(Frame *f, CodeObject *code, FunctionObject *func, Value globals, Value builtins, Value locals) {
  int32_t n = code_nlocalsplus(code);
  f->back = NULL;
  f->func = func;
  f->code = code;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals;
  memset(f->localsplus, 0, (size_t)n * sizeof(Value));
  f->sp = f->localsplus + n;
  f->ip = 0;
  f->nblocks = 0;
  f->flags = 0;
}

void frame_relocate(Frame *dst, const Frame *src) { dst->sp = dst->localsplus + (src->sp - src->localsplus); }

static FrameChunk *chunk_new(size_t need) {
  size_t size = CHUNK_SIZE;
  if (need + sizeof(FrameChunk) > size) size = need + sizeof(FrameChunk);
  FrameChunk *c = malloc(size);
  if (!c) {
    fprintf(stderr, "gilpy: out of memory (frame stack)\n");
    abort();
  }
  c->prev = NULL;
  c->top = c->data;
  c->end = (char *)c + size;
  return c;
}

/* frame_push's path when the current chunk is full: takes the spare chunk
 * or a new one. */
Frame *frame_push_slow(CodeObject *code, FunctionObject *func, Value globals, Value builtins, Value locals) {
  size_t size = align16(frame_size(code));
  FrameChunk *c = frame_chunk;
  if (!c || (size_t)(c->end - c->top) < size) {
    FrameChunk *n;
    if (spare_chunk && (size_t)(spare_chunk->end - spare_chunk->data) >= size) {
      n = spare_chunk;
      spare_chunk = NULL;
    } else {
      n = chunk_new(size);
    }
    n->top = n->data;
    n->prev = c;
    frame_chunk = n;
  }
  return frame_push(code, func, globals, builtins, locals);
}

/* frame_pop emptied the current chunk: go back to the previous one and keep
 * this one as the spare. */
void frame_pop_chunk(void) {
  FrameChunk *c = frame_chunk;
  frame_chunk = c->prev;
  free(spare_chunk);
  spare_chunk = c;
}

void frame_stack_release(void) {
  while (frame_chunk) {
    FrameChunk *p = frame_chunk->prev;
    free(frame_chunk);
    frame_chunk = p;
  }
  free(spare_chunk);
  spare_chunk = NULL;
}

void frame_trace(Frame *f) {
  if (f->flags & FRAME_CLEARED) return;
  gc_mark_obj(f->func);
  gc_mark_obj(f->code);
  mark(f->globals);
  mark(f->builtins);
  mark(f->locals);
  mark(frame_gen(f)); /* a running generator's frame keeps it alive */
  /* localsplus and the live part of the value stack are contiguous. */
  if (f->sp > f->localsplus) gc_mark_array(f->localsplus, (size_t)(f->sp - f->localsplus));
}

int frame_line(Frame *f) {
  uint32_t i = f->ip ? f->ip - 1 : 0;
  if (!f->code->lines || i >= f->code->ncode) return f->code->firstlineno;
  return (int)f->code->lines[i].line;
}
