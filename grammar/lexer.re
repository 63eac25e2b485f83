/* lexer.re — tokens for the bison grammar (re2c).
 *
 * Owns: turning source bytes into tokens with positions, the INDENT/DEDENT
 * stack (tabs to the next multiple of 8, plus a tab-size-1 shadow stack
 * for TabError), implicit line joining inside brackets, backslash
 * continuation, numeric literals (converted to Constant nodes here) and
 * the extent of string literals (their escapes are decoded here too, on
 * request of the parser, which also splits f-strings).
 *
 * Invariants: the input buffer ends with a NUL at lx->end (parse_source
 * copies it); a NUL before lx->end is an error.  The UTF-8 validity of the
 * whole buffer is checked before lexing, so re2c's UTF-8 classes only see
 * well-formed sequences.  Every path returns a token or records an error
 * and returns YYUNDEF; nothing here allocates outside the arena.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parser.h"
#include "grammar/lexer.h"

/* ---- positions ---------------------------------------------------------- */
static int pos_line(const Lexer *L, int line) { return line + L->line_base; }
static int pos_col(const Lexer *L, int line, int col) { return line == 1 ? col + L->col_base : col; }

static void set_loc(const Lexer *L, YYLTYPE *loc, int l1, int c1, int l2, int c2) {
  loc->first_line = pos_line(L, l1);
  loc->first_column = pos_col(L, l1, c1);
  loc->last_line = pos_line(L, l2);
  loc->last_column = pos_col(L, l2, c2);
}

static int col_of(const Lexer *L, const char *p) { return (int)(p - L->line_start); }

/* Error at a raw (unshifted) lexer position. */
static int lex_error(Parser *p, ParseErrorKind kind, int line, int col, int end_line, int end_col,
                     const char *msg) {
  Lexer *L = &p->lx;
  if (p->err->kind == PERR_NONE) p->lexer_failed = 1;
  parser_error(p, kind, pos_line(L, line), pos_col(L, line, col), end_line < 0 ? -1 : pos_line(L, end_line),
               end_col < 0 ? -1 : pos_col(L, end_line, end_col), "%s", msg);
  return YYUNDEF;
}

void lexer_init(Parser *p, const char *buf, size_t len, int start_token, int no_indent) {
  Lexer *L = &p->lx;
  memset(L, 0, sizeof *L);
  L->buf = buf;
  L->end = buf + len;
  L->cur = buf;
  L->line_start = buf;
  L->line = 1;
  L->at_line_start = !no_indent;
  L->no_indent = no_indent;
  L->start_token = start_token;
}

/* ---- keywords ----------------------------------------------------------- */
static const struct { const char *name; int tok; } keywords[] = {
  {"False", KW_FALSE}, {"None", KW_NONE}, {"True", KW_TRUE}, {"and", KW_AND},
  {"as", KW_AS}, {"assert", KW_ASSERT}, {"async", KW_ASYNC}, {"await", KW_AWAIT},
  {"break", KW_BREAK}, {"class", KW_CLASS}, {"continue", KW_CONTINUE}, {"def", KW_DEF},
  {"del", KW_DEL}, {"elif", KW_ELIF}, {"else", KW_ELSE}, {"except", KW_EXCEPT},
  {"finally", KW_FINALLY}, {"for", KW_FOR}, {"from", KW_FROM}, {"global", KW_GLOBAL},
  {"if", KW_IF}, {"import", KW_IMPORT}, {"in", KW_IN}, {"is", KW_IS},
  {"lambda", KW_LAMBDA}, {"nonlocal", KW_NONLOCAL}, {"not", KW_NOT}, {"or", KW_OR},
  {"pass", KW_PASS}, {"raise", KW_RAISE}, {"return", KW_RETURN}, {"try", KW_TRY},
  {"while", KW_WHILE}, {"with", KW_WITH}, {"yield", KW_YIELD},
};

static int keyword_lookup(const char *s, size_t n) {
  for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
    if (strlen(keywords[i].name) == n && memcmp(keywords[i].name, s, n) == 0) return keywords[i].tok;
  return 0;
}

/* ---- numbers ------------------------------------------------------------ */
static Expr *new_const(Parser *p) {
  Expr *e = ast_alloc(p->arena, sizeof *e);
  e->kind = Constant_kind;
  return e;
}

/* Copies s[0..n) without '_' into the arena. */
static char *strip_underscores(Parser *p, const char *s, size_t n) {
  char *out = ast_alloc(p->arena, n + 1);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] != '_') out[k++] = s[i];
  out[k] = 0;
  return out;
}

