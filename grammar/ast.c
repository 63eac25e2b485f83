/* ast.c — the AST arena and a debug printer.
 *
 * Owns: Arena (a bump allocator over a chain of malloc'd chunks; nodes are
 * never freed one by one, the whole arena goes at once) and ast_dump(),
 * which prints a tree exactly as CPython 3.11's ast.dump() does, so tests
 * can compare against python3.  Nothing here touches the runtime.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "grammar/ast.h"

/* ---- arena -------------------------------------------------------------- */
typedef struct Chunk {
  struct Chunk *next;
  size_t used, size;
  _Alignas(16) unsigned char data[];
} Chunk;

struct Arena {
  Chunk *head;
};

#define CHUNK_SIZE (64 * 1024 - sizeof(Chunk))

static Chunk *new_chunk(size_t size) {
  Chunk *c = malloc(sizeof(Chunk) + size);
  if (!c) {
    fputs("gilpy: out of memory in the parser\n", stderr);
    abort();
  }
  c->next = NULL;
  c->used = 0;
  c->size = size;
  return c;
}

Arena *ast_arena_new(void) {
  Arena *a = malloc(sizeof *a);
  if (!a) {
    fputs("gilpy: out of memory in the parser\n", stderr);
    abort();
  }
  a->head = new_chunk(CHUNK_SIZE);
  return a;
}

void ast_arena_free(Arena *a) {
  if (!a) return;
  Chunk *c = a->head;
  while (c) {
    Chunk *n = c->next;
    free(c);
    c = n;
  }
  free(a);
}

void *ast_alloc(Arena *a, size_t size) {
  size = (size + 15) & ~(size_t)15;
  Chunk *c = a->head;
  if (c->used + size > c->size) {
    if (size > CHUNK_SIZE / 4) {
      /* Big blocks get a chunk of their own behind the current one, so the
       * current chunk's free space is not wasted. */
      Chunk *big = new_chunk(size);
      big->used = size;
      big->next = c->next;
      c->next = big;
      memset(big->data, 0, size);
      return big->data;
    }
    c = new_chunk(CHUNK_SIZE);
    c->next = a->head;
    a->head = c;
  }
  void *p = c->data + c->used;
  c->used += size;
  memset(p, 0, size);
  return p;
}

char *ast_strndup(Arena *a, const char *s, size_t len) {
  char *d = ast_alloc(a, len + 1);
  if (len) memcpy(d, s, len);
  d[len] = 0;
  return d;
}

/* ---- string builder for the dump ---------------------------------------- */
typedef struct {
  char *s;
  size_t len, cap;
  int attrs;  /* also print positions (ast.dump's include_attributes) */
} SB;

static void sb_putn(SB *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) cap *= 2;
    char *ns = realloc(b->s, cap);
    if (!ns) abort();
    b->s = ns;
    b->cap = cap;
  }
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = 0;
}
static void sb_puts(SB *b, const char *s) { sb_putn(b, s, strlen(s)); }
static void sb_printf(SB *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(SB *b, const char *fmt, ...) {
  char buf[128];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n >= (int)sizeof buf) n = sizeof buf - 1;
  sb_putn(b, buf, (size_t)n);
}

/* ---- value reprs (Python's repr of the constant) ------------------------- */
/* Python's float repr: shortest round-tripping digits, fixed notation when
 * the exponent is in [-4, 16). */
