/* type.c — `type` and `object`, type_ready, class creation.
 *
 * Owns: the TypeType/ObjectType objects, type_ready() for static types,
 * heap classes (type_new_class, builtins.__build_class__), C3 MRO, type
 * versions and the subclass registry, instance layout and obj_dict_ptr.
 *
 * Invariants:
 *  - every ready type has mro (a tuple starting with itself), bases and a
 *    dict; t->version is non-zero and changes whenever the dict or MRO of
 *    t or of one of its bases changes (inline caches key on it);
 *  - a heap class's slots are always those computed by type_slots_fixup
 *    from its MRO (type_slots.c); assigning a dunder re-computes them for
 *    the class and its subclasses;
 *  - the subclass registry holds raw pointers only (weak): a heap class's
 *    finalizer removes its own entry without dereferencing other objects.
 * All mutable state here is only touched with the GIL held.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
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
#include "runtime/str.h"
#include "runtime/type.h"
#include "runtime/weakref.h"
#include "vm/eval.h"
#include "vm/func.h"

/* ---- versions and the subclass registry --------------------------------- */

static uint32_t version_counter; /* GIL-protected */

uint32_t type_next_version(void) {
  if (++version_counter == 0) version_counter = 1;
  return version_counter;
}

typedef struct {
  TypeObject *type;
  TypeObject **subs;
  size_t nsubs, cap;
  TypeObject **bases; /* raw pointers, never dereferenced after the type dies */
  size_t nbases;
} SubEntry;

/* Entries are malloc'd and indexed by an open-addressing table keyed by
 * the type's address (deleted slots hold TOMBSTONE). */
#define TOMBSTONE ((SubEntry *)1)
static SubEntry **registry;
static size_t registry_cap, registry_used; /* used counts tombstones too */

static size_t ptr_hash(const void *p) { return (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull >> 20); }

static SubEntry *registry_find(TypeObject *t) {
  if (!registry_cap) return NULL;
  size_t mask = registry_cap - 1;
  for (size_t i = ptr_hash(t) & mask;; i = (i + 1) & mask) {
    SubEntry *e = registry[i];
    if (!e) return NULL;
    if (e != TOMBSTONE && e->type == t) return e;
  }
}

static void registry_insert(SubEntry *e) {
  size_t mask = registry_cap - 1;
  size_t i = ptr_hash(e->type) & mask;
  while (registry[i] && registry[i] != TOMBSTONE) i = (i + 1) & mask;
  if (!registry[i]) registry_used++;
  registry[i] = e;
}

static SubEntry *registry_get(TypeObject *t) {
  SubEntry *e = registry_find(t);
  if (e) return e;
  if ((registry_used + 1) * 2 > registry_cap) {
    SubEntry **old = registry;
    size_t old_cap = registry_cap;
    registry_cap = registry_cap ? registry_cap * 2 : 256;
    registry = calloc(registry_cap, sizeof(SubEntry *));
    if (!registry) abort();
    registry_used = 0;
    for (size_t i = 0; i < old_cap; i++)
      if (old[i] && old[i] != TOMBSTONE) registry_insert(old[i]);
    free(old);
  }
  e = calloc(1, sizeof(SubEntry));
  if (!e) abort();
  e->type = t;
  registry_insert(e);
  return e;
}

static void registry_delete(TypeObject *t) {
  size_t mask = registry_cap - 1;
  for (size_t i = ptr_hash(t) & mask; registry[i]; i = (i + 1) & mask) {
    if (registry[i] != TOMBSTONE && registry[i]->type == t) {
      free(registry[i]->subs);
      free(registry[i]->bases);
      free(registry[i]);
      registry[i] = TOMBSTONE;
      return;
    }
  }
}

static void registry_add_sub(TypeObject *base, TypeObject *sub) {
  SubEntry *e = registry_get(base);
  if (e->nsubs == e->cap) {
    e->cap = e->cap ? e->cap * 2 : 4;
    e->subs = realloc(e->subs, e->cap * sizeof(TypeObject *));
    if (!e->subs) abort();
  }
  e->subs[e->nsubs++] = sub;
}

static void registry_remove_sub(TypeObject *base, TypeObject *sub) {
  SubEntry *e = registry_find(base);
  if (!e) return;
  for (size_t i = 0; i < e->nsubs; i++) {
    if (e->subs[i] == sub) {
      e->subs[i] = e->subs[--e->nsubs];
      return;
    }
  }
}

/* Records t's bases (for removal at finalization) and t as their subclass. */
static void registry_link(TypeObject *t) {
  SubEntry *e = registry_get(t);
  size_t n = (size_t)t->bases->len;
  TypeObject **bases = malloc((n ? n : 1) * sizeof(TypeObject *));
  if (!bases) abort();
  for (size_t i = 0; i < n; i++) bases[i] = (TypeObject *)t->bases->items[i];
  free(e->bases);
  e->bases = bases;
  e->nbases = n;
  for (size_t i = 0; i < n; i++) registry_add_sub(bases[i], t);
}

static void registry_unlink(TypeObject *t) {
  SubEntry *e = registry_find(t);
  if (!e) return;
  for (size_t i = 0; i < e->nbases; i++) registry_remove_sub(e->bases[i], t);
  registry_delete(t);
}

/* Calls fn on t and every (transitive) subclass. */
static void for_each_subclass(TypeObject *t, void (*fn)(TypeObject *)) {
  fn(t);
  SubEntry *e = registry_find(t);
  if (!e) return;
  for (size_t i = 0; i < e->nsubs; i++) for_each_subclass(e->subs[i], fn);
}

static void bump_version(TypeObject *t) { t->version = type_next_version(); }

void type_modified(TypeObject *t) { for_each_subclass(t, bump_version); }

static void refresh_slots(TypeObject *t) {
  if (t->flags & TP_HEAPTYPE) type_slots_fixup(t);
  t->version = type_next_version();
}

void type_update_slot(TypeObject *t, StrObject *name) {
  if (type_slot_name(name))
    for_each_subclass(t, refresh_slots);
  else
    type_modified(t);
}

/* ---- lookup and subtype checks ------------------------------------------ */

/* The attribute cache: (type version, interned name) -> what the MRO walk
 * found (VAL_NULL for "absent").  Versions are never reused, so an entry
 * for a stale version simply never matches again; its value is not a GC
 * root and is never returned once stale.  Only interned names (immortal)
 * are cached, so a name pointer cannot be recycled.  GIL-protected. */
#define MCACHE_BITS 12
typedef struct {
  uint32_t version;
  StrObject *name;
  Value value;
} MCacheEntry;
static MCacheEntry mcache[1u << MCACHE_BITS];

static inline size_t mcache_index(uint32_t version, StrObject *name) {
  return (size_t)((version * 2654435761u) ^ (uint32_t)((uintptr_t)name >> 4)) & ((1u << MCACHE_BITS) - 1);
}

static Value mro_lookup(TypeObject *type, StrObject *name);

Value type_lookup(TypeObject *type, StrObject *name) {
  uint32_t version = type->version;
  if (version && (name->base.gc_flags & OBJ_INTERNED)) {
    MCacheEntry *e = &mcache[mcache_index(version, name)];
    if (e->version == version && e->name == name) return e->value;
    Value v = mro_lookup(type, name);
    e->version = version;
    e->name = name;
    e->value = v;
    return v;
  }
  return mro_lookup(type, name);
}

