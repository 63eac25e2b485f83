/* str_methods.c — the methods of str (split, join, strip, find, case
 * mapping, predicates, padding, encode, translate, ...).
 *
 * Every method takes the vectorcall form and words its errors as CPython
 * 3.11.  Searching works on UTF-8 bytes (a match of valid UTF-8 inside valid
 * UTF-8 always starts on a code point boundary); code point indices are
 * converted to byte offsets only at the edges (start/end arguments, returned
 * positions), and ASCII strings skip those conversions entirely.
 */
#define _GNU_SOURCE /* memmem, memrchr */
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/strfmt.h"

#define SO(v) AS(StrObject, (v))
#define IS_ASCII(v) (SO(v)->len == SO(v)->nchars)

static Value empty(void) { return str_new("", 0); }

/* Code points in n bytes of well-formed text. */
static ssize_t count_cp(const char *p, size_t n) {
  const unsigned char *d = (const unsigned char *)p;
  ssize_t c = 0;
  for (size_t i = 0; i < n; i++) c += (d[i] & 0xC0) != 0x80;
  return c;
}

/* An integer argument via __index__ ("'str' object cannot be interpreted as an integer"). */
/* A start/end argument: None or an index. */
static bool arg_slice_index(Value v, ssize_t *out) {
  if (!v || v == VAL_NONE) return true;
  if (val_is_int(v)) {
    *out = val_int(v);
    return true;
  }
  if (!val_is_intlike(v) && !val_type(v)->to_index) {
    err_set(&Exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Value i = obj_index(v);
  if (!i) return false;
  int64_t x;
  if (!int_to_i64(i, &x)) {
    err_clear();
    x = int_sign(i) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
  }
  *out = (ssize_t)x;
  return true;
}

/* Resolves optional start/end (code points, Python's slice rules) to a byte
 * range [*b, *e) of s.  Returns false when start lies beyond the end
 * (searches then fail) or on error (exception set). */
static bool byte_range(Value s, Value vstart, Value vend, size_t *b, size_t *e, ssize_t *cstart, bool *err) {
  ssize_t n = SO(s)->nchars, start = 0, end = n;
  *err = false;
  if (!arg_slice_index(vstart, &start) || !arg_slice_index(vend, &end)) {
    *err = true;
    return false;
  }
  if (end > n) end = n;
  else if (end < 0) {
    end += n;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  *cstart = start;
  /* An empty or inverted range matches nothing, not even '' (CPython). */
  if (start > n || end < start) return false;
  *b = str_offset_of(s, start);
  *e = str_offset_of(s, end);
  return true;
}

static bool need_str(Value v) {
  if (val_is_str(v)) return true;
  err_set(&Exc_TypeError, "must be str, not %T", v);
  return false;
}

/* ---- find / rfind / index / rindex / count ------------------------------- */

/* Returns the code point index of the match, -1 when absent, -2 on error. */
static ssize_t find_common(const char *name, Value self, Value *args, size_t nargs, TupleObject *kw, bool back) {
  if (!str_check_args(name, nargs, kw, 1, 3)) return -2;
  if (!need_str(args[0])) return -2;
  size_t b, e;
  ssize_t cs;
  bool err;
  if (!byte_range(self, nargs > 1 ? args[1] : VAL_NULL, nargs > 2 ? args[2] : VAL_NULL, &b, &e, &cs, &err))
    return err ? -2 : -1;
  const char *d = str_cstr(self);
  ssize_t r = back ? mem_rfind(d + b, e - b, str_cstr(args[0]), (size_t)str_len_bytes(args[0]))
                   : mem_find(d + b, e - b, str_cstr(args[0]), (size_t)str_len_bytes(args[0]));
  if (r < 0) return -1;
  if (IS_ASCII(self)) return (ssize_t)b + r;
  return cs + count_cp(d + b, (size_t)r);
}

static Value s_find(Value self, Value *args, size_t nargs, TupleObject *kw) {
  ssize_t r = find_common("find", self, args, nargs, kw, false);
  return r == -2 ? VAL_NULL : val_from_int(r);
}

static Value s_rfind(Value self, Value *args, size_t nargs, TupleObject *kw) {
  ssize_t r = find_common("rfind", self, args, nargs, kw, true);
  return r == -2 ? VAL_NULL : val_from_int(r);
}

static Value s_index(Value self, Value *args, size_t nargs, TupleObject *kw) {
  ssize_t r = find_common("index", self, args, nargs, kw, false);
  if (r == -2) return VAL_NULL;
  if (r == -1) return err_set(&Exc_ValueError, "substring not found");
  return val_from_int(r);
}

static Value s_rindex(Value self, Value *args, size_t nargs, TupleObject *kw) {
  ssize_t r = find_common("rindex", self, args, nargs, kw, true);
  if (r == -2) return VAL_NULL;
  if (r == -1) return err_set(&Exc_ValueError, "substring not found");
  return val_from_int(r);
}

static Value s_count(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("count", nargs, kw, 1, 3)) return VAL_NULL;
  if (!need_str(args[0])) return VAL_NULL;
  size_t b, e;
  ssize_t cs;
  bool err;
  if (!byte_range(self, nargs > 1 ? args[1] : VAL_NULL, nargs > 2 ? args[2] : VAL_NULL, &b, &e, &cs, &err))
    return err ? VAL_NULL : val_from_int(0);
  const char *h = str_cstr(self) + b, *n = str_cstr(args[0]);
  size_t hl = e - b, nl = (size_t)str_len_bytes(args[0]);
  if (nl == 0) return val_from_int(count_cp(h, hl) + 1);
  ssize_t cnt = 0;
  size_t pos = 0;
  for (;;) {
    ssize_t r = mem_find(h + pos, hl - pos, n, nl);
    if (r < 0) break;
    cnt++;
    pos += (size_t)r + nl;
  }
  return val_from_int(cnt);
}

/* ---- startswith / endswith ------------------------------------------------ */

static int tailmatch(Value self, Value sub, size_t b, size_t e, bool at_end) {
  size_t nl = (size_t)str_len_bytes(sub);
  if (e - b < nl) return 0;
  const char *d = str_cstr(self);
  return memcmp(at_end ? d + e - nl : d + b, str_cstr(sub), nl) == 0;
}

static Value starts_ends(const char *name, Value self, Value *args, size_t nargs, TupleObject *kw, bool at_end) {
  if (!str_check_args(name, nargs, kw, 1, 3)) return VAL_NULL;
  Value sub = args[0];
  if (!val_is_str(sub) && !val_is_tuple(sub))
    return err_set(&Exc_TypeError, "%s first arg must be str or a tuple of str, not %T", name, sub);
  size_t b, e;
  ssize_t cs;
  bool err;
  if (!byte_range(self, nargs > 1 ? args[1] : VAL_NULL, nargs > 2 ? args[2] : VAL_NULL, &b, &e, &cs, &err))
    return err ? VAL_NULL : VAL_FALSE;
  if (val_is_str(sub)) return val_bool(tailmatch(self, sub, b, e, at_end));
  for (ssize_t i = 0; i < TUPLE_LEN(sub); i++) {
    Value x = TUPLE_ITEMS(sub)[i];
    if (!val_is_str(x))
      return err_set(&Exc_TypeError, "tuple for %s must only contain str, not %T", name, x);
    if (tailmatch(self, x, b, e, at_end)) return VAL_TRUE;
  }
  return VAL_FALSE;
}

static Value s_startswith(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return starts_ends("startswith", self, args, nargs, kw, false);
}

static Value s_endswith(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return starts_ends("endswith", self, args, nargs, kw, true);
}

/* ---- split family ------------------------------------------------------- */

/* Appends the str of bytes [b, e) of self to list. */
static int add_piece(Value list, Value self, size_t b, size_t e) {
  Value p;
  if (b == 0 && e == (size_t)str_len_bytes(self) && val_type(self) == &StrType) p = self;
  else p = str_new(str_cstr(self) + b, e - b);
  return list_append(list, p);
}

/* Decodes the code point at byte i (forward). */
static inline uint32_t cp_at(const char *d, size_t i, size_t *adv) {
  unsigned char c = (unsigned char)d[i];
  if (c < 0x80) {
    *adv = 1;
    return c;
  }
  return utf8_decode(d + i, adv);
}

/* Decodes the code point ending just before byte i (backward). */
static inline uint32_t cp_before(const char *d, size_t i, size_t *start) {
  size_t j = i - 1;
  while (j > 0 && ((unsigned char)d[j] & 0xC0) == 0x80) j--;
  size_t adv;
  *start = j;
  return cp_at(d, j, &adv);
}

static bool split_args(const char *name, Value *args, size_t nargs, TupleObject *kw, Value *sep, ssize_t *maxsplit) {
  static ArgSpec spec_split = ARGSPEC("split(sep=None, maxsplit=-1)");
  static ArgSpec spec_rsplit = ARGSPEC("rsplit(sep=None, maxsplit=-1)");
  Value a[2];
  if (nargs > 2 && !kw) {
    err_set(&Exc_TypeError, "%s() takes at most 2 arguments (%zu given)", name, nargs);
    return false;
  }
  if (!args_bind(name[0] == 'r' ? &spec_rsplit : &spec_split, args, nargs, kw, a)) return false;
  *sep = a[0] && a[0] != VAL_NONE ? a[0] : VAL_NULL;
  *maxsplit = -1;
  if (*sep && !val_is_str(*sep)) {
    err_set(&Exc_TypeError, "must be str or None, not %T", *sep);
    return false;
  }
  if (a[1] && !args_index(a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = SMALLINT_MAX;
  if (*sep && str_len_bytes(*sep) == 0) {
    err_set(&Exc_ValueError, "empty separator");
    return false;
  }
  return true;
}

static Value s_split(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value sep;
  ssize_t maxsplit;
  if (!split_args("split", args, nargs, kw, &sep, &maxsplit)) return VAL_NULL;
  Value list = list_new(0);
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self), i = 0;
  if (!sep) {
    while (i < len) {
      size_t adv;
      /* skip whitespace */
      while (i < len && str_cp_isspace(cp_at(d, i, &adv))) i += adv;
      if (i >= len) break;
      if (maxsplit-- <= 0) {
        /* the rest, as it is (trailing whitespace included) */
        add_piece(list, self, i, len);
        return list;
      }
      size_t b = i;
      while (i < len && !str_cp_isspace(cp_at(d, i, &adv))) i += adv;
      add_piece(list, self, b, i);
    }
    return list;
  }
  const char *sp = str_cstr(sep);
  size_t sl = (size_t)str_len_bytes(sep);
  while (maxsplit-- > 0) {
    ssize_t r = mem_find(d + i, len - i, sp, sl);
    if (r < 0) break;
    add_piece(list, self, i, i + (size_t)r);
    i += (size_t)r + sl;
  }
  add_piece(list, self, i, len);
  return list;
}

/* Reverses a list in place (rsplit collects from the right). */
static void list_reverse_items(Value list) {
  Value *it = LIST_ITEMS(list);
  for (ssize_t a = 0, b = LIST_LEN(list) - 1; a < b; a++, b--) {
    Value t = it[a];
    it[a] = it[b];
    it[b] = t;
  }
}

static Value s_rsplit(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value sep;
  ssize_t maxsplit;
  if (!split_args("rsplit", args, nargs, kw, &sep, &maxsplit)) return VAL_NULL;
  Value list = list_new(0);
  const char *d = str_cstr(self);
  size_t e = (size_t)str_len_bytes(self);
  if (!sep) {
    while (e > 0) {
      size_t st;
      while (e > 0 && str_cp_isspace(cp_before(d, e, &st))) e = st;
      if (e == 0) break;
      if (maxsplit-- <= 0) {
        add_piece(list, self, 0, e);
        break;
      }
      size_t b = e;
      while (b > 0 && !str_cp_isspace(cp_before(d, b, &st))) b = st;
      add_piece(list, self, b, e);
      e = b;
    }
    list_reverse_items(list);
    return list;
  }
  const char *sp = str_cstr(sep);
  size_t sl = (size_t)str_len_bytes(sep);
  while (maxsplit-- > 0) {
    ssize_t r = mem_rfind(d, e, sp, sl);
    if (r < 0) break;
    add_piece(list, self, (size_t)r + sl, e);
    e = (size_t)r;
  }
  add_piece(list, self, 0, e);
  list_reverse_items(list);
  return list;
}

static bool is_linebreak(uint32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

static Value s_splitlines(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("splitlines(keepends=False)");
  Value a[1];
  if (nargs > 1) return err_set(&Exc_TypeError, "splitlines() takes at most 1 argument (%zu given)", nargs);
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  int keep = 0;
  if (a[0]) {
    keep = obj_truthy(a[0]);
    if (keep < 0) return VAL_NULL;
  }
  Value list = list_new(0);
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self), i = 0;
  while (i < len) {
    size_t b = i, adv = 1;
    uint32_t c = 0;
    while (i < len) {
      c = cp_at(d, i, &adv);
      if (is_linebreak(c)) break;
      i += adv;
    }
    size_t eol = i;
    if (i < len) {
      i += adv;
      if (c == '\r' && i < len && d[i] == '\n') i++;
      if (keep) eol = i;
    }
    add_piece(list, self, b, eol);
  }
  return list;
}

static Value partition(const char *name, Value self, Value *args, size_t nargs, TupleObject *kw, bool back) {
  if (!str_check_args(name, nargs, kw, 1, 1)) return VAL_NULL;
  Value sep = args[0];
  if (!need_str(sep)) return VAL_NULL;
  if (str_len_bytes(sep) == 0) return err_set(&Exc_ValueError, "empty separator");
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self), sl = (size_t)str_len_bytes(sep);
  ssize_t r = back ? mem_rfind(d, len, str_cstr(sep), sl) : mem_find(d, len, str_cstr(sep), sl);
  if (r < 0) {
    Value whole = val_type(self) == &StrType ? self : str_new(d, len);
    return back ? tuple_pack(3, empty(), empty(), whole) : tuple_pack(3, whole, empty(), empty());
  }
  return tuple_pack(3, str_new(d, (size_t)r), sep, str_new(d + r + sl, len - (size_t)r - sl));
}

static Value s_partition(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return partition("partition", self, args, nargs, kw, false);
}

static Value s_rpartition(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return partition("rpartition", self, args, nargs, kw, true);
}

static Value s_join(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.join", nargs, kw, 1, 1)) return VAL_NULL;
  Value it = args[0];
  if (!val_is_list(it) && !val_is_tuple(it)) {
    Value i = obj_iter(it);
    if (!i) {
      if (err_matches(&Exc_TypeError)) {
        err_clear();
        return err_set(&Exc_TypeError, "can only join an iterable");
      }
      return VAL_NULL;
    }
    it = list_new(0);
    Value x;
    while ((x = obj_next(i))) list_append(it, x);
    if (err_occurred()) return VAL_NULL;
  }
  return str_join(self, it);
}

/* ---- strip ---------------------------------------------------------------- */

static Value do_strip(const char *name, Value self, Value *args, size_t nargs, TupleObject *kw, int which) {
  if (!str_check_args(name, nargs, kw, 0, 1)) return VAL_NULL;
  Value chars = nargs ? args[0] : VAL_NONE;
  if (chars != VAL_NONE && !val_is_str(chars))
    return err_set(&Exc_TypeError, "%s arg must be None or str", name);
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self), b = 0, e = len;
  const char *cs = chars == VAL_NONE ? NULL : str_cstr(chars);
  size_t cl = chars == VAL_NONE ? 0 : (size_t)str_len_bytes(chars);
  bool ascii_set = cs && IS_ASCII(chars);
  bool set[128] = {false};
  if (ascii_set)
    for (size_t i = 0; i < cl; i++) set[(unsigned char)cs[i]] = true;
#define IN_SET(c, p, n)                                                                          \
  (cs == NULL ? str_cp_isspace(c)                                                             \
              : ascii_set ? ((c) < 128 && set[c]) : (mem_find(cs, cl, (p), (n)) >= 0))
  if (which & 1) {
    while (b < e) {
      size_t adv;
      uint32_t c = cp_at(d, b, &adv);
      if (!IN_SET(c, d + b, adv)) break;
      b += adv;
    }
  }
  if (which & 2) {
    while (e > b) {
      size_t st;
      uint32_t c = cp_before(d, e, &st);
      if (!IN_SET(c, d + st, e - st)) break;
      e = st;
    }
  }
#undef IN_SET
  if (b == 0 && e == len && val_type(self) == &StrType) return self;
  return str_new(d + b, e - b);
}

static Value s_strip(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return do_strip("strip", self, args, nargs, kw, 3);
}
static Value s_lstrip(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return do_strip("lstrip", self, args, nargs, kw, 1);
}
static Value s_rstrip(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return do_strip("rstrip", self, args, nargs, kw, 2);
}

static Value s_removeprefix(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.removeprefix", nargs, kw, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "removeprefix() argument must be str, not %T", args[0]);
  size_t pl = (size_t)str_len_bytes(args[0]), len = (size_t)str_len_bytes(self);
  if (pl <= len && memcmp(str_cstr(self), str_cstr(args[0]), pl) == 0 && pl)
    return str_new(str_cstr(self) + pl, len - pl);
  return val_type(self) == &StrType ? self : str_new(str_cstr(self), len);
}

static Value s_removesuffix(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.removesuffix", nargs, kw, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "removesuffix() argument must be str, not %T", args[0]);
  size_t pl = (size_t)str_len_bytes(args[0]), len = (size_t)str_len_bytes(self);
  if (pl <= len && pl && memcmp(str_cstr(self) + len - pl, str_cstr(args[0]), pl) == 0)
    return str_new(str_cstr(self), len - pl);
  return val_type(self) == &StrType ? self : str_new(str_cstr(self), len);
}

/* ---- replace ---------------------------------------------------------------- */

static Value s_replace(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("=replace", nargs, kw, 2, 3)) return VAL_NULL;
  for (int k = 0; k < 2; k++)
    if (!val_is_str(args[k]))
      return err_set(&Exc_TypeError, "replace() argument %d must be str, not %T", k + 1, args[k]);
  ssize_t count = -1;
  if (nargs > 2 && !args_index(args[2], &count)) return VAL_NULL;
  if (count < 0) count = SMALLINT_MAX;
  const char *d = str_cstr(self), *o = str_cstr(args[0]), *n = str_cstr(args[1]);
  size_t len = (size_t)str_len_bytes(self), ol = (size_t)str_len_bytes(args[0]), nl = (size_t)str_len_bytes(args[1]);
  StrBuilder sb;
  sb_init(&sb);
  size_t i = 0;
  ssize_t done = 0;
  if (ol == 0) {
    /* Insert `new` before every code point and at the end. */
    while (done < count) {
      sb_add(&sb, n, nl);
      done++;
      if (i >= len) break;
      size_t adv;
      cp_at(d, i, &adv);
      sb_add(&sb, d + i, adv);
      i += adv;
    }
    sb_add(&sb, d + i, len - i);
    return sb_finish(&sb);
  }
  while (done < count) {
    ssize_t r = mem_find(d + i, len - i, o, ol);
    if (r < 0) break;
    sb_add(&sb, d + i, (size_t)r);
    sb_add(&sb, n, nl);
    i += (size_t)r + ol;
    done++;
  }
  if (done == 0) {
    sb_free(&sb);
    return val_type(self) == &StrType ? self : str_new(d, len);
  }
  sb_add(&sb, d + i, len - i);
  return sb_finish(&sb);
}

