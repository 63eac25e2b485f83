/* int.c — the int type: tagged small ints and GMP-backed big ints.
 *
 * Invariants: every value this file returns is canonical — a result in
 * SMALLINT range is a tagged Value, never an IntObject of type int.  (Instances
 * of int subclasses are always IntObjects, whatever their value.)  True and
 * False are plain objects of BoolType carrying no payload; every entry point
 * here reads them as 1 and 0 (small_of/int_to_mpz), so bool inherits all of
 * int's behaviour.  Big-int limbs are malloc'd by GMP and released by the
 * finalizer; their size is reported to the GC with gc_account.
 *
 * The int<->str conversion limit (sys.set_int_max_str_digits, owned by
 * sys.c) is an interpreter-wide setting; like every other runtime state it
 * is only read or written by the thread holding the GIL.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/int.h"
#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/numfmt.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

/* The limit lives in sys (stdlib/sys.c, sys.set_int_max_str_digits); 0 = no limit. */
extern int sys_int_max_str_digits;
#define max_str_digits sys_int_max_str_digits

int int_get_max_str_digits(void) { return max_str_digits; }
void int_set_max_str_digits(int n) { max_str_digits = n; }

/* The largest int we try to build (bits): GMP aborts the process when an
 * allocation fails, so bigger results raise MemoryError up front. */
#define INT_MAX_BITS 34359738368.0 /* 2**35 bits = 4 GiB */

/* ---- representation helpers ------------------------------------------ */

/* True (with *out set) when v is an int whose value fits a C intptr_t
 * small-int slot: tagged ints, True/False.  Boxed ints return false even
 * when small (only subclass instances can be boxed and small). */
static inline bool small_of(Value v, intptr_t *out) {
  if (val_is_int(v)) {
    *out = val_int(v);
    return true;
  }
  if (v == VAL_TRUE) {
    *out = 1;
    return true;
  }
  if (v == VAL_FALSE) {
    *out = 0;
    return true;
  }
  return false;
}

static inline bool is_intlike(Value v) { return v != VAL_NULL && val_is_intlike(v); }

static size_t limb_bytes(const mpz_t z) { return (size_t)z->_mp_alloc * sizeof(mp_limb_t); }

static void int_finalize(Object *o) {
  IntObject *io = (IntObject *)o;
  if (io->z->_mp_d) {
    gc_account(-(ssize_t)limb_bytes(io->z));
    mpz_clear(io->z);
  }
}

/* A boxed int of `type` (int or a subclass) holding z. */
static Value box_mpz(TypeObject *type, const mpz_t z) {
  size_t size = type->instance_size < sizeof(IntObject) ? sizeof(IntObject) : type->instance_size;
  IntObject *io = (IntObject *)gc_alloc(type, size);
  mpz_init_set(io->z, z);
  gc_account((ssize_t)limb_bytes(io->z));
  return (Value)io;
}

Value int_from_mpz(const mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long l = mpz_get_si(z);
    if (smallint_fits(l)) return val_from_int(l);
  }
  return box_mpz(&IntType, z);
}

/* Normalises a temporary mpz into a Value and clears it. */
static Value take_mpz(mpz_t z) {
  Value r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}

Value int_from_i64(int64_t i) {
  if (smallint_fits((intptr_t)i)) return val_from_int((intptr_t)i);
  mpz_t z;
  mpz_init_set_si(z, (long)i);
  return take_mpz(z);
}

Value int_from_u64(uint64_t u) {
  if (u <= (uint64_t)SMALLINT_MAX) return val_from_int((intptr_t)u);
  mpz_t z;
  mpz_init_set_ui(z, (unsigned long)u);
  return take_mpz(z);
}

void int_to_mpz(Value v, mpz_t z) {
  intptr_t s;
  if (small_of(v, &s))
    mpz_set_si(z, (long)s);
  else
    mpz_set(z, AS(IntObject, v)->z);
}

/* Read-only view of any int as an mpz: uses `tmp` (initialised here) for
 * small values, which the caller must clear with view_done. */
static const __mpz_struct *view(Value v, mpz_t tmp) {
  intptr_t s;
  if (small_of(v, &s)) {
    mpz_init_set_si(tmp, (long)s);
    return tmp;
  }
  tmp->_mp_d = NULL;
  return AS(IntObject, v)->z;
}
static void view_done(mpz_t tmp) {
  if (tmp->_mp_d) mpz_clear(tmp);
}

int int_sign(Value v) {
  intptr_t s;
  if (small_of(v, &s)) return (s > 0) - (s < 0);
  return mpz_sgn(AS(IntObject, v)->z);
}

Value int_from_double(double d) {
  if (isinf(d)) return err_set(&Exc_OverflowError, "cannot convert float infinity to integer");
  if (isnan(d)) return err_set(&Exc_ValueError, "cannot convert float NaN to integer");
  d = trunc(d);
  if (d >= -4611686018427387904.0 && d < 4611686018427387904.0) return int_from_i64((int64_t)d);
  mpz_t z;
  mpz_init_set_d(z, d);
  return take_mpz(z);
}

bool int_to_i64(Value v, int64_t *out) {
  intptr_t s;
  if (small_of(v, &s)) {
    *out = s;
    return true;
  }
  const __mpz_struct *z = AS(IntObject, v)->z;
  if (mpz_fits_slong_p(z)) {
    *out = mpz_get_si(z);
    return true;
  }
  err_set(&Exc_OverflowError, "Python int too large to convert to C long");
  return false;
}

