/* math.c — the native `math` module, following CPython 3.11's
 * Modules/mathmodule.c: the same special cases and errors ("math domain
 * error" for results outside the domain, "math range error" for overflow),
 * floor/ceil/trunc returning ints (big ints for large floats), and the
 * integer functions (factorial, gcd, lcm, isqrt, comb, perm) on ints of any
 * size through GMP.  The module has no state of its own.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

static Value domain_error(void) { return err_set(&Exc_ValueError, "math domain error"); }
static Value range_error(void) { return err_set(&Exc_OverflowError, "math range error"); }

/* x as a double: float, int (OverflowError when too large), __float__,
 * __index__; TypeError "must be real number, not X" otherwise. */
static bool get_double(Value v, double *out) {
  if (val_is_obj(v) && val_type(v) == &FloatType) {
    *out = float_value(v);
    return true;
  }
  if (val_is_intlike(v)) {
    *out = int_to_double(v);
    return !(*out == -1.0 && err_occurred());
  }
  TypeObject *t = val_type(v);
  if (val_is_obj(v) && type_is_subtype(t, &FloatType)) {
    *out = AS(FloatObject, v)->value;
    return true;
  }
  if (t->to_float || t->to_index) {
    *out = float_as_double(v);
    return !(*out == -1.0 && err_occurred());
  }
  err_set(&Exc_TypeError, "must be real number, not %T", v);
  return false;
}

/* An int argument via __index__ ("'float' object cannot be interpreted as an integer"). */
static Value get_int(Value v) {
  if (val_is_intlike(v)) return v;
  TypeObject *t = val_type(v);
  if (!t->to_index) return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
  return obj_index(v);
}

/* One-argument functions: CPython's math_1.  can_overflow: an infinite
 * result from a finite input is OverflowError, else ValueError. */
static Value math_1(const char *name, Value *args, size_t nargs, TupleObject *kw, double (*f)(double),
                    bool can_overflow) {
  if (!args_no_kw(name, kw) || !args_count(name, nargs, 1, 1)) return VAL_NULL;
  double x;
  if (!get_double(args[0], &x)) return VAL_NULL;
  errno = 0;
  double r = f(x);
  if (isnan(r) && !isnan(x)) return domain_error();
  if (isinf(r) && isfinite(x)) return can_overflow ? range_error() : domain_error();
  return float_new(r);
}

#define MATH1(pyname, cfn, ovf)                                                  \
  static Value m_##pyname(Value self, Value *args, size_t nargs, TupleObject *kw) { \
    return math_1("math." #pyname, args, nargs, kw, cfn, ovf);                     \
  }

static double c_fabs(double x) { return fabs(x); }
/* degrees/radians are plain products in CPython: no range checks */
static Value scale(const char *name, Value *args, size_t nargs, TupleObject *kw, double factor) {
  if (!args_no_kw(name, kw) || !args_count(name, nargs, 1, 1)) return VAL_NULL;
  double x;
  if (!get_double(args[0], &x)) return VAL_NULL;
  return float_new(x * factor);
}
static Value m_degrees(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return scale("math.degrees", args, nargs, kw, 180.0 / M_PI);
}
static Value m_radians(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return scale("math.radians", args, nargs, kw, M_PI / 180.0);
}

static double c_sqrt(double x) { return x < 0 ? NAN : sqrt(x); }
static double c_exp2(double x) { return exp2(x); }
static double c_gamma(double x) {
  if (x == floor(x) && x <= 0) return NAN;
  return tgamma(x);
}
static double c_lgamma(double x) {
  if (x == floor(x) && x <= 0) return NAN; /* a pole: CPython reports a domain error */
  return lgamma(x);
}

MATH1(sqrt, c_sqrt, false)
MATH1(exp, exp, true)
MATH1(exp2, c_exp2, true)
MATH1(expm1, expm1, true)
MATH1(sin, sin, false)
MATH1(cos, cos, false)
MATH1(tan, tan, false)
MATH1(asin, asin, false)
MATH1(acos, acos, false)
MATH1(atan, atan, false)
MATH1(sinh, sinh, true)
MATH1(cosh, cosh, true)
MATH1(tanh, tanh, false)
MATH1(asinh, asinh, false)
MATH1(acosh, acosh, false)
MATH1(atanh, atanh, false)
MATH1(fabs, c_fabs, false)
MATH1(erf, erf, false)
MATH1(erfc, erfc, false)
MATH1(gamma, c_gamma, true)
MATH1(lgamma, c_lgamma, true)
MATH1(cbrt, cbrt, false)


