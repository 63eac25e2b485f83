/* strfmt.h — text formatting: str.format / format_map, the format-spec
 * mini-language applied to strs, and printf-style `%` formatting.
 *
 * The numeric presentation types of format specs belong to the numbers
 * area (int_format / float_format); `%` formatting does its own numeric
 * conversions so that its flags behave exactly as CPython's.
 */
#ifndef GILPY_STRFMT_H
#define GILPY_STRFMT_H

#include "runtime/native.h"
#include "runtime/str.h"

/* A parsed standard format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type] */
typedef struct {
  uint32_t fill;     /* code point, ' ' by default ('0' after a bare '0' flag) */
  bool fill_given;   /* the spec named a fill character */
  char align;        /* '<' '>' '^' '=' or 0 when absent */
  char sign;         /* '+' '-' ' ' or 0 */
  bool alternate;    /* '#' */
  bool zero;         /* '0' before width */
  bool no_neg_zero;  /* 'z' */
  ssize_t width;     /* -1 when absent */
  char grouping;     /* ',' '_' or 0 */
  ssize_t precision; /* -1 when absent */
  char type;         /* presentation type or 0 */
} FormatSpec;

/* Parses spec (UTF-8, len bytes); false with ValueError set. */
bool strfmt_parse_spec(const char *spec, size_t len, FormatSpec *out);
/* Appends `text` (nchars code points) padded to spec->width by spec's fill and
 * alignment (default_align when none was given). */
void strfmt_pad(StrBuilder *sb, const char *text, size_t len, ssize_t nchars,
                const FormatSpec *spec, char default_align);

/* The str methods (str_methods.c), installed by type_ready. */
extern const NativeDef str_methods[];
/* bytes % args (and bytearray): fmt is bytes-like. */
Value strfmt_bytes_mod(Value fmt, Value args);
/* Text methods reused by bytes.c / builtins. */
Value str_format_map_method(Value self, Value *args, size_t nargs, TupleObject *kwnames);
#endif
