/* numfmt.h — the format-spec mini-language for numbers (format(x, spec),
 * f"{x:spec}", str.format) as CPython 3.11 implements it for int and float:
 * [[fill]align][sign][z][#][0][width][grouping][.precision][type].
 */
#ifndef GILPY_NUMFMT_H
#define GILPY_NUMFMT_H

#include "runtime/object.h"

typedef struct {
  char fill[5];        /* UTF-8 fill character, NUL-terminated (" " by default) */
  char align;          /* 0 (type default), '<', '>', '=', '^' */
  char sign;           /* 0, '+', '-', ' ' */
  bool no_neg_zero;    /* 'z' */
  bool alt;            /* '#' */
  char grouping;       /* 0, ',' or '_' */
  ssize_t width;       /* -1 when absent */
  ssize_t precision;   /* -1 when absent */
  char type;           /* 0 when absent */
} NumFmtSpec;

/* Parses spec for an object whose type is called type_name (for messages).
 * Returns false with ValueError set. */
bool numfmt_parse(const char *spec, size_t len, const char *type_name, NumFmtSpec *out);
/* format(v, spec) for an int or bool v; spec is a str. */
Value numfmt_format_int(Value v, Value spec);
/* format(d, spec) for a float; spec is a str. */
Value numfmt_format_float(double d, Value spec);
/* int()/float() accept any Unicode decimal digit and Unicode white space:
 * returns a malloc'd ASCII copy of s[0..len) with those mapped to '0'..'9'
 * and ' ' (other non-ASCII characters are replaced by '?', which no parser
 * accepts), and its length in *out_len.  Never fails. */
char *numfmt_to_ascii(const char *s, size_t len, size_t *out_len);
#endif