/* Correctly rounded (round-half-even) conversion of a non-negative mpz:
 * keep the top 55 bits with a sticky bit for everything below, so the
 * single rounding done by the uint64 -> double conversion is exact. */
static double mpz_to_double_rounded(const mpz_t z, bool *overflow) {
  *overflow = false;
  size_t nbits = mpz_sizeinbase(z, 2);
  if (mpz_sgn(z) == 0) return 0.0;
  if (nbits <= 63) {
    uint64_t u = 0;
    mpz_export(&u, NULL, -1, sizeof u, 0, 0, z);
    return (double)u;
  }
  if (nbits > DBL_MAX_EXP) {
    *overflow = true;
    return 0.0;
  }
  size_t shift = nbits - 55;
  mpz_t q;
  mpz_init(q);
  mpz_tdiv_q_2exp(q, z, shift);
  uint64_t u = mpz_get_ui(q);
  if (mpz_scan1(z, 0) < shift) u |= 1;
  mpz_clear(q);
  double d = ldexp((double)u, (int)shift);
  if (isinf(d)) *overflow = true;
  return d;
}

double int_to_double(Value v) {
  intptr_t s;
  if (small_of(v, &s)) return (double)s;
  const __mpz_struct *z = AS(IntObject, v)->z;
  mpz_t a;
  mpz_init(a);
  mpz_abs(a, z);
  bool ovf;
  double d = mpz_to_double_rounded(a, &ovf);
  mpz_clear(a);
  if (ovf) {
    err_set(&Exc_OverflowError, "int too large to convert to float");
    return -1.0;
  }
  return mpz_sgn(z) < 0 ? -d : d;
}

/* ---- str conversions ------------------------------------------------- */

static Value limit_error_from_str(size_t ndigits) {
  return err_set(&Exc_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; "
                 "use sys.set_int_max_str_digits() to increase the limit",
                 max_str_digits, ndigits);
}

Value int_repr(Value v) {
  intptr_t s;
  char buf[32];
  if (small_of(v, &s)) {
    int n = snprintf(buf, sizeof buf, "%ld", (long)s);
    return str_new(buf, (size_t)n);
  }
  const __mpz_struct *z = AS(IntObject, v)->z;
  size_t est = mpz_sizeinbase(z, 10);
  if (max_str_digits > 0 && est > (size_t)max_str_digits + 1)
    return err_set(&Exc_ValueError, "Exceeds the limit (%d digits) for integer string conversion; "
                                    "use sys.set_int_max_str_digits() to increase the limit",
                   max_str_digits);
  char *p = malloc(est + 2);
  mpz_get_str(p, 10, z);
  size_t len = strlen(p);
  size_t ndig = len - (p[0] == '-');
  if (max_str_digits > 0 && ndig > (size_t)max_str_digits) {
    free(p);
    return err_set(&Exc_ValueError, "Exceeds the limit (%d digits) for integer string conversion; "
                                    "use sys.set_int_max_str_digits() to increase the limit",
                   max_str_digits);
  }
  Value r = str_new(p, len);
  free(p);
  return r;
}

Value int_to_base_str(Value v, int base, bool prefix) {
  mpz_t tmp;
  const __mpz_struct *z = view(v, tmp);
  size_t est = mpz_sizeinbase(z, base);
  char *p = malloc(est + 5);
  char *digits = p + 3;
  mpz_get_str(digits, base, z);
  view_done(tmp);
  bool neg = digits[0] == '-';
  if (neg) digits++;
  size_t nd = strlen(digits);
  char *start = digits;
  if (prefix) {
    *--start = base == 16 ? 'x' : base == 8 ? 'o' : base == 2 ? 'b' : '?';
    *--start = '0';
  }
  if (neg) *--start = '-';
  Value r = str_new(start, (size_t)(digits + nd - start));
  free(p);
  return r;
}

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int digit_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

static Value invalid_literal(const char *s, size_t len, int base) {
  Value str = str_from_utf8(s, len, "replace");
  if (str == VAL_NULL) return VAL_NULL;
  return err_set(&Exc_ValueError, "invalid literal for int() with base %d: %R", base, str);
}

static Value parse_ascii_int(const char *s, size_t len, int base, const char *orig, size_t orig_len);

Value int_from_string(const char *s, size_t len, int base) {
  if (base != 0 && (base < 2 || base > 36))
    return err_set(&Exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)s[i] >= 0x80) { /* Unicode digits or spaces */
      size_t n;
      char *a = numfmt_to_ascii(s, len, &n);
      Value r = parse_ascii_int(a, n, base, s, len);
      free(a);
      return r;
    }
  return parse_ascii_int(s, len, base, s, len);
}