static Expr *make_int(Parser *p, const char *s, size_t n, int base) {
  char *digits = strip_underscores(p, s, n);
  Expr *e = new_const(p);
  errno = 0;
  char *endp;
  unsigned long long v = strtoull(digits, &endp, base);
  if (errno == 0 && *endp == 0 && v <= (unsigned long long)INT64_MAX) {
    e->v.Constant.kind = CONST_INT;
    e->v.Constant.v.i = (int64_t)v;
  } else {
    e->v.Constant.kind = CONST_BIGINT;
    while (digits[0] == '0' && digits[1]) digits++;
    e->v.Constant.v.big.digits = digits;
    e->v.Constant.v.big.base = base;
  }
  return e;
}

static Expr *make_float(Parser *p, const char *s, size_t n, int imag) {
  char *text = strip_underscores(p, s, n);
  Expr *e = new_const(p);
  e->v.Constant.kind = imag ? CONST_COMPLEX : CONST_FLOAT;
  e->v.Constant.v.f = strtod(text, NULL);  /* strtod stops at 'j' */
  return e;
}

static int is_id_char(unsigned char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* A number may not run into a name ("1abc"), except keywords CPython
 * tolerates there ("1if x else y", "0x1for"). */
static int number_suffix_ok(const char *q) {
  if (!is_id_char((unsigned char)*q)) return 1;
  static const char *const ok[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    size_t n = strlen(ok[i]);
    if (strncmp(q, ok[i], n) == 0 && !is_id_char((unsigned char)q[n])) return 1;
  }
  return 0;
}

/* A 0x/0o/0b literal with no digits or with a digit out of range. */
static int bad_number(Parser *p, const char *tok, int line, int col, const char *kind, const char *ok) {
  Lexer *L = &p->lx;
  const char *q = tok + 2;
  while (*q && strchr(ok, *q)) q++;
  char msg[64];
  if (*q >= '0' && *q <= '9') {
    snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", *q, kind);
    return lex_error(p, PERR_SYNTAX, line, col_of(L, q), line, col_of(L, q), msg);
  }
  snprintf(msg, sizeof msg, "invalid %s literal", kind);
  return lex_error(p, PERR_SYNTAX, line, col_of(L, q) - 1, line, col_of(L, q) - 1, msg);
}

/* ---- identifiers -------------------------------------------------------- */
/* Without Unicode tables, non-ASCII identifier characters are checked
 * against the blocks that hold no letters (punctuation, symbols, arrows,
 * box drawing, emoji...), which is where stray characters come from. */
static int cp_unprintable(unsigned cp) {
  return (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0xFEFF;
}

static int cp_not_identifier(unsigned cp) {
  if (cp < 0x80) return 0;
  if (cp <= 0xBF) return !(cp == 0xAA || cp == 0xB5 || cp == 0xBA);
  if (cp == 0xD7 || cp == 0xF7) return 1;
  if (cp >= 0x2000 && cp <= 0x206F) return !(cp == 0x203F || cp == 0x2040 || cp == 0x2054);
  if (cp >= 0x20A0 && cp <= 0x20CF) return 1;
  if (cp >= 0x2190 && cp <= 0x2BFF) return 1;
  if (cp >= 0x2E00 && cp <= 0x2E7F) return 1;
  if ((cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) || cp == 0x3030) return 1;
  if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF3E) ||
      cp == 0xFF40 || (cp >= 0xFF5B && cp <= 0xFF65))
    return 1;
  if (cp >= 0xE000 && cp <= 0xF8FF) return 1;
  if (cp == 0xFEFF || cp == 0xFFFD) return 1;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return 1;
  return 0;
}

/* Returns 0 if tok[0..n) is acceptable, else records the error. */
static int check_identifier(Parser *p, const char *tok, size_t n, int line) {
  Lexer *L = &p->lx;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)tok[i];
    if (c < 0x80) { i++; continue; }
    int need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    unsigned cp = c & (0x3F >> need);
    for (int k = 1; k <= need && i + (size_t)k < n; k++) cp = (cp << 6) | ((unsigned char)tok[i + (size_t)k] & 0x3F);
    if (cp_not_identifier(cp)) {
      char msg[96];
      if (cp_unprintable(cp))
        snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", cp);
      else
        snprintf(msg, sizeof msg, "invalid character '%.*s' (U+%04X)", need + 1, tok + i, cp);
      int col = col_of(L, tok + i);
      lex_error(p, PERR_SYNTAX, line, col, line, col + 1, msg);
      return -1;
    }
    i += (size_t)need + 1;
  }
  return 0;
}

/* ---- soft keywords ------------------------------------------------------ */
/* "match" and "case" are keywords only when they open a statement that
 * ends in ':' at bracket depth 0 ("match x:", "case [a, b] if c:"), and not
 * when followed by something that makes them a plain name ("match = 1",
 * "match.x", "match: int").  "case" is one only in the block a match
 * header opens, and there before any ':' at depth 0, as its body may follow
 * on the same line ("case [a, b]: return a").  q is just past the word. */