/* ---- case mapping ------------------------------------------------------------- */

static bool cp_iscased(uint32_t c) {
  return str_cp_isupper(c) || str_cp_islower(c) || (c >= 0x1C4 && c <= 0x1CC) || (c >= 0x1F1 && c <= 0x1F3);
}

/* The unconditional multi-character upper-case mappings of SpecialCasing
 * that matter in practice (German sharp s, the Latin ligatures). */
static const char *special_upper(uint32_t c) {
  switch (c) {
    case 0xDF: return "SS";
    case 0x149: return "\xCA\xBCN";
    case 0x1F0: return "J\xCC\x8C";
    case 0x390: return "\xCE\x99\xCC\x88\xCC\x81";
    case 0x3B0: return "\xCE\xA5\xCC\x88\xCC\x81";
    case 0xFB00: return "FF";
    case 0xFB01: return "FI";
    case 0xFB02: return "FL";
    case 0xFB03: return "FFI";
    case 0xFB04: return "FFL";
    case 0xFB05: case 0xFB06: return "ST";
    default: return NULL;
  }
}

/* Latin Extended-B digraphs (DŽ Dž dž, LJ Lj lj, NJ Nj nj, DZ Dz dz): a
 * triple of upper, title and lower forms. */
static uint32_t digraph(uint32_t c, int form) {
  uint32_t base = c >= 0x1C4 && c <= 0x1CC ? 0x1C4 + (c - 0x1C4) / 3 * 3
                  : c >= 0x1F1 && c <= 0x1F3 ? 0x1F1 : 0;
  return base ? base + (uint32_t)form : 0;
}

