/* float.c — the float type: an IEEE double in a small heap object.
 *
 * What must match CPython exactly: repr (the shortest string that reads
 * back to the same double, in CPython's layout), hash (equal to the int
 * hash for integral values, so 1.0 and 1 are the same dict key), exact
 * comparison against ints of any size, the floor-division/modulo sign
 * rules, and the error messages.  A float's value never changes after
 * creation.  float_hash(nan) is 0; a nan float object hashes by its
 * address, as in CPython 3.11.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/float.h"
#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/numfmt.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

Value float_new(double d) {
  FloatObject *f = (FloatObject *)gc_alloc_uninit(&FloatType, sizeof(FloatObject)); /* sets every field */
  f->value = d;
  return (Value)f;
}

static inline bool is_floatlike(Value v) {
  return val_is_obj(v) && (v->type == &FloatType || type_is_subtype(v->type, &FloatType));
}

/* ---- repr ----------------------------------------------------------------- */

/* Shortest digits that read back as d (d finite, > 0).  If any string of
 * at most 15 significant digits reads back as d, it is the correctly
 * rounded 15-digit string with its trailing zeros removed (d lies within
 * half an ulp of it, less than half a unit in the 15th digit); otherwise
 * the correctly rounded 16- or 17-digit string is the shortest, and also
 * the closest, as CPython's repr requires.  So at most three tries.
 * (Subnormals, with fewer significant bits, break that argument.) */
/* The next decimal up from "d.ddde±X" in its last digit, in the same
 * form; false if it cannot be written (never for printf output). */
static bool decimal_up(const char *in, char *out) {
  const char *e = strchr(in, 'e');
  if (!e) return false;
  char digs[24];
  int nd = 0;
  for (const char *q = in; q < e; q++)
    if (*q != '.') digs[nd++] = *q;
  int exp = atoi(e + 1);
  int i = nd - 1;
  while (i >= 0 && digs[i] == '9') digs[i--] = '0';
  if (i < 0) { /* 9.99 -> 10.0: one more decade */
    digs[0] = '1';
    exp++;
  } else {
    digs[i]++;
  }
  char *w = out;
  *w++ = digs[0];
  if (nd > 1) {
    *w++ = '.';
    memcpy(w, digs + 1, (size_t)nd - 1);
    w += nd - 1;
  }
  sprintf(w, "e%+03d", exp);
  return true;
}

static int shortest_digits(double d, char *digits, int *exp10) {
  char buf[40];
  int p;
  int e2;
  if (d > DBL_MIN && frexp(d, &e2) == 0.5) {
    /* A power of two: the doubles below are twice as dense as those above,
     * so the nearest p-digit string may miss while the next one up reads
     * back correctly.  Try both for each length. */
    for (p = 1; p <= 17; p++) {
      snprintf(buf, sizeof buf, "%.*e", p - 1, d);
      double v = strtod(buf, NULL);
      if (v == d) break;
      if (v < d) {
        char up[40];
        if (decimal_up(buf, up) && strtod(up, NULL) == d) {
          strcpy(buf, up);
          break;
        }
      }
    }
  } else if (d < DBL_MIN) {
    /* subnormals have fewer bits: search 1..17 (round-tripping is monotone in p) */
    int lo = 1, hi = 17;
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      snprintf(buf, sizeof buf, "%.*e", mid - 1, d);
      if (strtod(buf, NULL) == d)
        hi = mid;
      else
        lo = mid + 1;
    }
    snprintf(buf, sizeof buf, "%.*e", lo - 1, d);
  } else {
    for (p = 15; p < 17; p++) {
      snprintf(buf, sizeof buf, "%.*e", p - 1, d);
      if (strtod(buf, NULL) == d) break;
    }
    if (p == 17) snprintf(buf, sizeof buf, "%.16e", d);
  }
  char *e = strchr(buf, 'e');
  *exp10 = atoi(e + 1);
  int nd = 0;
  for (char *q = buf; q < e; q++)
    if (*q != '.') digits[nd++] = *q;
  while (nd > 1 && digits[nd - 1] == '0') nd--;
  digits[nd] = 0;
  return nd;
}