static Value mro_lookup(TypeObject *type, StrObject *name) {
  TupleObject *mro = type->mro;
  if (!mro) {
    for (TypeObject *t = type; t; t = t->base_type)
      if (t->dict) {
        Value v = dict_get_str((Value)t->dict, name);
        if (v) return v;
      }
    return VAL_NULL;
  }
  for (ssize_t i = 0; i < mro->len; i++) {
    TypeObject *b = (TypeObject *)mro->items[i];
    if (!b->dict) continue;
    Value v = dict_get_str((Value)b->dict, name);
    if (v) return v;
  }
  return VAL_NULL;
}

bool type_is_subtype(TypeObject *a, TypeObject *b) {
  if (a == b) return true;
  TupleObject *mro = a->mro;
  if (mro) {
    for (ssize_t i = 0; i < mro->len; i++)
      if ((TypeObject *)mro->items[i] == b) return true;
    return false;
  }
  for (TypeObject *t = a->base_type; t; t = t->base_type)
    if (t == b) return true;
  return b == &ObjectType;
}

const char *type_name(TypeObject *t) { return t->name; }

static bool val_is_type(Value v) { return val_is_obj(v) && (val_type(v)->flags & TP_TYPE_SUBCLASS); }

/* ---- C3 linearization --------------------------------------------------- */

static void mro_error(Value **seqs, ssize_t *lens, ssize_t *heads, size_t nseq) {
  StrBuilder sb;
  sb_init(&sb);
  sb_adds(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases ");
  Value seen[64];
  size_t nseen = 0;
  for (size_t i = 0; i < nseq; i++) {
    if (heads[i] >= lens[i]) continue;
    Value c = seqs[i][heads[i]];
    bool dup = false;
    for (size_t k = 0; k < nseen; k++)
      if (seen[k] == c) dup = true;
    if (dup) continue;
    if (nseen < 64) seen[nseen] = c;
    if (nseen++) sb_adds(&sb, ", ");
    sb_adds(&sb, type_name((TypeObject *)c));
  }
  Value msg = sb_finish(&sb);
  if (msg) err_set(&Exc_TypeError, "%U", msg);
}

/* mro(t) = [t] + merge(mro(b1), ..., mro(bn), [b1..bn]). */
static Value c3_mro(TypeObject *t, Value bases) {
  ssize_t nb = TUPLE_LEN(bases);
  size_t nseq = (size_t)nb + 1;
  Value **seqs = malloc(nseq * sizeof(Value *));
  ssize_t *lens = malloc(nseq * sizeof(ssize_t));
  ssize_t *heads = calloc(nseq, sizeof(ssize_t));
  if (!seqs || !lens || !heads) abort();
  ssize_t total = 1;
  for (ssize_t i = 0; i < nb; i++) {
    TypeObject *b = (TypeObject *)TUPLE_ITEMS(bases)[i];
    seqs[i] = b->mro->items;
    lens[i] = b->mro->len;
    total += lens[i];
  }
  seqs[nb] = TUPLE_ITEMS(bases);
  lens[nb] = nb;
  Value result = list_new(0);
  list_append(result, (Value)t);
  for (;;) {
    bool empty = true;
    bool progressed = false;
    for (size_t i = 0; i < nseq; i++) {
      if (heads[i] >= lens[i]) continue;
      empty = false;
      Value cand = seqs[i][heads[i]];
      bool in_tail = false;
      for (size_t j = 0; j < nseq && !in_tail; j++)
        for (ssize_t k = heads[j] + 1; k < lens[j]; k++)
          if (seqs[j][k] == cand) {
            in_tail = true;
            break;
          }
      if (in_tail) continue;
      list_append(result, cand);
      for (size_t j = 0; j < nseq; j++)
        if (heads[j] < lens[j] && seqs[j][heads[j]] == cand) heads[j]++;
      progressed = true;
      break;
    }
    if (empty) break;
    if (!progressed) {
      mro_error(seqs, lens, heads, nseq);
      result = VAL_NULL;
      break;
    }
  }
  free(seqs);
  free(lens);
  free(heads);
  (void)total;
  return result ? list_to_tuple(result) : VAL_NULL;
}

/* ---- flags -------------------------------------------------------------- */

static void compute_subclass_flags(TypeObject *t) {
  static const struct {
    TypeObject *type;
    uint32_t flag;
  } fast[] = {
      {&IntType, TP_INT_SUBCLASS},   {&ListType, TP_LIST_SUBCLASS},
      {&TupleType, TP_TUPLE_SUBCLASS}, {&StrType, TP_STR_SUBCLASS},
      {&BytesType, TP_BYTES_SUBCLASS}, {&DictType, TP_DICT_SUBCLASS},
      {&Exc_BaseException, TP_EXC_SUBCLASS}, {&TypeType, TP_TYPE_SUBCLASS},
  };
  for (size_t i = 0; i < sizeof fast / sizeof fast[0]; i++)
    if (type_is_subtype(t, fast[i].type)) t->flags |= fast[i].flag;
}

/* ---- type_ready ---------------------------------------------------------- */

/* Copies every NULL slot of t from base (static types). */
static void inherit_slots(TypeObject *t, TypeObject *base) {
#define INHERIT(f) \
  if (!t->f) t->f = base->f
  if (base != &ObjectType || (t->flags & TP_HEAPTYPE)) INHERIT(tp_new);
  INHERIT(tp_init);
  INHERIT(finalize);
  INHERIT(trace);
  INHERIT(del);
  INHERIT(repr);
  INHERIT(str);
  INHERIT(richcompare);
  /* a type that defines == but not hash is unhashable, as in CPython */
  if (!t->hash && !(t->richcompare && t->richcompare != base->richcompare)) t->hash = base->hash;
  INHERIT(truthy);
  INHERIT(call);
  INHERIT(getattr);
  INHERIT(setattr);
  INHERIT(descr_get);
  INHERIT(descr_set);
  INHERIT(iter);
  INHERIT(iternext);
  INHERIT(len);
  INHERIT(getitem);
  INHERIT(setitem);
  INHERIT(contains);
  for (int i = 0; i < BINOP_COUNT; i++) {
    INHERIT(binop[i]);
    INHERIT(inplace[i]);
  }
  INHERIT(neg);
  INHERIT(pos);
  INHERIT(abs);
  INHERIT(invert);
  INHERIT(to_int);
  INHERIT(to_float);
  INHERIT(to_index);
  if (!t->instance_size) t->instance_size = base->instance_size;
  if (!t->dict_offset) t->dict_offset = base->dict_offset;
#undef INHERIT
}

static void add_methods(TypeObject *t) {
  Value d = (Value)t->dict;
  if (t->methods) {
    for (const NativeDef *m = t->methods; m->name; m++) {
      StrObject *name = str_intern_cstr(m->name);
      if (dict_get_str(d, name)) continue;
      Value descr;
      if (m->kind == NATIVE_STATICMETHOD) {
        Value f = native_function_new(m, VAL_NULL);
        AS(NativeFunctionObject, f)->owner = t;
        descr = staticmethod_new(f);
      } else
        descr = descr_method_new(t, m);
      dict_set_str(d, name, descr);
    }
  }
  if (t->getsets) {
    for (const GetSetDef *g = t->getsets; g->name; g++) {
      StrObject *name = str_intern_cstr(g->name);
      if (dict_get_str(d, name)) continue;
      dict_set_str(d, name, descr_getset_new(t, g));
    }
  }
}

void type_ready(TypeObject *t) {
  if (t->flags & TP_READY) return;
  if (t != &ObjectType && !t->base_type) t->base_type = &ObjectType;
  if (t->base_type) type_ready(t->base_type);
  t->flags |= TP_READY;
  if (!t->base.type) t->base.type = &TypeType;
  gc_add_static(&t->base);

  /* names: "mod.Name" gives __module__ 'mod' and __name__ 'Name' */
  const char *dot = strrchr(t->name, '.');
  if (!t->name_obj) t->name_obj = str_intern_cstr(dot ? dot + 1 : t->name);
  if (!t->qualname) t->qualname = t->name_obj;
  if (!t->module && dot) t->module = str_new(t->name, (size_t)(dot - t->name));

  if (t->base_type) {
    t->bases = AS(TupleObject, tuple_pack(1, (Value)t->base_type));
    Value mro = tuple_new(t->base_type->mro->len + 1);
    TUPLE_ITEMS(mro)[0] = (Value)t;
    for (ssize_t i = 0; i < t->base_type->mro->len; i++) TUPLE_ITEMS(mro)[i + 1] = t->base_type->mro->items[i];
    t->mro = AS(TupleObject, mro);
  } else {
    t->bases = AS(TupleObject, tuple_new(0));
    t->mro = AS(TupleObject, tuple_pack(1, (Value)t));
  }
  if (!t->dict) t->dict = AS(DictObject, dict_new());
  add_methods(t);
  /* wrappers for the slots this type defines itself (before inheriting) */
  type_slots_add_wrappers(t);
  if (t->base_type) inherit_slots(t, t->base_type);
  if (!dict_get_str((Value)t->dict, NAME(__doc__))) dict_set_str((Value)t->dict, NAME(__doc__), VAL_NONE);
  compute_subclass_flags(t);
  if (t->base_type) registry_add_sub(t->base_type, t);
  t->version = type_next_version();
}

/* ---- object ------------------------------------------------------------- */

static int object_init(Value self, Value *args, size_t nargs, TupleObject *kwnames);

static bool excess_args(size_t nargs, TupleObject *kwnames) { return nargs > 0 || (kwnames && kwnames->len > 0); }

/* "__abstractmethods__", interned once by types_init (read-only afterwards). */
static StrObject *abstractmethods_name;

static Value abstract_error(TypeObject *type, Value abstract) {
  Value names = list_from_iterable(abstract);
  if (!names || list_sort(names, VAL_NULL, false) < 0) return VAL_NULL;
  Value joined = str_join(str_from_cstr(", "), names);
  if (!joined) return VAL_NULL;
  return err_set(&Exc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U", type->name,
                 LIST_LEN(names) == 1 ? "" : "s", joined);
}

static Value object_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (excess_args(nargs, kwnames)) {
    if (type->tp_new != object_new)
      return err_set(&Exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->tp_init == object_init) return err_set(&Exc_TypeError, "%s() takes no arguments", type->name);
  }
  if ((type->flags & TP_HEAPTYPE) && type->dict) {
    /* abc.ABCMeta stores the still-abstract names here */
    Value abstract = dict_get_str((Value)type->dict, abstractmethods_name);
    if (abstract) {
      int nonempty = obj_truthy(abstract);
      if (nonempty < 0) return VAL_NULL;
      if (nonempty) return abstract_error(type, abstract);
    }
  }
  Object *o = gc_alloc(type, type->instance_size ? type->instance_size : sizeof(Object));
  if (type->del) o->gc_flags |= GC_NEEDS_DEL;
  return (Value)o;
}