static void repr_double(SB *b, double x, int force_point) {
  if (isnan(x)) { sb_puts(b, "nan"); return; }
  if (isinf(x)) { sb_puts(b, x < 0 ? "-inf" : "inf"); return; }
  char buf[64];
  int prec;
  for (prec = 1; prec <= 17; prec++) {
    snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
    if (strtod(buf, NULL) == x) break;
  }
  char digits[32];
  int nd = 0, neg = 0;
  const char *q = buf;
  if (*q == '-') { neg = 1; q++; }
  for (; *q && *q != 'e'; q++)
    if (*q >= '0' && *q <= '9') digits[nd++] = *q;
  int exp = atoi(q + 1);
  while (nd > 1 && digits[nd - 1] == '0') nd--;
  digits[nd] = 0;
  if (neg) sb_puts(b, "-");
  if (exp >= -4 && exp < 16) {
    if (exp < 0) {
      sb_puts(b, "0.");
      for (int i = 0; i < -exp - 1; i++) sb_puts(b, "0");
      sb_putn(b, digits, (size_t)nd);
    } else {
      for (int i = 0; i <= exp; i++) sb_putn(b, i < nd ? &digits[i] : "0", 1);
      if (nd > exp + 1) {
        sb_puts(b, ".");
        sb_putn(b, digits + exp + 1, (size_t)(nd - exp - 1));
      } else if (force_point) {
        sb_puts(b, ".0");
      }
    }
  } else {
    sb_putn(b, digits, 1);
    if (nd > 1) {
      sb_puts(b, ".");
      sb_putn(b, digits + 1, (size_t)(nd - 1));
    }
    sb_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  }
}

/* Digits in base 2/8/16 to decimal, for printing big literals. */
static void repr_bigint(SB *b, const char *digits, int base) {
  size_t n = strlen(digits);
  size_t cap = n * 2 + 2;
  unsigned char *dec = calloc(cap, 1);  /* little-endian decimal digits */
  if (!dec) abort();
  size_t len = 1;
  for (size_t i = 0; i < n; i++) {
    char c = digits[i];
    int v = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    int carry = v;
    for (size_t k = 0; k < len; k++) {
      int t = dec[k] * base + carry;
      dec[k] = (unsigned char)(t % 10);
      carry = t / 10;
    }
    while (carry) {
      dec[len++] = (unsigned char)(carry % 10);
      carry /= 10;
    }
  }
  while (len > 1 && dec[len - 1] == 0) len--;
  for (size_t k = len; k-- > 0;) {
    char ch = (char)('0' + dec[k]);
    sb_putn(b, &ch, 1);
  }
  free(dec);
}

static unsigned utf8_decode(const unsigned char *s, size_t n, size_t *used) {
  unsigned c = s[0];
  int need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if ((size_t)need >= n) need = 0;
  unsigned cp = need ? c & (0x3F >> need) : c;
  for (int k = 1; k <= need; k++) cp = (cp << 6) | (s[k] & 0x3F);
  *used = (size_t)need + 1;
  return cp;
}

static void repr_str(SB *b, const char *data, size_t len, int bytes) {
  int has_sq = memchr(data, '\'', len) != NULL, has_dq = memchr(data, '"', len) != NULL;
  char q = has_sq && !has_dq ? '"' : '\'';
  if (bytes) sb_puts(b, "b");
  sb_putn(b, &q, 1);
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)data[i];
    if (c == (unsigned char)q || c == '\\') { sb_puts(b, "\\"); sb_putn(b, (const char *)&c, 1); i++; continue; }
    if (c == '\n') { sb_puts(b, "\\n"); i++; continue; }
    if (c == '\r') { sb_puts(b, "\\r"); i++; continue; }
    if (c == '\t') { sb_puts(b, "\\t"); i++; continue; }
    if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) { sb_printf(b, "\\x%02x", c); i++; continue; }
    if (c < 0x80) { sb_putn(b, (const char *)&c, 1); i++; continue; }
    size_t used;
    unsigned cp = utf8_decode((const unsigned char *)data + i, len - i, &used);
    /* Not printable for Python: C1 controls, separators, format chars. */
    int unprintable = cp < 0xA1 || cp == 0xFFFE || cp == 0xFFFF || cp == 0xAD || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
                      (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
                      cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xE000 && cp <= 0xF8FF);
    if (unprintable && cp < 0x100) sb_printf(b, "\\x%02x", cp);
    else if (unprintable && cp < 0x10000) sb_printf(b, "\\u%04x", cp);
    else sb_putn(b, data + i, used);
    i += used;
  }
  sb_putn(b, &q, 1);
}