size_t float_repr_buf(double d, char *buf) {
  if (isnan(d)) return (size_t)sprintf(buf, "nan");
  if (isinf(d)) return (size_t)sprintf(buf, d < 0 ? "-inf" : "inf");
  if (d == 0) return (size_t)sprintf(buf, signbit(d) ? "-0.0" : "0.0");
  char digits[24];
  int exp;
  char *p = buf;
  if (d < 0) {
    *p++ = '-';
    d = -d;
  }
  if (d < 1e16 && d == (double)(int64_t)d) { /* integral: the common case, no search */
    p += sprintf(p, "%lld.0", (long long)d);
    return (size_t)(p - buf);
  }
  int nd = shortest_digits(d, digits, &exp);
  if (exp < -4 || exp >= 16) {
    *p++ = digits[0];
    if (nd > 1) {
      *p++ = '.';
      memcpy(p, digits + 1, (size_t)nd - 1);
      p += nd - 1;
    }
    p += sprintf(p, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  } else if (exp < 0) {
    *p++ = '0';
    *p++ = '.';
    for (int i = 0; i < -exp - 1; i++) *p++ = '0';
    memcpy(p, digits, (size_t)nd);
    p += nd;
  } else {
    int ip = exp + 1;
    for (int i = 0; i < ip; i++) *p++ = i < nd ? digits[i] : '0';
    *p++ = '.';
    if (nd > ip) {
      memcpy(p, digits + ip, (size_t)(nd - ip));
      p += nd - ip;
    } else {
      *p++ = '0';
    }
  }
  *p = 0;
  return (size_t)(p - buf);
}

Value float_repr(Value v) {
  char buf[40];
  size_t n = float_repr_buf(float_value(v), buf);
  return str_new(buf, n);
}

static Value float_repr_slot(Value v) {
  char buf[40];
  size_t n = float_repr_buf(AS(FloatObject, v)->value, buf);
  return str_new(buf, n);
}

Value float_format(Value v, Value spec) { return numfmt_format_float(AS(FloatObject, v)->value, spec); }

/* ---- parsing ---------------------------------------------------------------- */

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool ieq(const char *s, size_t n, const char *word) {
  size_t wl = strlen(word);
  if (n != wl) return false;
  for (size_t i = 0; i < n; i++)
    if ((s[i] | 0x20) != word[i]) return false;
  return true;
}

/* Copies the digits of a run (digits with single underscores between
 * them) into out; returns the number of digits, or -1 if malformed. */
static ssize_t digit_run(const char **pp, const char *end, char **out) {
  const char *p = *pp;
  ssize_t n = 0;
  while (p < end) {
    if (*p >= '0' && *p <= '9') {
      *(*out)++ = *p++;
      n++;
    } else if (*p == '_' && n > 0 && p + 1 < end && p[1] >= '0' && p[1] <= '9') {
      p++;
    } else {
      break;
    }
  }
  *pp = p;
  return n;
}

/* Parses s[0..len) by Python's float() grammar into *out; false if invalid. */
static bool parse_float(const char *s, size_t len, double *out) {
  const char *p = s, *end = s + len;
  while (p < end && is_space((unsigned char)*p)) p++;
  while (end > p && is_space((unsigned char)end[-1])) end--;
  if (p == end) return false;
  bool neg = false;
  if (*p == '+' || *p == '-') neg = *p++ == '-';
  size_t n = (size_t)(end - p);
  if (ieq(p, n, "inf") || ieq(p, n, "infinity")) {
    *out = neg ? -INFINITY : INFINITY;
    return true;
  }
  if (ieq(p, n, "nan")) {
    *out = neg ? -NAN : NAN;
    return true;
  }
  char *buf = malloc(n + 3), *w = buf;
  ssize_t nd = digit_run(&p, end, &w);
  if (p < end && *p == '.') {
    *w++ = *p++;
    ssize_t nf = digit_run(&p, end, &w);
    nd += nf;
  }
  bool ok = nd > 0;
  if (ok && p < end && (*p == 'e' || *p == 'E')) {
    *w++ = *p++;
    if (p < end && (*p == '+' || *p == '-')) *w++ = *p++;
    if (digit_run(&p, end, &w) <= 0) ok = false;
  }
  if (p != end) ok = false;
  *w = 0;
  if (ok) {
    double d = strtod(buf, NULL);
    *out = neg ? -d : d;
  }
  free(buf);
  return ok;
}

Value float_from_string(const char *s, size_t len) {
  double d;
  bool ascii = true;
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)s[i] >= 0x80) ascii = false;
  if (ascii) {
    if (parse_float(s, len, &d)) return float_new(d);
  } else { /* Unicode digits or spaces */
    size_t n;
    char *a = numfmt_to_ascii(s, len, &n);
    bool ok = parse_float(a, n, &d);
    free(a);
    if (ok) return float_new(d);
  }
  Value str = str_from_utf8(s, len, "replace");
  if (str == VAL_NULL) return VAL_NULL;
  return err_set(&Exc_ValueError, "could not convert string to float: %R", str);
}