static int object_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (excess_args(nargs, kwnames)) {
    TypeObject *type = val_type(self);
    if (type->tp_init != object_init) {
      err_set(&Exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->tp_new == object_new) {
      err_set(&Exc_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)", type->name);
      return -1;
    }
  }
  return 0;
}

/* The module-qualified name used by reprs: "__main__.C", or "int". */
static Value type_full_name(TypeObject *t) {
  if (!(t->flags & TP_HEAPTYPE)) return str_from_cstr(t->name);
  Value mod = t->dict ? dict_get_str((Value)t->dict, NAME(__module__)) : VAL_NULL;
  Value qn = t->qualname ? (Value)t->qualname : (Value)t->name_obj;
  if (mod && val_is_str(mod) && strcmp(str_cstr(mod), "builtins") != 0) return str_printf("%U.%U", mod, qn);
  return qn;
}

static Value object_repr(Value self) {
  Value name = type_full_name(val_type(self));
  if (!name) return VAL_NULL;
  return str_printf("<%U object at %p>", name, (void *)self);
}

static Value object_str(Value self) {
  UnaryFn r = val_type(self)->repr;
  return r ? r(self) : object_repr(self);
}

static Hash object_hash(Value self) {
  uintptr_t a = (uintptr_t)self;
  Hash h = (Hash)((a >> 4) | (a << (8 * sizeof(uintptr_t) - 4)));
  return h == -1 ? -2 : h;
}

static Value object_richcompare(Value a, Value b, CmpOp op) {
  switch (op) {
  case CMP_EQ:
    return a == b ? VAL_TRUE : VAL_NOTIMPL;
  case CMP_NE: {
    RichCmpFn eq = val_type(a)->richcompare;
    Value r = eq ? eq(a, b, CMP_EQ) : (a == b ? VAL_TRUE : VAL_NOTIMPL);
    if (!r || r == VAL_NOTIMPL) return r;
    int t = obj_truthy(r);
    if (t < 0) return VAL_NULL;
    return val_bool(!t);
  }
  default:
    return VAL_NOTIMPL;
  }
}

static Value object_format(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("__format__", kwnames) || !args_count("__format__", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0]))
    return err_set(&Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
  if (str_len_bytes(args[0]) > 0)
    return err_set(&Exc_TypeError, "unsupported format string passed to %s.__format__", val_type(self)->name);
  return obj_str(self);
}

static Value object_init_subclass(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (kwnames && kwnames->len > 0)
    return err_set(&Exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                   type_name((TypeObject *)self));
  if (nargs) return err_set(&Exc_TypeError, "__init_subclass__() takes no arguments (%zu given)", nargs);
  return VAL_NONE;
}

static Value object_subclasshook(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return VAL_NOTIMPL;
}

static int merge_dict_keys(Value names, Value d) {
  ssize_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v))
    if (dict_set(names, k, VAL_NONE) < 0) return -1;
  return 0;
}

static Value object_dir(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__dir__", nargs, 0, 0)) return VAL_NULL;
  Value names = dict_new();
  Value *dp = obj_dict_ptr(self);
  if (dp && *dp && val_is_dict(*dp) && merge_dict_keys(names, *dp) < 0) return VAL_NULL;
  TypeObject *t = val_type(self);
  for (ssize_t i = 0; i < t->mro->len; i++) {
    TypeObject *b = (TypeObject *)t->mro->items[i];
    if (b->dict && merge_dict_keys(names, (Value)b->dict) < 0) return VAL_NULL;
  }
  return list_from_iterable(names);
}

static StrObject *attr_name_arg(Value v) {
  if (!val_is_str(v)) {
    err_set(&Exc_TypeError, "attribute name must be string, not '%T'", v);
    return NULL;
  }
  return str_intern(v);
}

static Value object_getattribute(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__getattribute__", nargs, 1, 1)) return VAL_NULL;
  StrObject *name = attr_name_arg(args[0]);
  return name ? generic_getattr(self, name) : VAL_NULL;
}

