/* complex.c — the complex type: a pair of doubles, immutable.
 *
 * Arithmetic follows CPython's Objects/complexobject.c so results agree
 * bit for bit: Smith's algorithm for division, repeated squaring for small
 * integral exponents and the polar form otherwise, the hash
 * hash(real) + 1000003 * hash(imag).  repr prints each part in repr style
 * without a forced ".0" ("1j", "(1+2.5j)").  Operands may be ints, floats
 * or complexes; ordering comparisons are left to ops.c (NotImplemented).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/numfmt.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

typedef struct {
  double re, im;
} Cx;

Value complex_new(double real, double imag) {
  ComplexObject *c = (ComplexObject *)gc_alloc(&ComplexType, sizeof(ComplexObject));
  c->real = real;
  c->imag = imag;
  return (Value)c;
}

static Value from_cx(Cx c) { return complex_new(c.re, c.im); }

static bool is_complexlike(Value v) { return val_is_obj(v) && type_is_subtype(v->type, &ComplexType); }

/* The value of v as a complex: 1 on success, 0 when v is not a number
 * (NotImplemented), -1 on error (huge int). */
static int to_cx(Value v, Cx *out) {
  if (is_complexlike(v)) {
    out->re = AS(ComplexObject, v)->real;
    out->im = AS(ComplexObject, v)->imag;
    return 1;
  }
  if (val_is_obj(v) && type_is_subtype(v->type, &FloatType)) {
    out->re = AS(FloatObject, v)->value;
    out->im = 0.0;
    return 1;
  }
  if (val_is_intlike(v)) {
    out->re = int_to_double(v);
    out->im = 0.0;
    return (out->re == -1.0 && err_occurred()) ? -1 : 1;
  }
  return 0;
}

/* ---- arithmetic kernels ------------------------------------------------- */