/* ---- conversion --------------------------------------------------------- */

/* The double value of a float or int (false, no error, for other types;
 * false with OverflowError for huge ints). */
static bool to_double(Value v, double *out, bool *failed) {
  *failed = false;
  if (val_is_int(v)) {
    *out = (double)val_int(v);
    return true;
  }
  if (is_floatlike(v)) {
    *out = AS(FloatObject, v)->value;
    return true;
  }
  if (val_is_intlike(v)) {
    *out = int_to_double(v);
    if (*out == -1.0 && err_occurred()) *failed = true;
    return !*failed;
  }
  return false;
}

double float_as_double(Value v) {
  /* subclasses go through __float__, which they may override */
  if (val_is_float(v)) return AS(FloatObject, v)->value;
  if (val_is_intlike(v)) return int_to_double(v);
  if (val_is_str(v)) {
    Value f = float_from_string(str_cstr(v), (size_t)str_len_bytes(v));
    return f == VAL_NULL ? -1.0 : float_value(f);
  }
  TypeObject *t = val_type(v);
  if (t->to_float) {
    Value r = t->to_float(v);
    if (r == VAL_NULL) return -1.0;
    if (!is_floatlike(r)) {
      err_set(&Exc_TypeError, "%N.__float__ returned non-float (type %T)", t, r);
      return -1.0;
    }
    return AS(FloatObject, r)->value;
  }
  if (t->to_index) {
    Value r = t->to_index(v);
    if (r == VAL_NULL) return -1.0;
    return int_to_double(r);
  }
  err_set(&Exc_TypeError, "float() argument must be a string or a real number, not '%T'", v);
  return -1.0;
}

/* ---- hash ----------------------------------------------------------------- */

Hash float_hash(double v) {
  if (!isfinite(v)) return isinf(v) ? (v > 0 ? HASH_INF : -HASH_INF) : 0;
  int e;
  double m = frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = (uint64_t)m;
    m -= (double)y;
    x += y;
    if (x >= HASH_MODULUS) x -= HASH_MODULUS;
  }
  e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
  x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
  Hash h = (Hash)x * sign;
  return h == -1 ? -2 : h;
}

/* nan hashes by identity as in CPython 3.10+ (so distinct nans are
 * distinct dict keys): the address rotated by 4 bits, as CPython hashes
 * pointers. */
static Hash float_hash_slot(Value v) {
  double d = AS(FloatObject, v)->value;
  if (isnan(d)) {
    uintptr_t y = (uintptr_t)v;
    y = (y >> 4) | (y << (8 * sizeof(uintptr_t) - 4));
    Hash h = (Hash)y;
    return h == -1 ? -2 : h;
  }
  return float_hash(d);
}

/* ---- comparison ---------------------------------------------------------- */

