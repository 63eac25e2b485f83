/* bytes.c — bytes (immutable, data inline) and bytearray (mutable, data in
 * a malloc'd buffer accounted to the GC), their shared methods, and the
 * iterator over either.
 *
 * Most methods read their receiver through bytes_buffer() and build results
 * of the receiver's kind (make_like), so one implementation serves both
 * types.  A bytearray's buffer may be reallocated by any call that runs
 * Python code, so methods never keep a data pointer across such calls.
 * Codecs live with str (str_decode, str_encode), `%` with the other
 * formatting (strfmt.c).
 */
#define _GNU_SOURCE /* memmem, memrchr */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/strfmt.h"
#include "runtime/type.h"

#define BO(v) AS(BytesObject, (v))
#define BA(v) AS(ByteArrayObject, (v))

static inline bool is_bytearray(Value v) { return val_is_obj(v) && type_is_subtype(v->type, &ByteArrayType); }

/* ---- construction ------------------------------------------------------------ */

static BytesObject *bytes_alloc_type(TypeObject *type, size_t len) {
  size_t extra = type->instance_size > sizeof(BytesObject) ? type->instance_size - sizeof(BytesObject) : 0;
  BytesObject *b = (BytesObject *)gc_alloc(type, sizeof(BytesObject) + len + 1 + extra);
  b->len = (ssize_t)len;
  b->hash = -1;
  return b;
}

Value bytes_new(const char *data, size_t len) {
  BytesObject *b = bytes_alloc_type(&BytesType, len);
  if (len) memcpy(b->data, data, len);
  return (Value)b;
}

static void ba_reserve(ByteArrayObject *a, size_t need) {
  if ((ssize_t)need <= a->cap) return;
  size_t ncap = (size_t)a->cap + ((size_t)a->cap >> 1) + 16;
  if (ncap < need) ncap = need;
  char *nd = realloc(a->data, ncap);
  if (!nd) {
    fprintf(stderr, "gilpy: out of memory (bytearray)\n");
    abort();
  }
  gc_account((ssize_t)ncap - a->cap);
  a->data = nd;
  a->cap = (ssize_t)ncap;
}

static Value bytearray_new_type(TypeObject *type, const char *data, size_t len) {
  ByteArrayObject *a = (ByteArrayObject *)gc_alloc(type, type->instance_size);
  if (len) {
    ba_reserve(a, len);
    memcpy(a->data, data, len);
  }
  a->len = (ssize_t)len;
  return (Value)a;
}

Value bytearray_new(const char *data, size_t len) { return bytearray_new_type(&ByteArrayType, data, len); }

bool bytes_buffer(Value v, const char **data, size_t *len) {
  if (val_is_bytes(v)) {
    *data = BO(v)->data;
    *len = (size_t)BO(v)->len;
    return true;
  }
  if (is_bytearray(v)) {
    *data = BA(v)->data ? BA(v)->data : "";
    *len = (size_t)BA(v)->len;
    return true;
  }
  err_set(&Exc_TypeError, "a bytes-like object is required, not '%T'", v);
  return false;
}

/* A result of the same kind as self (bytes for bytes, bytearray for bytearray). */
static Value make_like(Value self, const char *d, size_t n) {
  return is_bytearray(self) ? bytearray_new(d, n) : bytes_new(d, n);
}

static const char *kind_name(Value self) { return is_bytearray(self) ? "bytearray" : "bytes"; }

static void ba_finalize(Object *o) {
  ByteArrayObject *a = (ByteArrayObject *)o;
  if (a->data) {
    gc_account(-(ssize_t)a->cap);
    free(a->data);
    a->data = NULL;
  }
}

/* ---- repr ------------------------------------------------------------------------- */

/* bytearray's repr escapes ' even inside double quotes (as CPython's). */
static void repr_into(StrBuilder *sb, const char *p, size_t len, bool always_escape_sq) {
  bool sq = memchr(p, '\'', len) != NULL, dq = memchr(p, '"', len) != NULL;
  char q = (sq && !dq) ? '"' : '\'';
  sb_addc(sb, 'b');
  sb_addc(sb, q);
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == (unsigned char)q || c == '\\' || (c == '\'' && always_escape_sq)) {
      sb_addc(sb, '\\');
      sb_addc(sb, (char)c);
    } else if (c == '\t') sb_add(sb, "\\t", 2);
    else if (c == '\n') sb_add(sb, "\\n", 2);
    else if (c == '\r') sb_add(sb, "\\r", 2);
    else if (c < 0x20 || c >= 0x7F) sb_addf(sb, "\\x%02x", c);
    else sb_addc(sb, (char)c);
  }
  sb_addc(sb, q);
}

Value bytes_repr(Value b) {
  const char *d;
  size_t n;
  if (!bytes_buffer(b, &d, &n)) return VAL_NULL;
  StrBuilder sb;
  sb_init(&sb);
  if (is_bytearray(b)) {
    sb_adds(&sb, type_name(b->type));
    sb_addc(&sb, '(');
  }
  repr_into(&sb, d, n, is_bytearray(b));
  if (is_bytearray(b)) sb_addc(&sb, ')');
  return sb_finish(&sb);
}

/* ---- helpers ----------------------------------------------------------------------- */