/* Splits a positive int too large for a double into m * 2**e with m in
 * [0.5, 1) correctly rounded (CPython's _PyLong_Frexp). */
static double big_frexp(Value v, long *e) {
  mpz_t z, q;
  mpz_init(z);
  mpz_init(q);
  int_to_mpz(v, z);
  size_t nbits = mpz_sizeinbase(z, 2);
  size_t shift = nbits > 55 ? nbits - 55 : 0;
  mpz_tdiv_q_2exp(q, z, shift);
  uint64_t u = mpz_get_ui(q);
  if (shift && mpz_scan1(z, 0) < shift) u |= 1;
  mpz_clear(z);
  mpz_clear(q);
  double m = ldexp((double)u, -(int)(nbits - shift)); /* rounds to 53 bits once */
  *e = (long)nbits;
  if (m == 1.0) {
    m = 0.5;
    ++*e;
  }
  return m;
}

/* Natural log of any positive real, big ints included (CPython's loghelper). */
static bool log_of(Value v, double *out) {
  if (val_is_intlike(v)) {
    if (int_sign(v) <= 0) {
      domain_error();
      return false;
    }
    double x = int_to_double(v);
    if (x == -1.0 && err_occurred()) {
      err_clear();
      long e;
      double m = big_frexp(v, &e);
      *out = log(m) + (double)e * M_LN2;
    } else {
      *out = log(x);
    }
    return true;
  }
  double x;
  if (!get_double(v, &x)) return false;
  if (isnan(x) || (isinf(x) && x > 0)) {
    *out = x;
    return true;
  }
  if (x <= 0) {
    domain_error();
    return false;
  }
  *out = log(x);
  return true;
}

static Value m_log(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("log", kw) || !args_count("log", nargs, 1, 2)) return VAL_NULL;
  double num, den;
  if (!log_of(args[0], &num)) return VAL_NULL;
  if (nargs == 2) {
    if (!log_of(args[1], &den)) return VAL_NULL;
    if (den == 0) return err_set(&Exc_ZeroDivisionError, "float division by zero");
    return float_new(num / den);
  }
  return float_new(num);
}

/* log2/log10 of big ints: log(m) / log(base) + e * log_base(2). */
static Value log_base(const char *name, Value *args, size_t nargs, TupleObject *kw, double (*f)(double)) {
  if (!args_no_kw(name, kw) || !args_count(name, nargs, 1, 1)) return VAL_NULL;
  Value v = args[0];
  if (val_is_intlike(v)) {
    if (int_sign(v) <= 0) return domain_error();
    double x = int_to_double(v);
    if (x == -1.0 && err_occurred()) {
      err_clear();
      long e;
      double m = big_frexp(v, &e);
      return float_new(f(m) + f(2.0) * (double)e);
    }
    return float_new(f(x));
  }
  double x;
  if (!get_double(v, &x)) return VAL_NULL;
  if (isnan(x) || (isinf(x) && x > 0)) return float_new(x);
  if (x <= 0) return domain_error();
  return float_new(f(x));
}
static Value m_log2(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return log_base("math.log2", args, nargs, kw, log2);
}
static Value m_log10(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return log_base("math.log10", args, nargs, kw, log10);
}
static Value m_log1p(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("math.log1p", kw) || !args_count("math.log1p", nargs, 1, 1)) return VAL_NULL;
  double x;
  if (!get_double(args[0], &x)) return VAL_NULL;
  if (x <= -1.0) return domain_error();
  return float_new(log1p(x));
}

static bool two_doubles(const char *name, Value *args, size_t nargs, TupleObject *kw, double *x, double *y) {
  if (!args_no_kw(name, kw) || !args_count(name, nargs, 2, 2)) return false;
  return get_double(args[0], x) && get_double(args[1], y);
}

