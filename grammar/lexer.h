/* lexer.h — private interface between the lexer (lexer.re), the grammar
 * (parser.y) and string-literal handling.  Not for use outside grammar/.
 *
 * Include "parser.h" (bison's generated header) before this file: it
 * defines YYSTYPE, YYLTYPE and the token numbers.
 *
 * One Parser holds everything for one parse: the arena, the lexer state and
 * the first error.  There is no global state, so parses may run in
 * parallel threads.  Positions are 1-based lines and 0-based UTF-8 byte
 * columns; (line_base, col_base) shift them when a sub-parser reads the
 * expression inside an f-string replacement field.
 */
#ifndef GILPY_LEXER_H
#define GILPY_LEXER_H

#include <string.h>
#include "grammar/ast.h"
#include "grammar/parse.h"

#define LEX_MAX_PAREN 200   /* "too many nested parentheses" beyond this */
#define LEX_MAX_INDENT 100  /* "too many levels of indentation" */

/* A string literal token as written; strlit.c concatenates adjacent ones. */
struct StrTok {
  const char *body;   /* between the quotes, not decoded */
  size_t len;
  int raw, bytes, fstr, u_prefix;
  int quote_len;      /* 1 or 3 */
  int line, col;      /* position of the first body byte (f-string fields) */
  int first_line, first_column, last_line, last_column;  /* whole token */
  struct StrTok *next;
};

typedef struct Lexer {
  const char *buf;        /* NUL-terminated copy of the source */
  const char *end;        /* buf + length: the terminating NUL */
  const char *cur;
  const char *line_start; /* first byte of the current physical line */
  int line;
  int line_base, col_base; /* added to positions on line 1 (sub-parsers) */
  int depth;              /* bracket nesting */
  char paren_ch[LEX_MAX_PAREN + 1];
  int paren_line[LEX_MAX_PAREN + 1], paren_col[LEX_MAX_PAREN + 1];
  int indents[LEX_MAX_INDENT + 1], alt_indents[LEX_MAX_INDENT + 1];
  int nindent;            /* indents[0..nindent] valid; indents[0] == 0 */
  int pending;            /* > 0: INDENTs, < 0: DEDENTs still to deliver */
  int pending_line, pending_col;
  int at_line_start;
  int line_has_tokens;    /* a token was produced on the current logical line */
  int no_indent;          /* eval / f-string mode: no INDENT/DEDENT */
  int join_lines;         /* f-string field: newlines never end a statement */
  int start_token;        /* first token delivered selects the grammar */
  int done;               /* ENDMARKER delivered */
  int eof_newline_sent;
  /* Block headers, for "expected an indented block after ...". */
  int cur_first_tok, cur_first_line, cur_second_tok;
  int hdr_tok, hdr_second, hdr_line;
  /* Soft keyword "case": a "match ...:" header makes the block it opens a
   * case block, where "case" may have its body on the same line. */
  int match_header;       /* a "match ...:" line was the last logical line */
  unsigned char case_block[LEX_MAX_INDENT + 1]; /* per indentation level */
} Lexer;

typedef struct Parser {
  Arena *arena;
  Lexer lx;
  ParseError *err;
  const char *filename;
  int mode;
  int fstring_depth;      /* nesting of f-string sub-parses */
  int lexer_failed;       /* the first error came from the lexer */
  int withas_pending;     /* "x as y" inside parentheses not yet claimed by a with */
  YYLTYPE withas_loc;     /* the first such "as", for the error */
  const char *root_src;   /* the whole top-level source, for error lines */
  const char *root_end;
  int last_tok, prev_tok, prev2_tok; /* the most recent tokens, for error messages */
  YYLTYPE last_loc, prev_loc;
  YYLTYPE atom_loc, prev_atom_loc; /* start of the run of strings / dotted name
                                      ending at last_tok, prev_tok */
  YYLTYPE after_except_loc;        /* first token after the latest "except" */
  int lambda_depth;                /* 1 + bracket depth of an open lambda's parameters, or 0 */
  Module *result;
  Expr *fresult;          /* f-string sub-parse result */
} Parser;

/* ---- growable lists in the arena (the grammar's sequences) ---- */
typedef struct PList { int n, cap; void **items; } PList;

static inline PList *plist(Parser *p) { return ast_alloc(p->arena, sizeof(PList)); }

/* Appends item (creating the list if l is NULL); the old items array is
 * left to the arena when it grows. */
static inline PList *push(Parser *p, PList *l, void *item) {
  if (!l) l = plist(p);
  if (l->n == l->cap) {
    int cap = l->cap ? l->cap * 2 : 4;
    void **items = ast_alloc(p->arena, sizeof(void *) * (size_t)cap);
    if (l->n) memcpy(items, l->items, sizeof(void *) * (size_t)l->n);
    l->items = items;
    l->cap = cap;
  }
  l->items[l->n++] = item;
  return l;
}

static inline PList *list1(Parser *p, void *item) { return push(p, NULL, item); }

/* A PList as an AST sequence of type T (ExprSeq, StmtSeq...). */
#define SEQ(T, l) ((T){(l) ? (l)->n : 0, (l) && (l)->n ? (void *)(l)->items : NULL})

/* A new expression node located at loc. */
Expr *parser_new_expr(Parser *p, ExprKind kind, const YYLTYPE *loc);

/* Adjacent string literals (strlit.c): one Constant, or a JoinedStr when
 * an f-string is among them.  Returns NULL with an error recorded. */
Expr *strlit_concat(Parser *p, PList *toks, const YYLTYPE *loc);

/* Lexer entry, called by the bison parser. */
int lexer_next(Parser *p, YYSTYPE *val, YYLTYPE *loc);
void lexer_init(Parser *p, const char *buf, size_t len, int start_token, int no_indent);

/* Records the first error (later ones are ignored).  col is a 0-based byte
 * column on `line`; end_col is exclusive (or -1 for unknown).  Returns 0. */
int parser_error(Parser *p, ParseErrorKind kind, int line, int col, int end_line, int end_col,
                 const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Decodes the escapes of a (non-f) string literal body into the arena.
 * Returns 0, or -1 with an error recorded. */
int lexer_decode_str(Parser *p, const struct StrTok *t, const char *s, size_t len,
                     char **out, size_t *outlen);

/* Parses src as a Python expression for an f-string replacement field. */
Expr *parser_parse_fstring_expr(Parser *p, const char *src, size_t len, int line, int col);

#endif