/* Appends the full upper-case mapping of c (ß -> SS). */
static void add_upper(StrBuilder *sb, uint32_t c) {
  char buf[4];
  const char *sp = special_upper(c);
  if (sp) {
    sb_adds(sb, sp);
    return;
  }
  uint32_t d = digraph(c, 0);
  sb_add(sb, buf, utf8_encode(d ? d : str_cp_upper(c), buf));
}

/* Appends the title-case mapping of c (first letter of a word). */
static void add_title(StrBuilder *sb, uint32_t c) {
  char buf[4];
  if (c == 0xDF) {
    sb_add(sb, "Ss", 2);
    return;
  }
  const char *sp = special_upper(c);
  if (sp && c >= 0xFB00) {
    /* ligatures title-case as their first letter upper, the rest lower */
    sb_addc(sb, sp[0]);
    for (const char *q = sp + 1; *q; q++) sb_addc(sb, (char)(*q + 32));
    return;
  }
  if (sp) {
    sb_adds(sb, sp);
    return;
  }
  uint32_t d = digraph(c, 1);
  sb_add(sb, buf, utf8_encode(d ? d : str_cp_upper(c), buf));
}

/* Appends the lower-case mapping of the code point at byte i (final sigma
 * and dotted capital I as CPython's full mapping). */