static Cx c_sum(Cx a, Cx b) { return (Cx){a.re + b.re, a.im + b.im}; }
static Cx c_diff(Cx a, Cx b) { return (Cx){a.re - b.re, a.im - b.im}; }
static Cx c_prod(Cx a, Cx b) { return (Cx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

/* Smith's method, scaled by the larger component of the divisor so that
 * neither overflow nor underflow happens needlessly. */
static bool c_quot(Cx a, Cx b, Cx *r) {
  double abr = fabs(b.re), abi = fabs(b.im);
  if (abr >= abi) {
    if (abr == 0.0) return false;
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    r->re = (a.re + a.im * ratio) / denom;
    r->im = (a.im - a.re * ratio) / denom;
  } else if (abi >= abr) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    r->re = (a.re * ratio + a.im) / denom;
    r->im = (a.im * ratio - a.re) / denom;
  } else { /* a nan in b */
    r->re = r->im = NAN;
  }
  return true;
}

/* General power through polar form; errno EDOM for 0 ** (negative or complex). */
static Cx c_pow(Cx a, Cx b) {
  Cx r;
  if (b.re == 0.0 && b.im == 0.0) return (Cx){1.0, 0.0};
  if (a.re == 0.0 && a.im == 0.0) {
    if (b.im != 0.0 || b.re < 0.0) errno = EDOM;
    return (Cx){0.0, 0.0};
  }
  double vabs = hypot(a.re, a.im);
  double len = pow(vabs, b.re);
  double at = atan2(a.im, a.re);
  double phase = at * b.re;
  if (b.im != 0.0) {
    len /= exp(at * b.im);
    phase += b.im * log(vabs);
  }
  r.re = len * cos(phase);
  r.im = len * sin(phase);
  return r;
}

/* x ** n for a non-negative integer n by binary powering. */
static Cx c_powu(Cx x, long n) {
  Cx r = {1.0, 0.0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

static Cx c_powi(Cx x, long n) {
  if (n > 0) return c_powu(x, n);
  Cx r;
  if (!c_quot((Cx){1.0, 0.0}, c_powu(x, -n), &r)) errno = EDOM;
  return r;
}

static Value power(Cx a, Cx b) {
  errno = 0;
  Cx r;
  if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0)
    r = c_powi(a, (long)b.re);
  else
    r = c_pow(a, b);
  if (errno == EDOM) return err_set(&Exc_ZeroDivisionError, "0.0 to a negative or complex power");
  if (isinf(r.re) || isinf(r.im)) {
    if (isfinite(a.re) && isfinite(a.im) && isfinite(b.re) && isfinite(b.im))
      return err_set(&Exc_OverflowError, "complex exponentiation");
  }
  return from_cx(r);
}

Value complex_pow_reals(double x, double y) { return power((Cx){x, 0.0}, (Cx){y, 0.0}); }

static Value complex_binop(Value a, Value b, BinOp op) {
  Cx x, y;
  int k = to_cx(a, &x);
  if (k <= 0) return k < 0 ? VAL_NULL : VAL_NOTIMPL;
  k = to_cx(b, &y);
  if (k <= 0) return k < 0 ? VAL_NULL : VAL_NOTIMPL;
  Cx r;
  switch (op) {
  case BINOP_ADD: return from_cx(c_sum(x, y));
  case BINOP_SUB: return from_cx(c_diff(x, y));
  case BINOP_MUL: return from_cx(c_prod(x, y));
  case BINOP_TRUEDIV:
    if (!c_quot(x, y, &r)) return err_set(&Exc_ZeroDivisionError, "complex division by zero");
    return from_cx(r);
  case BINOP_POW: return power(x, y);
  default: return VAL_NOTIMPL;
  }
}

#define X(e, f) \
  static Value complex_##f(Value a, Value b) { return complex_binop(a, b, BINOP_##e); }
X(ADD, add) X(SUB, sub) X(MUL, mul) X(TRUEDIV, truediv) X(POW, pow)
#undef X

#define RE(v) (AS(ComplexObject, v)->real)
#define IM(v) (AS(ComplexObject, v)->imag)

static Value complex_neg(Value a) { return complex_new(-RE(a), -IM(a)); }
static Value complex_pos(Value a) { return a->type == &ComplexType ? a : complex_new(RE(a), IM(a)); }
static Value complex_abs(Value a) {
  double re = RE(a), im = IM(a);
  if (!isfinite(re) || !isfinite(im)) {
    if (isinf(re)) return float_new(fabs(re));
    if (isinf(im)) return float_new(fabs(im));
    return float_new(NAN);
  }
  double r = hypot(re, im);
  if (isinf(r)) return err_set(&Exc_OverflowError, "absolute value too large");
  return float_new(r);
}
static int complex_truthy(Value a) { return RE(a) != 0.0 || IM(a) != 0.0; }

static Hash complex_hash(Value a) {
  uint64_t hr = (uint64_t)float_hash(RE(a)), hi = (uint64_t)float_hash(IM(a));
  Hash h = (Hash)(hr + 1000003u * hi);
  return h == -1 ? -2 : h;
}

static Value complex_richcompare(Value a, Value b, CmpOp op) {
  if (op != CMP_EQ && op != CMP_NE) return VAL_NOTIMPL;
  if (!is_complexlike(a)) {
    Value t = a;
    a = b;
    b = t;
  }
  bool eq;
  if (is_complexlike(b)) {
    eq = RE(a) == RE(b) && IM(a) == IM(b);
  } else if (val_is_intlike(b) || (val_is_obj(b) && type_is_subtype(b->type, &FloatType))) {
    if (IM(a) != 0.0) {
      eq = false;
    } else {
      /* exact: compare the real part as a float against the number */
      Value re = float_new(RE(a));
      Value r = FloatType.richcompare(re, b, CMP_EQ);
      if (r == VAL_NULL) return VAL_NULL;
      eq = r == VAL_TRUE;
    }
  } else {
    return VAL_NOTIMPL;
  }
  return val_bool(op == CMP_EQ ? eq : !eq);
}

/* ---- repr ---------------------------------------------------------------- */

/* repr of one part: float repr without a forced ".0" ("1", "2.5", "1e+16"). */
static size_t part_repr(double d, char *buf) {
  size_t n = float_repr_buf(d, buf);
  if (n >= 2 && buf[n - 2] == '.' && buf[n - 1] == '0') {
    n -= 2;
    buf[n] = 0;
  }
  return n;
}

static Value complex_repr(Value v) {
  char re[40], im[40], out[96];
  double r = RE(v), i = IM(v);
  part_repr(i, im);
  int n;
  if (r == 0.0 && copysign(1.0, r) == 1.0) {
    n = snprintf(out, sizeof out, "%sj", im);
  } else {
    part_repr(r, re);
    bool need_plus = !(im[0] == '-') ;
    n = snprintf(out, sizeof out, "(%s%s%sj)", re, need_plus ? "+" : "", im);
  }
  return str_new(out, (size_t)n);
}

/* ---- construction ------------------------------------------------------------- */

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Reads one real number (digits, '.', exponent, inf/nan) at *p; false if none. */
static bool read_real(const char **p, const char *end, double *out) {
  const char *s = *p;
  char buf[512];
  size_t n = 0;
  if (s < end && (*s == '+' || *s == '-')) buf[n++] = *s++;
  const char *word = s;
  while (s < end && ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') && (*s | 0x20) != 'j') s++;
  if (s > word) { /* inf / infinity / nan */
    size_t wl = (size_t)(s - word);
    char w[16] = {0};
    if (wl >= sizeof w) return false;
    for (size_t i = 0; i < wl; i++) w[i] = (char)(word[i] | 0x20);
    if (strcmp(w, "inf") && strcmp(w, "infinity") && strcmp(w, "nan")) return false;
    double d = w[0] == 'n' ? NAN : INFINITY;
    *out = (n && buf[0] == '-') ? -d : d;
    *p = s;
    return true;
  }
  size_t digits = 0;
  bool prev_digit = false;
  while (s < end && n < sizeof buf - 8) {
    char c = *s;
    if (c >= '0' && c <= '9') {
      buf[n++] = c;
      digits++;
      prev_digit = true;
    } else if (c == '_' && prev_digit && s + 1 < end && s[1] >= '0' && s[1] <= '9') {
      prev_digit = false;
    } else if (c == '.') {
      buf[n++] = c;
      prev_digit = false;
    } else if ((c == 'e' || c == 'E') && digits) {
      buf[n++] = c;
      if (s + 1 < end && (s[1] == '+' || s[1] == '-')) buf[n++] = *++s;
      prev_digit = false;
    } else {
      break;
    }
    s++;
  }
  if (!digits) return false;
  buf[n] = 0;
  char *e;
  *out = strtod(buf, &e);
  if (*e) return false;
  *p = s;
  return true;
}

static bool parse_complex(const char *s, size_t len, Cx *out) {
  const char *p = s, *end = s + len;
  while (p < end && is_space((unsigned char)*p)) p++;
  while (end > p && is_space((unsigned char)end[-1])) end--;
  if (p < end && *p == '(') {
    if (end[-1] != ')') return false;
    p++;
    end--;
    while (p < end && is_space((unsigned char)*p)) p++;
    while (end > p && is_space((unsigned char)end[-1])) end--;
  }
  if (p == end) return false;
  double a, b;
  const char *start = p;
  if (!read_real(&p, end, &a)) {
    /* bare "j", "+j", "-j" */
    double sign = 1.0;
    if (p < end && (*p == '+' || *p == '-')) sign = *p++ == '-' ? -1.0 : 1.0;
    if (p < end && (*p | 0x20) == 'j' && p + 1 == end) {
      *out = (Cx){0.0, sign};
      return true;
    }
    return false;
  }
  (void)start;
  if (p == end) {
    *out = (Cx){a, 0.0};
    return true;
  }
  if ((*p | 0x20) == 'j') {
    if (p + 1 != end) return false;
    *out = (Cx){0.0, a};
    return true;
  }
  if (*p != '+' && *p != '-') return false;
  if (!read_real(&p, end, &b)) {
    double sign = *p == '-' ? -1.0 : 1.0;
    p++;
    if (p < end && (*p | 0x20) == 'j' && p + 1 == end) {
      *out = (Cx){a, sign};
      return true;
    }
    return false;
  }
  if (p < end && (*p | 0x20) == 'j' && p + 1 == end) {
    *out = (Cx){a, b};
    return true;
  }
  return false;
}

static ArgSpec complex_spec = ARGSPEC("complex(real=0, imag=0)");

static Value complex_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  Value a[2];
  if (!args_bind(&complex_spec, args, nargs, kwnames, a)) return VAL_NULL;
  Cx r = {0.0, 0.0}, i = {0.0, 0.0};
  if (a[0] != VAL_NULL) {
    if (val_is_str(a[0])) {
      if (a[1] != VAL_NULL) return err_set(&Exc_TypeError, "complex() can't take second arg if first is a string");
      if (!parse_complex(str_cstr(a[0]), (size_t)str_len_bytes(a[0]), &r)) {
        /* CPython words it differently when an underscore is misplaced
         * (not between two digits) */
        const char *t = str_cstr(a[0]);
        ssize_t tl = str_len_bytes(a[0]);
        for (ssize_t k = 0; k < tl; k++)
          if (t[k] == '_' && (k == 0 || k + 1 == tl || t[k - 1] < '0' || t[k - 1] > '9' || t[k + 1] < '0' || t[k + 1] > '9'))
            return err_set(&Exc_ValueError, "could not convert string to complex: %R", a[0]);
        return err_set(&Exc_ValueError, "complex() arg is a malformed string");
      }
    } else {
      int k = to_cx(a[0], &r);
      if (k < 0) return VAL_NULL;
      if (k == 0) {
        TypeObject *t = val_type(a[0]);
        if (!t->to_float && !t->to_index)
          return err_set(&Exc_TypeError, "complex() first argument must be a string or a number, not '%T'", a[0]);
        r.re = float_as_double(a[0]);
        if (r.re == -1.0 && err_occurred()) return VAL_NULL;
      }
    }
  }
  if (a[1] != VAL_NULL) {
    if (val_is_str(a[1])) return err_set(&Exc_TypeError, "complex() second arg can't be a string");
    int k = to_cx(a[1], &i);
    if (k < 0) return VAL_NULL;
    if (k == 0) {
      TypeObject *t = val_type(a[1]);
      if (!t->to_float && !t->to_index)
        return err_set(&Exc_TypeError, "complex() second argument must be a number, not '%T'", a[1]);
      i.re = float_as_double(a[1]);
      if (i.re == -1.0 && err_occurred()) return VAL_NULL;
    }
  }
  /* (r.re + r.im j) + (i.re + i.im j) j, adding only the parts that
   * exist so that the signs of zeros survive (complex(0.0, -0.0) is -0j) */
  bool r_complex = a[0] != VAL_NULL && (is_complexlike(a[0]) || val_is_str(a[0]));
  double re = r.re, im = i.re;
  if (r_complex) im = a[1] != VAL_NULL ? r.im + i.re : r.im;
  if (a[1] != VAL_NULL && is_complexlike(a[1])) re -= i.im;
  if (type == &ComplexType) return complex_new(re, im);
  size_t size = type->instance_size < sizeof(ComplexObject) ? sizeof(ComplexObject) : type->instance_size;
  ComplexObject *c = (ComplexObject *)gc_alloc(type, size);
  c->real = re;
  c->imag = im;
  return (Value)c;
}

/* ---- methods -------------------------------------------------------------------- */

static Value m_conjugate(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("complex.conjugate", nargs, 0, 0)) return VAL_NULL;
  return complex_new(RE(self), -IM(self));
}

static Value m_getnewargs(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return tuple_pack(2, float_new(RE(self)), float_new(IM(self)));
}

static Value m_complex(Value self, Value *args, size_t nargs, TupleObject *kw) { return complex_pos(self); }

/* '#' keeps a decimal point in repr-style output: "1." and "1.e+16". */
static void alt_point(char *num) {
  if (strchr(num, '.') || strchr(num, 'n') || strchr(num, 'i')) return; /* has one, or nan/inf */
  size_t n = strlen(num);
  char *e = strchr(num, 'e');
  size_t at = e ? (size_t)(e - num) : n;
  memmove(num + at + 1, num + at, n - at + 1);
  num[at] = '.';
}

/* num with the sign the format asks for ('+', ' ') when it is not negative. */
static Value signed_part(const char *num, char sign) {
  char buf[52];
  snprintf(buf, sizeof buf, "%s%s", (num[0] != '-' && (sign == '+' || sign == ' ')) ? (sign == '+' ? "+" : " ") : "", num);
  return str_from_cstr(buf);
}

static Value m_format(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("__format__", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
  if (str_len_bytes(args[0]) == 0) return obj_str(self);
  /* Each part in the requested float format; the width applies to the whole. */
  NumFmtSpec f;
  if (!numfmt_parse(str_cstr(args[0]), (size_t)str_len_bytes(args[0]), "complex", &f)) return VAL_NULL;
  switch (f.type) {
  case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
  default:
    if (f.type > 32 && f.type < 127)
      return err_set(&Exc_ValueError, "Unknown format code '%c' for object of type 'complex'", f.type);
    return err_set(&Exc_ValueError, "Unknown format code '\\x%x' for object of type 'complex'",
                   (unsigned)(unsigned char)f.type);
  }
  if (f.fill[0] == '0' && f.fill[1] == 0)
    return err_set(&Exc_ValueError, "Zero padding is not allowed in complex format specifier");
  if (f.align == '=')
    return err_set(&Exc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
  char part[64];
  int n = 0;
  if (f.sign) part[n++] = f.sign;
  if (f.no_neg_zero) part[n++] = 'z';
  if (f.alt) part[n++] = '#';
  if (f.grouping) part[n++] = f.grouping;
  if (f.precision >= 0) n += snprintf(part + n, sizeof part - (size_t)n, ".%zd", f.precision);
  if (f.type) part[n++] = f.type == 'n' ? 'g' : f.type;
  part[n] = 0;
  bool skip_re = f.type == 0 && RE(self) == 0.0 && copysign(1.0, RE(self)) == 1.0;
  char imspec[72];
  Value im, re = VAL_NULL;
  if (f.type == 0 && f.precision < 0) {
    /* repr style without a forced ".0", as str(complex) */
    char num[48];
    part_repr(f.no_neg_zero && IM(self) == 0.0 ? 0.0 : IM(self), num);
    if (f.alt) alt_point(num);
    im = signed_part(num, skip_re ? f.sign : '+');
    if (!skip_re) {
      part_repr(f.no_neg_zero && RE(self) == 0.0 ? 0.0 : RE(self), num);
      if (f.alt) alt_point(num);
      re = signed_part(num, f.sign);
    }
  } else {
    if (f.type == 0) { /* a precision without a type means 'g' here */
      part[n] = 'g';
      part[n + 1] = 0;
    }
    snprintf(imspec, sizeof imspec, "+%s", part[0] == '+' || part[0] == '-' || part[0] == ' ' ? part + 1 : part);
    im = numfmt_format_float(IM(self), str_from_cstr(skip_re ? part : imspec));
    if (!skip_re) re = numfmt_format_float(RE(self), str_from_cstr(part));
  }
  if (im == VAL_NULL) return VAL_NULL;
  StrBuilder sb;
  sb_init(&sb);
  if (!skip_re) {
    if (re == VAL_NULL) {
      sb_free(&sb);
      return VAL_NULL;
    }
    if (f.type == 0) sb_addc(&sb, '(');
    sb_add_value(&sb, re);
  }
  sb_add_value(&sb, im);
  sb_addc(&sb, 'j');
  if (!skip_re && f.type == 0) sb_addc(&sb, ')');
  Value body = sb_finish(&sb);
  ssize_t w = f.width, len = AS(StrObject, body)->nchars;
  if (w <= len) return body;
  ssize_t pad = w - len, left = 0;
  char align = f.align ? f.align : '>';
  if (align == '>') left = pad;
  if (align == '^') left = pad / 2;
  sb_init(&sb);
  for (ssize_t k = 0; k < left; k++) sb_adds(&sb, f.fill);
  sb_add_value(&sb, body);
  for (ssize_t k = left; k < pad; k++) sb_adds(&sb, f.fill);
  return sb_finish(&sb);
}

static Value g_real(Value self) { return float_new(RE(self)); }
static Value g_imag(Value self) { return float_new(IM(self)); }

static const NativeDef complex_methods[] = {
    {"conjugate", m_conjugate, NATIVE_METHOD},
    {"__complex__", m_complex, NATIVE_METHOD},
    {"__format__", m_format, NATIVE_METHOD},
    {"__getnewargs__", m_getnewargs, NATIVE_METHOD},
    {NULL}};

static const GetSetDef complex_getsets[] = {{"real", g_real, NULL}, {"imag", g_imag, NULL}, {NULL}};

TypeObject ComplexType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "complex",
    .instance_size = sizeof(ComplexObject),
    .flags = TP_BASETYPE,
    .tp_new = complex_tp_new,
    .repr = complex_repr,
    .hash = complex_hash,
    .richcompare = complex_richcompare,
    .truthy = complex_truthy,
    .binop = {[BINOP_ADD] = complex_add, [BINOP_SUB] = complex_sub, [BINOP_MUL] = complex_mul,
              [BINOP_TRUEDIV] = complex_truediv, [BINOP_POW] = complex_pow},
    .neg = complex_neg,
    .pos = complex_pos,
    .abs = complex_abs,
    .methods = complex_methods,
    .getsets = complex_getsets,
};
