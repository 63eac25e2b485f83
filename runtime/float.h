/* float.h — float: an IEEE double in a small heap object. */
#ifndef GILPY_FLOAT_H
#define GILPY_FLOAT_H

#include "runtime/object.h"

typedef struct {
  Object base;
  double value;
} FloatObject;

extern TypeObject FloatType;
static inline bool val_is_float(Value v) { return val_is_obj(v) && v->type == &FloatType; }
static inline double float_value(Value v) { return AS(FloatObject, v)->value; }

Value float_new(double d);
/* float(x) for int/float/str/objects with __float__; -1.0 with error set. */
double float_as_double(Value v);
Value float_repr(Value v);            /* shortest round-trip repr, as CPython */
/* Writes repr(d) into buf (at least 32 bytes); returns the length. */
size_t float_repr_buf(double d, char *buf);
Value float_format(Value v, Value spec);
Hash float_hash(double d);            /* equal to int_hash for integral values */
Value float_from_string(const char *s, size_t len);  /* ValueError */

/* complex (runtime/complex.c): two doubles. */
typedef struct {
  Object base;
  double real, imag;
} ComplexObject;
extern TypeObject ComplexType;
static inline bool val_is_complex(Value v) { return val_is_obj(v) && v->type == &ComplexType; }
Value complex_new(double real, double imag);
/* x ** y for reals whose result is complex (negative base, fractional exponent). */
Value complex_pow_reals(double x, double y);
#endif