static int soft_keyword_here(const Lexer *L, const char *q, int inline_body) {
  while (*q == ' ' || *q == '\t' || *q == '\f') q++;
  if ((strchr("=.:,;)]}#\n\r", *q) && strncmp(q, "...", 3) != 0) || q >= L->end) return 0;
  if ((*q == '+' || *q == '-' || *q == '*' || *q == '/' || *q == '%' || *q == '&' || *q == '|' || *q == '^' ||
       *q == '<' || *q == '>' || *q == '@') && q[1] == '=')
    return 0;
  int depth = 0;
  char last = 0;
  while (q < L->end) {
    char c = *q;
    if (c == '\\' && (q[1] == '\n' || q[1] == '\r')) { q += 2; continue; }
    if (c == '#') {
      while (q < L->end && *q != '\n' && *q != '\r') q++;
      continue;
    }
    if ((c == '\n' || c == '\r') && depth == 0) break;
    if (c == '\'' || c == '"') {
      int triple = q + 2 < L->end && q[1] == c && q[2] == c;
      q += triple ? 3 : 1;
      while (q < L->end) {
        if (*q == '\\') { q += 2; continue; }
        if (*q == c && (!triple || (q + 2 < L->end && q[1] == c && q[2] == c))) break;
        if (!triple && (*q == '\n' || *q == '\r')) return 0;
        q++;
      }
      q += triple ? 3 : 1;
      last = 'S';
      continue;
    }
    if (c == '(' || c == '[' || c == '{') depth++;
    else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
    else if (c == ':' && depth == 0 && inline_body) return 1;
    if (c != ' ' && c != '\t' && c != '\f' && c != '\n' && c != '\r' && depth == 0) last = c;
    else if (depth > 0) last = 0;
    q++;
  }
  return last == ':';
}

/* ---- strings ------------------------------------------------------------ */
/* Scans a string body starting at L->cur (just after the opening quote).
 * On success L->cur is past the closing quote. */
static int scan_string(Parser *p, YYSTYPE *val, YYLTYPE *loc, const char *tok_start, int tok_line,
                       const char *prefix_end, char q, int triple) {
  Lexer *L = &p->lx;
  struct StrTok *t = ast_alloc(p->arena, sizeof *t);
  for (const char *c = tok_start; c < prefix_end; c++) {
    switch (*c | 0x20) {
      case 'r': t->raw = 1; break;
      case 'b': t->bytes = 1; break;
      case 'f': t->fstr = 1; break;
      case 'u': t->u_prefix = 1; break;
    }
  }
  t->quote_len = triple ? 3 : 1;
  int tok_col = col_of(L, tok_start);
  const char *s = L->cur;
  t->body = s;
  t->line = pos_line(L, L->line);
  t->col = pos_col(L, L->line, col_of(L, s));
  for (;;) {
    if (s >= L->end) {
      char msg[96];
      /* A final newline does not start a line of its own. */
      int at = L->line - (s > L->buf && (s[-1] == '\n' || s[-1] == '\r') ? 1 : 0);
      if (triple)
        snprintf(msg, sizeof msg, "unterminated triple-quoted string literal (detected at line %d)", pos_line(L, at));
      else
        snprintf(msg, sizeof msg, "unterminated string literal (detected at line %d)", pos_line(L, at));
      return lex_error(p, PERR_SYNTAX, tok_line, tok_col, tok_line, tok_col, msg);
    }
    char c = *s;
    if (c == 0) {
      return lex_error(p, PERR_SYNTAX, L->line, col_of(L, s), -1, -1, "source code cannot contain null bytes");
    }
    if (c == '\\') {
      if (s + 1 >= L->end) { s++; continue; }
      if (s[1] == '\r' && s[2] == '\n') s++;
      if (s[1] == '\n' || s[1] == '\r') {
        s += 2;
        L->line++;
        L->line_start = s;
        continue;
      }
      s += 2;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (!triple) {
        char msg[96];
        snprintf(msg, sizeof msg, "unterminated string literal (detected at line %d)", pos_line(L, L->line));
        return lex_error(p, PERR_SYNTAX, tok_line, tok_col, tok_line, tok_col, msg);
      }
      if (c == '\r' && s[1] == '\n') s++;
      s++;
      L->line++;
      L->line_start = s;
      continue;
    }
    if (c == q && (!triple || (s + 2 < L->end && s[1] == q && s[2] == q))) break;
    s++;
  }
  t->len = (size_t)(s - t->body);
  L->cur = s + t->quote_len;
  t->first_line = pos_line(L, tok_line);
  t->first_column = pos_col(L, tok_line, tok_col);
  t->last_line = pos_line(L, L->line);
  t->last_column = pos_col(L, L->line, col_of(L, L->cur));
  set_loc(L, loc, tok_line, tok_col, L->line, col_of(L, L->cur));
  val->str = t;
  return STRING;
}

