/* str.c — the str type's core: construction, interning, hashing, equality
 * and ordering, repr, the StrBuilder, UTF-8 helpers, the Unicode character
 * classes used by the methods, indexing/slicing, iteration and the type
 * object itself.  The methods live in str_methods.c, formatting in strfmt.c.
 *
 * Invariants: a StrObject's data is UTF-8 followed by a NUL; nchars is its
 * code point count, so len == nchars means pure ASCII (O(1) indexing).  Lone
 * surrogates (from '\ud800' literals) are stored in their 3-byte form, as
 * CPython can hold them; decoding bytes produces them only under
 * errors='surrogateescape'.  The empty
 * string and the 128 one-character ASCII strings are preallocated, interned
 * and shared: constructors return them instead of fresh copies.  For
 * non-ASCII strings shorter than 64 KiB, Object.aux caches the last
 * (code point index, byte offset) pair looked up, so that sequential
 * indexing does not rescan from the start.
 */
#define _GNU_SOURCE /* memmem, memrchr */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
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

/* ---- UTF-8 helpers ------------------------------------------------------ */

size_t utf8_encode(uint32_t cp, char out[4]) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

uint32_t utf8_decode(const char *s, size_t *advance) {
  const unsigned char *u = (const unsigned char *)s;
  uint32_t c = u[0];
  if (c < 0x80) {
    *advance = 1;
    return c;
  }
  if (c < 0xE0) {
    *advance = 2;
    return ((c & 0x1F) << 6) | (u[1] & 0x3F);
  }
  if (c < 0xF0) {
    *advance = 3;
    return ((c & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
  }
  *advance = 4;
  return ((c & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) | ((uint32_t)(u[2] & 0x3F) << 6) |
         (u[3] & 0x3F);
}

/* Scans strict UTF-8 (no surrogates, no overlong forms).  Returns the code
 * point count of the valid prefix; *bad is the byte position of the first
 * error (== len when none), *badlen the length of the maximal invalid
 * subsequence there and *reason CPython's wording for it. */
static size_t utf8_scan(const unsigned char *s, size_t len, size_t *bad, size_t *badlen,
                        const char **reason) {
  size_t i = 0, n = 0;
  while (i < len) {
    /* ASCII fast path: eight bytes at a time. */
    while (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
      n += 8;
    }
    if (i >= len) break;
    unsigned c = s[i];
    if (c < 0x80) {
      i++;
      n++;
      continue;
    }
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      *bad = i;
      *badlen = 1;
      *reason = "invalid start byte";
      return n;
    }
    size_t k = 1;
    for (; k <= need; k++) {
      if (i + k >= len) {
        *bad = i;
        *badlen = k;
        *reason = "unexpected end of data";
        return n;
      }
      unsigned cc = s[i + k];
      unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
      if (cc < l || cc > h) {
        *bad = i;
        *badlen = k;
        *reason = "invalid continuation byte";
        return n;
      }
    }
    i += need + 1;
    n++;
  }
  *bad = len;
  *badlen = 0;
  *reason = NULL;
  return n;
}

ssize_t utf8_count(const char *s, size_t len) {
  size_t bad, badlen;
  const char *reason;
  size_t n = utf8_scan((const unsigned char *)s, len, &bad, &badlen, &reason);
  return bad == len ? (ssize_t)n : -1;
}

/* Counts code points of text known to be well formed. */
static ssize_t count_chars(const char *s, size_t len) {
  size_t i = 0, n = 0;
  while (i + 8 <= len) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (!(w & 0x8080808080808080ull)) {
      n += 8;
    } else {
      for (int k = 0; k < 8; k++) n += ((unsigned char)s[i + k] & 0xC0) != 0x80;
    }
    i += 8;
  }
  for (; i < len; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return (ssize_t)n;
}

/* ---- allocation, the shared small strings, interning -------------------- */

static StrObject *empty_str;
static StrObject *char_cache[128];

/* The interning table: open addressing over interned StrObject pointers.
 * It is reached by the GC through a static holder object whose trace marks
 * every entry, which keeps interned strings (and the small-string cache,
 * also interned) alive for the life of the process. */
static StrObject **intern_tab;
static size_t intern_cap, intern_count;

static void intern_trace(Object *o) {
  for (size_t i = 0; i < intern_cap; i++)
    if (intern_tab[i]) gc_mark((Value)intern_tab[i]);
}
static TypeObject InternTableType = {STATIC_OBJECT_HEADER(&TypeType), .name = "intern_table",
                                     .trace = intern_trace};
static Object intern_holder = STATIC_OBJECT_HEADER(&InternTableType);

StrObject *str_alloc(size_t len) {
  StrObject *s = (StrObject *)gc_alloc(&StrType, sizeof(StrObject) + len + 1);
  s->len = (ssize_t)len;
  s->hash = -1;
  s->data[len] = 0;
  return s;
}

Value str_seal(StrObject *s, ssize_t nchars) {
  s->data[s->len] = 0;
  s->nchars = nchars >= 0 ? nchars : count_chars(s->data, (size_t)s->len);
  if (s->len == 0 && empty_str) return (Value)empty_str;
  if (s->len == 1 && (unsigned char)s->data[0] < 0x80 && char_cache[0])
    return (Value)char_cache[(unsigned char)s->data[0]];
  return (Value)s;
}

static Value str_new_counted(const char *utf8, size_t len, ssize_t nchars) {
  if (len == 0 && empty_str) return (Value)empty_str;
  if (len == 1 && (unsigned char)utf8[0] < 0x80 && char_cache[0])
    return (Value)char_cache[(unsigned char)utf8[0]];
  StrObject *s = str_alloc(len);
  memcpy(s->data, utf8, len);
  s->nchars = nchars >= 0 ? nchars : count_chars(utf8, len);
  return (Value)s;
}

Value str_new(const char *utf8, size_t len) { return str_new_counted(utf8, len, -1); }

Value str_from_cstr(const char *s) { return str_new(s, strlen(s)); }

Value str_from_codepoint(uint32_t cp) {
  if (cp < 0x80 && char_cache[0]) return (Value)char_cache[cp];
  char buf[4];
  size_t n = utf8_encode(cp, buf);
  return str_new_counted(buf, n, 1);
}

Value str_from_utf8(const char *bytes, size_t len, const char *errors) {
  size_t bad, badlen;
  const char *reason;
  const unsigned char *u = (const unsigned char *)bytes;
  size_t n = utf8_scan(u, len, &bad, &badlen, &reason);
  if (bad == len) return str_new_counted(bytes, len, (ssize_t)n);
  if (!errors || strcmp(errors, "strict") == 0)
    return str_raise_unicode_error(&Exc_UnicodeDecodeError, "utf-8", bytes_new(bytes, len), (ssize_t)bad,
                                   (ssize_t)(bad + badlen), reason);
  bool replace = strcmp(errors, "replace") == 0;
  bool ignore = strcmp(errors, "ignore") == 0;
  bool backslash = strcmp(errors, "backslashreplace") == 0;
  bool surrogate = strcmp(errors, "surrogateescape") == 0;
  if (!replace && !ignore && !backslash && !surrogate)
    return err_set(&Exc_LookupError, "unknown error handler name '%s'", errors);
  StrBuilder sb;
  sb_init(&sb);
  size_t pos = 0;
  for (;;) {
    size_t sbad, sbadlen;
    utf8_scan(u + pos, len - pos, &sbad, &sbadlen, &reason);
    sb_add(&sb, bytes + pos, sbad);
    pos += sbad;
    if (pos >= len) break;
    if (replace) {
      sb_add(&sb, "\xEF\xBF\xBD", 3);
    } else if (backslash) {
      for (size_t k = 0; k < sbadlen; k++) sb_addf(&sb, "\\x%02x", u[pos + k]);
    } else if (surrogate) {
      /* U+DC80+byte, held in the 3-byte surrogate form. */
      for (size_t k = 0; k < sbadlen; k++) {
        char buf[4];
        size_t m = utf8_encode(0xDC00 + u[pos + k], buf);
        sb_add(&sb, buf, m);
      }
    }
    pos += sbadlen;
  }
  return sb_finish(&sb);
}

Value str_raise_unicode_error(TypeObject *type, const char *encoding, Value object, ssize_t start, ssize_t end,
                              const char *reason) {
  Value args[5] = {str_from_cstr(encoding), object, val_from_int(start), val_from_int(end), str_from_cstr(reason)};
  Value exc = exc_new(type, args, 5);
  if (!exc) return VAL_NULL;
  return err_set_value(exc);
}

Value str_add_to_local(Value a, Value b) {
  StrObject *x = AS(StrObject, a), *y = AS(StrObject, b);
  size_t len = (size_t)x->len + (size_t)y->len;
  if (y->len == 0 || len < 2) return str_concat(a, b); /* keeps the shared '' and 1-char strings */
  if ((x->base.gc_flags & OBJ_STR_UNIQUE) && gc_capacity(&x->base) >= sizeof(StrObject) + len + 1) {
    memcpy(x->data + x->len, y->data, (size_t)y->len);
    x->len = (ssize_t)len;
    x->nchars += y->nchars;
    x->data[len] = 0;
    x->hash = -1;
    x->base.aux = 0; /* the char-index cache */
    return a;
  }
  /* Half as much room again as used: appends stay amortised O(1). */
  size_t room = len / 2 < 32 ? 32 : len / 2;
  StrObject *s = (StrObject *)gc_alloc(&StrType, sizeof(StrObject) + len + room + 1);
  memcpy(s->data, x->data, (size_t)x->len);
  memcpy(s->data + x->len, y->data, (size_t)y->len);
  s->len = (ssize_t)len;
  s->nchars = x->nchars + y->nchars;
  s->data[len] = 0;
  s->hash = -1;
  s->base.gc_flags |= OBJ_STR_UNIQUE;
  return (Value)s;
}

Value str_concat(Value a, Value b) {
  StrObject *x = AS(StrObject, a), *y = AS(StrObject, b);
  if (y->len == 0 && val_type(a) == &StrType) return a;
  if (x->len == 0 && val_type(b) == &StrType) return b;
  StrObject *s = str_alloc((size_t)(x->len + y->len));
  memcpy(s->data, x->data, (size_t)x->len);
  memcpy(s->data + x->len, y->data, (size_t)y->len);
  return str_seal(s, x->nchars + y->nchars);
}

/* ---- hashing and comparison ------------------------------------------- */

/* CPython 3.11's string hash with the key PYTHONHASHSEED=0 selects (zero):
 * SipHash-1-3 over the string's canonical representation (1, 2 or 4
 * little-endian bytes per code point, by the widest one), so that sets and
 * dicts keyed by strs iterate in CPython's order.  bytes hash their bytes
 * the same way.  Hashes are cached in the object, so the cost is paid once. */
#define ROTL64(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIP_HALF_ROUND(a, b, c, d, s, t) \
  a += b;                                \
  c += d;                                \
  b = ROTL64(b, s) ^ a;                  \
  d = ROTL64(d, t) ^ c;                  \
  a = ROTL64(a, 32);
#define SIP_ROUND(v0, v1, v2, v3)           \
  SIP_HALF_ROUND(v0, v1, v2, v3, 13, 16); \
  SIP_HALF_ROUND(v2, v1, v0, v3, 17, 21);

typedef struct {
  uint64_t v0, v1, v2, v3;
  uint64_t tail;   /* pending bytes, little-endian */
  unsigned ntail;  /* how many (0..7) */
  uint64_t total;  /* bytes fed so far */
} SipState;

static void sip_init(SipState *st) {
  st->v0 = 0x736f6d6570736575ull;
  st->v1 = 0x646f72616e646f6dull;
  st->v2 = 0x6c7967656e657261ull;
  st->v3 = 0x7465646279746573ull;
  st->tail = 0;
  st->ntail = 0;
  st->total = 0;
}

static inline void sip_word(SipState *st, uint64_t m) {
  uint64_t v0 = st->v0, v1 = st->v1, v2 = st->v2, v3 = st->v3;
  v3 ^= m;
  SIP_ROUND(v0, v1, v2, v3);
  v0 ^= m;
  st->v0 = v0, st->v1 = v1, st->v2 = v2, st->v3 = v3;
}

static inline void sip_byte(SipState *st, uint8_t b) {
  st->tail |= (uint64_t)b << (8 * st->ntail);
  st->total++;
  if (++st->ntail == 8) {
    sip_word(st, st->tail);
    st->tail = 0;
    st->ntail = 0;
  }
}

static void sip_bytes(SipState *st, const uint8_t *p, size_t n) {
  while (n && st->ntail) sip_byte(st, *p++), n--;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t m = 0;
    for (int k = 7; k >= 0; k--) m = (m << 8) | p[k]; /* little-endian load */
    sip_word(st, m);
    st->total += 8;
  }
  while (n) sip_byte(st, *p++), n--;
}

static Hash sip_finish(SipState *st) {
  if (st->total == 0) return 0; /* CPython: the empty string hashes to 0 */
  uint64_t b = (st->total << 56) | st->tail;
  uint64_t v0 = st->v0, v1 = st->v1, v2 = st->v2, v3 = st->v3;
  v3 ^= b;
  SIP_ROUND(v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  SIP_ROUND(v0, v1, v2, v3);
  SIP_ROUND(v0, v1, v2, v3);
  SIP_ROUND(v0, v1, v2, v3);
  Hash r = (Hash)((v0 ^ v1) ^ (v2 ^ v3));
  return r == -1 ? -2 : r;
}

/* Decodes one code point of valid UTF-8 at p, advancing it. */
static inline uint32_t utf8_next(const uint8_t **pp) {
  const uint8_t *p = *pp;
  uint32_t c = *p++;
  if (c >= 0xF0) {
    c = ((c & 0x07) << 18) | ((uint32_t)(p[0] & 0x3F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    p += 3;
  } else if (c >= 0xE0) {
    c = ((c & 0x0F) << 12) | ((uint32_t)(p[0] & 0x3F) << 6) | (p[1] & 0x3F);
    p += 2;
  } else if (c >= 0xC0) {
    c = ((c & 0x1F) << 6) | (p[0] & 0x3F);
    p += 1;
  }
  *pp = p;
  return c;
}

/* The hash of the str whose UTF-8 text is p[0..n). */
static Hash hash_bytes(const char *p, size_t n) {
  const uint8_t *u = (const uint8_t *)p, *end = u + n;
  uint32_t widest = 0;
  for (const uint8_t *q = u; q < end; q++)
    if (*q >= 0x80) {
      /* A lead byte of 0xC4 or more encodes U+0100 and up; 0xF0 and up is
       * outside the BMP. */
      if (*q >= 0xF0) {
        widest = 0x10000;
        break;
      }
      if (*q >= 0xC4 && *q < 0xF0 && widest < 0x100) widest = 0x100;
      else if (widest == 0 && (*q == 0xC2 || *q == 0xC3)) widest = 0x80;
    }
  SipState st;
  sip_init(&st);
  if (widest == 0) {
    sip_bytes(&st, u, n);
  } else {
    int unit = widest >= 0x10000 ? 4 : widest >= 0x100 ? 2 : 1;
    while (u < end) {
      uint32_t c = utf8_next(&u);
      sip_byte(&st, (uint8_t)c);
      if (unit >= 2) sip_byte(&st, (uint8_t)(c >> 8));
      if (unit == 4) {
        sip_byte(&st, (uint8_t)(c >> 16));
        sip_byte(&st, 0);
      }
    }
  }
  return sip_finish(&st);
}

Hash str_hash(Value s) {
  StrObject *o = AS(StrObject, s);
  if (o->hash == -1) o->hash = hash_bytes(o->data, (size_t)o->len);
  return o->hash;
}

/* For bytes.c: SipHash-1-3 over the raw bytes, as CPython. */
Hash str_hash_bytes(const char *p, size_t n) {
  SipState st;
  sip_init(&st);
  sip_bytes(&st, (const uint8_t *)p, n);
  return sip_finish(&st);
}

bool str_equal(Value a, Value b) {
  if (a == b) return true;
  StrObject *x = AS(StrObject, a), *y = AS(StrObject, b);
  if (x->len != y->len) return false;
  if ((x->base.gc_flags & OBJ_INTERNED) && (y->base.gc_flags & OBJ_INTERNED)) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return memcmp(x->data, y->data, (size_t)x->len) == 0;
}

/* UTF-8 byte order is code point order, so memcmp orders strs correctly
 * (the 3-byte surrogate form sorts where U+D800.. belongs, too). */
int str_compare(Value a, Value b) {
  StrObject *x = AS(StrObject, a), *y = AS(StrObject, b);
  size_t n = (size_t)(x->len < y->len ? x->len : y->len);
  int c = memcmp(x->data, y->data, n);
  if (c) return c;
  return x->len < y->len ? -1 : x->len > y->len ? 1 : 0;
}

/* ---- interning ---------------------------------------------------------- */

static void intern_grow(void) {
  size_t ncap = intern_cap ? intern_cap * 2 : 1024;
  StrObject **nt = calloc(ncap, sizeof *nt);
  if (!nt) {
    fprintf(stderr, "gilpy: out of memory (intern table)\n");
    abort();
  }
  for (size_t i = 0; i < intern_cap; i++) {
    StrObject *s = intern_tab[i];
    if (!s) continue;
    size_t j = (size_t)str_hash((Value)s) & (ncap - 1);
    while (nt[j]) j = (j + 1) & (ncap - 1);
    nt[j] = s;
  }
  free(intern_tab);
  intern_tab = nt;
  intern_cap = ncap;
}

static StrObject *intern_lookup(const char *p, size_t len, Hash h, size_t *slot) {
  size_t j = (size_t)h & (intern_cap - 1);
  while (intern_tab[j]) {
    StrObject *s = intern_tab[j];
    if (s->hash == h && (size_t)s->len == len && memcmp(s->data, p, len) == 0) return s;
    j = (j + 1) & (intern_cap - 1);
  }
  *slot = j;
  return NULL;
}

static StrObject *intern_insert(StrObject *s, size_t slot) {
  s->base.gc_flags |= OBJ_INTERNED;
  intern_tab[slot] = s;
  intern_count++;
  return s;
}

/* Interning is needed before str_init runs (names_init, type_ready), so
 * the table and the small strings are set up on first use. */
static void early_init(void) {
  if (intern_cap) return;
  intern_grow();
  gc_add_static(&intern_holder);
  StrObject *e = str_alloc(0);
  e->nchars = 0;
  e->hash = hash_bytes("", 0);
  size_t slot;
  intern_lookup("", 0, e->hash, &slot);
  empty_str = intern_insert(e, slot);
  for (int c = 0; c < 128; c++) {
    char ch = (char)c;
    StrObject *s = str_alloc(1);
    s->data[0] = ch;
    s->nchars = 1;
    s->hash = hash_bytes(&ch, 1);
    intern_lookup(&ch, 1, s->hash, &slot);
    char_cache[c] = intern_insert(s, slot);
  }
}

StrObject *str_intern(Value v) {
  StrObject *s = AS(StrObject, v);
  if (s->base.gc_flags & OBJ_INTERNED) return s;
  early_init();
  if ((intern_count + 1) * 2 > intern_cap) intern_grow();
  Hash h = str_hash(v);
  size_t slot;
  StrObject *found = intern_lookup(s->data, (size_t)s->len, h, &slot);
  if (found) return found;
  if (val_type(v) != &StrType) { /* subclass instances are never canonical */
    s = AS(StrObject, str_new_counted(s->data, (size_t)s->len, s->nchars));
    if (s->base.gc_flags & OBJ_INTERNED) return s;
    s->hash = h;
  }
  return intern_insert(s, slot);
}

StrObject *str_intern_cstr(const char *c) {
  size_t len = strlen(c);
  early_init();
  if ((intern_count + 1) * 2 > intern_cap) intern_grow();
  Hash h = hash_bytes(c, len);
  size_t slot;
  StrObject *found = intern_lookup(c, len, h, &slot);
  if (found) return found;
  StrObject *s = AS(StrObject, str_new(c, len));
  if (s->base.gc_flags & OBJ_INTERNED) return s;
  s->hash = h;
  return intern_insert(s, slot);
}

/* ---- Unicode character classes ----------------------------------------- */

bool str_cp_isspace(uint32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool str_cp_isprintable(uint32_t c) {
  if (c < 0x80) return c >= 0x20 && c < 0x7F;
  if (c <= 0xA0 || c == 0xAD) return false;
  if (c == 0x0378 || c == 0x0379 || (c >= 0x0380 && c <= 0x0383) || c == 0x038B || c == 0x038D ||
      c == 0x03A2)
    return false;
  if (c == 0x061C || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200F) ||
      (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000)
    return false;
  if (c >= 0xD800 && c <= 0xF8FF) return false; /* surrogates, private use */
  if (c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFB) || c == 0xFFFE || c == 0xFFFF) return false;
  if ((c >= 0xE0000 && c <= 0xE0FFF) || c >= 0xF0000) return false; /* tags, private use */
  if ((c & 0xFFFE) == 0xFFFE) return false;
  return c <= 0x10FFFF;
}

/* Runs where upper- and lower-case letters alternate (Latin Extended-B and
 * Additional, Greek and Cyrillic supplements, Coptic, Cyrillic/Latin
 * Extended in the A6xx/A7xx blocks): the upper-case letter of each pair has
 * the given parity and its lower-case partner follows it. */
static const struct {
  uint32_t first, last;
  uint32_t upper_parity;
} alt_runs[] = {
    {0x1CD, 0x1DC, 1}, {0x1DE, 0x1EF, 0}, {0x1F4, 0x1F5, 0}, {0x1F8, 0x21F, 0}, {0x222, 0x233, 0},
    {0x246, 0x24F, 0}, {0x370, 0x373, 0}, {0x376, 0x377, 0}, {0x3D8, 0x3EF, 0}, {0x460, 0x481, 0},
    {0x48A, 0x4BF, 0}, {0x4C1, 0x4CE, 1}, {0x4D0, 0x52F, 0}, {0x1E00, 0x1E95, 0}, {0x1EA0, 0x1EFF, 0},
    {0x2C80, 0x2CE3, 0}, {0xA640, 0xA66D, 0}, {0xA680, 0xA69B, 0}, {0xA722, 0xA72F, 0}, {0xA732, 0xA76F, 0},
    {0xA77E, 0xA787, 0},
};

/* Case pairs that follow no pattern (Latin Extended-B and its IPA partners,
 * Greek symbols): {upper, lower}.  Lower-case Greek symbol variants map to
 * the plain capital one way only (ϐ -> Β), as do ϴ -> θ. */
static const uint16_t odd_pairs[][2] = {
    {0x181, 0x253}, {0x182, 0x183}, {0x184, 0x185}, {0x186, 0x254}, {0x187, 0x188}, {0x189, 0x256},
    {0x18A, 0x257}, {0x18B, 0x18C}, {0x18E, 0x1DD}, {0x18F, 0x259}, {0x190, 0x25B}, {0x191, 0x192},
    {0x193, 0x260}, {0x194, 0x263}, {0x196, 0x269}, {0x197, 0x268}, {0x198, 0x199}, {0x19C, 0x26F},
    {0x19D, 0x272}, {0x19F, 0x275}, {0x1A0, 0x1A1}, {0x1A2, 0x1A3}, {0x1A4, 0x1A5}, {0x1A6, 0x280},
    {0x1A7, 0x1A8}, {0x1A9, 0x283}, {0x1AC, 0x1AD}, {0x1AE, 0x288}, {0x1AF, 0x1B0}, {0x1B1, 0x28A},
    {0x1B2, 0x28B}, {0x1B3, 0x1B4}, {0x1B5, 0x1B6}, {0x1B7, 0x292}, {0x1B8, 0x1B9}, {0x1BC, 0x1BD},
    {0x1F6, 0x195}, {0x1F7, 0x1BF}, {0x220, 0x19E}, {0x23A, 0x2C65}, {0x23B, 0x23C}, {0x23D, 0x19A},
    {0x23E, 0x2C66}, {0x241, 0x242}, {0x243, 0x180}, {0x244, 0x289}, {0x245, 0x28C}, {0x37F, 0x3F3},
    {0x3CF, 0x3D7}, {0x3F7, 0x3F8}, {0x3F9, 0x3F2}, {0x3FA, 0x3FB}, {0x3FD, 0x37B}, {0x3FE, 0x37C},
    {0x3FF, 0x37D}, {0x2C62, 0x26B}, {0x2C64, 0x27D}, {0x2C6D, 0x251}, {0x2C6E, 0x271}, {0x2C6F, 0x250},
    {0x2C70, 0x252}, {0x2C7E, 0x23F}, {0x2C7F, 0x240}, {0x392, 0x3D0}, {0x398, 0x3D1}, {0x3A6, 0x3D5},
    {0x3A0, 0x3D6}, {0x39A, 0x3F0}, {0x3A1, 0x3F1}, {0x395, 0x3F5}, {0x3F4, 0x3B8},
};

static bool in_odd_region(uint32_t c) {
  return (c >= 0x180 && c <= 0x2AF) || c == 0x37B || c == 0x37C || c == 0x37D || c == 0x37F ||
         (c >= 0x3CF && c <= 0x3FF) || (c >= 0x2C60 && c <= 0x2C7F);
}

/* 1: c is the upper-case side of an odd pair (*other = its lower case),
 * 2: the lower-case side (*other = its upper case), 0: neither. */
static int odd_case(uint32_t c, uint32_t *other) {
  if (!in_odd_region(c)) return 0;
  for (size_t i = 0; i < sizeof odd_pairs / sizeof odd_pairs[0]; i++) {
    if (odd_pairs[i][0] == c) {
      *other = odd_pairs[i][1];
      return 1;
    }
    if (odd_pairs[i][1] == c) {
      *other = odd_pairs[i][0];
      return 2;
    }
  }
  return 0;
}

/* 1: upper-case member of an alternating pair, 2: lower-case, 0: neither. */
static int alt_case(uint32_t c) {
  if (c < 0x1CD) return 0;
  for (size_t i = 0; i < sizeof alt_runs / sizeof alt_runs[0]; i++) {
    if (c < alt_runs[i].first) return 0;
    if (c <= alt_runs[i].last) return (c & 1) == alt_runs[i].upper_parity ? 1 : 2;
  }
  return 0;
}

bool str_cp_isupper(uint32_t c) {
  int ac = alt_case(c);
  if (ac) return ac == 1;
  uint32_t o;
  if ((ac = odd_case(c, &o))) return ac == 1;
  if (c >= 0x3D2 && c <= 0x3D4) return true; /* upsilon-hook symbols: capitals without a pair */
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x130) return true;
    if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return false;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) == 1;
    if (c == 0x178) return true;
    return (c & 1) == 0;
  }
  if (c >= 0x391 && c <= 0x3AB) return c != 0x3A2;
  if (c == 0x386 || (c >= 0x388 && c <= 0x38F && c != 0x38B && c != 0x38D)) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  if (c == 0x4C0) return true; /* Cyrillic palochka: its pair is not adjacent */
  if (c >= 0x2160 && c <= 0x216F) return true;
  if (c >= 0xFF21 && c <= 0xFF3A) return true;
  if (c == 0x1C4 || c == 0x1C7 || c == 0x1CA || c == 0x1F1) return true;
  return false;
}

bool str_cp_islower(uint32_t c) {
  int ac = alt_case(c);
  if (ac) return ac == 2;
  uint32_t o;
  if ((ac = odd_case(c, &o))) return ac == 2;
  /* lower-case letters without an upper-case partner (IPA and friends) */
  if ((c >= 0x250 && c <= 0x2B8 && c != 0x294) || c == 0x18D || c == 0x19B || c == 0x1AA || c == 0x1AB ||
      c == 0x1BA || c == 0x1BE || c == 0x1F0 || c == 0x221 || (c >= 0x234 && c <= 0x239) || c == 0x37A ||
      c == 0x3B0 || c == 0x3FC || c == 0x2C0 || c == 0x2C1 || (c >= 0x2E0 && c <= 0x2E4))
    return true;
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return !str_cp_isupper(c);
  if ((c >= 0x3AC && c <= 0x3CE) || c == 0x390) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  if (c == 0x4CF) return true;
  if (c >= 0x2170 && c <= 0x217F) return true;
  if (c >= 0xFF41 && c <= 0xFF5A) return true;
  if (c >= 0xFB00 && c <= 0xFB06) return true;
  if (c == 0x1C6 || c == 0x1C9 || c == 0x1CC || c == 0x1F3) return true;
  return false;
}

uint32_t str_cp_upper(uint32_t c) {
  int ac = alt_case(c);
  if (ac) return ac == 2 ? c - 1 : c;
  uint32_t o;
  if ((ac = odd_case(c, &o))) return ac == 2 ? o : c;
  if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  if (c == 0xB5) return 0x39C;
  if (c == 0xFF) return 0x178;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x131) return 'I';
    if (c == 0x17F) return 'S';
    if (c == 0x130 || c == 0x138 || c == 0x149 || c == 0x178) return c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c : c - 1;
    return (c & 1) ? c - 1 : c;
  }
  if (c == 0x3C2) return 0x3A3;
  if (c >= 0x3B1 && c <= 0x3CB) return c - 32;
  if (c == 0x3AC) return 0x386;
  if (c >= 0x3AD && c <= 0x3AF) return c - 37;
  if (c == 0x3CC) return 0x38C;
  if (c == 0x3CD || c == 0x3CE) return c - 63;
  if (c >= 0x430 && c <= 0x44F) return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  if (c == 0x4CF) return 0x4C0;
  if (c >= 0x2170 && c <= 0x217F) return c - 16;
  if (c >= 0xFF41 && c <= 0xFF5A) return c - 32;
  return c;
}