static bool byte_value(Value v, int *out) {
  int64_t x;
  if (!val_is_intlike(v)) {
    if (!val_type(v)->to_index) {
      err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
      return false;
    }
    v = obj_index(v);
    if (!v) return false;
  }
  if (!int_to_i64(v, &x) || x < 0 || x > 255) {
    err_clear();
    err_set(&Exc_ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = (int)x;
  return true;
}

/* Collects the bytes of a bytes-like object or an iterable of ints into sb. */
static int collect_bytes(StrBuilder *sb, Value src) {
  const char *d;
  size_t n;
  if (val_is_bytes(src) || is_bytearray(src)) {
    bytes_buffer(src, &d, &n);
    sb_add(sb, d, n);
    return 0;
  }
  Value it = obj_iter(src);
  if (!it) return -1;
  Value x;
  while ((x = obj_next(it))) {
    if (!val_is_intlike(x) && !val_type(x)->to_index) {
      err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", x);
      return -1;
    }
    int b;
    if (!byte_value(x, &b)) {
      if (err_matches(&Exc_ValueError)) {
        err_clear();
        err_set(&Exc_ValueError, "bytes must be in range(0, 256)");
      }
      return -1;
    }
    sb_addc(sb, (char)b);
  }
  return err_occurred() ? -1 : 0;
}

/* A "sub" argument: bytes-like, or an int (a single byte) when allow_int. */
static bool sub_arg(Value v, bool allow_int, char *one, const char **d, size_t *n) {
  if (allow_int && val_is_intlike(v)) {
    int b;
    if (!byte_value(v, &b)) return false;
    *one = (char)b;
    *d = one;
    *n = 1;
    return true;
  }
  if (val_is_bytes(v) || is_bytearray(v)) return bytes_buffer(v, d, n);
  if (allow_int)
    err_set(&Exc_TypeError, "argument should be integer or bytes-like object, not '%T'", v);
  else
    err_set(&Exc_TypeError, "a bytes-like object is required, not '%T'", v);
  return false;
}

/* Resolves optional start/end arguments (args[1], args[2]) to [*b, *e).
 * Returns 1, 0 when the range can match nothing (start beyond the end, or
 * end before start: not even b'' matches, as CPython), -1 on error. */
static int range_args(Value *args, size_t nargs, size_t len, size_t *b, size_t *e) {
  ssize_t start = 0, end = (ssize_t)len;
  if (nargs > 1 && slice_index_clamped(args[1], &start) < 0) return -1;
  if (nargs > 2 && slice_index_clamped(args[2], &end) < 0) return -1;
  ssize_t n = (ssize_t)len;
  if (end > n) end = n;
  else if (end < 0) {
    end += n;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (start > n || end < start) return 0;
  *b = (size_t)start;
  *e = (size_t)end;
  return 1;
}

/* ---- slots --------------------------------------------------------------------------- */

static ssize_t b_len_slot(Value v) {
  return is_bytearray(v) ? BA(v)->len : BO(v)->len;
}

static Hash b_hash(Value v) {
  BytesObject *b = BO(v);
  if (b->hash == -1) b->hash = str_hash_bytes(b->data, (size_t)b->len);
  return b->hash;
}

static Value b_richcompare(Value a, Value b, CmpOp op) {
  const char *x, *y;
  size_t xl, yl;
  if (!(val_is_bytes(a) || is_bytearray(a)) || !(val_is_bytes(b) || is_bytearray(b))) return VAL_NOTIMPL;
  bytes_buffer(a, &x, &xl);
  bytes_buffer(b, &y, &yl);
  if (op == CMP_EQ || op == CMP_NE) {
    bool eq = xl == yl && memcmp(x, y, xl) == 0;
    return val_bool(op == CMP_EQ ? eq : !eq);
  }
  int c = memcmp(x, y, xl < yl ? xl : yl);
  if (c == 0) c = xl < yl ? -1 : xl > yl ? 1 : 0;
  switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_GT: return val_bool(c > 0);
    default: return val_bool(c >= 0);
  }
}

static Value b_getitem(Value self, Value key) {
  const char *d;
  size_t n;
  bytes_buffer(self, &d, &n);
  if (val_is_intlike(key) || (!val_is_slice(key) && val_type(key)->to_index)) {
    ssize_t i;
    if (!args_index(key, &i)) return VAL_NULL;
    if (i < 0) i += (ssize_t)n;
    if (i < 0 || i >= (ssize_t)n)
      return err_set(&Exc_IndexError, is_bytearray(self) ? "bytearray index out of range" : "index out of range");
    return val_from_int((unsigned char)d[i]);
  }
  if (val_is_slice(key)) {
    ssize_t start, stop, step, cnt;
    if (slice_indices(key, (ssize_t)n, &start, &stop, &step, &cnt) < 0) return VAL_NULL;
    bytes_buffer(self, &d, &n);
    if (step == 1) {
      if (cnt == (ssize_t)n && self->type == &BytesType) return self;
      return make_like(self, d + start, (size_t)cnt);
    }
    StrBuilder sb;
    sb_init(&sb);
    for (ssize_t k = 0, i = start; k < cnt; k++, i += step) sb_addc(&sb, d[i]);
    Value r = make_like(self, sb.data, sb.len);
    sb_free(&sb);
    return r;
  }
  return err_set(&Exc_TypeError, "%s indices must be integers or slices, not %T",
                 is_bytearray(self) ? "bytearray" : "byte", key);
}

static int b_contains(Value self, Value item) {
  char one;
  const char *s, *d;
  size_t sn, n;
  if (!sub_arg(item, true, &one, &s, &sn)) {
    if (err_matches(&Exc_TypeError) && !val_is_intlike(item)) {
      err_clear();
      err_set(&Exc_TypeError, "a bytes-like object is required, not '%T'", item);
    }
    return -1;
  }
  bytes_buffer(self, &d, &n);
  return mem_find(d, n, s, sn) >= 0;
}

static Value b_add(Value a, Value b) {
  const char *x, *y;
  size_t xl, yl;
  if (!(val_is_bytes(a) || is_bytearray(a))) return VAL_NOTIMPL;
  if (!(val_is_bytes(b) || is_bytearray(b))) {
    if (val_is_obj(b) && (b->type->flags & TP_HEAPTYPE) && b->type->binop[BINOP_ADD]) return VAL_NOTIMPL;
    return err_set(&Exc_TypeError, "can't concat %T to %s", b, kind_name(a));
  }
  bytes_buffer(a, &x, &xl);
  bytes_buffer(b, &y, &yl);
  if (is_bytearray(a)) {
    Value r = bytearray_new(x, xl);
    ByteArrayObject *ra = BA(r);
    ba_reserve(ra, xl + yl);
    bytes_buffer(b, &y, &yl);
    if (yl) memcpy(ra->data + xl, y, yl);
    ra->len = (ssize_t)(xl + yl);
    return r;
  }
  BytesObject *r = bytes_alloc_type(&BytesType, xl + yl);
  if (xl) memcpy(r->data, x, xl); /* an empty bytearray's buffer is NULL */
  if (yl) memcpy(r->data + xl, y, yl);
  return (Value)r;
}

static Value b_repeat(Value self, Value count) {
  ssize_t n;
  if (!args_index(count, &n)) return VAL_NULL;
  const char *d;
  size_t len;
  bytes_buffer(self, &d, &len);
  if (n < 0) n = 0;
  if (len && (size_t)n > ((size_t)1 << 40) / len) return err_no_memory();
  StrBuilder sb;
  sb_init(&sb);
  for (ssize_t k = 0; k < n; k++) sb_add(&sb, d, len);
  Value r = make_like(self, sb.data, sb.len);
  sb_free(&sb);
  return r;
}

static Value b_mul(Value a, Value b) {
  bool ab = val_is_bytes(a) || is_bytearray(a);
  Value seq = ab ? a : b, cnt = ab ? b : a;
  if (!(val_is_bytes(seq) || is_bytearray(seq))) return VAL_NOTIMPL;
  if (!val_is_intlike(cnt) && !val_type(cnt)->to_index) {
    if (val_is_obj(cnt) && (cnt->type->flags & TP_HEAPTYPE)) return VAL_NOTIMPL;
    return err_set(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", cnt);
  }
  return b_repeat(seq, cnt);
}

static Value b_repr_slot(Value v) { return bytes_repr(v); }

static Value b_str_slot(Value v) { return bytes_repr(v); }

/* fmt % args: the printf-style machinery lives with the other formatting. */
static Value b_mod(Value fmt, Value args) {
  if (!(val_is_bytes(fmt) || is_bytearray(fmt))) return VAL_NOTIMPL;
  return strfmt_bytes_mod(fmt, args);
}

/* ---- the iterator ------------------------------------------------------------------- */

typedef struct {
  Object base;
  Value seq;       /* VAL_NULL once exhausted */
  ssize_t index;
} BytesIterObject;

static void bytesiter_trace(Object *o) { gc_mark(((BytesIterObject *)o)->seq); }

static Value bytesiter_next(Value v) {
  BytesIterObject *it = (BytesIterObject *)v;
  if (!it->seq) return VAL_NULL;
  const char *d;
  size_t n;
  bytes_buffer(it->seq, &d, &n);
  if (it->index >= (ssize_t)n) {
    it->seq = VAL_NULL;
    return VAL_NULL;
  }
  return val_from_int((unsigned char)d[it->index++]);
}

static Value bytesiter_iter(Value v) { return v; }

TypeObject BytesIterType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "bytes_iterator",
    .instance_size = sizeof(BytesIterObject),
    .trace = bytesiter_trace,
    .iter = bytesiter_iter,
    .iternext = bytesiter_next,
};

TypeObject ByteArrayIterType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "bytearray_iterator",
    .instance_size = sizeof(BytesIterObject),
    .trace = bytesiter_trace,
    .iter = bytesiter_iter,
    .iternext = bytesiter_next,
};

static Value b_iter(Value self) {
  BytesIterObject *it = (BytesIterObject *)gc_alloc(is_bytearray(self) ? &ByteArrayIterType : &BytesIterType,
                                                    sizeof(BytesIterObject));
  it->seq = self;
  return (Value)it;
}

/* ---- constructors ---------------------------------------------------------------------- */

/* Fills sb from bytes()/bytearray() arguments: (source, encoding, errors). */
static int fill_from_args(const char *tname, Value *a, StrBuilder *sb) {
  Value src = a[0];
  if (!src) {
    if (a[1] || a[2]) {
      err_set(&Exc_TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
      return -1;
    }
    return 0;
  }
  if (val_is_str(src)) {
    if (!a[1]) {
      err_set(&Exc_TypeError, "string argument without an encoding");
      return -1;
    }
    if (!val_is_str(a[1])) {
      err_set(&Exc_TypeError, "%s() argument 'encoding' must be str, not %T", tname, a[1]);
      return -1;
    }
    if (a[2] && !val_is_str(a[2])) {
      err_set(&Exc_TypeError, "%s() argument 'errors' must be str, not %T", tname, a[2]);
      return -1;
    }
    Value enc = str_encode(src, str_cstr(a[1]), a[2] ? str_cstr(a[2]) : NULL);
    if (!enc) return -1;
    sb_add(sb, BO(enc)->data, (size_t)BO(enc)->len);
    return 0;
  }
  if (a[1]) {
    err_set(&Exc_TypeError, "encoding without a string argument");
    return -1;
  }
  if (a[2]) {
    err_set(&Exc_TypeError, "errors without a string argument");
    return -1;
  }
  if (val_is_intlike(src) || (val_type(src)->to_index && !val_is_bytes(src) && !is_bytearray(src))) {
    ssize_t n;
    if (!args_index(src, &n)) return -1;
    if (n < 0) {
      err_set(&Exc_ValueError, "negative count");
      return -1;
    }
    for (ssize_t k = 0; k < n; k++) sb_addc(sb, 0);
    return 0;
  }
  if (!val_is_bytes(src) && !is_bytearray(src) && !val_type(src)->iter && !val_type(src)->getitem) {
    err_set(&Exc_TypeError, "cannot convert '%T' object to %s", src, tname);
    return -1;
  }
  return collect_bytes(sb, src);
}

static Value bytes_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("bytes(source=b'', encoding=None, errors=None)");
  Value a[3];
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  if (a[0] && !a[1] && !a[2] && type == &BytesType && val_is_obj(a[0]) && a[0]->type == &BytesType) return a[0];
  if (a[0] && !a[1] && !a[2] && !val_is_str(a[0]) && !val_is_bytes(a[0]) && !is_bytearray(a[0])) {
    /* __bytes__ first, as CPython. */
    Value m = type_lookup(val_type(a[0]), str_intern_cstr("__bytes__"));
    if (m) {
      Value r = obj_call_method(a[0], str_intern_cstr("__bytes__"), NULL, 0);
      if (!r) return VAL_NULL;
      if (!val_is_bytes(r)) return err_set(&Exc_TypeError, "__bytes__ returned non-bytes (type %T)", r);
      if (type == &BytesType) return r;
      a[0] = r;
    }
  }
  StrBuilder sb;
  sb_init(&sb);
  if (fill_from_args("bytes", a, &sb) < 0) {
    sb_free(&sb);
    return VAL_NULL;
  }
  BytesObject *b = bytes_alloc_type(type, sb.len);
  if (sb.len) memcpy(b->data, sb.data, sb.len);
  sb_free(&sb);
  return (Value)b;
}

static Value bytearray_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("bytearray(source=b'', encoding=None, errors=None)");
  Value a[3];
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  StrBuilder sb;
  sb_init(&sb);
  if (fill_from_args("bytearray", a, &sb) < 0) {
    sb_free(&sb);
    return VAL_NULL;
  }
  Value r = bytearray_new_type(type, sb.data, sb.len);
  sb_free(&sb);
  return r;
}

