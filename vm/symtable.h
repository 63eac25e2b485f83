/* symtable.h — the scope pass that runs between parsing and code generation.
 *
 * symtable_build walks the AST once, recording for every scope (module,
 * class, function, lambda, comprehension) the names it uses and binds, then
 * resolves each name to LOCAL / GLOBAL_EXPLICIT / GLOBAL_IMPLICIT / FREE /
 * CELL as CPython's symtable.c does.  Scopes are keyed by the AST node that
 * opens them (Stmt* for def/class, Expr* for lambda/comprehension, Module*
 * for the module) so that the compiler can find them in any visiting order.
 *
 * Everything is malloc'd and owned by the SymTable (no GC objects); names
 * are the AST's C strings or strings mangled into the table's own pool.
 */
#ifndef GILPY_SYMTABLE_H
#define GILPY_SYMTABLE_H

#include <stdbool.h>
#include <stdint.h>
#include "grammar/ast.h"

enum {
  DEF_GLOBAL = 1 << 0,     /* `global x` */
  DEF_LOCAL = 1 << 1,      /* bound by assignment, def, class, for, with, except, del */
  DEF_PARAM = 1 << 2,
  DEF_NONLOCAL = 1 << 3,   /* `nonlocal x` (or a walrus target seen from a comprehension) */
  DEF_USE = 1 << 4,        /* read */
  DEF_FREE_CLASS = 1 << 5, /* class scope: a method needs the enclosing function's x */
  DEF_IMPORT = 1 << 6,
  DEF_ANNOT = 1 << 7,      /* annotated `x: T` */
  DEF_COMP_ITER = 1 << 8,  /* comprehension iteration variable */
  DEF_ADD_TO = 1 << 9,     /* `x += ...` or `x = x + ...`: a fast local x may grow a str in place (ADD_TO_FAST) */
};
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

typedef enum { SC_NONE = 0, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL } SymScopeKind;

typedef enum { BLOCK_MODULE, BLOCK_FUNCTION, BLOCK_CLASS } BlockKind;

typedef enum { COMP_NONE, COMP_LIST, COMP_SET, COMP_DICT, COMP_GEN } CompKind;

typedef struct Symbol {
  const char *name;   /* mangled */
  int flags;          /* DEF_* */
  SymScopeKind scope; /* after analysis */
  int decl_lineno, decl_col, decl_end_lineno, decl_end_col; /* last global/nonlocal statement */
} Symbol;

typedef struct SymScope SymScope;
struct SymScope {
  BlockKind kind;
  const char *name;          /* function/class name, "<lambda>", "<listcomp>", "top" */
  const void *key;           /* the AST node */
  SymScope *parent;
  SymScope **children;
  int nchildren, capchildren;
  Symbol *syms;              /* in order of first appearance */
  int nsyms, capsyms;
  int32_t *index;            /* hash index over syms (symtable.c) */
  int indexcap;
  const char *private_name;  /* enclosing class name for mangling, or NULL */
  int lineno, col_offset;
  CompKind comp;             /* comprehensions are BLOCK_FUNCTION with comp != COMP_NONE */
  int comp_iter_expr;        /* > 0 while visiting a comprehension's iterable in this scope */
  bool is_lambda;
  bool is_nested;            /* inside a function */
  bool is_generator;         /* contains yield (or is a generator expression) */
  bool is_coroutine;         /* async def, or an async comprehension */
  bool uses_await;           /* await / async for / async with directly in this body */
  bool has_varargs, has_varkw;
  bool needs_class_closure;  /* class scope: a method uses __class__ / super() */
  bool has_annotations;      /* module/class: an annotated assignment (SETUP_ANNOTATIONS) */
};

typedef struct SymTable {
  SymScope *top;
  /* The first error found: SyntaxError msg and its position (col 0-based bytes). */
  bool failed;
  char errmsg[200];
  int err_lineno, err_col, err_end_lineno, err_end_col;
  /* Internals: every allocation of the pass, freed by symtable_free. */
  void **pool;
  int npool, cappool;
  SymScope *cur;
} SymTable;

/* Runs the pass.  Returns the table (check ->failed for a SyntaxError). */
SymTable *symtable_build(const Module *m);
void symtable_free(SymTable *st);
/* The child scope opened by AST node `key`, or NULL. */
SymScope *symtable_child(const SymScope *parent, const void *key);
/* The symbol for an (already mangled) name, or NULL. */
Symbol *symscope_lookup(const SymScope *s, const char *name);
/* For `x = x + ...` (one Name target): x, else NULL. */
const char *symtable_add_to_name(const Stmt *s);
/* Resolved scope of a name (SC_NONE if the name never occurs). */
SymScopeKind symscope_scope(const SymScope *s, const char *name);
/* Applies private-name mangling (__x inside class C -> _C__x).  Returns
 * name itself when no mangling applies, else a string owned by st. */
const char *symtable_mangle(SymTable *st, const char *private_name, const char *name);
#endif
