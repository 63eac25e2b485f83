/* traceback.c — traceback objects and CPython 3.11's report of an uncaught
 * exception.
 *
 * A traceback entry records what the report needs and nothing more (no
 * frame object): the code's name, its filename, the line and the column
 * range of the failing instruction.  Entries are prepended while the
 * exception unwinds, so the chain from exc.__traceback__ runs outermost
 * call first, tb_next pointing inwards, as in CPython.
 *
 * The printer follows Python/traceback.c and Python/pythonrun.c of 3.11:
 * at most 1000 entries (the innermost ones), runs of more than three
 * identical entries collapsed into "[Previous line repeated N more times]",
 * the stripped source line, and the caret line when the instruction's
 * range is known and either is not the whole stripped line or splits into
 * anchors (~~^~~ for a binary operation, ~^^^ for a subscript).  CPython
 * finds those anchors by re-parsing the segment; here a small scanner over
 * the segment's tokens decides whether its top-level expression is a
 * binary operation or a subscription, which gives the same answer for
 * every segment that is a single expression.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/type.h"
#include "vm/frame.h"

typedef struct {
  Object base;
  Value next;       /* inner entry or VAL_NULL */
  Value name;       /* code name (str) */
  Value filename;   /* str */
  int line, end_line, col, end_col; /* col/end_col: UTF-8 byte columns, end_col 0 = unknown */
  /* What NameError suggestions need from the frame (CPython reads them from
   * tb_frame): the code's local names and the frame's globals/builtins.
   * VAL_NULL when the entry was not made by a running Python frame. */
  Value varnames, globals, builtins;
} TracebackObject;

static void tb_trace(Object *o) {
  TracebackObject *t = (TracebackObject *)o;
  gc_mark(t->next);
  gc_mark(t->name);
  gc_mark(t->filename);
  gc_mark(t->varnames);
  gc_mark(t->globals);
  gc_mark(t->builtins);
}

static Value g_next(Value self) {
  Value n = AS(TracebackObject, self)->next;
  return n ? n : VAL_NONE;
}
static int s_next(Value self, Value v) {
  if (!v) return ERR_INT(err_set(&Exc_TypeError, "can't delete tb_next attribute"));
  if (v != VAL_NONE && val_type(v) != &TracebackType)
    return ERR_INT(err_set(&Exc_TypeError, "expected traceback object or None, got '%T'", v));
  AS(TracebackObject, self)->next = v == VAL_NONE ? VAL_NULL : v;
  return 0;
}
static Value g_lineno(Value self) { return val_from_int(AS(TracebackObject, self)->line); }
static Value g_frame(Value self) { return VAL_NONE; }
static Value g_name(Value self) { return AS(TracebackObject, self)->name; }
static Value g_filename(Value self) { return AS(TracebackObject, self)->filename; }

/* (end_lineno, colno, end_colno) of the entry, for traceback.extract_tb. */
static Value g_positions(Value self) {
  TracebackObject *t = AS(TracebackObject, self);
  return tuple_pack(3, val_from_int(t->end_line), val_from_int(t->col), val_from_int(t->end_col));
}

static const GetSetDef tb_getsets[] = {
    {"_positions", g_positions, NULL},
    {"tb_next", g_next, s_next},
    {"tb_lineno", g_lineno, NULL},
    {"tb_frame", g_frame, NULL},
    {"tb_name", g_name, NULL},
    {"tb_filename", g_filename, NULL},
    {NULL, NULL, NULL},
};

TypeObject TracebackType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "traceback",
    .instance_size = sizeof(TracebackObject),
    .trace = tb_trace,
    .getsets = tb_getsets,
};

void exc_add_traceback_ex(Value exc, Value name, Value filename, int line, int end_line, int col, int end_col) {
  if (!val_is_exception(exc)) return;
  TracebackObject *t = (TracebackObject *)gc_alloc(&TracebackType, sizeof(TracebackObject));
  t->name = name ? name : str_from_cstr("?");
  t->filename = filename ? filename : str_from_cstr("?");
  t->line = line;
  t->end_line = end_line;
  t->col = col;
  t->end_col = end_col;
  Frame *f = ts_current ? ts_current->frame : NULL;
  if (f && f->code) {
    t->varnames = f->code->varnames;
    t->globals = f->globals;
    t->builtins = f->builtins;
  }
  ExceptionObject *e = AS(ExceptionObject, exc);
  t->next = e->traceback;
  e->traceback = (Value)t;
}

void exc_add_traceback(Value exc, Value name, Value filename, int line, int col, int end_col) {
  exc_add_traceback_ex(exc, name, filename, line, line, col, end_col);
}

/* ---- source lines ------------------------------------------------------ */

/* Reads line `lineno` (1-based) of a file (or of an embedded stdlib
 * module, "<stdlib>/x.py") into a malloc'd string without its newline;
 * NULL when unavailable. */