/* Parses ASCII text; errors quote the original text orig. */
static Value parse_ascii_int(const char *s, size_t len, int base, const char *orig, size_t orig_len) {
  const char *p = s, *end = s + len;
  int orig_base = base;
  while (p < end && is_space((unsigned char)*p)) p++;
  while (end > p && is_space((unsigned char)end[-1])) end--;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
  bool had_prefix = false;
  if (p + 1 < end && p[0] == '0') {
    char c = (char)(p[1] | 0x20);
    int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      base = pb;
      p += 2;
      had_prefix = true;
    }
  }
  if (base == 0) {
    /* "010" is not allowed in base 0, but "000" is */
    if (p < end && *p == '0') {
      const char *q = p;
      while (q < end && (*q == '0' || *q == '_')) q++;
      if (q != end) return invalid_literal(orig, orig_len, 0);
    }
    base = 10;
  }
  /* Collect digits, validating underscores: only single ones between
   * digits (or right after a base prefix). */
  size_t n = (size_t)(end - p);
  if (n == 0) return invalid_literal(orig, orig_len, orig_base);
  char *buf = malloc(n + 1);
  size_t nd = 0;
  bool prev_us = had_prefix ? false : true; /* a leading '_' is invalid unless after a prefix */
  bool ok = true;
  if (had_prefix && p < end && *p == '_') {
    p++;
    prev_us = true;
    if (p == end) ok = false;
  } else if (!had_prefix) {
    prev_us = false;
    if (p < end && *p == '_') ok = false;
  }
  for (; ok && p < end; p++) {
    if (*p == '_') {
      if (prev_us) ok = false;
      prev_us = true;
      continue;
    }
    int d = digit_value((unsigned char)*p);
    if (d >= base) {
      ok = false;
      break;
    }
    buf[nd++] = *p;
    prev_us = false;
  }
  if (prev_us) ok = false;
  if (!ok || nd == 0) {
    free(buf);
    return invalid_literal(orig, orig_len, orig_base);
  }
  buf[nd] = 0;
  bool pow2 = (base & (base - 1)) == 0;
  if (!pow2 && max_str_digits > 0 && nd > (size_t)max_str_digits) {
    free(buf);
    return limit_error_from_str(nd);
  }
  if (nd < 18 && base == 10) {
    int64_t acc = 0;
    for (size_t i = 0; i < nd; i++) acc = acc * 10 + (buf[i] - '0');
    free(buf);
    return int_from_i64(neg ? -acc : acc);
  }
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, buf, base);
  free(buf);
  if (neg) mpz_neg(z, z);
  return take_mpz(z);
}

/* ---- hash and comparison -------------------------------------------- */

Hash int_hash(Value v) {
  intptr_t s;
  uint64_t h;
  bool neg;
  if (small_of(v, &s)) {
    neg = s < 0;
    uint64_t a = neg ? (uint64_t)0 - (uint64_t)s : (uint64_t)s;
    h = a % HASH_MODULUS;
  } else {
    const __mpz_struct *z = AS(IntObject, v)->z;
    neg = mpz_sgn(z) < 0;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    h = mpz_fdiv_ui(a, (unsigned long)HASH_MODULUS);
    mpz_clear(a);
  }
  Hash r = neg ? -(Hash)h : (Hash)h;
  return r == -1 ? -2 : r;
}

int int_compare(Value a, Value b) {
  intptr_t x, y;
  if (small_of(a, &x) && small_of(b, &y)) return (x > y) - (x < y);
  mpz_t ta, tb;
  const __mpz_struct *za = view(a, ta), *zb = view(b, tb);
  int c = mpz_cmp(za, zb);
  view_done(ta);
  view_done(tb);
  return (c > 0) - (c < 0);
}

static bool cmp_result(int c, CmpOp op) {
  switch (op) {
  case CMP_LT: return c < 0;
  case CMP_LE: return c <= 0;
  case CMP_EQ: return c == 0;
  case CMP_NE: return c != 0;
  case CMP_GT: return c > 0;
  case CMP_GE: return c >= 0;
  }
  return false;
}

static Value int_richcompare(Value a, Value b, CmpOp op) {
  if (!is_intlike(a) || !is_intlike(b)) return VAL_NOTIMPL;
  return val_bool(cmp_result(int_compare(a, b), op));
}

/* ---- arithmetic ------------------------------------------------------- */

/* Correctly rounded a / b for ints (CPython's long_true_divide contract). */
static Value true_divide(Value a, Value b) {
  intptr_t x, y;
  const int64_t lim = (int64_t)1 << 53;
  if (small_of(a, &x) && small_of(b, &y)) {
    if (y == 0) return err_set(&Exc_ZeroDivisionError, "division by zero");
    if (x >= -lim && x <= lim && y >= -lim && y <= lim) return float_new((double)x / (double)y);
  }
  mpz_t ta, tb;
  const __mpz_struct *za = view(a, ta), *zb = view(b, tb);
  if (mpz_sgn(zb) == 0) {
    view_done(ta);
    view_done(tb);
    return err_set(&Exc_ZeroDivisionError, "division by zero");
  }
  bool neg = (mpz_sgn(za) < 0) != (mpz_sgn(zb) < 0);
  mpz_t n, d, q, r;
  mpz_inits(n, d, q, r, NULL);
  mpz_abs(n, za);
  mpz_abs(d, zb);
  view_done(ta);
  view_done(tb);
  Value result;
  if (mpz_sgn(n) == 0) {
    result = float_new(neg ? -0.0 : 0.0);
    goto done;
  }
  long na = (long)mpz_sizeinbase(n, 2), nb = (long)mpz_sizeinbase(d, 2);
  long diff = na - nb;
  if (diff > DBL_MAX_EXP + 1) {
    result = err_set(&Exc_OverflowError, "integer division result too large for a float");
    goto done;
  }
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 2) { /* far below the smallest subnormal */
    result = float_new(neg ? -0.0 : 0.0);
    goto done;
  }
  /* Scale so the quotient keeps 55+ bits, but never more bits than the
   * result can hold (subnormals): the LSB of q then sits two bits below
   * the last representable bit, and the one rounding left is exact. */
  long shift = 55 - diff;
  if (shift > 1076) shift = 1076;
  if (shift >= 0)
    mpz_mul_2exp(n, n, (mp_bitcnt_t)shift);
  else
    mpz_mul_2exp(d, d, (mp_bitcnt_t)-shift);
  mpz_tdiv_qr(q, r, n, d);
  uint64_t u = mpz_get_ui(q);
  if (mpz_sgn(r) != 0) u |= 1;
  double res;
  if (shift > 1074) {
    /* subnormal: round the scaled quotient ourselves (half to even) */
    int drop = (int)(shift - 1074);
    uint64_t keep = u >> drop, rem = u & (((uint64_t)1 << drop) - 1), half = (uint64_t)1 << (drop - 1);
    if (rem > half || (rem == half && (keep & 1))) keep++;
    res = ldexp((double)keep, -1074);
  } else {
    res = ldexp((double)u, (int)-shift);
  }
  if (isinf(res)) {
    result = err_set(&Exc_OverflowError, "integer division result too large for a float");
    goto done;
  }
  result = float_new(neg ? -res : res);
