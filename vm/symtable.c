/* symtable.c — the scope pass (see symtable.h).
 *
 * Two phases, as CPython's symtable.c:
 *  1. visit: walk the tree, opening a SymScope for every def, lambda, class
 *     and comprehension, and OR-ing DEF_* flags into each scope's symbols.
 *     Declaration errors (`global` after use, nonlocal at module level,
 *     yield outside a function, ...) are detected here.
 *  2. analyze: resolve every symbol top-down with the sets of names bound
 *     by enclosing functions ("bound") and declared global ("global"), then
 *     bottom-up turn locals needed by inner functions into cells and add
 *     pass-through free variables to intermediate scopes.
 * Names are compared with strcmp: scopes are small, and the pass runs once
 * per compilation.  The first error wins; later visits are skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/symtable.h"

/* ---- memory -------------------------------------------------------------- */

static void *st_alloc(SymTable *st, size_t n) {
  void *p = calloc(1, n ? n : 1);
  if (!p) {
    fprintf(stderr, "gilpy: out of memory\n");
    abort();
  }
  if (st->npool == st->cappool) {
    st->cappool = st->cappool ? st->cappool * 2 : 64;
    st->pool = realloc(st->pool, (size_t)st->cappool * sizeof(void *));
    if (!st->pool) abort();
  }
  st->pool[st->npool++] = p;
  return p;
}

static void *grow(void *arr, int *cap, int need, size_t elem) {
  if (need <= *cap) return arr;
  int nc = *cap ? *cap * 2 : 8;
  while (nc < need) nc *= 2;
  void *p = realloc(arr, (size_t)nc * elem);
  if (!p) abort();
  *cap = nc;
  return p;
}

static void free_scope_arrays(SymScope *s);

void symtable_free(SymTable *st) {
  if (!st) return;
  free_scope_arrays(st->top);
  for (int i = 0; i < st->npool; i++) free(st->pool[i]);
  free(st->pool);
  free(st);
}

/* Scope arrays (children, syms) are realloc'd, so they are freed through
 * a walk rather than the pool. */
static void free_scope_arrays(SymScope *s) {
  if (!s) return;
  for (int i = 0; i < s->nchildren; i++) free_scope_arrays(s->children[i]);
  free(s->children);
  free(s->syms);
  free(s->index);
}

/* ---- errors -------------------------------------------------------------- */

static int st_error_at(SymTable *st, int lineno, int col, int end_lineno, int end_col, const char *fmt, const char *name) {
  if (st->failed) return -1;
  st->failed = true;
  snprintf(st->errmsg, sizeof st->errmsg, fmt, name ? name : "");
  st->err_lineno = lineno;
  st->err_col = col;
  st->err_end_lineno = end_lineno;
  st->err_end_col = end_col;
  return -1;
}
#define ERR_STMT(s, fmt, name) st_error_at(st, (s)->lineno, (s)->col_offset, (s)->end_lineno, (s)->end_col_offset, fmt, name)
#define ERR_EXPR(e, fmt, name) st_error_at(st, (e)->lineno, (e)->col_offset, (e)->end_lineno, (e)->end_col_offset, fmt, name)

/* ---- mangling ------------------------------------------------------------ */

const char *symtable_mangle(SymTable *st, const char *private_name, const char *name) {
  if (!private_name || name[0] != '_' || name[1] != '_') return name;
  size_t n = strlen(name);
  if (name[n - 1] == '_' && name[n - 2] == '_') return name; /* __dunder__, and '__' itself */
  if (strchr(name, '.')) return name;
  while (*private_name == '_') private_name++;
  if (!*private_name) return name;
  size_t pn = strlen(private_name);
  char *out = st_alloc(st, 1 + pn + n + 1);
  out[0] = '_';
  memcpy(out + 1, private_name, pn);
  memcpy(out + 1 + pn, name, n + 1);
  return out;
}

/* ---- scopes and symbols -------------------------------------------------- */

/* Names are looked up through a small open-addressing index (slot =
 * symbol index + 1, 0 = empty): modules can bind thousands of names. */
static uint32_t name_hash(const char *n) {
  uint32_t h = 2166136261u;
  for (; *n; n++) h = (h ^ (uint8_t)*n) * 16777619u;
  return h;
}

static void index_insert(int32_t *slots, int cap, uint32_t h, int32_t item) {
  uint32_t mask = (uint32_t)cap - 1;
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    if (slots[i] == 0) {
      slots[i] = item + 1;
      return;
    }
  }
}

static void scope_reindex(SymScope *s) {
  int cap = 16;
  while (cap < s->nsyms * 2 + 2) cap *= 2;
  free(s->index);
  s->index = calloc((size_t)cap, sizeof(int32_t));
  if (!s->index) abort();
  s->indexcap = cap;
  for (int i = 0; i < s->nsyms; i++) index_insert(s->index, cap, name_hash(s->syms[i].name), i);
}