uint32_t str_cp_lower(uint32_t c) {
  int ac = alt_case(c);
  if (ac) return ac == 1 ? c + 1 : c;
  uint32_t o;
  if ((ac = odd_case(c, &o))) return ac == 1 ? o : c;
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x130) return 'i';
    if (c == 0x178) return 0xFF;
    if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
    return (c & 1) ? c : c + 1;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c == 0x4C0) return 0x4CF;
  if (c >= 0x2160 && c <= 0x216F) return c + 16;
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;
  return c;
}

bool str_cp_isalpha(uint32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c <= 0x2AF) return c != 0xD7 && c != 0xF7;
  if (c >= 0x370 && c <= 0x3FF)
    return c != 0x375 && c != 0x37E && c != 0x384 && c != 0x385 && c != 0x387 && c != 0x378 &&
           c != 0x379 && !(c >= 0x380 && c <= 0x383) && c != 0x38B && c != 0x38D && c != 0x3A2 && c != 0x3F6;
  if (c >= 0x400 && c <= 0x52F) return !(c >= 0x482 && c <= 0x489);
  if (c >= 0x5D0 && c <= 0x5EA) return true;
  if (c >= 0x620 && c <= 0x64A) return true;
  if (c >= 0x904 && c <= 0x939) return true;
  if (c >= 0x1E00 && c <= 0x1FFF) return true;
  if (c >= 0x3041 && c <= 0x30FF) return c != 0x30A0 && c != 0x30FB;
  if (c >= 0x3400 && c <= 0x4DBF) return true;
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  if (c >= 0xAC00 && c <= 0xD7A3) return true;
  if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) return true;
  if (c >= 0xFB00 && c <= 0xFB06) return true;
  return false;
}

