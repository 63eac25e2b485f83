/* Unit tests for the allocator and collector (runtime/gc.c). */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/gc.h"
#include "runtime/gilpy.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/type.h"

static void start(void) {
  char *argv[] = {"test_gc", NULL};
  runtime_init(1, argv);
}

TestSuite(gc, .init = start);

/* Overwrites a good stretch of dead stack so that stale copies of pointers
 * left by earlier calls do not act as conservative roots.  Not instrumented
 * by ASan, whose redzones would leave stale words unwritten. */
#if defined(__SANITIZE_ADDRESS__)
__attribute__((no_sanitize_address))
#endif
__attribute__((noinline)) static void clobber_stack(void) {
  volatile uintptr_t junk[4096];
  for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) junk[i] = 0;
}

/* Builds a two-list cycle and returns only the addresses, hidden as
 * complemented integers so that no word on the stack points into them. */
__attribute__((noinline)) static void make_cycle(uintptr_t *a_out, uintptr_t *b_out) {
  Value a = list_new(0), b = list_new(0);
  list_append(a, b);
  list_append(b, a);
  cr_assert(gc_is_heap_object(a) && gc_is_heap_object(b));
  *a_out = ~(uintptr_t)a;
  *b_out = ~(uintptr_t)b;
}

/* The addresses are read back only after the collection (volatile), so
 * that no register of the test itself holds them during it. */
Test(gc, cycle_is_collected) {
  volatile uintptr_t a, b;
  make_cycle((uintptr_t *)&a, (uintptr_t *)&b);
  clobber_stack();
  gc_collect();
  cr_assert_not(gc_is_heap_object((void *)~a), "unreachable cycle survived");
  cr_assert_not(gc_is_heap_object((void *)~b));
}

Test(gc, c_local_keeps_object_alive) {
  Value s = str_from_cstr("kept by a C local");
  Value l = list_new(0);
  list_append(l, s);
  gc_collect();
  cr_assert(gc_is_heap_object(l));
  cr_assert(gc_is_heap_object(s));
  cr_assert_str_eq(str_cstr(LIST_ITEMS(l)[0]), "kept by a C local");
}

static Value rooted;

Test(gc, registered_root_survives) {
  gc_add_root(&rooted);
  rooted = list_new(3);
  uintptr_t addr = ~(uintptr_t)rooted;
  Value tmp = VAL_NULL;
  (void)tmp;
  clobber_stack();
  gc_collect();
  cr_assert(gc_is_heap_object((void *)~addr));
  rooted = VAL_NULL;
}

__attribute__((noinline)) static uintptr_t make_large(void) {
  Value l = list_new(0);
  for (int i = 0; i < 100; i++) list_append(l, val_from_int(i));
  Value t = list_to_tuple(l); /* 100 items: a large object */
  cr_assert(gc_is_heap_object(t));
  return ~(uintptr_t)t;
}

Test(gc, large_objects_are_collected) {
  volatile uintptr_t t = make_large();
  clobber_stack();
  gc_collect();
  cr_assert_not(gc_is_heap_object((void *)~t));
}

Test(gc, short_lived_allocations_stay_bounded) {
  for (int round = 0; round < 2000000; round++) {
    Value l = list_new(2);
    LIST_ITEMS(l)[0] = val_from_int(round);
    gc_safepoint();
  }
  GcStats st = gc_stats();
  cr_assert_gt(st.collections, 0);
  cr_assert_lt(st.live_bytes, (size_t)64 * 1024 * 1024, "live bytes %zu", st.live_bytes);
}

Test(gc, interior_pointer_keeps_object_alive) {
  Value l = list_new(4);
  ssize_t *inner = &AS(ListObject, l)->len; /* a pointer into the object */
  uintptr_t addr = ~(uintptr_t)l;
  l = VAL_NULL;
  gc_collect();
  cr_assert(gc_is_heap_object((void *)~addr));
  cr_assert_eq(*inner, 4);
}

/* A type whose objects need Python-level finalization. */
static int dels_run;
static void probe_del(Object *o) {
  dels_run++;
  cr_assert(gc_is_heap_object(o), "object freed before its del ran");
}
static TypeObject ProbeType = {STATIC_OBJECT_HEADER(&TypeType),
    .name = "probe", .instance_size = sizeof(Object), .del = probe_del};

__attribute__((noinline)) static uintptr_t make_probe(bool needs_del) {
  Object *o = gc_alloc(&ProbeType, sizeof(Object));
  if (needs_del) o->gc_flags |= GC_NEEDS_DEL;
  return ~(uintptr_t)o;
}

Test(gc, del_runs_once_then_object_is_freed) {
  dels_run = 0;
  volatile uintptr_t p = make_probe(true);
  volatile uintptr_t q = make_probe(false);
  clobber_stack();
  gc_collect();
  cr_assert_eq(dels_run, 1);
  cr_assert(gc_is_heap_object((void *)~p), "kept alive until its del ran");
  cr_assert_not(gc_is_heap_object((void *)~q), "no del needed: freed at once");
  clobber_stack();
  gc_collect();
  cr_assert_eq(dels_run, 1, "del must not run twice");
  cr_assert_not(gc_is_heap_object((void *)~p));
}

Test(gc, finalize_remaining_runs_reachable_dels) {
  dels_run = 0;
  static Value keep;
  gc_add_root(&keep);
  keep = (Value)~make_probe(true);
  gc_collect();
  cr_assert_eq(dels_run, 0, "reachable: no del during the run");
  gc_finalize_remaining();
  cr_assert_eq(dels_run, 1, "at exit every pending del runs");
}
