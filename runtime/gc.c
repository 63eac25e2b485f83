/* gc.c — the allocator and the mark-sweep collector.
 *
 * Small objects (<= SMALL_MAX bytes) live in 64 KiB blocks, each block
 * holding equal slots of one size class (multiples of 8 bytes).  A free
 * slot has type == NULL and links the class's free list through the word
 * after the type pointer.  Larger objects are malloc'd one by one with a
 * LargeHeader in front.
 *
 * A collection (only in the GIL holder, only at a safe point) marks from
 * the roots, clears the weak references to unmarked objects (weakref.c),
 * then sweeps in two passes: first every unreachable object's
 * finalizer runs while all memory is still intact (a finalizer may read
 * its own type, which can be garbage too), then the slots are freed.
 *
 * Conservative roots: a word on a C stack that points into a live slot (or
 * into a large object) keeps that object alive.  Blocks are found through
 * a hash set of block addresses; large objects through a sorted array,
 * sorted at the start of each collection.
 */
#include "runtime/gc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/thread.h"
#include "runtime/weakref.h"

#define BLOCK_SIZE ((uintptr_t)64 * 1024)
#define SLOT_GRAIN GC_SLOT_GRAIN /* objects need 8-byte alignment only (tagged Values) */
#define SMALL_MAX GC_SMALL_MAX
#define NCLASSES (SMALL_MAX / SLOT_GRAIN)
#define MIN_THRESHOLD ((size_t)16 * 1024 * 1024)

typedef GcFreeSlot FreeSlot; /* type NULL marks the slot free (gc.h) */

typedef struct Block {
  struct Block *next;   /* all blocks of this class */
  uint32_t slot_size;
  uint32_t nslots;
  uint32_t nlive;       /* counted during sweep */
  bool may_del;         /* may hold an object whose type has a del */
  char *first;          /* first slot (after the header, 16-aligned) */
} Block;

typedef struct LargeHeader {
  size_t size;          /* object bytes */
  size_t pad;           /* keeps the object 16-aligned */
} LargeHeader;

static struct {
  Block *blocks[NCLASSES]; /* the free lists are in gc_fast */
  /* block address set (open addressing, power-of-two capacity) */
  uintptr_t *block_set;
  size_t block_set_cap, block_count;
  /* large objects: object pointers; sorted during collection */
  Object **large;
  size_t nlarge, large_cap;
  /* roots */
  Value **roots;
  size_t nroots, roots_cap;
  Object **statics;
  size_t nstatics, statics_cap;
  /* marking */
  Object **mark_stack;
  size_t mark_len, mark_cap;
  /* accounting */
  size_t live;           /* bytes surviving the last collection */
  size_t external;       /* malloc'd bytes reported via gc_account */
  size_t threshold;
  size_t collections, freed_objects;
  bool enabled, collecting;
  bool prompt_requested; /* this collection was asked for by gc_request_collection */
  bool forced;           /* gc.collect() asked for one (gc_request_collection_forced) */
  size_t prompt_budget;  /* bytes to allocate before the next prompt collection */
  Object **pending_del;  /* unreachable objects awaiting type->del */
  size_t npending, pending_cap;
  Block *empty_blocks;   /* spare blocks kept for reuse */
  size_t nempty;
  bool large_may_del;    /* some large object may be flagged GC_NEEDS_DEL */
} heap;

GcFastHeap gc_fast;

/* Recomputes the fast path's budget after the threshold, the external
 * bytes or the enabled flag changed. */
static void update_limit(void) {
  if (!heap.enabled) gc_fast.limit = SIZE_MAX;
  else gc_fast.limit = heap.threshold > heap.external ? heap.threshold - heap.external : 0;
}

static _Noreturn void out_of_memory(void) {
  fputs("gilpy: out of memory\n", stderr);
  abort();
}

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (!q) out_of_memory();
  return q;
}

/* ---- block address set ------------------------------------------------- */

static size_t block_hash(uintptr_t b) { return (size_t)((b / BLOCK_SIZE) * 0x9E3779B97F4A7C15ull >> 16); }