Symbol *symscope_lookup(const SymScope *s, const char *name) {
  if (!s->index) return NULL;
  uint32_t mask = (uint32_t)s->indexcap - 1;
  for (uint32_t i = name_hash(name) & mask; s->index[i] != 0; i = (i + 1) & mask) {
    Symbol *sym = &s->syms[s->index[i] - 1];
    if (strcmp(sym->name, name) == 0) return sym;
  }
  return NULL;
}

const char *symtable_add_to_name(const Stmt *s) {
  if (s->kind != Assign_kind || s->v.Assign.targets.count != 1) return NULL;
  const Expr *t = s->v.Assign.targets.items[0], *v = s->v.Assign.value;
  if (t->kind != Name_kind || v->kind != BinOp_kind || v->v.BinOp.op != Add_op) return NULL;
  const Expr *l = v->v.BinOp.left;
  return l->kind == Name_kind && strcmp(l->v.Name.id, t->v.Name.id) == 0 ? t->v.Name.id : NULL;
}

SymScopeKind symscope_scope(const SymScope *s, const char *name) {
  Symbol *sym = symscope_lookup(s, name);
  return sym ? sym->scope : SC_NONE;
}

SymScope *symtable_child(const SymScope *parent, const void *key) {
  for (int i = 0; i < parent->nchildren; i++)
    if (parent->children[i]->key == key) return parent->children[i];
  return NULL;
}

static Symbol *add_sym(SymScope *s, const char *name) {
  Symbol *sym = symscope_lookup(s, name);
  if (sym) return sym;
  s->syms = grow(s->syms, &s->capsyms, s->nsyms + 1, sizeof(Symbol));
  sym = &s->syms[s->nsyms++];
  memset(sym, 0, sizeof *sym);
  sym->name = name;
  sym->flags = 0;
  sym->scope = SC_NONE;
  if (!s->index || s->nsyms * 2 > s->indexcap)
    scope_reindex(s);
  else
    index_insert(s->index, s->indexcap, name_hash(name), s->nsyms - 1);
  return sym;
}

/* Adds flag to name (mangled) in the current scope. */
static int add_def(SymTable *st, const char *name, int flag) {
  const char *m = symtable_mangle(st, st->cur->private_name, name);
  Symbol *sym = add_sym(st->cur, m);
  sym->flags |= flag;
  return 0;
}

static SymScope *enter_scope(SymTable *st, BlockKind kind, const char *name, const void *key, int lineno, int col) {
  SymScope *s = st_alloc(st, sizeof(SymScope));
  SymScope *parent = st->cur;
  s->kind = kind;
  s->name = name;
  s->key = key;
  s->parent = parent;
  s->lineno = lineno;
  s->col_offset = col;
  if (parent) {
    parent->children = grow(parent->children, &parent->capchildren, parent->nchildren + 1, sizeof(SymScope *));
    parent->children[parent->nchildren++] = s;
    s->private_name = parent->private_name;
    /* A lambda or comprehension inside a comprehension's iterable is still
     * part of that iterable for the walrus rule (as CPython). */
    s->comp_iter_expr = parent->comp_iter_expr;
    s->is_nested = parent->kind == BLOCK_FUNCTION || parent->is_nested;
  }
  if (kind == BLOCK_CLASS) s->private_name = name;
  st->cur = s;
  return s;
}

static void leave_scope(SymTable *st) { st->cur = st->cur->parent; }

/* The nearest scope that is not a comprehension (await/yield attribution). */
static SymScope *non_comp_scope(SymScope *s) {
  while (s->comp != COMP_NONE && s->parent) s = s->parent;
  return s;
}

/* An await (or async comprehension) in scope s: every enclosing
 * comprehension becomes asynchronous, up to a generator expression (an
 * async genexp may live anywhere) or the enclosing function or module,
 * which then uses await itself. */
static void mark_await(SymScope *s) {
  while (s->comp != COMP_NONE && s->comp != COMP_GEN && s->parent) {
    s->uses_await = true;
    s = s->parent;
  }
  s->uses_await = true;
}

/* ---- visiting ------------------------------------------------------------ */

static int visit_stmt(SymTable *st, const Stmt *s);
static int visit_expr(SymTable *st, const Expr *e);
static int visit_patterns(SymTable *st, PatternSeq seq);

static int visit_stmts(SymTable *st, StmtSeq seq) {
  for (int i = 0; i < seq.count; i++)
    if (visit_stmt(st, seq.items[i]) < 0) return -1;
  return 0;
}

static int visit_exprs(SymTable *st, ExprSeq seq) {
  for (int i = 0; i < seq.count; i++)
    if (seq.items[i] && visit_expr(st, seq.items[i]) < 0) return -1;
  return 0;
}

static int visit_params(SymTable *st, ArgSeq args) {
  for (int i = 0; i < args.count; i++) {
    const char *m = symtable_mangle(st, st->cur->private_name, args.items[i]->arg);
    Symbol *sym = symscope_lookup(st->cur, m);
    if (sym && (sym->flags & DEF_PARAM)) {
      const Arg *a = args.items[i];
      return st_error_at(st, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset,
                         "duplicate argument '%s' in function definition", args.items[i]->arg);
    }
    add_def(st, args.items[i]->arg, DEF_PARAM);
  }
  return 0;
}