/* ---- decode / hex / fromhex --------------------------------------------------------------- */

static Value m_decode(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("decode(encoding='utf-8', errors='strict')");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  if (a[0] && !val_is_str(a[0]))
    return err_set(&Exc_TypeError, "decode() argument 'encoding' must be str, not %T", a[0]);
  if (a[1] && !val_is_str(a[1]))
    return err_set(&Exc_TypeError, "decode() argument 'errors' must be str, not %T", a[1]);
  const char *d;
  size_t n;
  bytes_buffer(self, &d, &n);
  return str_decode(d, n, a[0] ? str_cstr(a[0]) : "utf-8", a[1] ? str_cstr(a[1]) : "strict");
}

static Value m_hex(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("hex(sep=<unrepresentable>, bytes_per_sep=1)");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  const char *sep = NULL;
  size_t sepl = 0;
  ssize_t per = 1;
  if (a[0]) {
    if (val_is_str(a[0])) {
      sep = str_cstr(a[0]);
      sepl = (size_t)str_len_bytes(a[0]);
    } else if (!bytes_buffer(a[0], &sep, &sepl)) {
      return VAL_NULL;
    }
    if (AS(StrObject, a[0])->len != 1 || (val_is_str(a[0]) && AS(StrObject, a[0])->nchars != 1))
      if (!(val_is_bytes(a[0]) && sepl == 1)) return err_set(&Exc_ValueError, "sep must be length 1.");
  }
  if (a[1] && !args_index(a[1], &per)) return VAL_NULL;
  const char *d;
  size_t n;
  bytes_buffer(self, &d, &n);
  StrBuilder sb;
  sb_init(&sb);
  size_t ap = (size_t)(per < 0 ? -per : per);
  for (size_t i = 0; i < n; i++) {
    if (sep && i > 0 && ap) {
      /* Separators count groups from the right for positive bytes_per_sep. */
      bool at = per > 0 ? ((n - i) % ap == 0) : (i % ap == 0);
      if (at) sb_add(&sb, sep, sepl);
    }
    sb_addf(&sb, "%02x", (unsigned char)d[i]);
  }
  return sb_finish(&sb);
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static Value m_fromhex(Value cls, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("fromhex", nargs, kw, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "fromhex() argument must be str, not %T", args[0]);
  const char *s = str_cstr(args[0]);
  size_t n = (size_t)str_len_bytes(args[0]), i = 0;
  StrBuilder sb;
  sb_init(&sb);
  while (i < n) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f') {
      i++;
      continue;
    }
    int hi = hexval(s[i]), lo = i + 1 < n ? hexval(s[i + 1]) : -1;
    if (hi < 0 || lo < 0) {
      sb_free(&sb);
      size_t pos = hi < 0 ? i : i + 1;
      return err_set(&Exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zu", pos);
    }
    sb_addc(&sb, (char)(hi * 16 + lo));
    i += 2;
  }
  TypeObject *t = (TypeObject *)cls;
  Value r = type_is_subtype(t, &ByteArrayType) ? bytearray_new(sb.data, sb.len) : bytes_new(sb.data, sb.len);
  sb_free(&sb);
  if (t != &BytesType && t != &ByteArrayType) return obj_call1(cls, r);
  return r;
}

/* ---- searching ----------------------------------------------------------------------------- */

static ssize_t find_common(const char *name, Value self, Value *args, size_t nargs, TupleObject *kw, bool back) {
  if (!str_check_args(name, nargs, kw, 1, 3)) return -2;
  char one;
  const char *s, *d;
  size_t sn, n, b, e;
  if (!sub_arg(args[0], true, &one, &s, &sn)) return -2;
  bytes_buffer(self, &d, &n);
  int rr = range_args(args, nargs, n, &b, &e);
  if (rr <= 0) return rr < 0 ? -2 : -1;
  bytes_buffer(self, &d, &n);
  ssize_t r = back ? mem_rfind(d + b, e - b, s, sn) : mem_find(d + b, e - b, s, sn);
  return r < 0 ? -1 : (ssize_t)b + r;
}