/* ---- escapes ------------------------------------------------------------ */
static size_t put_utf8(char *o, unsigned cp) {
  if (cp < 0x80) { o[0] = (char)cp; return 1; }
  if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* A few \N{...} names; the full Unicode name table is not carried. */
static const struct { const char *name; unsigned cp; } uninames[] = {
  {"BULLET", 0x2022}, {"EM DASH", 0x2014}, {"EN DASH", 0x2013}, {"NO-BREAK SPACE", 0xA0},
  {"DEGREE SIGN", 0xB0}, {"GREEK SMALL LETTER ALPHA", 0x3B1}, {"GREEK SMALL LETTER BETA", 0x3B2},
  {"GREEK SMALL LETTER PI", 0x3C0}, {"GREEK CAPITAL LETTER DELTA", 0x394}, {"GREEK SMALL LETTER MU", 0x3BC},
  {"HORIZONTAL ELLIPSIS", 0x2026}, {"RIGHTWARDS ARROW", 0x2192}, {"LEFTWARDS ARROW", 0x2190},
  {"CHECK MARK", 0x2713}, {"HEAVY CHECK MARK", 0x2714}, {"MULTIPLICATION SIGN", 0xD7},
  {"COPYRIGHT SIGN", 0xA9}, {"EURO SIGN", 0x20AC}, {"POUND SIGN", 0xA3}, {"SPACE", 0x20},
  {"LATIN SMALL LETTER E WITH ACUTE", 0xE9}, {"SNOWMAN", 0x2603}, {"BLACK STAR", 0x2605},
  {"WHITE STAR", 0x2606}, {"INFINITY", 0x221E}, {"PLUS-MINUS SIGN", 0xB1}, {"MICRO SIGN", 0xB5},
  {"LINE FEED", 0x0A}, {"CARRIAGE RETURN", 0x0D}, {"CHARACTER TABULATION", 0x09}, {"NULL", 0},
  {"ZERO WIDTH SPACE", 0x200B}, {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500}, {"FULL BLOCK", 0x2588},
  {"LIGHT SHADE", 0x2591}, {"BLACK SQUARE", 0x25A0}, {"WHITE SQUARE", 0x25A1},
  {"SMILING FACE WITH SMILING EYES", 0x1F60A}, {"GRINNING FACE", 0x1F600}, {"SNAKE", 0x1F40D},
  {"HOURGLASS", 0x231B}, {"WARNING SIGN", 0x26A0}, {"CROSS MARK", 0x274C}, {"ROCKET", 0x1F680},
};

static int unicode_error(Parser *p, const struct StrTok *t, const char *fmt, size_t a, size_t b, const char *what) {
  char msg[200];
  snprintf(msg, sizeof msg, fmt, a, b, what);
  parser_error(p, PERR_SYNTAX, t->last_line, t->last_column, t->last_line, t->last_column, "%s", msg);
  return -1;
}

int lexer_decode_str(Parser *p, const struct StrTok *t, const char *s, size_t len, char **out, size_t *outlen) {
  char *o = ast_alloc(p->arena, len * 2 + 8);
  size_t k = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (t->bytes && c >= 0x80) {
      parser_error(p, PERR_SYNTAX, t->first_line, t->first_column, t->last_line, t->last_column,
                   "bytes can only contain ASCII literal characters");
      return -1;
    }
    if (c == '\r') {  /* newlines in literals are normalised to \n */
      o[k++] = '\n';
      if (i + 1 < len && s[i + 1] == '\n') i++;
      continue;
    }
    if (c != '\\' || t->raw) {
      o[k++] = (char)c;
      if (t->raw && c == '\\' && i + 1 < len) o[k++] = s[++i];
      continue;
    }
    size_t start = i;
    if (++i >= len) { o[k++] = '\\'; break; }
    char e = s[i];
    switch (e) {
      case '\n': break;
      case '\r': if (i + 1 < len && s[i + 1] == '\n') i++; break;
      case '\\': o[k++] = '\\'; break;
      case '\'': o[k++] = '\''; break;
      case '"': o[k++] = '"'; break;
      case 'a': o[k++] = '\a'; break;
      case 'b': o[k++] = '\b'; break;
      case 'f': o[k++] = '\f'; break;
      case 'n': o[k++] = '\n'; break;
      case 'r': o[k++] = '\r'; break;
      case 't': o[k++] = '\t'; break;
      case 'v': o[k++] = '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned v = (unsigned)(e - '0');
        for (int n = 1; n < 3 && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7'; n++) v = v * 8 + (unsigned)(s[++i] - '0');
        if (t->bytes) o[k++] = (char)(v & 0xFF);
        else k += put_utf8(o + k, v);
        break;
      }
      case 'x': case 'u': case 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (t->bytes && e != 'x') { o[k++] = '\\'; o[k++] = e; break; }
        unsigned v = 0;
        int got = 0;
        while (got < n && i + 1 < len && hexval(s[i + 1]) >= 0) { v = v * 16 + (unsigned)hexval(s[++i]); got++; }
        if (got < n) {
          const char *what = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
          if (t->bytes) {
            parser_error(p, PERR_SYNTAX, t->first_line, t->first_column, t->last_line, t->last_column,
                         "(value error) invalid \\x escape at position %zu", start);
            return -1;
          }
          return unicode_error(p, t, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                               start, i, what);
        }
        if (!t->bytes && v > 0x10FFFF)
          return unicode_error(p, t, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                               start, i, "illegal Unicode character");
        if (t->bytes) o[k++] = (char)v;
        else k += put_utf8(o + k, v);
        break;
      }
      case 'N': {
        if (t->bytes) { o[k++] = '\\'; o[k++] = 'N'; break; }
        size_t j = i + 1;
        if (j < len && s[j] == '{') {
          size_t close = j + 1;
          while (close < len && s[close] != '}') close++;
          if (close < len) {
            size_t nlen = close - j - 1;
            for (size_t u = 0; u < sizeof uninames / sizeof uninames[0]; u++) {
              if (strlen(uninames[u].name) == nlen && strncasecmp(uninames[u].name, s + j + 1, nlen) == 0) {
                k += put_utf8(o + k, uninames[u].cp);
                i = close;
                goto next;
              }
            }
            return unicode_error(p, t, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                                 start, close, "unknown Unicode character name");
          }
        }
        return unicode_error(p, t, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                             start, i, "malformed \\N character escape");
      }
      default:
        /* Unknown escapes are kept (CPython warns about them). */
        o[k++] = '\\';
        i--;
        break;
    }
  next:;
  }
  o[k] = 0;
  *out = o;
  *outlen = k;
  return 0;
}