/* Compares double d with int i exactly; d is not nan. */
static int cmp_double_int(double d, Value i) {
  if (isinf(d)) return d > 0 ? 1 : -1;
  if (val_is_int(i)) {
    intptr_t x = val_int(i);
    if (x > -((intptr_t)1 << 53) && x < ((intptr_t)1 << 53)) {
      double y = (double)x;
      return (d > y) - (d < y);
    }
  }
  mpz_t zi, zd;
  mpz_init(zi);
  int_to_mpz(i, zi);
  double t = trunc(d);
  mpz_init_set_d(zd, t);
  int c = mpz_cmp(zd, zi);
  if (c == 0) c = (d > t) - (d < t);
  mpz_clear(zi);
  mpz_clear(zd);
  return (c > 0) - (c < 0);
}

static Value float_richcompare(Value a, Value b, CmpOp op) {
  /* a is the float (or b, for reflected calls) */
  bool swapped = false;
  if (!is_floatlike(a)) {
    Value t = a;
    a = b;
    b = t;
    swapped = true;
  }
  double x = AS(FloatObject, a)->value;
  int c;
  if (is_floatlike(b)) {
    double y = AS(FloatObject, b)->value;
    if (isnan(x) || isnan(y)) return val_bool(op == CMP_NE);
    c = (x > y) - (x < y);
  } else if (val_is_intlike(b)) {
    if (isnan(x)) return val_bool(op == CMP_NE);
    c = cmp_double_int(x, b);
  } else {
    return VAL_NOTIMPL;
  }
  if (swapped) c = -c;
  switch (op) {
  case CMP_LT: return val_bool(c < 0);
  case CMP_LE: return val_bool(c <= 0);
  case CMP_EQ: return val_bool(c == 0);
  case CMP_NE: return val_bool(c != 0);
  case CMP_GT: return val_bool(c > 0);
  case CMP_GE: return val_bool(c >= 0);
  }
  return VAL_NOTIMPL;
}

/* ---- arithmetic ------------------------------------------------------------ */

static Value divmod_doubles(double vx, double wx, double *div_out, double *mod_out) {
  double mod = fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = copysign(0.0, wx);
  }
  double floordiv;
  if (div) {
    floordiv = floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = copysign(0.0, vx / wx);
  }
  *div_out = floordiv;
  *mod_out = mod;
  return VAL_NONE;
}

static Value pow_doubles(double x, double y) {
  if (y == 0) return float_new(1.0);
  if (isnan(x)) return float_new(x);
  if (isnan(y)) return float_new(x == 1.0 ? 1.0 : y);
  if (x == 0 && y < 0 && !isinf(y))
    return err_set(&Exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
  if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y)) return complex_pow_reals(x, y);
  errno = 0;
  double r = pow(x, y);
  if (isinf(r) && isfinite(x) && isfinite(y))
    return err_set(&Exc_OverflowError, "(34, 'Numerical result out of range')");
  return float_new(r);
}

static Value float_binop(Value a, Value b, BinOp op) {
  double x, y;
  bool fa, fb;
  if (!to_double(a, &x, &fa)) return fa ? VAL_NULL : VAL_NOTIMPL;
  if (!to_double(b, &y, &fb)) return fb ? VAL_NULL : VAL_NOTIMPL;
  double d, m;
  switch (op) {
  case BINOP_ADD: return float_new(x + y);
  case BINOP_SUB: return float_new(x - y);
  case BINOP_MUL: return float_new(x * y);
  case BINOP_TRUEDIV:
    if (y == 0) return err_set(&Exc_ZeroDivisionError, "float division by zero");
    return float_new(x / y);
  case BINOP_FLOORDIV:
    if (y == 0) return err_set(&Exc_ZeroDivisionError, "float floor division by zero");
    divmod_doubles(x, y, &d, &m);
    return float_new(d);
  case BINOP_MOD:
    if (y == 0) return err_set(&Exc_ZeroDivisionError, "float modulo");
    divmod_doubles(x, y, &d, &m);
    return float_new(m);
  case BINOP_POW: return pow_doubles(x, y);
  default: return VAL_NOTIMPL;
  }
}

