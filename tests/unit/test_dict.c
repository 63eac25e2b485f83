/* test_dict.c — unit tests for dict (and the set/tuple/range hashing and
 * ordering that must agree with CPython).  Expected values were produced
 * by CPython 3.11. */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gilpy.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"

static void setup(void) { runtime_init(0, NULL); }
TestSuite(dict, .init = setup);

static Value I(intptr_t i) { return val_from_int(i); }
static Value S(const char *s) { return str_from_cstr(s); }
static const char *R(Value v) {
  cr_assert(v != VAL_NULL, "unexpected error");
  Value r = obj_repr(v);
  cr_assert(r != VAL_NULL);
  return str_cstr(r);
}

Test(dict, insertion_order_and_repr) {
  Value d = dict_new();
  cr_assert_str_eq(R(d), "{}");
  dict_set(d, S("b"), I(1));
  dict_set(d, S("a"), I(2));
  dict_set(d, I(3), S("x"));
  cr_assert_str_eq(R(d), "{'b': 1, 'a': 2, 3: 'x'}");
  dict_set(d, S("b"), I(9)); /* replacing keeps the position */
  cr_assert_str_eq(R(d), "{'b': 9, 'a': 2, 3: 'x'}");
  cr_assert_eq(DICT_LEN(d), 3);
}

Test(dict, delete_and_reinsert) {
  Value d = dict_new();
  for (int i = 0; i < 5; i++) dict_set(d, I(i), I(i * i));
  cr_assert_eq(dict_del(d, I(2)), 0);
  cr_assert_eq(dict_del(d, I(2)), -1);
  cr_assert(err_matches(&Exc_KeyError));
  err_clear();
  dict_set(d, I(2), I(-1));
  cr_assert_str_eq(R(d), "{0: 0, 1: 1, 3: 9, 4: 16, 2: -1}");
  cr_assert_eq(dict_get(d, I(2)), I(-1));
  cr_assert_eq(dict_get(d, I(7)), VAL_NULL);
  cr_assert(!err_occurred());
}

Test(dict, resize_keeps_everything) {
  Value d = dict_new();
  for (int i = 0; i < 10000; i++) dict_set(d, I(i * 7), I(i));
  for (int i = 0; i < 10000; i += 2) dict_del(d, I(i * 7));
  cr_assert_eq(DICT_LEN(d), 5000);
  for (int i = 0; i < 10000; i++) {
    Value v = dict_get(d, I(i * 7));
    if (i % 2) cr_assert_eq(v, I(i));
    else cr_assert_eq(v, VAL_NULL);
  }
  /* Order is insertion order of the survivors. */
  ssize_t pos = 0;
  Value k, v;
  intptr_t expect = 1;
  while (dict_next(d, &pos, &k, &v)) {
    cr_assert_eq(v, I(expect));
    expect += 2;
  }
  cr_assert_eq(expect, 10001);
}

Test(dict, str_keys_fast_path) {
  Value d = dict_new();
  StrObject *name = str_intern_cstr("attribute_name");
  dict_set_str(d, name, I(42));
  /* A non-interned equal string finds the same entry. */
  Value other = str_new("attribute_name", 14);
  cr_assert_neq(other, (Value)name);
  cr_assert_eq(dict_get(d, other), I(42));
  cr_assert_eq(dict_get_str(d, AS(StrObject, other)), I(42));
  cr_assert_eq(dict_get_cstr(d, "attribute_name"), I(42));
  cr_assert_eq(dict_get_cstr(d, "attribute_nam"), VAL_NULL);
  dict_set_cstr(d, "x", I(1));
  cr_assert_eq(dict_get(d, S("x")), I(1));
}

Test(dict, version_changes_on_mutation) {
  Value d = dict_new(), e = dict_new();
  uint64_t v0 = AS(DictObject, d)->version;
  cr_assert_neq(v0, AS(DictObject, e)->version);
  dict_set(d, S("a"), I(1));
  uint64_t v1 = AS(DictObject, d)->version;
  cr_assert_neq(v1, v0);
  dict_get(d, S("a"));
  cr_assert_eq(AS(DictObject, d)->version, v1);
  dict_set(d, S("a"), I(2));
  uint64_t v2 = AS(DictObject, d)->version;
  cr_assert_neq(v2, v1);
  dict_del(d, S("a"));
  cr_assert_neq(AS(DictObject, d)->version, v2);
  uint64_t v3 = AS(DictObject, d)->version;
  dict_clear(d);
  cr_assert_neq(AS(DictObject, d)->version, v3);
}

