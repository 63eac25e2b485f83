/* _struct.c — the _struct module: packing values into bytes and back.
 *
 * A format string is compiled once into a Struct: an array of codes, each
 * with its offset, size and repeat count (for 's' and 'p' the count is the
 * string length and the code yields one item).  '@' (the default) uses the
 * machine's sizes and alignment; '=', '<', '>' and '!' use the standard
 * sizes without alignment.  The module functions keep a small cache of
 * compiled Structs keyed by format, as CPython does.
 *
 * The error messages follow CPython 3.11 exactly, including its quirks: the
 * little-endian and native tables share CPython's native packers (so '<h'
 * says "short format requires ..." while '>h' says "'h' format requires
 * ..."), big-endian 'q'/'Q' overflow says "int too large to convert", and
 * an OverflowError raised while packing an int becomes struct.error.
 *
 * Packing calls Python code (__index__, __float__, __bool__), which may
 * resize a target bytearray, so pack_into packs into a private buffer first
 * and copies it in at the end.  Unpacking runs no Python code.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define HOST_LITTLE 0
#else
#define HOST_LITTLE 1
#endif

/* struct.error, a heap class made at module init. */
static Value struct_error;

/* ---- format tables ------------------------------------------------------- */

enum { ORDER_NATIVE, ORDER_LITTLE, ORDER_BIG };

/* How a code reports an out-of-range integer. */
enum {
  RANGE_NONE,  /* every value the conversion accepts fits */
  RANGE_NAMED, /* "short format requires ..." */
  RANGE_CODE,  /* "'i' format requires ..." */
};

typedef struct {
  char code;
  uint8_t size;
  uint8_t align;        /* native table only; 0 for the standard tables */
  bool is_signed;
  uint8_t range;        /* RANGE_* */
  const char *name;     /* for RANGE_NAMED */
} FormatDef;

static const FormatDef native_table[] = {
    {'x', 1, 0, false, RANGE_NONE, NULL},     {'b', 1, 0, true, RANGE_NAMED, "byte"},
    {'B', 1, 0, false, RANGE_NAMED, "ubyte"}, {'c', 1, 0, false, RANGE_NONE, NULL},
    {'s', 1, 0, false, RANGE_NONE, NULL},     {'p', 1, 0, false, RANGE_NONE, NULL},
    {'h', 2, 2, true, RANGE_NAMED, "short"},  {'H', 2, 2, false, RANGE_NAMED, "ushort"},
    {'i', 4, 4, true, RANGE_CODE, NULL},      {'I', 4, 4, false, RANGE_CODE, NULL},
    {'l', 8, 8, true, RANGE_NONE, NULL},      {'L', 8, 8, false, RANGE_NONE, NULL},
    {'q', 8, 8, true, RANGE_NONE, NULL},      {'Q', 8, 8, false, RANGE_NONE, NULL},
    {'n', 8, 8, true, RANGE_NONE, NULL},      {'N', 8, 8, false, RANGE_NONE, NULL},
    {'?', 1, 1, false, RANGE_NONE, NULL},     {'e', 2, 2, false, RANGE_NONE, NULL},
    {'f', 4, 4, false, RANGE_NONE, NULL},     {'d', 8, 8, false, RANGE_NONE, NULL},
    {'P', 8, 8, false, RANGE_NONE, NULL},     {0, 0, 0, false, 0, NULL},
};

/* '<' and '=' on a little-endian machine: CPython reuses the native
 * packers wherever the sizes agree (b B h H i I q Q), so their messages. */
static const FormatDef little_table[] = {
    {'x', 1, 0, false, RANGE_NONE, NULL},     {'b', 1, 0, true, RANGE_NAMED, "byte"},
    {'B', 1, 0, false, RANGE_NAMED, "ubyte"}, {'c', 1, 0, false, RANGE_NONE, NULL},
    {'s', 1, 0, false, RANGE_NONE, NULL},     {'p', 1, 0, false, RANGE_NONE, NULL},
    {'h', 2, 0, true, RANGE_NAMED, "short"},  {'H', 2, 0, false, RANGE_NAMED, "ushort"},
    {'i', 4, 0, true, RANGE_CODE, NULL},      {'I', 4, 0, false, RANGE_CODE, NULL},
    {'l', 4, 0, true, RANGE_CODE, NULL},      {'L', 4, 0, false, RANGE_CODE, NULL},
    {'q', 8, 0, true, RANGE_NONE, NULL},      {'Q', 8, 0, false, RANGE_NONE, NULL},
    {'?', 1, 0, false, RANGE_NONE, NULL},     {'e', 2, 0, false, RANGE_NONE, NULL},
    {'f', 4, 0, false, RANGE_NONE, NULL},     {'d', 8, 0, false, RANGE_NONE, NULL},
    {0, 0, 0, false, 0, NULL},
};

static const FormatDef big_table[] = {
    {'x', 1, 0, false, RANGE_NONE, NULL},     {'b', 1, 0, true, RANGE_NAMED, "byte"},
    {'B', 1, 0, false, RANGE_NAMED, "ubyte"}, {'c', 1, 0, false, RANGE_NONE, NULL},
    {'s', 1, 0, false, RANGE_NONE, NULL},     {'p', 1, 0, false, RANGE_NONE, NULL},
    {'h', 2, 0, true, RANGE_CODE, NULL},      {'H', 2, 0, false, RANGE_CODE, NULL},
    {'i', 4, 0, true, RANGE_CODE, NULL},      {'I', 4, 0, false, RANGE_CODE, NULL},
    {'l', 4, 0, true, RANGE_CODE, NULL},      {'L', 4, 0, false, RANGE_CODE, NULL},
    {'q', 8, 0, true, RANGE_NONE, NULL},      {'Q', 8, 0, false, RANGE_NONE, NULL},
    {'?', 1, 0, false, RANGE_NONE, NULL},     {'e', 2, 0, false, RANGE_NONE, NULL},
    {'f', 4, 0, false, RANGE_NONE, NULL},     {'d', 8, 0, false, RANGE_NONE, NULL},
    {0, 0, 0, false, 0, NULL},
};