static void add_lower(StrBuilder *sb, const char *d, size_t len, size_t i, uint32_t c) {
  char buf[4];
  if (c == 0x130) {
    sb_add(sb, "i\xCC\x87", 3);
    return;
  }
  if (c == 0x3A3) {
    /* Final sigma: preceded by a cased letter and not followed by one. */
    bool before = false, after = false;
    size_t j = i;
    while (j > 0) {
      size_t st;
      uint32_t p = cp_before(d, j, &st);
      j = st;
      if (p == '\'' || p == 0x2019) continue;
      before = cp_iscased(p);
      break;
    }
    size_t adv;
    cp_at(d, i, &adv);
    j = i + adv;
    while (j < len) {
      uint32_t q = cp_at(d, j, &adv);
      if (q == '\'' || q == 0x2019) {
        j += adv;
        continue;
      }
      after = cp_iscased(q);
      break;
    }
    if (before && !after) {
      sb_add(sb, "\xCF\x82", 2);
      return;
    }
  }
  uint32_t dg = digraph(c, 2);
  sb_add(sb, buf, utf8_encode(dg ? dg : str_cp_lower(c), buf));
}

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_FOLD, CASE_CAPITALIZE, CASE_TITLE };

static Value case_map(Value self, int mode) {
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self);
  if (IS_ASCII(self)) {
    StrObject *r = str_alloc(len);
    bool prev_cased = false;
    for (size_t i = 0; i < len; i++) {
      unsigned char c = (unsigned char)d[i];
      bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
      switch (mode) {
        case CASE_UPPER: if (lo) c -= 32; break;
        case CASE_LOWER: case CASE_FOLD: if (up) c += 32; break;
        case CASE_SWAP: if (lo) c -= 32; else if (up) c += 32; break;
        case CASE_CAPITALIZE:
          if (i == 0 && lo) c -= 32;
          else if (i > 0 && up) c += 32;
          break;
        default: /* title */
          if (prev_cased && up) c += 32;
          else if (!prev_cased && lo) c -= 32;
          prev_cased = up || lo;
          break;
      }
      r->data[i] = (char)c;
    }
    return str_seal(r, (ssize_t)len);
  }
  StrBuilder sb;
  sb_init(&sb);
  size_t i = 0;
  bool prev_cased = false, first = true;
  char buf[4];
  while (i < len) {
    size_t adv;
    uint32_t c = cp_at(d, i, &adv);
    switch (mode) {
      case CASE_UPPER: add_upper(&sb, c); break;
      case CASE_LOWER: add_lower(&sb, d, len, i, c); break;
      case CASE_FOLD: {
        const char *sp = special_upper(c);
        if (c == 0x390 || c == 0x3B0) {
          sb_add(&sb, c == 0x390 ? "\xCE\xB9\xCC\x88\xCC\x81" : "\xCF\x85\xCC\x88\xCC\x81", 6);
        } else if (sp) {
          /* full folding of ß, ŉ and the ligatures: their upper form, lowered */
          for (const char *q = sp; *q; q++) sb_addc(&sb, *q >= 'A' && *q <= 'Z' ? (char)(*q + 32) : *q);
        } else if (c == 0x130) {
          sb_add(&sb, "i\xCC\x87", 3);
        } else if (c == 0x3C2) {
          sb_add(&sb, "\xCF\x83", 2);
        } else if (c == 0xB5) {
          sb_add(&sb, "\xCE\xBC", 2);
        } else {
          uint32_t dg = digraph(c, 2);
          sb_add(&sb, buf, utf8_encode(dg ? dg : str_cp_lower(c), buf));
        }
        break;
      }
      case CASE_SWAP:
        if (str_cp_isupper(c)) add_lower(&sb, d, len, i, c);
        else if (str_cp_islower(c)) add_upper(&sb, c);
        else sb_add(&sb, d + i, adv);
        break;
      case CASE_CAPITALIZE:
        if (first) {
          add_title(&sb, c);
        } else {
          add_lower(&sb, d, len, i, c);
        }
        break;
      default:
        if (prev_cased) add_lower(&sb, d, len, i, c);
        else add_title(&sb, c);
        prev_cased = cp_iscased(c);
        break;
    }
    first = false;
    i += adv;
  }
  return sb_finish(&sb);
}

