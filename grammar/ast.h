/* ast.h — the abstract syntax tree produced by the parser.
 *
 * Modelled on CPython 3.11's Python.asdl, so that code written against
 * CPython's AST reads naturally here: statements and expressions are tagged
 * unions (`s->kind == If_kind`, `s->v.If.test`), and the helper records
 * (arguments, keyword, alias, withitem, excepthandler, comprehension) are
 * plain structs.
 *
 * Invariants:
 *  - Every node lives in one Arena (ast_arena_new/ast_arena_free); there are
 *    no GC objects in the tree and nothing here depends on runtime/.  Freeing
 *    the arena frees the whole tree, its strings and its sequences.
 *  - Every positioned node carries lineno/end_lineno (1-based) and
 *    col_offset/end_col_offset (0-based UTF-8 *byte* columns), exactly as
 *    CPython's ast module reports them.
 *  - Sequences are {count, items}; items is NULL when count is 0.  Optional
 *    children are NULL pointers.
 *  - Identifiers are NUL-terminated UTF-8 C strings (NFKC normalisation is
 *    not applied).  String constants are UTF-8 bytes plus a length and may
 *    contain NUL; a lone surrogate escape ("\ud800") is encoded as its 3-byte
 *    generalised UTF-8 form.
 */
#ifndef GILPY_AST_H
#define GILPY_AST_H

#include <stddef.h>
#include <stdint.h>

/* ---- arena --------------------------------------------------------------- */
typedef struct Arena Arena;

Arena *ast_arena_new(void);
void ast_arena_free(Arena *a);
/* Zeroed, 16-byte aligned memory that lives as long as the arena.  Aborts on
 * out-of-memory (the front end never returns partially built trees). */
void *ast_alloc(Arena *a, size_t size);
/* Copies len bytes and appends a NUL. */
char *ast_strndup(Arena *a, const char *s, size_t len);

/* ---- forward declarations ----------------------------------------------- */
typedef struct Stmt Stmt;
typedef struct Expr Expr;
typedef struct Arg Arg;
typedef struct Arguments Arguments;
typedef struct Keyword Keyword;
typedef struct Alias Alias;
typedef struct WithItem WithItem;
typedef struct ExceptHandler ExceptHandler;
typedef struct Comprehension Comprehension;
typedef struct MatchCase MatchCase;
typedef struct Pattern Pattern;

typedef struct { int count; Stmt **items; } StmtSeq;
typedef struct { int count; Expr **items; } ExprSeq;
typedef struct { int count; Arg **items; } ArgSeq;
typedef struct { int count; Keyword **items; } KeywordSeq;
typedef struct { int count; Alias **items; } AliasSeq;
typedef struct { int count; WithItem **items; } WithItemSeq;
typedef struct { int count; ExceptHandler **items; } ExceptHandlerSeq;
typedef struct { int count; Comprehension **items; } ComprehensionSeq;
typedef struct { int count; MatchCase **items; } MatchCaseSeq;
typedef struct { int count; Pattern **items; } PatternSeq;
typedef struct { int count; const char **items; } IdentSeq;

/* The four position fields shared by every positioned node. */
#define AST_POSITION \
  int lineno;        \
  int col_offset;    \
  int end_lineno;    \
  int end_col_offset

/* ---- operators ---------------------------------------------------------- */
typedef enum { And_op, Or_op } BoolOpKind;

/* Same order as BinOp in runtime/object.h (BINOP_ADD ... BINOP_XOR), so the
 * compiler may cast one to the other.  Kept separate so the front end does
 * not include runtime/. */
typedef enum {
  Add_op, Sub_op, Mult_op, MatMult_op, Div_op, FloorDiv_op, Mod_op, Pow_op,
  LShift_op, RShift_op, BitAnd_op, BitOr_op, BitXor_op
} OperatorKind;

typedef enum { Invert_op, Not_op, UAdd_op, USub_op } UnaryOpKind;

/* The first six match CmpOp in runtime/object.h (CMP_LT ... CMP_GE). */
typedef enum {
  Lt_op, LtE_op, Eq_op, NotEq_op, Gt_op, GtE_op, Is_op, IsNot_op, In_op, NotIn_op
} CmpOpKind;

typedef enum { Load_ctx, Store_ctx, Del_ctx } ExprContext;

/* ---- constants ---------------------------------------------------------- */
typedef enum {
  CONST_NONE,
  CONST_TRUE,
  CONST_FALSE,
  CONST_ELLIPSIS,
  CONST_INT,      /* v.i: fits in int64_t */
  CONST_BIGINT,   /* v.big: digits (no prefix, no '_') in base 2/8/10/16, e.g.
                     "ffffffffffffffffff" base 16; value is non-negative */
  CONST_FLOAT,    /* v.f */
  CONST_COMPLEX,  /* v.f is the imaginary part; real part is 0.0 */
  CONST_STR,      /* v.str: UTF-8 bytes + length */
  CONST_BYTES,    /* v.str: raw bytes + length */
} ConstKind;