bool str_cp_isdecimal(uint32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9) || (c >= 0x966 && c <= 0x96F) ||
         (c >= 0xFF10 && c <= 0xFF19) || (c >= 0x1D7CE && c <= 0x1D7FF);
}

bool str_cp_isdigit(uint32_t c) {
  if (str_cp_isdecimal(c)) return true;
  return c == 0xB2 || c == 0xB3 || c == 0xB9 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079) ||
         (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468) || (c >= 0x2474 && c <= 0x247C) ||
         (c >= 0x2488 && c <= 0x2490) || c == 0x24EA || (c >= 0x2776 && c <= 0x277E);
}

bool str_cp_isnumeric(uint32_t c) {
  if (str_cp_isdigit(c)) return true;
  return (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x2189) || (c >= 0x2460 && c <= 0x24FF) ||
         (c >= 0x2776 && c <= 0x2793) || c == 0x3007 || (c >= 0x3021 && c <= 0x3029) ||
         c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 || c == 0x516D ||
         c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341 || c == 0x767E || c == 0x5343 ||
         c == 0x4E07;
}

/* ---- repr --------------------------------------------------------------- */

static void repr_into(StrBuilder *sb, const char *p, size_t len) {
  bool has_sq = memchr(p, '\'', len) != NULL, has_dq = memchr(p, '"', len) != NULL;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  sb_addc(sb, q);
  size_t i = 0;
  while (i < len) {
    /* Copy runs of plain printable ASCII at once. */
    size_t j = i;
    while (j < len) {
      unsigned char c = (unsigned char)p[j];
      if (c < 0x20 || c >= 0x7F || c == '\\' || c == (unsigned char)q) break;
      j++;
    }
    if (j > i) {
      sb_add(sb, p + i, j - i);
      i = j;
      if (i >= len) break;
    }
    size_t adv;
    uint32_t c = utf8_decode(p + i, &adv);
    if (c == (uint32_t)q || c == '\\') {
      sb_addc(sb, '\\');
      sb_addc(sb, (char)c);
    } else if (c == '\t') {
      sb_add(sb, "\\t", 2);
    } else if (c == '\n') {
      sb_add(sb, "\\n", 2);
    } else if (c == '\r') {
      sb_add(sb, "\\r", 2);
    } else if (c < 0x20 || c == 0x7F) {
      sb_addf(sb, "\\x%02x", c);
    } else if (c < 0x7F || str_cp_isprintable(c)) {
      sb_add(sb, p + i, adv);
    } else if (c <= 0xFF) {
      sb_addf(sb, "\\x%02x", c);
    } else if (c <= 0xFFFF) {
      sb_addf(sb, "\\u%04x", c);
    } else {
      sb_addf(sb, "\\U%08x", c);
    }
    i += adv;
  }
  sb_addc(sb, q);
}