static int visit_one_param(SymTable *st, const Arg *a) {
  ArgSeq seq = {1, (Arg **)&a};
  return visit_params(st, seq);
}

/* Parameters in code-object order: positional, keyword-only, *args, **kwargs. */
static int visit_arguments(SymTable *st, const Arguments *a) {
  if (!a) return 0;
  if (visit_params(st, a->posonlyargs) < 0 || visit_params(st, a->args) < 0 || visit_params(st, a->kwonlyargs) < 0)
    return -1;
  if (a->vararg) {
    if (visit_one_param(st, a->vararg) < 0) return -1;
    st->cur->has_varargs = true;
  }
  if (a->kwarg) {
    if (visit_one_param(st, a->kwarg) < 0) return -1;
    st->cur->has_varkw = true;
  }
  return 0;
}

static int visit_arg_annotations(SymTable *st, ArgSeq args) {
  for (int i = 0; i < args.count; i++)
    if (args.items[i]->annotation && visit_expr(st, args.items[i]->annotation) < 0) return -1;
  return 0;
}

/* Annotations and defaults are evaluated in the enclosing scope. */
static int visit_signature_outer(SymTable *st, const Arguments *a, const Expr *returns) {
  if (a) {
    if (visit_exprs(st, a->defaults) < 0 || visit_exprs(st, a->kw_defaults) < 0) return -1;
    if (visit_arg_annotations(st, a->posonlyargs) < 0 || visit_arg_annotations(st, a->args) < 0 ||
        visit_arg_annotations(st, a->kwonlyargs) < 0)
      return -1;
    if (a->vararg && a->vararg->annotation && visit_expr(st, a->vararg->annotation) < 0) return -1;
    if (a->kwarg && a->kwarg->annotation && visit_expr(st, a->kwarg->annotation) < 0) return -1;
  }
  if (returns && visit_expr(st, returns) < 0) return -1;
  return 0;
}

static int declare(SymTable *st, const Stmt *s, const char *name, bool is_global) {
  const char *m = symtable_mangle(st, st->cur->private_name, name);
  Symbol *sym = symscope_lookup(st->cur, m);
  int cur = sym ? sym->flags : 0;
  if (cur & (DEF_PARAM | DEF_LOCAL | DEF_USE | DEF_ANNOT)) {
    const char *msg;
    if (cur & DEF_PARAM)
      msg = is_global ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal";
    else if (cur & DEF_USE)
      msg = is_global ? "name '%s' is used prior to global declaration" : "name '%s' is used prior to nonlocal declaration";
    else if (cur & DEF_ANNOT)
      msg = is_global ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal";
    else
      msg = is_global ? "name '%s' is assigned to before global declaration"
                      : "name '%s' is assigned to before nonlocal declaration";
    return ERR_STMT(s, msg, name);
  }
  if (is_global && (cur & DEF_NONLOCAL)) return ERR_STMT(s, "name '%s' is nonlocal and global", name);
  if (!is_global && (cur & DEF_GLOBAL)) return ERR_STMT(s, "name '%s' is nonlocal and global", name);
  add_def(st, name, is_global ? DEF_GLOBAL : DEF_NONLOCAL);
  Symbol *d = symscope_lookup(st->cur, m);
  d->decl_lineno = s->lineno;
  d->decl_col = s->col_offset;
  d->decl_end_lineno = s->end_lineno;
  d->decl_end_col = s->end_col_offset;
  return 0;
}

static int visit_alias(SymTable *st, const Stmt *s, const Alias *a) {
  if (strcmp(a->name, "*") == 0) {
    if (st->cur->kind != BLOCK_MODULE) return ERR_STMT(a, "import * only allowed at module level", NULL);
    return 0;
  }
  if (a->asname) return add_def(st, a->asname, DEF_IMPORT);
  /* import a.b.c binds a */
  const char *dot = strchr(a->name, '.');
  if (!dot) return add_def(st, a->name, DEF_IMPORT);
  size_t n = (size_t)(dot - a->name);
  char *first = st_alloc(st, n + 1);
  memcpy(first, a->name, n);
  return add_def(st, first, DEF_IMPORT);
}

/* A pattern's captures are assignments; its values, class names and
 * mapping keys are reads. */
static int visit_pattern(SymTable *st, const Pattern *p) {
  switch (p->kind) {
  case MatchValue_kind: return visit_expr(st, p->v.MatchValue.value);
  case MatchSingleton_kind: return 0;
  case MatchSequence_kind: return visit_patterns(st, p->v.MatchSequence.patterns);
  case MatchMapping_kind:
    if (visit_exprs(st, p->v.MatchMapping.keys) < 0 || visit_patterns(st, p->v.MatchMapping.patterns) < 0) return -1;
    return p->v.MatchMapping.rest ? add_def(st, p->v.MatchMapping.rest, DEF_LOCAL) : 0;
  case MatchClass_kind:
    if (visit_expr(st, p->v.MatchClass.cls) < 0 || visit_patterns(st, p->v.MatchClass.patterns) < 0) return -1;
    return visit_patterns(st, p->v.MatchClass.kwd_patterns);
  case MatchStar_kind: return p->v.MatchStar.name ? add_def(st, p->v.MatchStar.name, DEF_LOCAL) : 0;
  case MatchAs_kind:
    if (p->v.MatchAs.pattern && visit_pattern(st, p->v.MatchAs.pattern) < 0) return -1;
    return p->v.MatchAs.name ? add_def(st, p->v.MatchAs.name, DEF_LOCAL) : 0;
  case MatchOr_kind: return visit_patterns(st, p->v.MatchOr.patterns);
  }
  return 0;
}