static Value m_pow(Value self, Value *args, size_t nargs, TupleObject *kw) {
  double x, y;
  if (!two_doubles("pow", args, nargs, kw, &x, &y)) return VAL_NULL;
  double r;
  bool odd_y;
  if (!isfinite(x) || !isfinite(y)) {
    errno = 0;
    if (isnan(x))
      r = y == 0.0 ? 1.0 : x;
    else if (isnan(y))
      r = x == 1.0 ? 1.0 : y;
    else if (isinf(x)) {
      odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
      if (y > 0.)
        r = odd_y ? x : fabs(x);
      else if (y == 0.)
        r = 1.;
      else
        r = odd_y ? copysign(0., x) : 0.;
    } else { /* y is inf */
      if (fabs(x) == 1.0)
        r = 1.;
      else if (y > 0. && fabs(x) > 1.0)
        r = y;
      else if (y < 0. && fabs(x) < 1.0)
        r = -y;
      else
        r = 0.;
    }
    return float_new(r);
  }
  if (x == 0.0 && y < 0) return domain_error();
  if (x < 0 && y != floor(y)) return domain_error();
  r = pow(x, y);
  if (isinf(r)) return range_error();
  return float_new(r);
}

static Value m_atan2(Value self, Value *args, size_t nargs, TupleObject *kw) {
  double y, x;
  if (!two_doubles("atan2", args, nargs, kw, &y, &x)) return VAL_NULL;
  return float_new(atan2(y, x));
}

static Value m_fmod(Value self, Value *args, size_t nargs, TupleObject *kw) {
  double x, y;
  if (!two_doubles("fmod", args, nargs, kw, &x, &y)) return VAL_NULL;
  if (isinf(y) && isfinite(x)) return float_new(x);
  if (isnan(x) || isnan(y)) return float_new(NAN);
  if (isinf(x) || y == 0) return domain_error();
  return float_new(fmod(x, y));
}

static Value m_copysign(Value self, Value *args, size_t nargs, TupleObject *kw) {
  double x, y;
  if (!two_doubles("copysign", args, nargs, kw, &x, &y)) return VAL_NULL;
  return float_new(copysign(x, y));
}

static Value m_remainder(Value self, Value *args, size_t nargs, TupleObject *kw) {
  double x, y;
  if (!two_doubles("remainder", args, nargs, kw, &x, &y)) return VAL_NULL;
  if (isnan(x) || isnan(y)) return float_new(NAN);
  if (isinf(x) || y == 0) return domain_error();
  return float_new(remainder(x, y));
}

static Value m_nextafter(Value self, Value *args, size_t nargs, TupleObject *kw) {
  double x, y;
  if (!two_doubles("nextafter", args, nargs, kw, &x, &y)) return VAL_NULL;
  return float_new(nextafter(x, y));
}

static Value m_ulp(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("math.ulp", nargs, 1, 1)) return VAL_NULL;
  double x;
  if (!get_double(args[0], &x)) return VAL_NULL;
  if (isnan(x)) return float_new(x);
  x = fabs(x);
  if (isinf(x)) return float_new(x);
  double x2 = nextafter(x, INFINITY);
  if (isinf(x2)) {
    x2 = nextafter(x, -INFINITY);
    return float_new(x - x2);
  }
  return float_new(x2 - x);
}

/* floor/ceil: ints pass through, floats become (big) ints, others use
 * __floor__/__ceil__ or fall back to float(). */
static Value floor_ceil(const char *name, StrObject *dunder, Value *args, size_t nargs, TupleObject *kw, bool is_floor) {
  if (!args_no_kw(name, kw) || !args_count(name, nargs, 1, 1)) return VAL_NULL;
  Value v = args[0];
  if (val_is_intlike(v)) return int_binop(v, val_from_int(0), BINOP_ADD);
  if (val_is_float(v)) return int_from_double(is_floor ? floor(float_value(v)) : ceil(float_value(v)));
  if (val_is_obj(v) && type_lookup(val_type(v), dunder) != VAL_NULL) return obj_call_method(v, dunder, NULL, 0);
  double x;
  if (!get_double(v, &x)) return VAL_NULL;
  return int_from_double(is_floor ? floor(x) : ceil(x));
}
static Value m_floor(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return floor_ceil("math.floor", NAME(__floor__), args, nargs, kw, true);
}
static Value m_ceil(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return floor_ceil("math.ceil", NAME(__ceil__), args, nargs, kw, false);
}