static Value object_setattr_m(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__setattr__", nargs, 2, 2)) return VAL_NULL;
  StrObject *name = attr_name_arg(args[0]);
  if (!name) return VAL_NULL;
  if (val_is_type(self)) {
    SetAttrFn set = val_type(self)->setattr;
    return set(self, name, args[1]) < 0 ? VAL_NULL : VAL_NONE;
  }
  return generic_setattr(self, name, args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value object_delattr_m(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__delattr__", nargs, 1, 1)) return VAL_NULL;
  StrObject *name = attr_name_arg(args[0]);
  if (!name) return VAL_NULL;
  return generic_setattr(self, name, VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

static Value object_reduce_ex(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return err_set(&Exc_TypeError, "cannot pickle '%T' object", self);
}

static Value object_sizeof(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return val_from_int((intptr_t)val_type(self)->instance_size);
}

static const NativeDef object_methods[] = {
    {"__format__", object_format, NATIVE_METHOD},
    {"__init_subclass__", object_init_subclass, NATIVE_CLASSMETHOD},
    {"__subclasshook__", object_subclasshook, NATIVE_CLASSMETHOD},
    {"__dir__", object_dir, NATIVE_METHOD},
    {"__getattribute__", object_getattribute, NATIVE_METHOD},
    {"__setattr__", object_setattr_m, NATIVE_METHOD},
    {"__delattr__", object_delattr_m, NATIVE_METHOD},
    {"__reduce_ex__", object_reduce_ex, NATIVE_METHOD},
    {"__sizeof__", object_sizeof, NATIVE_METHOD},
    {NULL},
};

static Value object_get_class(Value self) { return (Value)val_type(self); }

static int object_set_class(Value self, Value v) {
  if (!v) {
    err_set(&Exc_TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!val_is_type(v)) {
    err_set(&Exc_TypeError, "__class__ must be set to a class, not '%T' object", v);
    return -1;
  }
  TypeObject *old = val_type(self), *new = (TypeObject *)v;
  if (!val_is_obj(self) || !(old->flags & TP_HEAPTYPE) || !(new->flags & TP_HEAPTYPE)) {
    err_set(&Exc_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (old->instance_size != new->instance_size || old->dict_offset != new->dict_offset ||
      old->trace != new->trace) {
    err_set(&Exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'", new->name, old->name);
    return -1;
  }
  self->type = new;
  return 0;
}

static const GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class},
    {NULL},
};

TypeObject ObjectType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "object",
    .instance_size = sizeof(Object),
    .flags = TP_BASETYPE,
    .tp_new = object_new,
    .tp_init = object_init,
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .methods = object_methods,
    .getsets = object_getsets,
};

/* ---- instance layout ---------------------------------------------------- */

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

Value *obj_dict_ptr(Value obj) {
  if (!val_is_obj(obj)) return NULL;
  TypeObject *t = obj->type;
  size_t off = t->dict_offset;
  if (t->flags & TP_VAR_DICT) {
    /* after the variable part of a str/bytes/tuple subclass instance */
    if (t->flags & TP_STR_SUBCLASS)
      off = align8(offsetof(StrObject, data) + (size_t)AS(StrObject, obj)->len + 1);
    else if (t->flags & TP_BYTES_SUBCLASS)
      off = align8(offsetof(BytesObject, data) + (size_t)AS(BytesObject, obj)->len + 1);
    else if (t->flags & TP_TUPLE_SUBCLASS)
      off = offsetof(TupleObject, items) + (size_t)AS(TupleObject, obj)->len * sizeof(Value);
    else
      return NULL;
  }
  if (!off) return NULL;
  return (Value *)((char *)obj + off);
}

/* Trace for every heap class's instances: the __dict__ slot, then the
 * layout of the nearest static base. */
static void heap_instance_trace(Object *o) {
  Value *dp = obj_dict_ptr((Value)o);
  if (dp) gc_mark(*dp);
  TypeObject *t = o->type;
  while (t && (t->flags & TP_HEAPTYPE)) t = t->base_type;
  if (t == &ObjectType) gc_mark(((InstanceObject *)o)->dict); /* __slots__ storage of an ancestor */
  if (t && t->trace) t->trace(o);
}

static Value instance_get_dict(Value self) {
  Value *dp = obj_dict_ptr(self);
  if (!dp) return err_set(&Exc_AttributeError, "'%T' object has no attribute '__dict__'", self);
  if (!*dp) *dp = dict_new();
  return *dp;
}

static int instance_set_dict(Value self, Value v) {
  Value *dp = obj_dict_ptr(self);
  if (!dp) {
    err_set(&Exc_AttributeError, "'%T' object has no attribute '__dict__'", self);
    return -1;
  }
  if (!v) {
    *dp = VAL_NULL;
    return 0;
  }
  if (!val_is_dict(v)) {
    err_set(&Exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", v);
    return -1;
  }
  *dp = v;
  return 0;
}

static const GetSetDef instance_dict_getset = {"__dict__", instance_get_dict, instance_set_dict};

/* The first weak reference to the instance, or None (weakref.c). */
static Value instance_get_weakref(Value self) { return weakref_first(self); }
static const GetSetDef instance_weakref_getset = {"__weakref__", instance_get_weakref, NULL};

/* ---- type: attributes --------------------------------------------------- */

static Value type_get_name(Value self) { return (Value)AS(TypeObject, self)->name_obj; }

static int type_check_heap_set(TypeObject *t, const char *attr, Value v) {
  if (!(t->flags & TP_HEAPTYPE)) {
    err_set(&Exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", attr, t->name);
    return -1;
  }
  if (!v) {
    err_set(&Exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", attr, t->name);
    return -1;
  }
  return 0;
}

static int type_set_name(Value self, Value v) {
  TypeObject *t = AS(TypeObject, self);
  if (type_check_heap_set(t, "__name__", v) < 0) return -1;
  if (!val_is_str(v)) {
    err_set(&Exc_TypeError, "can only assign string to %s.__name__, not '%T'", t->name, v);
    return -1;
  }
  t->name_obj = str_intern(v);
  t->name = str_cstr((Value)t->name_obj);
  return 0;
}

static Value type_get_qualname(Value self) { return (Value)AS(TypeObject, self)->qualname; }

static int type_set_qualname(Value self, Value v) {
  TypeObject *t = AS(TypeObject, self);
  if (type_check_heap_set(t, "__qualname__", v) < 0) return -1;
  if (!val_is_str(v)) {
    err_set(&Exc_TypeError, "can only assign string to %s.__qualname__, not '%T'", t->name, v);
    return -1;
  }
  t->qualname = AS(StrObject, v);
  return 0;
}

static Value type_get_module(Value self) {
  TypeObject *t = AS(TypeObject, self);
  if (t->flags & TP_HEAPTYPE) {
    Value m = dict_get_str((Value)t->dict, NAME(__module__));
    if (!m) return err_set(&Exc_AttributeError, "__module__");
    return m;
  }
  return t->module ? t->module : str_from_cstr("builtins");
}

static int type_set_module(Value self, Value v) {
  TypeObject *t = AS(TypeObject, self);
  if (type_check_heap_set(t, "__module__", v) < 0) return -1;
  if (dict_set_str((Value)t->dict, NAME(__module__), v) < 0) return -1;
  type_modified(t);
  return 0;
}

static Value type_get_bases(Value self) { return (Value)AS(TypeObject, self)->bases; }
static Value type_get_base(Value self) {
  TypeObject *b = AS(TypeObject, self)->base_type;
  return b ? (Value)b : VAL_NONE;
}
static Value type_get_mro(Value self) { return (Value)AS(TypeObject, self)->mro; }
static Value type_get_dict(Value self) { return mappingproxy_new((Value)AS(TypeObject, self)->dict); }

static Value type_get_doc(Value self) {
  TypeObject *t = AS(TypeObject, self);
  Value d = dict_get_str((Value)t->dict, NAME(__doc__));
  if (!d) return VAL_NONE;
  DescrGetFn get = val_type(d)->descr_get;
  if (get && (t->flags & TP_HEAPTYPE)) return get(d, VAL_NULL, self);
  return d;
}

static int type_set_doc(Value self, Value v) {
  TypeObject *t = AS(TypeObject, self);
  if (type_check_heap_set(t, "__doc__", v) < 0) return -1;
  if (dict_set_str((Value)t->dict, NAME(__doc__), v) < 0) return -1;
  type_modified(t);
  return 0;
}

static Value type_get_annotations(Value self) {
  TypeObject *t = AS(TypeObject, self);
  Value a = dict_get_str((Value)t->dict, NAME(__annotations__));
  if (a) return a;
  if (!(t->flags & TP_HEAPTYPE)) return err_set(&Exc_AttributeError, "type object '%s' has no attribute '__annotations__'", t->name);
  a = dict_new();
  if (dict_set_str((Value)t->dict, NAME(__annotations__), a) < 0) return VAL_NULL;
  return a;
}

static int type_set_annotations(Value self, Value v) {
  TypeObject *t = AS(TypeObject, self);
  if (type_check_heap_set(t, "__annotations__", v ? v : VAL_NONE) < 0) return -1;
  int r = v ? dict_set_str((Value)t->dict, NAME(__annotations__), v)
            : dict_del((Value)t->dict, (Value)NAME(__annotations__));
  type_modified(t);
  return r;
}

static Value type_get_abstract(Value self) {
  TypeObject *t = AS(TypeObject, self);
  StrObject *n = abstractmethods_name;
  Value a = (t->flags & TP_HEAPTYPE) ? dict_get_str((Value)t->dict, n) : VAL_NULL;
  if (!a) return err_set(&Exc_AttributeError, "__abstractmethods__");
  return a;
}

static int type_set_abstract(Value self, Value v) {
  TypeObject *t = AS(TypeObject, self);
  StrObject *n = abstractmethods_name;
  int r = v ? dict_set_str((Value)t->dict, n, v) : dict_del((Value)t->dict, (Value)n);
  type_modified(t);
  return r;
}

static const GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__module__", type_get_module, type_set_module},
    {"__bases__", type_get_bases, NULL},
    {"__base__", type_get_base, NULL},
    {"__mro__", type_get_mro, NULL},
    {"__dict__", type_get_dict, NULL},
    {"__doc__", type_get_doc, type_set_doc},
    {"__annotations__", type_get_annotations, type_set_annotations},
    {"__abstractmethods__", type_get_abstract, type_set_abstract},
    {NULL},
};

static Value type_mro_method(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("mro", nargs, 0, 0)) return VAL_NULL;
  TupleObject *m = AS(TypeObject, self)->mro;
  return list_from_array(m->items, m->len);
}

static Value type_subclasses(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__subclasses__", nargs, 0, 0)) return VAL_NULL;
  Value l = list_new(0);
  SubEntry *e = registry_find(AS(TypeObject, self));
  if (e)
    for (size_t i = 0; i < e->nsubs; i++) list_append(l, (Value)e->subs[i]);
  return l;
}

static Value type_instancecheck(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__instancecheck__", nargs, 1, 1)) return VAL_NULL;
  Value v = args[0];
  if (type_is_subtype(val_type(v), AS(TypeObject, self))) return VAL_TRUE;
  /* an object whose __class__ lies (proxies) */
  Value cls = obj_getattr_opt(v, NAME(__class__));
  if (!cls) {
    if (err_occurred()) return VAL_NULL;
    return VAL_FALSE;
  }
  if (cls != (Value)val_type(v) && val_is_type(cls))
    return val_bool(type_is_subtype((TypeObject *)cls, AS(TypeObject, self)));
  return VAL_FALSE;
}

static Value type_subclasscheck(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_count("__subclasscheck__", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_type(args[0])) return err_set(&Exc_TypeError, "issubclass() arg 1 must be a class");
  return val_bool(type_is_subtype((TypeObject *)args[0], AS(TypeObject, self)));
}

static Value type_prepare(Value self, Value *args, size_t nargs, TupleObject *kwnames) { return dict_new(); }

static Value type_dir(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  Value names = dict_new();
  TypeObject *t = AS(TypeObject, self);
  for (ssize_t i = 0; i < t->mro->len; i++) {
    TypeObject *b = (TypeObject *)t->mro->items[i];
    if (b->dict && merge_dict_keys(names, (Value)b->dict) < 0) return VAL_NULL;
  }
  return list_from_iterable(names);
}

static const NativeDef type_methods[] = {
    {"mro", type_mro_method, NATIVE_METHOD},
    {"__subclasses__", type_subclasses, NATIVE_METHOD},
    {"__instancecheck__", type_instancecheck, NATIVE_METHOD},
    {"__subclasscheck__", type_subclasscheck, NATIVE_METHOD},
    {"__prepare__", type_prepare, NATIVE_CLASSMETHOD},
    {"__dir__", type_dir, NATIVE_METHOD},
    {NULL},
};

static Value type_getattro(Value obj, StrObject *name) {
  TypeObject *meta = val_type(obj);
  Value meta_attr = type_lookup(meta, name);
  DescrGetFn meta_get = NULL;
  if (meta_attr) {
    meta_get = val_type(meta_attr)->descr_get;
    if (meta_get && val_type(meta_attr)->descr_set) return meta_get(meta_attr, obj, (Value)meta);
  }
  Value attr = type_lookup(AS(TypeObject, obj), name);
  if (attr) {
    DescrGetFn get = val_type(attr)->descr_get;
    return get ? get(attr, VAL_NULL, obj) : attr;
  }
  if (meta_attr) return meta_get ? meta_get(meta_attr, obj, (Value)meta) : meta_attr;
  return attr_error(obj, name, "type object '%s' has no attribute '%U'", AS(TypeObject, obj)->name);
}

static int type_setattro(Value obj, StrObject *name, Value v) {
  TypeObject *t = AS(TypeObject, obj);
  TypeObject *meta = val_type(obj);
  Value meta_attr = type_lookup(meta, name);
  if (meta_attr && val_type(meta_attr)->descr_set) return val_type(meta_attr)->descr_set(meta_attr, obj, v);
  if (!(t->flags & TP_HEAPTYPE)) {
    if (v)
      err_set(&Exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, t->name);
    else
      err_set(&Exc_TypeError, "cannot delete '%U' attribute of immutable type '%s'", name, t->name);
    return -1;
  }
  if (v) {
    if (dict_set_str((Value)t->dict, name, v) < 0) return -1;
  } else if (!dict_get_str((Value)t->dict, name)) {
    err_set(&Exc_AttributeError, "type object '%s' has no attribute '%U'", t->name, name);
    return -1;
  } else if (dict_del((Value)t->dict, (Value)name) < 0) {
    return -1;
  }
  type_update_slot(t, name);
  return 0;
}

Value type_repr(Value v) {
  TypeObject *t = AS(TypeObject, v);
  Value name = type_full_name(t);
  if (!name) return VAL_NULL;
  return str_printf("<class '%U'>", name);
}

static void type_trace(Object *o) {
  TypeObject *t = (TypeObject *)o;
  gc_mark_obj(t->name_obj);
  gc_mark_obj(t->qualname);
  gc_mark(t->module);
  gc_mark_obj(t->base_type);
  gc_mark_obj(t->bases);
  gc_mark_obj(t->mro);
  gc_mark_obj(t->dict);
}

static void type_finalize(Object *o) {
  TypeObject *t = (TypeObject *)o;
  if (t->flags & TP_HEAPTYPE) registry_unlink(t);
}

/* type(x) / type(name, bases, dict, **kw) */
static Value type_tp_new(TypeObject *meta, Value *args, size_t nargs, TupleObject *kwnames) {
  size_t nkw = kwnames ? (size_t)kwnames->len : 0;
  if (meta == &TypeType && nargs == 1 && nkw == 0) return (Value)val_type(args[0]);
  if (nargs != 3) {
    if (meta == &TypeType) return err_set(&Exc_TypeError, "type() takes 1 or 3 arguments");
    return err_set(&Exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
  }
  if (!val_is_str(args[0]))
    return err_set(&Exc_TypeError, "type.__new__() argument 1 must be str, not %T", args[0]);
  if (!val_is_tuple(args[1]))
    return err_set(&Exc_TypeError, "type.__new__() argument 2 must be tuple, not %T", args[1]);
  if (!val_is_dict(args[2]))
    return err_set(&Exc_TypeError, "type.__new__() argument 3 must be dict, not %T", args[2]);
  Value kw = VAL_NULL;
  if (nkw) {
    kw = dict_new();
    for (size_t i = 0; i < nkw; i++)
      if (dict_set(kw, kwnames->items[i], args[nargs + i]) < 0) return VAL_NULL;
  }
  return type_new_class_kw(meta, args[0], args[1], args[2], kw);
}

static int type_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (nargs != 1 && nargs != 3) {
    err_set(&Exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

static Value type_call(Value callable, Value *args, size_t nargs, TupleObject *kwnames) {
  TypeObject *type = AS(TypeObject, callable);
  if (type == &TypeType && nargs == 1 && (!kwnames || kwnames->len == 0)) return (Value)val_type(args[0]);
  if (!type->tp_new) return err_set(&Exc_TypeError, "cannot create '%s' instances", type->name);
  Value obj = type->tp_new(type, args, nargs, kwnames);
  if (!obj) return VAL_NULL;
  TypeObject *ot = val_type(obj);
  /* instances of classes with __del__, whatever builtin allocated them */
  if ((ot->flags & TP_HEAPTYPE) && ot->del && val_is_obj(obj)) obj->gc_flags |= GC_NEEDS_DEL;
  if (!type_is_subtype(ot, type)) return obj;
  if (ot->tp_init && ot->tp_init(obj, args, nargs, kwnames) < 0) return VAL_NULL;
  return obj;
}

TypeObject TypeType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "type",
    .instance_size = sizeof(TypeObject),
    .dict_offset = offsetof(TypeObject, dict),
    .flags = TP_BASETYPE | TP_TYPE_SUBCLASS,
    .tp_new = type_tp_new,
    .tp_init = type_tp_init,
    .trace = type_trace,
    .finalize = type_finalize,
    .repr = type_repr,
    .call = type_call,
    .binop = {[BINOP_OR] = union_or},
    .getattr = type_getattro,
    .setattr = type_setattro,
    .methods = type_methods,
    .getsets = type_getsets,
};

/* ---- heap classes ------------------------------------------------------- */

/* The layout-defining ancestor of t: heap classes and static types that
 * add no fields share their base's layout. */
static TypeObject *solid_base(TypeObject *t) {
  while (t->base_type && ((t->flags & TP_HEAPTYPE) || t->instance_size == t->base_type->instance_size))
    t = t->base_type;
  return t;
}

/* The base whose layout the new class extends ("multiple bases have
 * instance lay-out conflict" when two are incompatible). */
static TypeObject *best_base(Value bases) {
  TypeObject *winner = NULL, *base = NULL;
  for (ssize_t i = 0; i < TUPLE_LEN(bases); i++) {
    Value b = TUPLE_ITEMS(bases)[i];
    if (!val_is_type(b)) {
      err_set(&Exc_TypeError, "bases must be types");
      return NULL;
    }
    TypeObject *bt = (TypeObject *)b;
    if (!(bt->flags & TP_BASETYPE)) {
      err_set(&Exc_TypeError, "type '%s' is not an acceptable base type", bt->name);
      return NULL;
    }
    TypeObject *candidate = solid_base(bt);
    if (!winner) {
      winner = candidate;
      base = bt;
    } else if (type_is_subtype(winner, candidate)) {
      /* keep */
    } else if (type_is_subtype(candidate, winner)) {
      winner = candidate;
      base = bt;
    } else {
      err_set(&Exc_TypeError, "multiple bases have instance lay-out conflict");
      return NULL;
    }
  }
  return base;
}

static TypeObject *calculate_metaclass(TypeObject *meta, Value bases) {
  TypeObject *winner = meta;
  for (ssize_t i = 0; i < TUPLE_LEN(bases); i++) {
    TypeObject *tmp = val_type(TUPLE_ITEMS(bases)[i]);
    if (type_is_subtype(winner, tmp)) continue;
    if (type_is_subtype(tmp, winner)) {
      winner = tmp;
      continue;
    }
    err_set(&Exc_TypeError,
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
            "metaclasses of all its bases");
    return NULL;
  }
  return winner;
}

static Value call_with_kwargs_dict(Value callable, Value *pos, size_t npos, Value kwargs) {
  if (!kwargs || DICT_LEN(kwargs) == 0) return obj_call(callable, pos, npos, NULL);
  size_t nkw = (size_t)DICT_LEN(kwargs);
  Value *argv = malloc((npos + nkw) * sizeof(Value));
  if (!argv) return err_no_memory();
  if (npos) memcpy(argv, pos, npos * sizeof(Value));
  Value names = tuple_new((ssize_t)nkw);
  ssize_t p = 0, i = 0;
  Value k, v;
  while (dict_next(kwargs, &p, &k, &v)) {
    TUPLE_ITEMS(names)[i] = k;
    argv[npos + (size_t)i] = v;
    i++;
  }
  Value r = obj_call(callable, argv, npos, AS(TupleObject, names));
  free(argv);
  return r;
}

static void slots_instance_trace(Object *o) { gc_mark(((InstanceObject *)o)->dict); }

/* Adds a member descriptor for each name of __slots__.  Returns 1 when the
 * instances get no __dict__, 0 when '__dict__' is among the names, -1 on error. */
static int add_slot_members(TypeObject *t, Value dict, Value slots) {
  Value names = val_is_str(slots) ? tuple_pack(1, slots) : list_from_iterable(slots);
  if (!names) return -1;
  Value *items = val_is_tuple(names) ? TUPLE_ITEMS(names) : LIST_ITEMS(names);
  ssize_t n = val_is_tuple(names) ? TUPLE_LEN(names) : LIST_LEN(names);
  int no_dict = 1;
  for (ssize_t i = 0; i < n; i++) {
    Value name = items[i];
    if (!val_is_str(name)) {
      err_set(&Exc_TypeError, "__slots__ items must be strings, not '%T'", name);
      return -1;
    }
    StrObject *iname = str_intern(name);
    if (iname == NAME(__dict__)) {
      no_dict = 0;
      continue;
    }
    if (iname == NAME(__weakref__)) {
      if (dict_set_str(dict, iname, descr_getset_new(t, &instance_weakref_getset)) < 0) return -1;
      continue;
    }
    /* Private names are mangled as in the class body (__x -> _Class__x). */
    const char *nc = str_cstr(name);
    size_t nl = str_len_bytes(name);
    if (nl > 2 && nc[0] == '_' && nc[1] == '_' && !(nc[nl - 1] == '_' && nc[nl - 2] == '_') && !strchr(nc, '.')) {
      const char *cls = type_name(t);
      while (*cls == '_') cls++;
      if (*cls) {
        name = str_printf("_%s%s", cls, nc);
        if (!name) return -1;
        iname = str_intern(name);
      }
    }
    if (dict_get_str(dict, iname)) {
      err_set(&Exc_ValueError, "%R in __slots__ conflicts with class variable", name);
      return -1;
    }
    if (dict_set_str(dict, iname, descr_member_new(t, (Value)iname)) < 0) return -1;
  }
  return no_dict;
}

Value type_new_class(TypeObject *meta, Value name, Value bases, Value dict) {
  return type_new_class_kw(meta, name, bases, dict, VAL_NULL);
}

Value type_new_class_kw(TypeObject *meta, Value name, Value bases, Value ns, Value kwargs) {
  if (TUPLE_LEN(bases) == 0) bases = tuple_pack(1, (Value)&ObjectType);
  TypeObject *winner = calculate_metaclass(meta, bases);
  if (!winner) return VAL_NULL;
  if (winner != meta && winner->tp_new != meta->tp_new && winner->tp_new) {
    Value argv[3] = {name, bases, ns};
    return call_with_kwargs_dict((Value)winner, argv, 3, kwargs);
  }
  meta = winner;
  for (ssize_t i = 0; i < TUPLE_LEN(bases); i++)
    for (ssize_t j = i + 1; j < TUPLE_LEN(bases); j++)
      if (TUPLE_ITEMS(bases)[i] == TUPLE_ITEMS(bases)[j])
        return err_set(&Exc_TypeError, "duplicate base class %s", type_name((TypeObject *)TUPLE_ITEMS(bases)[i]));
  TypeObject *base = best_base(bases);
  if (!base) return VAL_NULL;

  Value dict = dict_new();
  if (dict_update(dict, ns) < 0) return VAL_NULL;

  size_t size = meta->instance_size ? meta->instance_size : sizeof(TypeObject);
  TypeObject *t = (TypeObject *)gc_alloc(meta, size);
  t->flags = TP_HEAPTYPE | TP_BASETYPE | TP_READY;
  t->name_obj = str_intern(name);
  t->name = str_cstr((Value)t->name_obj);
  t->base_type = base;
  t->bases = AS(TupleObject, bases);
  t->dict = AS(DictObject, dict);

  Value qn = dict_get_str(dict, NAME(__qualname__));
  if (qn) {
    if (!val_is_str(qn))
      return err_set(&Exc_TypeError, "type __qualname__ must be a str, not %T", qn);
    t->qualname = AS(StrObject, qn);
    if (dict_del(dict, (Value)NAME(__qualname__)) < 0) return VAL_NULL;
  } else {
    t->qualname = t->name_obj;
  }
  if (!dict_get_str(dict, NAME(__module__))) {
    Value g = eval_current_globals();
    Value modname = g ? dict_get_str(g, NAME(__name__)) : VAL_NULL;
    if (modname && dict_set_str(dict, NAME(__module__), modname) < 0) return VAL_NULL;
  }
  if (!dict_get_str(dict, NAME(__doc__)) && dict_set_str(dict, NAME(__doc__), VAL_NONE) < 0) return VAL_NULL;

  /* defining == without a hash makes instances unhashable */
  if (dict_get_str(dict, NAME(__eq__)) && !dict_get_str(dict, NAME(__hash__)) &&
      dict_set_str(dict, NAME(__hash__), VAL_NONE) < 0)
    return VAL_NULL;

  /* implicit staticmethod/classmethod, as CPython */
  Value f = dict_get_str(dict, NAME(__new__));
  if (f && val_is_function(f)) dict_set_str(dict, NAME(__new__), staticmethod_new(f));
  f = dict_get_str(dict, NAME(__init_subclass__));
  if (f && val_is_function(f)) dict_set_str(dict, NAME(__init_subclass__), classmethod_new(f));
  f = dict_get_str(dict, NAME(__class_getitem__));
  if (f && val_is_function(f)) dict_set_str(dict, NAME(__class_getitem__), classmethod_new(f));

  Value cell = dict_get_str(dict, NAME(__classcell__));
  if (cell) {
    if (val_type(cell) == &CellType) AS(CellObject, cell)->value = (Value)t;
    if (dict_del(dict, (Value)NAME(__classcell__)) < 0) return VAL_NULL;
  }

  Value mro = c3_mro(t, bases);
  if (!mro) return VAL_NULL;
  t->mro = AS(TupleObject, mro);

  /* layout */
  t->instance_size = base->instance_size;
  t->dict_offset = base->dict_offset;
  t->flags |= base->flags & TP_VAR_DICT;
  if (!t->dict_offset && !(t->flags & TP_VAR_DICT)) {
    if (solid_base(base) == &ObjectType && base != &ObjectType && base->instance_size >= sizeof(InstanceObject)) {
      /* below a __slots__ class: its storage stays private, __dict__ comes after it */
      t->dict_offset = align8(base->instance_size);
      t->instance_size = t->dict_offset + sizeof(Value);
    } else if (solid_base(base) == &ObjectType) {
      t->instance_size = sizeof(InstanceObject);
      t->dict_offset = offsetof(InstanceObject, dict);
    } else if (base->flags & (TP_STR_SUBCLASS | TP_BYTES_SUBCLASS | TP_TUPLE_SUBCLASS)) {
      t->instance_size = base->instance_size + 2 * sizeof(Value);
      t->dict_offset = 0;
      t->flags |= TP_VAR_DICT;
    } else {
      t->dict_offset = align8(base->instance_size);
      t->instance_size = t->dict_offset + sizeof(Value);
    }
  }
  t->flags |= TP_HAS_DICT;
  bool slots_only = false;
  Value slots = dict_get_str(dict, NAME(__slots__));
  if (slots && solid_base(base) == &ObjectType && base->dict_offset == 0) {
    int r = add_slot_members(t, dict, slots);
    if (r < 0) return VAL_NULL;
    if (r == 1) {
      /* no __dict__: slot values live in the hidden storage of InstanceObject */
      slots_only = true;
      t->dict_offset = 0;
      t->flags &= ~(uint32_t)TP_HAS_DICT;
    }
  }
  compute_subclass_flags(t);

  /* slots: the base's, then wrappers for dunders defined in Python */
  inherit_slots(t, base);
  t->trace = slots_only ? slots_instance_trace : heap_instance_trace;
  t->finalize = base->finalize;
  type_slots_fixup(t);

  if (!slots_only && (!type_lookup(t, NAME(__dict__)) || !dict_get_str(dict, NAME(__dict__)))) {
    bool have = false;
    for (ssize_t i = 1; i < t->mro->len; i++) {
      TypeObject *b = (TypeObject *)t->mro->items[i];
      if ((b->flags & TP_HEAPTYPE) && b->dict && dict_get_str((Value)b->dict, NAME(__dict__))) have = true;
    }
    if (!have && !dict_get_str(dict, NAME(__dict__))) {
      dict_set_str(dict, NAME(__dict__), descr_getset_new(t, &instance_dict_getset));
      if (!dict_get_str(dict, NAME(__weakref__)))
        dict_set_str(dict, NAME(__weakref__), descr_getset_new(t, &instance_weakref_getset));
    }
  }
  t->version = type_next_version();
  registry_link(t);

  /* __set_name__ on every attribute that has one */
  Value items = list_new(0);
  ssize_t pos = 0;
  Value k, v;
  while (dict_next(dict, &pos, &k, &v)) {
    list_append(items, k);
    list_append(items, v);
  }
  for (ssize_t i = 0; i + 1 < LIST_LEN(items); i += 2) {
    Value key = LIST_ITEMS(items)[i], val = LIST_ITEMS(items)[i + 1];
    Value sn = type_lookup(val_type(val), NAME(__set_name__));
    if (!sn) continue;
    Value args[2] = {(Value)t, key};
    Value r = obj_call_method(val, NAME(__set_name__), args, 2);
    if (!r) {
      /* 3.11 wraps the error, keeping it as __cause__ */
      Value cause = err_fetch();
      err_set(&Exc_RuntimeError, "Error calling __set_name__ on '%T' instance %R in '%s'", val, key, t->name);
      Value e = err_peek();
      if (e && val_is_exception(e) && cause) {
        AS(ExceptionObject, e)->cause = cause;
        AS(ExceptionObject, e)->suppress_context = true;
      }
      return VAL_NULL;
    }
  }

  /* super(t, t).__init_subclass__(**kwargs) */
  Value init_sub = VAL_NULL;
  for (ssize_t i = 1; i < t->mro->len && !init_sub; i++) {
    TypeObject *b = (TypeObject *)t->mro->items[i];
    if (b->dict) init_sub = dict_get_str((Value)b->dict, NAME(__init_subclass__));
  }
  if (init_sub) {
    DescrGetFn get = val_type(init_sub)->descr_get;
    Value bound = get ? get(init_sub, VAL_NULL, (Value)t) : init_sub;
    if (!bound) return VAL_NULL;
    Value r = call_with_kwargs_dict(bound, NULL, 0, kwargs);
    if (!r) return VAL_NULL;
  }
  return (Value)t;
}

/* PEP 560: a base that is not a class may stand for others through
 * __mro_entries__(bases) (typing.NamedTuple, generic aliases).  Returns
 * `bases` itself when nothing was replaced. */
static Value resolve_mro_entries(Value bases) {
  Value out = VAL_NULL;
  StrObject *me_name = str_intern_cstr("__mro_entries__");
  for (ssize_t i = 0; i < TUPLE_LEN(bases); i++) {
    Value b = TUPLE_ITEMS(bases)[i];
    Value me = VAL_NULL;
    if (!val_is_type(b)) {
      me = obj_getattr_opt(b, me_name);
      if (!me && err_occurred()) return VAL_NULL;
    }
    if (!me) {
      if (out && list_append(out, b) < 0) return VAL_NULL;
      continue;
    }
    if (!out) {
      out = list_from_array(TUPLE_ITEMS(bases), i);
      if (!out) return VAL_NULL;
    }
    Value r = obj_call1(me, bases);
    if (!r) return VAL_NULL;
    if (!val_is_tuple(r)) return err_set(&Exc_TypeError, "__mro_entries__ must return a tuple");
    for (ssize_t k = 0; k < TUPLE_LEN(r); k++)
      if (list_append(out, TUPLE_ITEMS(r)[k]) < 0) return VAL_NULL;
  }
  return out ? list_to_tuple(out) : bases;
}

/* builtins.__build_class__(func, name, *bases, metaclass=None, **kwds) */
Value build_class(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (nargs < 2) return err_set(&Exc_TypeError, "__build_class__: not enough arguments");
  Value func = args[0], name = args[1];
  if (!val_is_function(func)) return err_set(&Exc_TypeError, "__build_class__: func must be a function");
  if (!val_is_str(name)) return err_set(&Exc_TypeError, "__build_class__: name is not a string");
  Value orig_bases = tuple_from_array(args + 2, (ssize_t)(nargs - 2));
  Value bases = resolve_mro_entries(orig_bases);
  if (!bases) return VAL_NULL;
  Value meta = VAL_NULL;
  Value kwds = dict_new();
  size_t nkw = kwnames ? (size_t)kwnames->len : 0;
  for (size_t i = 0; i < nkw; i++) {
    Value k = kwnames->items[i];
    if (str_equal(k, (Value)str_intern_cstr("metaclass")))
      meta = args[nargs + i];
    else if (dict_set(kwds, k, args[nargs + i]) < 0)
      return VAL_NULL;
  }
  bool is_class = false;
  if (!meta) {
    meta = TUPLE_LEN(bases) ? (Value)val_type(TUPLE_ITEMS(bases)[0]) : (Value)&TypeType;
    is_class = true;
  } else {
    is_class = val_is_type(meta);
  }
  if (is_class) {
    TypeObject *w = calculate_metaclass((TypeObject *)meta, bases);
    if (!w) return VAL_NULL;
    meta = (Value)w;
  }
  Value ns;
  if (meta == (Value)&TypeType) {
    ns = dict_new();
  } else {
    Value prep = obj_getattr_opt(meta, NAME(__prepare__));
    if (!prep && err_occurred()) return VAL_NULL;
    if (prep) {
      Value pargs[2] = {name, bases};
      ns = call_with_kwargs_dict(prep, pargs, 2, kwds);
      if (!ns) return VAL_NULL;
    } else {
      ns = dict_new();
    }
  }
  if (bases != orig_bases && obj_setitem(ns, (Value)str_intern_cstr("__orig_bases__"), orig_bases) < 0)
    return VAL_NULL;
  Value cell = eval_class_body(func, ns);
  if (!cell) return VAL_NULL;
  Value margs[3] = {name, bases, ns};
  Value cls = call_with_kwargs_dict(meta, margs, 3, kwds);
  if (!cls) return VAL_NULL;
  if (val_is_obj(cell) && val_type(cell) == &CellType && !AS(CellObject, cell)->value)
    AS(CellObject, cell)->value = cls;
  return cls;
}

/* ---- start-up ----------------------------------------------------------- */

void types_init(void) {
  abstractmethods_name = str_intern_cstr("__abstractmethods__");
  type_slots_init();
  /* object and type first: every other type_ready relies on them */
  type_ready(&ObjectType);
  type_ready(&TypeType);
  TypeObject *types[] = {&NoneType,        &NotImplementedType, &EllipsisType,     &PropertyType,
                         &ClassMethodType, &StaticMethodType,   &SuperType,        &MethodType,
                         &NativeFunctionType, &MethodDescrType, &ClassMethodDescrType, &GetSetDescrType, &SlotWrapperType,
                         &MethodWrapperType, &GenericAliasType, &UnionType, &MemberDescrType, &MappingProxyType};
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) type_ready(types[i]);
}
