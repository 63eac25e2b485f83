/* weakref.c — weak references and the _weakref module.
 *
 * Every weak reference to an object is on that object's list, a doubly
 * linked chain through the references themselves; the list's head is found
 * in a side table keyed by the object's address (open addressing), and the
 * object is flagged GC_WEAKREFED while it has an entry.  The list is in
 * CPython's order: the plain reference (exact ref type, no callback, shared
 * by every ref(obj) call) first, then the others, newest first; getweakrefs
 * and the callbacks of one object follow it.
 *
 * Invariants: a reference's `referent` is VAL_NULL once cleared, and then
 * it is on no list; the referent field is never traced.  A reference that
 * is swept unlinks itself (its finalizer touches only the table and other
 * references still on the list, which are intact: a slot is reused only
 * after the sweep).
 */
#include "runtime/weakref.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/fileio.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/func.h"

typedef struct WeakRefObject {
  Object base;
  Value referent;                /* not traced; VAL_NULL once cleared */
  Value callback;                /* VAL_NULL: none */
  struct WeakRefObject *prev, *next; /* the referent's list */
  Hash hash;
  bool hashed;
} WeakRefObject;

/* ---- the side table: referent address -> its list ---------------------- */

typedef struct {
  Object *referent; /* NULL: empty slot; TOMBSTONE: deleted */
  WeakRefObject *head;
  uint64_t seq;     /* creation order of the entry: callbacks of one collection run in it */
} Entry;

#define TOMBSTONE ((Object *)1)

static struct {
  Entry *slots;
  size_t cap;   /* power of two, or 0 */
  size_t used;  /* live entries and tombstones */
  size_t live;
  uint64_t next_seq;
} table;

static size_t addr_hash(const Object *p) {
  uint64_t h = (uint64_t)(uintptr_t)p >> 3;
  h *= 0x9E3779B97F4A7C15ull;
  return (size_t)(h ^ (h >> 29));
}

static Entry *table_find(const Object *o) {
  if (!table.cap) return NULL;
  size_t mask = table.cap - 1;
  for (size_t i = addr_hash(o) & mask;; i = (i + 1) & mask) {
    Entry *e = &table.slots[i];
    if (e->referent == o) return e;
    if (!e->referent) return NULL;
  }
}

static void table_resize(size_t cap) {
  Entry *old = table.slots;
  size_t oldcap = table.cap;
  table.slots = calloc(cap, sizeof(Entry));
  if (!table.slots) {
    fputs("gilpy: out of memory\n", stderr);
    abort();
  }
  table.cap = cap;
  table.used = table.live;
  size_t mask = cap - 1;
  for (size_t j = 0; j < oldcap; j++) {
    if (old[j].referent <= TOMBSTONE) continue;
    size_t i = addr_hash(old[j].referent) & mask;
    while (table.slots[i].referent) i = (i + 1) & mask;
    table.slots[i] = old[j];
  }
  free(old);
}

static Entry *table_insert(Object *o) {
  if ((table.used + 1) * 2 > table.cap) {
    size_t cap = table.cap ? table.cap : 64;
    while ((table.live + 1) * 4 > cap) cap *= 2;
    table_resize(cap);
  }
  size_t mask = table.cap - 1;
  size_t i = addr_hash(o) & mask;
  while (table.slots[i].referent > TOMBSTONE) i = (i + 1) & mask;
  if (!table.slots[i].referent) table.used++;
  table.live++;
  table.slots[i] = (Entry){.referent = o, .head = NULL, .seq = table.next_seq++};
  o->gc_flags |= GC_WEAKREFED;
  return &table.slots[i];
}

static void table_remove(Entry *e) {
  e->referent->gc_flags &= ~(uint32_t)GC_WEAKREFED;
  e->referent = TOMBSTONE;
  e->head = NULL;
  table.live--;
}

/* The first reference to `o`, or NULL. */
static WeakRefObject *list_head(Value o) {
  if (!val_is_obj(o) || !(o->gc_flags & GC_WEAKREFED)) return NULL;
  Entry *e = table_find(o);
  return e ? e->head : NULL;
}

static void unlink_ref(WeakRefObject *r) {
  if (!r->referent) return;
  Entry *e = table_find(r->referent);
  if (r->prev) r->prev->next = r->next;
  else if (e) e->head = r->next;
  if (r->next) r->next->prev = r->prev;
  r->prev = r->next = NULL;
  if (e && !e->head) table_remove(e);
  r->referent = VAL_NULL;
}

static bool is_basic(WeakRefObject *r) { return r->base.type == &WeakRefType && !r->callback; }

/* ---- which objects can be weakly referenced ------------------------------ */