static Value m_find(Value self, Value *args, size_t nargs, TupleObject *kw) {
  ssize_t r = find_common("find", self, args, nargs, kw, false);
  return r == -2 ? VAL_NULL : val_from_int(r);
}
static Value m_rfind(Value self, Value *args, size_t nargs, TupleObject *kw) {
  ssize_t r = find_common("rfind", self, args, nargs, kw, true);
  return r == -2 ? VAL_NULL : val_from_int(r);
}
static Value m_index(Value self, Value *args, size_t nargs, TupleObject *kw) {
  ssize_t r = find_common("index", self, args, nargs, kw, false);
  if (r == -1) return err_set(&Exc_ValueError, "subsection not found");
  return r == -2 ? VAL_NULL : val_from_int(r);
}
static Value m_rindex(Value self, Value *args, size_t nargs, TupleObject *kw) {
  ssize_t r = find_common("rindex", self, args, nargs, kw, true);
  if (r == -1) return err_set(&Exc_ValueError, "subsection not found");
  return r == -2 ? VAL_NULL : val_from_int(r);
}

static Value m_count(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("count", nargs, kw, 1, 3)) return VAL_NULL;
  char one;
  const char *s, *d;
  size_t sn, n, b, e;
  if (!sub_arg(args[0], true, &one, &s, &sn)) return VAL_NULL;
  bytes_buffer(self, &d, &n);
  int rr = range_args(args, nargs, n, &b, &e);
  if (rr <= 0) return rr < 0 ? VAL_NULL : val_from_int(0);
  bytes_buffer(self, &d, &n);
  if (sn == 0) return val_from_int((intptr_t)(e - b) + 1);
  ssize_t cnt = 0;
  size_t pos = b;
  for (;;) {
    ssize_t r = mem_find(d + pos, e - pos, s, sn);
    if (r < 0) break;
    cnt++;
    pos += (size_t)r + sn;
  }
  return val_from_int(cnt);
}

static Value starts_ends(const char *name, Value self, Value *args, size_t nargs, TupleObject *kw, bool at_end) {
  if (!str_check_args(name, nargs, kw, 1, 3)) return VAL_NULL;
  const char *d;
  size_t n, b, e;
  bytes_buffer(self, &d, &n);
  int rr = range_args(args, nargs, n, &b, &e);
  if (rr < 0) return VAL_NULL;
  bool beyond = rr == 0;
  Value sub = args[0];
  Value *subs = &sub;
  ssize_t ns = 1;
  if (val_is_tuple(sub)) {
    subs = TUPLE_ITEMS(sub);
    ns = TUPLE_LEN(sub);
  } else if (!val_is_bytes(sub) && !is_bytearray(sub)) {
    return err_set(&Exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %T", name, sub);
  }
  for (ssize_t k = 0; k < ns; k++) {
    const char *s;
    size_t sn;
    if (!val_is_bytes(subs[k]) && !is_bytearray(subs[k]))
      return err_set(&Exc_TypeError, "a bytes-like object is required, not '%T'", subs[k]);
    bytes_buffer(subs[k], &s, &sn);
    if (beyond || e - b < sn) continue;
    if (memcmp(at_end ? d + e - sn : d + b, s, sn) == 0) return VAL_TRUE;
  }
  return VAL_FALSE;
}

static Value m_startswith(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return starts_ends("startswith", self, args, nargs, kw, false);
}
static Value m_endswith(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return starts_ends("endswith", self, args, nargs, kw, true);
}

/* ---- transforming ------------------------------------------------------------------------------ */

static Value m_replace(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("=replace", nargs, kw, 2, 3)) return VAL_NULL;
  const char *o, *nw, *d;
  size_t ol, nl, len;
  if (!bytes_buffer(args[0], &o, &ol) || !bytes_buffer(args[1], &nw, &nl)) return VAL_NULL;
  ssize_t count = -1;
  if (nargs > 2 && !args_index(args[2], &count)) return VAL_NULL;
  if (count < 0) count = SMALLINT_MAX;
  bytes_buffer(self, &d, &len);
  StrBuilder sb;
  sb_init(&sb);
  size_t i = 0;
  ssize_t done = 0;
  if (ol == 0) {
    while (done < count) {
      sb_add(&sb, nw, nl);
      done++;
      if (i >= len) break;
      sb_addc(&sb, d[i++]);
    }
  } else {
    while (done < count) {
      ssize_t r = mem_find(d + i, len - i, o, ol);
      if (r < 0) break;
      sb_add(&sb, d + i, (size_t)r);
      sb_add(&sb, nw, nl);
      i += (size_t)r + ol;
      done++;
    }
  }
  sb_add(&sb, d + i, len - i);
  Value r = make_like(self, sb.data, sb.len);
  sb_free(&sb);
  return r;
}

static bool b_isspace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static Value do_strip(const char *name, Value self, Value *args, size_t nargs, TupleObject *kw, int which) {
  if (!str_check_args(name, nargs, kw, 0, 1)) return VAL_NULL;
  const char *d, *cs = NULL;
  size_t n, cl = 0;
  if (nargs && args[0] != VAL_NONE && !bytes_buffer(args[0], &cs, &cl)) return VAL_NULL;
  bytes_buffer(self, &d, &n);
  bool set[256] = {false};
  if (cs)
    for (size_t i = 0; i < cl; i++) set[(unsigned char)cs[i]] = true;
  size_t b = 0, e = n;
#define IN(c) (cs ? set[(unsigned char)(c)] : b_isspace((unsigned char)(c)))
  if (which & 1)
    while (b < e && IN(d[b])) b++;
  if (which & 2)
    while (e > b && IN(d[e - 1])) e--;
#undef IN
  if (b == 0 && e == n && self->type == &BytesType) return self;
  return make_like(self, d + b, e - b);
}

static Value m_strip(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return do_strip("strip", self, args, nargs, kw, 3);
}
static Value m_lstrip(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return do_strip("lstrip", self, args, nargs, kw, 1);
}
static Value m_rstrip(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return do_strip("rstrip", self, args, nargs, kw, 2);
}

static Value m_split(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("split(sep=None, maxsplit=-1)");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  ssize_t maxsplit = -1;
  if (a[1] && !args_index(a[1], &maxsplit)) return VAL_NULL;
  if (maxsplit < 0) maxsplit = SMALLINT_MAX;
  const char *sep = NULL, *d;
  size_t sl = 0, n;
  if (a[0] && a[0] != VAL_NONE) {
    if (!bytes_buffer(a[0], &sep, &sl)) return VAL_NULL;
    if (sl == 0) return err_set(&Exc_ValueError, "empty separator");
  }
  Value list = list_new(0);
  bytes_buffer(self, &d, &n);
  size_t i = 0;
  if (!sep) {
    while (i < n) {
      while (i < n && b_isspace((unsigned char)d[i])) i++;
      if (i >= n) break;
      if (maxsplit-- <= 0) {
        list_append(list, make_like(self, d + i, n - i));
        break;
      }
      size_t b = i;
      while (i < n && !b_isspace((unsigned char)d[i])) i++;
      list_append(list, make_like(self, d + b, i - b));
    }
    return list;
  }
  while (maxsplit-- > 0) {
    ssize_t r = mem_find(d + i, n - i, sep, sl);
    if (r < 0) break;
    list_append(list, make_like(self, d + i, (size_t)r));
    i += (size_t)r + sl;
  }
  list_append(list, make_like(self, d + i, n - i));
  return list;
}

