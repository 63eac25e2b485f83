/* bool.c — bool, the int subclass with exactly two instances.
 *
 * True and False are statically allocated objects of BoolType with no
 * payload: int.c reads them as 1 and 0, so every int operation (and the
 * int slots bool inherits through type_ready) accepts them.  Only & | ^
 * between two bools, repr, and construction differ from int.
 */
#include "runtime/int.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

Object TrueObject = STATIC_OBJECT_HEADER(&BoolType);
Object FalseObject = STATIC_OBJECT_HEADER(&BoolType);

static Value bool_repr(Value v) { return str_from_cstr(v == VAL_TRUE ? "True" : "False"); }

static Value bool_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("bool", kwnames) || !args_count("bool", nargs, 0, 1)) return VAL_NULL;
  if (nargs == 0) return VAL_FALSE;
  int t = obj_truthy(args[0]);
  if (t < 0) return VAL_NULL;
  return val_bool(t);
}

static inline bool is_bool(Value v) { return v == VAL_TRUE || v == VAL_FALSE; }

static Value bool_and(Value a, Value b) {
  if (is_bool(a) && is_bool(b)) return val_bool(a == VAL_TRUE && b == VAL_TRUE);
  return int_binop(a, b, BINOP_AND);
}
static Value bool_or(Value a, Value b) {
  if (is_bool(a) && is_bool(b)) return val_bool(a == VAL_TRUE || b == VAL_TRUE);
  return int_binop(a, b, BINOP_OR);
}
static Value bool_xor(Value a, Value b) {
  if (is_bool(a) && is_bool(b)) return val_bool(a != b);
  return int_binop(a, b, BINOP_XOR);
}

static int bool_truthy(Value v) { return v == VAL_TRUE; }

/* Binary slots other than & | ^ are inherited from int by type_ready;
 * they are listed here too so that bool works even before inheritance. */
#define X(e, f) \
  static Value bool_##f(Value a, Value b) { return int_binop(a, b, BINOP_##e); }
X(ADD, add) X(SUB, sub) X(MUL, mul) X(TRUEDIV, truediv) X(FLOORDIV, floordiv) X(MOD, mod)
X(POW, pow) X(LSHIFT, lshift) X(RSHIFT, rshift)
#undef X

TypeObject BoolType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "bool",
    .base_type = &IntType,
    .instance_size = sizeof(Object),
    .flags = TP_INT_SUBCLASS,
    .tp_new = bool_tp_new,
    .repr = bool_repr,
    .hash = int_hash,
    .truthy = bool_truthy,
    .binop = {[BINOP_ADD] = bool_add, [BINOP_SUB] = bool_sub, [BINOP_MUL] = bool_mul,
              [BINOP_TRUEDIV] = bool_truediv, [BINOP_FLOORDIV] = bool_floordiv,
              [BINOP_MOD] = bool_mod, [BINOP_POW] = bool_pow, [BINOP_LSHIFT] = bool_lshift,
              [BINOP_RSHIFT] = bool_rshift, [BINOP_AND] = bool_and, [BINOP_OR] = bool_or,
              [BINOP_XOR] = bool_xor},
};