static void block_set_insert(uintptr_t b);

static void block_set_grow(void) {
  uintptr_t *old = heap.block_set;
  size_t oldcap = heap.block_set_cap;
  heap.block_set_cap = oldcap ? oldcap * 2 : 256;
  heap.block_set = calloc(heap.block_set_cap, sizeof(uintptr_t));
  if (!heap.block_set) out_of_memory();
  heap.block_count = 0;
  for (size_t i = 0; i < oldcap; i++)
    if (old[i] > 1) block_set_insert(old[i]);
  free(old);
}

/* Slots: 0 = empty, 1 = deleted, else a block address. */
static void block_set_insert(uintptr_t b) {
  if ((heap.block_count + 1) * 2 > heap.block_set_cap) block_set_grow();
  size_t mask = heap.block_set_cap - 1;
  for (size_t i = block_hash(b) & mask;; i = (i + 1) & mask) {
    if (heap.block_set[i] <= 1) {
      heap.block_set[i] = b;
      heap.block_count++;
      return;
    }
  }
}

static bool block_set_contains(uintptr_t b) {
  if (!heap.block_set_cap || b == 0) return false; /* 0 marks an empty slot */
  size_t mask = heap.block_set_cap - 1;
  for (size_t i = block_hash(b) & mask;; i = (i + 1) & mask) {
    uintptr_t v = heap.block_set[i];
    if (v == b) return true;
    if (v == 0) return false;
  }
}

static void block_set_remove(uintptr_t b) {
  size_t mask = heap.block_set_cap - 1;
  for (size_t i = block_hash(b) & mask;; i = (i + 1) & mask) {
    uintptr_t v = heap.block_set[i];
    if (v == b) {
      heap.block_set[i] = 1; /* tombstone */
      return;
    }
    if (v == 0) return;
  }
}

/* ---- allocation -------------------------------------------------------- */

static Block *block_new(unsigned cls) {
  Block *b;
  if (heap.empty_blocks) {
    b = heap.empty_blocks;
    heap.empty_blocks = b->next;
    heap.nempty--;
  } else {
    b = aligned_alloc(BLOCK_SIZE, BLOCK_SIZE);
    if (!b) out_of_memory();
    block_set_insert((uintptr_t)b);
  }
  uint32_t slot = (cls + 1) * SLOT_GRAIN;
  b->slot_size = slot;
  b->first = (char *)b + ((sizeof(Block) + SLOT_GRAIN - 1) & ~(size_t)(SLOT_GRAIN - 1));
  b->nslots = (uint32_t)((BLOCK_SIZE - (uintptr_t)(b->first - (char *)b)) / slot);
  b->nlive = 0;
  b->may_del = false;
  b->next = heap.blocks[cls];
  heap.blocks[cls] = b;
  /* Thread the slots onto the free list in address order. */
  FreeSlot *head = gc_fast.free[cls];
  for (uint32_t i = b->nslots; i-- > 0;) {
    FreeSlot *s = (FreeSlot *)(b->first + (size_t)i * slot);
    s->type = NULL;
    s->next = head;
    head = s;
  }
  gc_fast.free[cls] = head;
  return b;
}

static void note_allocation(size_t bytes) {
  gc_fast.allocated += bytes;
  if (gc_fast.allocated + heap.external > heap.threshold && heap.enabled)
    eval_breaker_set(EB_GC);
}