char *traceback_source_line(const char *filename, int lineno) {
  if (lineno <= 0) return NULL;
  FILE *fp;
  if (strncmp(filename, "<stdlib>/", 9) == 0) {
    size_t len;
    const char *src = import_embedded_source(filename + 9, &len);
    fp = src ? fmemopen((void *)src, len, "r") : NULL;
  } else if (filename[0] == '<') {
    return NULL;
  } else {
    fp = fopen(filename, "r");
  }
  if (!fp) return NULL;
  char *buf = NULL;
  size_t cap = 0;
  ssize_t n = 0;
  int cur = 0;
  while ((n = getline(&buf, &cap, fp)) >= 0) {
    if (++cur == lineno) break;
  }
  fclose(fp);
  if (cur != lineno || n < 0) {
    free(buf);
    return NULL;
  }
  while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) buf[--n] = 0;
  return buf;
}

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\v'; }

/* Code points in s[0..byte_off). */
static int char_offset(const char *s, int byte_off) {
  int n = 0;
  for (int i = 0; i < byte_off && s[i]; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  return n;
}

/* ---- anchors: is the segment a binary operation or a subscript? --------- */

typedef enum { TK_NAME, TK_NUM, TK_STR, TK_OP, TK_GROUP } TokKind;
typedef struct {
  TokKind kind;
  int start, end; /* byte offsets in the segment */
  char open;      /* TK_GROUP: '(' '[' '{' */
  char op[4];     /* TK_OP text */
} Tok;

static int binop_level(const char *op) {
  if (!strcmp(op, "|")) return 1;
  if (!strcmp(op, "^")) return 2;
  if (!strcmp(op, "&")) return 3;
  if (!strcmp(op, "<<") || !strcmp(op, ">>")) return 4;
  if (!strcmp(op, "+") || !strcmp(op, "-")) return 5;
  if (!strcmp(op, "*") || !strcmp(op, "/") || !strcmp(op, "//") || !strcmp(op, "%") || !strcmp(op, "@")) return 6;
  if (!strcmp(op, "**")) return 8;
  return 0;
}

/* Tokenises seg[0..n) at bracket depth 0 (groups are single tokens).
 * Returns the count, or -1 when the segment is not a plain expression. */
static int tokenize(const char *seg, int n, Tok *toks, int max) {
  static const char *const stop_words[] = {"and", "or", "not", "in", "is", "if", "else", "lambda",
                                           "await", "yield", "for", "async", "import", "from",
                                           "return", "del", "pass", "raise", "global", "assert", NULL};
  int i = 0, nt = 0;
  while (i < n) {
    char c = seg[i];
    if (is_ws(c) || c == '\\') {
      i++;
      continue;
    }
    if (nt >= max) return -1;
    Tok *t = &toks[nt];
    t->start = i;
    if (c == '\'' || c == '"' ||
        ((c == 'f' || c == 'b' || c == 'r' || c == 'u' || c == 'F' || c == 'B' || c == 'R' || c == 'U') &&
         i + 1 < n && (seg[i + 1] == '\'' || seg[i + 1] == '"' ||
                       ((seg[i + 1] == 'r' || seg[i + 1] == 'b' || seg[i + 1] == 'R' || seg[i + 1] == 'B' ||
                         seg[i + 1] == 'f' || seg[i + 1] == 'F') &&
                        i + 2 < n && (seg[i + 2] == '\'' || seg[i + 2] == '"'))))) {
      while (seg[i] != '\'' && seg[i] != '"') i++;
      char q = seg[i];
      bool triple = i + 2 < n && seg[i + 1] == q && seg[i + 2] == q;
      i += triple ? 3 : 1;
      while (i < n) {
        if (seg[i] == '\\') {
          i += 2;
          continue;
        }
        if (seg[i] == q && (!triple || (i + 2 < n && seg[i + 1] == q && seg[i + 2] == q))) {
          i += triple ? 3 : 1;
          break;
        }
        i++;
      }
      t->kind = TK_STR;
    } else if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80) {
      while (i < n && (seg[i] == '_' || (seg[i] >= 'a' && seg[i] <= 'z') || (seg[i] >= 'A' && seg[i] <= 'Z') ||
                       (seg[i] >= '0' && seg[i] <= '9') || (unsigned char)seg[i] >= 0x80))
        i++;
      for (int k = 0; stop_words[k]; k++)
        if ((int)strlen(stop_words[k]) == i - t->start && !strncmp(seg + t->start, stop_words[k], (size_t)(i - t->start)))
          return -1;
      t->kind = TK_NAME;
    } else if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < n && seg[i + 1] >= '0' && seg[i + 1] <= '9')) {
      while (i < n && ((seg[i] >= '0' && seg[i] <= '9') || seg[i] == '.' || seg[i] == '_' ||
                       (seg[i] >= 'a' && seg[i] <= 'z') || (seg[i] >= 'A' && seg[i] <= 'Z') ||
                       ((seg[i] == '+' || seg[i] == '-') && (seg[i - 1] == 'e' || seg[i - 1] == 'E'))))
        i++;
      t->kind = TK_NUM;
    } else if (c == '(' || c == '[' || c == '{') {
      int depth = 0;
      while (i < n) {
        char d = seg[i];
        if (d == '\'' || d == '"') {
          /* skip a string inside the group */
          bool triple = i + 2 < n && seg[i + 1] == d && seg[i + 2] == d;
          i += triple ? 3 : 1;
          while (i < n) {
            if (seg[i] == '\\') { i += 2; continue; }
            if (seg[i] == d && (!triple || (i + 2 < n && seg[i + 1] == d && seg[i + 2] == d))) {
              i += triple ? 3 : 1;
              break;
            }
            i++;
          }
          continue;
        }
        if (d == '(' || d == '[' || d == '{') depth++;
        if (d == ')' || d == ']' || d == '}') {
          if (--depth == 0) {
            i++;
            break;
          }
        }
        i++;
      }
      if (depth != 0) return -1;
      t->kind = TK_GROUP;
      t->open = c;
    } else if (c == ')' || c == ']' || c == '}') {
      return -1;
    } else {
      static const char *const ops[] = {"**", "//", "<<", ">>", "==", "!=", "<=", ">=", "->", ":=", NULL};
      int len = 1;
      for (int k = 0; ops[k]; k++)
        if (i + 1 < n && seg[i] == ops[k][0] && seg[i + 1] == ops[k][1]) len = 2;
      if (i + len < n && seg[i + len] == '=' && len <= 2 && c != '=' && c != '!' && c != '<' && c != '>') return -1; /* augmented assignment */
      memcpy(t->op, seg + i, (size_t)len);
      t->op[len] = 0;
      i += len;
      if (!strcmp(t->op, ".")) {
        t->kind = TK_OP;
      } else if (binop_level(t->op) == 0 && strcmp(t->op, "~")) {
        return -1; /* comparison, assignment, comma, colon, ...: not a BinOp/Subscript */
      } else {
        t->kind = TK_OP;
      }
    }
    t->end = i;
    nt++;
  }
  return nt;
}