done:
  mpz_clears(n, d, q, r, NULL);
  return result;
}

static Value float_pow_of_ints(Value a, Value b) {
  double x = int_to_double(a);
  if (x == -1.0 && err_occurred()) return VAL_NULL;
  double y = int_to_double(b);
  if (y == -1.0 && err_occurred()) return VAL_NULL;
  if (x == 0.0 && y < 0) return err_set(&Exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
  return float_new(pow(x, y));
}

static Value int_power(Value a, Value b) {
  if (int_sign(b) < 0) return float_pow_of_ints(a, b);
  intptr_t x, y;
  if (small_of(a, &x) && small_of(b, &y)) {
    /* repeated squaring while it stays in range */
    int64_t result = 1, base = x;
    int64_t e = y;
    bool ok = true;
    while (e > 0) {
      if (e & 1) {
        if (__builtin_mul_overflow(result, base, &result)) {
          ok = false;
          break;
        }
      }
      e >>= 1;
      if (e > 0 && __builtin_mul_overflow(base, base, &base)) {
        ok = false;
        break;
      }
    }
    if (ok) return int_from_i64(result);
  }
  mpz_t ta, z;
  const __mpz_struct *za = view(a, ta);
  int64_t e;
  if (!int_to_i64(b, &e)) {
    /* Huge exponents only make sense for 0, 1 and -1. */
    err_clear();
    if (mpz_cmp_si(za, 0) == 0 || mpz_cmp_si(za, 1) == 0) {
      Value r = int_from_mpz(za);
      view_done(ta);
      return r;
    }
    if (mpz_cmp_si(za, -1) == 0) {
      view_done(ta);
      Value m = val_from_int(1);
      return val_int(int_binop(b, val_from_int(2), BINOP_MOD)) ? val_from_int(-1) : m;
    }
    view_done(ta);
    return err_no_memory();
  }
  /* GMP aborts when it cannot allocate: refuse results that cannot fit */
  if ((double)e * (double)mpz_sizeinbase(za, 2) > INT_MAX_BITS && mpz_cmpabs_ui(za, 1) > 0) {
    view_done(ta);
    return err_no_memory();
  }
  mpz_init(z);
  mpz_pow_ui(z, za, (unsigned long)e);
  view_done(ta);
  return take_mpz(z);
}

Value int_pow_mod(Value base, Value exp, Value mod) {
  if (!is_intlike(base) || !is_intlike(exp) || !is_intlike(mod))
    return err_set(&Exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  if (int_sign(mod) == 0) return err_set(&Exc_ValueError, "pow() 3rd argument cannot be 0");
  mpz_t tb, te, tm, r, b2, m;
  const __mpz_struct *zb = view(base, tb), *ze = view(exp, te), *zm = view(mod, tm);
  mpz_inits(r, b2, m, NULL);
  mpz_abs(m, zm);
  mpz_mod(b2, zb, m);
  Value result = VAL_NULL;
  if (mpz_sgn(ze) < 0) {
    if (!mpz_invert(b2, b2, m)) {
      result = err_set(&Exc_ValueError, "base is not invertible for the given modulus");
      goto done;
    }
    mpz_t ne;
    mpz_init(ne);
    mpz_neg(ne, ze);
    mpz_powm(r, b2, ne, m);
    mpz_clear(ne);
  } else {
    mpz_powm(r, b2, ze, m);
  }
  /* result takes the sign of the modulus (Python's % rules) */
  if (mpz_sgn(zm) < 0 && mpz_sgn(r) != 0) mpz_add(r, r, zm);
  result = int_from_mpz(r);
done:
  view_done(tb);
  view_done(te);
  view_done(tm);
  mpz_clears(r, b2, m, NULL);
  return result;
}

static Value big_binop(Value a, Value b, BinOp op) {
  mpz_t ta, tb, r;
  const __mpz_struct *za = view(a, ta), *zb = view(b, tb);
  mpz_init(r);
  Value result = VAL_NULL;
  switch (op) {
  case BINOP_ADD: mpz_add(r, za, zb); break;
  case BINOP_SUB: mpz_sub(r, za, zb); break;
  case BINOP_MUL: mpz_mul(r, za, zb); break;
  case BINOP_FLOORDIV:
    if (mpz_sgn(zb) == 0) {
      err_set(&Exc_ZeroDivisionError, "integer division or modulo by zero");
      goto fail;
    }
    mpz_fdiv_q(r, za, zb);
    break;
  case BINOP_MOD:
    if (mpz_sgn(zb) == 0) {
      err_set(&Exc_ZeroDivisionError, "integer modulo by zero");
      goto fail;
    }
    mpz_fdiv_r(r, za, zb);
    break;
  case BINOP_LSHIFT: {
    if (mpz_sgn(zb) < 0) {
      err_set(&Exc_ValueError, "negative shift count");
      goto fail;
    }
    if (mpz_sgn(za) == 0) break;
    if (!mpz_fits_slong_p(zb)) {
      err_set(&Exc_OverflowError, "too many digits in integer");
      goto fail;
    }
    if ((double)mpz_get_si(zb) + (double)mpz_sizeinbase(za, 2) > INT_MAX_BITS) {
      err_no_memory();
      goto fail;
    }
    mpz_mul_2exp(r, za, (mp_bitcnt_t)mpz_get_si(zb));
    break;
  }
  case BINOP_RSHIFT:
    if (mpz_sgn(zb) < 0) {
      err_set(&Exc_ValueError, "negative shift count");
      goto fail;
    }
    if (!mpz_fits_ulong_p(zb))
      mpz_set_si(r, mpz_sgn(za) < 0 ? -1 : 0);
    else
      mpz_fdiv_q_2exp(r, za, mpz_get_ui(zb));
    break;
  case BINOP_AND: mpz_and(r, za, zb); break;
  case BINOP_OR: mpz_ior(r, za, zb); break;
  case BINOP_XOR: mpz_xor(r, za, zb); break;
  default: break;
  }
  result = int_from_mpz(r);
fail:
  mpz_clear(r);
  view_done(ta);
  view_done(tb);
  return result;
}

Value int_binop(Value a, Value b, BinOp op) {
  if (!is_intlike(a) || !is_intlike(b)) return VAL_NOTIMPL;
  intptr_t x, y, r;
  if (small_of(a, &x) && small_of(b, &y)) {
    switch (op) {
    case BINOP_ADD: return int_from_i64((int64_t)x + y); /* 62-bit operands: cannot overflow */
    case BINOP_SUB: return int_from_i64((int64_t)x - y);
    case BINOP_MUL:
      if (!__builtin_mul_overflow(x, y, &r)) return int_from_i64(r);
      break;
    case BINOP_FLOORDIV:
      if (y == 0) return err_set(&Exc_ZeroDivisionError, "integer division or modulo by zero");
      r = x / y; /* x/y cannot overflow: |x| <= 2**61 */
      if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
      return int_from_i64(r);
    case BINOP_MOD:
      if (y == 0) return err_set(&Exc_ZeroDivisionError, "integer modulo by zero");
      r = x % y;
      if (r != 0 && ((r < 0) != (y < 0))) r += y;
      return val_from_int(r);
    case BINOP_TRUEDIV: return true_divide(a, b);
    case BINOP_POW: return int_power(a, b);
    case BINOP_LSHIFT:
      if (y < 0) return err_set(&Exc_ValueError, "negative shift count");
      if (x == 0) return val_from_int(0);
      if (y < 62) {
        intptr_t s = (intptr_t)((uintptr_t)x << y); /* check below that the shift lost nothing */
        if ((s >> y) == x && smallint_fits(s)) return val_from_int(s);
      }
      break;
    case BINOP_RSHIFT:
      if (y < 0) return err_set(&Exc_ValueError, "negative shift count");
      return val_from_int(x >> (y > 63 ? 63 : y));
    case BINOP_AND: return val_from_int(x & y);
    case BINOP_OR: return val_from_int(x | y);
    case BINOP_XOR: return val_from_int(x ^ y);
    default: return VAL_NOTIMPL;
    }
  }
  switch (op) {
  case BINOP_TRUEDIV: return true_divide(a, b);
  case BINOP_POW: return int_power(a, b);
  case BINOP_MATMUL: return VAL_NOTIMPL;
  default: return big_binop(a, b, op);
  }
}

#define X(e, f, sym, d, r, i) \
  static Value int_##f(Value a, Value b) { return int_binop(a, b, BINOP_##e); }
X(ADD, add, , , , ) X(SUB, sub, , , , ) X(MUL, mul, , , , ) X(TRUEDIV, truediv, , , , )
X(FLOORDIV, floordiv, , , , ) X(MOD, mod, , , , ) X(POW, pow, , , , ) X(LSHIFT, lshift, , , , )
X(RSHIFT, rshift, , , , ) X(AND, and_, , , , ) X(OR, or_, , , , ) X(XOR, xor_, , , , )
#undef X

static Value int_neg(Value a) {
  intptr_t x;
  if (small_of(a, &x)) return int_from_i64(-(int64_t)x);
  mpz_t r;
  mpz_init(r);
  mpz_neg(r, AS(IntObject, a)->z);
  return take_mpz(r);
}

/* The exact int value (drops bool-ness / subclass). */
static Value int_exact(Value a) {
  intptr_t x;
  if (small_of(a, &x)) return val_from_int(x);
  if (a->type == &IntType) return a;
  return int_from_mpz(AS(IntObject, a)->z);
}

static Value int_pos(Value a) { return int_exact(a); }

static Value int_abs(Value a) { return int_sign(a) < 0 ? int_neg(a) : int_exact(a); }

static Value int_invert(Value a) {
  intptr_t x;
  if (small_of(a, &x)) return val_from_int(~x);
  mpz_t r;
  mpz_init(r);
  mpz_com(r, AS(IntObject, a)->z);
  return take_mpz(r);
}

static int int_truthy(Value a) { return int_sign(a) != 0; }

static Value int_to_float_slot(Value a) {
  double d = int_to_double(a);
  if (d == -1.0 && err_occurred()) return VAL_NULL;
  return float_new(d);
}

static Value int_repr_slot(Value v) { return int_repr(v); }

/* ---- construction ----------------------------------------------------- */

/* int(x) for a non-str x without a base. */
static Value int_from_object(Value x) {
  /* exact ints and bools directly; subclasses through __int__, which they may override */
  if (val_is_int(x) || x->type == &IntType || x->type == &BoolType) return int_exact(x);
  if (val_is_float(x)) return int_from_double(float_value(x));
  if (val_is_str(x)) return int_from_string(str_cstr(x), (size_t)str_len_bytes(x), 10);
  const char *data;
  size_t len;
  if (val_is_obj(x) && (val_is_bytes(x) || x->type == &ByteArrayType) && bytes_buffer(x, &data, &len))
    return int_from_string(data, len, 10);
  TypeObject *t = val_type(x);
  if (t->to_int) {
    Value r = t->to_int(x);
    if (r == VAL_NULL) return VAL_NULL;
    if (!is_intlike(r))
      return err_set(&Exc_TypeError, "__int__ returned non-int (type %T)", r);
    return int_exact(r);
  }
  if (t->to_index) {
    Value r = t->to_index(x);
    if (r == VAL_NULL) return VAL_NULL;
    if (!is_intlike(r))
      return err_set(&Exc_TypeError, "__index__ returned non-int (type %T)", r);
    return int_exact(r);
  }
  Value trunc = type_lookup(t, NAME(__trunc__));
  if (trunc != VAL_NULL) {
    Value r = obj_call_method(x, NAME(__trunc__), NULL, 0);
    if (r == VAL_NULL) return VAL_NULL;
    if (!is_intlike(r)) return obj_index(r);
    return int_exact(r);
  }
  return err_set(&Exc_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, not '%T'", x);
}

static ArgSpec int_new_spec = ARGSPEC("int(x=0, /, base=10)");

static Value int_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  Value a[2];
  /* CPython words a keyword other than base its own way */
  for (ssize_t i = 0; kwnames && i < TUPLE_LEN(kwnames); i++)
    if (strcmp(str_cstr(TUPLE_ITEMS(kwnames)[i]), "base") != 0)
      return err_set(&Exc_TypeError, "%R is an invalid keyword argument for int()", TUPLE_ITEMS(kwnames)[i]);
  if (!args_bind(&int_new_spec, args, nargs, kwnames, a)) return VAL_NULL;
  Value x = a[0], basev = a[1], r;
  if (x == VAL_NULL) {
    if (basev != VAL_NULL) return err_set(&Exc_TypeError, "int() missing string argument");
    r = val_from_int(0);
  } else if (basev == VAL_NULL) {
    r = int_from_object(x);
  } else {
    Value bi = obj_index(basev);
    if (bi == VAL_NULL) return VAL_NULL;
    int64_t base;
    if (!int_to_i64(bi, &base) || (base != 0 && (base < 2 || base > 36))) {
      err_clear();
      return err_set(&Exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    const char *data;
    size_t len;
    if (val_is_str(x))
      r = int_from_string(str_cstr(x), (size_t)str_len_bytes(x), (int)base);
    else if (val_is_obj(x) && (val_is_bytes(x) || x->type == &ByteArrayType) && bytes_buffer(x, &data, &len))
      r = int_from_string(data, len, (int)base);
    else
      return err_set(&Exc_TypeError, "int() can't convert non-string with explicit base");
  }
  if (r == VAL_NULL || type == &IntType) return r;
  /* A subclass instance: always boxed. */
  mpz_t z;
  mpz_init(z);
  int_to_mpz(r, z);
  Value obj = box_mpz(type, z);
  mpz_clear(z);
  return obj;
}

/* ---- methods ------------------------------------------------------------ */

static Value m_bit_length(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("int.bit_length", kw) || !args_count("int.bit_length", nargs, 0, 0)) return VAL_NULL;
  intptr_t x;
  if (small_of(self, &x)) {
    uint64_t a = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    return val_from_int(a ? 64 - __builtin_clzll(a) : 0);
  }
  const __mpz_struct *z = AS(IntObject, self)->z;
  return int_from_u64(mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0);
}

static Value m_bit_count(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("int.bit_count", kw) || !args_count("int.bit_count", nargs, 0, 0)) return VAL_NULL;
  mpz_t t, a;
  mpz_init(a);
  mpz_abs(a, view(self, t));
  view_done(t);
  Value r = int_from_u64(mpz_popcount(a));
  mpz_clear(a);
  return r;
}

static Value m_conjugate(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("int.conjugate", kw) || !args_count("int.conjugate", nargs, 0, 0)) return VAL_NULL;
  return int_exact(self);
}

static Value m_index(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__index__", nargs, 0, 0)) return VAL_NULL;
  return int_exact(self);
}

static Value m_float(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__float__", nargs, 0, 0)) return VAL_NULL;
  return int_to_float_slot(self);
}

static Value m_round(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("__round__", kw) || !args_count("__round__", nargs, 0, 1)) return VAL_NULL;
  if (nargs == 0 || args[0] == VAL_NONE) return int_exact(self);
  Value nd = obj_index(args[0]);
  if (nd == VAL_NULL) return VAL_NULL;
  if (int_sign(nd) >= 0) return int_exact(self);
  /* round half to even to a multiple of 10**-ndigits */
  Value negnd = int_neg(nd);
  int64_t k;
  if (!int_to_i64(negnd, &k)) return VAL_NULL;
  mpz_t t, p, q, r, x;
  const __mpz_struct *z = view(self, t);
  mpz_inits(p, q, r, x, NULL);
  mpz_ui_pow_ui(p, 10, (unsigned long)k);
  mpz_fdiv_qr(q, r, z, p);
  /* compare 2r with p */
  mpz_mul_2exp(x, r, 1);
  int c = mpz_cmp(x, p);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, p);
  view_done(t);
  Value res = int_from_mpz(q);
  mpz_clears(p, q, r, x, NULL);
  return res;
}