#define CASE_METHOD(fn, pyname, mode)                                        \
  static Value fn(Value self, Value *args, size_t nargs, TupleObject *kw) {  \
    if (!str_check_args(pyname, nargs, kw, 0, 0)) return VAL_NULL;           \
    return case_map(self, mode);                                              \
  }
CASE_METHOD(s_upper, "str.upper", CASE_UPPER)
CASE_METHOD(s_lower, "str.lower", CASE_LOWER)
CASE_METHOD(s_swapcase, "str.swapcase", CASE_SWAP)
CASE_METHOD(s_casefold, "str.casefold", CASE_FOLD)
CASE_METHOD(s_capitalize, "str.capitalize", CASE_CAPITALIZE)
CASE_METHOD(s_title, "str.title", CASE_TITLE)

/* ---- predicates ---------------------------------------------------------------- */

typedef bool (*CpPred)(uint32_t);

static bool cp_isalnum(uint32_t c) { return str_cp_isalpha(c) || str_cp_isnumeric(c); }

static Value all_chars(Value self, CpPred pred) {
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self), i = 0;
  if (len == 0) return VAL_FALSE;
  while (i < len) {
    size_t adv;
    if (!pred(cp_at(d, i, &adv))) return VAL_FALSE;
    i += adv;
  }
  return VAL_TRUE;
}

#define PRED_METHOD(fn, pyname, pred)                                        \
  static Value fn(Value self, Value *args, size_t nargs, TupleObject *kw) {  \
    if (!str_check_args(pyname, nargs, kw, 0, 0)) return VAL_NULL;           \
    return all_chars(self, pred);                                             \
  }
PRED_METHOD(s_isalpha, "str.isalpha", str_cp_isalpha)
PRED_METHOD(s_isalnum, "str.isalnum", cp_isalnum)
PRED_METHOD(s_isdigit, "str.isdigit", str_cp_isdigit)
PRED_METHOD(s_isdecimal, "str.isdecimal", str_cp_isdecimal)
PRED_METHOD(s_isnumeric, "str.isnumeric", str_cp_isnumeric)
PRED_METHOD(s_isspace, "str.isspace", str_cp_isspace)

static Value s_isascii(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.isascii", nargs, kw, 0, 0)) return VAL_NULL;
  return val_bool(IS_ASCII(self));
}

static Value s_isprintable(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.isprintable", nargs, kw, 0, 0)) return VAL_NULL;
  if (str_len_bytes(self) == 0) return VAL_TRUE;
  return all_chars(self, str_cp_isprintable);
}

/* isupper/islower: true when some character is cased the wanted way and
 * none the other way. */
static Value cased_only(Value self, bool (*want)(uint32_t), bool (*reject)(uint32_t)) {
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self), i = 0;
  bool cased = false;
  while (i < len) {
    size_t adv;
    uint32_t c = cp_at(d, i, &adv);
    if (reject(c)) return VAL_FALSE;
    if (want(c)) cased = true;
    i += adv;
  }
  return val_bool(cased);
}

static Value s_isupper(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.isupper", nargs, kw, 0, 0)) return VAL_NULL;
  return cased_only(self, str_cp_isupper, str_cp_islower);
}

static Value s_islower(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.islower", nargs, kw, 0, 0)) return VAL_NULL;
  return cased_only(self, str_cp_islower, str_cp_isupper);
}

static Value s_istitle(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.istitle", nargs, kw, 0, 0)) return VAL_NULL;
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self), i = 0;
  bool cased = false, prev = false;
  while (i < len) {
    size_t adv;
    uint32_t c = cp_at(d, i, &adv);
    if (str_cp_isupper(c)) {
      if (prev) return VAL_FALSE;
      prev = cased = true;
    } else if (str_cp_islower(c)) {
      if (!prev) return VAL_FALSE;
      prev = cased = true;
    } else {
      prev = false;
    }
    i += adv;
  }
  return val_bool(cased);
}

static Value s_isidentifier(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.isidentifier", nargs, kw, 0, 0)) return VAL_NULL;
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self), i = 0;
  if (len == 0) return VAL_FALSE;
  while (i < len) {
    size_t adv;
    uint32_t c = cp_at(d, i, &adv);
    bool ok = c == '_' || str_cp_isalpha(c) || (i > 0 && (str_cp_isdecimal(c) || str_cp_isdigit(c)));
    if (!ok) return VAL_FALSE;
    i += adv;
  }
  return VAL_TRUE;
}

/* ---- padding ------------------------------------------------------------------ */

static bool fill_arg(Value v, const char **fc, size_t *fl) {
  *fc = " ";
  *fl = 1;
  if (!v) return true;
  if (!val_is_str(v)) {
    err_set(&Exc_TypeError, "The fill character must be a unicode character, not %T", v);
    return false;
  }
  if (SO(v)->nchars != 1) {
    err_set(&Exc_TypeError, "The fill character must be exactly one character long");
    return false;
  }
  *fc = str_cstr(v);
  *fl = (size_t)str_len_bytes(v);
  return true;
}

static Value pad(Value self, ssize_t left, ssize_t right, const char *fc, size_t fl) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0 && val_type(self) == &StrType) return self;
  size_t len = (size_t)str_len_bytes(self);
  StrObject *r = str_alloc(len + (size_t)(left + right) * fl);
  char *w = r->data;
  for (ssize_t k = 0; k < left; k++, w += fl) memcpy(w, fc, fl);
  memcpy(w, str_cstr(self), len);
  w += len;
  for (ssize_t k = 0; k < right; k++, w += fl) memcpy(w, fc, fl);
  return str_seal(r, SO(self)->nchars + left + right);
}

static Value justify(const char *name, Value self, Value *args, size_t nargs, TupleObject *kw, char how) {
  if (!str_check_args(name, nargs, kw, 1, 2)) return VAL_NULL;
  ssize_t width;
  if (!args_index(args[0], &width)) return VAL_NULL;
  const char *fc;
  size_t fl;
  if (!fill_arg(nargs > 1 ? args[1] : VAL_NULL, &fc, &fl)) return VAL_NULL;
  ssize_t marg = width - SO(self)->nchars;
  if (marg <= 0) return val_type(self) == &StrType ? self : str_new(str_cstr(self), (size_t)str_len_bytes(self));
  if (how == '<') return pad(self, 0, marg, fc, fl);
  if (how == '>') return pad(self, marg, 0, fc, fl);
  ssize_t left = marg / 2 + (marg & width & 1);
  return pad(self, left, marg - left, fc, fl);
}