Value str_repr(Value s) {
  StrBuilder sb;
  sb_init(&sb);
  repr_into(&sb, str_cstr(s), (size_t)str_len_bytes(s));
  return sb_finish(&sb);
}

/* ---- StrBuilder ---------------------------------------------------------- */

void sb_init(StrBuilder *sb) {
  sb->data = sb->small;
  sb->len = 0;
  sb->cap = sizeof sb->small;
}

static void sb_reserve(StrBuilder *sb, size_t extra) {
  size_t need = sb->len + extra + 1;
  if (need <= sb->cap) return;
  size_t ncap = sb->cap * 2;
  if (ncap < need) ncap = need;
  char *nd;
  if (sb->data == sb->small) {
    nd = malloc(ncap);
    if (nd) memcpy(nd, sb->small, sb->len);
  } else {
    nd = realloc(sb->data, ncap);
  }
  if (!nd) {
    fprintf(stderr, "gilpy: out of memory (string builder)\n");
    abort();
  }
  sb->data = nd;
  sb->cap = ncap;
}

void sb_add(StrBuilder *sb, const char *s, size_t n) {
  if (sb->len + n + 1 > sb->cap) sb_reserve(sb, n);
  memcpy(sb->data + sb->len, s, n);
  sb->len += n;
}

void sb_addc(StrBuilder *sb, char c) {
  if (sb->len + 2 > sb->cap) sb_reserve(sb, 1);
  sb->data[sb->len++] = c;
}