static int visit_patterns(SymTable *st, PatternSeq seq) {
  for (int i = 0; i < seq.count; i++)
    if (visit_pattern(st, seq.items[i]) < 0) return -1;
  return 0;
}

static int visit_stmt(SymTable *st, const Stmt *s) {
  if (st->failed) return -1;
  switch (s->kind) {
  case FunctionDef_kind:
  case AsyncFunctionDef_kind: {
    if (add_def(st, s->v.FunctionDef.name, DEF_LOCAL) < 0) return -1;
    if (visit_signature_outer(st, s->v.FunctionDef.args, s->v.FunctionDef.returns) < 0) return -1;
    if (visit_exprs(st, s->v.FunctionDef.decorator_list) < 0) return -1;
    SymScope *fs = enter_scope(st, BLOCK_FUNCTION, s->v.FunctionDef.name, s, s->lineno, s->col_offset);
    fs->is_coroutine = s->kind == AsyncFunctionDef_kind;
    if (visit_arguments(st, s->v.FunctionDef.args) < 0) return -1;
    if (visit_stmts(st, s->v.FunctionDef.body) < 0) return -1;
    leave_scope(st);
    return 0;
  }
  case ClassDef_kind: {
    if (add_def(st, s->v.ClassDef.name, DEF_LOCAL) < 0) return -1;
    if (visit_exprs(st, s->v.ClassDef.bases) < 0) return -1;
    for (int i = 0; i < s->v.ClassDef.keywords.count; i++)
      if (visit_expr(st, s->v.ClassDef.keywords.items[i]->value) < 0) return -1;
    if (visit_exprs(st, s->v.ClassDef.decorator_list) < 0) return -1;
    enter_scope(st, BLOCK_CLASS, s->v.ClassDef.name, s, s->lineno, s->col_offset);
    if (visit_stmts(st, s->v.ClassDef.body) < 0) return -1;
    leave_scope(st);
    return 0;
  }
  case Return_kind:
    if (st->cur->kind != BLOCK_FUNCTION) return ERR_STMT(s, "'return' outside function", NULL);
    return s->v.Return.value ? visit_expr(st, s->v.Return.value) : 0;
  case Delete_kind: return visit_exprs(st, s->v.Delete.targets);
  case Assign_kind: {
    if (visit_exprs(st, s->v.Assign.targets) < 0) return -1;
    const char *grown = symtable_add_to_name(s);
    if (grown && add_def(st, grown, DEF_ADD_TO) < 0) return -1;
    return visit_expr(st, s->v.Assign.value);
  }
  case AugAssign_kind: {
    if (visit_expr(st, s->v.AugAssign.target) < 0) return -1;
    int flags = DEF_USE | (s->v.AugAssign.op == Add_op ? DEF_ADD_TO : 0);
    if (s->v.AugAssign.target->kind == Name_kind && add_def(st, s->v.AugAssign.target->v.Name.id, flags) < 0) return -1;
    return visit_expr(st, s->v.AugAssign.value);
  }
  case AnnAssign_kind: {
    const Expr *t = s->v.AnnAssign.target;
    if (t->kind == Name_kind) {
      const char *m = symtable_mangle(st, st->cur->private_name, t->v.Name.id);
      Symbol *sym = symscope_lookup(st->cur, m);
      if (sym && (sym->flags & (DEF_GLOBAL | DEF_NONLOCAL)) && s->v.AnnAssign.simple)
        return ERR_EXPR(t, (sym->flags & DEF_GLOBAL) ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal",
                        t->v.Name.id);
      if (s->v.AnnAssign.simple) {
        if (add_def(st, t->v.Name.id, DEF_ANNOT | DEF_LOCAL) < 0) return -1;
      } else if (s->v.AnnAssign.value && add_def(st, t->v.Name.id, DEF_LOCAL) < 0) {
        return -1;
      }
    } else if (visit_expr(st, t) < 0) {
      return -1;
    }
    if (st->cur->kind != BLOCK_FUNCTION) {
      st->cur->has_annotations = true;
      if (visit_expr(st, s->v.AnnAssign.annotation) < 0) return -1;
    }
    return s->v.AnnAssign.value ? visit_expr(st, s->v.AnnAssign.value) : 0;
  }
  case For_kind:
  case AsyncFor_kind:
    if (s->kind == AsyncFor_kind) non_comp_scope(st->cur)->uses_await = true;
    if (visit_expr(st, s->v.For.target) < 0 || visit_expr(st, s->v.For.iter) < 0) return -1;
    if (visit_stmts(st, s->v.For.body) < 0) return -1;
    return visit_stmts(st, s->v.For.orelse);
  case While_kind:
  case If_kind:
    if (visit_expr(st, s->v.While.test) < 0 || visit_stmts(st, s->v.While.body) < 0) return -1;
    return visit_stmts(st, s->v.While.orelse);
  case With_kind:
  case AsyncWith_kind:
    if (s->kind == AsyncWith_kind) non_comp_scope(st->cur)->uses_await = true;
    for (int i = 0; i < s->v.With.items.count; i++) {
      const WithItem *w = s->v.With.items.items[i];
      if (visit_expr(st, w->context_expr) < 0) return -1;
      if (w->optional_vars && visit_expr(st, w->optional_vars) < 0) return -1;
    }
    return visit_stmts(st, s->v.With.body);
  case Match_kind:
    if (visit_expr(st, s->v.Match.subject) < 0) return -1;
    for (int i = 0; i < s->v.Match.cases.count; i++) {
      const MatchCase *m = s->v.Match.cases.items[i];
      if (visit_pattern(st, m->pattern) < 0) return -1;
      if (m->guard && visit_expr(st, m->guard) < 0) return -1;
      if (visit_stmts(st, m->body) < 0) return -1;
    }
    return 0;
  case Raise_kind:
    if (s->v.Raise.exc && visit_expr(st, s->v.Raise.exc) < 0) return -1;
    return s->v.Raise.cause ? visit_expr(st, s->v.Raise.cause) : 0;
  case Try_kind:
  case TryStar_kind:
    if (visit_stmts(st, s->v.Try.body) < 0) return -1;
    for (int i = 0; i < s->v.Try.handlers.count; i++) {
      const ExceptHandler *h = s->v.Try.handlers.items[i];
      if (h->type && visit_expr(st, h->type) < 0) return -1;
      if (h->name && add_def(st, h->name, DEF_LOCAL) < 0) return -1;
      if (visit_stmts(st, h->body) < 0) return -1;
    }
    if (visit_stmts(st, s->v.Try.orelse) < 0) return -1;
    return visit_stmts(st, s->v.Try.finalbody);
  case Assert_kind:
    if (visit_expr(st, s->v.Assert.test) < 0) return -1;
    return s->v.Assert.msg ? visit_expr(st, s->v.Assert.msg) : 0;
  case Import_kind:
  case ImportFrom_kind: {
    AliasSeq names = s->kind == Import_kind ? s->v.Import.names : s->v.ImportFrom.names;
    for (int i = 0; i < names.count; i++)
      if (visit_alias(st, s, names.items[i]) < 0) return -1;
    return 0;
  }
  case Global_kind:
  case Nonlocal_kind: {
    bool is_global = s->kind == Global_kind;
    if (!is_global && st->cur->kind == BLOCK_MODULE)
      return ERR_STMT(s, "nonlocal declaration not allowed at module level", NULL);
    for (int i = 0; i < s->v.Global.names.count; i++)
      if (declare(st, s, s->v.Global.names.items[i], is_global) < 0) return -1;
    return 0;
  }
  case Expr_kind: return visit_expr(st, s->v.Expr.value);
  case Pass_kind:
  case Break_kind:
  case Continue_kind: return 0;
  }
  return 0;
}