static Value m_trunc(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("math.trunc", kw) || !args_count("math.trunc", nargs, 1, 1)) return VAL_NULL;
  Value v = args[0];
  if (val_is_float(v)) return int_from_double(float_value(v));
  if (val_is_intlike(v)) return int_binop(v, val_from_int(0), BINOP_ADD);
  if (type_lookup(val_type(v), NAME(__trunc__)) == VAL_NULL)
    return err_set(&Exc_TypeError, "type %N doesn't define __trunc__ method", val_type(v));
  return obj_call_method(v, NAME(__trunc__), NULL, 0);
}

static Value m_isfinite(Value self, Value *args, size_t nargs, TupleObject *kw) {
  double x;
  if (!args_count("math.isfinite", nargs, 1, 1) || !get_double(args[0], &x)) return VAL_NULL;
  return val_bool(isfinite(x));
}
static Value m_isinf(Value self, Value *args, size_t nargs, TupleObject *kw) {
  double x;
  if (!args_count("math.isinf", nargs, 1, 1) || !get_double(args[0], &x)) return VAL_NULL;
  return val_bool(isinf(x));
}
static Value m_isnan(Value self, Value *args, size_t nargs, TupleObject *kw) {
  double x;
  if (!args_count("math.isnan", nargs, 1, 1) || !get_double(args[0], &x)) return VAL_NULL;
  return val_bool(isnan(x));
}

static ArgSpec isclose_spec = ARGSPEC("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)");

static Value m_isclose(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[4];
  if (!args_bind(&isclose_spec, args, nargs, kw, a)) return VAL_NULL;
  double x, y, rel = 1e-9, abst = 0.0;
  if (!get_double(a[0], &x) || !get_double(a[1], &y)) return VAL_NULL;
  if (a[2] != VAL_NULL && !get_double(a[2], &rel)) return VAL_NULL;
  if (a[3] != VAL_NULL && !get_double(a[3], &abst)) return VAL_NULL;
  if (rel < 0.0 || abst < 0.0) return err_set(&Exc_ValueError, "tolerances must be non-negative");
  if (x == y) return VAL_TRUE;
  if (isinf(x) || isinf(y)) return VAL_FALSE;
  double diff = fabs(y - x);
  return val_bool((diff <= fabs(rel * y)) || (diff <= fabs(rel * x)) || (diff <= abst));
}

static Value m_modf(Value self, Value *args, size_t nargs, TupleObject *kw) {
  double x;
  if (!args_count("math.modf", nargs, 1, 1) || !get_double(args[0], &x)) return VAL_NULL;
  if (isinf(x)) return tuple_pack(2, float_new(copysign(0., x)), float_new(x));
  double ip;
  double fp = modf(x, &ip);
  return tuple_pack(2, float_new(fp), float_new(ip));
}

static Value m_frexp(Value self, Value *args, size_t nargs, TupleObject *kw) {
  double x;
  if (!args_count("math.frexp", nargs, 1, 1) || !get_double(args[0], &x)) return VAL_NULL;
  int e = 0;
  double m = (isnan(x) || isinf(x) || x == 0) ? x : frexp(x, &e);
  return tuple_pack(2, float_new(m), val_from_int(e));
}

static Value m_ldexp(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("ldexp", kw) || !args_count("ldexp", nargs, 2, 2)) return VAL_NULL;
  double x;
  if (!get_double(args[0], &x)) return VAL_NULL;
  if (!val_is_intlike(args[1])) return err_set(&Exc_TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_to_i64(args[1], &e)) {
    err_clear();
    e = int_sign(args[1]) > 0 ? INT32_MAX : INT32_MIN;
  }
  if (x == 0 || !isfinite(x)) return float_new(x);
  if (e > INT32_MAX) e = INT32_MAX;
  if (e < INT32_MIN) e = INT32_MIN;
  double r = ldexp(x, (int)e);
  if (isinf(r)) return range_error();
  return float_new(r);
}

/* ---- integer functions ------------------------------------------------- */