static bool slots_name_weakref(Value slots) {
  if (val_is_str(slots)) return str_intern(slots) == NAME(__weakref__);
  Value *items;
  ssize_t n;
  if (val_is_tuple(slots)) {
    items = TUPLE_ITEMS(slots);
    n = TUPLE_LEN(slots);
  } else if (val_is_list(slots)) {
    items = LIST_ITEMS(slots);
    n = LIST_LEN(slots);
  } else {
    return true; /* another iterable: not worth re-reading; allow */
  }
  for (ssize_t i = 0; i < n; i++)
    if (val_is_str(items[i]) && str_intern(items[i]) == NAME(__weakref__)) return true;
  return false;
}

/* Native types of other files whose CPython counterparts have a
 * weak-reference list (weakref_allow_type). */
static TypeObject *allowed_types[32];
static size_t nallowed;

void weakref_allow_type(TypeObject *t) {
  for (size_t i = 0; i < nallowed; i++)
    if (allowed_types[i] == t) return;
  if (nallowed == sizeof allowed_types / sizeof allowed_types[0]) {
    fputs("gilpy: weakref_allow_type: table full\n", stderr);
    abort();
  }
  allowed_types[nallowed++] = t;
}

static bool allowed_native(TypeObject *t) {
  for (size_t i = 0; i < nallowed; i++)
    if (allowed_types[i] == t) return true;
  return false;
}

/* CPython's rule: builtin types with a weak-reference list; classes get one
 * unless they define __slots__ without '__weakref__' (at every level) or
 * derive from a variable-size builtin (int, tuple, bytes). */
static bool type_weakrefable(TypeObject *t) {
  for (; t; t = t->base_type) {
    if (!(t->flags & TP_HEAPTYPE)) {
      return (t->flags & TP_TYPE_SUBCLASS) || t == &FunctionType || t == &MethodType ||
             t == &NativeFunctionType || t == &SetType || t == &FrozenSetType || t == &GeneratorType ||
             t == &CoroutineType || t == &AsyncGeneratorType || t == &CodeType || t == &ModuleType ||
             t == &TextIOWrapperType || t == &BufferedReaderType ||
             t == &BufferedWriterType || t == &BufferedRandomType || allowed_native(t);
    }
    Value slots = t->dict ? dict_get_str((Value)t->dict, NAME(__slots__)) : VAL_NULL;
    if (!slots) return !(t->flags & (TP_INT_SUBCLASS | TP_TUPLE_SUBCLASS | TP_BYTES_SUBCLASS));
    if (slots_name_weakref(slots)) return true;
  }
  return false;
}

/* ---- creation ----------------------------------------------------------- */

static Value new_ref(TypeObject *type, Value ob, Value callback) {
  if (!val_is_obj(ob) || !type_weakrefable(ob->type))
    return err_set(&Exc_TypeError, "cannot create weak reference to '%s' object", val_type(ob)->name);
  if (callback == VAL_NONE) callback = VAL_NULL;
  WeakRefObject *head = list_head(ob);
  bool basic = type == &WeakRefType && !callback;
  if (basic && head && is_basic(head)) return (Value)head;
  WeakRefObject *r = (WeakRefObject *)gc_alloc(type, type->instance_size);
  r->referent = ob;
  r->callback = callback;
  Entry *e = (ob->gc_flags & GC_WEAKREFED) ? table_find(ob) : NULL;
  if (!e) e = table_insert(ob);
  if (basic || !e->head || !is_basic(e->head)) { /* at the head */
    r->next = e->head;
    if (e->head) e->head->prev = r;
    e->head = r;
  } else { /* right after the plain reference */
    WeakRefObject *p = e->head;
    r->prev = p;
    r->next = p->next;
    if (p->next) p->next->prev = r;
    p->next = r;
  }
  return (Value)r;
}

static bool unpack_args(const char *fname, Value *args, size_t nargs, Value *ob, Value *cb) {
  if (nargs < 1) {
    err_set(&Exc_TypeError, "%s expected at least 1 argument, got %zu", fname, nargs);
    return false;
  }
  if (nargs > 2) {
    err_set(&Exc_TypeError, "%s expected at most 2 arguments, got %zu", fname, nargs);
    return false;
  }
  *ob = args[0];
  *cb = nargs > 1 ? args[1] : VAL_NULL;
  return true;
}

static Value ref_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len) return err_set(&Exc_TypeError, "ref() takes no keyword arguments");
  Value ob, cb;
  if (!unpack_args("__new__", args, nargs, &ob, &cb)) return VAL_NULL;
  return new_ref(type, ob, cb);
}