/* A walrus inside a comprehension binds in the nearest enclosing
 * non-comprehension scope (PEP 572). */
static int visit_namedexpr_target(SymTable *st, const Expr *e) {
  const Expr *t = e->v.NamedExpr.target;
  const char *name = t->v.Name.id;
  /* The iterable is evaluated before the comprehension's own scope exists
   * (or, for inner `for`s, once per outer item), so PEP 572 forbids it. */
  if (st->cur->comp_iter_expr > 0)
    return ERR_EXPR(e, "assignment expression cannot be used in a comprehension iterable expression", NULL);
  if (st->cur->comp == COMP_NONE) return add_def(st, name, DEF_LOCAL);
  for (SymScope *s = st->cur; s; s = s->parent) {
    if (s->comp != COMP_NONE) {
      Symbol *sym = symscope_lookup(s, symtable_mangle(st, s->private_name, name));
      if (sym && (sym->flags & DEF_COMP_ITER))
        return ERR_EXPR(t, "assignment expression cannot rebind comprehension iteration variable '%s'", name);
      continue;
    }
    if (s->kind == BLOCK_CLASS)
      return ERR_EXPR(t, "assignment expression within a comprehension cannot be used in a class body", NULL);
    const char *m = symtable_mangle(st, s->private_name, name);
    add_sym(s, m)->flags |= DEF_LOCAL;
    if (s->kind == BLOCK_FUNCTION) {
      Symbol *sym = symscope_lookup(s, m);
      if (sym->flags & DEF_GLOBAL) return add_def(st, name, DEF_GLOBAL);
      return add_def(st, name, DEF_NONLOCAL);
    }
    return add_def(st, name, DEF_GLOBAL);
  }
  return 0;
}

