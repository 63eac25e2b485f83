/* strlit.c — string literals: concatenation of adjacent literals and the
 * splitting of f-strings into JoinedStr / FormattedValue nodes.
 *
 * The lexer only finds where each literal ends (struct StrTok); escapes
 * are decoded here through lexer_decode_str(), and each replacement field's
 * expression is parsed by a nested parser (parser_parse_fstring_expr) on
 * the field's text, with positions mapped back into the source.  As in
 * CPython 3.11, literal parts and fields carry the location of the whole
 * concatenation, format specs that of their own literal.
 */
#include <stdio.h>
#include <string.h>
#include "parser.h"
#include "grammar/lexer.h"

static int err_at(Parser *p, const YYLTYPE *loc, const char *msg) {
  return parser_error(p, PERR_SYNTAX, loc->first_line, loc->first_column, loc->last_line, loc->last_column, "%s", msg);
}

typedef struct { char *data; size_t len, cap; } Buf;

static void buf_add(Parser *p, Buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + n + 1) cap *= 2;
    char *d = ast_alloc(p->arena, cap);
    if (b->len) memcpy(d, b->data, b->len);
    b->data = d;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}

static Expr *str_const(Parser *p, const char *s, size_t n, const YYLTYPE *loc) {
  Expr *e = parser_new_expr(p, Constant_kind, loc);
  e->v.Constant.kind = CONST_STR;
  char *d = ast_strndup(p->arena, s ? s : "", s ? n : 0);
  e->v.Constant.v.str.data = d;
  e->v.Constant.v.str.len = s ? n : 0;
  return e;
}

/* Appends the pending literal text as a Constant. */
static void flush_lit(Parser *p, PList *values, Buf *lit, const YYLTYPE *loc) {
  if (lit->len == 0) return;
  push(p, values, str_const(p, lit->data, lit->len, loc));
  lit->len = 0;
}

/* Line and column of body[off] (f-string fields report real positions). */
static void body_pos(const struct StrTok *t, size_t off, int *line, int *col) {
  int l = t->line, c = t->col;
  for (size_t i = 0; i < off; i++) {
    if (t->body[i] == '\n') { l++; c = 0; }
    else c++;
  }
  *line = l;
  *col = c;
}

/* CPython 3.11 reports f-string scanning errors just past the literal. */
static int fstr_err(Parser *p, const struct StrTok *t, const char *msg) {
  parser_error(p, PERR_SYNTAX, t->last_line, t->last_column, t->last_line, t->last_column, "%s", msg);
  return -1;
}

/* Parses an f-string body (or a format spec when depth > 0) from *ip,
 * appending Constant/FormattedValue nodes to values.  Inside a format spec
 * it stops at the closing '}' (left unconsumed). */