static Value m_rsplit(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("rsplit(sep=None, maxsplit=-1)");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  ssize_t maxsplit = -1;
  if (a[1] && !args_index(a[1], &maxsplit)) return VAL_NULL;
  if (maxsplit < 0) maxsplit = SMALLINT_MAX;
  const char *sep = NULL, *d;
  size_t sl = 0, n;
  if (a[0] && a[0] != VAL_NONE) {
    if (!bytes_buffer(a[0], &sep, &sl)) return VAL_NULL;
    if (sl == 0) return err_set(&Exc_ValueError, "empty separator");
  }
  Value list = list_new(0);
  bytes_buffer(self, &d, &n);
  size_t e = n;
  if (!sep) {
    while (e > 0) {
      while (e > 0 && b_isspace((unsigned char)d[e - 1])) e--;
      if (e == 0) break;
      if (maxsplit-- <= 0) {
        list_append(list, make_like(self, d, e));
        break;
      }
      size_t b = e;
      while (b > 0 && !b_isspace((unsigned char)d[b - 1])) b--;
      list_append(list, make_like(self, d + b, e - b));
      e = b;
    }
  } else {
    while (maxsplit-- > 0) {
      ssize_t r = mem_rfind(d, e, sep, sl);
      if (r < 0) break;
      list_append(list, make_like(self, d + r + sl, e - (size_t)r - sl));
      e = (size_t)r;
    }
    list_append(list, make_like(self, d, e));
  }
  Value *it = LIST_ITEMS(list);
  for (ssize_t x = 0, y = LIST_LEN(list) - 1; x < y; x++, y--) {
    Value t = it[x];
    it[x] = it[y];
    it[y] = t;
  }
  return list;
}

static Value m_zfill(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("zfill", nargs, kw, 1, 1)) return VAL_NULL;
  ssize_t width;
  if (!args_index(args[0], &width)) return VAL_NULL;
  const char *d;
  size_t n;
  bytes_buffer(self, &d, &n);
  ssize_t fill = width - (ssize_t)n;
  if (fill <= 0) return make_like(self, d, n);
  StrBuilder sb;
  sb_init(&sb);
  size_t k = 0;
  if (n && (d[0] == '+' || d[0] == '-')) sb_addc(&sb, d[k++]);
  for (ssize_t z = 0; z < fill; z++) sb_addc(&sb, '0');
  sb_add(&sb, d + k, n - k);
  Value r = make_like(self, sb.data, sb.len);
  sb_free(&sb);
  return r;
}

static Value m_translate(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("translate(table, /, delete=b'')");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  const char *table = NULL, *del = NULL, *d;
  size_t tl = 0, dl = 0, n;
  if (a[0] != VAL_NONE) {
    if (!bytes_buffer(a[0], &table, &tl)) return VAL_NULL;
    if (tl != 256) return err_set(&Exc_ValueError, "translation table must be 256 characters long");
  }
  if (a[1] && !bytes_buffer(a[1], &del, &dl)) return VAL_NULL;
  bool drop[256] = {false};
  for (size_t k = 0; k < dl; k++) drop[(unsigned char)del[k]] = true;
  bytes_buffer(self, &d, &n);
  StrBuilder sb;
  sb_init(&sb);
  for (size_t k = 0; k < n; k++) {
    unsigned char c = (unsigned char)d[k];
    if (drop[c]) continue;
    sb_addc(&sb, table ? table[c] : (char)c);
  }
  Value r = make_like(self, sb.data, sb.len);
  sb_free(&sb);
  return r;
}

static Value m_maketrans(Value cls, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("=maketrans", nargs, kw, 2, 2)) return VAL_NULL;
  const char *f, *t;
  size_t fl, tl;
  if (!bytes_buffer(args[0], &f, &fl) || !bytes_buffer(args[1], &t, &tl)) return VAL_NULL;
  if (fl != tl) return err_set(&Exc_ValueError, "maketrans arguments must have same length");
  char table[256];
  for (int k = 0; k < 256; k++) table[k] = (char)k;
  for (size_t k = 0; k < fl; k++) table[(unsigned char)f[k]] = t[k];
  return bytes_new(table, 256);
}

static Value m_splitlines(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("splitlines(keepends=False)");
  Value a[1];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  int keep = a[0] ? obj_truthy(a[0]) : 0;
  if (keep < 0) return VAL_NULL;
  const char *d;
  size_t n, i = 0;
  bytes_buffer(self, &d, &n);
  Value list = list_new(0);
  while (i < n) {
    size_t b = i;
    while (i < n && d[i] != '\n' && d[i] != '\r') i++;
    size_t eol = i;
    if (i < n) {
      if (d[i] == '\r' && i + 1 < n && d[i + 1] == '\n') i++;
      i++;
      if (keep) eol = i;
    }
    list_append(list, make_like(self, d + b, eol - b));
  }
  return list;
}

static Value partition(const char *name, Value self, Value *args, size_t nargs, TupleObject *kw, bool back) {
  if (!str_check_args(name, nargs, kw, 1, 1)) return VAL_NULL;
  const char *s, *d;
  size_t sn, n;
  if (!bytes_buffer(args[0], &s, &sn)) return VAL_NULL;
  if (sn == 0) return err_set(&Exc_ValueError, "empty separator");
  bytes_buffer(self, &d, &n);
  ssize_t r = back ? mem_rfind(d, n, s, sn) : mem_find(d, n, s, sn);
  if (r < 0) {
    Value whole = make_like(self, d, n), e1 = make_like(self, "", 0), e2 = make_like(self, "", 0);
    return back ? tuple_pack(3, e1, e2, whole) : tuple_pack(3, whole, e1, e2);
  }
  Value head = make_like(self, d, (size_t)r), mid = make_like(self, s, sn);
  bytes_buffer(self, &d, &n);
  return tuple_pack(3, head, mid, make_like(self, d + r + sn, n - (size_t)r - sn));
}

static Value m_partition(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return partition("partition", self, args, nargs, kw, false);
}
static Value m_rpartition(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return partition("rpartition", self, args, nargs, kw, true);
}

static Value m_join(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("join", nargs, kw, 1, 1)) return VAL_NULL;
  Value seq = args[0];
  if (!val_is_list(seq) && !val_is_tuple(seq)) {
    seq = list_from_iterable(seq);
    if (!seq) return VAL_NULL;
  }
  Value *items = val_is_list(seq) ? LIST_ITEMS(seq) : TUPLE_ITEMS(seq);
  ssize_t cnt = val_is_list(seq) ? LIST_LEN(seq) : TUPLE_LEN(seq);
  const char *sep;
  size_t sl;
  bytes_buffer(self, &sep, &sl);
  StrBuilder sb;
  sb_init(&sb);
  for (ssize_t i = 0; i < cnt; i++) {
    const char *d;
    size_t n;
    if (!val_is_bytes(items[i]) && !is_bytearray(items[i])) {
      sb_free(&sb);
      return err_set(&Exc_TypeError, "sequence item %zd: expected a bytes-like object, %T found", i, items[i]);
    }
    if (i) sb_add(&sb, sep, sl);
    bytes_buffer(items[i], &d, &n);
    sb_add(&sb, d, n);
  }
  Value r = make_like(self, sb.data, sb.len);
  sb_free(&sb);
  return r;
}