static const char *comp_name(CompKind k) {
  switch (k) {
  case COMP_LIST: return "<listcomp>";
  case COMP_SET: return "<setcomp>";
  case COMP_DICT: return "<dictcomp>";
  default: return "<genexpr>";
  }
}

/* Marks the names bound by a comprehension's `for` target (walrus check);
 * a name a walrus in this comprehension already bound (seen here as
 * global/nonlocal) cannot become an iteration variable. */
static int mark_comp_iter(SymTable *st, const Expr *t) {
  if (t->kind == Name_kind) {
    Symbol *sym = symscope_lookup(st->cur, symtable_mangle(st, st->cur->private_name, t->v.Name.id));
    if (!sym) return 0;
    if (sym->flags & (DEF_GLOBAL | DEF_NONLOCAL))
      return ERR_EXPR(t, "comprehension inner loop cannot rebind assignment expression target '%s'", t->v.Name.id);
    sym->flags |= DEF_COMP_ITER;
  } else if (t->kind == Tuple_kind || t->kind == List_kind) {
    for (int i = 0; i < t->v.Tuple.elts.count; i++)
      if (mark_comp_iter(st, t->v.Tuple.elts.items[i]) < 0) return -1;
  } else if (t->kind == Starred_kind) {
    return mark_comp_iter(st, t->v.Starred.value);
  }
  return 0;
}

static int visit_comprehension(SymTable *st, const Expr *e, CompKind kind, ComprehensionSeq gens, const Expr *elt,
                               const Expr *value) {
  /* The outermost iterable is evaluated in the enclosing scope. */
  st->cur->comp_iter_expr++;
  int rc = visit_expr(st, gens.items[0]->iter);
  st->cur->comp_iter_expr--;
  if (rc < 0) return -1;
  SymScope *cs = enter_scope(st, BLOCK_FUNCTION, comp_name(kind), e, e->lineno, e->col_offset);
  cs->comp = kind;
  if (kind == COMP_GEN) cs->is_generator = true;
  add_def(st, ".0", DEF_PARAM);
  bool is_async = false;
  for (int i = 0; i < gens.count; i++) {
    const Comprehension *g = gens.items[i];
    if (g->is_async) is_async = true;
    if (visit_expr(st, g->target) < 0) return -1;
    if (mark_comp_iter(st, g->target) < 0) return -1;
    if (i > 0) {
      cs->comp_iter_expr++;
      rc = visit_expr(st, g->iter);
      cs->comp_iter_expr--;
      if (rc < 0) return -1;
    }
    if (visit_exprs(st, g->ifs) < 0) return -1;
  }
  if (elt && visit_expr(st, elt) < 0) return -1;
  if (value && visit_expr(st, value) < 0) return -1;
  if (is_async || cs->uses_await) {
    /* Whether this is allowed depends on the enclosing code: the compiler checks. */
    cs->is_coroutine = true;
    if (kind != COMP_GEN) mark_await(cs->parent);
  }
  leave_scope(st);
  return 0;
}