static int fstring_parse(Parser *p, const struct StrTok *t, size_t *ip, int depth, PList *values, Buf *lit,
                         const YYLTYPE *loc) {
  const char *s = t->body;
  size_t len = t->len, i = *ip;
  while (i < len) {
    char c = s[i];
    if (c == '{') {
      if (i + 1 < len && s[i + 1] == '{' && depth == 0) {
        buf_add(p, lit, "{", 1);
        i += 2;
        continue;
      }
      if (depth >= 2) return fstr_err(p, t, "f-string: expressions nested too deeply");
      /* Find the end of the expression. */
      size_t start = ++i;
      int nest = 0;
      char stack[LEX_MAX_PAREN];
      char quote = 0;
      int qlen = 0;
      size_t expr_end = 0;
      int selfdoc = 0;
      for (; i < len; i++) {
        char d = s[i];
        if (quote) {
          if (d == quote && (qlen == 1 || (i + 2 < len && s[i + 1] == quote && s[i + 2] == quote))) {
            i += (size_t)qlen - 1;
            quote = 0;
          }
          continue;
        }
        if (d == '\\') return fstr_err(p, t, "f-string expression part cannot include a backslash");
        if (d == '\'' || d == '"') {
          quote = d;
          qlen = (i + 2 < len && s[i + 1] == d && s[i + 2] == d) ? 3 : 1;
          i += (size_t)qlen - 1;
          continue;
        }
        if (d == '#') return fstr_err(p, t, "f-string expression part cannot include '#'");
        if (d == '(' || d == '[' || d == '{') {
          if (nest >= LEX_MAX_PAREN) return fstr_err(p, t, "f-string: too many nested parenthesis");
          stack[nest++] = d;
          continue;
        }
        if ((d == ')' || d == ']' || d == '}') && nest > 0) {
          char open = stack[--nest];
          if ((open == '(' && d != ')') || (open == '[' && d != ']') || (open == '{' && d != '}')) {
            char msg[96];
            snprintf(msg, sizeof msg, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", d, open);
            return fstr_err(p, t, msg);
          }
          continue;
        }
        if (d == ')' || d == ']') {
          char msg[48];
          snprintf(msg, sizeof msg, "f-string: unmatched '%c'", d);
          return fstr_err(p, t, msg);
        }
        if (nest > 0) continue;
        if (d == '}' || d == ':') break;
        if (d == '!' && !(i + 1 < len && s[i + 1] == '=')) break;
        if (d == '=' && i + 1 < len && s[i + 1] == '=') { i++; continue; }
        if ((d == '!' || d == '<' || d == '>' || d == '=') && i + 1 < len && s[i + 1] == '=') { i++; continue; }
        if (d == '=') {
          expr_end = i;
          selfdoc = 1;
          i++;
          while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r')) i++;
          break;
        }
      }
      if (quote) return fstr_err(p, t, "f-string: unterminated string");
      if (i >= len) return fstr_err(p, t, "f-string: expecting '}'");
      if (!selfdoc) expr_end = i;
      int blank = 1;
      for (size_t k = start; k < expr_end; k++)
        if (s[k] != ' ' && s[k] != '\t' && s[k] != '\n' && s[k] != '\r' && s[k] != '\f') blank = 0;
      if (blank) return fstr_err(p, t, "f-string: empty expression not allowed");
      int line, col;
      body_pos(t, start, &line, &col);
      Expr *value = parser_parse_fstring_expr(p, s + start, expr_end - start, line, col);
      if (!value) return -1;
      if (selfdoc) buf_add(p, lit, s + start, i - start);
      int conversion = -1;
      Expr *spec = NULL;
      if (i < len && s[i] == '!') {
        if (i + 1 >= len) return fstr_err(p, t, "f-string: expecting '}'");
        char cv = s[i + 1];
        if (cv != 's' && cv != 'r' && cv != 'a')
          return fstr_err(p, t, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        conversion = cv;
        i += 2;
      }
      if (i < len && s[i] == ':') {
        i++;
        PList *sv = plist(p);
        Buf slit = {0};
        /* A format spec is located at its own literal, not the whole
         * concatenation. */
        YYLTYPE tl = {t->first_line, t->first_column, t->last_line, t->last_column};
        if (fstring_parse(p, t, &i, depth + 1, sv, &slit, &tl) < 0) return -1;
        flush_lit(p, sv, &slit, &tl);
        spec = parser_new_expr(p, JoinedStr_kind, &tl);
        spec->v.JoinedStr.values = SEQ(ExprSeq, sv);
      }
      if (i >= len || s[i] != '}') return fstr_err(p, t, "f-string: expecting '}'");
      i++;
      if (selfdoc && conversion == -1 && !spec) conversion = 'r';
      flush_lit(p, values, lit, loc);
      Expr *fv = parser_new_expr(p, FormattedValue_kind, loc);
      fv->v.FormattedValue.value = value;
      fv->v.FormattedValue.conversion = conversion;
      fv->v.FormattedValue.format_spec = spec;
      push(p, values, fv);
      continue;
    }
    if (c == '}') {
      if (depth > 0) break;
      if (i + 1 < len && s[i + 1] == '}') {
        buf_add(p, lit, "}", 1);
        i += 2;
        continue;
      }
      return fstr_err(p, t, "f-string: single '}' is not allowed");
    }
    /* A run of literal text up to the next brace. */
    size_t run = i;
    while (i < len && s[i] != '{' && s[i] != '}') {
      if (s[i] == '\\' && !t->raw && i + 1 < len) {
        if (s[i + 1] == 'N' && i + 2 < len && s[i + 2] == '{') {
          while (i < len && s[i] != '}') i++;
          if (i < len) i++;
          continue;
        }
        i += 2;
        continue;
      }
      i++;
    }
    if (t->raw) {
      buf_add(p, lit, s + run, i - run);
    } else {
      char *out;
      size_t outlen;
      if (lexer_decode_str(p, t, s + run, i - run, &out, &outlen) < 0) return -1;
      buf_add(p, lit, out, outlen);
    }
  }
  *ip = i;
  return 0;
}

/* Concatenates adjacent literals: one Constant, or a JoinedStr if any
 * part is an f-string. */
Expr *strlit_concat(Parser *p, PList *toks, const YYLTYPE *loc) {
  struct StrTok *first = toks->items[0];
  int any_f = 0;
  for (int i = 0; i < toks->n; i++) {
    struct StrTok *t = toks->items[i];
    if (t->bytes != first->bytes) {
      YYLTYPE l = {loc->last_line, loc->last_column, loc->last_line, loc->last_column};
      err_at(p, &l, "cannot mix bytes and nonbytes literals");
      return NULL;
    }
    any_f |= t->fstr;
  }
  Buf lit = {0};
  if (!any_f) {
    for (int i = 0; i < toks->n; i++) {
      struct StrTok *t = toks->items[i];
      char *out;
      size_t outlen;
      if (lexer_decode_str(p, t, t->body, t->len, &out, &outlen) < 0) return NULL;
      buf_add(p, &lit, out, outlen);
    }
    Expr *e = str_const(p, lit.data, lit.len, loc);
    if (first->bytes) e->v.Constant.kind = CONST_BYTES;
    e->v.Constant.u_prefix = first->u_prefix;
    return e;
  }
  PList *values = plist(p);
  for (int i = 0; i < toks->n; i++) {
    struct StrTok *t = toks->items[i];
    if (t->fstr) {
      size_t pos = 0;
      if (fstring_parse(p, t, &pos, 0, values, &lit, loc) < 0) return NULL;
    } else {
      char *out;
      size_t outlen;
      if (lexer_decode_str(p, t, t->body, t->len, &out, &outlen) < 0) return NULL;
      buf_add(p, &lit, out, outlen);
    }
  }
  flush_lit(p, values, &lit, loc);
  Expr *e = parser_new_expr(p, JoinedStr_kind, loc);
  e->v.JoinedStr.values = SEQ(ExprSeq, values);
  return e;
}