static Value m_format(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("__format__", kw) || !args_count("__format__", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0]))
    return err_set(&Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
  return int_format(self, args[0]);
}

static Value m_getnewargs(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value v = int_exact(self);
  return tuple_from_array(&v, 1);
}

static Value m_as_integer_ratio(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("int.as_integer_ratio", nargs, 0, 0)) return VAL_NULL;
  return tuple_pack(2, int_exact(self), val_from_int(1));
}

static Value m_divmod(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__divmod__", nargs, 1, 1)) return VAL_NULL;
  if (!is_intlike(args[0])) return VAL_NOTIMPL;
  Value q = int_binop(self, args[0], BINOP_FLOORDIV);
  if (q == VAL_NULL) return VAL_NULL;
  Value r = int_binop(self, args[0], BINOP_MOD);
  if (r == VAL_NULL) return VAL_NULL;
  return tuple_pack(2, q, r);
}

static Value m_rdivmod(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__rdivmod__", nargs, 1, 1)) return VAL_NULL;
  if (!is_intlike(args[0])) return VAL_NOTIMPL;
  Value swapped[1] = {self};
  return m_divmod(args[0], swapped, 1, NULL);
}

static Value m_pow(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__pow__", nargs, 1, 2)) return VAL_NULL;
  if (nargs == 2 && args[1] != VAL_NONE) {
    if (!is_intlike(args[0]) || !is_intlike(args[1])) return VAL_NOTIMPL;
    return int_pow_mod(self, args[0], args[1]);
  }
  return int_binop(self, args[0], BINOP_POW);
}