static Value case_map(Value self, int mode) {
  const char *d;
  size_t n;
  bytes_buffer(self, &d, &n);
  Value r = make_like(self, d, n);
  char *w = is_bytearray(r) ? BA(r)->data : BO(r)->data;
  bool prev = false;
  for (size_t i = 0; i < n; i++) {
    char c = w[i];
    bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
    switch (mode) {
      case 0: if (lo) c -= 32; break;
      case 1: if (up) c += 32; break;
      case 2: if (lo) c -= 32; else if (up) c += 32; break;
      case 3: if (i == 0 && lo) c -= 32; else if (i > 0 && up) c += 32; break;
      default:
        if (prev && up) c += 32;
        else if (!prev && lo) c -= 32;
        prev = up || lo;
        break;
    }
    w[i] = c;
  }
  return r;
}

#define CASE_METHOD(fn, pyname, mode)                                        \
  static Value fn(Value self, Value *args, size_t nargs, TupleObject *kw) {  \
    if (!str_check_args(pyname, nargs, kw, 0, 0)) return VAL_NULL;           \
    return case_map(self, mode);                                              \
  }
CASE_METHOD(m_upper, "upper", 0)
CASE_METHOD(m_lower, "lower", 1)
CASE_METHOD(m_swapcase, "swapcase", 2)
CASE_METHOD(m_capitalize, "capitalize", 3)
CASE_METHOD(m_title, "title", 4)

static bool p_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static bool p_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool p_alnum(unsigned char c) { return p_alpha(c) || p_digit(c); }
static bool p_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool p_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

static Value m_expandtabs(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("expandtabs(tabsize=8)");
  Value a[1];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  ssize_t tab = 8;
  if (a[0] && !args_index(a[0], &tab)) return VAL_NULL;
  const char *d;
  size_t n;
  bytes_buffer(self, &d, &n);
  StrBuilder sb;
  sb_init(&sb);
  ssize_t col = 0;
  for (size_t i = 0; i < n; i++) {
    char c = d[i];
    if (c == '\t') {
      if (tab > 0) {
        ssize_t k = tab - col % tab;
        for (ssize_t j = 0; j < k; j++) sb_addc(&sb, ' ');
        col += k;
      }
    } else {
      sb_addc(&sb, c);
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  Value r = make_like(self, sb.data, sb.len);
  sb_free(&sb);
  return r;
}

/* bytes.istitle: uppercase bytes only after uncased ones, lowercase only
 * after cased ones, and at least one cased byte. */
static Value m_istitle(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("istitle", nargs, kw, 0, 0)) return VAL_NULL;
  const char *d;
  size_t n;
  bytes_buffer(self, &d, &n);
  bool cased = false, prev_cased = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)d[i];
    if (c >= 'A' && c <= 'Z') {
      if (prev_cased) return VAL_FALSE;
      prev_cased = cased = true;
    } else if (c >= 'a' && c <= 'z') {
      if (!prev_cased) return VAL_FALSE;
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return val_bool(cased);
}

static Value all_bytes(Value self, bool (*pred)(unsigned char), bool need_cased, bool (*bad)(unsigned char)) {
  const char *d;
  size_t n;
  bytes_buffer(self, &d, &n);
  if (n == 0) return VAL_FALSE;
  bool cased = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)d[i];
    if (bad) {
      if (bad(c)) return VAL_FALSE;
      if (pred(c)) cased = true;
    } else if (!pred(c)) {
      return VAL_FALSE;
    }
  }
  return need_cased ? val_bool(cased) : VAL_TRUE;
}

#define PRED_METHOD(fn, pyname, pred, cased, bad)                            \
  static Value fn(Value self, Value *args, size_t nargs, TupleObject *kw) {  \
    if (!str_check_args(pyname, nargs, kw, 0, 0)) return VAL_NULL;           \
    return all_bytes(self, pred, cased, bad);                                 \
  }
PRED_METHOD(m_isalpha, "isalpha", p_alpha, false, NULL)
PRED_METHOD(m_isdigit, "isdigit", p_digit, false, NULL)
PRED_METHOD(m_isalnum, "isalnum", p_alnum, false, NULL)
PRED_METHOD(m_isspace, "isspace", b_isspace, false, NULL)
PRED_METHOD(m_isupper, "isupper", p_upper, true, p_lower)
PRED_METHOD(m_islower, "islower", p_lower, true, p_upper)

static Value m_isascii(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("isascii", nargs, kw, 0, 0)) return VAL_NULL;
  const char *d;
  size_t n;
  bytes_buffer(self, &d, &n);
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)d[i] >= 0x80) return VAL_FALSE;
  return VAL_TRUE;
}

static Value justify(const char *name, Value self, Value *args, size_t nargs, TupleObject *kw, char how) {
  if (!str_check_args(name, nargs, kw, 1, 2)) return VAL_NULL;
  ssize_t width;
  if (!args_index(args[0], &width)) return VAL_NULL;
  char fill = ' ';
  if (nargs > 1) {
    const char *f;
    size_t fl;
    if (!(val_is_bytes(args[1]) || is_bytearray(args[1])) || !bytes_buffer(args[1], &f, &fl) || fl != 1) {
      err_clear();
      return err_set(&Exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %T", name + 1, args[1]);
    }
    fill = f[0];
  }
  const char *d;
  size_t n;
  bytes_buffer(self, &d, &n);
  ssize_t marg = width - (ssize_t)n, left = 0;
  if (marg < 0) marg = 0;
  if (how == '>') left = marg;
  else if (how == '^') left = marg / 2 + (marg & width & 1);
  StrBuilder sb;
  sb_init(&sb);
  for (ssize_t k = 0; k < left; k++) sb_addc(&sb, fill);
  sb_add(&sb, d, n);
  for (ssize_t k = left; k < marg; k++) sb_addc(&sb, fill);
  Value r = make_like(self, sb.data, sb.len);
  sb_free(&sb);
  return r;
}

static Value m_center(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return justify("=center", self, args, nargs, kw, '^');
}
static Value m_ljust(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return justify("=ljust", self, args, nargs, kw, '<');
}
static Value m_rjust(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return justify("=rjust", self, args, nargs, kw, '>');
}

static Value m_removeprefix(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("removeprefix", nargs, kw, 1, 1)) return VAL_NULL;
  const char *p, *d;
  size_t pl, n;
  if (!bytes_buffer(args[0], &p, &pl)) return VAL_NULL;
  bytes_buffer(self, &d, &n);
  if (pl <= n && memcmp(d, p, pl) == 0) return make_like(self, d + pl, n - pl);
  return make_like(self, d, n);
}

static Value m_removesuffix(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("removesuffix", nargs, kw, 1, 1)) return VAL_NULL;
  const char *p, *d;
  size_t pl, n;
  if (!bytes_buffer(args[0], &p, &pl)) return VAL_NULL;
  bytes_buffer(self, &d, &n);
  if (pl <= n && pl && memcmp(d + n - pl, p, pl) == 0) return make_like(self, d, n - pl);
  return make_like(self, d, n);
}

/* ---- dunders mirroring the slots ------------------------------------------------------------- */

static Value m_len(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__len__", nargs, kw, 0)) return VAL_NULL;
  return val_from_int(b_len_slot(self));
}
static Value m_getitem(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__getitem__", nargs, kw, 1)) return VAL_NULL;
  return b_getitem(self, args[0]);
}
static Value m_contains(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__contains__", nargs, kw, 1)) return VAL_NULL;
  int r = b_contains(self, args[0]);
  return r < 0 ? VAL_NULL : val_bool(r);
}
static Value m_iter(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__iter__", nargs, kw, 0)) return VAL_NULL;
  return b_iter(self);
}
static Value m_repr(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__repr__", nargs, kw, 0)) return VAL_NULL;
  return bytes_repr(self);
}
static Value m_eq(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__eq__", nargs, kw, 1)) return VAL_NULL;
  return b_richcompare(self, args[0], CMP_EQ);
}
static Value m_hash(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__hash__", nargs, kw, 0)) return VAL_NULL;
  return int_from_i64(b_hash(self));
}
static Value m_bytes(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("__bytes__", nargs, kw, 0, 0)) return VAL_NULL;
  return self->type == &BytesType ? self : bytes_new(BO(self)->data, (size_t)BO(self)->len);
}