static Value m_factorial(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("math.factorial", nargs, 1, 1)) return VAL_NULL;
  Value n = get_int(args[0]);
  if (n == VAL_NULL) return VAL_NULL;
  int64_t k;
  if (!int_to_i64(n, &k)) {
    err_clear();
    if (int_sign(n) < 0) return err_set(&Exc_ValueError, "factorial() not defined for negative values");
    return err_set(&Exc_OverflowError, "factorial() argument should not exceed %ld", (long)INT64_MAX);
  }
  if (k < 0) return err_set(&Exc_ValueError, "factorial() not defined for negative values");
  if (k > 200000000) return err_no_memory(); /* GMP would abort the process instead */
  mpz_t z;
  mpz_init(z);
  mpz_fac_ui(z, (unsigned long)k);
  Value r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}

static Value gcd_lcm(const char *name, Value *args, size_t nargs, TupleObject *kw, bool lcm) {
  if (!args_no_kw(name, kw)) return VAL_NULL;
  mpz_t acc, x;
  mpz_init_set_ui(acc, lcm ? 1 : 0);
  mpz_init(x);
  for (size_t i = 0; i < nargs; i++) {
    Value v = get_int(args[i]);
    if (v == VAL_NULL) {
      mpz_clear(acc);
      mpz_clear(x);
      return VAL_NULL;
    }
    int_to_mpz(v, x);
    if (lcm)
      mpz_lcm(acc, acc, x);
    else
      mpz_gcd(acc, acc, x);
  }
  Value r = int_from_mpz(acc);
  mpz_clear(acc);
  mpz_clear(x);
  return r;
}
static Value m_gcd(Value self, Value *args, size_t nargs, TupleObject *kw) { return gcd_lcm("gcd", args, nargs, kw, false); }
static Value m_lcm(Value self, Value *args, size_t nargs, TupleObject *kw) { return gcd_lcm("lcm", args, nargs, kw, true); }

static Value m_isqrt(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("math.isqrt", nargs, 1, 1)) return VAL_NULL;
  Value n = get_int(args[0]);
  if (n == VAL_NULL) return VAL_NULL;
  if (int_sign(n) < 0) return err_set(&Exc_ValueError, "isqrt() argument must be nonnegative");
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  mpz_sqrt(z, z);
  Value r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}

/* comb(n, k) / perm(n, k): n and k non-negative ints; k > n gives 0. */
static Value comb_perm(const char *name, Value *args, size_t nargs, TupleObject *kw, bool perm) {
  if (!args_no_kw(name, kw) || !args_count(name, nargs, perm ? 1 : 2, 2)) return VAL_NULL;
  Value n = get_int(args[0]);
  if (n == VAL_NULL) return VAL_NULL;
  bool k_given = nargs > 1 && (args[1] != VAL_NONE || !perm); /* perm(n, None) == perm(n) */
  Value k = k_given ? get_int(args[1]) : VAL_NULL;
  if (k_given && k == VAL_NULL) return VAL_NULL;
  if (k == VAL_NULL) { /* perm(n) == n!, with factorial's errors */
    Value a[1] = {n};
    return m_factorial(VAL_NULL, a, 1, NULL);
  }
  if (int_sign(n) < 0) return err_set(&Exc_ValueError, "n must be a non-negative integer");
  if (int_sign(k) < 0) return err_set(&Exc_ValueError, "k must be a non-negative integer");
  if (int_compare(k, n) > 0) return val_from_int(0);
  int64_t kk;
  mpz_t zn, r;
  mpz_init(zn);
  int_to_mpz(n, zn);
  mpz_init(r);
  if (!perm) {
    /* use the smaller of k and n-k */
    mpz_t nk;
    mpz_init(nk);
    int_to_mpz(k, nk);
    mpz_sub(nk, zn, nk);
    Value alt = int_from_mpz(nk);
    mpz_clear(nk);
    if (int_compare(alt, k) < 0) k = alt;
  }
  if (!int_to_i64(k, &kk)) {
    mpz_clear(zn);
    mpz_clear(r);
    err_clear();
    return err_set(&Exc_OverflowError, "min(n - k, k) must not exceed %ld", (long)INT64_MAX);
  }
  if (perm) {
    mpz_set_ui(r, 1);
    mpz_t f;
    mpz_init_set(f, zn);
    for (int64_t i = 0; i < kk; i++) {
      mpz_mul(r, r, f);
      mpz_sub_ui(f, f, 1);
    }
    mpz_clear(f);
  } else {
    mpz_bin_ui(r, zn, (unsigned long)kk);
  }
  Value res = int_from_mpz(r);
  mpz_clear(zn);
  mpz_clear(r);
  return res;
}
static Value m_comb(Value self, Value *args, size_t nargs, TupleObject *kw) { return comb_perm("comb", args, nargs, kw, false); }
static Value m_perm(Value self, Value *args, size_t nargs, TupleObject *kw) { return comb_perm("perm", args, nargs, kw, true); }

