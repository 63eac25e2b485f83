/* parser.y — Python 3.11 grammar (bison, LALR(1), pure) building the AST.
 *
 * Owns: the statement and expression grammar, target validation (Store and
 * Del contexts with CPython's messages), argument-list checks, syntax error
 * messages, the f-string field sub-parser and parse_source().  String
 * literals themselves are assembled in strlit.c.
 *
 * Where Python's grammar is not LALR(1) the rules accept a superset and a
 * C action checks the rest: assignment targets are parsed as expressions
 * and converted by set_context(); parameters are parsed as a flat list and
 * checked by make_arguments(); "with (a as b, c as d):" is parsed through a
 * private WithAs node allowed only inside parentheses.
 *
 * A node's location is its rule's location, except a parenthesized
 * non-tuple expression keeps the location of its content (as CPython).
 */
%define api.pure full
%define parse.error custom
%locations
%param {Parser *p}

%code requires {
#include "grammar/ast.h"
#include "grammar/parse.h"
typedef struct Parser Parser;
struct StrTok;
typedef struct PList PList;
typedef struct ParamItem ParamItem;
typedef struct CallArg CallArg;
}

%union {
  const char *id;
  Expr *expr;
  Stmt *stmt;
  struct StrTok *str;
  int op;
  PList *list;
  Arguments *args;
  Comprehension *comp;
  WithItem *witem;
  Alias *alias;
  ParamItem *param;
  CallArg *carg;
  Pattern *pat;
  MatchCase *mcase;
  void *ptr;
}

