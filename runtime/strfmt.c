/* strfmt.c — str.format / str.format_map, format(str, spec), and printf-style
 * `%` formatting of strs.
 *
 * str.format parses the template once, left to right, appending literal
 * runs and formatted fields to one StrBuilder; a field's spec may itself
 * contain replacement fields, expanded first (two levels at most, as
 * CPython).  `%` formatting does its own numeric conversions (snprintf for
 * floats, int_repr / int_to_base_str for ints) so that its flags, width
 * and precision behave exactly as CPython's printf-style rules.  bytes %
 * reuses it one numeric specifier at a time.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/strfmt.h"
#include "runtime/type.h"

/* ---- format spec ------------------------------------------------------------ */

static bool is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

bool strfmt_parse_spec(const char *spec, size_t len, FormatSpec *out) {
  FormatSpec f = {.fill = ' ', .width = -1, .precision = -1};
  size_t i = 0;
  /* [[fill]align]: the fill may be any code point. */
  if (len > 0) {
    size_t adv;
    uint32_t c = utf8_decode(spec, &adv);
    if (adv < len && is_align(spec[adv])) {
      f.fill = c;
      f.fill_given = true;
      f.align = spec[adv];
      i = adv + 1;
    } else if (is_align(spec[0])) {
      f.align = spec[0];
      i = 1;
    }
  }
  if (i < len && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) f.sign = spec[i++];
  if (i < len && spec[i] == 'z') {
    f.no_neg_zero = true;
    i++;
  }
  if (i < len && spec[i] == '#') {
    f.alternate = true;
    i++;
  }
  if (i < len && spec[i] == '0') {
    f.zero = true;
    if (!f.fill_given) f.fill = '0';
    i++;
  }
  if (i < len && spec[i] >= '0' && spec[i] <= '9') {
    f.width = 0;
    while (i < len && spec[i] >= '0' && spec[i] <= '9') {
      f.width = f.width * 10 + (spec[i++] - '0');
      if (f.width > (ssize_t)1 << 40) {
        err_set(&Exc_ValueError, "Too many decimal digits in format string");
        return false;
      }
    }
  }
  if (i < len && (spec[i] == ',' || spec[i] == '_')) f.grouping = spec[i++];
  if (i < len && (spec[i] == ',' || spec[i] == '_')) {
    err_set(&Exc_ValueError, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (i < len && spec[i] == '.') {
    i++;
    if (i >= len || spec[i] < '0' || spec[i] > '9') {
      err_set(&Exc_ValueError, "Format specifier missing precision");
      return false;
    }
    f.precision = 0;
    while (i < len && spec[i] >= '0' && spec[i] <= '9') {
      f.precision = f.precision * 10 + (spec[i++] - '0');
      if (f.precision > (ssize_t)1 << 40) {
        err_set(&Exc_ValueError, "Too many decimal digits in format string");
        return false;
      }
    }
  }
  if (len - i > 1) return false; /* caller words the "Invalid format specifier" error */
  if (i < len) f.type = spec[i];
  *out = f;
  return true;
}

void strfmt_pad(StrBuilder *sb, const char *text, size_t len, ssize_t nchars, const FormatSpec *spec,
                char default_align) {
  ssize_t total = spec->width > nchars ? spec->width - nchars : 0;
  char align = spec->align ? spec->align : default_align;
  ssize_t left = align == '>' ? total : align == '^' ? total / 2 : 0, right = total - left;
  char fb[4];
  size_t fl = utf8_encode(spec->fill, fb);
  for (ssize_t k = 0; k < left; k++) sb_add(sb, fb, fl);
  sb_add(sb, text, len);
  for (ssize_t k = 0; k < right; k++) sb_add(sb, fb, fl);
}

Value str_format_spec(Value s, Value specv) {
  const char *spec = str_cstr(specv);
  size_t slen = (size_t)str_len_bytes(specv);
  if (slen == 0) return val_type(s) == &StrType ? s : str_new(str_cstr(s), (size_t)str_len_bytes(s));
  FormatSpec f;
  if (!strfmt_parse_spec(spec, slen, &f)) {
    if (!err_occurred())
      err_set(&Exc_ValueError, "Invalid format specifier '%s' for object of type 'str'", spec);
    return VAL_NULL;
  }
  /* CPython's order: the separator against the type, the type, then the
   * flags strings reject. */
  char type = f.type ? f.type : 's';
  if (f.grouping && !strchr("defgEFG%", type) && !(f.grouping == '_' && strchr("boxX", type)))
    return err_set(&Exc_ValueError, "Cannot specify '%c' with '%c'.", f.grouping, type);
  if (type != 's') return err_set(&Exc_ValueError, "Unknown format code '%c' for object of type 'str'", type);
  if (f.sign == ' ') return err_set(&Exc_ValueError, "Space not allowed in string format specifier");
  if (f.sign) return err_set(&Exc_ValueError, "Sign not allowed in string format specifier");
  if (f.no_neg_zero)
    return err_set(&Exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate) return err_set(&Exc_ValueError, "Alternate form (#) not allowed in string format specifier");
  if (f.align == '=') return err_set(&Exc_ValueError, "'=' alignment not allowed in string format specifier");
  const char *d = str_cstr(s);
  size_t len = (size_t)str_len_bytes(s);
  ssize_t nchars = AS(StrObject, s)->nchars;
  if (f.precision >= 0 && f.precision < nchars) {
    len = str_offset_of(s, f.precision);
    nchars = f.precision;
  }
  if (f.width <= nchars && len == (size_t)str_len_bytes(s) && val_type(s) == &StrType) return s;
  StrBuilder sb;
  sb_init(&sb);
  strfmt_pad(&sb, d, len, nchars, &f, '<');
  return sb_finish(&sb);
}

/* ---- str.format ------------------------------------------------------------------ */

typedef struct {
  Value *args;
  size_t nargs;
  TupleObject *kwnames;
  Value *kwvalues;
  Value mapping;      /* format_map: lookups go through mapping[key] */
  int auto_index;     /* next automatic index; -1 once manual numbering is used */
  bool manual;
} FmtCtx;

static int format_into(StrBuilder *sb, const char *p, size_t len, FmtCtx *ctx, int depth);

static Value lookup_kw(FmtCtx *ctx, const char *name, size_t n) {
  Value key = str_new(name, n);
  if (ctx->mapping) return obj_getitem(ctx->mapping, key);
  if (ctx->kwnames)
    for (ssize_t i = 0; i < ctx->kwnames->len; i++) {
      Value k = ctx->kwnames->items[i];
      if ((size_t)str_len_bytes(k) == n && memcmp(str_cstr(k), name, n) == 0) return ctx->kwvalues[i];
    }
  return err_key(key);
}

/* Parses a decimal run; -1 when p[0..n) is not all digits. */
static ssize_t parse_index(const char *p, size_t n) {
  if (n == 0) return -1;
  ssize_t v = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9') return -1;
    v = v * 10 + (p[i] - '0');
    if (v > (ssize_t)1 << 40) return -1;
  }
  return v;
}

/* Resolves a field name (arg_name then .attr / [key] parts) to its value. */
static Value resolve_field(const char *p, size_t n, FmtCtx *ctx) {
  size_t i = 0;
  while (i < n && p[i] != '.' && p[i] != '[') i++;
  Value obj;
  if (i == 0) {
    if (ctx->manual) return err_set(&Exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
    if (ctx->mapping) return err_set(&Exc_ValueError, "Format string contains positional fields");
    ssize_t idx = ctx->auto_index++;
    if ((size_t)idx >= ctx->nargs)
      return err_set(&Exc_IndexError, "Replacement index %zd out of range for positional args tuple", idx);
    obj = ctx->args[idx];
  } else {
    ssize_t idx = parse_index(p, i);
    if (idx >= 0) {
      if (ctx->auto_index > 0)
        return err_set(&Exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
      ctx->manual = true;
      if (ctx->mapping) return err_set(&Exc_ValueError, "Format string contains positional fields");
      if ((size_t)idx >= ctx->nargs)
        return err_set(&Exc_IndexError, "Replacement index %zd out of range for positional args tuple", idx);
      obj = ctx->args[idx];
    } else {
      obj = lookup_kw(ctx, p, i);
      if (!obj) return VAL_NULL;
    }
  }
  while (i < n) {
    if (p[i] == '.') {
      size_t b = ++i;
      while (i < n && p[i] != '.' && p[i] != '[') i++;
      if (i == b) return err_set(&Exc_ValueError, "Empty attribute in format string");
      Value name = str_new(p + b, i - b);
      obj = obj_getattr(obj, str_intern(name));
    } else if (p[i] == '[') {
      size_t b = ++i;
      while (i < n && p[i] != ']') i++;
      if (i >= n) return err_set(&Exc_ValueError, "Missing ']' in format string");
      if (i == b) return err_set(&Exc_ValueError, "Empty attribute in format string");
      ssize_t idx = parse_index(p + b, i - b);
      Value key = idx >= 0 ? val_from_int(idx) : str_new(p + b, i - b);
      obj = obj_getitem(obj, key);
      i++;
      if (i < n && p[i] != '.' && p[i] != '[')
        return err_set(&Exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    } else {
      return err_set(&Exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (!obj) return VAL_NULL;
  }
  return obj;
}

/* Formats one replacement field whose text (between the braces) is p[0..n). */
static int format_field(StrBuilder *sb, const char *p, size_t n, FmtCtx *ctx, int depth) {
  /* Split name[!conv][:spec]; brackets may contain ':' or '!'. */
  size_t i = 0;
  while (i < n && p[i] != '!' && p[i] != ':') {
    if (p[i] == '[') {
      while (i < n && p[i] != ']') i++;
      if (i >= n) break;
    }
    i++;
  }
  size_t name_end = i;
  char conv = 0;
  if (i < n && p[i] == '!') {
    if (i + 1 >= n) {
      /* CPython's scanner reports "{0!}" this way */
      err_set(&Exc_ValueError, "unmatched '{' in format spec");
      return -1;
    }
    conv = p[i + 1];
    i += 2;
    if (i < n && p[i] != ':') {
      err_set(&Exc_ValueError, "expected ':' after conversion specifier");
      return -1;
    }
  }
  const char *spec = i < n ? p + i + 1 : p + n;
  size_t speclen = i < n ? n - i - 1 : 0;
  Value obj = resolve_field(p, name_end, ctx);
  if (!obj) return -1;
  switch (conv) {
    case 0: break;
    case 'r': obj = obj_repr(obj); break;
    case 's': obj = obj_str(obj); break;
    case 'a': obj = obj_ascii(obj); break;
    default:
      err_set(&Exc_ValueError, "Unknown conversion specifier %c", conv);
      return -1;
  }
  if (!obj) return -1;
  Value specv;
  if (memchr(spec, '{', speclen)) {
    if (depth >= 1) {
      err_set(&Exc_ValueError, "Max string recursion exceeded");
      return -1;
    }
    StrBuilder inner;
    sb_init(&inner);
    if (format_into(&inner, spec, speclen, ctx, depth + 1) < 0) {
      sb_free(&inner);
      return -1;
    }
    specv = sb_finish(&inner);
  } else {
    specv = str_new(spec, speclen);
  }
  if (speclen == 0 && val_is_obj(obj) && obj->type == &StrType) return sb_add_value(sb, obj);
  Value r = obj_format(obj, specv);
  if (!r) return -1;
  return sb_add_value(sb, r);
}

static int format_into(StrBuilder *sb, const char *p, size_t len, FmtCtx *ctx, int depth) {
  size_t i = 0;
  while (i < len) {
    size_t b = i;
    while (i < len && p[i] != '{' && p[i] != '}') i++;
    sb_add(sb, p + b, i - b);
    if (i >= len) break;
    if (p[i] == '}') {
      if (i + 1 < len && p[i + 1] == '}') {
        sb_addc(sb, '}');
        i += 2;
        continue;
      }
      err_set(&Exc_ValueError, "Single '}' encountered in format string");
      return -1;
    }
    if (i + 1 < len && p[i + 1] == '{') {
      sb_addc(sb, '{');
      i += 2;
      continue;
    }
    /* A field: find the matching '}', counting nested braces. */
    size_t start = ++i;
    int level = 1;
    bool in_name = true; /* before the ':' or '!' of this field */
    while (i < len) {
      if (in_name && p[i] == '[') {
        /* Brackets in the field name hold braces literally. */
        while (i < len && p[i] != ']') i++;
        if (i >= len) break;
      } else if (level == 1 && (p[i] == ':' || p[i] == '!')) {
        in_name = false;
      } else if (p[i] == '{') {
        level++;
      } else if (p[i] == '}') {
        if (--level == 0) break;
      }
      i++;
    }
    if (i >= len) {
      if (start == len) err_set(&Exc_ValueError, "Single '{' encountered in format string");
      else if (!in_name) err_set(&Exc_ValueError, "unmatched '{' in format spec");
      else err_set(&Exc_ValueError, "expected '}' before end of string");
      return -1;
    }
    if (format_field(sb, p + start, i - start, ctx, depth) < 0) return -1;
    i++;
  }
  return 0;
}

Value str_format_method(Value fmt, Value *args, size_t nargs, TupleObject *kwnames) {
  FmtCtx ctx = {.args = args, .nargs = nargs, .kwnames = kwnames, .kwvalues = args + nargs};
  StrBuilder sb;
  sb_init(&sb);
  if (format_into(&sb, str_cstr(fmt), (size_t)str_len_bytes(fmt), &ctx, 0) < 0) {
    sb_free(&sb);
    return VAL_NULL;
  }
  return sb_finish(&sb);
}

Value str_format_map_method(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  if (!str_check_args("str.format_map", nargs, kwnames, 1, 1)) return VAL_NULL;
  FmtCtx ctx = {.mapping = args[0]};
  StrBuilder sb;
  sb_init(&sb);
  if (format_into(&sb, str_cstr(self), (size_t)str_len_bytes(self), &ctx, 0) < 0) {
    sb_free(&sb);
    return VAL_NULL;
  }
  return sb_finish(&sb);
}

/* ---- printf-style % ----------------------------------------------------------- */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

/* Appends text padded to width (code points), as printf-style does for
 * non-numeric conversions: right-aligned with spaces unless '-'. */
static void pad_text(StrBuilder *sb, const char *t, size_t len, ssize_t nchars, int flags, ssize_t width) {
  ssize_t fill = width > nchars ? width - nchars : 0;
  if (!(flags & F_LJUST))
    for (ssize_t k = 0; k < fill; k++) sb_addc(sb, ' ');
  sb_add(sb, t, len);
  if (flags & F_LJUST)
    for (ssize_t k = 0; k < fill; k++) sb_addc(sb, ' ');
}

/* Appends a number given as sign + prefix + digits with printf-style
 * width/zero/left-adjust handling. */
static void pad_number(StrBuilder *sb, bool neg, const char *prefix, const char *digits, size_t dlen, int flags,
                       ssize_t width) {
  char signc = neg ? '-' : (flags & F_SIGN) ? '+' : (flags & F_BLANK) ? ' ' : 0;
  size_t plen = strlen(prefix);
  ssize_t body = (ssize_t)(dlen + plen) + (signc ? 1 : 0);
  ssize_t fill = width > body ? width - body : 0;
  if (!(flags & F_LJUST) && !(flags & F_ZERO))
    for (ssize_t k = 0; k < fill; k++) sb_addc(sb, ' ');
  if (signc) sb_addc(sb, signc);
  sb_add(sb, prefix, plen);
  if (!(flags & F_LJUST) && (flags & F_ZERO))
    for (ssize_t k = 0; k < fill; k++) sb_addc(sb, '0');
  sb_add(sb, digits, dlen);
  if (flags & F_LJUST)
    for (ssize_t k = 0; k < fill; k++) sb_addc(sb, ' ');
}

static int format_int(StrBuilder *sb, Value v, char conv, int flags, ssize_t width, ssize_t prec) {
  Value iv;
  if (val_is_intlike(v)) {
    iv = v;
  } else if (conv == 'd' || conv == 'i' || conv == 'u') {
    if (val_is_float(v) || (val_type(v)->to_int && !val_is_str(v))) {
      iv = val_is_float(v) ? int_from_double(float_value(v)) : val_type(v)->to_int(v);
    } else if (val_type(v)->to_index) {
      iv = obj_index(v);
    } else {
      err_set(&Exc_TypeError, "%%%c format: a real number is required, not %T", conv, v);
      return -1;
    }
  } else {
    if (!val_type(v)->to_index || val_is_float(v)) {
      err_set(&Exc_TypeError, "%%%c format: an integer is required, not %T", conv, v);
      return -1;
    }
    iv = obj_index(v);
  }
  if (!iv) return -1;
  bool neg = int_sign(iv) < 0;
  Value s;
  if (conv == 'x' || conv == 'X') s = int_to_base_str(iv, 16, false);
  else if (conv == 'o') s = int_to_base_str(iv, 8, false);
  else s = int_repr(iv);
  if (!s) return -1;
  const char *digits = str_cstr(s);
  size_t dlen = (size_t)str_len_bytes(s);
  if (digits[0] == '-') {
    digits++;
    dlen--;
  }
  StrBuilder tmp;
  sb_init(&tmp);
  for (ssize_t k = (ssize_t)dlen; k < prec; k++) sb_addc(&tmp, '0');
  for (size_t k = 0; k < dlen; k++) sb_addc(&tmp, conv == 'X' && digits[k] >= 'a' ? (char)(digits[k] - 32) : digits[k]);
  const char *prefix = "";
  if (flags & F_ALT) prefix = conv == 'x' ? "0x" : conv == 'X' ? "0X" : conv == 'o' ? "0o" : "";
  pad_number(sb, neg, prefix, tmp.data, tmp.len, flags, width);
  sb_free(&tmp);
  return 0;
}

static int format_float(StrBuilder *sb, Value v, char conv, int flags, ssize_t width, ssize_t prec) {
  double d;
  if (val_is_float(v)) {
    d = float_value(v);
  } else if (val_is_int(v)) {
    d = (double)val_int(v);
  } else {
    if (!val_is_intlike(v) && !val_type(v)->to_float && !val_type(v)->to_index) {
      err_set(&Exc_TypeError, "must be real number, not %T", v);
      return -1;
    }
    d = float_as_double(v);
    if (d == -1.0 && err_occurred()) return -1;
  }
  if (prec < 0) prec = 6;
  bool neg = signbit(d) && !isnan(d);
  double a = fabs(d);
  char buf[512];
  char *big = NULL;
  const char *digits = buf;
  bool upper = conv == 'E' || conv == 'F' || conv == 'G';
  if (isinf(a) || isnan(a)) {
    digits = isnan(a) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"); /* '0' still pads, as CPython */
  } else {
    char cfmt[16];
    snprintf(cfmt, sizeof cfmt, "%%%s.*%c", (flags & F_ALT) ? "#" : "", conv);
    int n = snprintf(buf, sizeof buf, cfmt, (int)prec, a);
    if (n >= (int)sizeof buf) {
      big = malloc((size_t)n + 1);
      if (!big) {
        err_no_memory();
        return -1;
      }
      snprintf(big, (size_t)n + 1, cfmt, (int)prec, a);
      digits = big;
    }
  }
  pad_number(sb, neg, "", digits, strlen(digits), flags, width);
  free(big);
  return 0;
}

Value str_mod_format(Value fmt, Value args) {
  const char *p = str_cstr(fmt);
  size_t len = (size_t)str_len_bytes(fmt);
  Value *argv;
  ssize_t argc, argi = 0;
  Value one = args;
  Value mapping = VAL_NULL;
  if (val_is_tuple(args)) {
    argv = TUPLE_ITEMS(args);
    argc = TUPLE_LEN(args);
  } else {
    argv = &one;
    argc = 1;
    /* As CPython: any non-tuple, non-str object with __getitem__ serves as
     * the mapping for %(key)s, and excuses unused arguments. */
    if (!val_is_str(args) && val_type(args)->getitem)
      mapping = args;
  }
  StrBuilder sb;
  sb_init(&sb);
  size_t i = 0;
  while (i < len) {
    size_t b = i;
    while (i < len && p[i] != '%') i++;
    sb_add(&sb, p + b, i - b);
    if (i >= len) break;
    size_t pct = i++;
    Value v = VAL_NULL;
    bool have_key = false;
    if (i < len && p[i] == '(') {
      if (!mapping) {
        sb_free(&sb);
        return err_set(&Exc_TypeError, "format requires a mapping");
      }
      int level = 1;
      size_t kb = ++i;
      while (i < len && level) {
        if (p[i] == '(') level++;
        else if (p[i] == ')') level--;
        i++;
      }
      if (level) {
        sb_free(&sb);
        return err_set(&Exc_ValueError, "incomplete format key");
      }
      v = obj_getitem(mapping, str_new(p + kb, i - 1 - kb));
      if (!v) {
        sb_free(&sb);
        return VAL_NULL;
      }
      have_key = true;
    }
    int flags = 0;
    for (; i < len; i++) {
      char c = p[i];
      if (c == '-') flags |= F_LJUST;
      else if (c == '+') flags |= F_SIGN;
      else if (c == ' ') flags |= F_BLANK;
      else if (c == '#') flags |= F_ALT;
      else if (c == '0') flags |= F_ZERO;
      else break;
    }
    ssize_t width = -1, prec = -1;
    for (int part = 0; part < 2; part++) {
      ssize_t *dst = part == 0 ? &width : &prec;
      if (part == 1) {
        if (i < len && p[i] == '.') i++;
        else break;
        prec = 0;
      }
      if (i < len && p[i] == '*') {
        i++;
        if (argi >= argc) {
          sb_free(&sb);
          return err_set(&Exc_TypeError, "not enough arguments for format string");
        }
        Value w = argv[argi++];
        if (!val_is_int(w)) {
          sb_free(&sb);
          return err_set(&Exc_TypeError, "* wants int");
        }
        *dst = val_int(w);
        if (part == 0 && *dst < 0) {
          flags |= F_LJUST;
          *dst = -*dst;
        }
        if (part == 1 && *dst < 0) *dst = 0;
      } else {
        if (part == 0 && (i >= len || p[i] < '0' || p[i] > '9')) continue;
        *dst = 0;
        while (i < len && p[i] >= '0' && p[i] <= '9') *dst = *dst * 10 + (p[i++] - '0');
      }
    }
    while (i < len && (p[i] == 'h' || p[i] == 'l' || p[i] == 'L')) i++;
    if (i >= len) {
      sb_free(&sb);
      return err_set(&Exc_ValueError, "incomplete format");
    }
    char conv = p[i++];
    if (conv == '%') {
      sb_addc(&sb, '%');
      continue;
    }
    if (!have_key) {
      if (argi >= argc) {
        sb_free(&sb);
        return err_set(&Exc_TypeError, "not enough arguments for format string");
      }
      v = argv[argi++];
    }
    int r = 0;
    switch (conv) {
      case 's': case 'r': case 'a': {
        Value s = conv == 's' ? obj_str(v) : conv == 'r' ? obj_repr(v) : obj_ascii(v);
        if (!s) {
          r = -1;
          break;
        }
        size_t sl = (size_t)str_len_bytes(s);
        ssize_t nc = AS(StrObject, s)->nchars;
        if (prec >= 0 && prec < nc) {
          sl = str_offset_of(s, prec);
          nc = prec;
        }
        pad_text(&sb, str_cstr(s), sl, nc, flags, width);
        break;
      }
      case 'c': {
        char buf[4];
        size_t bl;
        if (val_is_str(v)) {
          if (AS(StrObject, v)->nchars != 1) {
            err_set(&Exc_TypeError, "%%c requires int or char");
            r = -1;
            break;
          }
          pad_text(&sb, str_cstr(v), (size_t)str_len_bytes(v), 1, flags, width);
          break;
        }
        if (!val_is_intlike(v)) {
          err_set(&Exc_TypeError, "%%c requires int or char");
          r = -1;
          break;
        }
        int64_t x;
        if (!int_to_i64(v, &x) || x < 0 || x > 0x10FFFF) {
          err_clear();
          err_set(&Exc_OverflowError, "%%c arg not in range(0x110000)");
          r = -1;
          break;
        }
        bl = utf8_encode((uint32_t)x, buf);
        pad_text(&sb, buf, bl, 1, flags, width);
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        r = format_int(&sb, v, conv == 'i' || conv == 'u' ? 'd' : conv, flags, width, prec);
        break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        r = format_float(&sb, v, conv, flags, width, prec);
        break;
      default:
        if ((unsigned char)conv >= 0x20 && (unsigned char)conv < 0x7F)
          err_set(&Exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd", conv,
                  (unsigned)(unsigned char)conv, AS(StrObject, fmt)->len == AS(StrObject, fmt)->nchars
                                                      ? (ssize_t)(i - 1)
                                                      : (ssize_t)utf8_count(p, i - 1));
        else
          err_set(&Exc_ValueError, "unsupported format character '?' (0x%x) at index %zd",
                  (unsigned)(unsigned char)conv, (ssize_t)(i - 1));
        r = -1;
        break;
    }
    (void)pct;
    if (r < 0) {
      sb_free(&sb);
      return VAL_NULL;
    }
  }
  if (argi < argc && !mapping) {
    sb_free(&sb);
    return err_set(&Exc_TypeError, "not all arguments converted during string formatting");
  }
  return sb_finish(&sb);
}

static inline bool is_bytearray(Value v) { return val_is_obj(v) && type_is_subtype(v->type, &ByteArrayType); }
#define BO(v) AS(BytesObject, (v))

/* ---- printf-style % for bytes ---------------------------------------------------- */

/* The bytes of a %s/%b argument: bytes-like or __bytes__. */
static Value percent_b_arg(Value v) {
  if (val_is_bytes(v) || is_bytearray(v)) return v;
  StrObject *name = str_intern_cstr("__bytes__");
  if (!val_is_str(v) && type_lookup(val_type(v), name)) {
    Value r = obj_call_method(v, name, NULL, 0);
    if (r && !val_is_bytes(r)) return err_set(&Exc_TypeError, "__bytes__ returned non-bytes (type %T)", r);
    return r;
  }
  return err_set(&Exc_TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%T'",
                 v);
}

/* fmt % args for bytes.  Numeric conversions are delegated to the str
 * implementation one specifier at a time (their output is ASCII). */
Value strfmt_bytes_mod(Value fmtv, Value args) {
  const char *p;
  size_t len;
  bytes_buffer(fmtv, &p, &len);
  Value fmtcopy = bytes_new(p, len); /* user code below may resize a bytearray */
  p = BO(fmtcopy)->data;
  Value one = args, *argv = &one, mapping = VAL_NULL;
  ssize_t argc = 1, argi = 0;
  if (val_is_tuple(args)) {
    argv = TUPLE_ITEMS(args);
    argc = TUPLE_LEN(args);
  } else if (!val_is_bytes(args) && !is_bytearray(args) && !val_is_str(args) && val_type(args)->getitem) {
    mapping = args;
  }
  StrBuilder sb;
  sb_init(&sb);
  size_t i = 0;
  while (i < len) {
    size_t b = i;
    while (i < len && p[i] != '%') i++;
    sb_add(&sb, p + b, i - b);
    if (i >= len) break;
    size_t spec_start = i++;
    Value v = VAL_NULL;
    if (i < len && p[i] == '(') {
      if (!mapping) {
        sb_free(&sb);
        return err_set(&Exc_TypeError, "format requires a mapping");
      }
      int level = 1;
      size_t kb = ++i;
      while (i < len && level) {
        if (p[i] == '(') level++;
        else if (p[i] == ')') level--;
        i++;
      }
      if (level) {
        sb_free(&sb);
        return err_set(&Exc_ValueError, "incomplete format key");
      }
      v = obj_getitem(mapping, bytes_new(p + kb, i - 1 - kb));
      if (!v) {
        sb_free(&sb);
        return VAL_NULL;
      }
      spec_start = i - 1; /* the key is not part of the per-item spec */
    }
    size_t flags_at = i;
    bool ljust = false;
    while (i < len && strchr("-+ #0", p[i])) {
      if (p[i] == '-') ljust = true;
      i++;
    }
    ssize_t width = -1, prec = -1;
    Value star_w = VAL_NULL, star_p = VAL_NULL;
    if (i < len && p[i] == '*') {
      i++;
      if (argi >= argc) goto not_enough;
      star_w = argv[argi++];
      if (!val_is_int(star_w)) {
        sb_free(&sb);
        return err_set(&Exc_TypeError, "* wants int");
      }
      width = val_int(star_w);
      if (width < 0) {
        ljust = true;
        width = -width;
      }
    } else {
      while (i < len && p[i] >= '0' && p[i] <= '9') width = (width < 0 ? 0 : width * 10) + (p[i++] - '0');
    }
    if (i < len && p[i] == '.') {
      i++;
      prec = 0;
      if (i < len && p[i] == '*') {
        i++;
        if (argi >= argc) goto not_enough;
        star_p = argv[argi++];
        if (!val_is_int(star_p)) {
          sb_free(&sb);
          return err_set(&Exc_TypeError, "* wants int");
        }
        prec = val_int(star_p) < 0 ? 0 : val_int(star_p);
      } else {
        while (i < len && p[i] >= '0' && p[i] <= '9') prec = prec * 10 + (p[i++] - '0');
      }
    }
    while (i < len && (p[i] == 'h' || p[i] == 'l' || p[i] == 'L')) i++;
    if (i >= len) {
      sb_free(&sb);
      return err_set(&Exc_ValueError, "incomplete format");
    }
    char conv = p[i++];
    if (conv == '%') {
      sb_addc(&sb, '%');
      continue;
    }
    if (!v) {
      if (argi >= argc) goto not_enough;
      v = argv[argi++];
    }
    const char *text = NULL;
    size_t tl = 0;
    Value holder = VAL_NULL;
    char cbuf;
    switch (conv) {
      case 's': case 'b': {
        holder = percent_b_arg(v);
        if (!holder) goto fail;
        bytes_buffer(holder, &text, &tl);
        if (prec >= 0 && (size_t)prec < tl) tl = (size_t)prec;
        break;
      }
      case 'r': case 'a': {
        Value r = obj_ascii(v);
        if (!r) goto fail;
        holder = r;
        text = str_cstr(r);
        tl = (size_t)str_len_bytes(r);
        if (prec >= 0 && (size_t)prec < tl) tl = (size_t)prec;
        break;
      }
      case 'c': {
        const char *d;
        size_t n;
        if ((val_is_bytes(v) || is_bytearray(v)) && bytes_buffer(v, &d, &n) && n == 1) {
          cbuf = d[0];
        } else if (val_is_intlike(v)) {
          int64_t x;
          if (!int_to_i64(v, &x) || x < 0 || x > 255) {
            err_clear();
            err_set(&Exc_OverflowError, "%%c arg not in range(256)");
            goto fail;
          }
          cbuf = (char)x;
        } else {
          err_set(&Exc_TypeError, "%%c requires an integer in range(256) or a single byte");
          goto fail;
        }
        text = &cbuf;
        tl = 1;
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        /* "%<flags><width>.<prec><conv>" formatted by the str machinery */
        StrBuilder spec;
        sb_init(&spec);
        sb_addc(&spec, '%');
        sb_add(&spec, p + flags_at, i - 1 - flags_at);
        sb_addc(&spec, conv);
        Value fs = sb_finish(&spec);
        Value targs = star_w || star_p ? VAL_NULL : tuple_pack(1, v);
        if (!targs) {
          /* '*' already consumed: splice the numbers back in */
          Value items[3];
          int k = 0;
          if (star_w) items[k++] = star_w;
          if (star_p) items[k++] = star_p;
          items[k++] = v;
          targs = tuple_from_array(items, k);
        }
        Value r = str_mod_format(fs, targs);
        if (!r) goto fail;
        holder = r;
        text = str_cstr(r);
        tl = (size_t)str_len_bytes(r);
        width = -1; /* already padded */
        break;
      }
      default:
        err_set(&Exc_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                (unsigned char)conv >= 0x20 && (unsigned char)conv < 0x7F ? conv : '?',
                (unsigned)(unsigned char)conv, i - 1);
        goto fail;
    }
    (void)spec_start;
    ssize_t fill = width > (ssize_t)tl ? width - (ssize_t)tl : 0;
    if (!ljust)
      for (ssize_t k = 0; k < fill; k++) sb_addc(&sb, ' ');
    sb_add(&sb, text, tl);
    if (ljust)
      for (ssize_t k = 0; k < fill; k++) sb_addc(&sb, ' ');
    (void)holder;
    continue;
  not_enough:
    sb_free(&sb);
    return err_set(&Exc_TypeError, "not enough arguments for format string");
  fail:
    sb_free(&sb);
    return VAL_NULL;
  }
  if (argi < argc && !mapping) {
    sb_free(&sb);
    return err_set(&Exc_TypeError, "not all arguments converted during bytes formatting");
  }
  Value r = is_bytearray(fmtv) ? bytearray_new(sb.data, sb.len) : bytes_new(sb.data, sb.len);
  sb_free(&sb);
  return r;
}