Object *gc_alloc(TypeObject *type, size_t size) {
  if (size < sizeof(Object)) size = sizeof(Object);
  Object *o;
  if (size <= SMALL_MAX) {
    unsigned cls = (unsigned)((size + SLOT_GRAIN - 1) / SLOT_GRAIN) - 1;
    FreeSlot *s = gc_fast.free[cls];
    if (!s) {
      block_new(cls);
      s = gc_fast.free[cls];
    }
    gc_fast.free[cls] = s->next;
    size_t slot = (size_t)(cls + 1) * SLOT_GRAIN;
    memset(s, 0, slot);
    o = (Object *)s;
    /* Objects get GC_NEEDS_DEL only from types with a del (type.c, gen.c):
     * blocks that never held one are skipped by resurrect_finalizable. */
    if (type->del) ((Block *)((uintptr_t)s & ~(BLOCK_SIZE - 1)))->may_del = true;
    note_allocation(slot);
  } else {
    LargeHeader *h = malloc(sizeof(LargeHeader) + size);
    if (!h) out_of_memory();
    memset(h, 0, sizeof(LargeHeader) + size);
    h->size = size;
    o = (Object *)(h + 1);
    if (heap.nlarge == heap.large_cap) {
      heap.large_cap = heap.large_cap ? heap.large_cap * 2 : 64;
      heap.large = xrealloc(heap.large, heap.large_cap * sizeof(Object *));
    }
    heap.large[heap.nlarge++] = o;
    if (type->del) heap.large_may_del = true;
    note_allocation(size);
  }
  o->type = type;
  return o;
}

void gc_account(ssize_t bytes) {
  if (bytes < 0) {
    size_t b = (size_t)-bytes;
    heap.external = heap.external > b ? heap.external - b : 0;
    update_limit();
  } else {
    update_limit();
    heap.external += (size_t)bytes;
    if (gc_fast.allocated + heap.external > heap.threshold && heap.enabled)
      eval_breaker_set(EB_GC);
  }
}

/* ---- object lookup (conservative roots) -------------------------------- */

static size_t large_size(Object *o) { return ((LargeHeader *)o - 1)->size; }

static int cmp_ptr(const void *a, const void *b) {
  uintptr_t x = (uintptr_t) * (Object *const *)a, y = (uintptr_t) * (Object *const *)b;
  return x < y ? -1 : x > y;
}

/* The live object whose memory contains address w, or NULL.  Large objects
 * must be sorted (they are during a collection). */