static Value s_center(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return justify("=center", self, args, nargs, kw, '^');
}
static Value s_ljust(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return justify("=ljust", self, args, nargs, kw, '<');
}
static Value s_rjust(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return justify("=rjust", self, args, nargs, kw, '>');
}

static Value s_zfill(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.zfill", nargs, kw, 1, 1)) return VAL_NULL;
  ssize_t width;
  if (!args_index(args[0], &width)) return VAL_NULL;
  ssize_t fill = width - SO(self)->nchars;
  if (fill <= 0) return val_type(self) == &StrType ? self : str_new(str_cstr(self), (size_t)str_len_bytes(self));
  Value r = pad(self, fill, 0, "0", 1);
  char *d = AS(StrObject, r)->data;
  if (d[fill] == '+' || d[fill] == '-') {
    d[0] = d[fill];
    d[fill] = '0';
  }
  return r;
}

static Value s_expandtabs(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("expandtabs(tabsize=8)");
  Value a[1];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  ssize_t tab = 8;
  if (a[0] && !args_index(a[0], &tab)) return VAL_NULL;
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self), i = 0;
  if (!memchr(d, '\t', len)) return val_type(self) == &StrType ? self : str_new(d, len);
  StrBuilder sb;
  sb_init(&sb);
  ssize_t col = 0;
  while (i < len) {
    size_t adv;
    uint32_t c = cp_at(d, i, &adv);
    if (c == '\t') {
      if (tab > 0) {
        ssize_t n = tab - col % tab;
        for (ssize_t k = 0; k < n; k++) sb_addc(&sb, ' ');
        col += n;
      }
    } else {
      sb_add(&sb, d + i, adv);
      col++;
      if (c == '\n' || c == '\r') col = 0;
    }
    i += adv;
  }
  return sb_finish(&sb);
}

/* ---- encode -------------------------------------------------------------------- */

/* Canonical codec name: "utf-8", "ascii", "latin-1", or NULL. */
static const char *codec_name(const char *enc) {
  char norm[32];
  size_t n = 0;
  for (const char *p = enc; *p && n < sizeof norm - 1; p++) {
    char c = *p;
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c == '_' || c == ' ') c = '-';
    norm[n++] = c;
  }
  norm[n] = 0;
  if (!strcmp(norm, "utf-8") || !strcmp(norm, "utf8") || !strcmp(norm, "u8") || !strcmp(norm, "utf"))
    return "utf-8";
  if (!strcmp(norm, "ascii") || !strcmp(norm, "us-ascii") || !strcmp(norm, "646")) return "ascii";
  if (!strcmp(norm, "latin-1") || !strcmp(norm, "latin1") || !strcmp(norm, "iso-8859-1") ||
      !strcmp(norm, "iso8859-1") || !strcmp(norm, "l1") || !strcmp(norm, "8859") || !strcmp(norm, "cp819") ||
      !strcmp(norm, "latin"))
    return "latin-1";
  return NULL;
}

static void add_escape(StrBuilder *sb, uint32_t c) {
  if (c <= 0xFF) sb_addf(sb, "\\x%02x", c);
  else if (c <= 0xFFFF) sb_addf(sb, "\\u%04x", c);
  else sb_addf(sb, "\\U%08x", c);
}

Value str_encode(Value self, const char *encoding, const char *errors) {
  const char *codec = codec_name(encoding);
  if (!codec) return err_set(&Exc_LookupError, "unknown encoding: %s", encoding);
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self);
  uint32_t limit = codec[0] == 'a' ? 0x80 : codec[0] == 'l' ? 0x100 : 0x110000;
  if (IS_ASCII(self)) return bytes_new(d, len);
  if (!errors) errors = "strict";
  StrBuilder sb;
  sb_init(&sb);
  size_t i = 0;
  ssize_t pos = 0;
  while (i < len) {
    size_t adv;
    uint32_t c = cp_at(d, i, &adv);
    bool surrogate = c >= 0xD800 && c <= 0xDFFF;
    bool ok = limit == 0x110000 ? !surrogate : c < limit;
    if (ok) {
      if (limit == 0x110000) sb_add(&sb, d + i, adv);
      else sb_addc(&sb, (char)c);
      i += adv;
      pos++;
      continue;
    }
    if (!strcmp(errors, "strict")) {
      /* CPython reports the whole run of unencodable characters. */
      ssize_t endpos = pos + 1;
      size_t j = i + adv;
      while (j < len) {
        size_t a2;
        uint32_t c2 = cp_at(d, j, &a2);
        bool s2 = c2 >= 0xD800 && c2 <= 0xDFFF;
        if (limit == 0x110000 ? !s2 : c2 < limit) break;
        j += a2;
        endpos++;
      }
      sb_free(&sb);
      const char *reason = limit == 0x80 ? "ordinal not in range(128)"
                           : limit == 0x100 ? "ordinal not in range(256)" : "surrogates not allowed";
      const char *cname = limit == 0x80 ? "ascii" : limit == 0x100 ? "latin-1" : "utf-8";
      return str_raise_unicode_error(&Exc_UnicodeEncodeError, cname, self, pos, endpos, reason);
    }
    if (!strcmp(errors, "ignore")) {
    } else if (!strcmp(errors, "replace")) {
      sb_addc(&sb, '?');
    } else if (!strcmp(errors, "backslashreplace")) {
      add_escape(&sb, c);
    } else if (!strcmp(errors, "xmlcharrefreplace")) {
      sb_addf(&sb, "&#%u;", c);
    } else if (!strcmp(errors, "surrogateescape") && c >= 0xDC80 && c <= 0xDCFF) {
      sb_addc(&sb, (char)(c - 0xDC00));
    } else if (!strcmp(errors, "surrogatepass") && surrogate && limit == 0x110000) {
      sb_add(&sb, d + i, adv);
    } else {
      sb_free(&sb);
      return err_set(&Exc_LookupError, "unknown error handler name '%s'", errors);
    }
    i += adv;
    pos++;
  }
  Value r = bytes_new(sb.data, sb.len);
  sb_free(&sb);
  return r;
}

