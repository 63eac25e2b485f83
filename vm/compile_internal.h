/* compile_internal.h — state shared by compile.c (units, emission,
 * assembly, entry points), compile_expr.c and compile_stmt.c.
 *
 * One Unit per code object being built (module, class body, function,
 * lambda, comprehension), stacked through `parent`.  Instructions are
 * appended to a growable array; jump instructions (OPF_JUMP) carry a label
 * id in their arg until assembly replaces it with the label's instruction
 * index.  Errors are sticky: the first SyntaxError (or runtime error, e.g.
 * out-of-range literal) is recorded and later emission continues harmlessly;
 * the entry points check Compiler.failed.
 */
#ifndef GILPY_COMPILE_INTERNAL_H
#define GILPY_COMPILE_INTERNAL_H

#include "grammar/ast.h"
#include "runtime/object.h"
#include "vm/code.h"
#include "vm/compile.h"
#include "vm/symtable.h"

#define COMPILE_MAX_BLOCKS 20 /* CPython's CO_MAXBLOCKS: "too many statically nested blocks" */

typedef enum {
  FB_WHILE_LOOP,
  FB_FOR_LOOP,        /* the iterator is on the stack */
  FB_ASYNC_FOR_LOOP,  /* the async iterator is on the stack */
  FB_TRY_EXCEPT,      /* body of try/except: one SETUP_FINALLY block */
  FB_FINALLY_TRY,     /* body of try/finally: SETUP_FINALLY block; datum = finalbody */
  FB_FINALLY_END,     /* finally body on the exception path: [prev, exc] + cleanup block */
  FB_WITH,            /* [exit] + SETUP_WITH block */
  FB_ASYNC_WITH,
  FB_HANDLER_CLEANUP, /* except body: [prev, exc] + cleanup block(s); name = bound name or NULL */
  FB_POP_VALUE,       /* a return value kept on the stack while a finally body runs */
  FB_EXCEPT_STAR,     /* the clauses of try/except*: return, break and continue are errors */
} FBlockKind;

typedef struct {
  FBlockKind kind;
  int start_label;    /* loops: where `continue` goes */
  int exit_label;     /* loops: where `break` goes */
  const StmtSeq *finalbody; /* FB_FINALLY_TRY */
  const char *name;   /* FB_HANDLER_CLEANUP */
} FBlock;

typedef struct Unit Unit;
struct Unit {
  Unit *parent;
  SymScope *ste;
  Instr *code;
  LineInfo *lines;
  uint32_t ncode, capcode;
  int32_t *labels; /* label id -> instruction index, -1 while unbound */
  int nlabels, caplabels;
  Value *consts;
  int nconsts, capconsts;
  int32_t *constidx;      /* hash index over consts (dedup) */
  int constidxcap;
  StrObject **names;
  int nnames, capnames;
  int32_t *nameidx;       /* hash index over names */
  int nameidxcap;
  const char **varnames;
  int nvarnames, capvarnames;
  const char **cellvars;
  int ncellvars, capcellvars;
  const char **freevars;
  int nfreevars, capfreevars;
  int argcount, posonlyargcount, kwonlyargcount;
  int flags;
  int firstlineno;
  const char *name;
  Value qualname;
  bool is_comprehension_scope;
  bool is_async_function; /* async def (or async lambda never) */
  FBlock fblocks[COMPILE_MAX_BLOCKS];
  int nfblocks;
  LineInfo loc;           /* position given to the next emitted instruction */
};

typedef struct Compiler {
  SymTable *st;
  Unit *u;
  const char *filename;
  const char *src;
  size_t srclen;
  CompileMode mode;
  int flags;
  bool failed;
  bool exc_set;           /* a runtime exception is already set (not a SyntaxError) */
  char errmsg[200];
  int err_lineno, err_col, err_end_lineno, err_end_col;
  int interactive;        /* COMPILE_SINGLE at module level: PRINT_EXPR */
  struct {
    int lineno;
    char msg[300];
  } warned[16];           /* SyntaxWarnings already shown (no duplicates) */
  int nwarned;
  bool future_allowed;     /* still at the top of the module: __future__ imports allowed */
  bool future_annotations; /* from __future__ import annotations: annotations as strings */
} Compiler;