/* ref.__init__ only checks the arguments __new__ already used. */
static int ref_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)self;
  if (kwnames && kwnames->len) return ERR_INT(err_set(&Exc_TypeError, "ref() takes no keyword arguments"));
  Value ob, cb;
  return unpack_args("__init__", args, nargs, &ob, &cb) ? 0 : -1;
}

/* ---- the ref type ------------------------------------------------------- */

static void ref_trace(Object *o) {
  WeakRefObject *r = (WeakRefObject *)o;
  if (r->callback) gc_mark(r->callback);
}

static void ref_finalize(Object *o) { unlink_ref((WeakRefObject *)o); }

static Value ref_call(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)args;
  if (kwnames && kwnames->len) return err_set(&Exc_TypeError, "weakref() takes no keyword arguments");
  if (nargs) return err_set(&Exc_TypeError, "weakref expected 0 arguments, got %zu", nargs);
  Value o = AS(WeakRefObject, self)->referent;
  return o ? o : VAL_NONE;
}

static Hash ref_hash(Value self) {
  WeakRefObject *r = AS(WeakRefObject, self);
  if (r->hashed) return r->hash;
  if (!r->referent) {
    err_set(&Exc_TypeError, "weak object has gone away");
    return -1;
  }
  Hash h = obj_hash(r->referent);
  if (h == -1) return -1;
  r->hash = h;
  r->hashed = true;
  return h;
}

static bool val_is_weakref(Value v) { return val_is_obj(v) && obj_isinstance_type(v, &WeakRefType); }

static Value ref_richcompare(Value a, Value b, CmpOp op) {
  if ((op != CMP_EQ && op != CMP_NE) || !val_is_weakref(a) || !val_is_weakref(b)) return VAL_NOTIMPL;
  Value x = AS(WeakRefObject, a)->referent, y = AS(WeakRefObject, b)->referent;
  if (!x || !y) return val_bool((a == b) == (op == CMP_EQ));
  Value r = obj_richcompare(x, y, op);
  GC_KEEP_ALIVE(x);
  GC_KEEP_ALIVE(y);
  return r;
}

static Value ref_repr(Value self) {
  Value o = AS(WeakRefObject, self)->referent;
  if (!o) return str_printf("<weakref at %p; dead>", (void *)self);
  Value name = obj_getattr_opt(o, NAME(__name__));
  if (!name && err_occurred()) return VAL_NULL;
  Value r;
  if (name && val_is_str(name))
    r = str_printf("<weakref at %p; to '%s' at %p (%U)>", (void *)self, val_type(o)->name, (void *)o, name);
  else
    r = str_printf("<weakref at %p; to '%s' at %p>", (void *)self, val_type(o)->name, (void *)o);
  GC_KEEP_ALIVE(o);
  return r;
}

static Value ref_get_callback(Value self) {
  Value cb = AS(WeakRefObject, self)->callback;
  return cb ? cb : VAL_NONE;
}

static Value ref_class_getitem(Value cls, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("__class_getitem__", kwnames) || !args_count("__class_getitem__", nargs, 1, 1)) return VAL_NULL;
  return generic_alias_new(cls, args[0]);
}

static const NativeDef ref_methods[] = {
    {"__class_getitem__", ref_class_getitem, NATIVE_CLASSMETHOD},
    {NULL},
};

static const GetSetDef ref_getsets[] = {
    {"__callback__", ref_get_callback, NULL},
    {NULL},
};

TypeObject WeakRefType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "weakref.ReferenceType",
    .flags = TP_BASETYPE,
    .instance_size = sizeof(WeakRefObject),
    .tp_new = ref_tp_new,
    .tp_init = ref_tp_init,
    .trace = ref_trace,
    .finalize = ref_finalize,
    .call = ref_call,
    .hash = ref_hash,
    .richcompare = ref_richcompare,
    .repr = ref_repr,
    .methods = ref_methods,
    .getsets = ref_getsets,
};

Value weakref_first(Value obj) {
  WeakRefObject *r = list_head(obj);
  return r ? (Value)r : VAL_NONE;
}

/* ---- collector side ------------------------------------------------------ */

typedef struct {
  WeakRefObject *ref;
  Value callback;
} PendingCallback;

static struct {
  PendingCallback *items;
  size_t head, len, cap;
  bool running;
} pending;

static void pending_push(WeakRefObject *r, Value cb) {
  if (pending.len == pending.cap) {
    pending.cap = pending.cap ? pending.cap * 2 : 32;
    pending.items = realloc(pending.items, pending.cap * sizeof(PendingCallback));
    if (!pending.items) {
      fputs("gilpy: out of memory\n", stderr);
      abort();
    }
  }
  pending.items[pending.len++] = (PendingCallback){r, cb};
}

static bool unmarked(Object *o) { return !(o->gc_flags & (GC_MARKED | GC_STATIC)); }

