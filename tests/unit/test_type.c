/* test_type.c — unit tests for the object core: C3 method resolution
 * order (orders and error text checked against CPython 3.11), type_ready,
 * attribute lookup through the MRO and slot refresh after assignment. */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/gilpy.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

static void setup(void) { runtime_init(0, NULL); }
TestSuite(type, .init = setup);

static Value make_class(const char *name, int nbases, Value *bases) {
  Value b = tuple_from_array(bases, nbases);
  Value ns = dict_new();
  dict_set_str(ns, NAME(__module__), str_from_cstr("m"));
  Value cls = type_new_class(&TypeType, str_from_cstr(name), b, ns);
  if (!cls) {
    Value e = err_fetch();
    Value msg = obj_str(e);
    cr_assert_fail("class %s: %s", name, msg ? str_cstr(msg) : "?");
  }
  return cls;
}

/* "C B A object" from cls.__mro__ */
static void mro_names(Value cls, char *buf, size_t cap) {
  TupleObject *mro = AS(TypeObject, cls)->mro;
  buf[0] = 0;
  for (ssize_t i = 0; i < mro->len; i++) {
    if (i) strncat(buf, " ", cap - strlen(buf) - 1);
    strncat(buf, AS(TypeObject, mro->items[i])->name, cap - strlen(buf) - 1);
  }
}

Test(type, c3_diamond) {
  Value O = (Value)&ObjectType;
  Value A = make_class("A", 1, &O);
  Value B = make_class("B", 1, &A);
  Value C = make_class("C", 1, &A);
  Value bc[2] = {B, C};
  Value D = make_class("D", 2, bc);
  char buf[256];
  mro_names(D, buf, sizeof buf);
  cr_assert_str_eq(buf, "D B C A object");
}

/* The classic example from the C3 paper, as Python's docs show it. */
Test(type, c3_wikipedia) {
  Value O = (Value)&ObjectType;
  Value A = make_class("A", 1, &O), B = make_class("B", 1, &O), C = make_class("C", 1, &O);
  Value D = make_class("D", 1, &O), E = make_class("E", 1, &O);
  Value k1b[3] = {A, B, C}, k2b[3] = {D, B, E}, k3b[2] = {D, A};
  Value K1 = make_class("K1", 3, k1b), K2 = make_class("K2", 3, k2b), K3 = make_class("K3", 2, k3b);
  Value zb[3] = {K1, K2, K3};
  Value Z = make_class("Z", 3, zb);
  char buf[256];
  mro_names(Z, buf, sizeof buf);
  cr_assert_str_eq(buf, "Z K1 K2 K3 D A B C E object");
}

Test(type, c3_inconsistent) {
  Value O = (Value)&ObjectType;
  Value X = make_class("X", 1, &O);
  Value Y = make_class("Y", 1, &X);
  Value bad[2] = {X, Y};
  Value ns = dict_new();
  Value r = type_new_class(&TypeType, str_from_cstr("W"), tuple_from_array(bad, 2), ns);
  cr_assert_null(r);
  cr_assert(err_matches(&Exc_TypeError));
  Value msg = obj_str(err_fetch());
  cr_assert_str_eq(str_cstr(msg), "Cannot create a consistent method resolution\norder (MRO) for bases X, Y");
}

Test(type, static_types_ready) {
  type_ready(&ObjectType); /* idempotent */
  cr_assert(ObjectType.flags & TP_READY);
  cr_assert_eq(TUPLE_LEN((Value)TypeType.mro), 2);
  cr_assert(type_is_subtype(&BoolType, &IntType));
  cr_assert(BoolType.flags & TP_INT_SUBCLASS);
  cr_assert_not_null(type_lookup(&ObjectType, NAME(__init__)));
  Value r = obj_repr((Value)&IntType);
  cr_assert_str_eq(str_cstr(r), "<class 'int'>");
}

Test(type, lookup_and_version) {
  Value O = (Value)&ObjectType;
  Value A = make_class("A", 1, &O);
  Value B = make_class("B", 1, &A);
  StrObject *x = str_intern_cstr("x");
  cr_assert_null(type_lookup(AS(TypeObject, B), x));
  uint32_t v = AS(TypeObject, B)->version;
  cr_assert_eq(obj_setattr(A, x, val_from_int(5)), 0);
  cr_assert_neq(AS(TypeObject, B)->version, v, "a base's change must bump subclass versions");
  cr_assert_eq(type_lookup(AS(TypeObject, B), x), val_from_int(5));
  Value inst = obj_call0(B);
  cr_assert_eq(obj_getattr(inst, x), val_from_int(5));
  Value r = obj_repr(B);
  cr_assert_str_eq(str_cstr(r), "<class 'm.B'>");
}

/* Heap classes that die are dropped from their bases' subclass lists by
 * their finalizer; later changes to the base must not touch them. */
static void make_garbage_classes(Value base, int n) {
  for (int i = 0; i < n; i++) make_class("G", 1, &base);
}

Test(type, dead_subclasses_forgotten) {
  Value O = (Value)&ObjectType;
  Value A = make_class("A", 1, &O);
  make_garbage_classes(A, 200);
  gc_set_enabled(true);
  gc_collect();
  gc_collect();
  Value keep = make_class("K", 1, &A);
  cr_assert_eq(obj_setattr(A, str_intern_cstr("y"), val_from_int(1)), 0);
  Value subs = obj_call_method(A, str_intern_cstr("__subclasses__"), NULL, 0);
  cr_assert_not_null(subs);
  cr_assert_geq(LIST_LEN(subs), 1);
  cr_assert_leq(LIST_LEN(subs), 201);
  cr_assert_eq(type_lookup(AS(TypeObject, keep), str_intern_cstr("y")), val_from_int(1));
}