Value str_decode(const char *d, size_t n, const char *encoding, const char *errors) {
  const char *codec = codec_name(encoding);
  if (!codec) return err_set(&Exc_LookupError, "unknown encoding: %s", encoding);
  if (!errors) errors = "strict";
  if (codec[0] == 'u') return str_from_utf8(d, n, errors);
  bool latin = codec[0] == 'l';
  StrBuilder sb;
  sb_init(&sb);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)d[i];
    if (c < 0x80) {
      sb_addc(&sb, (char)c);
    } else if (latin) {
      char buf[4];
      sb_add(&sb, buf, utf8_encode(c, buf));
    } else if (!strcmp(errors, "strict")) {
      sb_free(&sb);
      return str_raise_unicode_error(&Exc_UnicodeDecodeError, "ascii", bytes_new(d, n), (ssize_t)i, (ssize_t)i + 1,
                                     "ordinal not in range(128)");
    } else if (!strcmp(errors, "replace")) {
      sb_add(&sb, "\xEF\xBF\xBD", 3);
    } else if (!strcmp(errors, "backslashreplace")) {
      sb_addf(&sb, "\\x%02x", c);
    } else if (!strcmp(errors, "surrogateescape")) {
      char buf[4];
      sb_add(&sb, buf, utf8_encode(0xDC00 + c, buf));
    } else if (strcmp(errors, "ignore") != 0) {
      sb_free(&sb);
      return err_set(&Exc_LookupError, "unknown error handler name '%s'", errors);
    }
  }
  return sb_finish(&sb);
}

static Value s_encode(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("encode(encoding='utf-8', errors='strict')");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  if (a[0] && !val_is_str(a[0]))
    return err_set(&Exc_TypeError, "encode() argument 'encoding' must be str, not %T", a[0]);
  if (a[1] && !val_is_str(a[1]))
    return err_set(&Exc_TypeError, "encode() argument 'errors' must be str, not %T", a[1]);
  return str_encode(self, a[0] ? str_cstr(a[0]) : "utf-8", a[1] ? str_cstr(a[1]) : "strict");
}

/* ---- translate / maketrans -------------------------------------------------- */

static Value s_translate(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.translate", nargs, kw, 1, 1)) return VAL_NULL;
  Value table = args[0];
  const char *d = str_cstr(self);
  size_t len = (size_t)str_len_bytes(self), i = 0;
  StrBuilder sb;
  sb_init(&sb);
  while (i < len) {
    size_t adv;
    uint32_t c = cp_at(d, i, &adv);
    Value m = obj_getitem(table, val_from_int(c));
    if (!m) {
      if (!err_matches(&Exc_LookupError)) {
        sb_free(&sb);
        return VAL_NULL;
      }
      err_clear();
      sb_add(&sb, d + i, adv);
    } else if (m == VAL_NONE) {
    } else if (val_is_str(m)) {
      sb_add_value(&sb, m);
    } else if (val_is_intlike(m)) {
      int64_t x;
      if (!int_to_i64(m, &x) || x < 0 || x > 0x10FFFF) {
        err_clear();
        sb_free(&sb);
        return err_set(&Exc_ValueError, "character mapping must be in range(0x110000)");
      }
      char buf[4];
      sb_add(&sb, buf, utf8_encode((uint32_t)x, buf));
    } else {
      sb_free(&sb);
      return err_set(&Exc_TypeError, "character mapping must return integer, None or str");
    }
    i += adv;
  }
  return sb_finish(&sb);
}

static uint32_t first_cp(Value s) {
  size_t adv;
  return utf8_decode(str_cstr(s), &adv);
}

static Value s_maketrans(Value cls, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("=maketrans", nargs, kw, 1, 3)) return VAL_NULL;
  Value d = dict_new();
  if (nargs == 1) {
    Value x = args[0];
    if (!val_is_dict(x))
      return err_set(&Exc_TypeError, "if you give only one argument to maketrans it must be a dict");
    ssize_t pos = 0;
    Value k, v;
    while (dict_next(x, &pos, &k, &v)) {
      if (val_is_str(k)) {
        if (SO(k)->nchars != 1)
          return err_set(&Exc_ValueError, "string keys in translate table must be of length 1");
        if (dict_set(d, val_from_int(first_cp(k)), v) < 0) return VAL_NULL;
      } else if (val_is_intlike(k)) {
        if (dict_set(d, k, v) < 0) return VAL_NULL;
      } else {
        return err_set(&Exc_TypeError, "keys in translate table must be strings or integers");
      }
    }
    return d;
  }
  if (!val_is_str(args[0]))
    return err_set(&Exc_TypeError, "maketrans() argument 1 must be str, not %T", args[0]);
  if (!val_is_str(args[1]))
    return err_set(&Exc_TypeError, "maketrans() argument 2 must be str, not %T", args[1]);
  if (SO(args[0])->nchars != SO(args[1])->nchars)
    return err_set(&Exc_ValueError, "the first two maketrans arguments must have equal length");
  const char *a = str_cstr(args[0]), *b = str_cstr(args[1]);
  size_t al = (size_t)str_len_bytes(args[0]), i = 0, j = 0;
  while (i < al) {
    size_t x, y;
    uint32_t ca = utf8_decode(a + i, &x), cb = utf8_decode(b + j, &y);
    if (dict_set(d, val_from_int(ca), val_from_int(cb)) < 0) return VAL_NULL;
    i += x;
    j += y;
  }
  if (nargs > 2) {
    if (!val_is_str(args[2]))
      return err_set(&Exc_TypeError, "maketrans() argument 3 must be str, not %T", args[2]);
    const char *z = str_cstr(args[2]);
    size_t zl = (size_t)str_len_bytes(args[2]);
    for (i = 0; i < zl;) {
      size_t x;
      uint32_t c = utf8_decode(z + i, &x);
      if (dict_set(d, val_from_int(c), VAL_NONE) < 0) return VAL_NULL;
      i += x;
    }
  }
  return d;
}

/* ---- formatting entry points ---------------------------------------------------- */

static Value s_format(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return str_format_method(self, args, nargs, kw);
}

static Value s_dunder_format(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("=__format__", nargs, kw, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0]))
    return err_set(&Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
  return str_format_spec(self, args[0]);
}

/* ---- dunders mirroring the slots (str.__add__, super().__eq__, ...) --------- */

static Value s_len(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__len__", nargs, kw, 0)) return VAL_NULL;
  return val_from_int(SO(self)->nchars);
}

static Value s_getitem(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__getitem__", nargs, kw, 1)) return VAL_NULL;
  return str_getitem(self, args[0]);
}

static Value s_contains(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__contains__", nargs, kw, 1)) return VAL_NULL;
  int r = str_contains(self, args[0]);
  return r < 0 ? VAL_NULL : val_bool(r);
}

static Value s_add(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__add__", nargs, kw, 1)) return VAL_NULL;
  if (!val_is_str(args[0])) return VAL_NOTIMPL;
  return str_concat(self, args[0]);
}