Test(dict, unhashable_key) {
  Value d = dict_new();
  cr_assert_eq(dict_set(d, list_new(0), I(1)), -1);
  cr_assert(err_matches(&Exc_TypeError));
  Value exc = err_fetch();
  cr_assert_str_eq(str_cstr(obj_str(exc)), "unhashable type: 'list'");
}

Test(dict, views) {
  Value d = dict_new();
  dict_set(d, S("a"), I(1));
  dict_set(d, S("b"), I(2));
  Value keys = dictview_new(d, &DictKeysType);
  cr_assert_str_eq(R(keys), "dict_keys(['a', 'b'])");
  cr_assert_str_eq(R(dictview_new(d, &DictValuesType)), "dict_values([1, 2])");
  cr_assert_str_eq(R(dictview_new(d, &DictItemsType)), "dict_items([('a', 1), ('b', 2)])");
  cr_assert_eq(obj_len(keys), 2);
  cr_assert_eq(obj_contains(keys, S("b")), 1);
  cr_assert_eq(obj_contains(keys, S("c")), 0);
  Value s = set_new(VAL_NULL);
  set_add(s, S("a"));
  cr_assert_str_eq(R(obj_binop(keys, s, BINOP_AND)), "{'a'}");
  /* The view is live. */
  dict_set(d, S("c"), I(3));
  cr_assert_eq(obj_len(keys), 3);
  cr_assert_str_eq(R(list_from_iterable(iter_reversed(d))), "['c', 'b', 'a']");
}

Test(dict, changed_size_during_iteration) {
  Value d = dict_new();
  dict_set(d, I(1), I(1));
  Value it = obj_iter(d);
  cr_assert_eq(obj_next(it), I(1));
  dict_set(d, I(2), I(2));
  cr_assert_eq(obj_next(it), VAL_NULL);
  cr_assert(err_matches(&Exc_RuntimeError));
  Value exc = err_fetch();
  cr_assert_str_eq(str_cstr(obj_str(exc)), "dictionary changed size during iteration");
}

Test(dict, update_merge_and_pop) {
  Value d = dict_new(), e = dict_new();
  dict_set(d, S("a"), I(1));
  dict_set(e, S("a"), I(5));
  dict_set(e, S("z"), I(6));
  cr_assert_eq(dict_update(d, e), 0);
  cr_assert_str_eq(R(d), "{'a': 5, 'z': 6}");
  Value pairs = list_new(0);
  list_append(pairs, tuple_pack(2, S("q"), I(0)));
  cr_assert_eq(dict_update(d, pairs), 0);
  cr_assert_str_eq(R(d), "{'a': 5, 'z': 6, 'q': 0}");
  cr_assert_eq(dict_merge(d, e, 2), -1);
  cr_assert(err_matches(&Exc_KeyError));
  err_clear();
  cr_assert_eq(dict_pop(d, S("z"), VAL_NULL), I(6));
  cr_assert_eq(dict_pop(d, S("z"), I(0)), I(0));
  cr_assert_eq(dict_pop(d, S("z"), VAL_NULL), VAL_NULL);
  err_clear();
  Value c = dict_copy(d);
  cr_assert_eq(obj_eq(c, d), 1);
}

Test(dict, recursive_repr) {
  Value d = dict_new();
  dict_set(d, S("self"), d);
  cr_assert_str_eq(R(d), "{'self': {...}}");
}

/* ---- hashes and orders that must match CPython ---------------------------- */

Test(dict, tuple_hash_matches_cpython) {
  cr_assert_eq(tuple_hash(tuple_pack(2, I(1), I(2))), (Hash)-3550055125485641917LL);
  cr_assert_eq(tuple_hash(tuple_new(0)), (Hash)5740354900026072187LL);
  cr_assert_eq(tuple_hash(tuple_pack(1, I(1))), (Hash)-6644214454873602895LL);
  cr_assert_eq(tuple_hash(tuple_pack(3, I(1), tuple_pack(2, I(2), I(3)), I(-1))), (Hash)-4691468712706788113LL);
}

static Value set_of(const intptr_t *v, size_t n, bool frozen) {
  Value l = list_new(0);
  for (size_t i = 0; i < n; i++) list_append(l, I(v[i]));
  return frozen ? frozenset_new(l) : set_new(l);
}