/* ---- compile.c ---- */
void comp_error_at(Compiler *c, int lineno, int col, int end_lineno, int end_col, const char *fmt, const char *arg);
#define COMP_ERR_EXPR(c, e, fmt, arg) \
  comp_error_at(c, (e)->lineno, (e)->col_offset, (e)->end_lineno, (e)->end_col_offset, fmt, arg)
#define COMP_ERR_STMT(c, s, fmt, arg) \
  comp_error_at(c, (s)->lineno, (s)->col_offset, (s)->end_lineno, (s)->end_col_offset, fmt, arg)
/* Shows a SyntaxWarning (fmt takes up to two %s). */
void comp_warn(Compiler *c, int lineno, const char *fmt, const char *a1, const char *a2);
void comp_set_loc(Compiler *c, int lineno, int col, int end_lineno, int end_col);
#define COMP_LOC_EXPR(c, e) comp_set_loc(c, (e)->lineno, (e)->col_offset, (e)->end_lineno, (e)->end_col_offset)
#define COMP_LOC_STMT(c, s) comp_set_loc(c, (s)->lineno, (s)->col_offset, (s)->end_lineno, (s)->end_col_offset)

void emit(Compiler *c, Opcode op, uint32_t arg);
static inline void emit0(Compiler *c, Opcode op) { emit(c, op, 0); }
int new_label(Compiler *c);
void bind_label(Compiler *c, int label);
void emit_jump(Compiler *c, Opcode op, int label);
int add_const(Compiler *c, Value v);   /* dedup'd index */
void emit_const(Compiler *c, Value v);
int add_name(Compiler *c, const char *name); /* interned, dedup'd index in co_names */
const char *comp_mangle(Compiler *c, const char *name);
void comp_nameop(Compiler *c, const char *name, ExprContext ctx);
/* The fast-local index of `name` when it is a function's local that is a
 * target of `x += ...`/`x = x + ...` (DEF_ADD_TO), else -1: the compiler
 * then emits LOAD_FAST + value + ADD_TO_FAST/IADD_TO_FAST for those. */
int comp_add_to_local(Compiler *c, const char *name);
/* Opens a unit for the scope opened by `key`; closes it into a code object. */
void comp_enter_unit(Compiler *c, const void *key, const char *name, int firstlineno);
CodeObject *comp_leave_unit(Compiler *c);
/* Emits LOAD_CLOSURE..BUILD_TUPLE for code's free variables (if any) and
 * MAKE_FUNCTION with flags | 8 as needed; the caller pushed the flagged
 * operands (defaults, kwdefaults, annotations) before. */
void comp_make_closure(Compiler *c, CodeObject *co, int flags);
/* await/yield-from loop: [sub] -> [result] (pushes the initial None itself). */
void comp_yield_from_loop(Compiler *c);
bool comp_in_async_context(Compiler *c);
bool comp_is_toplevel_await(Compiler *c);

/* ---- compile_expr.c ---- */
void comp_expr(Compiler *c, const Expr *e);
/* Jumps to label when e's truth is cond (short-circuits not/and/or, `is None`). */
void comp_jump_if(Compiler *c, const Expr *e, bool cond, int label);
void comp_store_target(Compiler *c, const Expr *t); /* value on top of the stack */
void comp_delete_target(Compiler *c, const Expr *t);
void comp_call_helper(Compiler *c, int npushed, const ExprSeq *args, const KeywordSeq *kws, bool temp_receiver);
Value comp_constant_value(Compiler *c, const AstConst *k);
/* Compiles the iterable of a for loop / comprehension (constant set -> frozenset). */
void comp_iter_expr(Compiler *c, const Expr *iter);
void comp_function_def(Compiler *c, const Stmt *s);
void comp_class_def(Compiler *c, const Stmt *s);
void comp_str_const(Compiler *c, const char *s);
/* An annotation: its value, or its source text under PEP 563. */
void comp_annotation(Compiler *c, const Expr *e);

/* ---- compile_stmt.c ---- */
void comp_stmt(Compiler *c, const Stmt *s);
void comp_body(Compiler *c, const StmtSeq *body);
/* The docstring of a body (first statement a str constant), or NULL. */
const Expr *comp_docstring(const StmtSeq *body);

/* ---- compile_match.c ---- */
void comp_match(Compiler *c, const Stmt *s);
#endif