static const FormatDef *table_find(const FormatDef *t, char c) {
  for (; t->code; t++)
    if (t->code == c) return t;
  return NULL;
}

/* ---- the Struct object --------------------------------------------------- */

typedef struct {
  const FormatDef *def;
  ssize_t offset;
  ssize_t size;   /* bytes of one item ('s'/'p': the whole string) */
  ssize_t count;  /* items ('s'/'p': 1) */
} Code;

typedef struct {
  Object base;
  Value format;   /* the format as a str */
  ssize_t size;   /* calcsize */
  ssize_t nitems; /* values packed/unpacked */
  int order;      /* ORDER_* */
  bool native;    /* '@': machine sizes and alignment */
  ssize_t ncodes;
  Code *codes;    /* malloc'd; NULL until __init__ succeeded */
} StructObject;

extern TypeObject StructType, UnpackIterType;

/* Compiles fmt into s; -1 with struct.error set. */
static int struct_compile(StructObject *s, const char *fmt, size_t len) {
  if (strlen(fmt) != len) return ERR_INT(err_set((TypeObject *)struct_error, "embedded null character"));
  const FormatDef *table = native_table;
  int order = ORDER_NATIVE;
  bool native = true;
  const char *p = fmt;
  switch (*p) {
    case '<': order = ORDER_LITTLE; break;
    case '>': case '!': order = ORDER_BIG; break;
    case '=': order = HOST_LITTLE ? ORDER_LITTLE : ORDER_BIG; break;
    case '@': break;
    default: p--; break;
  }
  p++;
  if (order != ORDER_NATIVE) {
    table = order == ORDER_LITTLE ? little_table : big_table;
    native = false;
  }
  /* First pass: validate, count codes, compute the size. */
  ssize_t ncodes = 0, nitems = 0, size = 0;
  for (const char *q = p; *q; q++) {
    char c = *q;
    if (c == ' ' || (c >= '\t' && c <= '\r')) continue;
    ssize_t num = 1;
    if (c >= '0' && c <= '9') {
      num = c - '0';
      while ((c = *++q) >= '0' && c <= '9') {
        if (num >= SSIZE_MAX / 10 && (num > SSIZE_MAX / 10 || (c - '0') > SSIZE_MAX % 10)) goto overflow;
        num = num * 10 + (c - '0');
      }
      if (c == '\0')
        return ERR_INT(err_set((TypeObject *)struct_error, "repeat count given without format specifier"));
    }
    const FormatDef *e = table_find(table, c);
    if (!e) return ERR_INT(err_set((TypeObject *)struct_error, "bad char in struct format"));
    if (c == 's' || c == 'p') {
      nitems++;
      ncodes++;
    } else if (c != 'x') {
      nitems += num;
      if (num) ncodes++;
    }
    if (e->align && size > 0) {
      ssize_t extra = (e->align - 1) - (size - 1) % e->align;
      if (extra > SSIZE_MAX - size) goto overflow;
      size += extra;
    }
    if (num > (SSIZE_MAX - size) / e->size) goto overflow;
    size += num * e->size;
  }
  Code *codes = malloc(sizeof(Code) * (size_t)(ncodes ? ncodes : 1));
  if (!codes) return ERR_INT(err_no_memory());
  /* Second pass: lay out the codes. */
  ssize_t k = 0, off = 0;
  for (const char *q = p; *q; q++) {
    char c = *q;
    if (c == ' ' || (c >= '\t' && c <= '\r')) continue;
    ssize_t num = 1;
    if (c >= '0' && c <= '9') {
      num = c - '0';
      while ((c = *++q) >= '0' && c <= '9') num = num * 10 + (c - '0');
    }
    const FormatDef *e = table_find(table, c);
    if (e->align && off > 0) off += (e->align - 1) - (off - 1) % e->align;
    if (c == 's' || c == 'p') {
      codes[k++] = (Code){e, off, num, 1};
      off += num;
    } else if (c == 'x') {
      off += num;
    } else {
      if (num) codes[k++] = (Code){e, off, e->size, num};
      off += num * e->size;
    }
  }
  free(s->codes);
  s->codes = codes;
  s->ncodes = ncodes;
  s->nitems = nitems;
  s->size = size;
  s->order = order;
  s->native = native;
  return 0;
overflow:
  return ERR_INT(err_set((TypeObject *)struct_error, "total struct size too long"));
}

/* A type's name without its module, as CPython's argument errors show it. */
static const char *short_type_name(Value v) {
  const char *name = type_name(val_type(v));
  const char *dot = strrchr(name, '.');
  return dot ? dot + 1 : name;
}