void sb_adds(StrBuilder *sb, const char *s) { sb_add(sb, s, strlen(s)); }

static void sb_vaddf(StrBuilder *sb, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  size_t room = sb->cap - sb->len;
  int n = vsnprintf(sb->data + sb->len, room, fmt, ap);
  if (n < 0) {
    va_end(ap2);
    return;
  }
  if ((size_t)n >= room) {
    sb_reserve(sb, (size_t)n);
    vsnprintf(sb->data + sb->len, sb->cap - sb->len, fmt, ap2);
  }
  sb->len += (size_t)n;
  va_end(ap2);
}

void sb_addf(StrBuilder *sb, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sb_vaddf(sb, fmt, ap);
  va_end(ap);
}

int sb_add_value(StrBuilder *sb, Value str) {
  sb_add(sb, str_cstr(str), (size_t)str_len_bytes(str));
  return 0;
}

int sb_add_repr(StrBuilder *sb, Value v) {
  if (val_is_obj(v) && v->type == &StrType) {
    repr_into(sb, str_cstr(v), (size_t)str_len_bytes(v));
    return 0;
  }
  Value r = obj_repr(v);
  if (!r) return -1;
  return sb_add_value(sb, r);
}

int sb_add_str(StrBuilder *sb, Value v) {
  if (val_is_obj(v) && v->type == &StrType) return sb_add_value(sb, v);
  if (val_is_int(v)) {
    sb_addf(sb, "%ld", (long)val_int(v));
    return 0;
  }
  Value r = obj_str(v);
  if (!r) return -1;
  return sb_add_value(sb, r);
}