typedef struct {
  ConstKind kind;
  union {
    int64_t i;
    double f;
    struct { const char *digits; int base; } big;
    struct { const char *data; size_t len; } str;  /* data is NUL-terminated too */
  } v;
  int u_prefix;  /* 1 for u"..." literals (CPython's Constant.kind == 'u') */
} AstConst;

/* ---- statements --------------------------------------------------------- */
typedef enum {
  FunctionDef_kind = 1, AsyncFunctionDef_kind, ClassDef_kind, Return_kind,
  Delete_kind, Assign_kind, AugAssign_kind, AnnAssign_kind, For_kind,
  AsyncFor_kind, While_kind, If_kind, With_kind, AsyncWith_kind, Match_kind,
  Raise_kind, Try_kind, TryStar_kind, Assert_kind, Import_kind,
  ImportFrom_kind, Global_kind, Nonlocal_kind, Expr_kind, Pass_kind,
  Break_kind, Continue_kind
} StmtKind;

struct Stmt {
  StmtKind kind;
  AST_POSITION;
  union {
    struct {  /* FunctionDef and AsyncFunctionDef */
      const char *name;
      Arguments *args;
      StmtSeq body;
      ExprSeq decorator_list;
      Expr *returns;          /* NULL if no annotation */
    } FunctionDef;
    struct {
      const char *name;
      ExprSeq bases;
      KeywordSeq keywords;
      StmtSeq body;
      ExprSeq decorator_list;
    } ClassDef;
    struct { Expr *value; } Return;          /* value may be NULL */
    struct { ExprSeq targets; } Delete;
    struct { ExprSeq targets; Expr *value; } Assign;  /* a = b = value: targets [a, b] */
    struct { Expr *target; OperatorKind op; Expr *value; } AugAssign;
    struct {
      Expr *target;
      Expr *annotation;
      Expr *value;            /* may be NULL */
      int simple;             /* 1 for a bare un-parenthesized Name target */
    } AnnAssign;
    struct { Expr *target; Expr *iter; StmtSeq body; StmtSeq orelse; } For;  /* and AsyncFor */
    struct { Expr *test; StmtSeq body; StmtSeq orelse; } While;
    struct { Expr *test; StmtSeq body; StmtSeq orelse; } If;  /* elif: orelse holds one If */
    struct { WithItemSeq items; StmtSeq body; } With;         /* and AsyncWith */
    struct { Expr *subject; MatchCaseSeq cases; } Match;
    struct { Expr *exc; Expr *cause; } Raise;                /* both may be NULL */
    struct {  /* Try and TryStar */
      StmtSeq body;
      ExceptHandlerSeq handlers;
      StmtSeq orelse;
      StmtSeq finalbody;
    } Try;
    struct { Expr *test; Expr *msg; } Assert;                /* msg may be NULL */
    struct { AliasSeq names; } Import;
    struct {
      const char *module;     /* NULL for "from . import x" */
      AliasSeq names;         /* "*" is one alias named "*" */
      int level;              /* number of leading dots */
    } ImportFrom;
    struct { IdentSeq names; } Global;                        /* and Nonlocal */
    struct { Expr *value; } Expr;
  } v;
};

/* ---- expressions -------------------------------------------------------- */
typedef enum {
  BoolOp_kind = 1, NamedExpr_kind, BinOp_kind, UnaryOp_kind, Lambda_kind,
  IfExp_kind, Dict_kind, Set_kind, ListComp_kind, SetComp_kind, DictComp_kind,
  GeneratorExp_kind, Await_kind, Yield_kind, YieldFrom_kind, Compare_kind,
  Call_kind, FormattedValue_kind, JoinedStr_kind, Constant_kind,
  Attribute_kind, Subscript_kind, Starred_kind, Name_kind, List_kind,
  Tuple_kind, Slice_kind
} ExprKind;