#define X(e, f) \
  static Value float_##f(Value a, Value b) { return float_binop(a, b, BINOP_##e); }
X(ADD, add) X(SUB, sub) X(MUL, mul) X(TRUEDIV, truediv) X(FLOORDIV, floordiv) X(MOD, mod) X(POW, pow)
#undef X

static Value float_neg(Value a) { return float_new(-AS(FloatObject, a)->value); }
static Value float_pos(Value a) {
  return a->type == &FloatType ? a : float_new(AS(FloatObject, a)->value);
}
static Value float_abs(Value a) { return float_new(fabs(AS(FloatObject, a)->value)); }
static int float_truthy(Value a) { return AS(FloatObject, a)->value != 0.0; }
static Value float_to_int(Value a) { return int_from_double(AS(FloatObject, a)->value); }

/* ---- construction ----------------------------------------------------------- */

static Value float_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!args_no_kw("float", kwnames) || !args_count("float", nargs, 0, 1)) return VAL_NULL;
  double d = 0.0;
  if (nargs == 1) {
    Value x = args[0];
    if (type == &FloatType && val_is_float(x)) return x;
    const char *data;
    size_t len;
    if (val_is_obj(x) && (x->type == &BytesType || x->type == &ByteArrayType) && bytes_buffer(x, &data, &len)) {
      if (!parse_float(data, len, &d)) {
        Value r = obj_repr(x);
        if (r == VAL_NULL) return VAL_NULL;
        return err_set(&Exc_ValueError, "could not convert string to float: %U", r);
      }
    } else {
      d = float_as_double(x);
      if (d == -1.0 && err_occurred()) return VAL_NULL;
    }
  }
  if (type == &FloatType) return float_new(d);
  size_t size = type->instance_size < sizeof(FloatObject) ? sizeof(FloatObject) : type->instance_size;
  FloatObject *f = (FloatObject *)gc_alloc(type, size);
  f->value = d;
  return (Value)f;
}

/* ---- methods ------------------------------------------------------------------ */

#define SELF_D (AS(FloatObject, self)->value)

static Value m_is_integer(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("float.is_integer", nargs, 0, 0)) return VAL_NULL;
  double d = SELF_D;
  return val_bool(isfinite(d) && d == floor(d));
}

static Value m_conjugate(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("float.conjugate", nargs, 0, 0)) return VAL_NULL;
  return float_pos(self);
}

static Value m_as_integer_ratio(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("float.as_integer_ratio", nargs, 0, 0)) return VAL_NULL;
  double d = SELF_D;
  if (isinf(d)) return err_set(&Exc_OverflowError, "cannot convert Infinity to integer ratio");
  if (isnan(d)) return err_set(&Exc_ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = frexp(d, &e);
  for (int i = 0; i < 300 && m != floor(m); i++) {
    m *= 2.0;
    e--;
  }
  mpz_t num, den;
  mpz_init_set_d(num, m);
  mpz_init_set_ui(den, 1);
  if (e > 0)
    mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
  else
    mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
  Value r = tuple_pack(2, int_from_mpz(num), int_from_mpz(den));
  mpz_clear(num);
  mpz_clear(den);
  return r;
}

static Value m_trunc(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return int_from_double(SELF_D);
}
static Value m_floor(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return int_from_double(floor(SELF_D));
}
static Value m_ceil(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return int_from_double(ceil(SELF_D));
}
static Value m_float(Value self, Value *args, size_t nargs, TupleObject *kw) { return float_pos(self); }

/* round(x, ndigits) for ndigits < 0, exactly: x = m * 2**e is rounded to a
 * multiple of 10**-ndigits, half to even, then converted back. */
static double round_negative_digits(double x, long ndigits) {
  int e;
  double m = frexp(x, &e);
  m = ldexp(m, 53);
  e -= 53;
  mpz_t num, den, p, q, r, t;
  mpz_inits(num, den, p, q, r, t, NULL);
  mpz_set_d(num, m);
  mpz_set_ui(den, 1);
  if (e >= 0)
    mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
  else
    mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
  mpz_ui_pow_ui(p, 10, (unsigned long)-ndigits);
  mpz_mul(den, den, p);
  mpz_fdiv_qr(q, r, num, den);
  mpz_mul_2exp(t, r, 1);
  int c = mpz_cmp(t, den);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, p);
  Value iv = int_from_mpz(q);
  double res = int_to_double(iv);
  mpz_clears(num, den, p, q, r, t, NULL);
  return res;
}