/* Struct(format): format is a str (ASCII) or bytes. */
static int struct_set_format(StructObject *s, Value format) {
  const char *p;
  size_t n;
  Value text;
  if (val_is_str(format)) {
    p = str_cstr(format);
    n = (size_t)str_len_bytes(format);
    for (size_t i = 0; i < n; i++)
      if ((unsigned char)p[i] >= 0x80) {
        /* CPython encodes the format to ASCII first. */
        Value r = str_encode(format, "ascii", "strict");
        if (!r) return -1;
      }
    text = format;
  } else if (val_is_bytes(format)) {
    bytes_buffer(format, &p, &n);
    text = VAL_NULL; /* decoded once it compiled: then it is ASCII */
  } else {
    return ERR_INT(err_set(&Exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                           short_type_name(format)));
  }
  if (struct_compile(s, p, n) < 0) return -1;
  s->format = text ? text : str_new(p, n);
  return 0;
}

static void struct_trace(Object *o) { gc_mark(((StructObject *)o)->format); }

static void struct_finalize(Object *o) {
  StructObject *s = (StructObject *)o;
  free(s->codes);
  s->codes = NULL;
}

static Value struct_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)args, (void)nargs, (void)kwnames;
  size_t size = type->instance_size > sizeof(StructObject) ? type->instance_size : sizeof(StructObject);
  StructObject *s = (StructObject *)gc_alloc(type, size);
  /* What CPython shows for a Struct whose __init__ never ran. */
  s->format = str_new("", 0);
  s->size = s->nitems = -1;
  return (Value)s;
}

/* Struct(format), worded as CPython's argument clinic. */
static int struct_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  size_t nkw = kwnames ? (size_t)kwnames->len : 0;
  if (nargs + nkw > 1) {
    if (nargs == 0)
      return ERR_INT(err_set(&Exc_TypeError, "Struct() takes at most 1 keyword argument (%zu given)", nkw));
    return ERR_INT(err_set(&Exc_TypeError, "Struct() takes at most 1 argument (%zu given)", nargs + nkw));
  }
  Value format = nargs > 0 ? args[0] : VAL_NULL;
  if (nkw && strcmp(str_cstr((Value)kwnames->items[0]), "format") == 0) format = args[0];
  /* a lone keyword other than format leaves format missing */
  if (!format) return ERR_INT(err_set(&Exc_TypeError, "Struct() missing required argument 'format' (pos 1)"));
  return struct_set_format(AS(StructObject, self), format);
}

/* A Struct whose __init__ never ran has no codes and size -1. */
static StructObject *struct_of(Value self) { return AS(StructObject, self); }

/* ---- packing ------------------------------------------------------------- */

static void store_uint(char *p, uint64_t x, int size, bool little) {
  for (int i = 0; i < size; i++) {
    int shift = 8 * (little ? i : size - 1 - i);
    p[i] = (char)(uint8_t)(x >> shift);
  }
}

static uint64_t load_uint(const char *p, int size, bool little) {
  uint64_t x = 0;
  for (int i = 0; i < size; i++) {
    int shift = 8 * (little ? i : size - 1 - i);
    x |= (uint64_t)(uint8_t)p[i] << shift;
  }
  return x;
}

/* The int to pack: v itself, or v.__index__(); struct.error otherwise. */
static Value pack_int_arg(Value v) {
  if (val_is_int(v) || val_is_intlike(v)) return v;
  if (val_type(v)->to_index) return obj_index(v);
  return err_set((TypeObject *)struct_error, "required argument is not an integer");
}

/* Converts an int to int64 (is_signed) or uint64; false when it does not fit. */
static bool int_fits64(Value v, bool is_signed, uint64_t *out) {
  if (val_is_int(v)) {
    intptr_t x = val_int(v);
    if (!is_signed && x < 0) return false;
    *out = (uint64_t)x;
    return true;
  }
  if (v == VAL_TRUE || v == VAL_FALSE) {
    *out = v == VAL_TRUE;
    return true;
  }
  const mpz_srcptr z = AS(IntObject, v)->z;
  int sgn = mpz_sgn(z);
  if (sgn < 0 && !is_signed) return false;
  size_t bits = mpz_sizeinbase(z, 2);
  if (!is_signed) {
    if (bits > 64) return false;
    uint64_t x = 0;
    size_t count = 0;
    mpz_export(&x, &count, -1, sizeof x, 0, 0, z);
    *out = x;
    return true;
  }
  if (bits > 64) return false;
  uint64_t mag = 0;
  size_t count = 0;
  mpz_export(&mag, &count, -1, sizeof mag, 0, 0, z);
  if (sgn < 0) {
    if (mag > (uint64_t)1 << 63) return false;
    *out = (uint64_t)0 - mag;
  } else {
    if (mag > (uint64_t)INT64_MAX) return false;
    *out = mag;
  }
  return true;
}