Value sb_finish(StrBuilder *sb) {
  Value r = str_new(sb->data, sb->len);
  sb_free(sb);
  return r;
}

void sb_free(StrBuilder *sb) {
  if (sb->data != sb->small) free(sb->data);
  sb_init(sb);
}

/* ---- str_printf ---------------------------------------------------------- */

static int sb_vformat(StrBuilder *sb, const char *fmt, va_list *ap) {
  const char *p = fmt;
  while (*p) {
    const char *pct = strchr(p, '%');
    if (!pct) {
      sb_adds(sb, p);
      break;
    }
    sb_add(sb, p, (size_t)(pct - p));
    const char *q = pct + 1;
    if (*q == '%') {
      sb_addc(sb, '%');
      p = q + 1;
      continue;
    }
    /* flags, width, precision, length */
    while (*q && strchr("-+ #0", *q)) q++;
    while (*q >= '0' && *q <= '9') q++;
    if (*q == '.') {
      q++;
      while (*q >= '0' && *q <= '9') q++;
    }
    int lng = 0;
    char lenmod = 0;
    while (*q == 'l' || *q == 'z' || *q == 'h' || *q == 't' || *q == 'j') {
      lenmod = *q;
      if (*q == 'l') lng++;
      q++;
    }
    char conv = *q;
    if (!conv) break;
    char spec[32];
    size_t sl = (size_t)(q - pct + 1);
    if (sl >= sizeof spec) sl = sizeof spec - 1;
    memcpy(spec, pct, sl);
    spec[sl] = 0;
    switch (conv) {
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        if (lenmod == 'z') sb_addf(sb, spec, va_arg(*ap, size_t));
        else if (lenmod == 't') sb_addf(sb, spec, va_arg(*ap, ptrdiff_t));
        else if (lenmod == 'j') sb_addf(sb, spec, va_arg(*ap, intmax_t));
        else if (lng >= 2) sb_addf(sb, spec, va_arg(*ap, long long));
        else if (lng == 1) sb_addf(sb, spec, va_arg(*ap, long));
        else sb_addf(sb, spec, va_arg(*ap, int));
        break;
      case 'c': sb_addf(sb, spec, va_arg(*ap, int)); break;
      case 'e': case 'f': case 'g': case 'E': case 'G': sb_addf(sb, spec, va_arg(*ap, double)); break;
      case 'p': sb_addf(sb, spec, va_arg(*ap, void *)); break;
      case 's': {
        const char *s = va_arg(*ap, const char *);
        sb_addf(sb, spec, s ? s : "(null)");
        break;
      }
      case 'U': {
        Value v = va_arg(*ap, Value);
        if (val_is_str(v)) sb_add_value(sb, v);
        else if (sb_add_str(sb, v) < 0) return -1;
        break;
      }
      case 'S':
        if (sb_add_str(sb, va_arg(*ap, Value)) < 0) return -1;
        break;
      case 'R':
        if (sb_add_repr(sb, va_arg(*ap, Value)) < 0) return -1;
        break;
      case 'T': sb_adds(sb, type_name(val_type(va_arg(*ap, Value)))); break;
      case 'N': sb_adds(sb, type_name(va_arg(*ap, TypeObject *))); break;
      default: sb_add(sb, pct, (size_t)(q - pct + 1)); break;
    }
    p = q + 1;
  }
  return 0;
}

Value str_vprintf(const char *fmt, va_list ap) {
  StrBuilder sb;
  sb_init(&sb);
  va_list cp;
  va_copy(cp, ap);
  int r = sb_vformat(&sb, fmt, &cp);
  va_end(cp);
  if (r < 0) {
    sb_free(&sb);
    return VAL_NULL;
  }
  return sb_finish(&sb);
}

Value str_printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Value r = str_vprintf(fmt, ap);
  va_end(ap);
  return r;
}

/* ---- join ------------------------------------------------------------------ */

Value str_join(Value sep, Value iterable) {
  Value seq = iterable;
  if (!val_is_list(seq) && !val_is_tuple(seq)) {
    seq = list_from_iterable(iterable);
    if (!seq) return VAL_NULL;
  }
  /* The list may change under us only through user code, and nothing here
   * calls any: the items are checked to be strs before being read. */
  Value *items = val_is_list(seq) ? LIST_ITEMS(seq) : TUPLE_ITEMS(seq);
  ssize_t n = val_is_list(seq) ? LIST_LEN(seq) : TUPLE_LEN(seq);
  if (n == 0) return (Value)empty_str;
  if (n == 1 && val_is_obj(items[0]) && items[0]->type == &StrType) return items[0];
  StrObject *sp = AS(StrObject, sep);
  size_t total = (size_t)(sp->len * (n - 1));
  ssize_t chars = sp->nchars * (n - 1);
  for (ssize_t i = 0; i < n; i++) {
    if (!val_is_str(items[i]))
      return err_set(&Exc_TypeError, "sequence item %zd: expected str instance, %T found", i, items[i]);
    total += (size_t)AS(StrObject, items[i])->len;
    chars += AS(StrObject, items[i])->nchars;
  }
  StrObject *r = str_alloc(total);
  char *w = r->data;
  for (ssize_t i = 0; i < n; i++) {
    if (i && sp->len) {
      memcpy(w, sp->data, (size_t)sp->len);
      w += sp->len;
    }
    StrObject *it = AS(StrObject, items[i]);
    memcpy(w, it->data, (size_t)it->len);
    w += it->len;
  }
  return str_seal(r, chars);
}

/* ---- argument checks ------------------------------------------------------ */