static int visit_expr(SymTable *st, const Expr *e) {
  if (st->failed) return -1;
  switch (e->kind) {
  case BoolOp_kind: return visit_exprs(st, e->v.BoolOp.values);
  case NamedExpr_kind:
    /* Target first, as CPython: its scope errors win over the value's. */
    if (visit_namedexpr_target(st, e) < 0) return -1;
    return visit_expr(st, e->v.NamedExpr.value);
  case BinOp_kind:
    if (visit_expr(st, e->v.BinOp.left) < 0) return -1;
    return visit_expr(st, e->v.BinOp.right);
  case UnaryOp_kind: return visit_expr(st, e->v.UnaryOp.operand);
  case Lambda_kind: {
    if (visit_signature_outer(st, e->v.Lambda.args, NULL) < 0) return -1;
    SymScope *ls = enter_scope(st, BLOCK_FUNCTION, "<lambda>", e, e->lineno, e->col_offset);
    ls->is_lambda = true;
    if (visit_arguments(st, e->v.Lambda.args) < 0) return -1;
    if (visit_expr(st, e->v.Lambda.body) < 0) return -1;
    leave_scope(st);
    return 0;
  }
  case IfExp_kind:
    if (visit_expr(st, e->v.IfExp.test) < 0 || visit_expr(st, e->v.IfExp.body) < 0) return -1;
    return visit_expr(st, e->v.IfExp.orelse);
  case Dict_kind:
    if (visit_exprs(st, e->v.Dict.keys) < 0) return -1;
    return visit_exprs(st, e->v.Dict.values);
  case Set_kind: return visit_exprs(st, e->v.Set.elts);
  case ListComp_kind:
  case SetComp_kind:
  case GeneratorExp_kind: {
    CompKind k = e->kind == ListComp_kind ? COMP_LIST : e->kind == SetComp_kind ? COMP_SET : COMP_GEN;
    return visit_comprehension(st, e, k, e->v.ListComp.generators, e->v.ListComp.elt, NULL);
  }
  case DictComp_kind:
    return visit_comprehension(st, e, COMP_DICT, e->v.DictComp.generators, e->v.DictComp.key, e->v.DictComp.value);
  case Await_kind: {
    /* The await makes every enclosing comprehension asynchronous, up to a
     * generator expression (an async genexp may live anywhere) or the
     * enclosing function/module, which then uses await itself. */
    mark_await(st->cur);
    return visit_expr(st, e->v.Await.value);
  }
  case Yield_kind:
  case YieldFrom_kind: {
    SymScope *s = st->cur;
    if (s->kind != BLOCK_FUNCTION) return ERR_EXPR(e, "'yield' outside function", NULL);
    if (s->comp != COMP_NONE) {
      static const char *const msgs[] = {"", "'yield' inside list comprehension", "'yield' inside set comprehension",
                                         "'yield' inside dict comprehension", "'yield' inside generator expression"};
      return ERR_EXPR(e, msgs[s->comp], NULL);
    }
    if (e->kind == YieldFrom_kind && s->is_coroutine) return ERR_EXPR(e, "'yield from' inside async function", NULL);
    s->is_generator = true;
    Expr *v = e->kind == Yield_kind ? e->v.Yield.value : e->v.YieldFrom.value;
    return v ? visit_expr(st, v) : 0;
  }
  case Compare_kind:
    if (visit_expr(st, e->v.Compare.left) < 0) return -1;
    for (int i = 0; i < e->v.Compare.count; i++)
      if (visit_expr(st, e->v.Compare.comparators[i]) < 0) return -1;
    return 0;
  case Call_kind:
    if (visit_expr(st, e->v.Call.func) < 0 || visit_exprs(st, e->v.Call.args) < 0) return -1;
    for (int i = 0; i < e->v.Call.keywords.count; i++)
      if (visit_expr(st, e->v.Call.keywords.items[i]->value) < 0) return -1;
    return 0;
  case FormattedValue_kind:
    if (visit_expr(st, e->v.FormattedValue.value) < 0) return -1;
    return e->v.FormattedValue.format_spec ? visit_expr(st, e->v.FormattedValue.format_spec) : 0;
  case JoinedStr_kind: return visit_exprs(st, e->v.JoinedStr.values);
  case Constant_kind: return 0;
  case Attribute_kind: return visit_expr(st, e->v.Attribute.value);
  case Subscript_kind:
    if (visit_expr(st, e->v.Subscript.value) < 0) return -1;
    return visit_expr(st, e->v.Subscript.slice);
  case Starred_kind: return visit_expr(st, e->v.Starred.value);
  case Name_kind: {
    const char *id = e->v.Name.id;
    if (add_def(st, id, e->v.Name.ctx == Load_ctx ? DEF_USE : DEF_LOCAL) < 0) return -1;
    /* Zero-argument super() needs the __class__ cell of the enclosing class. */
    if (e->v.Name.ctx == Load_ctx && st->cur->kind == BLOCK_FUNCTION && strcmp(id, "super") == 0)
      add_def(st, "__class__", DEF_USE);
    return 0;
  }
  case List_kind:
  case Tuple_kind: return visit_exprs(st, e->v.List.elts);
  case Slice_kind:
    if (e->v.Slice.lower && visit_expr(st, e->v.Slice.lower) < 0) return -1;
    if (e->v.Slice.upper && visit_expr(st, e->v.Slice.upper) < 0) return -1;
    return e->v.Slice.step ? visit_expr(st, e->v.Slice.step) : 0;
  }
  return 0;
}

/* ---- analysis ------------------------------------------------------------ */

/* A string set (insertion-ordered array plus a hash index). */
typedef struct {
  const char **v;
  int n, cap;
  int32_t *slots;
  int nslots;
} NameSet;

static int ns_find(const NameSet *s, const char *n) {
  if (!s->slots) return -1;
  uint32_t mask = (uint32_t)s->nslots - 1;
  for (uint32_t i = name_hash(n) & mask; s->slots[i] != 0; i = (i + 1) & mask)
    if (strcmp(s->v[s->slots[i] - 1], n) == 0) return s->slots[i] - 1;
  return -1;
}
static bool ns_has(const NameSet *s, const char *n) { return ns_find(s, n) >= 0; }
static void ns_reindex(NameSet *s) {
  int cap = 16;
  while (cap < s->n * 2 + 2) cap *= 2;
  free(s->slots);
  s->slots = calloc((size_t)cap, sizeof(int32_t));
  if (!s->slots) abort();
  s->nslots = cap;
  for (int i = 0; i < s->n; i++) index_insert(s->slots, cap, name_hash(s->v[i]), i);
}
static void ns_add(NameSet *s, const char *n) {
  if (ns_has(s, n)) return;
  s->v = grow(s->v, &s->cap, s->n + 1, sizeof(char *));
  s->v[s->n++] = n;
  if (!s->slots || s->n * 2 > s->nslots)
    ns_reindex(s);
  else
    index_insert(s->slots, s->nslots, name_hash(n), s->n - 1);
}
static void ns_del(NameSet *s, const char *n) {
  int i = ns_find(s, n);
  if (i < 0) return;
  s->v[i] = s->v[--s->n];
  ns_reindex(s);
}
static void ns_union(NameSet *dst, const NameSet *src) {
  for (int i = 0; i < src->n; i++) ns_add(dst, src->v[i]);
}
static NameSet ns_copy(const NameSet *src) {
  NameSet s = {0};
  if (src) ns_union(&s, src);
  return s;
}
static void ns_free(NameSet *s) {
  free(s->v);
  free(s->slots);
  memset(s, 0, sizeof *s);
}