static int pack_integer(const Code *c, int order, Value v, char *p) {
  const FormatDef *e = c->def;
  Value n = pack_int_arg(v);
  if (!n) return -1;
  /* CPython's byte and short packers convert through a C long even for
   * the unsigned codes, so -1 for 'B' fails the range check. */
  bool conv_signed = e->is_signed || e->range == RANGE_NAMED;
  uint64_t x;
  bool little = order == ORDER_BIG ? false : order == ORDER_LITTLE ? true : HOST_LITTLE;
  if (e->code == 'P') {
    /* PyLong_AsVoidPtr: signed when negative, unsigned otherwise. */
    if (!int_fits64(n, int_sign(n) < 0, &x))
      return ERR_INT(err_set((TypeObject *)struct_error, "int too large to convert"));
  } else if (!int_fits64(n, conv_signed, &x)) {
    if (order == ORDER_BIG && e->size == 8) {
      if (val_is_intlike(v)) return ERR_INT(err_set((TypeObject *)struct_error, "int too large to convert"));
      return ERR_INT(err_set(&Exc_OverflowError, "int too big to convert"));
    }
    return ERR_INT(err_set((TypeObject *)struct_error, "argument out of range"));
  }
  if (e->size < 8) {
    int bits = 8 * e->size;
    int64_t lo = e->is_signed ? -((int64_t)1 << (bits - 1)) : 0;
    int64_t hi = e->is_signed ? ((int64_t)1 << (bits - 1)) - 1 : ((int64_t)1 << bits) - 1;
    bool bad = conv_signed ? ((int64_t)x < lo || (int64_t)x > hi) : x > (uint64_t)hi;
    if (bad) {
      if (e->range == RANGE_NAMED)
        return ERR_INT(err_set((TypeObject *)struct_error, "%s format requires %lld <= number <= %lld", e->name,
                               (long long)lo, (long long)hi));
      return ERR_INT(err_set((TypeObject *)struct_error, "'%c' format requires %lld <= number <= %lld", e->code,
                             (long long)lo, (long long)hi));
    }
  }
  store_uint(p, x, e->size, little);
  return 0;
}

/* IEEE half precision, rounding to nearest even (CPython's PyFloat_Pack2). */
static int pack_half(double x, char *p, bool little) {
  unsigned short bits;
  int sign, e;
  if (x == 0.0) {
    sign = copysign(1.0, x) == -1.0;
    e = 0;
    bits = 0;
  } else if (isinf(x)) {
    sign = x < 0.0;
    e = 0x1f;
    bits = 0;
  } else if (isnan(x)) {
    sign = copysign(1.0, x) == -1.0;
    e = 0x1f;
    bits = 512;
  } else {
    sign = x < 0.0;
    if (sign) x = -x;
    double f = frexp(x, &e);
    f *= 2.0; /* into [1.0, 2.0) */
    e--;
    if (e >= 16) goto overflow;
    if (e < -25) {
      f = 0.0; /* underflows to zero */
      e = 0;
    } else if (e < -14) {
      f = ldexp(f, 14 + e); /* subnormal */
      e = 0;
    } else {
      e += 15;
      f -= 1.0;
    }
    f *= 1024.0;
    bits = (unsigned short)f;
    if (f - bits > 0.5 || (f - bits == 0.5 && bits % 2 == 1)) {
      if (++bits == 1024) {
        bits = 0;
        if (++e == 31) goto overflow;
      }
    }
  }
  bits |= (unsigned short)((e << 10) | (sign << 15));
  store_uint(p, bits, 2, little);
  return 0;
overflow:
  return ERR_INT(err_set(&Exc_OverflowError, "float too large to pack with e format"));
}

static double unpack_half(const char *p, bool little) {
  unsigned bits = (unsigned)load_uint(p, 2, little);
  int sign = (bits >> 15) & 1;
  int e = (bits >> 10) & 0x1f;
  unsigned f = bits & 0x3ff;
  if (e == 0x1f) {
    if (f == 0) return sign ? -HUGE_VAL : HUGE_VAL;
    return sign ? -NAN : NAN;
  }
  double x = (double)f / 1024.0;
  if (e == 0) {
    e = -14;
  } else {
    x += 1.0;
    e -= 15;
  }
  x = ldexp(x, e);
  return sign ? -x : x;
}

static int pack_float(const Code *c, int order, Value v, char *p) {
  bool little = order == ORDER_BIG ? false : order == ORDER_LITTLE ? true : HOST_LITTLE;
  double x = val_is_float(v) ? float_value(v) : float_as_double(v);
  if (x == -1.0 && err_occurred()) {
    err_clear();
    return ERR_INT(err_set((TypeObject *)struct_error, "required argument is not a float"));
  }
  switch (c->def->code) {
    case 'e':
      return pack_half(x, p, little);
    case 'f': {
      float y = (float)x;
      if (order != ORDER_NATIVE && isinf(y) && !isinf(x))
        return ERR_INT(err_set(&Exc_OverflowError, "float too large to pack with f format"));
      uint32_t u;
      memcpy(&u, &y, 4);
      store_uint(p, u, 4, little);
      return 0;
    }
    default: {
      uint64_t u;
      memcpy(&u, &x, 8);
      store_uint(p, u, 8, little);
      return 0;
    }
  }
}

static int pack_one(const Code *c, int order, Value v, char *p) {
  switch (c->def->code) {
    case 'c': {
      const char *d;
      size_t n;
      if (!val_is_bytes(v) || !bytes_buffer(v, &d, &n) || n != 1)
        return ERR_INT(err_set((TypeObject *)struct_error, "char format requires a bytes object of length 1"));
      *p = d[0];
      return 0;
    }
    case '?': {
      int t = obj_truthy(v);
      if (t < 0) return -1;
      *p = (char)t;
      return 0;
    }
    case 'e': case 'f': case 'd':
      return pack_float(c, order, v, p);
    default:
      return pack_integer(c, order, v, p);
  }
}