static Value m_round(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("__round__", kw) || !args_count("__round__", nargs, 0, 1)) return VAL_NULL;
  double x = SELF_D;
  if (nargs == 0 || args[0] == VAL_NONE) {
    double r = round(x);
    if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
    return int_from_double(r);
  }
  Value nd = obj_index(args[0]);
  if (nd == VAL_NULL) return VAL_NULL;
  int64_t n;
  if (!int_to_i64(nd, &n)) {
    err_clear();
    n = int_sign(nd) > 0 ? 1000 : -1000;
  }
  if (!isfinite(x) || x == 0.0 || n > 323) return float_new(x);
  if (n < -308) return float_new(copysign(0.0, x));
  double r;
  if (n >= 0) {
    /* printf rounds the exact binary value half-even, as CPython's dtoa mode 3 */
    int len = snprintf(NULL, 0, "%.*f", (int)n, x);
    char *buf = malloc((size_t)len + 1);
    snprintf(buf, (size_t)len + 1, "%.*f", (int)n, x);
    r = strtod(buf, NULL);
    free(buf);
  } else {
    r = round_negative_digits(fabs(x), (long)n);
    if (r == -1.0 && err_occurred()) {
      err_clear();
      return err_set(&Exc_OverflowError, "rounded value too large to represent");
    }
    r = copysign(r, x);
  }
  if (isinf(r)) return err_set(&Exc_OverflowError, "rounded value too large to represent");
  return float_new(r);
}

static Value m_format(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__format__", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0]))
    return err_set(&Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
  return numfmt_format_float(SELF_D, args[0]);
}

static Value m_getnewargs(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value v = float_new(SELF_D);
  return tuple_from_array(&v, 1);
}

static Value m_divmod(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__divmod__", nargs, 1, 1)) return VAL_NULL;
  double x, y, d, m;
  bool f;
  if (!to_double(self, &x, &f) || !to_double(args[0], &y, &f)) return f ? VAL_NULL : VAL_NOTIMPL;
  if (y == 0) return err_set(&Exc_ZeroDivisionError, "float divmod()");
  divmod_doubles(x, y, &d, &m);
  return tuple_pack(2, float_new(d), float_new(m));
}

static Value m_rdivmod(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__rdivmod__", nargs, 1, 1)) return VAL_NULL;
  Value swapped[1] = {self};
  return m_divmod(args[0], swapped, 1, NULL);
}

static Value m_hex(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("float.hex", nargs, 0, 0)) return VAL_NULL;
  double x = SELF_D;
  char buf[64];
  if (!isfinite(x) || x == 0.0) {
    if (isnan(x)) return str_from_cstr("nan");
    if (isinf(x)) return str_from_cstr(x < 0 ? "-inf" : "inf");
    return str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  }
  int e;
  double m = frexp(fabs(x), &e);
  int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
  m = ldexp(m, shift);
  e -= shift;
  char digs[32];
  int si = 0;
  static const char hexd[] = "0123456789abcdef";
  digs[si++] = hexd[(int)m];
  m -= (int)m;
  digs[si++] = '.';
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
    m *= 16.0;
    digs[si++] = hexd[(int)m];
    m -= (int)m;
  }
  digs[si] = 0;
  int n = snprintf(buf, sizeof buf, "%s0x%sp%c%d", x < 0 ? "-" : "", digs, e < 0 ? '-' : '+', e < 0 ? -e : e);
  return str_new(buf, (size_t)n);
}

