/* str.h — str: immutable UTF-8 text.
 *
 * data[] holds len bytes of valid UTF-8 plus a NUL; nchars is the number of
 * code points (len == nchars means ASCII, where indexing is O(1)).  The
 * hash is computed once (-1 = not yet).  Identifiers are interned: the
 * canonical copy has OBJ_INTERNED set, so interned names compare by pointer.
 */
#ifndef GILPY_STR_H
#define GILPY_STR_H

#include <stdarg.h>
#include "runtime/object.h"

struct StrObject {
  Object base;
  ssize_t len;     /* bytes, excluding the NUL */
  ssize_t nchars;  /* code points */
  Hash hash;       /* -1 until computed */
  char data[];
};

extern TypeObject StrType;

static inline bool val_is_str(Value v) {
  return val_is_obj(v) && (v->type == &StrType || (v->type->flags & TP_STR_SUBCLASS));
}
static inline const char *str_cstr(Value s) { return AS(StrObject, s)->data; }
static inline ssize_t str_len_bytes(Value s) { return AS(StrObject, s)->len; }

/* Constructors: the input must be valid UTF-8 (str_from_utf8 checks). */
Value str_new(const char *utf8, size_t len);
Value str_from_cstr(const char *s);
Value str_from_utf8(const char *bytes, size_t len, const char *errors); /* UnicodeDecodeError */
Value str_from_codepoint(uint32_t cp);
Value str_printf(const char *fmt, ...);   /* error.h formats (%S %R %T %U) included */
Value str_vprintf(const char *fmt, va_list ap);
Value str_concat(Value a, Value b);
/* Interned copies: the returned object is canonical and immortal. */
StrObject *str_intern(Value s);
StrObject *str_intern_cstr(const char *s);
Hash str_hash(Value s);
bool str_equal(Value a, Value b);        /* both strs; never fails */
int str_compare(Value a, Value b);       /* <0, 0, >0 by code point */
Value str_repr(Value s);                 /* 'it''s' with CPython's quoting */
Value str_join(Value sep, Value iterable);
Value str_format_method(Value fmt, Value *args, size_t nargs, TupleObject *kwnames); /* str.format */
Value str_mod_format(Value fmt, Value args);  /* fmt % args */
Value str_format_spec(Value s, Value spec);   /* format(str, spec) */

/* A growable byte buffer for building strs without intermediate objects. */
typedef struct {
  char *data;
  size_t len, cap;
  char small[128];
} StrBuilder;
void sb_init(StrBuilder *sb);
void sb_add(StrBuilder *sb, const char *s, size_t n);
void sb_addc(StrBuilder *sb, char c);
void sb_adds(StrBuilder *sb, const char *s);
void sb_addf(StrBuilder *sb, const char *fmt, ...); /* C printf formats only */
int sb_add_value(StrBuilder *sb, Value str);        /* appends a str object's text */
int sb_add_repr(StrBuilder *sb, Value v);           /* appends repr(v); -1 on error */
int sb_add_str(StrBuilder *sb, Value v);            /* appends str(v); -1 on error */
Value sb_finish(StrBuilder *sb);                    /* makes the str, frees the buffer */
void sb_free(StrBuilder *sb);

/* Byte search shared by str and bytes: the offset of needle n in haystack h
 * (first or last occurrence), or -1.  An empty needle matches at 0 / hl. */
ssize_t mem_find(const char *h, size_t hl, const char *n, size_t nl);
ssize_t mem_rfind(const char *h, size_t hl, const char *n, size_t nl);

/* UTF-8 helpers. */
size_t utf8_encode(uint32_t cp, char out[4]);
uint32_t utf8_decode(const char *s, size_t *advance);  /* s is valid UTF-8 */
ssize_t utf8_count(const char *s, size_t len);         /* -1 if invalid */
/* ---- Text-area internals (str.c, str_methods.c, strfmt.c, bytes.c) ------- */
/* A str of `len` bytes to be filled by the caller, who then calls
 * str_seal() with the code point count (or -1 to have it counted). */
StrObject *str_alloc(size_t len);
Value str_seal(StrObject *s, ssize_t nchars);

/* `s += t` (or `s = s + t`) stored back into the local variable s came
 * from (the eval loop's INPLACE_ADD_FAST); s and t exact strs.  A string
 * marked OBJ_STR_UNIQUE is referenced by that variable alone, so t is
 * appended in place when the allocation has room; otherwise the result is
 * a new string with room to grow, marked.  Building a string in a loop is
 * then linear, as CPython's in-place resize makes it.  Every other read of
 * such a variable clears the mark first (str_escape). */
Value str_add_to_local(Value s, Value t);
static inline void str_escape(Value v) {
  if (val_is_obj(v) && (v->gc_flags & OBJ_STR_UNIQUE)) v->gc_flags &= ~OBJ_STR_UNIQUE;
}
/* str.encode for the codecs gilpy knows (utf-8, ascii, latin-1); errors
 * NULL means "strict".  LookupError / UnicodeEncodeError as CPython. */
Value str_encode(Value s, const char *encoding, const char *errors);
/* bytes.decode: n bytes at d in one of the codecs above. */
Value str_decode(const char *d, size_t n, const char *encoding, const char *errors);
/* Raises UnicodeDecodeError/UnicodeEncodeError(encoding, object, start, end,
 * reason) so that its attributes are CPython's; returns VAL_NULL. */
Value str_raise_unicode_error(TypeObject *type, const char *encoding, Value object, ssize_t start, ssize_t end,
                              const char *reason);
/* The str hash function over raw bytes (bytes objects use it too). */
Hash str_hash_bytes(const char *p, size_t n);
/* Byte offset of code point index i (0 <= i <= nchars). */
size_t str_offset_of(Value s, ssize_t i);
/* Unicode character classes and simple case mappings used by the methods;
 * exact for ASCII/Latin-1/Latin Extended-A/Greek/Cyrillic, approximate beyond. */
bool str_cp_isspace(uint32_t c);
bool str_cp_isprintable(uint32_t c);
bool str_cp_isalpha(uint32_t c);
bool str_cp_isdecimal(uint32_t c);
bool str_cp_isdigit(uint32_t c);
bool str_cp_isnumeric(uint32_t c);
bool str_cp_isupper(uint32_t c);
bool str_cp_islower(uint32_t c);
uint32_t str_cp_upper(uint32_t c);
uint32_t str_cp_lower(uint32_t c);
/* Argument-count checks worded as CPython's str/bytes methods
 * ("find() takes at least 1 argument (0 given)"). */
bool str_check_args(const char *name, size_t nargs, TupleObject *kwnames, size_t min, size_t max);
/* The str iterator type. */
extern TypeObject StrIterType;
Value str_iter(Value s);
int str_contains(Value s, Value sub);
Value str_getitem(Value s, Value key);
void str_init(void);
#endif