struct Expr {
  ExprKind kind;
  AST_POSITION;
  union {
    struct { BoolOpKind op; ExprSeq values; } BoolOp;        /* a or b or c: one node, 3 values */
    struct { Expr *target; Expr *value; } NamedExpr;         /* target is a Name (Store) */
    struct { Expr *left; OperatorKind op; Expr *right; } BinOp;
    struct { UnaryOpKind op; Expr *operand; } UnaryOp;
    struct { Arguments *args; Expr *body; } Lambda;
    struct { Expr *test; Expr *body; Expr *orelse; } IfExp;
    /* {**d, k: v}: the key of a ** entry is NULL, its value is d. */
    struct { ExprSeq keys; ExprSeq values; } Dict;
    struct { ExprSeq elts; } Set;
    struct { Expr *elt; ComprehensionSeq generators; } ListComp;  /* also SetComp, GeneratorExp */
    struct { Expr *key; Expr *value; ComprehensionSeq generators; } DictComp;
    struct { Expr *value; } Await;
    struct { Expr *value; } Yield;                          /* value may be NULL */
    struct { Expr *value; } YieldFrom;
    struct { Expr *left; int count; CmpOpKind *ops; Expr **comparators; } Compare;
    struct { Expr *func; ExprSeq args; KeywordSeq keywords; } Call;
    struct {
      Expr *value;
      int conversion;         /* -1 none, else 's', 'r' or 'a' */
      Expr *format_spec;      /* NULL or a JoinedStr */
    } FormattedValue;
    struct { ExprSeq values; } JoinedStr;   /* Constant (str) and FormattedValue items */
    AstConst Constant;
    struct { Expr *value; const char *attr; ExprContext ctx; } Attribute;
    struct { Expr *value; Expr *slice; ExprContext ctx; } Subscript;  /* a[1:2, 3]: slice is a Tuple */
    struct { Expr *value; ExprContext ctx; } Starred;
    struct { const char *id; ExprContext ctx; } Name;
    struct { ExprSeq elts; ExprContext ctx; } List;
    struct { ExprSeq elts; ExprContext ctx; } Tuple;
    struct { Expr *lower; Expr *upper; Expr *step; } Slice;  /* each may be NULL */
  } v;
};

/* ---- helper records ----------------------------------------------------- */
struct Arg {
  const char *arg;
  Expr *annotation;   /* NULL if none */
  AST_POSITION;
};

/* def f(a, /, b, c=1, *args, d, e=2, **kw): posonlyargs [a], args [b, c],
 * defaults [1] (for the last len(defaults) of posonlyargs+args), vararg args,
 * kwonlyargs [d, e], kw_defaults [NULL, 2] (same length as kwonlyargs),
 * kwarg kw. */
struct Arguments {
  ArgSeq posonlyargs;
  ArgSeq args;
  Arg *vararg;        /* NULL if none */
  ArgSeq kwonlyargs;
  ExprSeq kw_defaults;
  Arg *kwarg;         /* NULL if none */
  ExprSeq defaults;
};

struct Keyword {
  const char *arg;    /* NULL for **mapping */
  Expr *value;
  AST_POSITION;
};

struct Alias {
  const char *name;   /* dotted: "a.b.c" */
  const char *asname; /* NULL if none */
  AST_POSITION;
};

struct WithItem {
  Expr *context_expr;
  Expr *optional_vars;  /* NULL if no "as"; a Store-context target otherwise */
};

struct ExceptHandler {
  Expr *type;         /* NULL for a bare except: */
  const char *name;   /* NULL if no "as" */
  StmtSeq body;
  AST_POSITION;
};

struct Comprehension {
  Expr *target;       /* Store context */
  Expr *iter;
  ExprSeq ifs;
  int is_async;
};

/* ---- match statement ---------------------------------------------------- */
typedef enum {
  MatchValue_kind = 1, MatchSingleton_kind, MatchSequence_kind,
  MatchMapping_kind, MatchClass_kind, MatchStar_kind, MatchAs_kind,
  MatchOr_kind
} PatternKind;

struct Pattern {
  PatternKind kind;
  AST_POSITION;
  union {
    struct { Expr *value; } MatchValue;
    struct { AstConst value; } MatchSingleton;
    struct { PatternSeq patterns; } MatchSequence;
    struct { ExprSeq keys; PatternSeq patterns; const char *rest; } MatchMapping;
    struct { Expr *cls; PatternSeq patterns; IdentSeq kwd_attrs; PatternSeq kwd_patterns; } MatchClass;
    struct { const char *name; } MatchStar;             /* name NULL for *_ */
    struct { Pattern *pattern; const char *name; } MatchAs;  /* both may be NULL (_) */
    struct { PatternSeq patterns; } MatchOr;
  } v;
};

struct MatchCase {
  Pattern *pattern;
  Expr *guard;        /* may be NULL */
  StmtSeq body;
};

/* ---- module ------------------------------------------------------------- */
typedef enum { PARSE_FILE = 0, PARSE_EVAL = 1, PARSE_SINGLE = 2 } ParseMode;  /* == CompileMode order */

typedef struct Module {
  ParseMode mode;
  StmtSeq body;       /* PARSE_FILE and PARSE_SINGLE */
  Expr *expr;         /* PARSE_EVAL: the single expression */
} Module;

/* ---- debugging ---------------------------------------------------------- */
/* Renders the tree in the format of CPython's ast.dump(tree) (no positions,
 * default arguments omitted as 3.11 does), so tests can compare with
 * `python3 -c "import ast; print(ast.dump(ast.parse(src)))"`.
 * Returns a malloc'd string the caller frees. */
char *ast_dump(const Module *m);
/* Same, with positions when include_attributes (ast.dump(t, include_attributes=True)). */
char *ast_dump_ex(const Module *m, int include_attributes);
char *ast_dump_expr(const Expr *e);

#endif