static int byteorder_of(Value v, bool *little) {
  if (!val_is_str(v))
    return ERR_INT(err_set(&Exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %T", v));
  if (strcmp(str_cstr(v), "little") == 0)
    *little = true;
  else if (strcmp(str_cstr(v), "big") == 0)
    *little = false;
  else
    return ERR_INT(err_set(&Exc_ValueError, "byteorder must be either 'little' or 'big'"));
  return 0;
}

static ArgSpec to_bytes_spec = ARGSPEC("to_bytes(length=1, byteorder='big', *, signed=False)");

static Value m_to_bytes(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[3];
  if (!args_bind(&to_bytes_spec, args, nargs, kw, a)) return VAL_NULL;
  int64_t length = 1;
  if (a[0] != VAL_NULL) {
    Value li = obj_index(a[0]);
    if (li == VAL_NULL || !int_to_i64(li, &length)) return VAL_NULL;
    if (length < 0) return err_set(&Exc_ValueError, "length argument must be non-negative");
  }
  bool little = false;
  if (a[1] != VAL_NULL && byteorder_of(a[1], &little) < 0) return VAL_NULL;
  bool is_signed = false;
  if (a[2] != VAL_NULL) {
    int t = obj_truthy(a[2]);
    if (t < 0) return VAL_NULL;
    is_signed = t;
  }
  mpz_t tz, v;
  const __mpz_struct *z = view(self, tz);
  mpz_init_set(v, z);
  view_done(tz);
  Value result = VAL_NULL;
  if (mpz_sgn(v) < 0 && !is_signed) {
    err_set(&Exc_OverflowError, "can't convert negative int to unsigned");
    goto out;
  }
  /* range check: unsigned < 256**len; signed in [-2**(8len-1), 2**(8len-1)) */
  mpz_t lim;
  mpz_init(lim);
  mpz_setbit(lim, (mp_bitcnt_t)(8 * length - (is_signed ? 1 : 0)) * (length > 0));
  if (length == 0) mpz_set_ui(lim, is_signed ? 0 : 1);
  bool fits;
  if (mpz_sgn(v) >= 0)
    fits = length == 0 ? mpz_sgn(v) == 0 : mpz_cmp(v, lim) < 0;
  else {
    mpz_neg(lim, lim);
    /* CPython lets -1 through as b'' when length is 0 */
    fits = length > 0 ? mpz_cmp(v, lim) >= 0 : mpz_cmp_si(v, -1) == 0;
  }
  mpz_clear(lim);
  if (!fits) {
    err_set(&Exc_OverflowError, "int too big to convert");
    goto out;
  }
  if (mpz_sgn(v) < 0) { /* two's complement: add 256**len */
    mpz_t m;
    mpz_init(m);
    mpz_setbit(m, (mp_bitcnt_t)(8 * length));
    mpz_add(v, v, m);
    mpz_clear(m);
  }
  {
    unsigned char *buf = calloc((size_t)length + 1, 1);
    size_t count = 0;
    if (mpz_sgn(v) != 0) {
      size_t nb = (mpz_sizeinbase(v, 2) + 7) / 8;
      mpz_export(buf + (length - (int64_t)nb), &count, 1, 1, 1, 0, v);
    }
    if (little)
      for (int64_t i = 0; i < length / 2; i++) {
        unsigned char c = buf[i];
        buf[i] = buf[length - 1 - i];
        buf[length - 1 - i] = c;
      }
    result = bytes_new((const char *)buf, (size_t)length);
    free(buf);
  }
out:
  mpz_clear(v);
  return result;
}

static ArgSpec from_bytes_spec = ARGSPEC("from_bytes(bytes, byteorder='big', *, signed=False)");

static Value m_from_bytes(Value cls, Value *args, size_t nargs, TupleObject *kw) {
  Value a[3];
  if (!args_bind(&from_bytes_spec, args, nargs, kw, a)) return VAL_NULL;
  bool little = false;
  if (a[1] != VAL_NULL && byteorder_of(a[1], &little) < 0) return VAL_NULL;
  bool is_signed = false;
  if (a[2] != VAL_NULL) {
    int t = obj_truthy(a[2]);
    if (t < 0) return VAL_NULL;
    is_signed = t;
  }
  const char *data;
  size_t len;
  Value src = a[0];
  if (!(val_is_obj(src) && (val_is_bytes(src) || src->type == &ByteArrayType))) {
    /* any iterable of ints in range(256); bytes(x) refuses str and int */
    if (val_is_str(src) || val_is_intlike(src))
      return err_set(&Exc_TypeError, "cannot convert '%T' object to bytes", src);
    Value lst = list_from_iterable(src);
    if (lst == VAL_NULL) {
      if (err_matches(&Exc_TypeError) && !val_type(src)->iter) {
        err_clear();
        err_set(&Exc_TypeError, "cannot convert '%T' object to bytes", src);
      }
      return VAL_NULL;
    }
    size_t n = (size_t)LIST_LEN(lst);
    char *tmp = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
      int64_t b;
      Value it = obj_index(LIST_ITEMS(lst)[i]);
      if (it == VAL_NULL || !int_to_i64(it, &b)) {
        free(tmp);
        return VAL_NULL;
      }
      if (b < 0 || b > 255) {
        free(tmp);
        return err_set(&Exc_ValueError, "bytes must be in range(0, 256)");
      }
      tmp[i] = (char)b;
    }
    src = bytes_new(tmp, n);
    free(tmp);
  }
  if (!bytes_buffer(src, &data, &len)) return VAL_NULL;
  mpz_t z;
  mpz_init(z);
  if (len) mpz_import(z, len, little ? -1 : 1, 1, 1, 0, data);
  if (is_signed && len) {
    unsigned char top = (unsigned char)(little ? data[len - 1] : data[0]);
    if (top & 0x80) {
      mpz_t m;
      mpz_init(m);
      mpz_setbit(m, (mp_bitcnt_t)(8 * len));
      mpz_sub(z, z, m);
      mpz_clear(m);
    }
  }
  Value r = take_mpz(z);
  if (cls != (Value)&IntType && r != VAL_NULL) return obj_call1(cls, r);
  return r;
}

static Value g_self(Value self) { return int_exact(self); }
static Value g_zero(Value self) { return val_from_int(0); }
static Value g_one(Value self) { return val_from_int(1); }

static const NativeDef int_methods[] = {
    {"bit_length", m_bit_length, NATIVE_METHOD},
    {"bit_count", m_bit_count, NATIVE_METHOD},
    {"conjugate", m_conjugate, NATIVE_METHOD},
    {"to_bytes", m_to_bytes, NATIVE_METHOD},
    {"from_bytes", m_from_bytes, NATIVE_CLASSMETHOD},
    {"as_integer_ratio", m_as_integer_ratio, NATIVE_METHOD},
    {"__index__", m_index, NATIVE_METHOD},
    {"__int__", m_index, NATIVE_METHOD},
    {"__float__", m_float, NATIVE_METHOD},
    {"__trunc__", m_index, NATIVE_METHOD},
    {"__floor__", m_index, NATIVE_METHOD},
    {"__ceil__", m_index, NATIVE_METHOD},
    {"__round__", m_round, NATIVE_METHOD},
    {"__format__", m_format, NATIVE_METHOD},
    {"__getnewargs__", m_getnewargs, NATIVE_METHOD},
    {"__divmod__", m_divmod, NATIVE_METHOD},
    {"__rdivmod__", m_rdivmod, NATIVE_METHOD},
    {"__pow__", m_pow, NATIVE_METHOD},
    {NULL}};

static const GetSetDef int_getsets[] = {
    {"real", g_self, NULL},
    {"imag", g_zero, NULL},
    {"numerator", g_self, NULL},
    {"denominator", g_one, NULL},
    {NULL}};

Value int_format(Value v, Value spec) { return numfmt_format_int(v, spec); }

TypeObject IntType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "int",
    .instance_size = sizeof(IntObject),
    .flags = TP_BASETYPE | TP_INT_SUBCLASS,
    .tp_new = int_tp_new,
    .finalize = int_finalize,
    .repr = int_repr_slot,
    .hash = int_hash,
    .richcompare = int_richcompare,
    .truthy = int_truthy,
    .binop = {[BINOP_ADD] = int_add, [BINOP_SUB] = int_sub, [BINOP_MUL] = int_mul,
              [BINOP_TRUEDIV] = int_truediv, [BINOP_FLOORDIV] = int_floordiv, [BINOP_MOD] = int_mod,
              [BINOP_POW] = int_pow, [BINOP_LSHIFT] = int_lshift, [BINOP_RSHIFT] = int_rshift,
              [BINOP_AND] = int_and_, [BINOP_OR] = int_or_, [BINOP_XOR] = int_xor_},
    .neg = int_neg,
    .pos = int_pos,
    .abs = int_abs,
    .invert = int_invert,
    .to_int = int_pos,
    .to_float = int_to_float_slot,
    .to_index = int_pos,
    .methods = int_methods,
    .getsets = int_getsets,
};

void num_init(void) {
  type_ready(&IntType);
  type_ready(&BoolType);
  type_ready(&FloatType);
  type_ready(&ComplexType);
}