static void dump_const(SB *b, const AstConst *c) {
  switch (c->kind) {
    case CONST_NONE: sb_puts(b, "None"); break;
    case CONST_TRUE: sb_puts(b, "True"); break;
    case CONST_FALSE: sb_puts(b, "False"); break;
    case CONST_ELLIPSIS: sb_puts(b, "Ellipsis"); break;
    case CONST_INT: sb_printf(b, "%lld", (long long)c->v.i); break;
    case CONST_BIGINT:
      if (c->v.big.base == 10) sb_puts(b, c->v.big.digits);
      else repr_bigint(b, c->v.big.digits, c->v.big.base);
      break;
    case CONST_FLOAT: repr_double(b, c->v.f, 1); break;
    case CONST_COMPLEX: repr_double(b, c->v.f, 0); sb_puts(b, "j"); break;
    case CONST_STR: repr_str(b, c->v.str.data, c->v.str.len, 0); break;
    case CONST_BYTES: repr_str(b, c->v.str.data, c->v.str.len, 1); break;
  }
}

/* ---- tree printer -------------------------------------------------------- */
#define POS(b, n)                                                                                   \
  do {                                                                                              \
    if ((b)->attrs)                                                                                 \
      sb_printf(b, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",                 \
                (b)->s[(b)->len - 1] == '(' ? "" : ", ", (n)->lineno, (n)->col_offset, (n)->end_lineno, \
                (n)->end_col_offset);                                                               \
  } while (0)

static void dump_expr(SB *b, const Expr *e);
static void dump_stmt(SB *b, const Stmt *s);

static const char *const binop_names[] = {"Add", "Sub", "Mult", "MatMult", "Div", "FloorDiv", "Mod",
                                          "Pow", "LShift", "RShift", "BitAnd", "BitOr", "BitXor"};
static const char *const unop_names[] = {"Invert", "Not", "UAdd", "USub"};
static const char *const cmp_names[] = {"Lt", "LtE", "Eq", "NotEq", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
static const char *const ctx_names[] = {"Load", "Store", "Del"};

static void field(SB *b, int *first, const char *name) {
  if (!*first) sb_puts(b, ", ");
  *first = 0;
  sb_puts(b, name);
  sb_puts(b, "=");
}

static void dump_exprs(SB *b, ExprSeq seq) {
  sb_puts(b, "[");
  for (int i = 0; i < seq.count; i++) {
    if (i) sb_puts(b, ", ");
    if (seq.items[i]) dump_expr(b, seq.items[i]);
    else sb_puts(b, "None");
  }
  sb_puts(b, "]");
}

static void dump_stmts(SB *b, StmtSeq seq) {
  sb_puts(b, "[");
  for (int i = 0; i < seq.count; i++) {
    if (i) sb_puts(b, ", ");
    dump_stmt(b, seq.items[i]);
  }
  sb_puts(b, "]");
}

static void dump_ident(SB *b, const char *s) { repr_str(b, s, strlen(s), 0); }

static void dump_arg(SB *b, const Arg *a) {
  sb_puts(b, "arg(arg=");
  dump_ident(b, a->arg);
  if (a->annotation) {
    sb_puts(b, ", annotation=");
    dump_expr(b, a->annotation);
  }
  POS(b, a);
  sb_puts(b, ")");
}

static void dump_args_seq(SB *b, ArgSeq seq) {
  sb_puts(b, "[");
  for (int i = 0; i < seq.count; i++) {
    if (i) sb_puts(b, ", ");
    dump_arg(b, seq.items[i]);
  }
  sb_puts(b, "]");
}

static void dump_arguments(SB *b, const Arguments *a) {
  sb_puts(b, "arguments(posonlyargs=");
  dump_args_seq(b, a->posonlyargs);
  sb_puts(b, ", args=");
  dump_args_seq(b, a->args);
  if (a->vararg) {
    sb_puts(b, ", vararg=");
    dump_arg(b, a->vararg);
  }
  sb_puts(b, ", kwonlyargs=");
  dump_args_seq(b, a->kwonlyargs);
  sb_puts(b, ", kw_defaults=");
  dump_exprs(b, a->kw_defaults);
  if (a->kwarg) {
    sb_puts(b, ", kwarg=");
    dump_arg(b, a->kwarg);
  }
  sb_puts(b, ", defaults=");
  dump_exprs(b, a->defaults);
  sb_puts(b, ")");
}

static void dump_keywords(SB *b, KeywordSeq seq) {
  sb_puts(b, "[");
  for (int i = 0; i < seq.count; i++) {
    const Keyword *k = seq.items[i];
    if (i) sb_puts(b, ", ");
    sb_puts(b, "keyword(");
    if (k->arg) {
      sb_puts(b, "arg=");
      dump_ident(b, k->arg);
      sb_puts(b, ", ");
    }
    sb_puts(b, "value=");
    dump_expr(b, k->value);
    POS(b, k);
    sb_puts(b, ")");
  }
  sb_puts(b, "]");
}

static void dump_comps(SB *b, ComprehensionSeq seq) {
  sb_puts(b, "[");
  for (int i = 0; i < seq.count; i++) {
    const Comprehension *c = seq.items[i];
    if (i) sb_puts(b, ", ");
    sb_puts(b, "comprehension(target=");
    dump_expr(b, c->target);
    sb_puts(b, ", iter=");
    dump_expr(b, c->iter);
    sb_puts(b, ", ifs=");
    dump_exprs(b, c->ifs);
    sb_printf(b, ", is_async=%d)", c->is_async);
  }
  sb_puts(b, "]");
}

static void dump_aliases(SB *b, AliasSeq seq) {
  sb_puts(b, "[");
  for (int i = 0; i < seq.count; i++) {
    const Alias *a = seq.items[i];
    if (i) sb_puts(b, ", ");
    sb_puts(b, "alias(name=");
    dump_ident(b, a->name);
    if (a->asname) {
      sb_puts(b, ", asname=");
      dump_ident(b, a->asname);
    }
    POS(b, a);
    sb_puts(b, ")");
  }
  sb_puts(b, "]");
}

static void dump_expr(SB *b, const Expr *e) {
  int first = 1;
  switch (e->kind) {
    case BoolOp_kind:
      sb_printf(b, "BoolOp(op=%s(), values=", e->v.BoolOp.op == And_op ? "And" : "Or");
      dump_exprs(b, e->v.BoolOp.values);
      break;
    case NamedExpr_kind:
      sb_puts(b, "NamedExpr(target=");
      dump_expr(b, e->v.NamedExpr.target);
      sb_puts(b, ", value=");
      dump_expr(b, e->v.NamedExpr.value);
      break;
    case BinOp_kind:
      sb_puts(b, "BinOp(left=");
      dump_expr(b, e->v.BinOp.left);
      sb_printf(b, ", op=%s(), right=", binop_names[e->v.BinOp.op]);
      dump_expr(b, e->v.BinOp.right);
      break;
    case UnaryOp_kind:
      sb_printf(b, "UnaryOp(op=%s(), operand=", unop_names[e->v.UnaryOp.op]);
      dump_expr(b, e->v.UnaryOp.operand);
      break;
    case Lambda_kind:
      sb_puts(b, "Lambda(args=");
      dump_arguments(b, e->v.Lambda.args);
      sb_puts(b, ", body=");
      dump_expr(b, e->v.Lambda.body);
      break;
    case IfExp_kind:
      sb_puts(b, "IfExp(test=");
      dump_expr(b, e->v.IfExp.test);
      sb_puts(b, ", body=");
      dump_expr(b, e->v.IfExp.body);
      sb_puts(b, ", orelse=");
      dump_expr(b, e->v.IfExp.orelse);
      break;
    case Dict_kind:
      sb_puts(b, "Dict(keys=");
      dump_exprs(b, e->v.Dict.keys);
      sb_puts(b, ", values=");
      dump_exprs(b, e->v.Dict.values);
      break;
    case Set_kind:
      sb_puts(b, "Set(elts=");
      dump_exprs(b, e->v.Set.elts);
      break;
    case ListComp_kind:
    case SetComp_kind:
    case GeneratorExp_kind:
      sb_puts(b, e->kind == ListComp_kind ? "ListComp(elt=" : e->kind == SetComp_kind ? "SetComp(elt=" : "GeneratorExp(elt=");
      dump_expr(b, e->v.ListComp.elt);
      sb_puts(b, ", generators=");
      dump_comps(b, e->v.ListComp.generators);
      break;
    case DictComp_kind:
      sb_puts(b, "DictComp(key=");
      dump_expr(b, e->v.DictComp.key);
      sb_puts(b, ", value=");
      dump_expr(b, e->v.DictComp.value);
      sb_puts(b, ", generators=");
      dump_comps(b, e->v.DictComp.generators);
      break;
    case Await_kind:
      sb_puts(b, "Await(value=");
      dump_expr(b, e->v.Await.value);
      break;
    case Yield_kind:
      sb_puts(b, "Yield(");
      if (e->v.Yield.value) {
        sb_puts(b, "value=");
        dump_expr(b, e->v.Yield.value);
      }
      break;
    case YieldFrom_kind:
      sb_puts(b, "YieldFrom(value=");
      dump_expr(b, e->v.YieldFrom.value);
      break;
    case Compare_kind:
      sb_puts(b, "Compare(left=");
      dump_expr(b, e->v.Compare.left);
      sb_puts(b, ", ops=[");
      for (int i = 0; i < e->v.Compare.count; i++) sb_printf(b, "%s%s()", i ? ", " : "", cmp_names[e->v.Compare.ops[i]]);
      sb_puts(b, "], comparators=");
      dump_exprs(b, (ExprSeq){e->v.Compare.count, e->v.Compare.comparators});
      break;
    case Call_kind:
      sb_puts(b, "Call(func=");
      dump_expr(b, e->v.Call.func);
      sb_puts(b, ", args=");
      dump_exprs(b, e->v.Call.args);
      sb_puts(b, ", keywords=");
      dump_keywords(b, e->v.Call.keywords);
      break;
    case FormattedValue_kind:
      sb_puts(b, "FormattedValue(value=");
      dump_expr(b, e->v.FormattedValue.value);
      sb_printf(b, ", conversion=%d", e->v.FormattedValue.conversion);
      if (e->v.FormattedValue.format_spec) {
        sb_puts(b, ", format_spec=");
        dump_expr(b, e->v.FormattedValue.format_spec);
      }
      break;
    case JoinedStr_kind:
      sb_puts(b, "JoinedStr(values=");
      dump_exprs(b, e->v.JoinedStr.values);
      break;
    case Constant_kind:
      sb_puts(b, "Constant(value=");
      dump_const(b, &e->v.Constant);
      if (e->v.Constant.u_prefix) sb_puts(b, ", kind='u'");
      break;
    case Attribute_kind:
      sb_puts(b, "Attribute(value=");
      dump_expr(b, e->v.Attribute.value);
      sb_puts(b, ", attr=");
      dump_ident(b, e->v.Attribute.attr);
      sb_printf(b, ", ctx=%s()", ctx_names[e->v.Attribute.ctx]);
      break;
    case Subscript_kind:
      sb_puts(b, "Subscript(value=");
      dump_expr(b, e->v.Subscript.value);
      sb_puts(b, ", slice=");
      dump_expr(b, e->v.Subscript.slice);
      sb_printf(b, ", ctx=%s()", ctx_names[e->v.Subscript.ctx]);
      break;
    case Starred_kind:
      sb_puts(b, "Starred(value=");
      dump_expr(b, e->v.Starred.value);
      sb_printf(b, ", ctx=%s()", ctx_names[e->v.Starred.ctx]);
      break;
    case Name_kind:
      sb_puts(b, "Name(id=");
      dump_ident(b, e->v.Name.id);
      sb_printf(b, ", ctx=%s()", ctx_names[e->v.Name.ctx]);
      break;
    case List_kind:
    case Tuple_kind:
      sb_puts(b, e->kind == List_kind ? "List(elts=" : "Tuple(elts=");
      dump_exprs(b, e->kind == List_kind ? e->v.List.elts : e->v.Tuple.elts);
      sb_printf(b, ", ctx=%s()", ctx_names[e->kind == List_kind ? e->v.List.ctx : e->v.Tuple.ctx]);
      break;
    case Slice_kind:
      sb_puts(b, "Slice(");
      if (e->v.Slice.lower) { field(b, &first, "lower"); dump_expr(b, e->v.Slice.lower); }
      if (e->v.Slice.upper) { field(b, &first, "upper"); dump_expr(b, e->v.Slice.upper); }
      if (e->v.Slice.step) { field(b, &first, "step"); dump_expr(b, e->v.Slice.step); }
      break;
    default:
      sb_printf(b, "?%d(", (int)e->kind);
      break;
  }
  POS(b, e);
  sb_puts(b, ")");
}

static void dump_pattern(SB *b, const Pattern *pt);

static void dump_patterns(SB *b, PatternSeq seq) {
  sb_puts(b, "[");
  for (int i = 0; i < seq.count; i++) {
    if (i) sb_puts(b, ", ");
    dump_pattern(b, seq.items[i]);
  }
  sb_puts(b, "]");
}

static void dump_pattern(SB *b, const Pattern *pt) {
  switch (pt->kind) {
    case MatchValue_kind:
      sb_puts(b, "MatchValue(value=");
      dump_expr(b, pt->v.MatchValue.value);
      break;
    case MatchSingleton_kind:
      sb_puts(b, "MatchSingleton(value=");
      dump_const(b, &pt->v.MatchSingleton.value);
      break;
    case MatchSequence_kind:
      sb_puts(b, "MatchSequence(patterns=");
      dump_patterns(b, pt->v.MatchSequence.patterns);
      break;
    case MatchMapping_kind:
      sb_puts(b, "MatchMapping(keys=");
      dump_exprs(b, pt->v.MatchMapping.keys);
      sb_puts(b, ", patterns=");
      dump_patterns(b, pt->v.MatchMapping.patterns);
      if (pt->v.MatchMapping.rest) {
        sb_puts(b, ", rest=");
        dump_ident(b, pt->v.MatchMapping.rest);
      }
      break;
    case MatchClass_kind:
      sb_puts(b, "MatchClass(cls=");
      dump_expr(b, pt->v.MatchClass.cls);
      sb_puts(b, ", patterns=");
      dump_patterns(b, pt->v.MatchClass.patterns);
      sb_puts(b, ", kwd_attrs=[");
      for (int i = 0; i < pt->v.MatchClass.kwd_attrs.count; i++) {
        if (i) sb_puts(b, ", ");
        dump_ident(b, pt->v.MatchClass.kwd_attrs.items[i]);
      }
      sb_puts(b, "], kwd_patterns=");
      dump_patterns(b, pt->v.MatchClass.kwd_patterns);
      break;
    case MatchStar_kind:
      sb_puts(b, "MatchStar(");
      if (pt->v.MatchStar.name) {
        sb_puts(b, "name=");
        dump_ident(b, pt->v.MatchStar.name);
      }
      break;
    case MatchAs_kind: {
      int first = 1;
      sb_puts(b, "MatchAs(");
      if (pt->v.MatchAs.pattern) { field(b, &first, "pattern"); dump_pattern(b, pt->v.MatchAs.pattern); }
      if (pt->v.MatchAs.name) { field(b, &first, "name"); dump_ident(b, pt->v.MatchAs.name); }
      break;
    }
    case MatchOr_kind:
      sb_puts(b, "MatchOr(patterns=");
      dump_patterns(b, pt->v.MatchOr.patterns);
      break;
  }
  POS(b, pt);
  sb_puts(b, ")");
}

static void dump_withitems(SB *b, WithItemSeq seq) {
  sb_puts(b, "[");
  for (int i = 0; i < seq.count; i++) {
    const WithItem *w = seq.items[i];
    if (i) sb_puts(b, ", ");
    sb_puts(b, "withitem(context_expr=");
    dump_expr(b, w->context_expr);
    if (w->optional_vars) {
      sb_puts(b, ", optional_vars=");
      dump_expr(b, w->optional_vars);
    }
    sb_puts(b, ")");
  }
  sb_puts(b, "]");
}

static void dump_handlers(SB *b, ExceptHandlerSeq seq) {
  sb_puts(b, "[");
  for (int i = 0; i < seq.count; i++) {
    const ExceptHandler *h = seq.items[i];
    if (i) sb_puts(b, ", ");
    sb_puts(b, "ExceptHandler(");
    if (h->type) {
      sb_puts(b, "type=");
      dump_expr(b, h->type);
      sb_puts(b, ", ");
    }
    if (h->name) {
      sb_puts(b, "name=");
      dump_ident(b, h->name);
      sb_puts(b, ", ");
    }
    sb_puts(b, "body=");
    dump_stmts(b, h->body);
    POS(b, h);
    sb_puts(b, ")");
  }
  sb_puts(b, "]");
}

static void dump_stmt(SB *b, const Stmt *s) {
  switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind:
      sb_puts(b, s->kind == FunctionDef_kind ? "FunctionDef(name=" : "AsyncFunctionDef(name=");
      dump_ident(b, s->v.FunctionDef.name);
      sb_puts(b, ", args=");
      dump_arguments(b, s->v.FunctionDef.args);
      sb_puts(b, ", body=");
      dump_stmts(b, s->v.FunctionDef.body);
      sb_puts(b, ", decorator_list=");
      dump_exprs(b, s->v.FunctionDef.decorator_list);
      if (s->v.FunctionDef.returns) {
        sb_puts(b, ", returns=");
        dump_expr(b, s->v.FunctionDef.returns);
      }
      break;
    case ClassDef_kind:
      sb_puts(b, "ClassDef(name=");
      dump_ident(b, s->v.ClassDef.name);
      sb_puts(b, ", bases=");
      dump_exprs(b, s->v.ClassDef.bases);
      sb_puts(b, ", keywords=");
      dump_keywords(b, s->v.ClassDef.keywords);
      sb_puts(b, ", body=");
      dump_stmts(b, s->v.ClassDef.body);
      sb_puts(b, ", decorator_list=");
      dump_exprs(b, s->v.ClassDef.decorator_list);
      break;
    case Return_kind:
      sb_puts(b, "Return(");
      if (s->v.Return.value) {
        sb_puts(b, "value=");
        dump_expr(b, s->v.Return.value);
      }
      break;
    case Delete_kind:
      sb_puts(b, "Delete(targets=");
      dump_exprs(b, s->v.Delete.targets);
      break;
    case Assign_kind:
      sb_puts(b, "Assign(targets=");
      dump_exprs(b, s->v.Assign.targets);
      sb_puts(b, ", value=");
      dump_expr(b, s->v.Assign.value);
      break;
    case AugAssign_kind:
      sb_puts(b, "AugAssign(target=");
      dump_expr(b, s->v.AugAssign.target);
      sb_printf(b, ", op=%s(), value=", binop_names[s->v.AugAssign.op]);
      dump_expr(b, s->v.AugAssign.value);
      break;
    case AnnAssign_kind:
      sb_puts(b, "AnnAssign(target=");
      dump_expr(b, s->v.AnnAssign.target);
      sb_puts(b, ", annotation=");
      dump_expr(b, s->v.AnnAssign.annotation);
      if (s->v.AnnAssign.value) {
        sb_puts(b, ", value=");
        dump_expr(b, s->v.AnnAssign.value);
      }
      sb_printf(b, ", simple=%d", s->v.AnnAssign.simple);
      break;
    case For_kind:
    case AsyncFor_kind:
      sb_puts(b, s->kind == For_kind ? "For(target=" : "AsyncFor(target=");
      dump_expr(b, s->v.For.target);
      sb_puts(b, ", iter=");
      dump_expr(b, s->v.For.iter);
      sb_puts(b, ", body=");
      dump_stmts(b, s->v.For.body);
      sb_puts(b, ", orelse=");
      dump_stmts(b, s->v.For.orelse);
      break;
    case While_kind:
    case If_kind:
      sb_puts(b, s->kind == While_kind ? "While(test=" : "If(test=");
      dump_expr(b, s->v.If.test);
      sb_puts(b, ", body=");
      dump_stmts(b, s->kind == While_kind ? s->v.While.body : s->v.If.body);
      sb_puts(b, ", orelse=");
      dump_stmts(b, s->kind == While_kind ? s->v.While.orelse : s->v.If.orelse);
      break;
    case With_kind:
    case AsyncWith_kind:
      sb_puts(b, s->kind == With_kind ? "With(items=" : "AsyncWith(items=");
      dump_withitems(b, s->v.With.items);
      sb_puts(b, ", body=");
      dump_stmts(b, s->v.With.body);
      break;
    case Match_kind:
      sb_puts(b, "Match(subject=");
      dump_expr(b, s->v.Match.subject);
      sb_puts(b, ", cases=[");
      for (int i = 0; i < s->v.Match.cases.count; i++) {
        const MatchCase *mc = s->v.Match.cases.items[i];
        if (i) sb_puts(b, ", ");
        sb_puts(b, "match_case(pattern=");
        dump_pattern(b, mc->pattern);
        if (mc->guard) {
          sb_puts(b, ", guard=");
          dump_expr(b, mc->guard);
        }
        sb_puts(b, ", body=");
        dump_stmts(b, mc->body);
        sb_puts(b, ")");
      }
      sb_puts(b, "]");
      break;
    case Raise_kind: {
      int first = 1;
      sb_puts(b, "Raise(");
      if (s->v.Raise.exc) { field(b, &first, "exc"); dump_expr(b, s->v.Raise.exc); }
      if (s->v.Raise.cause) { field(b, &first, "cause"); dump_expr(b, s->v.Raise.cause); }
      break;
    }
    case Try_kind:
    case TryStar_kind:
      sb_puts(b, s->kind == Try_kind ? "Try(body=" : "TryStar(body=");
      dump_stmts(b, s->v.Try.body);
      sb_puts(b, ", handlers=");
      dump_handlers(b, s->v.Try.handlers);
      sb_puts(b, ", orelse=");
      dump_stmts(b, s->v.Try.orelse);
      sb_puts(b, ", finalbody=");
      dump_stmts(b, s->v.Try.finalbody);
      break;
    case Assert_kind:
      sb_puts(b, "Assert(test=");
      dump_expr(b, s->v.Assert.test);
      if (s->v.Assert.msg) {
        sb_puts(b, ", msg=");
        dump_expr(b, s->v.Assert.msg);
      }
      break;
    case Import_kind:
      sb_puts(b, "Import(names=");
      dump_aliases(b, s->v.Import.names);
      break;
    case ImportFrom_kind:
      sb_puts(b, "ImportFrom(");
      if (s->v.ImportFrom.module) {
        sb_puts(b, "module=");
        dump_ident(b, s->v.ImportFrom.module);
        sb_puts(b, ", ");
      }
      sb_puts(b, "names=");
      dump_aliases(b, s->v.ImportFrom.names);
      sb_printf(b, ", level=%d", s->v.ImportFrom.level);
      break;
    case Global_kind:
    case Nonlocal_kind:
      sb_puts(b, s->kind == Global_kind ? "Global(names=[" : "Nonlocal(names=[");
      for (int i = 0; i < s->v.Global.names.count; i++) {
        if (i) sb_puts(b, ", ");
        dump_ident(b, s->v.Global.names.items[i]);
      }
      sb_puts(b, "]");
      break;
    case Expr_kind:
      sb_puts(b, "Expr(value=");
      dump_expr(b, s->v.Expr.value);
      break;
    case Pass_kind: sb_puts(b, "Pass("); break;
    case Break_kind: sb_puts(b, "Break("); break;
    case Continue_kind: sb_puts(b, "Continue("); break;
  }
  POS(b, s);
  sb_puts(b, ")");
}

char *ast_dump(const Module *m) { return ast_dump_ex(m, 0); }

char *ast_dump_ex(const Module *m, int include_attributes) {
  SB b = {0};
  b.attrs = include_attributes;
  if (m->mode == PARSE_EVAL) {
    sb_puts(&b, "Expression(body=");
    dump_expr(&b, m->expr);
    sb_puts(&b, ")");
  } else {
    sb_puts(&b, m->mode == PARSE_SINGLE ? "Interactive(body=" : "Module(body=");
    dump_stmts(&b, m->body);
    sb_puts(&b, m->mode == PARSE_SINGLE ? ")" : ", type_ignores=[])");
  }
  return b.s;
}

char *ast_dump_expr(const Expr *e) {
  SB b = {0};
  dump_expr(&b, e);
  return b.s;
}