static int pack_string(const Code *c, Value v, char *p) {
  const char *d;
  size_t n;
  if (!val_is_obj(v) || !(val_is_bytes(v) || type_is_subtype(val_type(v), &ByteArrayType)))
    return ERR_INT(err_set((TypeObject *)struct_error, "argument for '%c' must be a bytes object", c->def->code));
  bytes_buffer(v, &d, &n);
  ssize_t len = (ssize_t)n;
  if (c->def->code == 's') {
    if (len > c->size) len = c->size;
    if (len > 0) memcpy(p, d, (size_t)len);
    return 0;
  }
  if (c->size == 0) return 0;
  if (len > c->size - 1) len = c->size - 1;
  if (len > 0) memcpy(p + 1, d, (size_t)len);
  if (len > 255) len = 255;
  *p = (char)(uint8_t)len;
  return 0;
}

/* Packs items into buf (s->size bytes, zeroed by the caller).  Packing
 * runs Python code (__index__, __float__, __bool__) that may call the
 * Struct's __init__ again and free its codes, so it works on a copy. */
static int struct_pack_into_buf(StructObject *s, Value *items, char *buf) {
  Code small[16];
  ssize_t ncodes = s->ncodes;
  int order = s->order;
  Code *codes = ncodes <= 16 ? small : malloc(sizeof(Code) * (size_t)ncodes);
  if (!codes) return ERR_INT(err_no_memory());
  if (ncodes) memcpy(codes, s->codes, sizeof(Code) * (size_t)ncodes);
  int rc = 0;
  size_t k = 0;
  for (ssize_t i = 0; i < ncodes && rc == 0; i++) {
    const Code *c = &codes[i];
    char c0 = c->def->code;
    if (c0 == 's' || c0 == 'p') {
      rc = pack_string(c, items[k++], buf + c->offset);
      continue;
    }
    for (ssize_t j = 0; j < c->count; j++) {
      Value v = items[k++];
      if (pack_one(c, order, v, buf + c->offset + j * c->size) < 0) {
        if (val_is_intlike(v) && err_matches(&Exc_OverflowError)) {
          err_clear();
          err_set((TypeObject *)struct_error, "int too large to convert");
        }
        rc = -1;
        break;
      }
    }
  }
  if (codes != small) free(codes);
  return rc;
}

/* Packs into a fresh bytes object. */
static Value struct_pack_values(StructObject *s, const char *who, Value *items, size_t n) {
  if ((ssize_t)n != s->nitems)
    return err_set((TypeObject *)struct_error, "%s expected %zd items for packing (got %zu)", who, s->nitems, n);
  ssize_t size = s->size; /* s may be re-initialised while packing */
  char small[256];
  char *buf = size <= (ssize_t)sizeof small ? small : malloc((size_t)size);
  if (!buf) return err_no_memory();
  memset(buf, 0, (size_t)size);
  Value r = struct_pack_into_buf(s, items, buf) < 0 ? VAL_NULL : bytes_new(buf, (size_t)size);
  if (buf != small) free(buf);
  return r;
}

/* ---- unpacking ----------------------------------------------------------- */

static Value unpack_one(const Code *c, int order, const char *p) {
  bool little = order == ORDER_BIG ? false : order == ORDER_LITTLE ? true : HOST_LITTLE;
  const FormatDef *e = c->def;
  switch (e->code) {
    case 'c': return bytes_new(p, 1);
    case '?': return val_bool(*p != 0);
    case 'e': return float_new(unpack_half(p, little));
    case 'f': {
      uint32_t u = (uint32_t)load_uint(p, 4, little);
      float y;
      memcpy(&y, &u, 4);
      return float_new((double)y);
    }
    case 'd': {
      uint64_t u = load_uint(p, 8, little);
      double y;
      memcpy(&y, &u, 8);
      return float_new(y);
    }
    default: {
      uint64_t u = load_uint(p, e->size, little);
      if (!e->is_signed) return int_from_u64(u);
      if (e->size < 8) {
        uint64_t sign = (uint64_t)1 << (8 * e->size - 1);
        u = (u ^ sign) - sign; /* sign-extend */
      }
      return int_from_i64((int64_t)u);
    }
  }
}