static int cmp_entry_seq(const void *a, const void *b) {
  uint64_t x = (*(Entry *const *)a)->seq, y = (*(Entry *const *)b)->seq;
  return x < y ? -1 : x > y;
}

void weakref_gc_clear(void) {
  if (!table.live) return;
  /* The dying entries, oldest first: a deterministic callback order. */
  Entry **dying = NULL;
  size_t n = 0, cap = 0;
  for (size_t i = 0; i < table.cap; i++) {
    Entry *e = &table.slots[i];
    if (e->referent <= TOMBSTONE || !unmarked(e->referent)) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      Entry **d = realloc(dying, cap * sizeof(Entry *));
      if (!d) {
        fputs("gilpy: out of memory\n", stderr);
        abort();
      }
      dying = d;
    }
    dying[n++] = e;
  }
  if (n > 1) qsort(dying, n, sizeof(Entry *), cmp_entry_seq);
  for (size_t i = 0; i < n; i++) {
    Entry *e = dying[i];
    WeakRefObject *r = e->head;
    while (r) {
      WeakRefObject *next = r->next;
      r->referent = VAL_NULL;
      r->prev = r->next = NULL;
      /* Only a reference that outlives its referent calls back (a garbage
       * one, or one kept only by garbage awaiting __del__, does not). */
      if (r->callback && !unmarked(&r->base)) pending_push(r, r->callback);
      r->callback = VAL_NULL;
      r = next;
    }
    table_remove(e);
  }
  free(dying);
}

void weakref_gc_trace(void) {
  for (size_t i = pending.head; i < pending.len; i++) {
    gc_mark((Value)pending.items[i].ref);
    gc_mark(pending.items[i].callback);
  }
}

bool weakref_run_callbacks(void) {
  if (pending.running) return false; /* a collection inside a callback: the outer loop goes on */
  pending.running = true;
  ThreadState *ts = ts_current;
  while (pending.head < pending.len) {
    PendingCallback p = pending.items[pending.head++];
    Value saved = ts->cur_exc;
    ts->cur_exc = VAL_NULL;
    if (!obj_call1(p.callback, (Value)p.ref)) err_write_unraisable(NULL, p.callback);
    ts->cur_exc = saved;
  }
  pending.head = pending.len = 0;
  pending.running = false;
  return true;
}

/* ---- the _weakref module ------------------------------------------------- */

static Value w_getweakrefcount(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  if (nargs != 1 || (kw && kw->len))
    return err_set(&Exc_TypeError, "_weakref.getweakrefcount() takes exactly one argument (%zu given)", nargs);
  intptr_t n = 0;
  for (WeakRefObject *r = list_head(args[0]); r; r = r->next) n++;
  return val_from_int(n);
}

static Value w_getweakrefs(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  if (nargs != 1 || (kw && kw->len))
    return err_set(&Exc_TypeError, "_weakref.getweakrefs() takes exactly one argument (%zu given)", nargs);
  Value l = list_new(0);
  for (WeakRefObject *r = list_head(args[0]); r; r = r->next) list_append(l, (Value)r);
  return l;
}

/* _remove_dead_weakref(dict, key): deletes dict[key] if it is a dead reference. */
static Value w_remove_dead_weakref(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  if (!args_no_kw("_remove_dead_weakref", kw) || !args_count("_remove_dead_weakref", nargs, 2, 2)) return VAL_NULL;
  if (!val_is_dict(args[0])) return err_set(&Exc_TypeError, "not a dict");
  Value v = dict_get(args[0], args[1]);
  if (!v) return err_occurred() ? VAL_NULL : VAL_NONE;
  if (val_is_weakref(v) && !AS(WeakRefObject, v)->referent && dict_del(args[0], args[1]) < 0) {
    if (!err_matches(&Exc_KeyError)) return VAL_NULL;
    err_clear();
  }
  return VAL_NONE;
}

static const NativeDef weakref_functions[] = {
    {"getweakrefcount", w_getweakrefcount, 0, "Return the number of weak references to 'obj'."},
    {"getweakrefs", w_getweakrefs, 0, "Return a list of all weak reference objects pointing to 'obj'."},
    {"_remove_dead_weakref", w_remove_dead_weakref, 0, NULL},
    {NULL},
};

static int weakref_module_init(Value m) {
  if (!(WeakRefType.flags & TP_READY)) type_ready(&WeakRefType);
  Value d = module_dict(m);
  if (dict_set_cstr(d, "ref", (Value)&WeakRefType) < 0) return -1;
  return dict_set_cstr(d, "ReferenceType", (Value)&WeakRefType);
}

const NativeModuleDef _weakref_module_def = {"_weakref", weakref_functions, weakref_module_init};