static bool operand_end(const Tok *t) { return t->kind != TK_OP; }

/* Finds the anchors of seg[0..n): true with left/right byte offsets (left =
 * first secondary byte, right = end of the secondary range) and the
 * primary/secondary characters. */
static bool find_anchors(const char *seg, int n, int *left, int *right) {
  Tok toks[256];
  int nt = tokenize(seg, n, toks, 256);
  if (nt <= 0) return false;
  int best = -1, best_level = 100;
  for (int i = 1; i < nt; i++) {
    if (toks[i].kind != TK_OP || !strcmp(toks[i].op, ".") || !strcmp(toks[i].op, "~")) continue;
    if (!operand_end(&toks[i - 1])) continue; /* unary */
    int lv = binop_level(toks[i].op);
    if (lv == 0) return false;
    if (lv < best_level || (lv == best_level && lv != 8)) {
      best_level = lv;
      best = i;
    }
  }
  if (best > 0) {
    if (best_level == 8 && toks[0].kind == TK_OP && strcmp(toks[0].op, ".")) return false; /* -a ** b */
    if (best + 1 >= nt) return false;
    /* Check the operand sequences are well formed: no trailing operator. */
    if (toks[nt - 1].kind == TK_OP) return false;
    int lo = toks[best - 1].end, hi = toks[best + 1].start;
    for (int i = lo; i < hi; i++) {
      if (is_ws(seg[i])) continue;
      *left = i;
      *right = i + 1;
      if (i + 1 < hi && !is_ws(seg[i + 1])) ++*right;
      break;
    }
    return true;
  }
  /* No binary operator: a primary whose last trailer is [...]? */
  if (toks[0].kind == TK_OP) return false;
  if (nt < 2) return false;
  Tok *last = &toks[nt - 1];
  if (last->kind != TK_GROUP || last->open != '[') return false;
  Tok *prev = &toks[nt - 2];
  if (prev->kind == TK_OP) return false;
  /* Every token must chain as primary trailers: atom ( . NAME | group )* */
  for (int i = 1; i < nt; i++) {
    if (toks[i].kind == TK_OP) {
      if (strcmp(toks[i].op, ".") || i + 1 >= nt || toks[i + 1].kind != TK_NAME) return false;
      i++;
    } else if (toks[i].kind != TK_GROUP || toks[i].open == '{') {
      return false;
    }
  }
  *left = last->start;
  *right = last->end;
  return true;
}

/* Appends the caret line for an entry, if CPython would print one.
 * `line` is the raw source line, `strip` the count of leading whitespace bytes. */