static Value struct_unpack_buf(StructObject *s, const char *buf) {
  if (!s->codes) return err_set(&Exc_SystemError, "bad argument to internal function");
  Value t = tuple_new(s->nitems);
  ssize_t k = 0;
  for (ssize_t i = 0; i < s->ncodes; i++) {
    const Code *c = &s->codes[i];
    const char *p = buf + c->offset;
    if (c->def->code == 's') {
      TUPLE_ITEMS(t)[k++] = bytes_new(p, (size_t)c->size);
    } else if (c->def->code == 'p') {
      /* '0p' has no length byte: CPython reports the size -1 it computes. */
      if (c->size == 0) return err_set(&Exc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
      ssize_t n = (uint8_t)*p;
      if (n >= c->size) n = c->size - 1;
      TUPLE_ITEMS(t)[k++] = bytes_new(p + 1, (size_t)n);
    } else {
      for (ssize_t j = 0; j < c->count; j++) {
        Value v = unpack_one(c, s->order, p + j * c->size);
        if (!v) return VAL_NULL;
        TUPLE_ITEMS(t)[k++] = v;
      }
    }
  }
  return t;
}

/* A readable buffer: bytes or bytearray. */
static bool read_buffer(Value v, const char **p, size_t *n) {
  if (!val_is_obj(v) || !(val_is_bytes(v) || type_is_subtype(val_type(v), &ByteArrayType))) {
    err_set(&Exc_TypeError, "a bytes-like object is required, not '%T'", v);
    return false;
  }
  return bytes_buffer(v, p, n);
}

static Value struct_unpack_value(StructObject *s, Value buffer) {
  const char *p;
  size_t n;
  if (!read_buffer(buffer, &p, &n)) return VAL_NULL;
  if ((ssize_t)n != s->size) return err_set((TypeObject *)struct_error, "unpack requires a buffer of %zd bytes", s->size);
  return struct_unpack_buf(s, p);
}

static Value struct_unpack_from_value(StructObject *s, Value buffer, Value offset_obj) {
  ssize_t offset = 0;
  if (offset_obj && !args_index(offset_obj, &offset)) return VAL_NULL;
  const char *p;
  size_t n;
  if (!read_buffer(buffer, &p, &n)) return VAL_NULL;
  ssize_t len = (ssize_t)n;
  if (offset < 0) {
    if (offset + len < 0) return err_set((TypeObject *)struct_error, "offset %zd out of range for %zd-byte buffer", offset, len);
    if (offset + s->size > 0)
      return err_set((TypeObject *)struct_error, "not enough data to unpack %zd bytes at offset %zd", s->size, offset);
    offset += len;
  }
  if (len - offset < s->size)
    return err_set((TypeObject *)struct_error,
                   "unpack_from requires a buffer of at least %zd bytes for unpacking %zd bytes at offset %zd "
                   "(actual buffer size is %zd)",
                   s->size + offset, s->size, offset, len);
  return struct_unpack_buf(s, p + offset);
}

/* Resolves a negative offset and checks that size bytes fit at it. */
static int pack_bounds(ssize_t size, ssize_t *offset, ssize_t len) {
  if (*offset < 0) {
    if (*offset + size > 0)
      return ERR_INT(err_set((TypeObject *)struct_error, "no space to pack %zd bytes at offset %zd", size, *offset));
    if (*offset + len < 0)
      return ERR_INT(err_set((TypeObject *)struct_error, "offset %zd out of range for %zd-byte buffer", *offset, len));
    *offset += len;
  }
  if (len - *offset < size)
    return ERR_INT(err_set((TypeObject *)struct_error,
                           "pack_into requires a buffer of at least %zd bytes for packing %zd bytes at offset %zd "
                           "(actual buffer size is %zd)",
                           size + *offset, size, *offset, len));
  return 0;
}

static Value struct_pack_into_value(StructObject *s, Value *args, size_t nargs) {
  if (nargs < 1) return err_set((TypeObject *)struct_error, "pack_into expected buffer argument");
  if (nargs < 2) return err_set((TypeObject *)struct_error, "pack_into expected offset argument");
  if ((ssize_t)nargs - 2 != s->nitems)
    return err_set((TypeObject *)struct_error, "pack_into expected %zd items for packing (got %zu)", s->nitems, nargs - 2);
  Value target = args[0];
  if (!val_is_obj(target) || !type_is_subtype(val_type(target), &ByteArrayType)) {
    return err_set(&Exc_TypeError, "argument must be read-write bytes-like object, not %T", target);
  }
  ssize_t offset;
  if (!args_index(args[1], &offset)) return VAL_NULL;
  /* __index__ may have re-initialised the Struct: check the count again. */
  if ((ssize_t)nargs - 2 != s->nitems)
    return err_set((TypeObject *)struct_error, "pack_into expected %zd items for packing (got %zu)", s->nitems, nargs - 2);
  ssize_t size = s->size, at = offset;
  if (pack_bounds(size, &at, AS(ByteArrayObject, target)->len) < 0) return VAL_NULL;
  char small[256];
  char *buf = size <= (ssize_t)sizeof small ? small : malloc((size_t)size);
  if (!buf) return err_no_memory();
  memset(buf, 0, (size_t)size);
  if (struct_pack_into_buf(s, args + 2, buf) < 0) goto fail;
  /* Packing ran Python code, which may have resized the target: again. */
  at = offset;
  ByteArrayObject *ba = AS(ByteArrayObject, target);
  if (pack_bounds(size, &at, ba->len) < 0) goto fail;
  if (size) memcpy(ba->data + at, buf, (size_t)size);
  if (buf != small) free(buf);
  return VAL_NONE;
fail:
  if (buf != small) free(buf);
  return VAL_NULL;
}

/* ---- unpack_iterator ----------------------------------------------------- */

typedef struct {
  Object base;
  StructObject *s;
  Value buffer;   /* bytes or bytearray */
  ssize_t index;  /* byte offset of the next item */
} UnpackIterObject;

static Value struct_iter_unpack_value(StructObject *s, Value buffer) {
  const char *p;
  size_t n;
  if (s->size == 0) return err_set((TypeObject *)struct_error, "cannot iteratively unpack with a struct of length 0");
  if (!read_buffer(buffer, &p, &n)) return VAL_NULL;
  if ((ssize_t)n % s->size != 0)
    return err_set((TypeObject *)struct_error, "iterative unpacking requires a buffer of a multiple of %zd bytes",
                   s->size);
  UnpackIterObject *it = (UnpackIterObject *)gc_alloc(&UnpackIterType, sizeof(UnpackIterObject));
  it->s = s;
  it->buffer = buffer;
  return (Value)it;
}

static void unpackiter_trace(Object *o) {
  UnpackIterObject *it = (UnpackIterObject *)o;
  gc_mark_obj(it->s);
  gc_mark(it->buffer);
}

static Value unpackiter_iter(Value self) { return self; }

static Value unpackiter_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  (void)type, (void)args, (void)nargs, (void)kwnames;
  /* sic: CPython's message lacks the closing quote */
  return err_set(&Exc_TypeError, "Cannot create 'unpack_iterator objects");
}