#define COMMON_METHODS                                         \
  {"decode", m_decode, NATIVE_METHOD},                         \
  {"hex", m_hex, NATIVE_METHOD},                               \
  {"fromhex", m_fromhex, NATIVE_CLASSMETHOD},                  \
  {"find", m_find, NATIVE_METHOD},                             \
  {"rfind", m_rfind, NATIVE_METHOD},                           \
  {"index", m_index, NATIVE_METHOD},                           \
  {"rindex", m_rindex, NATIVE_METHOD},                         \
  {"count", m_count, NATIVE_METHOD},                           \
  {"startswith", m_startswith, NATIVE_METHOD},                 \
  {"endswith", m_endswith, NATIVE_METHOD},                     \
  {"replace", m_replace, NATIVE_METHOD},                       \
  {"strip", m_strip, NATIVE_METHOD},                           \
  {"lstrip", m_lstrip, NATIVE_METHOD},                         \
  {"rstrip", m_rstrip, NATIVE_METHOD},                         \
  {"split", m_split, NATIVE_METHOD},                           \
  {"rsplit", m_rsplit, NATIVE_METHOD},                         \
  {"zfill", m_zfill, NATIVE_METHOD},                           \
  {"expandtabs", m_expandtabs, NATIVE_METHOD},                 \
  {"istitle", m_istitle, NATIVE_METHOD},                       \
  {"translate", m_translate, NATIVE_METHOD},                   \
  {"maketrans", m_maketrans, NATIVE_STATICMETHOD},             \
  {"splitlines", m_splitlines, NATIVE_METHOD},                 \
  {"partition", m_partition, NATIVE_METHOD},                   \
  {"rpartition", m_rpartition, NATIVE_METHOD},                 \
  {"join", m_join, NATIVE_METHOD},                             \
  {"upper", m_upper, NATIVE_METHOD},                           \
  {"lower", m_lower, NATIVE_METHOD},                           \
  {"swapcase", m_swapcase, NATIVE_METHOD},                     \
  {"capitalize", m_capitalize, NATIVE_METHOD},                 \
  {"title", m_title, NATIVE_METHOD},                           \
  {"isalpha", m_isalpha, NATIVE_METHOD},                       \
  {"isdigit", m_isdigit, NATIVE_METHOD},                       \
  {"isalnum", m_isalnum, NATIVE_METHOD},                       \
  {"isspace", m_isspace, NATIVE_METHOD},                       \
  {"isupper", m_isupper, NATIVE_METHOD},                       \
  {"islower", m_islower, NATIVE_METHOD},                       \
  {"isascii", m_isascii, NATIVE_METHOD},                       \
  {"center", m_center, NATIVE_METHOD},                         \
  {"ljust", m_ljust, NATIVE_METHOD},                           \
  {"rjust", m_rjust, NATIVE_METHOD},                           \
  {"removeprefix", m_removeprefix, NATIVE_METHOD},             \
  {"removesuffix", m_removesuffix, NATIVE_METHOD},             \
  {"__len__", m_len, NATIVE_METHOD},                           \
  {"__getitem__", m_getitem, NATIVE_METHOD},                   \
  {"__contains__", m_contains, NATIVE_METHOD},                 \
  {"__iter__", m_iter, NATIVE_METHOD},                         \
  {"__repr__", m_repr, NATIVE_METHOD},                         \
  {"__eq__", m_eq, NATIVE_METHOD}

static const NativeDef bytes_methods[] = {
    COMMON_METHODS,
    {"__hash__", m_hash, NATIVE_METHOD},
    {"__bytes__", m_bytes, NATIVE_METHOD},
    {NULL},
};

/* ---- bytearray mutation ------------------------------------------------------------------------- */

/* Replaces a->data[lo:hi] by n bytes from src (src may alias a's buffer). */
static void ba_splice(ByteArrayObject *a, size_t lo, size_t hi, const char *src, size_t n) {
  char *copy = NULL;
  if (n && a->data && src >= a->data && src < a->data + a->cap) {
    copy = malloc(n);
    if (!copy) abort();
    memcpy(copy, src, n);
    src = copy;
  }
  size_t len = (size_t)a->len, tail = len - hi;
  size_t nlen = lo + n + tail;
  ba_reserve(a, nlen);
  if (tail) memmove(a->data + lo + n, a->data + hi, tail); /* an empty one has no buffer */
  if (n) memcpy(a->data + lo, src, n);
  a->len = (ssize_t)nlen;
  free(copy);
}

static int ba_setitem(Value self, Value key, Value v) {
  ByteArrayObject *a = BA(self);
  if (val_is_intlike(key) || (!val_is_slice(key) && val_type(key)->to_index)) {
    ssize_t i;
    if (!args_index(key, &i)) return -1;
    if (i < 0) i += a->len;
    if (i < 0 || i >= a->len) {
      err_set(&Exc_IndexError, "bytearray index out of range");
      return -1;
    }
    if (!v) {
      ba_splice(a, (size_t)i, (size_t)i + 1, NULL, 0);
      return 0;
    }
    int b;
    if (!byte_value(v, &b)) return -1;
    a->data[i] = (char)b;
    return 0;
  }
  if (!val_is_slice(key)) {
    err_set(&Exc_TypeError, "bytearray indices must be integers or slices, not %T", key);
    return -1;
  }
  StrBuilder sb;
  sb_init(&sb);
  if (v) {
    if (val_is_intlike(v) || val_is_str(v)) {
      err_set(&Exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return -1;
    }
    if (collect_bytes(&sb, v) < 0) {
      sb_free(&sb);
      return -1;
    }
  }
  ssize_t start, stop, step, cnt;
  if (slice_indices(key, a->len, &start, &stop, &step, &cnt) < 0) {
    sb_free(&sb);
    return -1;
  }
  if (step == 1) {
    if (stop < start) stop = start;
    ba_splice(a, (size_t)start, (size_t)stop, sb.data, sb.len);
    sb_free(&sb);
    return 0;
  }
  if (!v) {
    /* Delete an extended slice: keep the bytes not selected. */
    StrBuilder keep;
    sb_init(&keep);
    for (ssize_t i = 0, k = 0; i < a->len; i++) {
      bool sel = false;
      if (k < cnt && i == start + k * step) {
        sel = true;
        k++;
      } else if (step < 0) {
        ssize_t off = start - i;
        sel = off >= 0 && off % (-step) == 0 && off / (-step) < cnt;
      }
      if (!sel) sb_addc(&keep, a->data[i]);
    }
    ba_splice(a, 0, (size_t)a->len, keep.data, keep.len);
    sb_free(&keep);
    sb_free(&sb);
    return 0;
  }
  if ((ssize_t)sb.len != cnt) {
    err_set(&Exc_ValueError, "attempt to assign bytes of size %zu to extended slice of size %zd", sb.len, cnt);
    sb_free(&sb);
    return -1;
  }
  for (ssize_t k = 0, i = start; k < cnt; k++, i += step) a->data[i] = sb.data[k];
  sb_free(&sb);
  return 0;
}

static Value ba_iadd(Value self, Value other) {
  const char *d;
  size_t n;
  if (!(val_is_bytes(other) || is_bytearray(other))) {
    return err_set(&Exc_TypeError, "can't concat %T to %T", other, self);
  }
  bytes_buffer(other, &d, &n);
  ByteArrayObject *a = BA(self);
  ba_splice(a, (size_t)a->len, (size_t)a->len, d, n);
  return self;
}

static Value ba_imul(Value self, Value count) {
  ssize_t n;
  if (!val_is_intlike(count) && !val_type(count)->to_index)
    return err_set(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", count);
  if (!args_index(count, &n)) return VAL_NULL;
  Value r = b_repeat(self, count);
  if (!r) return VAL_NULL;
  ByteArrayObject *a = BA(self);
  ba_splice(a, 0, (size_t)a->len, BA(r)->data, (size_t)BA(r)->len);
  return self;
}

static Value ba_append(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("bytearray.append", nargs, kw, 1, 1)) return VAL_NULL;
  int b;
  if (!byte_value(args[0], &b)) return VAL_NULL;
  char c = (char)b;
  ByteArrayObject *a = BA(self);
  ba_splice(a, (size_t)a->len, (size_t)a->len, &c, 1);
  return VAL_NONE;
}

static Value ba_extend(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("bytearray.extend", nargs, kw, 1, 1)) return VAL_NULL;
  Value src = args[0];
  if (val_is_str(src)) return err_set(&Exc_TypeError, "expected iterable of integers; got: 'str'");
  if (!val_is_bytes(src) && !is_bytearray(src) && !val_type(src)->iter && !val_type(src)->getitem)
    return err_set(&Exc_TypeError, "can't extend bytearray with %T", src);
  StrBuilder sb;
  sb_init(&sb);
  if (collect_bytes(&sb, src) < 0) {
    sb_free(&sb);
    return VAL_NULL;
  }
  ByteArrayObject *a = BA(self);
  ba_splice(a, (size_t)a->len, (size_t)a->len, sb.data, sb.len);
  sb_free(&sb);
  return VAL_NONE;
}