/* ---- indentation -------------------------------------------------------- */
/* At the start of a logical line outside brackets: measure indentation and
 * queue INDENT/DEDENT tokens.  Returns 0, or -1 on error.  Blank and
 * comment-only lines are left alone. */
static int do_indent(Parser *p) {
  Lexer *L = &p->lx;
  const char *s = L->cur;
  int col = 0, alt = 0;
  for (;; s++) {
    if (*s == ' ') { col++; alt++; }
    else if (*s == '\t') { col = (col / 8 + 1) * 8; alt++; }
    else if (*s == '\f') { col = alt = 0; }
    else break;
  }
  L->cur = s;
  if (*s == '#' || *s == '\n' || *s == '\r' || (*s == '\\' && (s[1] == '\n' || s[1] == '\r')) || s >= L->end)
    return 0;  /* blank line: no indentation change */
  L->at_line_start = 0;
  int header = L->match_header;
  L->match_header = 0;
  int bytes = (int)(s - L->line_start);
  L->pending_line = L->line;
  L->pending_col = bytes;
  int top = L->indents[L->nindent];
  if (col == top) {
    if (alt != L->alt_indents[L->nindent])
      return lex_error(p, PERR_TAB, L->line, 0, L->line, -1, "inconsistent use of tabs and spaces in indentation"), -1;
  } else if (col > top) {
    if (L->nindent >= LEX_MAX_INDENT)
      return lex_error(p, PERR_INDENTATION, L->line, bytes, L->line, -1, "too many levels of indentation"), -1;
    if (alt <= L->alt_indents[L->nindent])
      return lex_error(p, PERR_TAB, L->line, 0, L->line, -1, "inconsistent use of tabs and spaces in indentation"), -1;
    L->nindent++;
    L->indents[L->nindent] = col;
    L->alt_indents[L->nindent] = alt;
    L->case_block[L->nindent] = (unsigned char)header;
    L->pending = 1;
  } else {
    int n = 0;
    while (L->nindent > 0 && col < L->indents[L->nindent]) { L->nindent--; n++; }
    if (col != L->indents[L->nindent]) {
      /* CPython points just past the end of the offending line. */
      const char *e = s;
      while (e < L->end && *e != '\n' && *e != '\r') e++;
      return lex_error(p, PERR_INDENTATION, L->line, col_of(L, e), L->line, -1,
                       "unindent does not match any outer indentation level"), -1;
    }
    if (alt != L->alt_indents[L->nindent])
      return lex_error(p, PERR_TAB, L->line, 0, L->line, -1, "inconsistent use of tabs and spaces in indentation"), -1;
    L->pending = -n;
  }
  return 0;
}

static const char *closer_for(char open) { return open == '(' ? ")" : open == '[' ? "]" : "}"; }

static int open_paren(Parser *p, char c, int line, int col) {
  Lexer *L = &p->lx;
  if (L->depth >= LEX_MAX_PAREN)
    return lex_error(p, PERR_SYNTAX, line, col, line, col + 1, "too many nested parentheses"), -1;
  L->paren_ch[L->depth] = c;
  L->paren_line[L->depth] = line;
  L->paren_col[L->depth] = col;
  L->depth++;
  return 0;
}

