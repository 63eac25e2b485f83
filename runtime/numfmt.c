/* numfmt.c — format(x, spec) for int and float, following CPython 3.11's
 * Python/formatter_unicode.c: the same parse order, the same error messages,
 * and the same layout of a number: [sign][prefix][digits with grouping]
 * [remainder: ".fraction", exponent, "%"], padded to the width by fill and
 * alignment.  Zero padding with grouping grows the grouped digits
 * themselves ("00,001,234"), as CPython does.  The 'n' type uses the C
 * locale (no grouping), which is what CPython prints without setlocale().
 */
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/numfmt.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

static bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static size_t utf8_len_at(const char *s, size_t avail) {
  unsigned char c = (unsigned char)s[0];
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return n > avail ? avail : n;
}

/* Reads decimal digits; returns how many were consumed, -1 on overflow. */
static ssize_t get_integer(const char *s, size_t len, size_t *pos, ssize_t *out) {
  ssize_t acc = 0, n = 0;
  while (*pos < len && s[*pos] >= '0' && s[*pos] <= '9') {
    int d = s[*pos] - '0';
    if (acc > (SSIZE_MAX - d) / 10) {
      err_set(&Exc_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + d;
    (*pos)++;
    n++;
  }
  *out = acc;
  return n;
}

static Value bad_separator(char sep, char type) {
  if (type > 32 && type < 127) return err_set(&Exc_ValueError, "Cannot specify '%c' with '%c'.", sep, type);
  return err_set(&Exc_ValueError, "Cannot specify '%c' with '\\x%x'.", sep, (unsigned)(unsigned char)type);
}

bool numfmt_parse(const char *s, size_t len, const char *type_name, NumFmtSpec *f) {
  memset(f, 0, sizeof *f);
  f->fill[0] = ' ';
  f->width = -1;
  f->precision = -1;
  size_t pos = 0;
  bool fill_given = false, align_given = false;
  size_t cl = len ? utf8_len_at(s, len) : 0;
  if (len >= cl + 1 && cl > 0 && is_align(s[cl])) {
    memcpy(f->fill, s, cl);
    f->fill[cl] = 0;
    f->align = s[cl];
    pos = cl + 1;
    fill_given = align_given = true;
  } else if (len >= 1 && is_align(s[0])) {
    f->align = s[0];
    pos = 1;
    align_given = true;
  }
  if (pos < len && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) f->sign = s[pos++];
  if (pos < len && s[pos] == 'z') {
    f->no_neg_zero = true;
    pos++;
  }
  if (pos < len && s[pos] == '#') {
    f->alt = true;
    pos++;
  }
  if (!fill_given && pos < len && s[pos] == '0') {
    f->fill[0] = '0';
    f->fill[1] = 0;
    if (!align_given) f->align = '=';
    pos++;
  }
  ssize_t n = get_integer(s, len, &pos, &f->width);
  if (n < 0) return false;
  if (n == 0) f->width = -1;
  if (pos < len && s[pos] == ',') {
    f->grouping = ',';
    pos++;
  }
  if (pos < len && s[pos] == '_') {
    if (f->grouping) {
      err_set(&Exc_ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
    f->grouping = '_';
    pos++;
  }
  if (pos < len && s[pos] == ',' && f->grouping == '_') {
    err_set(&Exc_ValueError, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (pos < len && s[pos] == '.') {
    pos++;
    n = get_integer(s, len, &pos, &f->precision);
    if (n < 0) return false;
    if (n == 0) {
      err_set(&Exc_ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (len - pos > 1) {
    err_set(&Exc_ValueError, "Invalid format specifier '%s' for object of type '%s'", s, type_name);
    return false;
  }
  if (len - pos == 1) f->type = s[pos];
  if (f->grouping) {
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0: break;
    case 'b': case 'o': case 'x': case 'X':
      if (f->grouping == '_') break;
      /* fall through */
    default: bad_separator(f->grouping, f->type); return false;
    }
  }
  return true;
}

/* Inserts separators every `group` digits from the right, growing the
 * number with leading zeros until it is at least min_width wide (CPython's
 * _PyUnicode_InsertThousandsGrouping). */
static void add_grouped(StrBuilder *sb, const char *digits, ssize_t nd, char sep, ssize_t group,
                        ssize_t min_width) {
  if (!sep) {
    for (ssize_t i = nd; i < min_width; i++) sb_addc(sb, '0');
    sb_add(sb, digits, (size_t)nd);
    return;
  }
  /* Built right to left into a scratch buffer. */
  size_t cap = (size_t)(nd + (min_width > nd ? min_width : nd) + nd / group + 8) * 2;
  char *buf = malloc(cap);
  size_t w = cap;
  ssize_t remaining = nd;
  bool use_sep = false;
  for (;;) {
    ssize_t l = remaining > min_width ? remaining : min_width;
    if (l < 1) l = 1;
    if (l > group) l = group;
    ssize_t nzeros = l - remaining > 0 ? l - remaining : 0;
    ssize_t nchars = remaining < l ? remaining : l;
    if (nchars < 0) nchars = 0;
    if (use_sep) buf[--w] = sep;
    w -= (size_t)nchars;
    memcpy(buf + w, digits + remaining - nchars, (size_t)nchars);
    for (ssize_t i = 0; i < nzeros; i++) buf[--w] = '0';
    remaining -= nchars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;
    use_sep = true;
  }
  sb_add(sb, buf + w, cap - w);
  free(buf);
}

static size_t count_chars(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
  return c;
}

static void add_fill(StrBuilder *sb, const char *fill, ssize_t n) {
  size_t fl = strlen(fill);
  for (ssize_t i = 0; i < n; i++) sb_add(sb, fill, fl);
}

/* Lays out one number; digits are ASCII, rest may hold UTF-8 ('c'). */
static Value assemble(const NumFmtSpec *f, bool negative, const char *prefix, const char *digits,
                      size_t nd, const char *rest, size_t nrest, ssize_t group) {
  const char *sign = negative ? "-" : f->sign == '+' ? "+" : f->sign == ' ' ? " " : "";
  size_t lsign = strlen(sign), lprefix = strlen(prefix);
  size_t rest_chars = count_chars(rest, nrest);
  char align = f->align ? f->align : '>';
  ssize_t min_width = 0;
  if (f->fill[0] == '0' && f->fill[1] == 0 && align == '=' && f->width > 0)
    min_width = f->width - (ssize_t)(lsign + lprefix + rest_chars);
  StrBuilder body;
  sb_init(&body);
  /* no digits (inf, nan, 'c'): CPython skips grouping altogether */
  add_grouped(&body, digits, (ssize_t)nd, nd ? f->grouping : 0, group, f->grouping && nd ? min_width : 0);
  size_t body_len = body.len;
  ssize_t total = (ssize_t)(lsign + lprefix + body_len + rest_chars);
  ssize_t pad = f->width > total ? f->width - total : 0;
  StrBuilder sb;
  sb_init(&sb);
  ssize_t left = 0, right = 0, mid = 0;
  switch (align) {
  case '<': right = pad; break;
  case '^': left = pad / 2; right = pad - left; break;
  case '=': mid = pad; break;
  default: left = pad; break;
  }
  add_fill(&sb, f->fill, left);
  sb_add(&sb, sign, lsign);
  sb_add(&sb, prefix, lprefix);
  add_fill(&sb, f->fill, mid);
  sb_add(&sb, body.data, body_len);
  sb_add(&sb, rest, nrest);
  add_fill(&sb, f->fill, right);
  sb_free(&body);
  return sb_finish(&sb);
}

static Value unknown_code(char type, const char *type_name) {
  if (type > 32 && type < 127)
    return err_set(&Exc_ValueError, "Unknown format code '%c' for object of type '%s'", type, type_name);
  return err_set(&Exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                 (unsigned)(unsigned char)type, type_name);
}

static Value format_double(double d, const NumFmtSpec *f, const char *type_name);

Value numfmt_format_int(Value v, Value spec) {
  if (str_len_bytes(spec) == 0) return obj_str(v);
  NumFmtSpec f;
  if (!numfmt_parse(str_cstr(spec), (size_t)str_len_bytes(spec), val_type(v)->name, &f)) return VAL_NULL;
  char type = f.type ? f.type : 'd';
  switch (type) {
  case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
    double d = int_to_double(v);
    if (d == -1.0 && err_occurred()) return VAL_NULL;
    return format_double(d, &f, "int");
  }
  default: return unknown_code(type, val_type(v)->name);
  }
  if (f.precision != -1) return err_set(&Exc_ValueError, "Precision not allowed in integer format specifier");
  if (f.no_neg_zero)
    return err_set(&Exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  if (type == 'c') {
    if (f.sign) return err_set(&Exc_ValueError, "Sign not allowed with integer format specifier 'c'");
    if (f.alt)
      return err_set(&Exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t cp;
    if (!int_to_i64(v, &cp)) return VAL_NULL; /* "Python int too large to convert to C long" */
    if (cp < 0 || cp > 0x10ffff) return err_set(&Exc_OverflowError, "%s", "%c arg not in range(0x110000)");
    char buf[4];
    size_t n = utf8_encode((uint32_t)cp, buf);
    return assemble(&f, false, "", "", 0, buf, n, 3);
  }
  bool neg = int_sign(v) < 0;
  const char *prefix = "";
  int base = 10;
  ssize_t group = 3;
  switch (type) {
  case 'b': base = 2; prefix = "0b"; group = 4; break;
  case 'o': base = 8; prefix = "0o"; group = 4; break;
  case 'x': base = 16; prefix = "0x"; group = 4; break;
  case 'X': base = 16; prefix = "0X"; group = 4; break;
  default: break;
  }
  if (!f.alt) prefix = "";
  Value s;
  if (base == 10)
    s = int_repr(v);
  else
    s = int_to_base_str(v, base, false);
  if (s == VAL_NULL) return VAL_NULL;
  const char *digits = str_cstr(s);
  size_t nd = (size_t)str_len_bytes(s);
  if (digits[0] == '-') {
    digits++;
    nd--;
  }
  char *upper = NULL;
  if (type == 'X') {
    upper = malloc(nd + 1);
    for (size_t i = 0; i < nd; i++) upper[i] = (digits[i] >= 'a' && digits[i] <= 'z') ? (char)(digits[i] - 32) : digits[i];
    digits = upper;
  }
  Value r = assemble(&f, neg, prefix, digits, nd, "", 0, group);
  free(upper);
  return r;
}

/* Formats |d| (finite) with printf; returns a malloc'd string. */
static char *printf_alloc(const char *fmt, int prec, double d) {
  int n = snprintf(NULL, 0, fmt, prec, d);
  char *p = malloc((size_t)n + 1);
  snprintf(p, (size_t)n + 1, fmt, prec, d);
  return p;
}

/* The 'g' family: precision p significant digits; add_dot_0 is the
 * behaviour of the empty type (exponent from p-1 digits on, ".0" added to
 * integral results). */
static char *format_g(double d, int p, bool alt, bool add_dot_0) {
  if (p == 0) p = 1;
  char *e = printf_alloc("%.*e", p - 1, d);
  /* e looks like "d.ddde+XX" or "de+XX" */
  char *epos = strchr(e, 'e');
  int exp = atoi(epos + 1);
  char digits[400];
  size_t nd = 0;
  for (char *q = e; q < epos; q++)
    if (*q != '.' && nd < sizeof digits - 1) digits[nd++] = *q;
  digits[nd] = 0;
  free(e);
  bool use_exp = exp < -4 || exp >= (add_dot_0 ? p - 1 : p);
  if (!alt) /* strip trailing zeros */
    while (nd > 1 && digits[nd - 1] == '0') digits[--nd] = 0;
  StrBuilder sb;
  sb_init(&sb);
  if (use_exp) {
    sb_addc(&sb, digits[0]);
    if (nd > 1 || alt) sb_addc(&sb, '.');
    sb_add(&sb, digits + 1, nd - 1);
    sb_addf(&sb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  } else if (exp < 0) {
    sb_adds(&sb, "0.");
    for (int i = 0; i < -exp - 1; i++) sb_addc(&sb, '0');
    sb_add(&sb, digits, nd);
  } else {
    size_t ip = (size_t)exp + 1;
    for (size_t i = 0; i < ip; i++) sb_addc(&sb, i < nd ? digits[i] : '0');
    if (nd > ip) {
      sb_addc(&sb, '.');
      sb_add(&sb, digits + ip, nd - ip);
    } else if (alt) {
      sb_addc(&sb, '.');
    } else if (add_dot_0) {
      sb_adds(&sb, ".0");
    }
  }
  sb_addc(&sb, 0);
  char *r = malloc(sb.len);
  memcpy(r, sb.data, sb.len);
  sb_free(&sb);
  return r;
}

static Value format_double(double d, const NumFmtSpec *f, const char *type_name) {
  char type = f->type;
  switch (type) {
  case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': break;
  default: return unknown_code(type, type_name);
  }
  bool add_pct = false, upper = type == 'E' || type == 'F' || type == 'G';
  if (type == '%') {
    d *= 100;
    add_pct = true;
  }
  bool neg = signbit(d) && !isnan(d);
  double a = fabs(d);
  int prec = f->precision < 0 ? 6 : (int)(f->precision > 100000 ? 100000 : f->precision);
  char *s;
  if (isnan(a) || isinf(a)) {
    s = strdup(isnan(a) ? "nan" : "inf");
  } else {
    switch (type) {
    case 0:
      if (f->precision < 0) {
        char buf[48];
        size_t n = float_repr_buf(a, buf);
        if (f->alt && !strchr(buf, '.')) { /* '#' keeps a decimal point: "1.e+16" */
          char *e = strchr(buf, 'e');
          size_t at = e ? (size_t)(e - buf) : n;
          memmove(buf + at + 1, buf + at, n - at + 1);
          buf[at] = '.';
        }
        s = strdup(buf);
      } else {
        s = format_g(a, prec, f->alt, true);
      }
      break;
    case 'e': case 'E': s = printf_alloc(f->alt ? "%#.*e" : "%.*e", prec, a); break;
    case 'f': case 'F': case '%': s = printf_alloc(f->alt ? "%#.*f" : "%.*f", prec, a); break;
    default: s = format_g(a, prec, f->alt, false); break;
    }
  }
  if (upper)
    for (char *q = s; *q; q++)
      if (*q >= 'a' && *q <= 'z') *q = (char)(*q - 32);
  size_t nd = 0;
  while (s[nd] >= '0' && s[nd] <= '9') nd++;
  if (neg && f->no_neg_zero && isfinite(a)) {
    /* 'z': a result that rounds to zero loses its sign */
    bool allzero = true;
    for (char *q = s; *q && *q != 'e' && *q != 'E'; q++)
      if (*q >= '1' && *q <= '9') allzero = false;
    if (allzero) neg = false;
  }
  size_t restlen = strlen(s + nd);
  char *rest = malloc(restlen + 2);
  memcpy(rest, s + nd, restlen);
  if (add_pct) rest[restlen++] = '%';
  rest[restlen] = 0;
  Value r = assemble(f, neg, "", s, nd, rest, restlen, 3);
  free(rest);
  free(s);
  return r;
}

/* The zero of every run of ten Unicode decimal digits (category Nd). */
static const uint32_t digit_zeros[] = {
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50,
    0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0,
    0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30,
    0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0,
    0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0};

static bool unicode_space(uint32_t cp) {
  return cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

char *numfmt_to_ascii(const char *s, size_t len, size_t *out_len) {
  char *out = malloc(len + 1);
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      out[n++] = (char)c;
      i++;
      continue;
    }
    size_t adv = utf8_len_at(s + i, len - i);
    uint32_t cp = adv == 2 ? (c & 0x1fu) : adv == 3 ? (c & 0x0fu) : (c & 0x07u);
    for (size_t k = 1; k < adv; k++) cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3fu);
    i += adv;
    char r = '?';
    if (unicode_space(cp)) r = ' ';
    for (size_t k = 0; k < sizeof digit_zeros / sizeof digit_zeros[0]; k++)
      if (cp >= digit_zeros[k] && cp < digit_zeros[k] + 10) r = (char)('0' + (cp - digit_zeros[k]));
    out[n++] = r;
  }
  out[n] = 0;
  *out_len = n;
  return out;
}

Value numfmt_format_float(double d, Value spec) {
  if (str_len_bytes(spec) == 0) {
    char buf[40];
    size_t n = float_repr_buf(d, buf);
    return str_new(buf, n);
  }
  NumFmtSpec f;
  if (!numfmt_parse(str_cstr(spec), (size_t)str_len_bytes(spec), "float", &f)) return VAL_NULL;
  return format_double(d, &f, "float");
}