static Value m_fromhex(Value cls, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("fromhex", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "fromhex() argument must be str, not %T", args[0]);
  const char *s = str_cstr(args[0]), *end = s + str_len_bytes(args[0]);
  while (s < end && is_space((unsigned char)*s)) s++;
  while (end > s && is_space((unsigned char)end[-1])) end--;
  double d;
  size_t n = (size_t)(end - s);
  const char *p = s;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
  size_t rn = (size_t)(end - p);
  if (ieq(p, rn, "inf") || ieq(p, rn, "infinity")) {
    d = INFINITY;
  } else if (ieq(p, rn, "nan")) {
    d = NAN;
  } else {
    /* Validate: [0x]hexdigits[.hexdigits][p[+-]digits] */
    char *buf = malloc(n + 4), *w = buf;
    *w++ = '0';
    *w++ = 'x';
    if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') p += 2;
    size_t nd = 0;
    bool ok = true;
    while (p < end && strchr("0123456789abcdefABCDEF", *p)) *w++ = *p++, nd++;
    if (p < end && *p == '.') {
      *w++ = *p++;
      while (p < end && strchr("0123456789abcdefABCDEF", *p)) *w++ = *p++, nd++;
    }
    if (nd == 0) ok = false;
    if (ok && p < end && (*p | 0x20) == 'p') {
      *w++ = *p++;
      if (p < end && (*p == '+' || *p == '-')) *w++ = *p++;
      size_t ne = 0;
      while (p < end && *p >= '0' && *p <= '9') *w++ = *p++, ne++;
      if (ne == 0) ok = false;
    }
    if (p != end) ok = false;
    *w = 0;
    if (ok) d = strtod(buf, NULL);
    free(buf);
    if (!ok) return err_set(&Exc_ValueError, "invalid hexadecimal floating-point string");
    if (isinf(d)) return err_set(&Exc_OverflowError, "hexadecimal value too large to represent as a float");
  }
  Value r = float_new(neg ? -d : d);
  if (cls != (Value)&FloatType) return obj_call1(cls, r);
  return r;
}

static Value g_real(Value self) { return float_pos(self); }
static Value g_imag(Value self) { return float_new(0.0); }

static const NativeDef float_methods[] = {
    {"is_integer", m_is_integer, NATIVE_METHOD},
    {"conjugate", m_conjugate, NATIVE_METHOD},
    {"as_integer_ratio", m_as_integer_ratio, NATIVE_METHOD},
    {"hex", m_hex, NATIVE_METHOD},
    {"fromhex", m_fromhex, NATIVE_CLASSMETHOD},
    {"__trunc__", m_trunc, NATIVE_METHOD},
    {"__int__", m_trunc, NATIVE_METHOD},
    {"__floor__", m_floor, NATIVE_METHOD},
    {"__ceil__", m_ceil, NATIVE_METHOD},
    {"__float__", m_float, NATIVE_METHOD},
    {"__round__", m_round, NATIVE_METHOD},
    {"__format__", m_format, NATIVE_METHOD},
    {"__getnewargs__", m_getnewargs, NATIVE_METHOD},
    {"__divmod__", m_divmod, NATIVE_METHOD},
    {"__rdivmod__", m_rdivmod, NATIVE_METHOD},
    {NULL}};

static const GetSetDef float_getsets[] = {
    {"real", g_real, NULL},
    {"imag", g_imag, NULL},
    {NULL}};

TypeObject FloatType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "float",
    .instance_size = sizeof(FloatObject),
    .flags = TP_BASETYPE,
    .tp_new = float_tp_new,
    .repr = float_repr_slot,
    .hash = float_hash_slot,
    .richcompare = float_richcompare,
    .truthy = float_truthy,
    .binop = {[BINOP_ADD] = float_add, [BINOP_SUB] = float_sub, [BINOP_MUL] = float_mul,
              [BINOP_TRUEDIV] = float_truediv, [BINOP_FLOORDIV] = float_floordiv,
              [BINOP_MOD] = float_mod, [BINOP_POW] = float_pow},
    .neg = float_neg,
    .pos = float_pos,
    .abs = float_abs,
    .to_int = float_to_int,
    .to_float = float_pos,
    .methods = float_methods,
    .getsets = float_getsets,
};