static int close_paren(Parser *p, char c, int line, int col) {
  Lexer *L = &p->lx;
  char msg[120];
  if (L->depth == 0) {
    snprintf(msg, sizeof msg, "unmatched '%c'", c);
    return lex_error(p, PERR_SYNTAX, line, col, line, col, msg), -1;
  }
  char open = L->paren_ch[L->depth - 1];
  if (closer_for(open)[0] != c) {
    if (L->paren_line[L->depth - 1] != line)
      snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, open,
               pos_line(L, L->paren_line[L->depth - 1]));
    else
      snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
    return lex_error(p, PERR_SYNTAX, line, col, line, col, msg), -1;
  }
  L->depth--;
  return 0;
}

/* Remember the first tokens of each logical line so that a missing indented
 * block can name the statement that wanted it. */
static int note_token(Lexer *L, int tok, int line) {
  if (!L->line_has_tokens) {
    L->cur_first_tok = tok;
    L->cur_first_line = line;
    L->cur_second_tok = 0;
  } else if (!L->cur_second_tok) {
    L->cur_second_tok = tok;
  }
  L->line_has_tokens = 1;
  return tok;
}

/* ---- the scanner -------------------------------------------------------- */
static int scan(Parser *p, YYSTYPE *val, YYLTYPE *loc) {
  Lexer *L = &p->lx;
  const char *mar = NULL;
  (void)mar;
  for (;;) {
    if (L->pending > 0) {
      L->pending--;
      set_loc(L, loc, L->pending_line, 0, L->pending_line, L->pending_col);
      return INDENT;
    }
    if (L->pending < 0) {
      L->pending++;
      set_loc(L, loc, L->pending_line, L->pending_col, L->pending_line, L->pending_col);
      return DEDENT;
    }
    if (L->at_line_start && L->depth == 0 && !L->no_indent) {
      if (do_indent(p) < 0) return YYUNDEF;
      if (L->pending) continue;
    }
    const char *tok = L->cur;
    int line = L->line;
    int col = col_of(L, tok);
    const char *cur = L->cur;
#define TOKEN(t)                                            \
  do {                                                      \
    L->cur = cur;                                           \
    set_loc(L, loc, line, col, line, col_of(L, cur));       \
    return (t);                                             \
  } while (0)
    /*!re2c
      re2c:define:YYCTYPE = "unsigned char";
      re2c:define:YYCURSOR = cur;
      re2c:define:YYMARKER = mar;
      re2c:yyfill:enable = 0;
      re2c:indent:top = 2;

      digit = [0-9];
      digitpart = digit ("_"? digit)*;
      hexdigit = [0-9a-fA-F];
      fraction = "." digitpart;
      exponent = [eE] [+-]? digitpart;
      pointfloat = digitpart? fraction | digitpart ".";
      expfloat = (digitpart | pointfloat) exponent;
      floatnum = pointfloat | expfloat;
      idstart = [a-zA-Z_] | [\u0080-\U0010FFFF];
      idchar = [a-zA-Z0-9_] | [\u0080-\U0010FFFF];
      strprefix = [rRuUbBfF] | [bB][rR] | [rR][bB] | [fF][rR] | [rR][fF];

      "\x00" {
        if (tok >= L->end) { L->cur = tok; return YYEOF; }
        return lex_error(p, PERR_SYNTAX, line, col, -1, -1, "source code cannot contain null bytes");
      }
      [ \t\f]+ { L->cur = cur; continue; }
      "#" [^\x00\n\r]* { L->cur = cur; continue; }
      "\\" ("\r\n" | "\n" | "\r") {
        L->cur = cur; L->line++; L->line_start = cur;
        if (cur >= L->end)
          return lex_error(p, PERR_SYNTAX, line, col, -1, -1, "unexpected EOF while parsing");
        continue;
      }
      "\\" {
        return lex_error(p, PERR_SYNTAX, line, col + 1, line, col + 1,
                         "unexpected character after line continuation character");
      }
      "\r\n" | "\n" | "\r" {
        L->cur = cur;
        int had = L->line_has_tokens;
        L->line++;
        L->line_start = cur;
        if (L->depth > 0 || !had || L->join_lines) { continue; }
        L->at_line_start = !L->no_indent;
        L->line_has_tokens = 0;
        L->hdr_tok = L->cur_first_tok == KW_ASYNC ? L->cur_second_tok : L->cur_first_tok;
        L->hdr_second = L->cur_second_tok;
        L->hdr_line = L->cur_first_line;
        set_loc(L, loc, line, col, line, col);  /* zero width, as CPython reports it */
        return NEWLINE;
      }

      "0" [xX] ("_"? hexdigit)+ { if (!number_suffix_ok(cur)) goto bad_hex;
        val->expr = make_int(p, tok + 2, (size_t)(cur - tok - 2), 16); TOKEN(note_token(L, NUMBER, line)); }
      "0" [oO] ("_"? [0-7])+ { if (!number_suffix_ok(cur)) goto bad_oct;
        val->expr = make_int(p, tok + 2, (size_t)(cur - tok - 2), 8); TOKEN(note_token(L, NUMBER, line)); }
      "0" [bB] ("_"? [01])+ { if (!number_suffix_ok(cur)) goto bad_bin;
        val->expr = make_int(p, tok + 2, (size_t)(cur - tok - 2), 2); TOKEN(note_token(L, NUMBER, line)); }
      "0" [xX] { goto bad_hex; }
      "0" [oO] { goto bad_oct; }
      "0" [bB] { goto bad_bin; }
      "0"+ ("_"? "0")* { if (!number_suffix_ok(cur)) goto bad_dec;
        val->expr = make_int(p, tok, (size_t)(cur - tok), 10); TOKEN(note_token(L, NUMBER, line)); }
      "0"+ ("_"? "0")* ("_"? [1-9]) ("_"? digit)* {
        if (*cur == '.' || *cur == 'e' || *cur == 'E' || *cur == 'j' || *cur == 'J') goto bad_dec;
        return lex_error(p, PERR_SYNTAX, line, col, line, col + 1,
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
      }
      [1-9] ("_"? digit)* { if (!number_suffix_ok(cur)) goto bad_dec;
        val->expr = make_int(p, tok, (size_t)(cur - tok), 10); TOKEN(note_token(L, NUMBER, line)); }
      floatnum { if (!number_suffix_ok(cur)) goto bad_dec;
        val->expr = make_float(p, tok, (size_t)(cur - tok), 0); TOKEN(note_token(L, NUMBER, line)); }
      (floatnum | digitpart) [jJ] { if (!number_suffix_ok(cur)) goto bad_dec;
        val->expr = make_float(p, tok, (size_t)(cur - tok - 1), 1); TOKEN(note_token(L, NUMBER, line)); }

      strprefix? "'''" { L->cur = cur; note_token(L, STRING, line); return scan_string(p, val, loc, tok, line, cur - 3, '\'', 1); }
      strprefix? "\"\"\"" { L->cur = cur; note_token(L, STRING, line); return scan_string(p, val, loc, tok, line, cur - 3, '"', 1); }
      strprefix? "'" { L->cur = cur; note_token(L, STRING, line); return scan_string(p, val, loc, tok, line, cur - 1, '\'', 0); }
      strprefix? "\"" { L->cur = cur; note_token(L, STRING, line); return scan_string(p, val, loc, tok, line, cur - 1, '"', 0); }

      idstart idchar* {
        int kw = keyword_lookup(tok, (size_t)(cur - tok));
        if (kw) TOKEN(note_token(L, kw, line));
        if (check_identifier(p, tok, (size_t)(cur - tok), line) < 0) return YYUNDEF;
        if (!L->line_has_tokens && L->depth == 0 && cur - tok == 5 && memcmp(tok, "match", 5) == 0 &&
            soft_keyword_here(L, cur, 0)) {
          L->match_header = 1;
          TOKEN(note_token(L, KW_MATCH, line));
        }
        if (!L->line_has_tokens && L->depth == 0 && cur - tok == 4 && memcmp(tok, "case", 4) == 0 &&
            L->case_block[L->nindent] && soft_keyword_here(L, cur, 1))
          TOKEN(note_token(L, KW_CASE, line));
        val->id = ast_strndup(p->arena, tok, (size_t)(cur - tok));
        TOKEN(note_token(L, NAME, line));
      }

      "(" | "[" | "{" {
        if (open_paren(p, (char)*tok, line, col) < 0) return YYUNDEF;
        TOKEN(note_token(L, *tok, line));
      }
      ")" | "]" | "}" {
        if (close_paren(p, (char)*tok, line, col) < 0) return YYUNDEF;
        TOKEN(note_token(L, *tok, line));
      }
      "..." { TOKEN(note_token(L, ELLIPSIS, line)); }
      "->" { TOKEN(note_token(L, ARROW, line)); }
      ":=" { TOKEN(note_token(L, WALRUS, line)); }
      "==" { TOKEN(note_token(L, EQEQ, line)); }
      "!=" { TOKEN(note_token(L, NOTEQ, line)); }
      "<=" { TOKEN(note_token(L, LESSEQ, line)); }
      ">=" { TOKEN(note_token(L, GREATEREQ, line)); }
      "<<" { TOKEN(note_token(L, LSHIFT, line)); }
      ">>" { TOKEN(note_token(L, RSHIFT, line)); }
      "**" { TOKEN(note_token(L, POW, line)); }
      "//" { TOKEN(note_token(L, FLOORDIV, line)); }
      "+="  { val->op = Add_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      "-="  { val->op = Sub_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      "*="  { val->op = Mult_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      "@="  { val->op = MatMult_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      "/="  { val->op = Div_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      "//=" { val->op = FloorDiv_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      "%="  { val->op = Mod_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      "**=" { val->op = Pow_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      "<<=" { val->op = LShift_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      ">>=" { val->op = RShift_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      "&="  { val->op = BitAnd_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      "|="  { val->op = BitOr_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      "^="  { val->op = BitXor_op; TOKEN(note_token(L, AUGASSIGN, line)); }
      [-+*/%@&|^~<>=.,:;] { TOKEN(note_token(L, *tok, line)); }

      * {
        char msg[96];
        unsigned char c0 = (unsigned char)*tok;
        if (c0 == '!' ) snprintf(msg, sizeof msg, "invalid syntax");
        else if (c0 == '$' || c0 == '?' || c0 == '`') snprintf(msg, sizeof msg, "invalid syntax");
        else if (c0 < 0x20 || c0 == 0x7f) snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", c0);
        else snprintf(msg, sizeof msg, "invalid character '%c' (U+%04X)", c0, c0);
        return lex_error(p, PERR_SYNTAX, line, col, line, col + 1, msg);
      }
    */
  bad_hex:
    return bad_number(p, tok, line, col, "hexadecimal", "0123456789abcdefABCDEF_");
  bad_oct:
    return bad_number(p, tok, line, col, "octal", "01234567_");
  bad_bin:
    return bad_number(p, tok, line, col, "binary", "01_");
  bad_dec: {
    /* "1_" and "1__0" are reported at the underscore, "1abc" at the start. */
    const char *q = tok;
    while ((*q >= '0' && *q <= '9') || *q == '.') q++;
    if (*q == '_') return lex_error(p, PERR_SYNTAX, line, col_of(L, q), line, col_of(L, q), "invalid decimal literal");
    /* Otherwise CPython reports at the last character of the valid number
     * before the stray letter (an exponent sign without digits: at the
     * sign), naming an imaginary literal when the number ended in j. */
    q = tok;
    while ((*q >= '0' && *q <= '9') || *q == '_') q++;
    if (*q == '.') {
      q++;
      while ((*q >= '0' && *q <= '9') || *q == '_') q++;
    }
    if (*q == 'e' || *q == 'E') {
      const char *e = q + 1;
      if (*e == '+' || *e == '-') {
        e++;
        if (!(*e >= '0' && *e <= '9'))
          return lex_error(p, PERR_SYNTAX, line, col_of(L, e - 1), line, col_of(L, e - 1), "invalid decimal literal");
      }
      if (*e >= '0' && *e <= '9') {
        while ((*e >= '0' && *e <= '9') || *e == '_') e++;
        q = e;
      }
    }
    const char *kind = "decimal";
    if (*q == 'j' || *q == 'J') {
      q++;
      kind = "imaginary";
    }
    if (q > tok) {
      int c = col_of(L, q - 1);
      return lex_error(p, PERR_SYNTAX, line, c, line, c,
                       kind[0] == 'i' ? "invalid imaginary literal" : "invalid decimal literal");
    }
    return lex_error(p, PERR_SYNTAX, line, col, line, col, "invalid decimal literal");
  }
#undef TOKEN
  }
}

int lexer_next(Parser *p, YYSTYPE *val, YYLTYPE *loc) {
  Lexer *L = &p->lx;
  if (p->err->kind != PERR_NONE) return YYUNDEF;
  if (L->start_token) {
    int t = L->start_token;
    L->start_token = 0;
    set_loc(L, loc, 1, 0, 1, 0);
    return t;
  }
  if (L->done) {
    set_loc(L, loc, L->line, col_of(L, L->cur), L->line, col_of(L, L->cur));
    return YYEOF;
  }
  int t = scan(p, val, loc);
  if (t != YYEOF) return t;
  /* End of input: close brackets, finish the logical line, dedent all. */
  int line = L->line, col = col_of(L, L->cur);
  if (L->depth > 0) {
    char msg[64];
    snprintf(msg, sizeof msg, "'%c' was never closed", L->paren_ch[L->depth - 1]);
    lex_error(p, PERR_SYNTAX, L->paren_line[L->depth - 1], L->paren_col[L->depth - 1],
              L->paren_line[L->depth - 1], -1, msg);
    return YYUNDEF;
  }
  if (L->line_has_tokens && !L->join_lines) {
    L->line_has_tokens = 0;
    L->hdr_tok = L->cur_first_tok == KW_ASYNC ? L->cur_second_tok : L->cur_first_tok;
    L->hdr_second = L->cur_second_tok;
    L->hdr_line = L->cur_first_line;
    set_loc(L, loc, line, col, line, col);
    return NEWLINE;
  }
  if (L->nindent > 0) {
    L->nindent--;
    set_loc(L, loc, line, col, line, col);
    return DEDENT;
  }
  L->done = 1;
  set_loc(L, loc, line, col, line, col);
  return YYEOF;
}