static int analyze_block(SymTable *st, SymScope *s, NameSet *bound, NameSet *free, NameSet *global);

static int analyze_name(SymTable *st, SymScope *s, Symbol *sym, NameSet *bound, NameSet *local, NameSet *free,
                        NameSet *global) {
  int fl = sym->flags;
  if (fl & DEF_GLOBAL) {
    if (fl & DEF_NONLOCAL)
      return st_error_at(st, sym->decl_lineno, sym->decl_col, sym->decl_end_lineno, sym->decl_end_col,
                         "name '%s' is nonlocal and global", sym->name);
    sym->scope = SC_GLOBAL_EXPLICIT;
    ns_add(global, sym->name);
    ns_del(bound, sym->name);
    return 0;
  }
  if (fl & DEF_NONLOCAL) {
    if (!ns_has(bound, sym->name))
      return st_error_at(st, sym->decl_lineno, sym->decl_col, sym->decl_end_lineno, sym->decl_end_col,
                         "no binding for nonlocal '%s' found", sym->name);
    sym->scope = SC_FREE;
    s->is_nested = true;
    ns_add(free, sym->name);
    return 0;
  }
  if (fl & DEF_BOUND) {
    sym->scope = SC_LOCAL;
    ns_add(local, sym->name);
    ns_del(global, sym->name);
    return 0;
  }
  if (ns_has(bound, sym->name)) {
    sym->scope = SC_FREE;
    ns_add(free, sym->name);
    return 0;
  }
  sym->scope = SC_GLOBAL_IMPLICIT;
  return 0;
}

static int analyze_block(SymTable *st, SymScope *s, NameSet *bound, NameSet *free, NameSet *global) {
  NameSet local = {0}, newglobal = {0}, newbound = {0}, newfree = {0};
  int rc = 0;
  if (s->kind == BLOCK_CLASS) {
    ns_union(&newglobal, global);
    ns_union(&newbound, bound);
  }
  for (int i = 0; i < s->nsyms && rc == 0; i++) rc = analyze_name(st, s, &s->syms[i], bound, &local, free, global);
  if (rc == 0) {
    if (s->kind != BLOCK_CLASS) {
      if (s->kind == BLOCK_FUNCTION) ns_union(&newbound, &local);
      ns_union(&newbound, bound);
      ns_union(&newglobal, global);
    } else {
      ns_add(&newbound, "__class__");
    }
    for (int i = 0; i < s->nchildren && rc == 0; i++) {
      NameSet cb = ns_copy(&newbound), cg = ns_copy(&newglobal), cf = {0};
      rc = analyze_block(st, s->children[i], &cb, &cf, &cg);
      ns_union(&newfree, &cf);
      ns_free(&cb);
      ns_free(&cg);
      ns_free(&cf);
    }
  }
  if (rc == 0) {
    if (s->kind == BLOCK_FUNCTION) {
      /* Locals that inner scopes need become cells. */
      for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (sym->scope == SC_LOCAL && ns_has(&newfree, sym->name)) {
          sym->scope = SC_CELL;
          ns_del(&newfree, sym->name);
        }
      }
    } else if (s->kind == BLOCK_CLASS && ns_has(&newfree, "__class__")) {
      s->needs_class_closure = true;
      ns_del(&newfree, "__class__");
    }
    /* Free names of children not resolved here pass through this scope. */
    for (int i = 0; i < newfree.n; i++) {
      const char *name = newfree.v[i];
      Symbol *sym = symscope_lookup(s, name);
      if (sym) {
        if (s->kind == BLOCK_CLASS && (sym->flags & (DEF_BOUND | DEF_GLOBAL))) sym->flags |= DEF_FREE_CLASS;
        continue;
      }
      if (!ns_has(bound, name)) continue; /* a global */
      sym = add_sym(s, name);
      sym->scope = SC_FREE;
    }
    ns_union(free, &newfree);
  }
  ns_free(&local);
  ns_free(&newglobal);
  ns_free(&newbound);
  ns_free(&newfree);
  return rc;
}

/* ---- entry --------------------------------------------------------------- */

SymTable *symtable_build(const Module *m) {
  SymTable *st = calloc(1, sizeof(SymTable));
  if (!st) abort();
  SymScope *top = enter_scope(st, BLOCK_MODULE, "top", m, 0, 0);
  st->top = top;
  if (m->mode == PARSE_EVAL) {
    if (m->expr) visit_expr(st, m->expr);
  } else {
    visit_stmts(st, m->body);
  }
  st->cur = NULL;
  if (!st->failed) {
    NameSet bound = {0}, free = {0}, global = {0};
    analyze_block(st, top, &bound, &free, &global);
    ns_free(&bound);
    ns_free(&free);
    ns_free(&global);
  }
  return st;
}