/* ---- sequences ----------------------------------------------------------- */

static ArgSpec prod_spec = ARGSPEC("prod(iterable, /, *, start=1)");

static Value m_prod(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[2];
  if (!args_bind(&prod_spec, args, nargs, kw, a)) return VAL_NULL;
  Value acc = a[1] != VAL_NULL ? a[1] : val_from_int(1);
  Value it = obj_iter(a[0]);
  if (it == VAL_NULL) return VAL_NULL;
  for (;;) {
    Value item = obj_next(it);
    if (item == VAL_NULL) return err_occurred() ? VAL_NULL : acc;
    acc = obj_binop(acc, item, BINOP_MUL);
    if (acc == VAL_NULL) return VAL_NULL;
  }
}

/* fsum: Shewchuk's exact partial sums, as CPython's math_fsum. */
static Value m_fsum(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("math.fsum", nargs, 1, 1)) return VAL_NULL;
  Value it = obj_iter(args[0]);
  if (it == VAL_NULL) return VAL_NULL;
  size_t n = 0, cap = 32;
  double *p = malloc(cap * sizeof(double));
  double special_sum = 0.0, inf_sum = 0.0;
  Value result = VAL_NULL;
  for (;;) {
    Value item = obj_next(it);
    if (item == VAL_NULL) {
      if (err_occurred()) goto done;
      break;
    }
    double x;
    if (!get_double(item, &x)) goto done;
    double xsave = x;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
      double y = p[i];
      if (fabs(x) < fabs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[m++] = lo;
      x = hi;
    }
    n = m;
    if (x != 0.0) {
      if (!isfinite(x)) {
        /* a nonfinite x could arise either from an infinite or nan input,
         * or from an intermediate overflow */
        if (isfinite(xsave)) {
          err_set(&Exc_OverflowError, "intermediate overflow in fsum");
          goto done;
        }
        if (isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        n = 0;
      } else {
        if (n == cap) {
          cap *= 2;
          p = realloc(p, cap * sizeof(double));
        }
        p[n++] = x;
      }
    }
  }
  if (special_sum != 0.0) {
    if (isnan(inf_sum))
      err_set(&Exc_ValueError, "-inf + inf in fsum");
    else
      result = float_new(special_sum);
    goto done;
  }
  double hi = 0.0;
  if (n > 0) {
    hi = p[--n];
    double lo = 0;
    while (n > 0) {
      double x = hi;
      double y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    /* round-half-even correction, as CPython */
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  result = float_new(hi);
done:
  free(p);
  return result;
}

/* Collects the coordinates of an iterable of reals into a malloc'd array. */
static double *doubles_of(Value seq, size_t *n) {
  Value lst = list_from_iterable(seq);
  if (lst == VAL_NULL) return NULL;
  *n = (size_t)LIST_LEN(lst);
  double *d = malloc((*n + 1) * sizeof(double));
  for (size_t i = 0; i < *n; i++)
    if (!get_double(LIST_ITEMS(lst)[i], &d[i])) {
      free(d);
      return NULL;
    }
  return d;
}

/* sqrt(sum(x*x)) almost always correctly rounded, as CPython's hypot and
 * dist: scale by a power of two so the largest |x| is in [0.5, 1); square
 * exactly (fma gives the low half); accumulate with a compensated sum that
 * starts at 1.0 so the running total always dominates each addend (no
 * branch needed), keeping the low parts separately; then correct the
 * square root once by the first-order term of sqrt(h*h + d). */
static double vector_norm(double *v, size_t n) {
  double maxv = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < n; i++) {
    double x = fabs(v[i]);
    v[i] = x;
    if (isnan(x)) found_nan = true;
    if (x > maxv) maxv = x;
  }
  if (isinf(maxv)) return maxv;
  if (found_nan) return NAN;
  if (maxv == 0.0 || n <= 1) return maxv;
  int max_e;
  frexp(maxv, &max_e);
  if (max_e < -1023) { /* all subnormal: lift them into the normal range first */
    for (size_t i = 0; i < n; i++) v[i] /= DBL_MIN;
    return DBL_MIN * vector_norm(v, n);
  }
  double scale = ldexp(1.0, -max_e);
  double total = 1.0, low_sq = 0.0, low_sum = 0.0;
  for (size_t i = 0; i < n; i++) {
    double x = v[i] * scale;
    double sq = x * x, sq_lo = fma(x, x, -sq);
    double t = total + sq;
    low_sum += sq - (t - total);
    total = t;
    low_sq += sq_lo;
  }
  double h = sqrt(total - 1.0 + (low_sq + low_sum));
  /* residual of h*h against the accurate sum, in the same accumulators */
  double hh = -h * h, hh_lo = fma(-h, h, -hh);
  double t = total + hh;
  low_sum += hh - (t - total);
  total = t;
  low_sq += hh_lo;
  double d = total - 1.0 + (low_sq + low_sum);
  h += d / (2.0 * h);
  return h / scale;
}

static Value m_hypot(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("hypot", kw)) return VAL_NULL;
  double *v = malloc((nargs + 1) * sizeof(double));
  for (size_t i = 0; i < nargs; i++)
    if (!get_double(args[i], &v[i])) {
      free(v);
      return VAL_NULL;
    }
  double r = vector_norm(v, nargs);
  free(v);
  return float_new(r);
}