static Object *find_object(uintptr_t w, bool large_sorted) {
  uintptr_t b = w & ~(BLOCK_SIZE - 1);
  if (block_set_contains(b)) {
    Block *blk = (Block *)b;
    if (blk->slot_size == 0 || w < (uintptr_t)blk->first) return NULL;
    size_t idx = (w - (uintptr_t)blk->first) / blk->slot_size;
    if (idx >= blk->nslots) return NULL;
    Object *o = (Object *)(blk->first + idx * blk->slot_size);
    return o->type ? o : NULL;
  }
  if (!heap.nlarge) return NULL;
  if (!large_sorted) {
    for (size_t i = 0; i < heap.nlarge; i++) {
      uintptr_t s = (uintptr_t)heap.large[i];
      if (w >= s && w < s + large_size(heap.large[i])) return heap.large[i];
    }
    return NULL;
  }
  size_t lo = 0, hi = heap.nlarge;
  while (lo < hi) { /* last object starting at or below w */
    size_t mid = (lo + hi) / 2;
    if ((uintptr_t)heap.large[mid] <= w) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return NULL;
  Object *o = heap.large[lo - 1];
  return w < (uintptr_t)o + large_size(o) ? o : NULL;
}

size_t gc_capacity(const Object *o) {
  uintptr_t b = (uintptr_t)o & ~(BLOCK_SIZE - 1);
  if (block_set_contains(b)) return ((Block *)b)->slot_size;
  return large_size((Object *)o);
}

bool gc_is_heap_object(const void *p) {
  Object *o = find_object((uintptr_t)p, false);
  return o && (const void *)o == p;
}

/* ---- marking ------------------------------------------------------------ */

static void mark_push(Object *o) {
  if (heap.mark_len == heap.mark_cap) {
    heap.mark_cap = heap.mark_cap ? heap.mark_cap * 2 : 4096;
    heap.mark_stack = xrealloc(heap.mark_stack, heap.mark_cap * sizeof(Object *));
  }
  heap.mark_stack[heap.mark_len++] = o;
}

static void pending_push(Object *o);
/* Set while gc_finalize_remaining records the order in which a marking
 * from the roots first meets the objects that need del. */
static bool exit_order;

void gc_mark(Value v) {
  if (!val_is_obj(v)) return;
  Object *o = v;
  if (o->gc_flags & (GC_MARKED | GC_STATIC)) return;
  o->gc_flags |= GC_MARKED;
  if (exit_order && (o->gc_flags & GC_NEEDS_DEL) && o->type->del) {
    o->gc_flags &= ~GC_NEEDS_DEL;
    pending_push(o);
  }
  mark_push(o);
}

void gc_mark_array(Value *vals, size_t n) {
  for (size_t i = 0; i < n; i++) gc_mark(vals[i]);
}

static void trace_object(Object *o) {
  gc_mark((Value)o->type); /* heap classes are kept alive by their instances */
  if (o->type->trace) o->type->trace(o);
}

static void drain_mark_stack(void) {
  while (heap.mark_len) trace_object(heap.mark_stack[--heap.mark_len]);
}

/* Reads the C stack word by word; the words are not ours, so ASan must
 * not check these reads (they cross redzones by design). */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_ASAN __attribute__((no_sanitize("address")))
#endif
#endif
#if !defined(NO_ASAN) && defined(__SANITIZE_ADDRESS__)
#define NO_ASAN __attribute__((no_sanitize_address))
#endif
#ifndef NO_ASAN
#define NO_ASAN
#endif

/* Reading another thread's stack is the point here (that thread is parked
 * without the GIL, its frames above stack_top frozen): not a data race. */
#if defined(__SANITIZE_THREAD__)
#define NO_TSAN __attribute__((no_sanitize("thread")))
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define NO_TSAN __attribute__((no_sanitize("thread")))
#endif
#endif
#ifndef NO_TSAN
#define NO_TSAN
#endif

NO_ASAN NO_TSAN static void scan_range(const void *lo, const void *hi) {
  uintptr_t a = ((uintptr_t)lo + sizeof(void *) - 1) & ~(uintptr_t)(sizeof(void *) - 1);
  for (; a + sizeof(void *) <= (uintptr_t)hi; a += sizeof(void *)) {
    uintptr_t w = *(volatile uintptr_t *)a;
    if (w < 4096) continue;
    Object *o = find_object(w, true);
    if (o) gc_mark(o);
  }
}

static void scan_stacks(const void *current_lo) {
  for (ThreadState *ts = ts_all; ts; ts = ts->next) {
    if (ts == ts_current) {
      const void *lo = current_lo;
      if (ts->at_eval_safepoint && ts->eval_scan_lo && ts->eval_scan_lo > lo) lo = ts->eval_scan_lo;
      if (ts->stack_base) scan_range(lo, ts->stack_base);
      continue;
    }
    if (!ts->stack_top || !ts->stack_base) continue;
    scan_range(&ts->regs, (char *)&ts->regs + sizeof ts->regs);
    scan_range(ts->stack_top, ts->stack_base);
  }
}

static void pending_trace(void);

static void mark_roots(const void *stack_lo) {
  for (size_t i = 0; i < heap.nroots; i++) gc_mark(*heap.roots[i]);
  for (size_t i = 0; i < heap.nstatics; i++) {
    Object *o = heap.statics[i];
    if (o->type && o->type->trace) o->type->trace(o);
  }
  ts_trace_all();
  pending_trace();
  weakref_gc_trace();
  scan_stacks(stack_lo);
}

/* ---- Python-level finalization ------------------------------------------- */

static void pending_push(Object *o) {
  if (heap.npending == heap.pending_cap) {
    heap.pending_cap = heap.pending_cap ? heap.pending_cap * 2 : 64;
    heap.pending_del = xrealloc(heap.pending_del, heap.pending_cap * sizeof(Object *));
  }
  heap.pending_del[heap.npending++] = o;
}

static void resurrect_if_needed(Object *o) {
  if (!o->type || (o->gc_flags & GC_MARKED) || !(o->gc_flags & GC_NEEDS_DEL)) return;
  o->gc_flags &= ~GC_NEEDS_DEL;
  if (!o->type->del) return;
  pending_push(o);
  gc_mark(o);
}

/* Unreachable objects that need `del` are queued and kept alive, with
 * everything they reference, until their del has run. */
static void resurrect_finalizable(void) {
  for (unsigned c = 0; c < NCLASSES; c++)
    for (Block *b = heap.blocks[c]; b; b = b->next)
      if (b->may_del)
        for (uint32_t i = 0; i < b->nslots; i++)
          resurrect_if_needed((Object *)(b->first + (size_t)i * b->slot_size));
  if (heap.large_may_del)
    for (size_t i = 0; i < heap.nlarge; i++) resurrect_if_needed(heap.large[i]);
  drain_mark_stack();
}

/* Runs the queued dels.  They may allocate and run Python code, so this
 * happens after the collection, outside it. */
static void run_pending_dels(void) {
  /* A del that runs Python code may reach a safe point and collect again:
   * the outer loop runs what that collection queues, so that one object's
   * finalization never starts inside another's. */
  static bool running;
  if (running) return;
  running = true;
  while (heap.npending) {
    Object *o = heap.pending_del[--heap.npending];
    o->type->del(o);
  }
  running = false;
}

static void pending_trace(void) {
  for (size_t i = 0; i < heap.npending; i++) gc_mark(heap.pending_del[i]);
}

/* Prompt collections (asked for when a reference to an object that needs
 * `del` is dropped) imitate reference counting's timing, but each costs a
 * full mark.  Code that keeps dropping references to objects that are still
 * reachable (asyncio passes coroutines around before their tasks start them)
 * would collect at every drop: so a prompt collection that finalized nothing
 * makes the next one wait for an allocation budget that doubles each time
 * (up to the normal threshold), and one that finalized something resets it. */
#define PROMPT_BUDGET_MIN ((size_t)256 * 1024)

void gc_request_collection(void) {
  if (!heap.enabled || gc_fast.allocated < heap.prompt_budget) return;
  heap.prompt_requested = true;
  eval_breaker_set(EB_GC);
}

void gc_request_collection_now(void) {
  if (!heap.enabled) return;
  heap.prompt_requested = true;
  eval_breaker_set(EB_GC);
}

void gc_request_collection_forced(void) {
  heap.forced = true;
  eval_breaker_set(EB_GC);
}

static void prompt_backoff(bool finalized_something) {
  if (!heap.prompt_requested) return;
  heap.prompt_requested = false;
  if (finalized_something) {
    heap.prompt_budget = 0;
  } else {
    size_t next = heap.prompt_budget ? heap.prompt_budget * 2 : PROMPT_BUDGET_MIN;
    heap.prompt_budget = next < heap.threshold ? next : heap.threshold;
  }
}

static void clear_marks(void) {
  for (unsigned c = 0; c < NCLASSES; c++)
    for (Block *b = heap.blocks[c]; b; b = b->next)
      for (uint32_t i = 0; i < b->nslots; i++) ((Object *)(b->first + (size_t)i * b->slot_size))->gc_flags &= ~GC_MARKED;
  for (size_t i = 0; i < heap.nlarge; i++) heap.large[i]->gc_flags &= ~GC_MARKED;
}

/* Reachable objects first, in the order a marking from the roots meets
 * them: a holder before what it holds (a task before its coroutine), as
 * module teardown under reference counting would; the others after. */
void gc_finalize_remaining(void) {
  run_pending_dels();
  jmp_buf regs;
  setjmp(regs);
  qsort(heap.large, heap.nlarge, sizeof(Object *), cmp_ptr);
  exit_order = true;
  mark_roots(&regs);
  drain_mark_stack();
  exit_order = false;
  clear_marks();
  for (unsigned c = 0; c < NCLASSES; c++)
    for (Block *b = heap.blocks[c]; b; b = b->next)
      for (uint32_t i = 0; i < b->nslots; i++) {
        Object *o = (Object *)(b->first + (size_t)i * b->slot_size);
        if (o->type && (o->gc_flags & GC_NEEDS_DEL) && o->type->del) {
          o->gc_flags &= ~GC_NEEDS_DEL;
          pending_push(o);
        }
      }
  for (size_t i = 0; i < heap.nlarge; i++) {
    Object *o = heap.large[i];
    if ((o->gc_flags & GC_NEEDS_DEL) && o->type->del) {
      o->gc_flags &= ~GC_NEEDS_DEL;
      pending_push(o);
    }
  }
  /* run_pending_dels takes the last first. */
  for (size_t i = 0, j = heap.npending; i < j / 2; i++) {
    Object *t = heap.pending_del[i];
    heap.pending_del[i] = heap.pending_del[j - 1 - i];
    heap.pending_del[j - 1 - i] = t;
  }
  run_pending_dels();
}

/* ---- sweeping ----------------------------------------------------------- */

/* One pass over the blocks: finalizers run and slots are freed together.
 * A finalizer may read its object's type even when that type (a heap
 * class) is garbage too: classes are large objects, swept after every
 * block, and blocks that became empty are released only at the end. */
static size_t sweep_blocks(size_t *freed_out, Block **released, size_t *kept_out) {
  size_t live = 0, freed = 0;
  /* Empty blocks stay in their class, free list threaded, up to the spare
   * budget (release_blocks): a workload that churns through one size
   * (boxed floats) refills them without threading them again. */
  size_t keep = heap.threshold / BLOCK_SIZE, kept = 0;
  for (unsigned c = 0; c < NCLASSES; c++) {
    FreeSlot *head = NULL;
    Block **link = &heap.blocks[c];
    while (*link) {
      Block *b = *link;
      FreeSlot *block_head = head;
      uint32_t nlive = 0;
      bool dels = false;
      for (uint32_t i = b->nslots; i-- > 0;) {
        Object *o = (Object *)(b->first + (size_t)i * b->slot_size);
        if (o->type) {
          if (o->gc_flags & GC_MARKED) {
            o->gc_flags &= ~GC_MARKED;
            dels |= o->type->del != NULL; /* gen.c re-flags live generators */
            nlive++;
            continue;
          }
          if (o->type->finalize) o->type->finalize(o);
          freed++;
        }
        FreeSlot *fs = (FreeSlot *)o;
        fs->type = NULL;
        fs->next = head;
        head = fs;
      }
      if (nlive == 0 && kept < keep) {
        kept++;
        b->nlive = 0;
        b->may_del = false;
        link = &b->next;
        continue;
      }
      if (nlive == 0) { /* the whole block is free: unlink it */
        head = block_head;
        *link = b->next;
        b->next = *released;
        *released = b;
        continue;
      }
      b->nlive = nlive;
      b->may_del = dels;
      live += (size_t)nlive * b->slot_size;
      link = &b->next;
    }
    gc_fast.free[c] = head;
  }
  *freed_out += freed;
  *kept_out = kept;
  return live;
}

static size_t sweep_large(size_t *freed_out) {
  size_t live = 0, n = 0;
  bool dels = false;
  for (size_t i = 0; i < heap.nlarge; i++) { /* finalize every dead one first */
    Object *o = heap.large[i];
    if (!(o->gc_flags & GC_MARKED) && o->type->finalize) o->type->finalize(o);
  }
  for (size_t i = 0; i < heap.nlarge; i++) {
    Object *o = heap.large[i];
    if (o->gc_flags & GC_MARKED) {
      o->gc_flags &= ~GC_MARKED;
      dels |= o->type->del != NULL;
      live += large_size(o);
      heap.large[n++] = o;
    } else {
      ++*freed_out;
      free((LargeHeader *)o - 1);
    }
  }
  heap.nlarge = n;
  heap.large_may_del = dels;
  return live;
}

/* Empty blocks are kept for reuse up to the size of the next allocation
 * budget (returning them to the system only to fault them in again during
 * the next cycle costs more than it saves); the rest are freed. */
static void release_blocks(Block *released, size_t kept) {
  size_t keep = heap.threshold / BLOCK_SIZE;
  keep = keep > kept ? keep - kept : 0;
  while (released) {
    Block *b = released;
    released = b->next;
    if (heap.nempty < keep) {
      b->slot_size = 0; /* no slots: conservative lookups ignore it */
      b->next = heap.empty_blocks;
      heap.empty_blocks = b;
      heap.nempty++;
    } else {
      block_set_remove((uintptr_t)b);
      free(b);
    }
  }
}

static size_t sweep(void) {
  size_t freed = 0;
  Block *released = NULL;
  size_t kept = 0;
  size_t live = sweep_blocks(&freed, &released, &kept);
  live += sweep_large(&freed);
  heap.freed_objects += freed;
  size_t want = 2 * (live + heap.external);
  heap.threshold = want > MIN_THRESHOLD ? want : MIN_THRESHOLD;
  update_limit();
  release_blocks(released, kept);
  return live;
}

/* The collector proper.  stack_lo is the lowest address of the calling
 * thread's stack that may hold roots: the collector's own frames lie below
 * it and are not scanned (stale words there would keep garbage alive). */
__attribute__((noinline)) static void collect(const void *stack_lo) {
  heap.collecting = true;
  eval_breaker_clear(EB_GC);
  qsort(heap.large, heap.nlarge, sizeof(Object *), cmp_ptr);
  mark_roots(stack_lo);
  drain_mark_stack();
  /* Weak references to everything unreachable are cleared before any
   * __del__ can see them, resurrected objects included (CPython's order). */
  weakref_gc_clear();
  resurrect_finalizable();
  prompt_backoff(heap.npending > 0);
  heap.live = sweep();
  gc_fast.allocated = 0;
  heap.collections++;
  heap.collecting = false;
}

/* Spills the caller's callee-saved registers into a jmp_buf that sits at
 * the bottom of the scanned stack range, then collects. */
__attribute__((noinline)) void gc_collect(void) {
  if (heap.collecting) return;
  jmp_buf regs;
  setjmp(regs);
  collect(&regs);
  /* Callbacks before the dels, as CPython's collector.  A collection inside
   * a callback leaves its dels to the outer one, after the callbacks. */
  if (weakref_run_callbacks()) run_pending_dels();
}

void gc_safepoint(void) {
#ifdef GILPY_GC_STRESS
  if (heap.enabled || heap.forced) {
    heap.forced = false;
    gc_collect();
  }
#else
  bool requested = atomic_load_explicit(&eval_breaker, memory_order_relaxed) & EB_GC;
  if ((requested && heap.enabled) || heap.forced) {
    heap.forced = false;
    gc_collect();
  } else {
    eval_breaker_clear(EB_GC);
  }
#endif
}

/* ---- roots and settings ------------------------------------------------ */

void gc_add_root(Value *slot) {
  if (heap.nroots == heap.roots_cap) {
    heap.roots_cap = heap.roots_cap ? heap.roots_cap * 2 : 64;
    heap.roots = xrealloc(heap.roots, heap.roots_cap * sizeof(Value *));
  }
  heap.roots[heap.nroots++] = slot;
}

void gc_add_static(Object *o) {
  if (heap.nstatics == heap.statics_cap) {
    heap.statics_cap = heap.statics_cap ? heap.statics_cap * 2 : 256;
    heap.statics = xrealloc(heap.statics, heap.statics_cap * sizeof(Object *));
  }
  heap.statics[heap.nstatics++] = o;
}

GcStats gc_stats(void) {
  return (GcStats){.collections = heap.collections,
                   .live_bytes = heap.live,
                   .allocated_bytes = gc_fast.allocated,
                   .threshold = heap.threshold,
                   .freed_objects = heap.freed_objects};
}

void gc_set_enabled(bool on) {
  heap.enabled = on;
  update_limit();
}
bool gc_is_enabled(void) { return heap.enabled; }

void gc_init(void) {
  heap.threshold = MIN_THRESHOLD;
  heap.enabled = true;
  update_limit();
}
