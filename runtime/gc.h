/* gc.h — the allocator and the garbage collector.
 *
 * Mark-sweep, non-moving, stop-the-world, run only by the thread that holds
 * the GIL.  Heap objects are traced precisely (TypeObject.trace); the C
 * stacks of all threads are scanned conservatively, so native code may keep
 * fresh objects in C locals without registering them.  Collections happen
 * only at safe points (gc_safepoint, called by the eval loop through the
 * eval-breaker), never inside gc_alloc: a native function that does not call
 * back into Python code never sees a collection in the middle of its work.
 *
 * Roots: every thread state (frames, value stacks, current exceptions), the
 * registered root slots below, every static object (types included), and the
 * conservative scan of the C stacks.
 */
#ifndef GILPY_GC_H
#define GILPY_GC_H

#include "runtime/object.h"

/* Allocates a zeroed object of `size` bytes with its type set.  Never
 * returns NULL: out of memory aborts with a message.  May request a
 * collection (eval-breaker) but never collects itself. */
Object *gc_alloc(TypeObject *type, size_t size);

/* Accounts for malloc'd memory owned by objects (list items, dict tables),
 * so that collections keep pace with it.  Negative when freed. */
void gc_account(ssize_t bytes);

/* The allocation fast path, for hot constructors (float_new) that set every
 * field themselves.  It pops the size class's free list and counts the
 * bytes, leaving the object NOT zeroed beyond its header; anything unusual
 * (empty free list, allocation budget spent) falls back to gc_alloc.  The
 * state is the collector's, protected by the GIL like the rest of the heap:
 * `limit` is the byte count at which a collection is requested (the
 * threshold minus the malloc'd bytes reported by gc_account), kept current
 * by gc.c. */
#define GC_SLOT_GRAIN 8
#define GC_SMALL_MAX 512
typedef struct GcFreeSlot {
  TypeObject *type; /* NULL: the slot is free */
  struct GcFreeSlot *next;
} GcFreeSlot;
typedef struct GcFastHeap {
  GcFreeSlot *free[GC_SMALL_MAX / GC_SLOT_GRAIN]; /* per size class */
  size_t allocated; /* bytes of slots allocated since the last collection */
  size_t limit;
} GcFastHeap;
extern GcFastHeap gc_fast;

/* `size` should be a compile-time constant <= GC_SMALL_MAX. */
static inline Object *gc_alloc_uninit(TypeObject *type, size_t size) {
  size_t slot = (size + GC_SLOT_GRAIN - 1) & ~(size_t)(GC_SLOT_GRAIN - 1);
  unsigned cls = (unsigned)(slot / GC_SLOT_GRAIN) - 1;
  GcFreeSlot *s = gc_fast.free[cls];
  if (__builtin_expect(s != NULL && gc_fast.allocated + slot <= gc_fast.limit, 1)) {
    gc_fast.free[cls] = s->next;
    gc_fast.allocated += slot;
    Object *o = (Object *)s;
    o->type = type;
    o->gc_flags = 0;
    o->aux = 0;
    return o;
  }
  return gc_alloc(type, size);
}

/* Keeps `v` (an object a native holds in a C local) alive up to this point.
 * The conservative scan sees only words still on the stack or in registers:
 * when a native keeps Values in malloc'd memory (a sort's work array) and
 * last touches the owning object before calling back into Python code, the
 * compiler may drop that local early.  Put GC_KEEP_ALIVE(obj) after the
 * last call that can collect (the idea of Ruby's RB_GC_GUARD). */
#define GC_KEEP_ALIVE(v) __asm__ volatile("" : : "g"(v) : "memory")

/* Marks a value reachable: called from TypeObject.trace functions. */
void gc_mark(Value v);
static inline void gc_mark_obj(void *o) { if (o) gc_mark((Value)o); }
void gc_mark_array(Value *vals, size_t n); /* skips VAL_NULL */

/* Registers a C global holding a Value as a root (must stay valid). */
void gc_add_root(Value *slot);
/* Registers a statically allocated object so that its fields are traced. */
void gc_add_static(Object *o);

/* A safe point: collects if one was requested (or always, under GC stress).
 * The caller's frames must have their stack pointers stored. */
void gc_safepoint(void);
/* Collects now.  Same contract as gc_safepoint. */
void gc_collect(void);
/* Objects flagged GC_NEEDS_DEL (object.h) get their type's `del` run
 * after the collection that finds them unreachable; they are freed by a
 * later one.  gc_request_collection() asks for a collection at the next
 * safe point: the VM calls it when a reference to such an object is
 * dropped, so that finalization happens about when CPython's reference
 * counting would do it. */
void gc_request_collection(void);
/* The same without the back-off (an explicit `del` of such an object). */
void gc_request_collection_now(void);
/* gc.collect(): a collection at the next safe point even when collections
 * are disabled.  Called from a native that the eval loop called directly,
 * it happens at the loop's safe point right after the call returns, with
 * the precise view of the loop's frames (no stale words of its C frame). */
void gc_request_collection_forced(void);
/* At exit: runs `del` for every object still flagged GC_NEEDS_DEL,
 * reachable or not (as module teardown does in CPython). */
void gc_finalize_remaining(void);
/* True when `p` is the start of a live heap object (conservative scan, tests). */
bool gc_is_heap_object(const void *p);
/* The bytes usable at o, an object gc_alloc made: its size rounded up to
 * its slot (at least what was asked for). */
size_t gc_capacity(const Object *o);

typedef struct {
  size_t collections;
  size_t live_bytes;      /* after the last collection */
  size_t allocated_bytes; /* since the last collection */
  size_t threshold;
  size_t freed_objects;   /* total */
} GcStats;
GcStats gc_stats(void);
void gc_set_enabled(bool on); /* gc.disable()/gc.enable() */
bool gc_is_enabled(void);

void gc_init(void);
#endif
