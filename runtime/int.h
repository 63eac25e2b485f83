/* int.h — int: small ints are tagged Values (object.h); larger ones are
 * IntObjects holding a GMP integer.  Every operation returns the canonical
 * form: a result that fits SMALLINT range is always a tagged small int.
 * bool (True/False) is a subclass; int ops accept bools.
 */
#ifndef GILPY_INT_H
#define GILPY_INT_H

#include <gmp.h>
#include "runtime/object.h"

typedef struct {
  Object base;
  mpz_t z;   /* limbs are malloc'd by GMP; freed by the finalizer */
} IntObject;

extern TypeObject BoolType;

/* An int or bool (or subclass) value, tagged or boxed. */
static inline bool val_is_intlike(Value v) {
  return val_is_int(v) || (v->type == &IntType || v->type == &BoolType || (v->type->flags & TP_INT_SUBCLASS));
}

Value int_from_i64(int64_t i);
Value int_from_u64(uint64_t u);
Value int_from_double(double d);           /* truncates; OverflowError for inf, ValueError for nan */
Value int_from_mpz(const mpz_t z);         /* copies, normalises */
Value int_from_string(const char *s, size_t len, int base); /* int("..", base) rules; ValueError */
/* Converts to C; false with OverflowError set when out of range. */
bool int_to_i64(Value v, int64_t *out);
double int_to_double(Value v);             /* may set OverflowError: check err_occurred */
/* Fills z (initialised by the caller) with the value of an int. */
void int_to_mpz(Value v, mpz_t z);
int int_sign(Value v);
Value int_repr(Value v);                   /* decimal str */
Value int_to_base_str(Value v, int base, bool prefix);  /* hex/oct/bin */
Value int_format(Value v, Value spec);     /* format(int, spec) */
Hash int_hash(Value v);
int int_compare(Value a, Value b);         /* -1, 0, 1 */
/* Arithmetic on ints (tagged or big); NotImplemented for non-ints. */
Value int_binop(Value a, Value b, BinOp op);
Value int_pow_mod(Value base, Value exp, Value mod);
/* The int<->str digit limit (sys.set_int_max_str_digits); 0 means none. */
int int_get_max_str_digits(void);
void int_set_max_str_digits(int n);
void num_init(void);                       /* readies int, bool, float, complex */
#endif