static void add_carets(StrBuilder *sb, const char *line, int strip, int col, int end_col, bool multiline) {
  int len = (int)strlen(line);
  if (col < 0 || col > len) return;
  int end = end_col;
  bool anchors = false;
  int left = -1, right = -1;
  if (multiline) {
    int i = len;
    while (--i >= 0 && is_ws(line[i])) {}
    end = i + 1;
  } else {
    if (end_col <= col || end > len) return;
    anchors = find_anchors(line + col, end - col, &left, &right);
    if (anchors) {
      left += col;
      right += col;
    }
  }
  int rstrip_len = len;
  while (rstrip_len > strip && is_ws(line[rstrip_len - 1])) rstrip_len--;
  int c_start = char_offset(line, col), c_end = char_offset(line, end);
  int c_strip = char_offset(line, strip), c_len = char_offset(line, rstrip_len);
  if (c_end - c_start == c_len - c_strip && !anchors) return;
  int c_left = anchors ? char_offset(line, left) : -1, c_right = anchors ? char_offset(line, right) : -1;
  sb_adds(sb, "    ");
  for (int i = c_strip; i < c_end; i++) {
    if (i < c_start) sb_addc(sb, ' ');
    else if (anchors && i >= c_left && i < c_right) sb_addc(sb, '^');
    else sb_addc(sb, anchors ? '~' : '^');
  }
  sb_addc(sb, '\n');
}

static void format_entry(StrBuilder *sb, TracebackObject *t) {
  sb_addf(sb, "  File \"%s\", line %d, in %s\n", str_cstr(t->filename), t->line, str_cstr(t->name));
  char *line = traceback_source_line(str_cstr(t->filename), t->line);
  if (!line) return;
  int strip = 0;
  while (line[strip] == ' ' || line[strip] == '\t' || line[strip] == '\f') strip++;
  int len = (int)strlen(line);
  while (len > strip && is_ws(line[len - 1])) len--;
  if (len > strip) {
    sb_adds(sb, "    ");
    sb_add(sb, line + strip, (size_t)(len - strip));
    sb_addc(sb, '\n');
    if (t->end_col > 0 || t->end_line > t->line)
      add_carets(sb, line, strip, t->col, t->end_col, t->end_line > t->line);
  }
  free(line);
}

static void add_repeated(StrBuilder *sb, int cnt) {
  cnt -= 3;
  sb_addf(sb, "  [Previous line repeated %d more time%s]\n", cnt, cnt > 1 ? "s" : "");
}

static void format_tb(StrBuilder *sb, Value tb) {
  const int limit = 1000;
  int depth = 0;
  for (Value t = tb; t; t = AS(TracebackObject, t)->next) depth++;
  while (tb && depth > limit) {
    depth--;
    tb = AS(TracebackObject, tb)->next;
  }
  TracebackObject *last = NULL;
  int cnt = 0;
  for (; tb; tb = AS(TracebackObject, tb)->next) {
    TracebackObject *t = AS(TracebackObject, tb);
    if (!last || !str_equal(t->filename, last->filename) || t->line != last->line ||
        !str_equal(t->name, last->name)) {
      if (cnt > 3) add_repeated(sb, cnt);
      last = t;
      cnt = 0;
    }
    cnt++;
    if (cnt <= 3) format_entry(sb, t);
  }
  if (cnt > 3) add_repeated(sb, cnt);
}

/* ---- the exception line ------------------------------------------------ */

static Value attr_or_none(Value exc, const char *name) {
  Value v = obj_getattr_cstr(exc, name);
  if (!v) {
    err_clear();
    return VAL_NONE;
  }
  return v;
}

static void format_syntax_error(StrBuilder *sb, Value exc) {
  Value fn = attr_or_none(exc, "filename"), ln = attr_or_none(exc, "lineno");
  Value off = attr_or_none(exc, "offset"), eoff = attr_or_none(exc, "end_offset");
  Value eln = attr_or_none(exc, "end_lineno"), text = attr_or_none(exc, "text");
  long lineno = val_is_int(ln) ? (long)val_int(ln) : 0;
  sb_addf(sb, "  File \"%s\", line %ld\n", val_is_str(fn) ? str_cstr(fn) : "<string>", lineno);
  if (!val_is_str(text)) return;
  long offset = val_is_int(off) ? (long)val_int(off) : -1;
  long end_offset = val_is_int(eoff) ? (long)val_int(eoff) : -1;
  long end_lineno = val_is_int(eln) ? (long)val_int(eln) : lineno;
  const char *s = str_cstr(text);
  long line_size = (long)AS(StrObject, text)->nchars;
  if (end_lineno > lineno) end_offset = line_size;
  /* CPython marks an IndentationError with a single caret. */
  if (type_is_subtype(val_type(exc), &Exc_IndentationError)) end_offset = -1;
  if (end_offset > line_size + 1) end_offset = line_size + 1;
  /* From here on offsets count code points of `s`. */
  offset--;
  end_offset--;
  while (*s == ' ' || *s == '\t' || *s == '\f') {
    s++;
    offset--;
    end_offset--;
  }
  long len = (long)strlen(s);
  if (len > 0 && s[len - 1] == '\n') len--;
  long nchars = char_offset(s, (int)len);
  if (offset > nchars) offset = nchars;
  for (;;) {
    const char *nl = strchr(s, '\n');
    if (!nl) break;
    long inl = (long)(nl - s);
    long inl_chars = char_offset(s, (int)inl);
    if (inl_chars >= offset) break;
    s += inl + 1;
    len -= inl + 1;
    offset -= inl_chars + 1;
    end_offset -= inl_chars + 1;
  }
  sb_adds(sb, "    ");
  sb_add(sb, s, (size_t)len);
  sb_addc(sb, '\n');
  if (offset < 0) return;
  sb_adds(sb, "    ");
  for (long i = 0; i < offset; i++) sb_addc(sb, ' ');
  long reps = end_offset > offset ? end_offset - offset : 1;
  for (long i = 0; i < reps; i++) sb_addc(sb, '^');
  sb_addc(sb, '\n');
}