%code {
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "grammar/lexer.h"

enum { PARAM_PLAIN, PARAM_STAR, PARAM_DSTAR, PARAM_SLASH };
struct ParamItem { int kind; Arg *arg; Expr *def; YYLTYPE loc; };
enum { CARG_POS, CARG_STAR, CARG_KW, CARG_DSTAR, CARG_GEN };
struct CallArg { int kind; Expr *value; const char *name; YYLTYPE loc; };

/* Bounds the parser stack (and so the depth of the tree, e.g. "- - - 1"
 * chains) so that the recursive passes over the tree stay well inside a
 * thread's C stack.  Beyond it: "too many nested parentheses". */
#define YYMAXDEPTH 5000

/* Private expression kind for "expr as target" inside parentheses. */
#define WithAs_kind ((ExprKind)100)

static int yylex(YYSTYPE *val, YYLTYPE *loc, Parser *p) {
  int t = lexer_next(p, val, loc);
  /* Start of the current run of adjacent strings or dotted name, for the
   * "forgot a comma" range. */
  p->prev_atom_loc = p->atom_loc;
  if (!((t == STRING && p->last_tok == STRING) || (t == NAME && p->last_tok == '.') ||
        (t == '.' && (p->last_tok == NAME || p->last_tok == ')' || p->last_tok == ']'))))
    p->atom_loc = *loc;
  if (p->last_tok == KW_EXCEPT || (p->last_tok == '*' && p->prev_tok == KW_EXCEPT)) p->after_except_loc = *loc;
  /* Inside a lambda's parameters (between "lambda" and its ':'). */
  if (t == KW_LAMBDA) p->lambda_depth = p->lx.depth + 1;
  else if (t == ':' && p->lambda_depth == p->lx.depth + 1) p->lambda_depth = 0;
  p->prev2_tok = p->prev_tok;
  p->prev_tok = p->last_tok;
  p->prev_loc = p->last_loc;
  p->last_tok = t;
  p->last_loc = *loc;
  return t;
}
static void yyerror(YYLTYPE *loc, Parser *p, const char *msg);

static PList *concat(Parser *p, PList *a, PList *b) {
  if (!a) return b;
  if (b) for (int i = 0; i < b->n; i++) push(p, a, b->items[i]);
  return a;
}

/* Arg, Keyword, Alias and ExceptHandler share the AST_POSITION fields. */
#define set_pos(node, loc)                       \
  do {                                           \
    (node)->lineno = (loc)->first_line;          \
    (node)->col_offset = (loc)->first_column;    \
    (node)->end_lineno = (loc)->last_line;       \
    (node)->end_col_offset = (loc)->last_column; \
  } while (0)

Expr *parser_new_expr(Parser *p, ExprKind kind, const YYLTYPE *loc) {
  Expr *e = ast_alloc(p->arena, sizeof *e);
  e->kind = kind;
  e->lineno = loc->first_line;
  e->col_offset = loc->first_column;
  e->end_lineno = loc->last_line;
  e->end_col_offset = loc->last_column;
  return e;
}
#define mk_expr parser_new_expr
static Stmt *mk_stmt(Parser *p, StmtKind kind, const YYLTYPE *loc) {
  Stmt *s = ast_alloc(p->arena, sizeof *s);
  s->kind = kind;
  s->lineno = loc->first_line;
  s->col_offset = loc->first_column;
  s->end_lineno = loc->last_line;
  s->end_col_offset = loc->last_column;
  return s;
}
static Expr *mk_name(Parser *p, const char *id, ExprContext ctx, const YYLTYPE *loc) {
  Expr *e = mk_expr(p, Name_kind, loc);
  e->v.Name.id = id;
  e->v.Name.ctx = ctx;
  return e;
}
static Expr *mk_binop(Parser *p, Expr *l, OperatorKind op, Expr *r, const YYLTYPE *loc) {
  Expr *e = mk_expr(p, BinOp_kind, loc);
  e->v.BinOp.left = l;
  e->v.BinOp.op = op;
  e->v.BinOp.right = r;
  return e;
}
static Expr *mk_unary(Parser *p, UnaryOpKind op, Expr *x, const YYLTYPE *loc) {
  Expr *e = mk_expr(p, UnaryOp_kind, loc);
  e->v.UnaryOp.op = op;
  e->v.UnaryOp.operand = x;
  return e;
}
static Expr *mk_const(Parser *p, ConstKind k, const YYLTYPE *loc) {
  Expr *e = mk_expr(p, Constant_kind, loc);
  e->v.Constant.kind = k;
  return e;
}
static Expr *mk_tuple(Parser *p, PList *elts, ExprContext ctx, const YYLTYPE *loc) {
  Expr *e = mk_expr(p, Tuple_kind, loc);
  e->v.Tuple.elts = SEQ(ExprSeq, elts);
  e->v.Tuple.ctx = ctx;
  return e;
}
/* A comma-separated list: a tuple if there was a comma, else the item. */
static Expr *list_or_tuple(Parser *p, PList *l, int comma, const YYLTYPE *loc) {
  if (l->n == 1 && !comma) return l->items[0];
  return mk_tuple(p, l, Load_ctx, loc);
}
static Expr *relocate(Expr *e, const YYLTYPE *loc) {
  e->lineno = loc->first_line;
  e->col_offset = loc->first_column;
  e->end_lineno = loc->last_line;
  e->end_col_offset = loc->last_column;
  return e;
}
static Expr *starred(Parser *p, Expr *x, const YYLTYPE *loc) {
  Expr *e = mk_expr(p, Starred_kind, loc);
  e->v.Starred.value = x;
  e->v.Starred.ctx = Load_ctx;
  return e;
}
static Expr *mk_bool(Parser *p, BoolOpKind op, Expr *l, Expr *r, const YYLTYPE *loc, int extend) {
  if (extend) {
    PList tmp = {l->v.BoolOp.values.count, l->v.BoolOp.values.count, (void **)l->v.BoolOp.values.items};
    PList *nl = plist(p);
    concat(p, nl, &tmp);
    push(p, nl, r);
    l->v.BoolOp.values = SEQ(ExprSeq, nl);
    return relocate(l, loc);
  }
  Expr *e = mk_expr(p, BoolOp_kind, loc);
  e->v.BoolOp.op = op;
  PList *nl = list1(p, l);
  push(p, nl, r);
  e->v.BoolOp.values = SEQ(ExprSeq, nl);
  return e;
}
static Expr *mk_compare(Parser *p, Expr *l, int op, Expr *r, const YYLTYPE *loc, int extend) {
  Expr *e = l;
  if (!extend) {
    e = mk_expr(p, Compare_kind, loc);
    e->v.Compare.left = l;
  }
  int n = e->v.Compare.count;
  CmpOpKind *ops = ast_alloc(p->arena, sizeof(CmpOpKind) * (size_t)(n + 1));
  Expr **cmp = ast_alloc(p->arena, sizeof(Expr *) * (size_t)(n + 1));
  if (n) {
    memcpy(ops, e->v.Compare.ops, sizeof(CmpOpKind) * (size_t)n);
    memcpy(cmp, e->v.Compare.comparators, sizeof(Expr *) * (size_t)n);
  }
  ops[n] = (CmpOpKind)op;
  cmp[n] = r;
  e->v.Compare.ops = ops;
  e->v.Compare.comparators = cmp;
  e->v.Compare.count = n + 1;
  return relocate(e, loc);
}

/* ---- errors ---- */
static int err_at(Parser *p, const YYLTYPE *loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int err_at(Parser *p, const YYLTYPE *loc, const char *fmt, ...) {
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  parser_error(p, PERR_SYNTAX, loc->first_line, loc->first_column, loc->last_line, loc->last_column, "%s", msg);
  return -1;
}
static int err_node(Parser *p, const Expr *e, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int err_node(Parser *p, const Expr *e, const char *fmt, ...) {
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  parser_error(p, PERR_SYNTAX, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, "%s", msg);
  return -1;
}

/* CPython's _PyPegen_get_expr_name. */
static const char *expr_name(const Expr *e) {
  switch ((int)e->kind) {
    case Attribute_kind: return "attribute";
    case Subscript_kind: return "subscript";
    case Starred_kind: return "starred";
    case Name_kind: return "name";
    case List_kind: return "list";
    case Tuple_kind: return "tuple";
    case Lambda_kind: return "lambda";
    case Call_kind: return "function call";
    case BoolOp_kind: case BinOp_kind: case UnaryOp_kind: return "expression";
    case GeneratorExp_kind: return "generator expression";
    case Yield_kind: case YieldFrom_kind: return "yield expression";
    case Await_kind: return "await expression";
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    case Dict_kind: return "dict literal";
    case Set_kind: return "set display";
    case JoinedStr_kind: case FormattedValue_kind: return "f-string expression";
    case Constant_kind:
      switch (e->v.Constant.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
      }
    case Compare_kind: return "comparison";
    case IfExp_kind: return "conditional expression";
    case NamedExpr_kind: return "named expression";
    default: return "expression";
  }
}

/* Turns a parsed expression into an assignment (Store) or del (Del)
 * target.  top: the direct target of "=", which gets CPython's
 * "Maybe you meant '=='" hint. */
static int set_context(Parser *p, Expr *e, ExprContext ctx, int top) {
  switch ((int)e->kind) {
    case Name_kind:
      if (ctx == Store_ctx && strcmp(e->v.Name.id, "__debug__") == 0)
        return err_node(p, e, "cannot assign to __debug__");
      e->v.Name.ctx = ctx;
      return 0;
    case Attribute_kind: e->v.Attribute.ctx = ctx; return 0;
    case Subscript_kind: e->v.Subscript.ctx = ctx; return 0;
    case Starred_kind:
      if (ctx == Del_ctx) return err_node(p, e, "cannot delete starred");
      e->v.Starred.ctx = ctx;
      return set_context(p, e->v.Starred.value, ctx, 0);
    case List_kind:
    case Tuple_kind: {
      ExprSeq *elts = e->kind == List_kind ? &e->v.List.elts : &e->v.Tuple.elts;
      int stars = 0;
      for (int i = 0; i < elts->count; i++) {
        if (elts->items[i]->kind == Starred_kind) stars++;
        if (set_context(p, elts->items[i], ctx, 0) < 0) return -1;
      }
      if (stars > 1 && ctx == Store_ctx) return err_node(p, e, "multiple starred expressions in assignment");
      if (e->kind == List_kind) e->v.List.ctx = ctx;
      else e->v.Tuple.ctx = ctx;
      return 0;
    }
    default:
      if (ctx == Del_ctx) return err_node(p, e, "cannot delete %s", expr_name(e));
      if (top)
        return err_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(e));
      if (e->kind == UnaryOp_kind && e->v.UnaryOp.op == Not_op) return err_node(p, e, "cannot assign to expression");
      return err_node(p, e, "cannot assign to %s", expr_name(e));
  }
}

static int withas_pending(Parser *p);
/* CPython hints "Maybe you meant '=='" only for "target = value" with a
 * single '=' and a target at the level of an operator expression. */
static int wants_eq_hint(const Expr *t, int chain_len) {
  if (chain_len != 2) return 0;
  switch ((int)t->kind) {
    case List_kind: case Tuple_kind: case GeneratorExp_kind: case Compare_kind: case BoolOp_kind:
    case IfExp_kind: case Lambda_kind: case NamedExpr_kind:
      return 0;
    case UnaryOp_kind: return t->v.UnaryOp.op != Not_op;
    case Constant_kind: return t->v.Constant.kind != CONST_NONE && t->v.Constant.kind != CONST_TRUE &&
                               t->v.Constant.kind != CONST_FALSE;
    default: return 1;
  }
}

static Stmt *mk_assign(Parser *p, PList *chain, const YYLTYPE *loc) {
  /* chain: target, target, ..., value */
  Stmt *s = mk_stmt(p, Assign_kind, loc);
  int n = chain->n;
  for (int i = 0; i < n - 1; i++) {
    Expr *t = chain->items[i];
    if (i > 0 && (t->kind == Yield_kind || t->kind == YieldFrom_kind)) {
      err_node(p, t, "assignment to yield expression not possible");
      return NULL;
    }
    if (set_context(p, t, Store_ctx, i == 0 && wants_eq_hint(t, n)) < 0) return NULL;
  }
  PList *targets = plist(p);
  for (int i = 0; i < n - 1; i++) push(p, targets, chain->items[i]);
  s->v.Assign.targets = SEQ(ExprSeq, targets);
  s->v.Assign.value = chain->items[n - 1];
  return s;
}

static Stmt *mk_augassign(Parser *p, Expr *t, int op, Expr *v, const YYLTYPE *loc) {
  if (t->kind != Name_kind && t->kind != Attribute_kind && t->kind != Subscript_kind) {
    err_node(p, t, "'%s' is an illegal expression for augmented assignment", expr_name(t));
    return NULL;
  }
  if (set_context(p, t, Store_ctx, 0) < 0) return NULL;
  Stmt *s = mk_stmt(p, AugAssign_kind, loc);
  s->v.AugAssign.target = t;
  s->v.AugAssign.op = (OperatorKind)op;
  s->v.AugAssign.value = v;
  return s;
}

static Stmt *mk_annassign(Parser *p, Expr *t, const YYLTYPE *tloc, Expr *ann, Expr *v, const YYLTYPE *loc) {
  if (t->kind == Tuple_kind) { err_node(p, t, "only single target (not tuple) can be annotated"); return NULL; }
  if (t->kind == List_kind) { err_node(p, t, "only single target (not list) can be annotated"); return NULL; }
  if (t->kind != Name_kind && t->kind != Attribute_kind && t->kind != Subscript_kind) {
    err_node(p, t, "illegal target for annotation");
    return NULL;
  }
  if (set_context(p, t, Store_ctx, 0) < 0) return NULL;
  Stmt *s = mk_stmt(p, AnnAssign_kind, loc);
  s->v.AnnAssign.target = t;
  s->v.AnnAssign.annotation = ann;
  s->v.AnnAssign.value = v;
  /* Parenthesized names are not "simple": the rule's location then starts
   * before the node's own. */
  s->v.AnnAssign.simple = t->kind == Name_kind && tloc->first_column == t->col_offset && tloc->first_line == t->lineno;
  return s;
}

static Expr *mk_walrus(Parser *p, Expr *t, Expr *v, const YYLTYPE *loc) {
  if (t->kind != Name_kind) {
    err_node(p, t, "cannot use assignment expressions with %s", expr_name(t));
    return NULL;
  }
  t->v.Name.ctx = Store_ctx;
  Expr *e = mk_expr(p, NamedExpr_kind, loc);
  e->v.NamedExpr.target = t;
  e->v.NamedExpr.value = v;
  return e;
}

static Expr *mk_comp(Parser *p, ExprKind kind, Expr *elt, Expr *val, PList *gens, const YYLTYPE *loc) {
  Expr *e = mk_expr(p, kind, loc);
  if (kind == DictComp_kind) {
    e->v.DictComp.key = elt;
    e->v.DictComp.value = val;
    e->v.DictComp.generators = SEQ(ComprehensionSeq, gens);
  } else {
    e->v.ListComp.elt = elt;
    e->v.ListComp.generators = SEQ(ComprehensionSeq, gens);
  }
  return e;
}

static Comprehension *mk_compfor(Parser *p, Expr *target, Expr *iter, int is_async) {
  if (set_context(p, target, Store_ctx, 0) < 0) return NULL;
  Comprehension *c = ast_alloc(p->arena, sizeof *c);
  c->target = target;
  c->iter = iter;
  c->is_async = is_async;
  return c;
}

/* Builds Call arguments, checking their order as CPython does. */
static Expr *mk_call(Parser *p, Expr *func, PList *args, const YYLTYPE *loc) {
  Expr *e = mk_expr(p, Call_kind, loc);
  e->v.Call.func = func;
  PList *pos = NULL, *kws = NULL;
  int seen_kw = 0, seen_dstar = 0;
  int n = args ? args->n : 0;
  for (int i = 0; i < n; i++) {
    CallArg *a = args->items[i];
    switch (a->kind) {
      case CARG_GEN:
        if (n > 1) { err_at(p, &a->loc, "Generator expression must be parenthesized"); return NULL; }
        /* fall through */
      case CARG_POS:
        /* CPython reports these at the last token read (the ')'). */
        if (seen_dstar) { err_at(p, &p->last_loc, "positional argument follows keyword argument unpacking"); return NULL; }
        if (seen_kw) { err_at(p, &p->last_loc, "positional argument follows keyword argument"); return NULL; }
        pos = push(p, pos, a->value);
        break;
      case CARG_STAR:
        if (seen_dstar) {
          YYLTYPE l = {a->loc.first_line, a->loc.first_column, a->loc.first_line, a->loc.first_column + 1};
          err_at(p, &l, "iterable argument unpacking follows keyword argument unpacking");
          return NULL;
        }
        pos = push(p, pos, a->value);
        break;
      case CARG_KW:
      case CARG_DSTAR: {
        if (a->kind == CARG_KW) {
          seen_kw = 1;
          for (int j = 0; kws && j < kws->n; j++) {
            Keyword *o = kws->items[j];
            if (o->arg && strcmp(o->arg, a->name) == 0) {
              err_at(p, &a->loc, "keyword argument repeated: %s", a->name);
              return NULL;
            }
          }
        } else {
          seen_dstar = 1;
        }
        Keyword *k = ast_alloc(p->arena, sizeof *k);
        k->arg = a->name;
        k->value = a->value;
        set_pos(k, &a->loc);
        kws = push(p, kws, k);
        break;
      }
    }
  }
  e->v.Call.args = SEQ(ExprSeq, pos);
  e->v.Call.keywords = SEQ(KeywordSeq, kws);
  return e;
}

static CallArg *call_arg(Parser *p, int kind, Expr *v, const char *name, const YYLTYPE *loc) {
  CallArg *a = ast_alloc(p->arena, sizeof *a);
  a->kind = kind;
  a->value = v;
  a->name = name;
  a->loc = *loc;
  return a;
}

static ParamItem *param(Parser *p, int kind, const char *name, Expr *ann, Expr *def, const YYLTYPE *loc,
                        const YYLTYPE *nameloc) {
  ParamItem *it = ast_alloc(p->arena, sizeof *it);
  it->kind = kind;
  it->loc = *loc;
  it->def = def;
  if (name) {
    it->arg = ast_alloc(p->arena, sizeof(Arg));
    it->arg->arg = name;
    it->arg->annotation = ann;
    set_pos(it->arg, nameloc);
    if (ann) {
      it->arg->end_lineno = ann->end_lineno;
      it->arg->end_col_offset = ann->end_col_offset;
    }
  }
  return it;
}

static int dup_arg(Parser *p, PList *seen, Arg *a) {
  for (int i = 0; i < seen->n; i++) {
    if (strcmp(((Arg *)seen->items[i])->arg, a->arg) == 0) {
      parser_error(p, PERR_SYNTAX, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset,
                   "duplicate argument '%s' in function definition", a->arg);
      return 1;
    }
  }
  push(p, seen, a);
  return 0;
}

/* Checks a flat parameter list and sorts it into an Arguments record. */
static Arguments *make_arguments(Parser *p, PList *items) {
  Arguments *a = ast_alloc(p->arena, sizeof *a);
  PList *pos = plist(p), *posonly = NULL, *kwonly = NULL, *defaults = NULL, *kwdefs = NULL;
  PList *seen = plist(p);
  int star = 0, slash = 0, dstar = 0;
  int n = items ? items->n : 0;
  for (int i = 0; i < n; i++) {
    ParamItem *it = items->items[i];
    if (dstar) { err_at(p, &it->loc, "arguments cannot follow var-keyword argument"); return NULL; }
    switch (it->kind) {
      case PARAM_SLASH:
        if (slash) { err_at(p, &it->loc, "/ may appear only once"); return NULL; }
        if (star) { err_at(p, &it->loc, "/ must be ahead of *"); return NULL; }
        if (pos->n == 0) {
          err_at(p, &it->loc, i + 1 < n ? "at least one argument must precede /" : "invalid syntax");
          return NULL;
        }
        slash = 1;
        posonly = pos;
        pos = plist(p);
        break;
      case PARAM_STAR:
        if (star) {
          YYLTYPE l = {it->loc.first_line, it->loc.first_column, it->loc.first_line, it->loc.first_column + 1};
          err_at(p, &l, "* argument may appear only once");
          return NULL;
        }
        star = 1;
        if (it->arg) {
          a->vararg = it->arg;
        } else {
          if (i + 1 >= n || ((ParamItem *)items->items[i + 1])->kind != PARAM_PLAIN) {
            err_at(p, &it->loc, "named arguments must follow bare *");
            return NULL;
          }
        }
        break;
      case PARAM_DSTAR:
        a->kwarg = it->arg;
        dstar = 1;
        break;
      default:
        if (star) {
          kwonly = push(p, kwonly, it->arg);
          kwdefs = push(p, kwdefs, it->def);
        } else {
          if (it->def) defaults = push(p, defaults, it->def);
          else if (defaults && defaults->n) {
            err_at(p, &it->loc, "non-default argument follows default argument");
            return NULL;
          }
          push(p, pos, it->arg);
        }
        break;
    }
  }
  /* Duplicates are checked last, as CPython's symtable does after the
   * grammar has accepted the list. */
  for (int i = 0; i < n; i++) {
    ParamItem *it = items->items[i];
    if (it->arg && dup_arg(p, seen, it->arg)) return NULL;
  }
  a->posonlyargs = SEQ(ArgSeq, posonly);
  a->args = SEQ(ArgSeq, pos);
  a->kwonlyargs = SEQ(ArgSeq, kwonly);
  a->kw_defaults = SEQ(ExprSeq, kwdefs);
  a->defaults = SEQ(ExprSeq, defaults);
  return a;
}

static Alias *mk_alias(Parser *p, const char *name, const char *asname, const YYLTYPE *loc) {
  Alias *al = ast_alloc(p->arena, sizeof *al);
  al->name = name;
  al->asname = asname;
  set_pos(al, loc);
  return al;
}

static const char *join_dotted(Parser *p, const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *s = ast_alloc(p->arena, la + lb + 2);
  memcpy(s, a, la);
  s[la] = '.';
  memcpy(s + la + 1, b, lb + 1);
  return s;
}

/* A compound statement ends where its last statement ends (the DEDENT
 * closing a block sits on the next line). */
static void handler_end(ExceptHandler *h) {
  if (h->body.count) {
    h->end_lineno = h->body.items[h->body.count - 1]->end_lineno;
    h->end_col_offset = h->body.items[h->body.count - 1]->end_col_offset;
  }
}
/* A handler and whether it was written "except*" (TryStar), until try_stmt
 * has checked that the two kinds are not mixed; star is then the column
 * after the '*' plus one (where CPython's error about mixing them ends). */
typedef struct { ExceptHandler *h; int star; } HandlerItem;

static HandlerItem *mk_handler(Parser *p, Expr *type, const char *name, PList *body, int star, const YYLTYPE *loc) {
  HandlerItem *it = ast_alloc(p->arena, sizeof *it);
  ExceptHandler *h = ast_alloc(p->arena, sizeof *h);
  set_pos(h, loc);
  h->type = type;
  h->name = name;
  h->body = SEQ(StmtSeq, body);
  handler_end(h);
  it->h = h;
  it->star = star;
  return it;
}

static void fix_end(Stmt *s, PList *body) {
  if (!body || body->n == 0) return;
  Stmt *last = body->items[body->n - 1];
  s->end_lineno = last->end_lineno;
  s->end_col_offset = last->end_col_offset;
}

static Stmt *mk_funcdef(Parser *p, const char *name, Arguments *args, Expr *ret, PList *body, const YYLTYPE *loc) {
  Stmt *s = mk_stmt(p, FunctionDef_kind, loc);
  s->v.FunctionDef.name = name;
  s->v.FunctionDef.args = args;
  s->v.FunctionDef.returns = ret;
  s->v.FunctionDef.body = SEQ(StmtSeq, body);
  return s;
}

/* Split the items of "with": a lone parenthesized tuple is several items. */
static PList *with_items(Parser *p, PList *items) {
  if (items->n == 1) {
    WithItem *w = items->items[0];
    Expr *e = w->context_expr;
    if (!w->optional_vars && e->kind == Tuple_kind && e->v.Tuple.elts.count > 0) {
      PList *out = plist(p);
      for (int i = 0; i < e->v.Tuple.elts.count; i++) {
        WithItem *n = ast_alloc(p->arena, sizeof *n);
        n->context_expr = e->v.Tuple.elts.items[i];
        out = push(p, out, n);
      }
      items = out;
    }
  }
  for (int i = 0; i < items->n; i++) {
    WithItem *w = items->items[i];
    if ((int)w->context_expr->kind == WithAs_kind) {
      Expr *m = w->context_expr;
      w->context_expr = m->v.NamedExpr.value;
      w->optional_vars = m->v.NamedExpr.target;
      p->withas_pending--;
    }
    if (w->optional_vars && set_context(p, w->optional_vars, Store_ctx, 0) < 0) return NULL;
  }
  return items;
}

static int withas_pending(Parser *p) { return p->withas_pending != 0; }


/* ---- match patterns ---- */
/* One entry of a mapping pattern ("key: pattern" or "**name") or of a
 * class pattern ("pattern" or "name=pattern"). */
typedef struct { const char *name; Expr *key; Pattern *pat; YYLTYPE loc; } PatItem;

static PatItem *pattern_item(Parser *p, const char *name, Expr *key, Pattern *pat, const YYLTYPE *loc) {
  PatItem *it = ast_alloc(p->arena, sizeof *it);
  it->name = name;
  it->key = key;
  it->pat = pat;
  it->loc = *loc;
  return it;
}

static Pattern *mk_pattern(Parser *p, PatternKind kind, const YYLTYPE *loc) {
  Pattern *pt = ast_alloc(p->arena, sizeof *pt);
  pt->kind = kind;
  set_pos(pt, loc);
  return pt;
}

/* The first token of a mapping pattern item (where CPython's parser stops
 * when "**rest" is not last). */
static YYLTYPE pattern_item_first_token(const PatItem *it) {
  YYLTYPE l = it->loc;
  const Expr *e = it->key;
  while (e && (e->kind == BinOp_kind || e->kind == Attribute_kind))
    e = e->kind == BinOp_kind ? e->v.BinOp.left : e->v.Attribute.value;
  if (!e || e->kind == UnaryOp_kind) {
    l.last_line = l.first_line;
    l.last_column = l.first_column + (e ? 1 : 2); /* "-" or "**" */
  } else {
    l.last_line = e->end_lineno;
    l.last_column = e->end_col_offset;
  }
  return l;
}

static Pattern *mk_mapping(Parser *p, PList *items, const YYLTYPE *loc) {
  Pattern *pt = mk_pattern(p, MatchMapping_kind, loc);
  PList *keys = NULL, *pats = NULL;
  for (int i = 0; i < items->n; i++) {
    PatItem *it = items->items[i];
    if (it->name) {
      if (i != items->n - 1) {
        YYLTYPE next = pattern_item_first_token(items->items[i + 1]);
        err_at(p, &next, "invalid syntax");
        return NULL;
      }
      pt->v.MatchMapping.rest = it->name;
    } else {
      keys = push(p, keys, it->key);
      pats = push(p, pats, it->pat);
    }
  }
  pt->v.MatchMapping.keys = SEQ(ExprSeq, keys);
  pt->v.MatchMapping.patterns = SEQ(PatternSeq, pats);
  return pt;
}

/* A complex literal pattern is real +/- imaginary: 1 + 2j, -1.5 - 3j. */
static int complex_parts_ok(Parser *p, const Expr *real, const Expr *imag, const YYLTYPE *imag_loc) {
  const Expr *num = real->kind == UnaryOp_kind ? real->v.UnaryOp.operand : real;
  if (num->kind == Constant_kind && num->v.Constant.kind == CONST_COMPLEX) {
    err_node(p, num, "real number required in complex literal");
    return 0;
  }
  if (imag->kind != Constant_kind || imag->v.Constant.kind != CONST_COMPLEX) {
    err_at(p, imag_loc, "imaginary number required in complex literal");
    return 0;
  }
  return 1;
}

static Pattern *mk_class_pattern(Parser *p, Expr *cls, PList *items, const YYLTYPE *loc) {
  Pattern *pt = mk_pattern(p, MatchClass_kind, loc);
  pt->v.MatchClass.cls = cls;
  PList *pos = NULL, *names = NULL, *kw = NULL;
  for (int i = 0; i < items->n; i++) {
    PatItem *it = items->items[i];
    if (it->name) {
      names = push(p, names, (void *)it->name);
      kw = push(p, kw, it->pat);
    } else {
      if (kw) { err_at(p, &it->loc, "positional patterns follow keyword patterns"); return NULL; }
      pos = push(p, pos, it->pat);
    }
  }
  pt->v.MatchClass.patterns = SEQ(PatternSeq, pos);
  pt->v.MatchClass.kwd_attrs = SEQ(IdentSeq, names);
  pt->v.MatchClass.kwd_patterns = SEQ(PatternSeq, kw);
  return pt;
}

/* Interactive mode takes one statement (a line of simple statements or
 * one compound statement). */
static int check_single(Parser *p, PList *body) {
  if (!body || body->n == 0) return 1;
  Stmt *first = body->items[0];
  for (int i = 1; i < body->n; i++) {
    Stmt *s = body->items[i];
    if (s->lineno <= first->end_lineno) continue;
    int compound = first->kind == FunctionDef_kind || first->kind == AsyncFunctionDef_kind ||
                   first->kind == ClassDef_kind || first->kind == For_kind || first->kind == AsyncFor_kind ||
                   first->kind == While_kind || first->kind == If_kind || first->kind == With_kind ||
                   first->kind == AsyncWith_kind || first->kind == Match_kind || first->kind == Try_kind ||
                   first->kind == TryStar_kind;
    if (compound) {
      YYLTYPE l = {s->lineno, s->col_offset, s->lineno, s->col_offset + 1};
      err_at(p, &l, "invalid syntax");
    } else {
      Stmt *prev = body->items[i - 1];
      YYLTYPE l = {prev->end_lineno, prev->end_col_offset, prev->end_lineno, prev->end_col_offset};
      err_at(p, &l, "multiple statements found while compiling a single statement");
    }
    return 0;
  }
  return 1;
}

#define CHECK(x) do { if (!(x)) YYABORT; } while (0)
}

%token START_FILE START_EVAL START_SINGLE START_FSTR
%token <id> NAME
%token <expr> NUMBER
%token <str> STRING
%token NEWLINE INDENT DEDENT
%token KW_FALSE KW_NONE KW_TRUE KW_AND KW_AS KW_ASSERT KW_ASYNC KW_AWAIT KW_BREAK
%token KW_CLASS KW_CONTINUE KW_DEF KW_DEL KW_ELIF KW_ELSE KW_EXCEPT KW_FINALLY KW_FOR
%token KW_FROM KW_GLOBAL KW_IF KW_IMPORT KW_IN KW_IS KW_LAMBDA KW_NONLOCAL KW_NOT KW_OR
%token KW_PASS KW_RAISE KW_RETURN KW_TRY KW_WHILE KW_WITH KW_YIELD KW_MATCH KW_CASE
%token ELLIPSIS ARROW WALRUS EQEQ NOTEQ LESSEQ GREATEREQ LSHIFT RSHIFT POW FLOORDIV
%token <op> AUGASSIGN

%type <list> file_stmts stmt stmt_list block simple_stmt small_stmts assign_chain
%type <stmt> small_stmt expr_stmt compound_stmt if_stmt while_stmt for_stmt try_stmt
%type <stmt> with_stmt funcdef classdef decorated async_stmt import_stmt flow_stmt
%type <list> elif_tail else_opt finally_opt handlers decorators names dotted_as_names import_targets import_as_names
%type <list> testlist_star_items exprlist_items list_items paren_items set_items dict_items
%type <list> arglist arglist_opt params params_opt lparams lparams_opt subscript_items strings comp_clauses
%type <list> with_item_list with_head
%type <ptr> handler
%type <expr> testlist_star_expr test test_nocond or_test and_test not_test comparison expr xor_expr
%type <expr> and_expr shift_expr arith_expr term factor power await_primary primary atom star_expr
%type <expr> namedexpr_test yield_expr rhs exprlist lambdef lambdef_nocond subscript subscriptlist
%type <expr> opt_test paren_elt list_elt decorator opt_ann testlist_star_expr_opt dict_star
%type <carg> argument
%type <param> param lparam
%type <op> comp_op
%type <id> dotted_name
%type <alias> dotted_as_name import_as_name
%type <comp> comp_for
%type <witem> with_item
%type <op> dots
%type <stmt> match_stmt
%type <expr> match_subject literal_expr signed_number attr name_or_attr
%type <list> case_blocks pattern_list map_items class_args
%type <mcase> case_block
%type <pat> patterns pattern or_pattern closed_pattern maybe_star_pattern
%type <ptr> map_item class_arg

%start start

%%

start
  : START_FILE file_stmts YYEOF {
      p->result = ast_alloc(p->arena, sizeof(Module));
      p->result->mode = PARSE_FILE;
      p->result->body = SEQ(StmtSeq, $2);
      if (withas_pending(p)) { err_at(p, &p->withas_loc, "invalid syntax"); YYABORT; }
    }
  | START_SINGLE file_stmts YYEOF {
      p->result = ast_alloc(p->arena, sizeof(Module));
      p->result->mode = PARSE_SINGLE;
      p->result->body = SEQ(StmtSeq, $2);
      CHECK(check_single(p, $2));
      if (withas_pending(p)) { err_at(p, &p->withas_loc, "invalid syntax"); YYABORT; }
    }
  | START_EVAL testlist_star_expr newlines YYEOF {
      p->result = ast_alloc(p->arena, sizeof(Module));
      p->result->mode = PARSE_EVAL;
      p->result->expr = $2;
      if (withas_pending(p)) { err_at(p, &p->withas_loc, "invalid syntax"); YYABORT; }
    }
  | START_FSTR testlist_star_expr YYEOF { p->fresult = $2; if (withas_pending(p)) { err_at(p, &p->withas_loc, "invalid syntax"); YYABORT; } }
  | START_FSTR yield_expr YYEOF { p->fresult = $2; }
  ;

newlines : %empty | newlines NEWLINE ;

file_stmts
  : %empty { $$ = NULL; }
  | file_stmts stmt { $$ = concat(p, $1 ? $1 : plist(p), $2); }
  | file_stmts NEWLINE { $$ = $1; }
  ;

stmt : simple_stmt | compound_stmt { $$ = list1(p, $1); } ;

simple_stmt
  : small_stmts NEWLINE { $$ = $1; if (withas_pending(p)) { err_at(p, &p->withas_loc, "invalid syntax"); YYABORT; } }
  | small_stmts ';' NEWLINE { $$ = $1; if (withas_pending(p)) { err_at(p, &p->withas_loc, "invalid syntax"); YYABORT; } }
  ;

small_stmts
  : small_stmt { $$ = list1(p, $1); }
  | small_stmts ';' small_stmt { $$ = push(p, $1, $3); }
  ;

small_stmt
  : expr_stmt
  | KW_DEL exprlist_items {
      $$ = mk_stmt(p, Delete_kind, &@$);
      for (int i = 0; i < $2->n; i++) CHECK(set_context(p, $2->items[i], Del_ctx, 0) == 0);
      $$->v.Delete.targets = SEQ(ExprSeq, $2);
    }
  | KW_DEL exprlist_items ',' {
      $$ = mk_stmt(p, Delete_kind, &@$);
      for (int i = 0; i < $2->n; i++) CHECK(set_context(p, $2->items[i], Del_ctx, 0) == 0);
      $$->v.Delete.targets = SEQ(ExprSeq, $2);
    }
  | KW_PASS { $$ = mk_stmt(p, Pass_kind, &@$); }
  | flow_stmt
  | import_stmt
  | KW_GLOBAL names { $$ = mk_stmt(p, Global_kind, &@$); $$->v.Global.names = SEQ(IdentSeq, $2); }
  | KW_NONLOCAL names { $$ = mk_stmt(p, Nonlocal_kind, &@$); $$->v.Global.names = SEQ(IdentSeq, $2); }
  | KW_ASSERT test { $$ = mk_stmt(p, Assert_kind, &@$); $$->v.Assert.test = $2; }
  | KW_ASSERT test ',' test { $$ = mk_stmt(p, Assert_kind, &@$); $$->v.Assert.test = $2; $$->v.Assert.msg = $4; }
  ;

names
  : NAME { $$ = list1(p, (void *)$1); }
  | names ',' NAME { $$ = push(p, $1, (void *)$3); }
  ;

expr_stmt
  : testlist_star_expr { $$ = mk_stmt(p, Expr_kind, &@$); $$->v.Expr.value = $1; }
  | yield_expr { $$ = mk_stmt(p, Expr_kind, &@$); $$->v.Expr.value = $1; }
  | assign_chain { CHECK($$ = mk_assign(p, $1, &@$)); }
  | testlist_star_expr AUGASSIGN rhs { CHECK($$ = mk_augassign(p, $1, $2, $3, &@$)); }
  | testlist_star_expr ':' test { CHECK($$ = mk_annassign(p, $1, &@1, $3, NULL, &@$)); }
  | testlist_star_expr ':' test '=' rhs { CHECK($$ = mk_annassign(p, $1, &@1, $3, $5, &@$)); }
  ;

assign_chain
  : testlist_star_expr '=' rhs { $$ = push(p, list1(p, $1), $3); }
  | yield_expr '=' rhs { err_at(p, &@1, "assignment to yield expression not possible"); YYABORT; }
  | assign_chain '=' rhs { $$ = push(p, $1, $3); }
  ;

rhs : yield_expr | testlist_star_expr ;

flow_stmt
  : KW_BREAK { $$ = mk_stmt(p, Break_kind, &@$); }
  | KW_CONTINUE { $$ = mk_stmt(p, Continue_kind, &@$); }
  | KW_RETURN testlist_star_expr_opt { $$ = mk_stmt(p, Return_kind, &@$); $$->v.Return.value = $2; }
  | KW_RAISE { $$ = mk_stmt(p, Raise_kind, &@$); }
  | KW_RAISE test { $$ = mk_stmt(p, Raise_kind, &@$); $$->v.Raise.exc = $2; }
  | KW_RAISE test KW_FROM test { $$ = mk_stmt(p, Raise_kind, &@$); $$->v.Raise.exc = $2; $$->v.Raise.cause = $4; }
  ;

testlist_star_expr_opt : %empty { $$ = NULL; } | testlist_star_expr ;

import_stmt
  : KW_IMPORT dotted_as_names { $$ = mk_stmt(p, Import_kind, &@$); $$->v.Import.names = SEQ(AliasSeq, $2); }
  | KW_FROM dotted_name KW_IMPORT import_targets {
      $$ = mk_stmt(p, ImportFrom_kind, &@$);
      $$->v.ImportFrom.module = $2; $$->v.ImportFrom.names = SEQ(AliasSeq, $4);
    }
  | KW_FROM dots dotted_name KW_IMPORT import_targets {
      $$ = mk_stmt(p, ImportFrom_kind, &@$);
      $$->v.ImportFrom.module = $3; $$->v.ImportFrom.level = $2; $$->v.ImportFrom.names = SEQ(AliasSeq, $5);
    }
  | KW_FROM dots KW_IMPORT import_targets {
      $$ = mk_stmt(p, ImportFrom_kind, &@$);
      $$->v.ImportFrom.level = $2; $$->v.ImportFrom.names = SEQ(AliasSeq, $4);
    }
  ;

dots
  : '.' { $$ = 1; }
  | ELLIPSIS { $$ = 3; }
  | dots '.' { $$ = $1 + 1; }
  | dots ELLIPSIS { $$ = $1 + 3; }
  ;

import_targets
  : '*' { $$ = list1(p, mk_alias(p, "*", NULL, &@$)); }
  | '(' import_as_names ')' { $$ = $2; }
  | '(' import_as_names ',' ')' { $$ = $2; }
  | import_as_names
  | import_as_names ',' { err_at(p, &p->last_loc, "trailing comma not allowed without surrounding parentheses"); YYABORT; }
  ;

import_as_names
  : import_as_name { $$ = list1(p, $1); }
  | import_as_names ',' import_as_name { $$ = push(p, $1, $3); }
  ;

import_as_name
  : NAME { $$ = mk_alias(p, $1, NULL, &@$); }
  | NAME KW_AS NAME { $$ = mk_alias(p, $1, $3, &@$); }
  ;

dotted_as_names
  : dotted_as_name { $$ = list1(p, $1); }
  | dotted_as_names ',' dotted_as_name { $$ = push(p, $1, $3); }
  ;

dotted_as_name
  : dotted_name { $$ = mk_alias(p, $1, NULL, &@$); }
  | dotted_name KW_AS NAME { $$ = mk_alias(p, $1, $3, &@$); }
  ;

dotted_name
  : NAME
  | dotted_name '.' NAME { $$ = join_dotted(p, $1, $3); }
  ;

compound_stmt
  : if_stmt | while_stmt | for_stmt | try_stmt | with_stmt | funcdef | classdef | decorated | async_stmt | match_stmt ;

/* ---- match ---- */

match_stmt
  : KW_MATCH match_subject ':' NEWLINE INDENT case_blocks DEDENT {
      $$ = mk_stmt(p, Match_kind, &@$);
      $$->v.Match.subject = $2;
      $$->v.Match.cases = SEQ(MatchCaseSeq, $6);
      MatchCase *last = $6->items[$6->n - 1];
      PList tmp = {last->body.count, last->body.count, (void **)last->body.items};
      fix_end($$, &tmp);
    }
  ;

match_subject
  : testlist_star_expr
  | test WALRUS test { CHECK($$ = mk_walrus(p, $1, $3, &@$)); }
  ;

case_blocks
  : case_block { $$ = list1(p, $1); }
  | case_blocks case_block { $$ = push(p, $1, $2); }
  ;

case_block
  : KW_CASE patterns ':' block {
      $$ = ast_alloc(p->arena, sizeof(MatchCase)); $$->pattern = $2; $$->body = SEQ(StmtSeq, $4);
    }
  | KW_CASE patterns KW_IF namedexpr_test ':' block {
      $$ = ast_alloc(p->arena, sizeof(MatchCase)); $$->pattern = $2; $$->guard = $4; $$->body = SEQ(StmtSeq, $6);
    }
  ;

/* "case a, *b:" is a sequence pattern without brackets. */
patterns
  : pattern_list {
      if ($1->n == 1 && ((Pattern *)$1->items[0])->kind == MatchStar_kind) { err_at(p, &p->last_loc, "invalid syntax"); YYABORT; }
      if ($1->n == 1) $$ = $1->items[0];
      else { $$ = mk_pattern(p, MatchSequence_kind, &@$); $$->v.MatchSequence.patterns = SEQ(PatternSeq, $1); }
    }
  | pattern_list ',' { $$ = mk_pattern(p, MatchSequence_kind, &@$); $$->v.MatchSequence.patterns = SEQ(PatternSeq, $1); }
  ;

pattern_list
  : maybe_star_pattern { $$ = list1(p, $1); }
  | pattern_list ',' maybe_star_pattern { $$ = push(p, $1, $3); }
  ;

maybe_star_pattern
  : pattern
  | '*' NAME {
      $$ = mk_pattern(p, MatchStar_kind, &@$);
      $$->v.MatchStar.name = strcmp($2, "_") == 0 ? NULL : $2;
    }
  ;

pattern
  : or_pattern
  | or_pattern KW_AS NAME {
      if (strcmp($3, "_") == 0) { err_at(p, &@3, "cannot use '_' as a target"); YYABORT; }
      $$ = mk_pattern(p, MatchAs_kind, &@$); $$->v.MatchAs.pattern = $1; $$->v.MatchAs.name = $3;
    }
  ;

or_pattern
  : closed_pattern
  | or_pattern '|' closed_pattern {
      if ($1->kind == MatchOr_kind && @1.first_column == $1->col_offset && @1.first_line == $1->lineno &&
          @1.last_column == $1->end_col_offset && @1.last_line == $1->end_lineno) {
        PList tmp = {$1->v.MatchOr.patterns.count, $1->v.MatchOr.patterns.count, (void **)$1->v.MatchOr.patterns.items};
        PList *nl = concat(p, plist(p), &tmp);
        push(p, nl, $3);
        $$ = $1;
        $$->v.MatchOr.patterns = SEQ(PatternSeq, nl);
        set_pos($$, &@$);
      } else {
        $$ = mk_pattern(p, MatchOr_kind, &@$);
        PList *nl = push(p, list1(p, $1), $3);
        $$->v.MatchOr.patterns = SEQ(PatternSeq, nl);
      }
    }
  ;

closed_pattern
  : literal_expr {
      if ($1->kind == Constant_kind && $1->v.Constant.kind <= CONST_FALSE) {
        $$ = mk_pattern(p, MatchSingleton_kind, &@$); $$->v.MatchSingleton.value = $1->v.Constant;
      } else {
        $$ = mk_pattern(p, MatchValue_kind, &@$); $$->v.MatchValue.value = $1;
      }
    }
  | NAME {
      $$ = mk_pattern(p, MatchAs_kind, &@$);
      $$->v.MatchAs.name = strcmp($1, "_") == 0 ? NULL : $1;
    }
  | attr { $$ = mk_pattern(p, MatchValue_kind, &@$); $$->v.MatchValue.value = $1; }
  | '(' ')' { $$ = mk_pattern(p, MatchSequence_kind, &@$); }
  | '(' pattern_list ')' {
      /* "(*a)" is neither a group nor a sequence (that needs a comma). */
      if ($2->n == 1 && ((Pattern *)$2->items[0])->kind == MatchStar_kind) { err_at(p, &@3, "invalid syntax"); YYABORT; }
      if ($2->n == 1) $$ = $2->items[0];
      else { $$ = mk_pattern(p, MatchSequence_kind, &@$); $$->v.MatchSequence.patterns = SEQ(PatternSeq, $2); }
    }
  | '(' pattern_list ',' ')' { $$ = mk_pattern(p, MatchSequence_kind, &@$); $$->v.MatchSequence.patterns = SEQ(PatternSeq, $2); }
  | '[' ']' { $$ = mk_pattern(p, MatchSequence_kind, &@$); }
  | '[' pattern_list ']' { $$ = mk_pattern(p, MatchSequence_kind, &@$); $$->v.MatchSequence.patterns = SEQ(PatternSeq, $2); }
  | '[' pattern_list ',' ']' { $$ = mk_pattern(p, MatchSequence_kind, &@$); $$->v.MatchSequence.patterns = SEQ(PatternSeq, $2); }
  | '{' '}' { $$ = mk_pattern(p, MatchMapping_kind, &@$); }
  | '{' map_items '}' { CHECK($$ = mk_mapping(p, $2, &@$)); }
  | '{' map_items ',' '}' { CHECK($$ = mk_mapping(p, $2, &@$)); }
  | name_or_attr '(' ')' { $$ = mk_pattern(p, MatchClass_kind, &@$); $$->v.MatchClass.cls = $1; }
  | name_or_attr '(' class_args ')' { CHECK($$ = mk_class_pattern(p, $1, $3, &@$)); }
  | name_or_attr '(' class_args ',' ')' { CHECK($$ = mk_class_pattern(p, $1, $3, &@$)); }
  ;

literal_expr
  : signed_number
  | signed_number '+' NUMBER { CHECK(complex_parts_ok(p, $1, $3, &@3)); $$ = mk_binop(p, $1, Add_op, relocate($3, &@3), &@$); }
  | signed_number '-' NUMBER { CHECK(complex_parts_ok(p, $1, $3, &@3)); $$ = mk_binop(p, $1, Sub_op, relocate($3, &@3), &@$); }
  | strings { CHECK($$ = strlit_concat(p, $1, &@$)); }
  | KW_NONE { $$ = mk_const(p, CONST_NONE, &@$); }
  | KW_TRUE { $$ = mk_const(p, CONST_TRUE, &@$); }
  | KW_FALSE { $$ = mk_const(p, CONST_FALSE, &@$); }
  ;

signed_number
  : NUMBER { $$ = relocate($1, &@$); }
  | '-' NUMBER { $$ = mk_unary(p, USub_op, relocate($2, &@2), &@$); }
  ;

attr
  : name_or_attr '.' NAME {
      $$ = mk_expr(p, Attribute_kind, &@$); $$->v.Attribute.value = $1; $$->v.Attribute.attr = $3;
    }
  ;

name_or_attr
  : NAME { $$ = mk_name(p, $1, Load_ctx, &@$); }
  | attr
  ;

map_items
  : map_item { $$ = list1(p, $1); }
  | map_items ',' map_item { $$ = push(p, $1, $3); }
  ;

map_item
  : literal_expr ':' pattern { $$ = pattern_item(p, NULL, $1, $3, &@$); }
  | attr ':' pattern { $$ = pattern_item(p, NULL, $1, $3, &@$); }
  | POW NAME {
      if (strcmp($2, "_") == 0) { err_at(p, &@2, "invalid syntax"); YYABORT; }
      $$ = pattern_item(p, $2, NULL, NULL, &@$);
    }
  ;

class_args
  : class_arg { $$ = list1(p, $1); }
  | class_args ',' class_arg { $$ = push(p, $1, $3); }
  ;

class_arg
  : pattern { $$ = pattern_item(p, NULL, NULL, $1, &@$); }
  | NAME '=' pattern { $$ = pattern_item(p, $1, NULL, $3, &@$); }
  ;

block
  : simple_stmt
  | NEWLINE INDENT stmt_list DEDENT { $$ = $3; }
  ;

stmt_list
  : stmt
  | stmt_list stmt { $$ = concat(p, $1, $2); }
  ;

if_stmt
  : KW_IF namedexpr_test ':' block elif_tail {
      $$ = mk_stmt(p, If_kind, &@$);
      $$->v.If.test = $2; $$->v.If.body = SEQ(StmtSeq, $4); $$->v.If.orelse = SEQ(StmtSeq, $5);
      fix_end($$, $5 ? $5 : $4);
    }
  ;

/* The statements of the else branch; an elif is one nested If. */
elif_tail
  : %empty { $$ = NULL; }
  | KW_ELSE ':' block { $$ = $3; }
  | KW_ELIF namedexpr_test ':' block elif_tail {
      Stmt *s = mk_stmt(p, If_kind, &@$);
      s->v.If.test = $2; s->v.If.body = SEQ(StmtSeq, $4); s->v.If.orelse = SEQ(StmtSeq, $5);
      fix_end(s, $5 ? $5 : $4);
      $$ = list1(p, s);
    }
  ;

while_stmt
  : KW_WHILE namedexpr_test ':' block else_opt {
      $$ = mk_stmt(p, While_kind, &@$);
      $$->v.While.test = $2; $$->v.While.body = SEQ(StmtSeq, $4); $$->v.While.orelse = SEQ(StmtSeq, $5);
      fix_end($$, $5 ? $5 : $4);
    }
  ;

else_opt
  : %empty { $$ = NULL; }
  | KW_ELSE ':' block { $$ = $3; }
  ;

for_stmt
  : KW_FOR exprlist KW_IN testlist_star_expr ':' block else_opt {
      CHECK(set_context(p, $2, Store_ctx, 0) == 0);
      $$ = mk_stmt(p, For_kind, &@$);
      $$->v.For.target = $2; $$->v.For.iter = $4;
      $$->v.For.body = SEQ(StmtSeq, $6); $$->v.For.orelse = SEQ(StmtSeq, $7);
      fix_end($$, $7 ? $7 : $6);
    }
  ;

try_stmt
  : KW_TRY ':' block handlers else_opt finally_opt {
      int star = 0, plain = 0;
      PList *hs = plist(p);
      for (int i = 0; i < $4->n; i++) {
        HandlerItem *it = $4->items[i];
        if (it->star != ((HandlerItem *)$4->items[0])->star) {
          int end = it->star ? it->star - 1 : it->h->col_offset + 6; /* `except*` or `except` */
          YYLTYPE l = {it->h->lineno, it->h->col_offset, it->h->lineno, end};
          err_at(p, &l, "cannot have both 'except' and 'except*' on the same 'try'");
          YYABORT;
        }
        if (it->star) star++;
        else plain++;
        push(p, hs, it->h);
      }
      $$ = mk_stmt(p, star ? TryStar_kind : Try_kind, &@$);
      $$->v.Try.body = SEQ(StmtSeq, $3); $$->v.Try.handlers = SEQ(ExceptHandlerSeq, hs);
      $$->v.Try.orelse = SEQ(StmtSeq, $5); $$->v.Try.finalbody = SEQ(StmtSeq, $6);
      fix_end($$, $6 ? $6 : $5);
      ExceptHandler *last = hs->items[hs->n - 1];
      if (!$6 && !$5 && last->body.count) { $$->end_lineno = last->end_lineno; $$->end_col_offset = last->end_col_offset; }
    }
  | KW_TRY ':' block KW_FINALLY ':' block {
      $$ = mk_stmt(p, Try_kind, &@$);
      $$->v.Try.body = SEQ(StmtSeq, $3); $$->v.Try.finalbody = SEQ(StmtSeq, $6);
      fix_end($$, $6);
    }
  ;

finally_opt
  : %empty { $$ = NULL; }
  | KW_FINALLY ':' block { $$ = $3; }
  ;

handlers
  : handler { $$ = list1(p, $1); }
  | handlers handler { $$ = push(p, $1, $2); }
  ;

handler
  : KW_EXCEPT ':' block { $$ = mk_handler(p, NULL, NULL, $3, 0, &@$); }
  | KW_EXCEPT test ':' block { $$ = mk_handler(p, $2, NULL, $4, 0, &@$); }
  | KW_EXCEPT test KW_AS NAME ':' block { $$ = mk_handler(p, $2, $4, $6, 0, &@$); }
  | KW_EXCEPT '*' test ':' block { $$ = mk_handler(p, $3, NULL, $5, @2.last_column + 1, &@$); }
  | KW_EXCEPT '*' test KW_AS NAME ':' block { $$ = mk_handler(p, $3, $5, $7, @2.last_column + 1, &@$); }
  ;

with_stmt
  : with_head block {
      $$ = mk_stmt(p, With_kind, &@$);
      $$->v.With.items = SEQ(WithItemSeq, $1); $$->v.With.body = SEQ(StmtSeq, $2);
      fix_end($$, $2);
    }
  ;

/* Reduced before the body so that "as" markers are claimed in time. */
with_head : KW_WITH with_item_list ':' { CHECK($$ = with_items(p, $2)); } ;

with_item_list
  : with_item { $$ = list1(p, $1); }
  | with_item_list ',' with_item { $$ = push(p, $1, $3); }
  ;

with_item
  : test { $$ = ast_alloc(p->arena, sizeof(WithItem)); $$->context_expr = $1; }
  | test KW_AS expr { $$ = ast_alloc(p->arena, sizeof(WithItem)); $$->context_expr = $1; $$->optional_vars = $3; }
  ;

funcdef
  : KW_DEF NAME '(' params_opt ')' ':' block {
      Arguments *a; CHECK(a = make_arguments(p, $4));
      $$ = mk_funcdef(p, $2, a, NULL, $7, &@$); fix_end($$, $7);
    }
  | KW_DEF NAME '(' params_opt ')' ARROW test ':' block {
      Arguments *a; CHECK(a = make_arguments(p, $4));
      $$ = mk_funcdef(p, $2, a, $7, $9, &@$); fix_end($$, $9);
    }
  ;

params_opt : %empty { $$ = NULL; } | params | params ',' ;
params : param { $$ = list1(p, $1); } | params ',' param { $$ = push(p, $1, $3); } ;
param
  : NAME opt_ann { $$ = param(p, PARAM_PLAIN, $1, $2, NULL, &@$, &@1); }
  | NAME opt_ann '=' test { $$ = param(p, PARAM_PLAIN, $1, $2, $4, &@$, &@1); }
  | '*' { $$ = param(p, PARAM_STAR, NULL, NULL, NULL, &@$, &@1); }
  | '*' NAME opt_ann { $$ = param(p, PARAM_STAR, $2, $3, NULL, &@$, &@2); }
  | POW NAME opt_ann { $$ = param(p, PARAM_DSTAR, $2, $3, NULL, &@$, &@2); }
  | '/' { $$ = param(p, PARAM_SLASH, NULL, NULL, NULL, &@$, &@1); }
  | '*' NAME opt_ann '=' { err_at(p, &@4, "var-positional argument cannot have default value"); YYABORT; }
  | POW NAME opt_ann '=' { err_at(p, &@4, "var-keyword argument cannot have default value"); YYABORT; }
  ;
opt_ann : %empty { $$ = NULL; } | ':' test { $$ = $2; } ;

lparams_opt : %empty { $$ = NULL; } | lparams | lparams ',' ;
lparams : lparam { $$ = list1(p, $1); } | lparams ',' lparam { $$ = push(p, $1, $3); } ;
lparam
  : NAME { $$ = param(p, PARAM_PLAIN, $1, NULL, NULL, &@$, &@1); }
  | NAME '=' test { $$ = param(p, PARAM_PLAIN, $1, NULL, $3, &@$, &@1); }
  | '*' { $$ = param(p, PARAM_STAR, NULL, NULL, NULL, &@$, &@1); }
  | '*' NAME { $$ = param(p, PARAM_STAR, $2, NULL, NULL, &@$, &@2); }
  | POW NAME { $$ = param(p, PARAM_DSTAR, $2, NULL, NULL, &@$, &@2); }
  | '/' { $$ = param(p, PARAM_SLASH, NULL, NULL, NULL, &@$, &@1); }
  | '*' NAME '=' { err_at(p, &@3, "var-positional argument cannot have default value"); YYABORT; }
  | POW NAME '=' { err_at(p, &@3, "var-keyword argument cannot have default value"); YYABORT; }
  ;

classdef
  : KW_CLASS NAME ':' block {
      $$ = mk_stmt(p, ClassDef_kind, &@$); $$->v.ClassDef.name = $2; $$->v.ClassDef.body = SEQ(StmtSeq, $4);
      fix_end($$, $4);
    }
  | KW_CLASS NAME '(' arglist_opt ')' ':' block {
      for (int i = 0; $4 && i < $4->n; i++) {
        CallArg *a = $4->items[i];
        if (a->kind == CARG_GEN) {
          Comprehension *g = a->value->v.ListComp.generators.items[0];
          YYLTYPE l = {g->target->lineno, g->target->col_offset - 4, g->target->lineno, g->target->col_offset - 1};
          err_at(p, &l, "invalid syntax");
          YYABORT;
        }
      }
      Expr *c; CHECK(c = mk_call(p, NULL, $4, &@$));
      $$ = mk_stmt(p, ClassDef_kind, &@$); $$->v.ClassDef.name = $2; $$->v.ClassDef.body = SEQ(StmtSeq, $7);
      fix_end($$, $7);
      $$->v.ClassDef.bases = c->v.Call.args; $$->v.ClassDef.keywords = c->v.Call.keywords;
    }
  ;

decorators
  : decorator { $$ = list1(p, $1); }
  | decorators decorator { $$ = push(p, $1, $2); }
  ;
decorator : '@' namedexpr_test NEWLINE { $$ = $2; } ;

decorated
  : decorators classdef { $$ = $2; $$->v.ClassDef.decorator_list = SEQ(ExprSeq, $1); $$->lineno = @2.first_line; }
  | decorators funcdef { $$ = $2; $$->v.FunctionDef.decorator_list = SEQ(ExprSeq, $1); }
  | decorators KW_ASYNC funcdef {
      $$ = $3; $$->kind = AsyncFunctionDef_kind; $$->v.FunctionDef.decorator_list = SEQ(ExprSeq, $1);
      $$->col_offset = @2.first_column; $$->lineno = @2.first_line;
    }
  ;

async_stmt
  : KW_ASYNC funcdef { $$ = $2; $$->kind = AsyncFunctionDef_kind; $$->col_offset = @1.first_column; $$->lineno = @1.first_line; }
  | KW_ASYNC with_stmt { $$ = $2; $$->kind = AsyncWith_kind; $$->col_offset = @1.first_column; $$->lineno = @1.first_line; }
  | KW_ASYNC for_stmt { $$ = $2; $$->kind = AsyncFor_kind; $$->col_offset = @1.first_column; $$->lineno = @1.first_line; }
  ;

/* ---- expressions ---- */

testlist_star_expr
  : testlist_star_items { $$ = list_or_tuple(p, $1, 0, &@$); }
  | testlist_star_items ',' { $$ = list_or_tuple(p, $1, 1, &@$); }
  ;
testlist_star_items
  : test { $$ = list1(p, $1); }
  | star_expr { $$ = list1(p, $1); }
  | testlist_star_items ',' test { $$ = push(p, $1, $3); }
  | testlist_star_items ',' star_expr { $$ = push(p, $1, $3); }
  ;

exprlist
  : exprlist_items { $$ = list_or_tuple(p, $1, 0, &@$); }
  | exprlist_items ',' { $$ = list_or_tuple(p, $1, 1, &@$); }
  ;
exprlist_items
  : expr { $$ = list1(p, $1); }
  | star_expr { $$ = list1(p, $1); }
  | exprlist_items ',' expr { $$ = push(p, $1, $3); }
  | exprlist_items ',' star_expr { $$ = push(p, $1, $3); }
  ;

star_expr : '*' expr { $$ = starred(p, $2, &@$); } ;

yield_expr
  : KW_YIELD { $$ = mk_expr(p, Yield_kind, &@$); }
  | KW_YIELD testlist_star_expr { $$ = mk_expr(p, Yield_kind, &@$); $$->v.Yield.value = $2; }
  | KW_YIELD KW_FROM test { $$ = mk_expr(p, YieldFrom_kind, &@$); $$->v.YieldFrom.value = $3; }
  ;

namedexpr_test
  : test
  | test WALRUS test { CHECK($$ = mk_walrus(p, $1, $3, &@$)); }
  ;

test
  : or_test
  | or_test KW_IF or_test KW_ELSE test {
      $$ = mk_expr(p, IfExp_kind, &@$);
      $$->v.IfExp.body = $1; $$->v.IfExp.test = $3; $$->v.IfExp.orelse = $5;
    }
  | or_test KW_IF or_test error {
      /* Only here to point "expected 'else'" at the start of the expression. */
      if (strcmp(p->err->msg, "expected 'else' after 'if' expression") == 0) {
        p->err->kind = PERR_NONE;
        YYLTYPE l = {@1.first_line, @1.first_column, @3.last_line, @3.last_column};
        err_at(p, &l, "expected 'else' after 'if' expression");
      }
      YYABORT;
    }
  | lambdef
  ;

test_nocond : or_test | lambdef_nocond ;

lambdef
  : KW_LAMBDA lparams_opt ':' test {
      Arguments *a; CHECK(a = make_arguments(p, $2));
      $$ = mk_expr(p, Lambda_kind, &@$); $$->v.Lambda.args = a; $$->v.Lambda.body = $4;
    }
  ;
lambdef_nocond
  : KW_LAMBDA lparams_opt ':' test_nocond {
      Arguments *a; CHECK(a = make_arguments(p, $2));
      $$ = mk_expr(p, Lambda_kind, &@$); $$->v.Lambda.args = a; $$->v.Lambda.body = $4;
    }
  ;

/* BoolOp chains are flattened: a node built by this very rule (its
 * location equals the left operand's start) is extended. */
or_test
  : and_test
  | or_test KW_OR and_test {
      int ext = $1->kind == BoolOp_kind && $1->v.BoolOp.op == Or_op && @1.first_line == $1->lineno &&
                @1.first_column == $1->col_offset && @1.last_column == $1->end_col_offset && @1.last_line == $1->end_lineno;
      $$ = mk_bool(p, Or_op, $1, $3, &@$, ext);
    }
  ;
and_test
  : not_test
  | and_test KW_AND not_test {
      int ext = $1->kind == BoolOp_kind && $1->v.BoolOp.op == And_op && @1.first_line == $1->lineno &&
                @1.first_column == $1->col_offset && @1.last_column == $1->end_col_offset && @1.last_line == $1->end_lineno;
      $$ = mk_bool(p, And_op, $1, $3, &@$, ext);
    }
  ;
not_test
  : KW_NOT not_test { $$ = mk_unary(p, Not_op, $2, &@$); }
  | comparison
  ;
comparison
  : expr
  | comparison comp_op expr {
      int ext = $1->kind == Compare_kind && @1.first_line == $1->lineno && @1.first_column == $1->col_offset &&
                @1.last_column == $1->end_col_offset && @1.last_line == $1->end_lineno;
      $$ = mk_compare(p, $1, $2, $3, &@$, ext);
    }
  ;
comp_op
  : '<' { $$ = Lt_op; } | '>' { $$ = Gt_op; } | EQEQ { $$ = Eq_op; } | GREATEREQ { $$ = GtE_op; }
  | LESSEQ { $$ = LtE_op; } | NOTEQ { $$ = NotEq_op; } | KW_IN { $$ = In_op; }
  | KW_NOT KW_IN { $$ = NotIn_op; } | KW_IS { $$ = Is_op; } | KW_IS KW_NOT { $$ = IsNot_op; }
  ;

expr : xor_expr | expr '|' xor_expr { $$ = mk_binop(p, $1, BitOr_op, $3, &@$); } ;
xor_expr : and_expr | xor_expr '^' and_expr { $$ = mk_binop(p, $1, BitXor_op, $3, &@$); } ;
and_expr : shift_expr | and_expr '&' shift_expr { $$ = mk_binop(p, $1, BitAnd_op, $3, &@$); } ;
shift_expr
  : arith_expr
  | shift_expr LSHIFT arith_expr { $$ = mk_binop(p, $1, LShift_op, $3, &@$); }
  | shift_expr RSHIFT arith_expr { $$ = mk_binop(p, $1, RShift_op, $3, &@$); }
  ;
arith_expr
  : term
  | arith_expr '+' term { $$ = mk_binop(p, $1, Add_op, $3, &@$); }
  | arith_expr '-' term { $$ = mk_binop(p, $1, Sub_op, $3, &@$); }
  ;
term
  : factor
  | term '*' factor { $$ = mk_binop(p, $1, Mult_op, $3, &@$); }
  | term '/' factor { $$ = mk_binop(p, $1, Div_op, $3, &@$); }
  | term '%' factor { $$ = mk_binop(p, $1, Mod_op, $3, &@$); }
  | term FLOORDIV factor { $$ = mk_binop(p, $1, FloorDiv_op, $3, &@$); }
  | term '@' factor { $$ = mk_binop(p, $1, MatMult_op, $3, &@$); }
  ;
factor
  : '+' factor { $$ = mk_unary(p, UAdd_op, $2, &@$); }
  | '-' factor { $$ = mk_unary(p, USub_op, $2, &@$); }
  | '~' factor { $$ = mk_unary(p, Invert_op, $2, &@$); }
  | power
  ;
power
  : await_primary
  | await_primary POW factor { $$ = mk_binop(p, $1, Pow_op, $3, &@$); }
  ;
await_primary
  : KW_AWAIT primary { $$ = mk_expr(p, Await_kind, &@$); $$->v.Await.value = $2; }
  | primary
  ;
primary
  : atom
  | primary '(' arglist_opt ')' {
      CHECK($$ = mk_call(p, $1, $3, &@$));
      if ($3 && $3->n == 1 && ((CallArg *)$3->items[0])->kind == CARG_GEN) {
        /* f(x for x in y): the generator expression spans the parentheses. */
        YYLTYPE l = {@2.first_line, @2.first_column, @4.last_line, @4.last_column};
        relocate($$->v.Call.args.items[0], &l);
      }
    }
  | primary '[' subscriptlist ']' {
      $$ = mk_expr(p, Subscript_kind, &@$); $$->v.Subscript.value = $1; $$->v.Subscript.slice = $3;
    }
  | primary '.' NAME {
      $$ = mk_expr(p, Attribute_kind, &@$); $$->v.Attribute.value = $1; $$->v.Attribute.attr = $3;
    }
  ;

atom
  : NAME { $$ = mk_name(p, $1, Load_ctx, &@$); }
  | NUMBER { $$ = relocate($1, &@$); }
  | strings { CHECK($$ = strlit_concat(p, $1, &@$)); }
  | ELLIPSIS { $$ = mk_const(p, CONST_ELLIPSIS, &@$); }
  | KW_NONE { $$ = mk_const(p, CONST_NONE, &@$); }
  | KW_TRUE { $$ = mk_const(p, CONST_TRUE, &@$); }
  | KW_FALSE { $$ = mk_const(p, CONST_FALSE, &@$); }
  | '(' ')' { $$ = mk_tuple(p, NULL, Load_ctx, &@$); }
  | '(' yield_expr ')' { $$ = $2; }
  | '(' paren_elt ')' {
      if ($2->kind == Starred_kind) { err_node(p, $2, "cannot use starred expression here"); YYABORT; }
      $$ = $2;
    }
  | '(' paren_elt ',' ')' { $$ = mk_tuple(p, list1(p, $2), Load_ctx, &@$); }
  | '(' paren_items ')' { $$ = mk_tuple(p, $2, Load_ctx, &@$); }
  | '(' paren_items ',' ')' { $$ = mk_tuple(p, $2, Load_ctx, &@$); }
  | '(' namedexpr_test comp_clauses ')' { $$ = mk_comp(p, GeneratorExp_kind, $2, NULL, $3, &@$); }
  | '[' ']' { $$ = mk_expr(p, List_kind, &@$); }
  | '[' list_items ']' { $$ = mk_expr(p, List_kind, &@$); $$->v.List.elts = SEQ(ExprSeq, $2); }
  | '[' list_items ',' ']' { $$ = mk_expr(p, List_kind, &@$); $$->v.List.elts = SEQ(ExprSeq, $2); }
  | '[' namedexpr_test comp_clauses ']' { $$ = mk_comp(p, ListComp_kind, $2, NULL, $3, &@$); }
  | '{' '}' { $$ = mk_expr(p, Dict_kind, &@$); }
  | '{' dict_items '}' {
      $$ = mk_expr(p, Dict_kind, &@$);
      PList *k = plist(p), *v = plist(p);
      for (int i = 0; i < $2->n; i += 2) { push(p, k, $2->items[i]); push(p, v, $2->items[i + 1]); }
      $$->v.Dict.keys = SEQ(ExprSeq, k); $$->v.Dict.values = SEQ(ExprSeq, v);
    }
  | '{' dict_items ',' '}' {
      $$ = mk_expr(p, Dict_kind, &@$);
      PList *k = plist(p), *v = plist(p);
      for (int i = 0; i < $2->n; i += 2) { push(p, k, $2->items[i]); push(p, v, $2->items[i + 1]); }
      $$->v.Dict.keys = SEQ(ExprSeq, k); $$->v.Dict.values = SEQ(ExprSeq, v);
    }
  | '{' test ':' test comp_clauses '}' { $$ = mk_comp(p, DictComp_kind, $2, $4, $5, &@$); }
  | '{' set_items '}' { $$ = mk_expr(p, Set_kind, &@$); $$->v.Set.elts = SEQ(ExprSeq, $2); }
  | '{' set_items ',' '}' { $$ = mk_expr(p, Set_kind, &@$); $$->v.Set.elts = SEQ(ExprSeq, $2); }
  | '{' namedexpr_test comp_clauses '}' { $$ = mk_comp(p, SetComp_kind, $2, NULL, $3, &@$); }
  ;

paren_elt
  : namedexpr_test
  | star_expr
  | test KW_AS expr {
      $$ = mk_expr(p, WithAs_kind, &@$); $$->v.NamedExpr.value = $1; $$->v.NamedExpr.target = $3;
      if (!p->withas_pending++) p->withas_loc = @2;
    }
  ;
paren_items
  : paren_elt ',' paren_elt { $$ = push(p, list1(p, $1), $3); }
  | paren_items ',' paren_elt { $$ = push(p, $1, $3); }
  ;

list_elt : namedexpr_test | star_expr ;
list_items
  : list_elt { $$ = list1(p, $1); }
  | list_items ',' list_elt { $$ = push(p, $1, $3); }
  ;
set_items
  : list_elt { $$ = list1(p, $1); }
  | set_items ',' list_elt { $$ = push(p, $1, $3); }
  ;
/* dict_items holds key, value pairs flattened; ** entries have a NULL key. */
dict_items
  : test ':' test { $$ = push(p, list1(p, $1), $3); }
  | dict_star { $$ = push(p, list1(p, NULL), $1); }
  | dict_items ',' test ':' test { $$ = push(p, push(p, $1, $3), $5); }
  | dict_items ',' dict_star { $$ = push(p, push(p, $1, NULL), $3); }
  ;
dict_star : POW expr { $$ = $2; } ;

comp_clauses
  : comp_for { CHECK($1); $$ = list1(p, $1); }
  | comp_clauses comp_for { CHECK($2); $$ = push(p, $1, $2); }
  | comp_clauses KW_IF test_nocond {
      Comprehension *c = $1->items[$1->n - 1];
      PList tmp = {c->ifs.count, c->ifs.count, (void **)c->ifs.items};
      PList *nl = concat(p, plist(p), &tmp);
      push(p, nl, $3);
      c->ifs = SEQ(ExprSeq, nl);
      $$ = $1;
    }
  ;
comp_for
  : KW_FOR exprlist KW_IN or_test { $$ = mk_compfor(p, $2, $4, 0); }
  | KW_ASYNC KW_FOR exprlist KW_IN or_test { $$ = mk_compfor(p, $3, $5, 1); }
  ;

strings
  : STRING { $$ = list1(p, $1); }
  | strings STRING { $$ = push(p, $1, $2); }
  ;

subscriptlist
  : subscript_items { $$ = list_or_tuple(p, $1, ((Expr *)$1->items[0])->kind == Starred_kind, &@$); }
  | subscript_items ',' { $$ = list_or_tuple(p, $1, 1, &@$); }
  ;
subscript_items
  : subscript { $$ = list1(p, $1); }
  | subscript_items ',' subscript { $$ = push(p, $1, $3); }
  ;
subscript
  : namedexpr_test
  | star_expr
  | opt_test ':' opt_test {
      $$ = mk_expr(p, Slice_kind, &@$); $$->v.Slice.lower = $1; $$->v.Slice.upper = $3;
    }
  | opt_test ':' opt_test ':' opt_test {
      $$ = mk_expr(p, Slice_kind, &@$); $$->v.Slice.lower = $1; $$->v.Slice.upper = $3; $$->v.Slice.step = $5;
    }
  ;
opt_test : %empty { $$ = NULL; } | test ;

arglist_opt
  : %empty { $$ = NULL; }
  | arglist
  | arglist ',' {
      for (int i = 0; i < $1->n; i++) {
        CallArg *a = $1->items[i];
        if (a->kind == CARG_GEN) { err_at(p, &a->loc, "Generator expression must be parenthesized"); YYABORT; }
      }
      $$ = $1;
    }
  ;
arglist
  : argument { $$ = list1(p, $1); }
  | arglist ',' argument { $$ = push(p, $1, $3); }
  ;
argument
  : test { $$ = call_arg(p, CARG_POS, $1, NULL, &@$); }
  | test WALRUS test { Expr *w; CHECK(w = mk_walrus(p, $1, $3, &@$)); $$ = call_arg(p, CARG_POS, w, NULL, &@$); }
  | test comp_clauses {
      $$ = call_arg(p, CARG_GEN, mk_comp(p, GeneratorExp_kind, $1, NULL, $2, &@$), NULL, &@$);
    }
  | test '=' test {
      if ($1->kind == Constant_kind && $1->v.Constant.kind <= CONST_FALSE && $1->col_offset == @1.first_column) {
        err_node(p, $1, "cannot assign to %s", expr_name($1));
        YYABORT;
      }
      if ($1->kind != Name_kind || $1->col_offset != @1.first_column || $1->lineno != @1.first_line) {
        YYLTYPE l = {@1.first_line, @1.first_column, @2.last_line, @2.last_column};
        err_at(p, &l, "expression cannot contain assignment, perhaps you meant \"==\"?");
        YYABORT;
      }
      $$ = call_arg(p, CARG_KW, $3, $1->v.Name.id, &@$);
    }
  | '*' test { $$ = call_arg(p, CARG_STAR, starred(p, $2, &@$), NULL, &@$); }
  | POW test { $$ = call_arg(p, CARG_DSTAR, $2, NULL, &@$); }
  ;

%%

static void yyerror(YYLTYPE *loc, Parser *p, const char *msg) {
  if (p->err->kind != PERR_NONE) return;
  if (strcmp(msg, "memory exhausted") == 0)
    parser_error(p, PERR_SYNTAX, loc->first_line, loc->first_column, loc->last_line, loc->last_column,
                 "too many nested parentheses");
  else
    parser_error(p, PERR_SYNTAX, loc->first_line, loc->first_column, loc->last_line, loc->last_column, "%s", msg);
}

/* ---- syntax error reporting ---------------------------------------------- */

static const char *block_owner(int tok) {
  switch (tok) {
    case KW_IF: return "'if' statement";
    case KW_ELIF: return "'elif' statement";
    case KW_ELSE: return "'else' statement";
    case KW_WHILE: return "'while' statement";
    case KW_FOR: return "'for' statement";
    case KW_TRY: return "'try' statement";
    case KW_EXCEPT: return "'except' statement";
    case KW_FINALLY: return "'finally' statement";
    case KW_WITH: return "'with' statement";
    case KW_DEF: return "function definition";
    case KW_CLASS: return "class definition";
    case KW_MATCH: return "'match' statement";
    case KW_CASE: return "'case' statement";
    default: return NULL;
  }
}

static int starts_atom(int t) {
  return t == NAME || t == NUMBER || t == STRING || t == KW_NONE || t == KW_TRUE || t == KW_FALSE ||
         t == ELLIPSIS || t == '(' || t == '[' || t == '{';
}
static void last_newline(Parser *p, int *line, int *col);
static void end_of_code(Parser *p, int *line, int *col);
static const char *find_line(const Parser *p, int lineno, const char **end);
static int ends_atom(int t) {
  return t == NAME || t == NUMBER || t == STRING || t == KW_NONE || t == KW_TRUE || t == KW_FALSE ||
         t == ELLIPSIS || t == ')' || t == ']' || t == '}';
}

/* Width of the simple operand (name, number, call, subscript...) that
 * follows q on the same line, for the range of an error message. */
static int operand_width(const char *q, const char *end) {
  const char *s = q;
  while (s < end && (*s == ' ' || *s == '\t')) s++;
  const char *start = s;
  int depth = 0;
  while (s < end && *s != '\n' && *s != '\r') {
    char c = *s;
    if (c == '(' || c == '[' || c == '{') depth++;
    else if (c == ')' || c == ']' || c == '}') {
      if (!depth) break;
      depth--;
    } else if (depth == 0 && !(c == '_' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                                 (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80)) {
      break;
    }
    s++;
  }
  return s > start ? (int)(s - q) : 0;
}

static int yyreport_syntax_error(const yypcontext_t *ctx, Parser *p) {
  if (p->err->kind != PERR_NONE) return 0;  /* the lexer already reported */
  const YYLTYPE *loc = yypcontext_location(ctx);
  yysymbol_kind_t la = yypcontext_token(ctx);
  yysymbol_kind_t exp[64];
  int n = yypcontext_expected_tokens(ctx, exp, 64);
  int want_indent = 0, want_colon = 0;
  for (int i = 0; i < n; i++) {
    if (exp[i] == YYSYMBOL_INDENT) want_indent = 1;
    if (strcmp(yysymbol_name(exp[i]), "':'") == 0) want_colon = 1;
  }
  if (la == YYSYMBOL_INDENT) {
    parser_error(p, PERR_INDENTATION, loc->last_line, loc->last_column - 1, loc->last_line, -1, "unexpected indent");
    return 0;
  }
  if (want_indent && la != YYSYMBOL_INDENT) {
    const char *owner = block_owner(p->lx.hdr_tok);
    if (p->lx.hdr_tok == KW_EXCEPT && p->lx.hdr_second == '*') owner = "'except*' statement";
    int line = loc->first_line, col = loc->first_column, end_line = loc->last_line, end_col = loc->last_column;
    if (la == YYSYMBOL_YYEOF) {
      last_newline(p, &line, &col);
      end_line = line;
      end_col = -1;
    }
    if (owner)
      parser_error(p, PERR_INDENTATION, line, col, end_line, end_col,
                   "expected an indented block after %s on line %d", owner, p->lx.hdr_line);
    else
      parser_error(p, PERR_INDENTATION, line, col, end_line, end_col, "expected an indented block");
    return 0;
  }
  if (want_colon && la == YYSYMBOL_NEWLINE) {
    err_at(p, loc, "expected ':'");
    return 0;
  }
  /* Where CPython's grammar forces the ':' (else, try, finally, def). */
  if (want_colon && (p->prev_tok == KW_ELSE || p->prev_tok == KW_TRY || p->prev_tok == KW_FINALLY ||
                     ((p->lx.cur_first_tok == KW_DEF || p->lx.cur_second_tok == KW_DEF) && p->lx.depth == 0 &&
                      p->prev_tok == ')'))) {
    err_at(p, loc, "expected ':'");
    return 0;
  }
  Lexer *L = &p->lx;
  char inner = L->depth > 0 ? L->paren_ch[L->depth - 1] : 0;
  if (p->last_tok == '(' && (p->prev_tok == KW_LAMBDA || (p->prev_tok == ',' && p->lambda_depth == L->depth))) {
    err_at(p, loc, "Lambda expression parameters cannot be parenthesized");
    return 0;
  }
  if (p->last_tok == '(' && (p->prev_tok == '(' || p->prev_tok == ',') && L->depth == 2 &&
      (L->cur_first_tok == KW_DEF || L->cur_second_tok == KW_DEF)) {
    err_at(p, loc, "Function parameters cannot be parenthesized");
    return 0;
  }
  if (p->last_tok == ':' && p->prev_tok == '*' && p->prev2_tok == KW_EXCEPT) {
    err_at(p, loc, "expected one or more exception types");
    return 0;
  }
  if (p->last_tok == '*' && p->prev_tok == '/') {
    err_at(p, loc, "expected comma between / and *");
    return 0;
  }
  if (p->last_tok == ',' && L->cur_first_tok == KW_EXCEPT && L->depth == 0) {
    /* CPython's range runs from the first type to the end of the header
     * (the last token before its ':'). */
    YYLTYPE l = p->after_except_loc;
    const char *ls, *le;
    if ((ls = find_line(p, l.first_line, &le)) && l.first_column < (int)(le - ls)) {
      const char *q = ls + l.first_column, *colon = NULL;
      int depth = 0;
      for (; q < le && !colon; q++) {
        if (*q == '(' || *q == '[' || *q == '{') depth++;
        else if (*q == ')' || *q == ']' || *q == '}') depth--;
        else if (*q == ':' && depth == 0) colon = q;
        else if (*q == '#' || *q == '\'' || *q == '"') break;
      }
      if (colon) {
        while (colon > ls && (colon[-1] == ' ' || colon[-1] == '\t')) colon--;
        l.last_line = l.first_line;
        l.last_column = (int)(colon - ls);
      }
    }
    err_at(p, &l, "multiple exception types must be parenthesized");
    return 0;
  }
  if (p->last_tok == '*' && p->prev_tok == ':' && inner == '{') {
    err_at(p, loc, "cannot use a starred expression in a dictionary value");
    return 0;
  }
  if (p->prev_tok == ':' && (p->last_tok == '}' || (p->last_tok == ',' && inner == '{'))) {
    err_at(p, &p->prev_loc, "expression expected after dictionary key and ':'");
    return 0;
  }
  if (la == YYSYMBOL_KW_FOR && (inner == '[' || inner == '{')) {
    int pl = L->paren_line[L->depth - 1] + L->line_base;
    int pc = L->paren_col[L->depth - 1] + (L->paren_line[L->depth - 1] == 1 ? L->col_base : 0) + 1;
    /* [*a for ...] / {**a for ...}: CPython names the unpacking, over the
     * starred element (which ends with the token before 'for'). */
    const char *ls = NULL, *le = NULL;
    if (pl >= 1 && (ls = find_line(p, pl, &le)) && pc >= 0 && pc < (int)(le - ls)) {
      const char *q = ls + pc;
      while (q < le && (*q == ' ' || *q == '\t')) q++;
      if (q < le && *q == '*') {
        int dbl = q + 1 < le && q[1] == '*';
        if (!dbl || inner == '{') {
          /* the dict form marks just the '**' token */
          parser_error(p, PERR_SYNTAX, pl, (int)(q - ls), dbl ? pl : p->prev_loc.last_line,
                       dbl ? (int)(q - ls) + 2 : p->prev_loc.last_column, dbl ? "dict unpacking cannot be used in dict comprehension"
                           : "iterable unpacking cannot be used in comprehension");
          return 0;
        }
      }
    }
    YYLTYPE l = {pl, pc, loc->last_line, loc->first_column};
    err_at(p, &l, "did you forget parentheses around the comprehension target?");
    return 0;
  }
  /* "if x.a = 1:", "if x = 1:": only where CPython parses a named
   * expression (conditions and bracketed items). */
  int named_ctx = L->depth > 0 || L->cur_first_tok == KW_IF || L->cur_first_tok == KW_ELIF ||
                  L->cur_first_tok == KW_WHILE;
  if (named_ctx && p->last_tok == '=' && p->prev_tok == NAME && p->prev2_tok == '.') {
    YYLTYPE l = p->prev_atom_loc;
    l.last_line = loc->last_line;
    l.last_column = loc->last_column + operand_width(p->lx.cur, p->lx.end);
    err_at(p, &l, "cannot assign to attribute here. Maybe you meant '==' instead of '='?");
    return 0;
  }
  if (named_ctx && p->last_tok == '=' && p->prev_tok == NAME && p->prev2_tok != '.') {
    YYLTYPE l = p->prev_loc;
    l.last_line = loc->last_line;
    l.last_column = loc->last_column + operand_width(p->lx.cur, p->lx.end);
    err_at(p, &l, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return 0;
  }
  int want_except = 0, want_finally = 0, want_paren = 0;
  for (int i = 0; i < n; i++) {
    if (exp[i] == YYSYMBOL_KW_EXCEPT) want_except = 1;
    if (exp[i] == YYSYMBOL_KW_FINALLY) want_finally = 1;
    if (strcmp(yysymbol_name(exp[i]), "'('") == 0) want_paren = 1;
  }
  if (want_except && want_finally) {
    /* CPython points at the token after the block without a range (no
     * caret); at the end of input that token sits after the last line
     * of code. */
    int line = loc->first_line, col = loc->first_column;
    if (la == YYSYMBOL_YYEOF) end_of_code(p, &line, &col);
    parser_error(p, PERR_SYNTAX, line, col, line, -1, "expected 'except' or 'finally' block");
    return 0;
  }
  if (want_paren && n == 1) {
    err_at(p, loc, "expected '('");
    return 0;
  }
  if (want_colon && n == 1 && (p->last_tok == '}' || p->last_tok == ',')) {
    /* {1: 2, 3}: the lone key ends with the previous token; CPython marks
     * the key's last character only. */
    parser_error(p, PERR_SYNTAX, p->prev_loc.last_line, p->prev_loc.last_column - 1, p->prev_loc.last_line, -1,
                 "':' expected after dictionary key");
    return 0;
  }
  /* Parameter lists are not expressions: no comma hint there. */
  int in_params = (p->lx.cur_first_tok == KW_DEF || p->lx.cur_second_tok == KW_DEF) && p->lx.depth == 1;
  if (p->prev_tok == '=' && (p->last_tok == ')' || p->last_tok == ',') && p->lx.cur_first_tok == KW_DEF) {
    err_at(p, &p->prev_loc, "expected default value expression");
    return 0;
  }
  for (int i = 0; i < n; i++) {
    if (exp[i] == YYSYMBOL_KW_ELSE && n <= 2 && la != YYSYMBOL_KW_ELSE && p->last_tok != ':') {
      err_at(p, loc, "expected 'else' after 'if' expression");
      return 0;
    }
  }
  if (starts_atom(p->last_tok) && ends_atom(p->prev_tok)) {
    if ((p->lx.depth > 0 || p->lx.join_lines) && la != YYSYMBOL_YYEOF && !in_params) {
      YYLTYPE l = p->prev_atom_loc;
      l.last_line = loc->last_line;
      l.last_column = loc->last_column;
      err_at(p, &l, "invalid syntax. Perhaps you forgot a comma?");
      return 0;
    }
    if (p->prev_tok == NAME && p->lx.cur_first_tok == NAME && p->prev_loc.first_column == 0 &&
        p->last_loc.first_line == p->prev_loc.first_line) {
      const char *start = p->lx.line_start + p->prev_loc.first_column;
      if (p->prev_loc.last_column - p->prev_loc.first_column == 5 && strncmp(start, "print", 5) == 0) {
        YYLTYPE l = p->prev_loc;
        l.last_line = loc->last_line;
        l.last_column = loc->last_column;
        err_at(p, &l, "Missing parentheses in call to 'print'. Did you mean print(...)?");
        return 0;
      }
    }
  }
  err_at(p, loc, "invalid syntax");
  return 0;
}

/* Position of the last newline of the source (CPython reports errors at
 * end of input there). */
/* The end of the last line holding code (not blank, not only a comment). */
static void end_of_code(Parser *p, int *line, int *col) {
  const char *s = p->root_src, *e = p->root_end;
  int l = 1;
  const char *ls = s;
  for (const char *q = s; q <= e; q++) {
    if (q == e || *q == '\n') {
      const char *t = ls, *end = q;
      if (end > ls && end[-1] == '\r') end--;
      while (t < end && (*t == ' ' || *t == '\t' || *t == '\f')) t++;
      if (t < end && *t != '#') {
        *line = l;
        *col = (int)(end - ls);
      }
      l++;
      ls = q + 1;
    }
  }
}

static void last_newline(Parser *p, int *line, int *col) {
  const char *s = p->root_src, *e = p->root_end;
  const char *nl = NULL;
  int l = 1, nl_line = 1;
  for (const char *q = s; q < e; q++) {
    if (*q == '\n') { nl = q; nl_line = l; l++; }
  }
  if (!nl) return;
  const char *ls = nl;
  while (ls > s && ls[-1] != '\n') ls--;
  *line = nl_line;
  *col = (int)(nl - ls);
}

/* ---- errors: position conversion ---------------------------------------- */

/* Finds physical line `lineno` (1-based) of the root source. */
static const char *find_line(const Parser *p, int lineno, const char **end) {
  const char *s = p->root_src, *e = p->root_end;
  for (int l = 1; l < lineno && s < e; s++) {
    if (*s == '\n' || (*s == '\r' && !(s + 1 < e && s[1] == '\n'))) l++;
  }
  if (lineno < 1 || s > e) return NULL;
  const char *q = s;
  while (q < e && *q != '\n' && *q != '\r') q++;
  if (q < e && *q == '\r' && q + 1 < e && q[1] == '\n') q++;
  if (q < e) q++;
  *end = q;
  return s;
}

static int char_col(const char *line, const char *lend, int bytecol) {
  int chars = 0;
  for (const char *s = line; s < line + bytecol && s < lend; s++)
    if (((unsigned char)*s & 0xC0) != 0x80) chars++;
  if (bytecol > lend - line) chars += bytecol - (int)(lend - line);
  return chars;
}

int parser_error(Parser *p, ParseErrorKind kind, int line, int col, int end_line, int end_col, const char *fmt, ...) {
  ParseError *e = p->err;
  if (e->kind != PERR_NONE) return 0;
  e->kind = kind;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
  e->lineno = line;
  e->end_lineno = end_line > 0 ? end_line : 0;
  e->text = NULL;
  const char *lend = NULL;
  const char *ls = find_line(p, line, &lend);
  if (ls && lend > ls) {
    e->text = ast_strndup(p->arena, ls, (size_t)(lend - ls));
    e->offset = char_col(ls, lend, col) + 1;
  } else {
    e->offset = col + 1;
  }
  e->end_offset = 0;
  if (end_line > 0 && end_col >= 0) {
    const char *le2 = NULL;
    const char *l2 = find_line(p, end_line, &le2);
    e->end_offset = (l2 ? char_col(l2, le2, end_col) : end_col) + 1;
  }
  return 0;
}

const char *parse_error_type_name(ParseErrorKind kind) {
  switch (kind) {
    case PERR_INDENTATION: return "IndentationError";
    case PERR_TAB: return "TabError";
    default: return "SyntaxError";
  }
}

/* ---- entry points -------------------------------------------------------- */

Expr *parser_parse_fstring_expr(Parser *p, const char *src, size_t len, int line, int col) {
  if (p->fstring_depth >= 8) {
    err_at(p, &p->last_loc, "f-string: expressions nested too deeply");
    return NULL;
  }
  Parser *sub = ast_alloc(p->arena, sizeof *sub);
  ParseError suberr;
  memset(&suberr, 0, sizeof suberr);
  sub->arena = p->arena;
  sub->err = &suberr;
  sub->filename = p->filename;
  sub->mode = p->mode;
  sub->fstring_depth = p->fstring_depth + 1;
  sub->root_src = p->root_src;
  sub->root_end = p->root_end;
  char *buf = ast_strndup(p->arena, src, len);
  lexer_init(sub, buf, len, START_FSTR, 1);
  sub->lx.join_lines = 1;
  sub->lx.line_base = line - 1;
  sub->lx.col_base = col;
  if (yyparse(sub) != 0 || !sub->fresult) {
    if (suberr.kind == PERR_NONE) {
      suberr.kind = PERR_SYNTAX;
      snprintf(suberr.msg, sizeof suberr.msg, "invalid syntax");
    }
    if (p->err->kind == PERR_NONE) {
      *p->err = suberr;
      if (strncmp(suberr.msg, "f-string", 8) != 0)
        snprintf(p->err->msg, sizeof p->err->msg, "f-string: %.240s", suberr.msg);
      /* CPython 3.11 parses the field as "(expr)" and reports the error
       * in that text. */
      if (suberr.lineno == line && !memchr(src, '\n', len)) {
        const char *lend = NULL;
        const char *ls = find_line(p, line, &lend);
        int ccol = ls ? char_col(ls, lend, col) : col;
        char *text = ast_alloc(p->arena, len + 4);
        text[0] = '(';
        memcpy(text + 1, src, len);
        memcpy(text + 1 + len, ")\n", 3);
        p->err->text = text;
        p->err->offset = suberr.offset - ccol + 1;
        if (suberr.end_offset > 0 && suberr.end_lineno == line) p->err->end_offset = suberr.end_offset - ccol + 1;
      }
    }
    return NULL;
  }
  return sub->fresult;
}

/* Checks UTF-8 well-formedness (no overlongs, no surrogates). Returns the
 * offset of the first bad byte or -1, and why. */
static long bad_utf8(const unsigned char *s, size_t n, const char **why) {
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    if (c < 0x80) { i++; continue; }
    int need;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; min = 0x10000; }
    else { *why = "invalid start byte"; return (long)i; }
    unsigned cp = c & (0x3F >> need);
    for (int k = 1; k <= need; k++) {
      if (i + (size_t)k >= n) { *why = "unexpected end of data"; return (long)i; }
      unsigned d = s[i + (size_t)k];
      if ((d & 0xC0) != 0x80) { *why = "invalid continuation byte"; return (long)i; }
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { *why = "invalid continuation byte"; return (long)i; }
    i += (size_t)need + 1;
  }
  return -1;
}

/* As CPython, a lexical error anywhere after a syntax error wins over it
 * (an unterminated string explains a confusing parse error better), and
 * so does an unclosed bracket opened on an earlier line. */
static void check_rest_of_source(Parser *p) {
  if (strcmp(p->err->msg, "unexpected indent") == 0) return;
  ParseError saved = *p->err;
  int err_line = saved.lineno > p->last_loc.last_line ? saved.lineno : p->last_loc.last_line;
  memset(p->err, 0, sizeof *p->err);
  YYSTYPE v;
  YYLTYPE l;
  int t;
  do {
    t = lexer_next(p, &v, &l);
  } while (t != YYEOF && t != YYUNDEF);
  if (p->err->kind == PERR_NONE) {
    *p->err = saved;
    return;
  }
  /* Indentation problems, a bad line continuation, stray characters and
   * the end of input are left for the parser in CPython: they do not win,
   * except that a bracket still open there, opened on an earlier line than
   * the syntax error, is reported as never closed. */
  size_t n = strlen(p->err->msg);
  int soft = p->err->kind != PERR_SYNTAX || strcmp(p->err->msg, "invalid syntax") == 0 ||
             strcmp(p->err->msg, "unexpected character after line continuation character") == 0 ||
             strcmp(p->err->msg, "unexpected EOF while parsing") == 0 ||
             (n > 16 && strcmp(p->err->msg + n - 16, "was never closed") == 0);
  if (!soft) return;
  Lexer *L = &p->lx;
  if (L->depth > 0 && L->paren_line[L->depth - 1] + L->line_base < err_line) {
    memset(p->err, 0, sizeof *p->err);
    int pl = L->paren_line[L->depth - 1], pc = L->paren_col[L->depth - 1];
    parser_error(p, PERR_SYNTAX, pl, pc, pl, -1, "'%c' was never closed", L->paren_ch[L->depth - 1]);
    return;
  }
  *p->err = saved;
}

Module *parse_source(Arena *a, const char *src, size_t len, const char *filename, int mode, ParseError *err) {
  memset(err, 0, sizeof *err);
  if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
    src += 3;
    len -= 3;
  }
  Parser *p = ast_alloc(a, sizeof *p);
  p->arena = a;
  p->err = err;
  p->filename = filename ? filename : "<string>";
  p->mode = mode;
  char *buf = ast_alloc(a, len + 4);
  memcpy(buf, src, len);
  p->root_src = buf;
  p->root_end = buf + len;
  const char *why = NULL;
  long bad = bad_utf8((const unsigned char *)buf, len, &why);
  if (bad >= 0) {
    int line = 1;
    const char *ls = buf;
    for (long k = 0; k < bad; k++)
      if (buf[k] == '\n') { line++; ls = buf + k + 1; }
    if (p->filename[0] != '<') {
      /* A script file: CPython checks the whole file first and reports no
       * location (lineno 0, no text), only this message. */
      parser_error(p, PERR_SYNTAX, line, 0, -1, -1,
                   "Non-UTF-8 code starting with '\\x%02x' in file %.150s on line %d, but no encoding declared; "
                   "see https://peps.python.org/pep-0263/ for details",
                   (unsigned char)buf[bad], p->filename, line);
      err->lineno = 0;
      err->offset = 0;
      err->text = NULL;
    } else {
      /* Source text given as bytes (exec/compile): the position is
       * counted from the start of the line. */
      parser_error(p, PERR_SYNTAX, line, 0, -1, -1,
                   "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %ld: %s",
                   (unsigned char)buf[bad], (long)(buf + bad - ls), why);
    }
    return NULL;
  }
  int start = mode == PARSE_EVAL ? START_EVAL : mode == PARSE_SINGLE ? START_SINGLE : START_FILE;
  lexer_init(p, buf, len, start, mode == PARSE_EVAL);
  int rc = yyparse(p);
  if (rc != 0 && err->kind != PERR_NONE && !p->lexer_failed) check_rest_of_source(p);
  if (rc != 0 || !p->result) {
    if (err->kind == PERR_NONE) {
      err->kind = PERR_SYNTAX;
      snprintf(err->msg, sizeof err->msg, rc == 2 ? "too many nested parentheses" : "invalid syntax");
    }
    return NULL;
  }
  return p->result;
}