static Value ba_pop(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("=pop", nargs, kw, 0, 1)) return VAL_NULL;
  ByteArrayObject *a = BA(self);
  ssize_t i = -1;
  if (nargs && !args_index(args[0], &i)) return VAL_NULL;
  if (a->len == 0) return err_set(&Exc_IndexError, "pop from empty bytearray");
  if (i < 0) i += a->len;
  if (i < 0 || i >= a->len) return err_set(&Exc_IndexError, "pop index out of range");
  int b = (unsigned char)a->data[i];
  ba_splice(a, (size_t)i, (size_t)i + 1, NULL, 0);
  return val_from_int(b);
}

static Value ba_insert(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("=insert", nargs, kw, 2, 2)) return VAL_NULL;
  ByteArrayObject *a = BA(self);
  ssize_t i;
  int b;
  if (!args_index(args[0], &i) || !byte_value(args[1], &b)) return VAL_NULL;
  if (i < 0) {
    i += a->len;
    if (i < 0) i = 0;
  }
  if (i > a->len) i = a->len;
  char c = (char)b;
  ba_splice(a, (size_t)i, (size_t)i, &c, 1);
  return VAL_NONE;
}

static Value ba_remove(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("bytearray.remove", nargs, kw, 1, 1)) return VAL_NULL;
  int b;
  if (!byte_value(args[0], &b)) return VAL_NULL;
  ByteArrayObject *a = BA(self);
  char *p = a->len ? memchr(a->data, b, (size_t)a->len) : NULL;
  if (!p) return err_set(&Exc_ValueError, "value not found in bytearray");
  size_t i = (size_t)(p - a->data);
  ba_splice(a, i, i + 1, NULL, 0);
  return VAL_NONE;
}

static Value ba_clear(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("bytearray.clear", nargs, kw, 0, 0)) return VAL_NULL;
  BA(self)->len = 0;
  return VAL_NONE;
}

static Value ba_copy(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("bytearray.copy", nargs, kw, 0, 0)) return VAL_NULL;
  return bytearray_new(BA(self)->data, (size_t)BA(self)->len);
}

static Value ba_reverse(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("bytearray.reverse", nargs, kw, 0, 0)) return VAL_NULL;
  ByteArrayObject *a = BA(self);
  for (ssize_t i = 0, j = a->len - 1; i < j; i++, j--) {
    char t = a->data[i];
    a->data[i] = a->data[j];
    a->data[j] = t;
  }
  return VAL_NONE;
}

static Value ba_setitem_m(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__setitem__", nargs, kw, 2)) return VAL_NULL;
  return ba_setitem(self, args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value ba_delitem_m(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__delitem__", nargs, kw, 1)) return VAL_NULL;
  return ba_setitem(self, args[0], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

static Value ba_iadd_m(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__iadd__", nargs, kw, 1)) return VAL_NULL;
  return ba_iadd(self, args[0]);
}

static const NativeDef bytearray_methods[] = {
    COMMON_METHODS,
    {"append", ba_append, NATIVE_METHOD},
    {"extend", ba_extend, NATIVE_METHOD},
    {"pop", ba_pop, NATIVE_METHOD},
    {"insert", ba_insert, NATIVE_METHOD},
    {"remove", ba_remove, NATIVE_METHOD},
    {"clear", ba_clear, NATIVE_METHOD},
    {"copy", ba_copy, NATIVE_METHOD},
    {"reverse", ba_reverse, NATIVE_METHOD},
    {"__setitem__", ba_setitem_m, NATIVE_METHOD},
    {"__delitem__", ba_delitem_m, NATIVE_METHOD},
    {"__iadd__", ba_iadd_m, NATIVE_METHOD},
    {NULL},
};

/* ---- the types ------------------------------------------------------------------------------------ */

TypeObject BytesType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "bytes",
    .instance_size = sizeof(BytesObject),
    .flags = TP_BASETYPE | TP_BYTES_SUBCLASS,
    .tp_new = bytes_tp_new,
    .repr = b_repr_slot,
    .str = b_str_slot,
    .hash = b_hash,
    .richcompare = b_richcompare,
    .iter = b_iter,
    .len = b_len_slot,
    .getitem = b_getitem,
    .contains = b_contains,
    .binop = {[BINOP_ADD] = b_add, [BINOP_MUL] = b_mul, [BINOP_MOD] = b_mod},
    .methods = bytes_methods,
};

/* bytearray is unhashable: TypeType's type_ready must not inherit a hash
 * (object's identity hash) for it; hash stays NULL. */
TypeObject ByteArrayType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "bytearray",
    .instance_size = sizeof(ByteArrayObject),
    .flags = TP_BASETYPE,
    .tp_new = bytearray_tp_new,
    .finalize = ba_finalize,
    .repr = b_repr_slot,
    .str = b_str_slot,
    .richcompare = b_richcompare,
    .iter = b_iter,
    .len = b_len_slot,
    .getitem = b_getitem,
    .setitem = ba_setitem,
    .contains = b_contains,
    .binop = {[BINOP_ADD] = b_add, [BINOP_MUL] = b_mul, [BINOP_MOD] = b_mod},
    .inplace = {[BINOP_ADD] = ba_iadd, [BINOP_MUL] = ba_imul},
    .methods = bytearray_methods,
};

/* Called from str_init (the text area's single init entry point). */
void bytes_init_types(void) {
  type_ready(&BytesType);
  type_ready(&ByteArrayType);
  type_ready(&BytesIterType);
  type_ready(&ByteArrayIterType);
}