/* "module.Qualname", leaving out builtins and __main__. */
static void add_type_name(StrBuilder *sb, TypeObject *t) {
  Value mod = t->module;
  if (t->flags & TP_HEAPTYPE) {
    Value m = type_lookup(t, NAME(__module__));
    if (m) mod = m;
  }
  if (mod && val_is_str(mod) && strcmp(str_cstr(mod), "builtins") && strcmp(str_cstr(mod), "__main__")) {
    sb_add_value(sb, mod);
    sb_addc(sb, '.');
  }
  if (t->qualname && (t->flags & TP_HEAPTYPE)) sb_add_value(sb, (Value)t->qualname);
  else sb_adds(sb, t->name);
}

/* A SyntaxError gets the "File ..., line N" layout only when its lineno is
 * an int (CPython's parse_syntax_error); otherwise it prints as any other. */
static bool syntax_layout(Value exc) {
  if (!type_is_subtype(val_type(exc), &Exc_SyntaxError)) return false;
  Value ln = attr_or_none(exc, "lineno");
  return val_is_int(ln);
}

/* ---- "Did you mean" (Python/suggestions.c of 3.11) ----------------------- */

enum { SUGGEST_MAX_ITEMS = 750, SUGGEST_MAX_STRING = 40, MOVE_COST = 2, CASE_COST = 1 };

static size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return MOVE_COST;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
  if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
  return a == b ? CASE_COST : MOVE_COST;
}

/* Levenshtein distance over UTF-8 bytes with CPython's costs, giving up
 * (max_cost + 1) as soon as the limit cannot be met. */