static Value unpackiter_next(Value self) {
  UnpackIterObject *it = AS(UnpackIterObject, self);
  if (!it->s) return VAL_NULL;
  const char *p;
  size_t n;
  bytes_buffer(it->buffer, &p, &n);
  if (it->index + it->s->size > (ssize_t)n) {
    it->s = NULL;
    it->buffer = VAL_NONE;
    return VAL_NULL;
  }
  Value r = struct_unpack_buf(it->s, p + it->index);
  it->index += it->s->size;
  return r;
}

static Value unpackiter_length_hint(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args;
  if (!args_no_kw("__length_hint__", kw) || !args_count("__length_hint__", nargs, 0, 0)) return VAL_NULL;
  UnpackIterObject *it = AS(UnpackIterObject, self);
  if (!it->s) return val_from_int(0);
  const char *p;
  size_t n;
  bytes_buffer(it->buffer, &p, &n);
  ssize_t left = ((ssize_t)n - it->index) / it->s->size;
  return val_from_int(left > 0 ? left : 0);
}

static const NativeDef unpackiter_methods[] = {
    {"__length_hint__", unpackiter_length_hint, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject UnpackIterType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_struct.unpack_iterator",
    .instance_size = sizeof(UnpackIterObject),
    .tp_new = unpackiter_tp_new,
    .trace = unpackiter_trace,
    .iter = unpackiter_iter,
    .iternext = unpackiter_next,
    .methods = unpackiter_methods,
};

/* Binds unpack_from's arguments, worded as CPython's argument clinic:
 * the module function takes (format, /, buffer, offset=0) (nposonly 1),
 * the method (buffer, offset=0).  out: [format,] buffer, offset (NULL). */
static bool bind_unpack_from(Value *args, size_t nargs, TupleObject *kw, size_t nposonly, Value *out) {
  size_t nkw = kw ? (size_t)kw->len : 0, max = nposonly + 2;
  if (nargs + nkw > max) {
    err_set(&Exc_TypeError, "unpack_from() takes at most %zu arguments (%zu given)", max, nargs + nkw);
    return false;
  }
  if (nargs < nposonly) {
    err_set(&Exc_TypeError, "unpack_from() takes at least %zu positional argument (%zu given)", nposonly, nargs);
    return false;
  }
  for (size_t i = 0; i < max; i++) out[i] = i < nargs ? args[i] : VAL_NULL;
  static const char *const names[] = {"buffer", "offset"};
  bool unknown = false;
  for (size_t k = 0; k < nkw; k++) {
    const char *name = str_cstr((Value)kw->items[k]);
    size_t slot = strcmp(name, names[0]) == 0 ? nposonly : strcmp(name, names[1]) == 0 ? nposonly + 1 : max;
    if (slot == max) {
      unknown = true;
      continue;
    }
    if (slot < nargs) {
      err_set(&Exc_TypeError, "argument for unpack_from() given by name ('%s') and position (%zu)", name, slot + 1);
      return false;
    }
    out[slot] = args[nargs + k];
  }
  if (!out[nposonly]) {
    err_set(&Exc_TypeError, "unpack_from() missing required argument 'buffer' (pos %zu)", nposonly + 1);
    return false;
  }
  if (unknown)
    for (size_t k = 0; k < nkw; k++) {
      const char *name = str_cstr((Value)kw->items[k]);
      if (strcmp(name, names[0]) != 0 && strcmp(name, names[1]) != 0) {
        err_set(&Exc_TypeError, "'%s' is an invalid keyword argument for unpack_from()", name);
        return false;
      }
    }
  return true;
}

/* ---- Struct methods ------------------------------------------------------ */

/* Argument checks worded as CPython's for these functions ("Struct.pack",
 * "_struct.calcsize"). */
static bool no_kw(const char *qualname, TupleObject *kw) {
  if (kw && kw->len) {
    err_set(&Exc_TypeError, "%s() takes no keyword arguments", qualname);
    return false;
  }
  return true;
}

static bool one_arg(const char *qualname, size_t nargs, TupleObject *kw) {
  if (!no_kw(qualname, kw)) return false;
  if (nargs != 1) {
    err_set(&Exc_TypeError, "%s() takes exactly one argument (%zu given)", qualname, nargs);
    return false;
  }
  return true;
}

static Value s_pack(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!no_kw("Struct.pack", kw)) return VAL_NULL;
  return struct_pack_values(struct_of(self), "pack", args, nargs);
}

static Value s_pack_into(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!no_kw("Struct.pack_into", kw)) return VAL_NULL;
  return struct_pack_into_value(struct_of(self), args, nargs);
}

static Value s_unpack(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!one_arg("Struct.unpack", nargs, kw)) return VAL_NULL;
  return struct_unpack_value(struct_of(self), args[0]);
}

static Value s_unpack_from(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[2];
  if (!bind_unpack_from(args, nargs, kw, 0, a)) return VAL_NULL;
  return struct_unpack_from_value(struct_of(self), a[0], a[1]);
}

static Value s_iter_unpack(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!one_arg("Struct.iter_unpack", nargs, kw)) return VAL_NULL;
  return struct_iter_unpack_value(struct_of(self), args[0]);
}

static Value s_sizeof(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args;
  if (!args_no_kw("__sizeof__", kw) || !args_count("__sizeof__", nargs, 0, 0)) return VAL_NULL;
  StructObject *s = struct_of(self);
  return int_from_i64((int64_t)(sizeof(StructObject) + (size_t)s->ncodes * sizeof(Code)));
}