bool str_check_args(const char *name, size_t nargs, TupleObject *kwnames, size_t min, size_t max) {
  /* A leading '=' selects argument clinic's wording ("ljust expected at
   * least 1 argument, got 0"); otherwise the older "takes" wording. */
  bool clinic = name[0] == '=';
  if (clinic) name++;
  if (kwnames && kwnames->len) {
    err_set(&Exc_TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs >= min && nargs <= max) return true;
  if (max == 0)
    err_set(&Exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
  else if (min == max && min == 1)
    err_set(&Exc_TypeError, "%s() takes exactly one argument (%zu given)", name, nargs);
  else if (clinic && nargs < min)
    err_set(&Exc_TypeError, "%s expected at least %zu argument%s, got %zu", name, min, min == 1 ? "" : "s",
            nargs);
  else if (clinic)
    err_set(&Exc_TypeError, "%s expected at most %zu argument%s, got %zu", name, max, max == 1 ? "" : "s",
            nargs);
  else if (nargs < min)
    err_set(&Exc_TypeError, "%s() takes at least %zu argument%s (%zu given)", name, min, min == 1 ? "" : "s",
            nargs);
  else
    err_set(&Exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", name, max, max == 1 ? "" : "s",
            nargs);
  return false;
}

/* ---- indexing and slicing --------------------------------------------- */

size_t str_offset_of(Value v, ssize_t i) {
  StrObject *s = AS(StrObject, v);
  if (s->len == s->nchars) return (size_t)i;
  if (i <= 0) return 0;
  if (i >= s->nchars) return (size_t)s->len;
  /* Start from the nearest known point: the start, the end, or the cache. */
  ssize_t ci = 0;
  size_t bo = 0;
  bool cacheable = s->len < 65536;
  if (cacheable && s->base.aux) {
    ssize_t cci = (ssize_t)(s->base.aux >> 16);
    size_t cbo = s->base.aux & 0xFFFF;
    if ((cci <= i && i - cci < i) || (cci > i && cci - i < s->nchars - i)) {
      ci = cci;
      bo = cbo;
    }
  }
  if (ci == 0 && s->nchars - i < i) {
    ci = s->nchars;
    bo = (size_t)s->len;
  }
  const unsigned char *d = (const unsigned char *)s->data;
  while (ci < i) {
    bo++;
    while ((d[bo] & 0xC0) == 0x80) bo++;
    ci++;
  }
  while (ci > i) {
    bo--;
    while ((d[bo] & 0xC0) == 0x80) bo--;
    ci--;
  }
  if (cacheable) s->base.aux = (uint32_t)(((size_t)i << 16) | bo);
  return bo;
}

static Value str_char_at(Value s, ssize_t i) {
  StrObject *o = AS(StrObject, s);
  if (o->len == o->nchars) return (Value)char_cache[(unsigned char)o->data[i]];
  size_t off = str_offset_of(s, i), adv;
  uint32_t c = utf8_decode(o->data + off, &adv);
  if (c < 0x80) return (Value)char_cache[c];
  return str_new_counted(o->data + off, adv, 1);
}

Value str_getitem(Value s, Value key) {
  StrObject *o = AS(StrObject, s);
  if (val_is_int(key) || val_is_intlike(key) || (!val_is_slice(key) && val_type(key)->to_index)) {
    ssize_t i;
    if (val_is_int(key)) {
      i = val_int(key);
    } else {
      i = obj_as_ssize(key);
      if (i == -1 && err_occurred()) {
        if (!err_matches(&Exc_OverflowError)) return VAL_NULL;
        err_clear();
        return err_set(&Exc_IndexError, "cannot fit '%T' into an index-sized integer", key);
      }
    }
    if (i < 0) i += o->nchars;
    if (i < 0 || i >= o->nchars) return err_set(&Exc_IndexError, "string index out of range");
    return str_char_at(s, i);
  }
  if (val_is_slice(key)) {
    ssize_t start, stop, step, n;
    if (slice_indices(key, o->nchars, &start, &stop, &step, &n) < 0) return VAL_NULL;
    if (n == 0) return (Value)empty_str;
    if (step == 1) {
      if (n == o->nchars && val_type(s) == &StrType) return s;
      size_t b = str_offset_of(s, start), e = str_offset_of(s, start + n);
      return str_new_counted(o->data + b, e - b, n);
    }
    if (o->len == o->nchars) {
      StrObject *r = str_alloc((size_t)n);
      for (ssize_t k = 0, i = start; k < n; k++, i += step) r->data[k] = o->data[i];
      return str_seal(r, n);
    }
    StrBuilder sb;
    sb_init(&sb);
    for (ssize_t k = 0, i = start; k < n; k++, i += step) {
      size_t off = str_offset_of(s, i), adv;
      utf8_decode(o->data + off, &adv);
      sb_add(&sb, o->data + off, adv);
    }
    return sb_finish(&sb);
  }
  return err_set(&Exc_TypeError, "string indices must be integers, not '%T'", key);
}

ssize_t mem_find(const char *h, size_t hl, const char *n, size_t nl) {
  if (nl == 0) return 0;
  if (nl > hl) return -1;
  const char *p = nl == 1 ? memchr(h, n[0], hl) : memmem(h, hl, n, nl);
  return p ? p - h : -1;
}

ssize_t mem_rfind(const char *h, size_t hl, const char *n, size_t nl) {
  if (nl == 0) return (ssize_t)hl;
  if (nl > hl) return -1;
  if (nl == 1) {
    const char *p = memrchr(h, n[0], hl);
    return p ? p - h : -1;
  }
  for (size_t i = hl - nl + 1; i-- > 0;)
    if (h[i] == n[0] && memcmp(h + i, n, nl) == 0) return (ssize_t)i;
  return -1;
}

int str_contains(Value s, Value sub) {
  if (!val_is_str(sub)) {
    err_set(&Exc_TypeError, "'in <string>' requires string as left operand, not %T", sub);
    return -1;
  }
  return mem_find(str_cstr(s), (size_t)str_len_bytes(s), str_cstr(sub), (size_t)str_len_bytes(sub)) >= 0;
}

/* ---- type slots ---------------------------------------------------------- */

static ssize_t str_len_slot(Value s) { return AS(StrObject, s)->nchars; }

static Value str_repr_slot(Value s) { return str_repr(s); }

static Value str_str_slot(Value s) {
  if (val_type(s) == &StrType) return s;
  StrObject *o = AS(StrObject, s);
  return str_new_counted(o->data, (size_t)o->len, o->nchars);
}

static Value str_richcompare(Value a, Value b, CmpOp op) {
  if (!val_is_str(a) || !val_is_str(b)) return VAL_NOTIMPL;
  if (op == CMP_EQ) return val_bool(str_equal(a, b));
  if (op == CMP_NE) return val_bool(!str_equal(a, b));
  int c = str_compare(a, b);
  switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_GT: return val_bool(c > 0);
    default: return val_bool(c >= 0);
  }
}

static Value str_add(Value a, Value b) {
  if (!val_is_str(a)) return VAL_NOTIMPL;
  if (!val_is_str(b)) {
    /* A class with __radd__ gets its chance (ops tries the reflected slot);
     * builtin operands get CPython's concatenation message right away. */
    if (val_is_obj(b) && (b->type->flags & TP_HEAPTYPE) && b->type->binop[BINOP_ADD]) return VAL_NOTIMPL;
    return err_set(&Exc_TypeError, "can only concatenate str (not \"%T\") to str", b);
  }
  return str_concat(a, b);
}

static Value str_repeat(Value s, Value count) {
  ssize_t n;
  if (val_is_int(count)) {
    n = val_int(count);
  } else {
    n = obj_as_ssize(count);
    if (n == -1 && err_occurred()) {
      if (err_matches(&Exc_OverflowError)) {
        err_clear();
        return err_set(&Exc_OverflowError, "cannot fit '%T' into an index-sized integer", count);
      }
      return VAL_NULL;
    }
  }
  StrObject *o = AS(StrObject, s);
  if (n <= 0 || o->len == 0) return (Value)empty_str;
  if (n == 1 && val_type(s) == &StrType) return s;
  if (o->len > (ssize_t)(((size_t)1 << 40) / (size_t)n)) return err_no_memory();
  size_t total = (size_t)o->len * (size_t)n;
  StrObject *r = str_alloc(total);
  if (o->len == 1) {
    memset(r->data, o->data[0], total);
  } else {
    /* Doubling copies: log(n) memcpy calls. */
    memcpy(r->data, o->data, (size_t)o->len);
    size_t done = (size_t)o->len;
    while (done < total) {
      size_t k = done < total - done ? done : total - done;
      memcpy(r->data + done, r->data, k);
      done += k;
    }
  }
  return str_seal(r, o->nchars * n);
}

static bool is_index_like(Value v) { return val_is_intlike(v) || val_type(v)->to_index != NULL; }

static Value str_mul(Value a, Value b) {
  if (val_is_str(a)) {
    if (is_index_like(b)) return str_repeat(a, b);
    if (val_is_obj(b) && (b->type->flags & TP_HEAPTYPE) && b->type->binop[BINOP_MUL]) return VAL_NOTIMPL;
    return err_set(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", b);
  }
  if (val_is_str(b)) {
    if (is_index_like(a)) return str_repeat(b, a);
    if (val_is_obj(a) && (a->type->flags & TP_HEAPTYPE)) return VAL_NOTIMPL;
    return err_set(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", a);
  }
  return VAL_NOTIMPL;
}

static Value str_mod(Value a, Value b) {
  if (!val_is_str(a)) return VAL_NOTIMPL;
  return str_mod_format(a, b);
}

static Hash str_hash_slot(Value s) { return str_hash(s); }

/* str(object='', encoding='utf-8', errors='strict') */
static Value str_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("str(object='', encoding='utf-8', errors='strict')");
  Value a[3];
  /* CPython parses str() with the old getargs wording for too many. */
  if (nargs + (kwnames ? (size_t)kwnames->len : 0) > 3)
    return err_set(&Exc_TypeError, "str() takes at most 3 arguments (%zu given)",
                   nargs + (kwnames ? (size_t)kwnames->len : 0));
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  Value r;
  if (!a[0]) {
    r = (Value)empty_str;
  } else if (!a[1] && !a[2]) {
    r = obj_str(a[0]);
  } else {
    if (a[1] && !val_is_str(a[1]))
      return err_set(&Exc_TypeError, "str() argument 'encoding' must be str, not %T", a[1]);
    if (a[2] && !val_is_str(a[2]))
      return err_set(&Exc_TypeError, "str() argument 'errors' must be str, not %T", a[2]);
    if (val_is_str(a[0])) return err_set(&Exc_TypeError, "decoding str is not supported");
    const char *data;
    size_t len;
    if (!bytes_buffer(a[0], &data, &len)) {
      err_clear();
      return err_set(&Exc_TypeError, "decoding to str: need a bytes-like object, %T found", a[0]);
    }
    Value b = bytes_new(data, len);
    Value argv[2] = {a[1] ? a[1] : str_from_cstr("utf-8"), a[2] ? a[2] : str_from_cstr("strict")};
    r = obj_call_method(b, str_intern_cstr("decode"), argv, 2);
  }
  if (!r || type == &StrType) return r;
  /* A subclass instance: same layout, text copied. */
  StrObject *src = AS(StrObject, r);
  size_t extra = type->instance_size > sizeof(StrObject) ? type->instance_size - sizeof(StrObject) : 0;
  StrObject *s = (StrObject *)gc_alloc(type, sizeof(StrObject) + (size_t)src->len + 1 + extra);
  s->len = src->len;
  s->nchars = src->nchars;
  s->hash = -1;
  memcpy(s->data, src->data, (size_t)src->len + 1);
  return (Value)s;
}

/* ---- the iterator --------------------------------------------------------- */

typedef struct {
  Object base;
  Value str;
  ssize_t off; /* byte offset of the next code point */
} StrIterObject;

static void striter_trace(Object *o) { gc_mark(((StrIterObject *)o)->str); }

static Value striter_next(Value it) {
  StrIterObject *si = (StrIterObject *)it;
  if (!si->str) return VAL_NULL;
  StrObject *s = AS(StrObject, si->str);
  if (si->off >= s->len) {
    si->str = VAL_NULL;
    return VAL_NULL;
  }
  unsigned char c = (unsigned char)s->data[si->off];
  if (c < 0x80) {
    si->off++;
    return (Value)char_cache[c];
  }
  size_t adv;
  utf8_decode(s->data + si->off, &adv);
  Value r = str_new_counted(s->data + si->off, adv, 1);
  si->off += (ssize_t)adv;
  return r;
}

static Value striter_iter(Value it) { return it; }

static Value striter_length_hint(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  StrIterObject *si = (StrIterObject *)self;
  if (!si->str) return val_from_int(0);
  StrObject *s = AS(StrObject, si->str);
  return val_from_int(count_chars(s->data + si->off, (size_t)(s->len - si->off)));
}

static const NativeDef striter_methods[] = {
    {"__length_hint__", striter_length_hint, NATIVE_METHOD},
    {NULL},
};

TypeObject StrIterType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "str_ascii_iterator",
    .instance_size = sizeof(StrIterObject),
    .trace = striter_trace,
    .iter = striter_iter,
    .iternext = striter_next,
    .methods = striter_methods,
};

/* CPython names the iterator of an ASCII string differently. */
static TypeObject StrUnicodeIterType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "str_iterator",
    .instance_size = sizeof(StrIterObject),
    .trace = striter_trace,
    .iter = striter_iter,
    .iternext = striter_next,
    .methods = striter_methods,
};

Value str_iter(Value s) {
  TypeObject *t = AS(StrObject, s)->len == AS(StrObject, s)->nchars ? &StrIterType : &StrUnicodeIterType;
  StrIterObject *it = (StrIterObject *)gc_alloc(t, sizeof(StrIterObject));
  it->str = s;
  it->off = 0;
  return (Value)it;
}

/* ---- the type ---------------------------------------------------------------- */

TypeObject StrType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "str",
    .instance_size = sizeof(StrObject),
    .flags = TP_BASETYPE | TP_STR_SUBCLASS,
    .tp_new = str_tp_new,
    .repr = str_repr_slot,
    .str = str_str_slot,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .iter = str_iter,
    .len = str_len_slot,
    .getitem = str_getitem,
    .contains = str_contains,
    .binop = {[BINOP_ADD] = str_add, [BINOP_MUL] = str_mul, [BINOP_MOD] = str_mod},
    .methods = str_methods,
};

void str_init(void) {
  static bool done;
  if (done) return;
  done = true;
  early_init();
  type_ready(&StrType);
  type_ready(&StrIterType);
  type_ready(&StrUnicodeIterType);
  bytes_init_types();
}