static size_t levenshtein(const char *a, size_t na, const char *b, size_t nb, size_t max_cost) {
  size_t buffer[SUGGEST_MAX_STRING];
  if (a == b) return 0;
  while (na && nb && a[0] == b[0]) a++, b++, na--, nb--;
  while (na && nb && a[na - 1] == b[nb - 1]) na--, nb--;
  if (na == 0 || nb == 0) return (na + nb) * MOVE_COST;
  if (na > SUGGEST_MAX_STRING || nb > SUGGEST_MAX_STRING) return max_cost + 1;
  if (nb < na) {
    const char *ts = a;
    a = b, b = ts;
    size_t tn = na;
    na = nb, nb = tn;
  }
  if ((nb - na) * MOVE_COST > max_cost) return max_cost + 1;
  for (size_t i = 0; i < na; i++) buffer[i] = (i + 1) * MOVE_COST;
  size_t result = 0;
  for (size_t bi = 0; bi < nb; bi++) {
    char code = b[bi];
    size_t distance = result = bi * MOVE_COST;
    size_t minimum = SIZE_MAX;
    for (size_t i = 0; i < na; i++) {
      size_t substitute = distance + substitution_cost(code, a[i]);
      distance = buffer[i];
      size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
      result = insert_delete < substitute ? insert_delete : substitute;
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

/* The closest of n candidate names (strs; others are skipped), or VAL_NULL. */
static Value closest_name(Value name, Value *items, ssize_t n) {
  if (n >= SUGGEST_MAX_ITEMS) return VAL_NULL;
  const char *ns = str_cstr(name);
  size_t nlen = str_len_bytes(name);
  Value best = VAL_NULL;
  size_t best_dist = SIZE_MAX;
  for (ssize_t i = 0; i < n; i++) {
    Value item = items[i];
    if (!val_is_str(item)) continue;
    const char *is = str_cstr(item);
    size_t ilen = str_len_bytes(item);
    if (ilen == nlen && memcmp(is, ns, nlen) == 0) continue;
    /* No more than a third of the characters involved may change. */
    size_t max_dist = (nlen + ilen + 3) * MOVE_COST / 6;
    if (best_dist - 1 < max_dist) max_dist = best_dist - 1;
    size_t d = levenshtein(ns, nlen, is, ilen, max_dist);
    if (d > max_dist) continue;
    if (!best || d < best_dist) {
      best = item;
      best_dist = d;
    }
  }
  return best;
}

static Value closest_in_list(Value name, Value list) {
  if (!list || !val_is_list(list)) return VAL_NULL;
  return closest_name(name, LIST_ITEMS(list), LIST_LEN(list));
}

static Value closest_in_dict(Value name, Value dict) {
  if (!dict || !val_is_dict(dict)) return VAL_NULL;
  return closest_in_list(name, list_from_iterable(dict));
}

/* CPython's _Py_Offer_suggestions: VAL_NULL (no exception) when there is
 * nothing to offer. */
static Value offer_suggestion(Value exc) {
  TypeObject *t = val_type(exc);
  Value s = VAL_NULL;
  if (type_is_subtype(t, &Exc_AttributeError)) {
    Value name = attr_or_none(exc, "name"), obj = attr_or_none(exc, "obj");
    if (!val_is_obj(name) || name->type != &StrType || obj == VAL_NONE) return VAL_NULL;
    Value dirfn = dict_get_cstr(builtins_dict, "dir");
    Value d = dirfn ? obj_call(dirfn, &obj, 1, NULL) : VAL_NULL;
    if (d) s = closest_in_list(name, d);
  } else if (type_is_subtype(t, &Exc_NameError)) {
    Value name = attr_or_none(exc, "name");
    Value tb = AS(ExceptionObject, exc)->traceback;
    if (!val_is_obj(name) || name->type != &StrType || !tb || val_type(tb) != &TracebackType) return VAL_NULL;
    TracebackObject *e = AS(TracebackObject, tb);
    while (e->next && val_type(e->next) == &TracebackType) e = AS(TracebackObject, e->next);
    if (!e->globals) return VAL_NULL;
    if (e->varnames && val_is_tuple(e->varnames)) s = closest_name(name, TUPLE_ITEMS(e->varnames), TUPLE_LEN(e->varnames));
    if (!s && !err_occurred()) s = closest_in_dict(name, e->globals);
    if (!s && !err_occurred()) s = closest_in_dict(name, e->builtins);
  }
  if (!s) err_clear();
  return s;
}

/* suggest: the interpreter's own report adds "Did you mean"; 3.11's
 * traceback module does not. */
static void format_exception_line(StrBuilder *sb, Value exc, bool suggest) {
  TypeObject *t = val_type(exc);
  bool syntax = syntax_layout(exc);
  add_type_name(sb, t);
  Value s;
  if (syntax) {
    Value msg = attr_or_none(exc, "msg");
    s = obj_str(msg);
  } else {
    s = obj_str(exc);
  }
  if (!s) {
    err_clear();
    sb_adds(sb, ": <exception str() failed>\n");
  } else {
    if (str_len_bytes(s) > 0) {
      sb_adds(sb, ": ");
      sb_add_value(sb, s);
    }
    Value suggestion = syntax || !suggest ? VAL_NULL : offer_suggestion(exc);
    if (suggestion) {
      sb_adds(sb, ". Did you mean: '");
      sb_add_value(sb, suggestion);
      sb_adds(sb, "'?");
    }
    sb_addc(sb, '\n');
  }
  Value notes = VAL_NULL;
  Value *dp = &AS(ExceptionObject, exc)->dict;
  if (*dp) notes = dict_get_cstr(*dp, "__notes__");
  if (notes && val_is_list(notes)) {
    for (ssize_t i = 0; i < LIST_LEN(notes); i++) {
      Value n = val_is_str(LIST_ITEMS(notes)[i]) ? LIST_ITEMS(notes)[i] : obj_str(LIST_ITEMS(notes)[i]);
      if (!n) {
        err_clear();
        continue;
      }
      sb_add_value(sb, n);
      sb_addc(sb, '\n');
    }
  }
}

static void format_one(StrBuilder *sb, Value exc, bool suggest) {
  ExceptionObject *e = AS(ExceptionObject, exc);
  if (e->traceback) {
    sb_adds(sb, exc_is_group(exc) ? "Exception Group Traceback (most recent call last):\n"
                                  : "Traceback (most recent call last):\n");
    format_tb(sb, e->traceback);
  }
  if (syntax_layout(exc)) format_syntax_error(sb, exc);
  format_exception_line(sb, exc, suggest);
}

/* State of one report (CPython's exception_print_context): inside an
 * exception group every line is indented by two columns per level and
 * carries the "| " margin. */
#define MAX_SEEN 256
enum { MAX_GROUP_WIDTH = 15, MAX_GROUP_DEPTH = 10 };
typedef struct {
  StrBuilder *sb;
  bool suggest;
  int depth;       /* exception group nesting */
  bool need_close; /* the innermost open group still needs its closing rule */
  Value seen[MAX_SEEN];
  int nseen;
} Report;

static void add_indent(Report *r) {
  for (int i = 0; i < 2 * r->depth; i++) sb_addc(r->sb, ' ');
}

static void add_margin(Report *r) {
  add_indent(r);
  if (r->depth) sb_adds(r->sb, "| ");
}

/* format_one at the current depth: each line gets the indent and margin;
 * a group's header line at the first level gets "+ " instead. */
static void report_one(Report *r, Value exc) {
  if (r->depth == 0) {
    format_one(r->sb, exc, r->suggest);
    return;
  }
  StrBuilder tmp;
  sb_init(&tmp);
  format_one(&tmp, exc, r->suggest);
  const char *p = tmp.data, *end = tmp.data + tmp.len;
  bool first = true;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
    add_indent(r);
    bool header = first && AS(ExceptionObject, exc)->traceback && exc_is_group(exc) && r->depth == 1;
    sb_adds(r->sb, header ? "+ " : "| ");
    sb_add(r->sb, p, n);
    first = false;
    p += n;
  }
  sb_free(&tmp);
}

static void report_recursive(Report *r, Value exc);

static void report_group(Report *r, Value exc) {
  if (r->depth > MAX_GROUP_DEPTH) {
    add_margin(r);
    sb_addf(r->sb, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
    return;
  }
  bool top = r->depth == 0;
  if (top) r->depth = 1;
  report_one(r, exc);
  Value excs = exc_group_exceptions(exc);
  ssize_t num = excs ? TUPLE_LEN(excs) : 0;
  ssize_t n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
  r->need_close = false;
  for (ssize_t i = 0; i < n; i++) {
    bool last = i == n - 1;
    if (last) r->need_close = true;
    add_indent(r);
    bool truncated = i >= MAX_GROUP_WIDTH;
    if (!truncated)
      sb_addf(r->sb, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ", i + 1);
    else
      sb_addf(r->sb, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
    r->depth++;
    if (!truncated) {
      report_recursive(r, TUPLE_ITEMS(excs)[i]);
    } else {
      ssize_t more = num - MAX_GROUP_WIDTH;
      add_margin(r);
      sb_addf(r->sb, "and %zd more exception%s\n", more, more > 1 ? "s" : "");
    }
    if (last && r->need_close) {
      add_indent(r);
      sb_adds(r->sb, "+------------------------------------\n");
      r->need_close = false;
    }
    r->depth--;
  }
  if (top) r->depth = 0;
}

static void report_recursive(Report *r, Value exc) {
  if (r->nseen < MAX_SEEN) r->seen[r->nseen++] = exc;
  ExceptionObject *e = AS(ExceptionObject, exc);
  Value chained = VAL_NULL;
  const char *msg = NULL;
  if (e->cause && val_is_exception(e->cause)) {
    chained = e->cause;
    msg = "The above exception was the direct cause of the following exception:\n";
  } else if (e->context && val_is_exception(e->context) && !e->suppress_context) {
    chained = e->context;
    msg = "During handling of the above exception, another exception occurred:\n";
  }
  if (chained) {
    bool was_seen = false;
    for (int i = 0; i < r->nseen; i++)
      if (r->seen[i] == chained) was_seen = true;
    if (!was_seen && r->nseen < MAX_SEEN) {
      bool need_close = r->need_close;
      report_recursive(r, chained);
      r->need_close = need_close;
      add_margin(r);
      sb_addc(r->sb, '\n');
      add_margin(r);
      sb_adds(r->sb, msg);
      add_margin(r);
      sb_addc(r->sb, '\n');
    }
  }
  if (exc_is_group(exc))
    report_group(r, exc);
  else
    report_one(r, exc);
}

static Value format_full(Value exc, bool suggest) {
  StrBuilder sb;
  sb_init(&sb);
  if (!val_is_exception(exc)) {
    sb_adds(&sb, "TypeError: print_exception(): Exception expected for value, ");
    sb_adds(&sb, val_type(exc)->name);
    sb_adds(&sb, " found\n");
    return sb_finish(&sb);
  }
  Report r = {.sb = &sb, .suggest = suggest};
  report_recursive(&r, exc);
  return sb_finish(&sb);
}

Value exc_format_full(Value exc) { return format_full(exc, false); }

Value exc_format_only(Value exc) {
  StrBuilder sb;
  sb_init(&sb);
  if (syntax_layout(exc)) format_syntax_error(&sb, exc);
  format_exception_line(&sb, exc, false);
  return sb_finish(&sb);
}

/* Writes text to sys.stderr, or straight to fd 2 when that is unusable. */
static void write_stderr(Value text) {
  Value err = VAL_NULL;
  if (sys_module) {
    Value d = module_dict(sys_module);
    if (d) err = dict_get_str(d, NAME(stderr));
  }
  if (err && err != VAL_NONE) {
    Value r = obj_call_method(err, NAME(write), &text, 1);
    if (r) {
      Value f = obj_call_method(err, NAME(flush), NULL, 0);
      if (!f) err_clear();
      return;
    }
    err_clear();
  }
  const char *p = str_cstr(text);
  size_t n = (size_t)str_len_bytes(text);
  while (n > 0) {
    ssize_t w = write(2, p, n);
    if (w <= 0) break;
    p += w;
    n -= (size_t)w;
  }
}

void err_print(Value exc) {
  Value saved = err_fetch();
  /* What the program printed comes first, as CPython flushes stdout here. */
  if (sys_module) {
    Value out = dict_get_str(module_dict(sys_module), NAME(stdout));
    if (out && out != VAL_NONE && !obj_call_method(out, NAME(flush), NULL, 0)) err_clear();
  }
  Value text = format_full(exc, true);
  if (!text) {
    err_clear();
    text = str_from_cstr("<exception could not be formatted>\n");
  }
  write_stderr(text);
  if (saved) err_restore(saved);
}

/* ---- _traceback: the formatter for stdlib/lib/traceback.py ------------ */

static Value tbm_format_exception(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("format_exception", nargs, 1, 2)) return VAL_NULL;
  Value exc = args[0];
  if (!val_is_exception(exc)) return err_set(&Exc_TypeError, "exception expected, got '%T'", exc);
  bool chain = true;
  if (nargs > 1) {
    int t = obj_truthy(args[1]);
    if (t < 0) return VAL_NULL;
    chain = t;
  }
  if (chain) return exc_format_full(exc);
  StrBuilder sb;
  sb_init(&sb);
  format_one(&sb, exc, false);
  return sb_finish(&sb);
}

static Value tbm_format_exception_only(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("format_exception_only", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_exception(args[0])) return err_set(&Exc_TypeError, "exception expected, got '%T'", args[0]);
  return exc_format_only(args[0]);
}

/* The entries of a traceback chain, as CPython's format_tb joins them. */
static Value tbm_format_tb(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("format_tb", nargs, 1, 1)) return VAL_NULL;
  StrBuilder sb;
  sb_init(&sb);
  if (args[0] != VAL_NONE) {
    if (val_type(args[0]) != &TracebackType) {
      sb_free(&sb);
      return err_set(&Exc_TypeError, "traceback expected, got '%T'", args[0]);
    }
    format_tb(&sb, args[0]);
  }
  return sb_finish(&sb);
}

/* getline(filename, lineno): the source line stripped of surrounding
 * whitespace, or '' (what FrameSummary.line holds). */
static Value tbm_getline(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("getline", nargs, 2, 2)) return VAL_NULL;
  if (!val_is_str(args[0]) || !val_is_int(args[1])) return str_from_cstr("");
  char *line = traceback_source_line(str_cstr(args[0]), (int)val_int(args[1]));
  if (!line) return str_from_cstr("");
  char *p = line;
  while (is_ws(*p)) p++;
  size_t n = strlen(p);
  while (n > 0 && is_ws(p[n - 1])) n--;
  Value r = str_from_utf8(p, n, "replace");
  free(line);
  return r;
}

/* format_entry(filename, lineno, name, end_lineno, colno, end_colno): one
 * "  File ..." entry with its source line and carets, as the report prints. */
static Value tbm_format_entry(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("format_entry", kw) || !args_count("format_entry", nargs, 6, 6)) return VAL_NULL;
  for (int i = 3; i < 6; i++)
    if (!val_is_int(args[i]) || !val_is_int(args[1]))
      return err_set(&Exc_TypeError, "format_entry() positions must be ints");
  if (!val_is_str(args[0]) || !val_is_str(args[2]))
    return err_set(&Exc_TypeError, "format_entry() filename and name must be str");
  TracebackObject *t = (TracebackObject *)gc_alloc(&TracebackType, sizeof(TracebackObject));
  t->filename = args[0];
  t->name = args[2];
  t->line = (int)val_int(args[1]);
  t->end_line = (int)val_int(args[3]);
  t->col = (int)val_int(args[4]);
  t->end_col = (int)val_int(args[5]);
  StrBuilder sb;
  sb_init(&sb);
  format_entry(&sb, t);
  return sb_finish(&sb);
}

static const NativeDef traceback_functions[] = {
    {"format_entry", tbm_format_entry, 0, NULL},
    {"format_exception", tbm_format_exception, 0, NULL},
    {"format_exception_only", tbm_format_exception_only, 0, NULL},
    {"format_tb", tbm_format_tb, 0, NULL},
    {"getline", tbm_getline, 0, NULL},
    {NULL, NULL, 0, NULL},
};

const NativeModuleDef _traceback_module_def = {"_traceback", traceback_functions, NULL};

void err_write_unraisable(const char *prefix, Value where) {
  Value exc = err_fetch();
  Value err = sys_module ? obj_getattr_opt(sys_module, NAME(stderr)) : VAL_NULL;
  Value line = where ? str_printf("%s: %R\n", prefix ? prefix : "Exception ignored in", where) : VAL_NULL;
  if (err && line) obj_call_method(err, NAME(write), &line, 1);
  err_clear();
  if (exc) err_print(exc);
  err_clear();
}

void err_print_current(void) {
  Value exc = err_fetch();
  if (!exc) return;
  Value hook = VAL_NULL;
  if (sys_module) hook = dict_get_str(module_dict(sys_module), NAME(excepthook));
  Value builtin_hook = VAL_NULL;
  if (sys_module) builtin_hook = dict_get_cstr(module_dict(sys_module), "__excepthook__");
  if (hook && hook != builtin_hook && hook != VAL_NONE) {
    Value tb = AS(ExceptionObject, exc)->traceback;
    Value args[3] = {(Value)val_type(exc), exc, tb ? tb : VAL_NONE};
    Value r = obj_call(hook, args, 3, NULL);
    if (r) return;
    Value e2 = err_fetch();
    write_stderr(str_from_cstr("Error in sys.excepthook:\n"));
    err_print(e2);
    write_stderr(str_from_cstr("\nOriginal exception was:\n"));
  }
  err_print(exc);
}