static Value s_get_format(Value self) { return struct_of(self)->format; }
static Value s_get_size(Value self) { return int_from_i64(struct_of(self)->size); }

static const NativeDef struct_methods[] = {
    {"pack", s_pack, NATIVE_METHOD, NULL},
    {"pack_into", s_pack_into, NATIVE_METHOD, NULL},
    {"unpack", s_unpack, NATIVE_METHOD, NULL},
    {"unpack_from", s_unpack_from, NATIVE_METHOD, NULL},
    {"iter_unpack", s_iter_unpack, NATIVE_METHOD, NULL},
    {"__sizeof__", s_sizeof, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef struct_getsets[] = {
    {"format", s_get_format, NULL},
    {"size", s_get_size, NULL},
    {NULL, NULL, NULL},
};

TypeObject StructType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_struct.Struct",
    .instance_size = sizeof(StructObject),
    .flags = TP_BASETYPE,
    .tp_new = struct_tp_new,
    .tp_init = struct_tp_init,
    .trace = struct_trace,
    .finalize = struct_finalize,
    .methods = struct_methods,
    .getsets = struct_getsets,
};

/* ---- module functions ---------------------------------------------------- */

/* Compiled Structs by format; cleared when it grows past CACHE_MAX, as CPython. */
#define CACHE_MAX 100
static Value struct_cache;

static StructObject *cached_struct(Value format) {
  if (val_is_str(format) || val_is_bytes(format)) {
    Value hit = dict_get(struct_cache, format);
    if (hit) return AS(StructObject, hit);
    if (err_occurred()) return NULL;
  }
  StructObject *s = AS(StructObject, struct_tp_new(&StructType, NULL, 0, NULL));
  if (struct_set_format(s, format) < 0) return NULL;
  if (DICT_LEN(struct_cache) >= CACHE_MAX) dict_clear(struct_cache);
  if (dict_set(struct_cache, format, (Value)s) < 0) return NULL;
  return s;
}

static Value m_pack(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  if (!no_kw("_struct.pack", kw)) return VAL_NULL;
  if (nargs < 1) return err_set(&Exc_TypeError, "missing format argument");
  StructObject *s = cached_struct(args[0]);
  return s ? struct_pack_values(s, "pack", args + 1, nargs - 1) : VAL_NULL;
}

static Value m_pack_into(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  if (!no_kw("_struct.pack_into", kw)) return VAL_NULL;
  if (nargs < 1) return err_set(&Exc_TypeError, "missing format argument");
  StructObject *s = cached_struct(args[0]);
  return s ? struct_pack_into_value(s, args + 1, nargs - 1) : VAL_NULL;
}

static Value m_unpack(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  if (!no_kw("_struct.unpack", kw)) return VAL_NULL;
  if (nargs != 2) return err_set(&Exc_TypeError, "unpack expected 2 arguments, got %zu", nargs);
  StructObject *s = cached_struct(args[0]);
  return s ? struct_unpack_value(s, args[1]) : VAL_NULL;
}

static Value m_unpack_from(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  Value a[3];
  if (!bind_unpack_from(args, nargs, kw, 1, a)) return VAL_NULL;
  StructObject *s = cached_struct(a[0]);
  return s ? struct_unpack_from_value(s, a[1], a[2]) : VAL_NULL;
}

static Value m_iter_unpack(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  if (!no_kw("_struct.iter_unpack", kw)) return VAL_NULL;
  if (nargs != 2) return err_set(&Exc_TypeError, "iter_unpack expected 2 arguments, got %zu", nargs);
  StructObject *s = cached_struct(args[0]);
  return s ? struct_iter_unpack_value(s, args[1]) : VAL_NULL;
}

static Value m_calcsize(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  if (!one_arg("_struct.calcsize", nargs, kw)) return VAL_NULL;
  StructObject *s = cached_struct(args[0]);
  return s ? int_from_i64(s->size) : VAL_NULL;
}

static Value m_clearcache(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self, (void)args;
  if (!args_no_kw("_clearcache", kw) || !args_count("_clearcache", nargs, 0, 0)) return VAL_NULL;
  dict_clear(struct_cache);
  return VAL_NONE;
}

static const NativeDef struct_functions[] = {
    {"pack", m_pack, 0, NULL},
    {"pack_into", m_pack_into, 0, NULL},
    {"unpack", m_unpack, 0, NULL},
    {"unpack_from", m_unpack_from, 0, NULL},
    {"iter_unpack", m_iter_unpack, 0, NULL},
    {"calcsize", m_calcsize, 0, NULL},
    {"_clearcache", m_clearcache, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int struct_init(Value module) {
  type_ready(&StructType);
  type_ready(&UnpackIterType);
  Value d = module_dict(module);
  if (!struct_error) {
    Value ns = dict_new();
    if (dict_set_cstr(ns, "__module__", str_from_cstr("struct")) < 0) return -1;
    Value bases = tuple_pack(1, (Value)&Exc_Exception);
    struct_error = type_new_class(&TypeType, str_from_cstr("error"), bases, ns);
    if (!struct_error) return -1;
    gc_add_root(&struct_error);
    struct_cache = dict_new();
    gc_add_root(&struct_cache);
  }
  if (dict_set_cstr(d, "error", struct_error) < 0) return -1;
  if (dict_set_cstr(d, "Struct", (Value)&StructType) < 0) return -1;
  return 0;
}

const NativeModuleDef _struct_module_def = {"_struct", struct_functions, struct_init};