Test(dict, frozenset_hash_matches_cpython) {
  static const intptr_t a[] = {1, 2, 3};
  cr_assert_eq(obj_hash(set_of(a, 3, true)), (Hash)-272375401224217160LL);
  cr_assert_eq(obj_hash(set_of(NULL, 0, true)), (Hash)133146708735736LL);
  static const intptr_t b[] = {-1, 100, (intptr_t)1 << 40};
  cr_assert_eq(obj_hash(set_of(b, 3, true)), (Hash)1108997052450049339LL);
}

Test(dict, set_order_matches_cpython) {
  static const intptr_t a[] = {33, 1, 17, 9, 100, -5, 8, 64, 1000, 7};
  cr_assert_str_eq(R(set_of(a, 10, false)), "{64, 33, 1, 100, 7, 8, 9, 1000, 17, -5}");
  static const intptr_t x[] = {5, 3, 1}, y[] = {64, 2};
  cr_assert_str_eq(R(obj_binop(set_of(x, 3, false), set_of(y, 2, false), BINOP_OR)), "{64, 1, 2, 3, 5}");
  static const intptr_t p[] = {1, 8, 16}, q[] = {8, 32, 9};
  cr_assert_str_eq(R(obj_binop(set_of(p, 3, false), set_of(q, 3, false), BINOP_XOR)), "{16, 9, 32, 1}");
  static const intptr_t m[] = {1, 2, 3, 40, 72}, n[] = {3};
  cr_assert_str_eq(R(obj_binop(set_of(m, 5, false), set_of(n, 1, false), BINOP_SUB)), "{40, 1, 2, 72}");
  cr_assert_str_eq(R(set_new(VAL_NULL)), "set()");
  cr_assert_str_eq(R(set_of(x, 3, true)), "frozenset({1, 3, 5})");
}

/* Deleted slots (dummies), pop's finger and resizes all shape the order. */
Test(dict, set_order_after_deletions_matches_cpython) {
  Value s = set_new(VAL_NULL);
  for (int i = 0; i < 200; i += 9) set_add(s, I(i));
  static const intptr_t gone[] = {18, 45, 99, 180}, added[] = {306, 2, 146, 74, -9};
  for (int i = 0; i < 4; i++) set_discard(s, I(gone[i]));
  for (int i = 0; i < 5; i++) set_add(s, I(added[i]));
  Value pop = obj_getattr_cstr(s, "pop");
  obj_call0(pop);
  obj_call0(pop);
  cr_assert_str_eq(R(s), "{135, 9, 144, 146, 153, 27, 162, 36, 171, 306, 54, 189, 63, 198, 72, 74, 81, 90, 108, "
                         "117, -9, 126}");
}

Test(dict, range_basics) {
  Value r = range_new(0, 10, 2);
  cr_assert_str_eq(R(r), "range(0, 10, 2)");
  cr_assert_str_eq(R(range_new(0, 10, 1)), "range(0, 10)");
  cr_assert_eq(obj_len(r), 5);
  cr_assert_eq(obj_contains(r, I(8)), 1);
  cr_assert_eq(obj_contains(r, I(7)), 0);
  cr_assert_eq(obj_hash(range_new(0, 10, 1)), (Hash)-7546101314042312252LL);
  cr_assert_str_eq(R(list_from_iterable(iter_reversed(r))), "[8, 6, 4, 2, 0]");
}

Test(dict, long_range) {
  Value two64 = obj_binop(I(1) , I(64), BINOP_LSHIFT);
  Value args[1] = {two64};
  Value r = RangeType.tp_new(&RangeType, args, 1, NULL);
  cr_assert_str_eq(R(r), "range(0, 18446744073709551616)");
  cr_assert_str_eq(R(obj_getitem(r, I(-1))), "18446744073709551615");
  Value sl = obj_getitem(r, slice_new(VAL_NONE, VAL_NONE, I((intptr_t)1 << 60)));
  cr_assert_str_eq(R(sl), "range(0, 18446744073709551616, 1152921504606846976)");
  cr_assert_eq(obj_contains(r, obj_binop(I(1), I(63), BINOP_LSHIFT)), 1);
  cr_assert_eq(obj_len(r), -1);
  cr_assert(err_matches(&Exc_OverflowError));
  err_clear();
  Value l = list_from_iterable(obj_getitem(r, slice_new(I(-2), VAL_NONE, VAL_NONE)));
  cr_assert_str_eq(R(l), "[18446744073709551614, 18446744073709551615]");
}