static Value m_dist(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("dist", kw) || !args_count("dist", nargs, 2, 2)) return VAL_NULL;
  size_t n, m;
  double *p = doubles_of(args[0], &n);
  if (!p) return VAL_NULL;
  double *q = doubles_of(args[1], &m);
  if (!q) {
    free(p);
    return VAL_NULL;
  }
  Value r;
  if (n != m) {
    r = err_set(&Exc_ValueError, "both points must have the same number of dimensions");
  } else {
    for (size_t i = 0; i < n; i++) p[i] = p[i] - q[i];
    r = float_new(vector_norm(p, n));
  }
  free(p);
  free(q);
  return r;
}

static const NativeDef math_functions[] = {
    {"sqrt", m_sqrt}, {"exp", m_exp}, {"exp2", m_exp2}, {"expm1", m_expm1},
    {"log", m_log}, {"log2", m_log2}, {"log10", m_log10}, {"log1p", m_log1p},
    {"pow", m_pow}, {"sin", m_sin}, {"cos", m_cos}, {"tan", m_tan},
    {"asin", m_asin}, {"acos", m_acos}, {"atan", m_atan}, {"atan2", m_atan2},
    {"sinh", m_sinh}, {"cosh", m_cosh}, {"tanh", m_tanh}, {"asinh", m_asinh},
    {"acosh", m_acosh}, {"atanh", m_atanh}, {"erf", m_erf}, {"erfc", m_erfc},
    {"gamma", m_gamma}, {"lgamma", m_lgamma}, {"cbrt", m_cbrt},
    {"floor", m_floor}, {"ceil", m_ceil}, {"trunc", m_trunc}, {"fabs", m_fabs},
    {"fmod", m_fmod}, {"remainder", m_remainder}, {"copysign", m_copysign},
    {"nextafter", m_nextafter}, {"ulp", m_ulp},
    {"factorial", m_factorial}, {"gcd", m_gcd}, {"lcm", m_lcm}, {"isqrt", m_isqrt},
    {"comb", m_comb}, {"perm", m_perm}, {"isclose", m_isclose}, {"isfinite", m_isfinite},
    {"isinf", m_isinf}, {"isnan", m_isnan}, {"hypot", m_hypot}, {"degrees", m_degrees},
    {"radians", m_radians}, {"prod", m_prod}, {"fsum", m_fsum}, {"modf", m_modf},
    {"frexp", m_frexp}, {"ldexp", m_ldexp}, {"dist", m_dist},
    {NULL}};

static int math_init(Value module) {
  Value d = module_dict(module);
  static const struct { const char *name; double v; } consts[] = {
      {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN}};
  for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
    if (dict_set_cstr(d, consts[i].name, float_new(consts[i].v)) < 0) return -1;
  return 0;
}

const NativeModuleDef math_module_def = {"math", math_functions, math_init};