static Value s_mul(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__mul__", nargs, kw, 1)) return VAL_NULL;
  if (!val_is_intlike(args[0]) && !val_type(args[0])->to_index) return VAL_NOTIMPL;
  return StrType.binop[BINOP_MUL](self, args[0]);
}

static Value s_mod(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__mod__", nargs, kw, 1)) return VAL_NULL;
  return str_mod_format(self, args[0]);
}

static Value s_rmod(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__rmod__", nargs, kw, 1)) return VAL_NULL;
  return VAL_NOTIMPL;
}

static Value cmp_method(Value self, Value *args, size_t nargs, TupleObject *kw, CmpOp op) {
  static const char *const names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  if (!args_wrapper((unsigned)op < 6 ? names[op] : "comparison", nargs, kw, 1)) return VAL_NULL;
  return StrType.richcompare(self, args[0], op);
}
#define CMP_METHOD(fn, op) \
  static Value fn(Value self, Value *args, size_t nargs, TupleObject *kw) { return cmp_method(self, args, nargs, kw, op); }
CMP_METHOD(s_eq, CMP_EQ)
CMP_METHOD(s_ne, CMP_NE)
CMP_METHOD(s_lt, CMP_LT)
CMP_METHOD(s_le, CMP_LE)
CMP_METHOD(s_gt, CMP_GT)
CMP_METHOD(s_ge, CMP_GE)

static Value s_hash(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__hash__", nargs, kw, 0)) return VAL_NULL;
  return int_from_i64(str_hash(self));
}

static Value s_iter(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__iter__", nargs, kw, 0)) return VAL_NULL;
  return str_iter(self);
}

static Value s_str(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__str__", nargs, kw, 0)) return VAL_NULL;
  return StrType.str(self);
}

static Value s_repr(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__repr__", nargs, kw, 0)) return VAL_NULL;
  return str_repr(self);
}

static Value s_sizeof(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!str_check_args("str.__sizeof__", nargs, kw, 0, 0)) return VAL_NULL;
  return val_from_int((intptr_t)(sizeof(StrObject) + (size_t)str_len_bytes(self) + 1));
}

static Value s_getnewargs(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_wrapper("__getnewargs__", nargs, kw, 0)) return VAL_NULL;
  return tuple_pack(1, str_new(str_cstr(self), (size_t)str_len_bytes(self)));
}

const NativeDef str_methods[] = {
    {"encode", s_encode, NATIVE_METHOD},
    {"replace", s_replace, NATIVE_METHOD},
    {"split", s_split, NATIVE_METHOD},
    {"rsplit", s_rsplit, NATIVE_METHOD},
    {"join", s_join, NATIVE_METHOD},
    {"capitalize", s_capitalize, NATIVE_METHOD},
    {"casefold", s_casefold, NATIVE_METHOD},
    {"title", s_title, NATIVE_METHOD},
    {"center", s_center, NATIVE_METHOD},
    {"count", s_count, NATIVE_METHOD},
    {"expandtabs", s_expandtabs, NATIVE_METHOD},
    {"find", s_find, NATIVE_METHOD},
    {"partition", s_partition, NATIVE_METHOD},
    {"index", s_index, NATIVE_METHOD},
    {"ljust", s_ljust, NATIVE_METHOD},
    {"lower", s_lower, NATIVE_METHOD},
    {"lstrip", s_lstrip, NATIVE_METHOD},
    {"rfind", s_rfind, NATIVE_METHOD},
    {"rindex", s_rindex, NATIVE_METHOD},
    {"rjust", s_rjust, NATIVE_METHOD},
    {"rstrip", s_rstrip, NATIVE_METHOD},
    {"rpartition", s_rpartition, NATIVE_METHOD},
    {"splitlines", s_splitlines, NATIVE_METHOD},
    {"strip", s_strip, NATIVE_METHOD},
    {"swapcase", s_swapcase, NATIVE_METHOD},
    {"translate", s_translate, NATIVE_METHOD},
    {"upper", s_upper, NATIVE_METHOD},
    {"startswith", s_startswith, NATIVE_METHOD},
    {"endswith", s_endswith, NATIVE_METHOD},
    {"removeprefix", s_removeprefix, NATIVE_METHOD},
    {"removesuffix", s_removesuffix, NATIVE_METHOD},
    {"isascii", s_isascii, NATIVE_METHOD},
    {"islower", s_islower, NATIVE_METHOD},
    {"isupper", s_isupper, NATIVE_METHOD},
    {"istitle", s_istitle, NATIVE_METHOD},
    {"isspace", s_isspace, NATIVE_METHOD},
    {"isdecimal", s_isdecimal, NATIVE_METHOD},
    {"isdigit", s_isdigit, NATIVE_METHOD},
    {"isnumeric", s_isnumeric, NATIVE_METHOD},
    {"isalpha", s_isalpha, NATIVE_METHOD},
    {"isalnum", s_isalnum, NATIVE_METHOD},
    {"isidentifier", s_isidentifier, NATIVE_METHOD},
    {"isprintable", s_isprintable, NATIVE_METHOD},
    {"zfill", s_zfill, NATIVE_METHOD},
    {"format", s_format, NATIVE_METHOD},
    {"format_map", str_format_map_method, NATIVE_METHOD},
    {"__format__", s_dunder_format, NATIVE_METHOD},
    {"maketrans", s_maketrans, NATIVE_STATICMETHOD},
    {"__len__", s_len, NATIVE_METHOD},
    {"__getitem__", s_getitem, NATIVE_METHOD},
    {"__contains__", s_contains, NATIVE_METHOD},
    {"__add__", s_add, NATIVE_METHOD},
    {"__mul__", s_mul, NATIVE_METHOD},
    {"__rmul__", s_mul, NATIVE_METHOD},
    {"__mod__", s_mod, NATIVE_METHOD},
    {"__rmod__", s_rmod, NATIVE_METHOD},
    {"__eq__", s_eq, NATIVE_METHOD},
    {"__ne__", s_ne, NATIVE_METHOD},
    {"__lt__", s_lt, NATIVE_METHOD},
    {"__le__", s_le, NATIVE_METHOD},
    {"__gt__", s_gt, NATIVE_METHOD},
    {"__ge__", s_ge, NATIVE_METHOD},
    {"__hash__", s_hash, NATIVE_METHOD},
    {"__iter__", s_iter, NATIVE_METHOD},
    {"__str__", s_str, NATIVE_METHOD},
    {"__repr__", s_repr, NATIVE_METHOD},
    {"__sizeof__", s_sizeof, NATIVE_METHOD},
    {"__getnewargs__", s_getnewargs, NATIVE_METHOD},
    {NULL},
};
