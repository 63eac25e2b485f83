/* parse.h — the front end's entry point: source text to AST.
 *
 * parse_source() runs the re2c lexer and the bison parser over a whole
 * buffer.  It never crashes on any input (invalid UTF-8, garbage, deep
 * nesting) and never prints: on failure it fills a ParseError that the
 * compiler turns into a SyntaxError object and the main program prints.
 * It is reentrant (no global state) so several threads may parse at once.
 */
#ifndef GILPY_PARSE_H
#define GILPY_PARSE_H

#include "grammar/ast.h"

typedef enum {
  PERR_NONE = 0,
  PERR_SYNTAX,        /* SyntaxError */
  PERR_INDENTATION,   /* IndentationError */
  PERR_TAB,           /* TabError */
} ParseErrorKind;

typedef struct ParseError {
  ParseErrorKind kind;
  char msg[256];      /* CPython 3.11 wording, e.g. "expected ':'" */
  int lineno;         /* 1-based; 0 for a whole-file error ("Non-UTF-8 code starting with
                         '\xff' in file x.py on line 4, ..."), which CPython prints as the
                         bare "SyntaxError: msg" line, without location or source text */
  int offset;         /* 1-based column in characters (CPython's SyntaxError.offset); 0 if unknown */
  int end_lineno;     /* 0 if unknown */
  int end_offset;     /* 1-based, exclusive, in characters; 0 if unknown */
  const char *text;   /* the offending source line including its '\n' (if any),
                         allocated in the arena; NULL if unknown */
} ParseError;

/* Parses src[0..len) (need not be NUL-terminated; a leading UTF-8 BOM is
 * skipped) in the given mode.  Returns the tree, allocated in `a`, or NULL
 * with *err filled in.  filename is only used in messages; a name starting
 * with '<' ("<string>", "<stdin>") marks source that came as text or bytes
 * rather than from a file, which changes the invalid-UTF-8 message.
 * PARSE_SINGLE accepts one statement (CPython's 'single' mode). */
Module *parse_source(Arena *a, const char *src, size_t len, const char *filename,
                     int mode /* ParseMode: PARSE_FILE, PARSE_EVAL, PARSE_SINGLE */,
                     ParseError *err);

/* Python-level name of err->kind: "SyntaxError", "IndentationError", "TabError". */
const char *parse_error_type_name(ParseErrorKind kind);

#endif
