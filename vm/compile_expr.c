/* compile_expr.c — code generation for expressions, assignment targets,
 * calls, and the code objects made inside expressions or by def/class
 * (functions, lambdas, classes, comprehensions).
 *
 * Invariant: comp_expr leaves exactly one value on the stack; store and
 * delete helpers consume what they are documented to consume.  Every
 * instruction carries the position of the node being compiled (saved and
 * restored around sub-expressions so that a failing call points at the
 * call, not at its last argument).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "vm/compile_internal.h"

/* ---- constants ----------------------------------------------------------- */

/* complex lives in the numbers area; literals need it only when present. */
extern TypeObject ComplexType __attribute__((weak));

static Value complex_literal(Compiler *c, double imag) {
  if (&ComplexType == NULL || !ComplexType.tp_new) {
    comp_error_at(c, (int)c->u->loc.line, c->u->loc.col, (int)c->u->loc.end_line, c->u->loc.end_col,
                  "complex literals are not supported", NULL);
    return VAL_NONE;
  }
  Value args[2] = {float_new(0.0), float_new(imag)};
  Value v = ComplexType.tp_new(&ComplexType, args, 2, NULL);
  if (!v) {
    c->failed = true;
    c->exc_set = true;
    return VAL_NONE;
  }
  return v;
}

Value comp_constant_value(Compiler *c, const AstConst *k) {
  switch (k->kind) {
  case CONST_NONE: return VAL_NONE;
  case CONST_TRUE: return VAL_TRUE;
  case CONST_FALSE: return VAL_FALSE;
  case CONST_ELLIPSIS: return VAL_ELLIPSIS;
  case CONST_INT: return int_from_i64(k->v.i);
  case CONST_BIGINT: {
    Value v = int_from_string(k->v.big.digits, strlen(k->v.big.digits), k->v.big.base);
    if (!v) {
      c->failed = true;
      c->exc_set = true;
      return VAL_NONE;
    }
    return v;
  }
  case CONST_FLOAT: return float_new(k->v.f);
  case CONST_COMPLEX: return complex_literal(c, k->v.f);
  case CONST_STR: return str_new(k->v.str.data, k->v.str.len);
  case CONST_BYTES: return bytes_new(k->v.str.data, k->v.str.len);
  }
  return VAL_NONE;
}

void comp_str_const(Compiler *c, const char *s) { emit_const(c, str_from_cstr(s)); }

/* The value of a constant expression (literals, tuples of them, negated
 * numbers), or VAL_NULL when e is not constant.  Used for folding. */
static Value const_fold(Compiler *c, const Expr *e) {
  switch (e->kind) {
  case Constant_kind:
    if (e->v.Constant.kind == CONST_COMPLEX) return VAL_NULL;
    return comp_constant_value(c, &e->v.Constant);
  case UnaryOp_kind:
    if (e->v.UnaryOp.op == USub_op && e->v.UnaryOp.operand->kind == Constant_kind) {
      const AstConst *k = &e->v.UnaryOp.operand->v.Constant;
      if (k->kind == CONST_INT) return int_from_i64(-k->v.i);
      if (k->kind == CONST_FLOAT) return float_new(-k->v.f);
    }
    return VAL_NULL;
  case Tuple_kind: {
    if (e->v.Tuple.ctx != Load_ctx) return VAL_NULL;
    int n = e->v.Tuple.elts.count;
    for (int i = 0; i < n; i++) {
      const Expr *x = e->v.Tuple.elts.items[i];
      if (x->kind != Constant_kind && x->kind != Tuple_kind &&
          !(x->kind == UnaryOp_kind && x->v.UnaryOp.op == USub_op))
        return VAL_NULL;
    }
    Value items[n > 0 ? n : 1];
    for (int i = 0; i < n; i++) {
      items[i] = const_fold(c, e->v.Tuple.elts.items[i]);
      if (!items[i]) return VAL_NULL;
    }
    return tuple_from_array(items, n);
  }
  default: return VAL_NULL;
  }
}

/* ---- helpers ------------------------------------------------------------- */

static bool has_starred(const ExprSeq *elts) {
  for (int i = 0; i < elts->count; i++)
    if (elts->items[i]->kind == Starred_kind) return true;
  return false;
}

/* [a, *b, c] / (a, *b) / {a, *b}: BUILD_x when no star, else a list that
 * is extended piecewise (then made a tuple or set). */
/* Literals longer than this are built incrementally, so that the value
 * stack of the frame stays small (CPython does the same). */
#define BIG_LITERAL 16

/* Fills items[] with the folded values of elts when every element is a
 * constant (as CPython's AST optimizer sees it: literals, negated numbers,
 * tuples of constants); false otherwise. */
static bool all_constant(Compiler *c, const ExprSeq *elts, Value *items) {
  for (int i = 0; i < elts->count; i++) {
    const Expr *x = elts->items[i];
    if (x->kind != Constant_kind && x->kind != Tuple_kind &&
        !(x->kind == UnaryOp_kind && x->v.UnaryOp.op == USub_op))
      return false;
    items[i] = const_fold(c, x);
    if (!items[i]) return false;
  }
  return true;
}

/* A str made only of ASCII letters, digits and '_': the strings a code
 * object interns. */
static bool name_chars_str(Value v) {
  if (val_type(v) != &StrType) return false;
  const StrObject *s = AS(StrObject, v);
  for (ssize_t i = 0; i < s->len; i++) {
    unsigned char ch = (unsigned char)s->data[i];
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_'))
      return false;
  }
  return true;
}

/* The frozenset constant CPython 3.11 ends up with for a constant set
 * display: built from the elements in source order, rebuilt from its own
 * iteration order when the compiler merges constants, and rebuilt once
 * more when it holds a name-like str (the code object re-creates
 * frozensets whose strings it interns; measured against CPython 3.11,
 * any such element leads to the rebuild).  Iteration order depends on every step. */
static Value frozenset_const(Value tuple) {
  Value fs = frozenset_new(tuple);
  if (!fs) return VAL_NULL;
  Value order = tuple_from_iterable(fs);
  if (!order) return VAL_NULL;
  fs = frozenset_new(order);
  if (!fs) return VAL_NULL;
  order = tuple_from_iterable(fs);
  if (!order) return VAL_NULL;
  for (ssize_t i = 0; i < TUPLE_LEN(order); i++)
    if (name_chars_str(TUPLE_ITEMS(order)[i])) return frozenset_new(order);
  return fs;
}

static void comp_sequence(Compiler *c, const ExprSeq *elts, Opcode build) {
  /* No collection happens while compiling, so a malloc'd array may hold
   * the folded values. */
  Value *items = elts->count > 2 && build != OP_BUILD_TUPLE ? malloc(sizeof(Value) * (size_t)elts->count) : NULL;
  if (items && all_constant(c, elts, items)) {
    /* [1, 2, 3] -> BUILD_LIST 0; LOAD_CONST (1, 2, 3); LIST_EXTEND 1
     * {1, 2, 3} -> BUILD_SET 0; LOAD_CONST frozenset({1, 2, 3}); SET_UPDATE 1 */
    Value folded = tuple_from_array(items, elts->count);
    free(items);
    /* The set's order then comes from SET_UPDATE merging the frozenset
     * into the empty set the way set.update() does (set_update). */
    if (build == OP_BUILD_SET) {
      Value fs = frozenset_const(folded);
      if (fs) folded = fs;
      else err_clear();  /* unhashable constant: SET_UPDATE raises at run time */
    }
    emit(c, build, 0);
    emit_const(c, folded);
    emit(c, build == OP_BUILD_SET ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
    return;
  }
  free(items);
  if (elts->count > BIG_LITERAL && !has_starred(elts)) {
    bool is_set = build == OP_BUILD_SET;
    emit(c, is_set ? OP_BUILD_SET : OP_BUILD_LIST, 0);
    for (int i = 0; i < elts->count; i++) {
      comp_expr(c, elts->items[i]);
      emit(c, is_set ? OP_SET_ADD : OP_LIST_APPEND, 1);
    }
    if (build == OP_BUILD_TUPLE) emit0(c, OP_LIST_TO_TUPLE);
    return;
  }
  if (!has_starred(elts)) {
    for (int i = 0; i < elts->count; i++) comp_expr(c, elts->items[i]);
    emit(c, build, (uint32_t)elts->count);
    return;
  }
  bool is_set = build == OP_BUILD_SET;
  int pending = 0;
  bool have = false;
  for (int i = 0; i < elts->count; i++) {
    const Expr *x = elts->items[i];
    if (x->kind == Starred_kind) {
      if (!have) {
        emit(c, is_set ? OP_BUILD_SET : OP_BUILD_LIST, (uint32_t)pending);
        have = true;
      }
      comp_expr(c, x->v.Starred.value);
      emit(c, is_set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
    } else {
      comp_expr(c, x);
      if (have)
        emit(c, is_set ? OP_SET_ADD : OP_LIST_APPEND, 1);
      else
        pending++;
    }
  }
  if (build == OP_BUILD_TUPLE) emit0(c, OP_LIST_TO_TUPLE);
}

/* The iterable of a `for` or of a comprehension: a set display of
 * constants is iterated as CPython 3.11's optimizer leaves it, a frozenset
 * constant, whose iteration order differs from a set built at run time. */
void comp_iter_expr(Compiler *c, const Expr *iter) {
  if (iter->kind == Set_kind && !has_starred(&iter->v.Set.elts)) {
    const ExprSeq *elts = &iter->v.Set.elts;
    Value *items = malloc(sizeof(Value) * (size_t)(elts->count > 0 ? elts->count : 1));
    Value fs = VAL_NULL;
    if (items && all_constant(c, elts, items)) {
      fs = frozenset_const(tuple_from_array(items, elts->count));
      if (!fs) err_clear();
    }
    free(items);
    if (fs) {
      emit_const(c, fs);
      return;
    }
  }
  comp_expr(c, iter);
}

static void comp_dict(Compiler *c, const Expr *e) {
  int n = e->v.Dict.values.count;
  bool has_unpack = false;
  for (int i = 0; i < n; i++)
    if (!e->v.Dict.keys.items || !e->v.Dict.keys.items[i]) has_unpack = true;
  if (n > BIG_LITERAL && !has_unpack) {
    emit(c, OP_BUILD_MAP, 0);
    for (int i = 0; i < n; i++) {
      comp_expr(c, e->v.Dict.keys.items[i]);
      comp_expr(c, e->v.Dict.values.items[i]);
      emit(c, OP_MAP_ADD, 1);
    }
    return;
  }
  int pending = 0;
  bool have = false;
  for (int i = 0; i < n; i++) {
    const Expr *k = e->v.Dict.keys.items ? e->v.Dict.keys.items[i] : NULL;
    const Expr *v = e->v.Dict.values.items[i];
    if (!k) {
      if (pending || !have) {
        emit(c, OP_BUILD_MAP, (uint32_t)pending);
        if (have) emit(c, OP_DICT_UPDATE, 1);
        have = true;
        pending = 0;
      }
      comp_expr(c, v);
      emit(c, OP_DICT_UPDATE, 1);
    } else {
      comp_expr(c, k);
      comp_expr(c, v);
      pending++;
    }
  }
  if (pending || !have) {
    emit(c, OP_BUILD_MAP, (uint32_t)pending);
    if (have) emit(c, OP_DICT_UPDATE, 1);
  }
}

/* ---- SyntaxWarnings for likely mistakes (CPython's check_* helpers) ------ */

/* The type name a literal expression is known to produce, or NULL. */
static const char *infer_type(const Expr *e) {
  switch (e->kind) {
  case Tuple_kind: return "tuple";
  case List_kind:
  case ListComp_kind: return "list";
  case Dict_kind:
  case DictComp_kind: return "dict";
  case Set_kind:
  case SetComp_kind: return "set";
  case GeneratorExp_kind: return "generator";
  case Lambda_kind: return "function";
  case JoinedStr_kind:
  case FormattedValue_kind: return "str";
  case Constant_kind:
    switch (e->v.Constant.kind) {
    case CONST_NONE: return "NoneType";
    case CONST_TRUE:
    case CONST_FALSE: return "bool";
    case CONST_ELLIPSIS: return "ellipsis";
    case CONST_INT:
    case CONST_BIGINT: return "int";
    case CONST_FLOAT: return "float";
    case CONST_COMPLEX: return "complex";
    case CONST_STR: return "str";
    case CONST_BYTES: return "bytes";
    }
    return NULL;
  default: return NULL;
  }
}

static bool is_singleton_or_nonliteral(const Expr *e) {
  if (e->kind != Constant_kind) return true;
  ConstKind k = e->v.Constant.kind;
  return k == CONST_NONE || k == CONST_TRUE || k == CONST_FALSE || k == CONST_ELLIPSIS;
}

static void check_compare(Compiler *c, const Expr *e) {
  bool left = is_singleton_or_nonliteral(e->v.Compare.left);
  for (int i = 0; i < e->v.Compare.count; i++) {
    CmpOpKind op = e->v.Compare.ops[i];
    bool right = is_singleton_or_nonliteral(e->v.Compare.comparators[i]);
    if ((op == Is_op || op == IsNot_op) && (!left || !right)) {
      comp_warn(c, e->lineno,
                op == Is_op ? "\"is\" with a literal. Did you mean \"==\"?%s%s"
                            : "\"is not\" with a literal. Did you mean \"!=\"?%s%s",
                NULL, NULL);
      return;
    }
    left = right;
  }
}

static void check_caller(Compiler *c, const Expr *f) {
  switch (f->kind) {
  case Constant_kind:
  case Tuple_kind:
  case List_kind:
  case ListComp_kind:
  case Dict_kind:
  case DictComp_kind:
  case Set_kind:
  case SetComp_kind:
  case GeneratorExp_kind:
  case JoinedStr_kind:
  case FormattedValue_kind:
    comp_warn(c, (int)c->u->loc.line, "'%s' object is not callable; perhaps you missed a comma?%s", infer_type(f), NULL);
    break;
  default: break;
  }
}

static void check_subscript(Compiler *c, const Expr *e) {
  const Expr *v = e->v.Subscript.value, *s = e->v.Subscript.slice;
  switch (v->kind) {
  case Constant_kind: {
    ConstKind k = v->v.Constant.kind;
    if (!(k == CONST_NONE || k == CONST_ELLIPSIS || k == CONST_INT || k == CONST_BIGINT || k == CONST_FLOAT ||
          k == CONST_COMPLEX || k == CONST_TRUE || k == CONST_FALSE))
      break;
  }
    /* fall through */
  case Set_kind:
  case SetComp_kind:
  case GeneratorExp_kind:
  case Lambda_kind:
    comp_warn(c, e->lineno, "'%s' object is not subscriptable; perhaps you missed a comma?%s", infer_type(v), NULL);
    return;
  default: break;
  }
  const char *it = infer_type(s);
  if (!it || strcmp(it, "int") == 0 || strcmp(it, "bool") == 0 || s->kind == Slice_kind) return;
  switch (v->kind) {
  case Constant_kind:
    if (!(v->v.Constant.kind == CONST_STR || v->v.Constant.kind == CONST_BYTES)) return;
    /* fall through */
  case Tuple_kind:
  case List_kind:
  case ListComp_kind:
  case JoinedStr_kind:
  case FormattedValue_kind:
    comp_warn(c, e->lineno, "%s indices must be integers or slices, not %s; perhaps you missed a comma?",
              infer_type(v), it);
    break;
  default: break;
  }
}

static void comp_compare(Compiler *c, const Expr *e) {
  check_compare(c, e);
  int n = e->v.Compare.count;
  comp_expr(c, e->v.Compare.left);
  int cleanup = n > 1 ? new_label(c) : -1;
  for (int i = 0; i < n; i++) {
    comp_expr(c, e->v.Compare.comparators[i]);
    COMP_LOC_EXPR(c, e);
    if (i < n - 1) {
      emit(c, OP_SWAP, 2);
      emit(c, OP_COPY, 2);
    }
    CmpOpKind op = e->v.Compare.ops[i];
    switch (op) {
    case Is_op: emit(c, OP_IS_OP, 0); break;
    case IsNot_op: emit(c, OP_IS_OP, 1); break;
    case In_op: emit(c, OP_CONTAINS_OP, 0); break;
    case NotIn_op: emit(c, OP_CONTAINS_OP, 1); break;
    default: emit(c, OP_COMPARE_OP, (uint32_t)op); break;
    }
    if (i < n - 1) emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
  }
  if (n > 1) {
    int end = new_label(c);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, cleanup);
    emit(c, OP_SWAP, 2);
    emit0(c, OP_POP_TOP);
    bind_label(c, end);
  }
}

/* Whether an expression's value is still held elsewhere once a call that
 * received it returns (a variable, a constant, an attribute or an item). */
static bool held_elsewhere(const Expr *e) {
  return e->kind == Name_kind || e->kind == Constant_kind || e->kind == Attribute_kind || e->kind == Subscript_kind;
}

/* Arguments of a call whose callable (and npushed leading positional args)
 * are already on the stack: CALL n, KW_NAMES + CALL, or CALL_FUNCTION_EX.
 * temp_receiver: a method call's receiver is a temporary (CALL_TEMP_ARGS). */
void comp_call_helper(Compiler *c, int npushed, const ExprSeq *args, const KeywordSeq *kws, bool temp_receiver) {
  bool star = has_starred(args);
  for (int i = 0; i < kws->count; i++) {
    const Keyword *k = kws->items[i];
    if (!k->arg) {
      star = true;
      continue;
    }
    for (int j = i + 1; j < kws->count; j++)
      if (kws->items[j]->arg && strcmp(kws->items[j]->arg, k->arg) == 0)
        comp_error_at(c, kws->items[j]->lineno, kws->items[j]->col_offset, kws->items[j]->end_lineno,
                      kws->items[j]->end_col_offset, "keyword argument repeated: %s", k->arg);
  }
  LineInfo loc = c->u->loc;
  if (!star) {
    for (int i = 0; i < args->count; i++) comp_expr(c, args->items[i]);
    int nkw = kws->count;
    if (nkw) {
      Value names = tuple_new(nkw);
      for (int i = 0; i < nkw; i++) {
        TUPLE_ITEMS(names)[i] = (Value)str_intern_cstr(kws->items[i]->arg);
        comp_expr(c, kws->items[i]->value);
      }
      c->u->loc = loc;
      emit(c, OP_KW_NAMES, (uint32_t)add_const(c, names));
    }
    bool temp = temp_receiver;
    for (int i = 0; i < args->count && !temp; i++) temp = !held_elsewhere(args->items[i]);
    for (int i = 0; i < nkw && !temp; i++) temp = !held_elsewhere(kws->items[i]->value);
    c->u->loc = loc;
    emit(c, OP_CALL, (uint32_t)(npushed + args->count + nkw) | (temp ? CALL_TEMP_ARGS : 0));
    return;
  }
  /* Positional part as a tuple. */
  int pending = npushed;
  bool have = false;
  for (int i = 0; i < args->count; i++) {
    const Expr *x = args->items[i];
    if (x->kind == Starred_kind) {
      if (!have) {
        emit(c, OP_BUILD_LIST, (uint32_t)pending);
        have = true;
      }
      comp_expr(c, x->v.Starred.value);
      emit(c, OP_LIST_EXTEND, 1);
    } else {
      comp_expr(c, x);
      if (have)
        emit(c, OP_LIST_APPEND, 1);
      else
        pending++;
    }
  }
  if (have)
    emit0(c, OP_LIST_TO_TUPLE);
  else
    emit(c, OP_BUILD_TUPLE, (uint32_t)pending);
  /* Keyword part as a dict (DICT_MERGE reports duplicates as CPython). */
  if (kws->count) {
    int nseen = 0;
    bool have_dict = false;
    for (int i = 0; i < kws->count; i++) {
      const Keyword *k = kws->items[i];
      if (!k->arg) {
        if (nseen) {
          emit(c, OP_BUILD_MAP, (uint32_t)nseen);
          if (have_dict) emit(c, OP_DICT_MERGE, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          emit(c, OP_BUILD_MAP, 0);
          have_dict = true;
        }
        comp_expr(c, k->value);
        emit(c, OP_DICT_MERGE, 1);
      } else {
        comp_str_const(c, k->arg);
        comp_expr(c, k->value);
        nseen++;
      }
    }
    if (nseen) {
      emit(c, OP_BUILD_MAP, (uint32_t)nseen);
      if (have_dict) emit(c, OP_DICT_MERGE, 1);
    }
    c->u->loc = loc;
    emit(c, OP_CALL_FUNCTION_EX, 1);
  } else {
    c->u->loc = loc;
    emit(c, OP_CALL_FUNCTION_EX, 0);
  }
}

static void comp_call(Compiler *c, const Expr *e) {
  const Expr *f = e->v.Call.func;
  check_caller(c, f);
  bool star = has_starred(&e->v.Call.args);
  for (int i = 0; i < e->v.Call.keywords.count; i++)
    if (!e->v.Call.keywords.items[i]->arg) star = true;
  bool method = f->kind == Attribute_kind && f->v.Attribute.ctx == Load_ctx && !star;
  if (method) {
    comp_expr(c, f->v.Attribute.value);
    comp_set_loc(c, f->end_lineno, f->col_offset, f->end_lineno, f->end_col_offset);
    emit(c, OP_LOAD_METHOD, (uint32_t)add_name(c, comp_mangle(c, f->v.Attribute.attr)));
  } else {
    emit0(c, OP_PUSH_NULL);
    comp_expr(c, f);
  }
  COMP_LOC_EXPR(c, e);
  comp_call_helper(c, 0, &e->v.Call.args, &e->v.Call.keywords, method && !held_elsewhere(f->v.Attribute.value));
}

static void comp_fstring(Compiler *c, const Expr *e) {
  int n = e->v.JoinedStr.values.count;
  if (n == 0) {
    comp_str_const(c, "");
    return;
  }
  for (int i = 0; i < n; i++) comp_expr(c, e->v.JoinedStr.values.items[i]);
  if (n > 1) emit(c, OP_BUILD_STRING, (uint32_t)n);
  else if (e->v.JoinedStr.values.items[0]->kind == Constant_kind) {
    /* a lone literal part is already the str */
  }
}

static void comp_formatted(Compiler *c, const Expr *e) {
  comp_expr(c, e->v.FormattedValue.value);
  uint32_t arg = 0;
  switch (e->v.FormattedValue.conversion) {
  case 's': arg = 1; break;
  case 'r': arg = 2; break;
  case 'a': arg = 3; break;
  default: break;
  }
  if (e->v.FormattedValue.format_spec) {
    comp_expr(c, e->v.FormattedValue.format_spec);
    arg |= 4;
  }
  COMP_LOC_EXPR(c, e);
  emit(c, OP_FORMAT_VALUE, arg);
}

static void comp_slice(Compiler *c, const Expr *e) {
  int n = 2;
  if (e->v.Slice.lower) comp_expr(c, e->v.Slice.lower);
  else emit_const(c, VAL_NONE);
  if (e->v.Slice.upper) comp_expr(c, e->v.Slice.upper);
  else emit_const(c, VAL_NONE);
  if (e->v.Slice.step) {
    comp_expr(c, e->v.Slice.step);
    n = 3;
  }
  emit(c, OP_BUILD_SLICE, (uint32_t)n);
}

/* ---- annotations ---------------------------------------------------------- */

/* With `from __future__ import annotations` an annotation is kept as its
 * source text (PEP 563); gilpy takes the text from the source rather than
 * unparsing the tree, collapsing line breaks and indentation to one space. */
void comp_annotation(Compiler *c, const Expr *e) {
  if (!c->future_annotations || !c->src) {
    comp_expr(c, e);
    return;
  }
  if (e->kind == Constant_kind && e->v.Constant.kind == CONST_STR) {
    /* unparse("int") is "'int'" */
    Value r = str_repr(comp_constant_value(c, &e->v.Constant));
    if (r) emit_const(c, r);
    return;
  }
  /* Find the byte range of the node in the source. */
  const char *p = c->src, *end = c->src + c->srclen;
  int line = 1;
  while (p < end && line < e->lineno) {
    if (*p++ == '\n') line++;
  }
  const char *start = p + e->col_offset;
  const char *q = p;
  while (q < end && line < e->end_lineno) {
    if (*q++ == '\n') line++;
  }
  const char *stop = q + e->end_col_offset;
  if (start > end || stop > end || stop < start) {
    comp_expr(c, e);
    return;
  }
  StrBuilder sb;
  sb_init(&sb);
  for (const char *r = start; r < stop; r++) {
    if (*r == '\\' && r + 1 < stop && r[1] == '\n') continue;
    if (*r == '\n' || *r == '\r') {
      while (r + 1 < stop && (r[1] == ' ' || r[1] == '\t' || r[1] == '\n' || r[1] == '\r')) r++;
      sb_addc(&sb, ' ');
      continue;
    }
    sb_addc(&sb, *r);
  }
  Value v = sb_finish(&sb);
  if (!v) {
    c->failed = true;
    c->exc_set = true;
    return;
  }
  emit_const(c, v);
}

/* ---- functions, lambdas, classes, comprehensions ------------------------- */

static int code_flags_for(const SymScope *s) {
  int f = 0;
  if (s->kind == BLOCK_FUNCTION) f |= CO_OPTIMIZED | CO_NEWLOCALS;
  if (s->is_nested) f |= CO_NESTED;
  if (s->has_varargs) f |= CO_VARARGS;
  if (s->has_varkw) f |= CO_VARKEYWORDS;
  if (s->is_generator && s->is_coroutine)
    f |= CO_ASYNC_GENERATOR;
  else if (s->is_generator)
    f |= CO_GENERATOR;
  else if (s->is_coroutine)
    f |= CO_COROUTINE;
  return f;
}

static void unit_prologue(Compiler *c) {
  c->u->flags |= code_flags_for(c->u->ste);
  if (c->u->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) emit0(c, OP_RETURN_GENERATOR);
  emit(c, OP_RESUME, 0);
}

static void set_arg_counts(Compiler *c, const Arguments *a) {
  if (!a) return;
  c->u->posonlyargcount = a->posonlyargs.count;
  c->u->argcount = a->posonlyargs.count + a->args.count;
  c->u->kwonlyargcount = a->kwonlyargs.count;
}

/* Pushes the defaults tuple and kw-defaults dict; returns MAKE_FUNCTION flags. */
static int comp_defaults(Compiler *c, const Arguments *a) {
  int flags = 0;
  if (!a) return 0;
  if (a->defaults.count) {
    for (int i = 0; i < a->defaults.count; i++) comp_expr(c, a->defaults.items[i]);
    emit(c, OP_BUILD_TUPLE, (uint32_t)a->defaults.count);
    flags |= 1;
  }
  int nkw = 0;
  for (int i = 0; i < a->kwonlyargs.count; i++) {
    const Expr *d = i < a->kw_defaults.count ? a->kw_defaults.items[i] : NULL;
    if (!d) continue;
    comp_str_const(c, comp_mangle(c, a->kwonlyargs.items[i]->arg));
    comp_expr(c, d);
    nkw++;
  }
  if (nkw) {
    emit(c, OP_BUILD_MAP, (uint32_t)nkw);
    flags |= 2;
  }
  return flags;
}

static int ann_args(Compiler *c, const ArgSeq *args) {
  int n = 0;
  for (int i = 0; i < args->count; i++) {
    const Arg *a = args->items[i];
    if (!a->annotation) continue;
    comp_str_const(c, comp_mangle(c, a->arg));
    comp_annotation(c, a->annotation);
    n++;
  }
  return n;
}

static int comp_annotations(Compiler *c, const Arguments *a, const Expr *returns) {
  int n = 0;
  if (a) {
    n += ann_args(c, &a->posonlyargs);
    n += ann_args(c, &a->args);
    if (a->vararg && a->vararg->annotation) {
      ArgSeq one = {1, (Arg **)&a->vararg};
      n += ann_args(c, &one);
    }
    n += ann_args(c, &a->kwonlyargs);
    if (a->kwarg && a->kwarg->annotation) {
      ArgSeq one = {1, (Arg **)&a->kwarg};
      n += ann_args(c, &one);
    }
  }
  if (returns) {
    comp_str_const(c, "return");
    comp_annotation(c, returns);
    n++;
  }
  if (!n) return 0;
  emit(c, OP_BUILD_MAP, (uint32_t)n);
  return 4;
}

void comp_function_def(Compiler *c, const Stmt *s) {
  const ExprSeq *decos = &s->v.FunctionDef.decorator_list;
  const Arguments *a = s->v.FunctionDef.args;
  for (int i = 0; i < decos->count; i++) {
    COMP_LOC_EXPR(c, decos->items[i]);
    emit0(c, OP_PUSH_NULL);
    comp_expr(c, decos->items[i]);
  }
  COMP_LOC_STMT(c, s);
  int flags = comp_defaults(c, a);
  flags |= comp_annotations(c, a, s->v.FunctionDef.returns);
  int firstlineno = decos->count ? decos->items[0]->lineno : s->lineno;
  comp_enter_unit(c, s, s->v.FunctionDef.name, firstlineno);
  c->u->is_async_function = s->kind == AsyncFunctionDef_kind;
  set_arg_counts(c, a);
  COMP_LOC_STMT(c, s);
  unit_prologue(c);
  const Expr *doc = comp_docstring(&s->v.FunctionDef.body);
  add_const(c, doc ? comp_constant_value(c, &doc->v.Constant) : VAL_NONE);
  const StmtSeq *body = &s->v.FunctionDef.body;
  for (int i = doc ? 1 : 0; i < body->count; i++) comp_stmt(c, body->items[i]);
  emit_const(c, VAL_NONE);
  emit0(c, OP_RETURN_VALUE);
  CodeObject *co = comp_leave_unit(c);
  COMP_LOC_STMT(c, s);
  comp_make_closure(c, co, flags);
  for (int i = decos->count - 1; i >= 0; i--) {
    COMP_LOC_EXPR(c, decos->items[i]);
    emit(c, OP_CALL, 1);
  }
  COMP_LOC_STMT(c, s);
  comp_nameop(c, s->v.FunctionDef.name, Store_ctx);
}

static void comp_lambda(Compiler *c, const Expr *e) {
  const Arguments *a = e->v.Lambda.args;
  int flags = comp_defaults(c, a);
  comp_enter_unit(c, e, "<lambda>", e->lineno);
  set_arg_counts(c, a);
  COMP_LOC_EXPR(c, e);
  unit_prologue(c);
  add_const(c, VAL_NONE); /* no docstring */
  comp_expr(c, e->v.Lambda.body);
  if (c->u->ste->is_generator) {
    emit0(c, OP_POP_TOP);
    emit_const(c, VAL_NONE);
  }
  emit0(c, OP_RETURN_VALUE);
  CodeObject *co = comp_leave_unit(c);
  COMP_LOC_EXPR(c, e);
  comp_make_closure(c, co, flags);
}

void comp_class_def(Compiler *c, const Stmt *s) {
  const ExprSeq *decos = &s->v.ClassDef.decorator_list;
  for (int i = 0; i < decos->count; i++) {
    COMP_LOC_EXPR(c, decos->items[i]);
    emit0(c, OP_PUSH_NULL);
    comp_expr(c, decos->items[i]);
  }
  COMP_LOC_STMT(c, s);
  emit0(c, OP_PUSH_NULL);
  emit0(c, OP_LOAD_BUILD_CLASS);
  int firstlineno = decos->count ? decos->items[0]->lineno : s->lineno;
  comp_enter_unit(c, s, s->v.ClassDef.name, firstlineno);
  COMP_LOC_STMT(c, s);
  unit_prologue(c);
  comp_nameop(c, "__name__", Load_ctx);
  comp_nameop(c, "__module__", Store_ctx);
  emit_const(c, c->u->qualname);
  comp_nameop(c, "__qualname__", Store_ctx);
  if (c->u->ste->has_annotations) emit0(c, OP_SETUP_ANNOTATIONS);
  const StmtSeq *body = &s->v.ClassDef.body;
  const Expr *doc = comp_docstring(body);
  if (doc) {
    COMP_LOC_EXPR(c, doc);
    comp_expr(c, doc);
    comp_nameop(c, "__doc__", Store_ctx);
  }
  for (int i = doc ? 1 : 0; i < body->count; i++) comp_stmt(c, body->items[i]);
  if (c->u->ste->needs_class_closure) {
    emit(c, OP_LOAD_CLOSURE, 0); /* __class__ is cellvars[0] */
    emit(c, OP_COPY, 1);
    comp_nameop(c, "__classcell__", Store_ctx);
  } else {
    emit_const(c, VAL_NONE);
  }
  emit0(c, OP_RETURN_VALUE);
  CodeObject *co = comp_leave_unit(c);
  COMP_LOC_STMT(c, s);
  comp_make_closure(c, co, 0);
  comp_str_const(c, s->v.ClassDef.name);
  comp_call_helper(c, 2, &s->v.ClassDef.bases, &s->v.ClassDef.keywords, false);
  for (int i = decos->count - 1; i >= 0; i--) {
    COMP_LOC_EXPR(c, decos->items[i]);
    emit(c, OP_CALL, 1);
  }
  COMP_LOC_STMT(c, s);
  comp_nameop(c, s->v.ClassDef.name, Store_ctx);
}

/* One `for` clause of a comprehension (and, recursively, the following
 * ones); the innermost emits the element.  depth = values below the item
 * (the result container is at stack[-depth-1] when appending). */
static void comp_comprehension_gen(Compiler *c, const Expr *e, CompKind kind, const ComprehensionSeq *gens, int gi,
                                   const Expr *elt, const Expr *val, int depth) {
  const Comprehension *g = gens->items[gi];
  int start = new_label(c), cont = new_label(c), end = new_label(c), except = -1;
  if (gi == 0) {
    emit(c, OP_LOAD_FAST, 0); /* .0: the iterator made by the caller */
  } else {
    comp_iter_expr(c, g->iter);
    COMP_LOC_EXPR(c, g->iter);
    emit0(c, g->is_async ? OP_GET_AITER : OP_GET_ITER);
  }
  bind_label(c, start);
  if (g->is_async) {
    except = new_label(c);
    emit_jump(c, OP_SETUP_FINALLY, except);
    emit0(c, OP_GET_ANEXT);
    comp_yield_from_loop(c);
    emit0(c, OP_POP_BLOCK);
  } else {
    emit_jump(c, OP_FOR_ITER, end);
  }
  comp_store_target(c, g->target);
  for (int i = 0; i < g->ifs.count; i++) comp_jump_if(c, g->ifs.items[i], false, cont);
  if (gi + 1 < gens->count) {
    comp_comprehension_gen(c, e, kind, gens, gi + 1, elt, val, depth + 1);
  } else {
    COMP_LOC_EXPR(c, elt);
    switch (kind) {
    case COMP_GEN:
      comp_expr(c, elt);
      if (c->u->ste->is_coroutine) emit0(c, OP_ASYNC_GEN_WRAP);
      emit0(c, OP_YIELD_VALUE);
      emit(c, OP_RESUME, 1);
      emit0(c, OP_POP_TOP);
      break;
    case COMP_LIST:
      comp_expr(c, elt);
      emit(c, OP_LIST_APPEND, (uint32_t)(depth + 1));
      break;
    case COMP_SET:
      comp_expr(c, elt);
      emit(c, OP_SET_ADD, (uint32_t)(depth + 1));
      break;
    case COMP_DICT:
      comp_expr(c, elt);
      comp_expr(c, val);
      emit(c, OP_MAP_ADD, (uint32_t)(depth + 1));
      break;
    default: break;
    }
  }
  bind_label(c, cont);
  COMP_LOC_EXPR(c, e);
  emit_jump(c, OP_JUMP_BACKWARD, start);
  if (g->is_async) {
    /* [aiter, prev_exc, exc]: StopAsyncIteration ends the loop. */
    bind_label(c, except);
    emit(c, OP_SWAP, 2);
    emit0(c, OP_POP_EXCEPT);
    emit0(c, OP_END_ASYNC_FOR);
  }
  bind_label(c, end);
}

static void comp_comprehension(Compiler *c, const Expr *e, CompKind kind, const ComprehensionSeq *gens,
                               const Expr *elt, const Expr *val) {
  static const char *const names[] = {"", "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
  bool outer_async_ok = c->u->is_async_function || c->u->ste->comp != COMP_NONE || comp_is_toplevel_await(c);
  const Comprehension *first = gens->items[0];
  comp_enter_unit(c, e, names[kind], e->lineno);
  COMP_LOC_EXPR(c, e);
  SymScope *ste = c->u->ste;
  if (ste->is_coroutine && kind != COMP_GEN && !outer_async_ok)
    COMP_ERR_EXPR(c, e, "asynchronous comprehension outside of an asynchronous function", NULL);
  c->u->argcount = 1;
  unit_prologue(c);
  if (kind == COMP_LIST) emit(c, OP_BUILD_LIST, 0);
  if (kind == COMP_SET) emit(c, OP_BUILD_SET, 0);
  if (kind == COMP_DICT) emit(c, OP_BUILD_MAP, 0);
  comp_comprehension_gen(c, e, kind, gens, 0, elt, val, 1);
  COMP_LOC_EXPR(c, e);
  if (kind == COMP_GEN) emit_const(c, VAL_NONE);
  emit0(c, OP_RETURN_VALUE);
  bool is_coro = ste->is_coroutine;
  CodeObject *co = comp_leave_unit(c);
  COMP_LOC_EXPR(c, e);
  emit0(c, OP_PUSH_NULL);
  comp_make_closure(c, co, 0);
  comp_iter_expr(c, first->iter);
  COMP_LOC_EXPR(c, e);
  emit0(c, first->is_async ? OP_GET_AITER : OP_GET_ITER);
  emit(c, OP_CALL, 1 | CALL_TEMP_ARGS); /* the iterator is dropped when it returns */
  if (is_coro && kind != COMP_GEN) {
    emit(c, OP_GET_AWAITABLE, 0);
    comp_yield_from_loop(c);
  }
}

/* ---- conditions ----------------------------------------------------------- */

/* Evaluates e for its truth and jumps to label when it is `cond`, without
 * materialising bools for `not`, `and`/`or` and `is None` tests. */
void comp_jump_if(Compiler *c, const Expr *e, bool cond, int label) {
  LineInfo saved = c->u->loc;
  switch (e->kind) {
  case UnaryOp_kind:
    if (e->v.UnaryOp.op == Not_op) {
      comp_jump_if(c, e->v.UnaryOp.operand, !cond, label);
      return;
    }
    break;
  case BoolOp_kind: {
    bool is_or = e->v.BoolOp.op == Or_op;
    int n = e->v.BoolOp.values.count;
    if (is_or == cond) {
      for (int i = 0; i < n; i++) comp_jump_if(c, e->v.BoolOp.values.items[i], cond, label);
    } else {
      int next = new_label(c);
      for (int i = 0; i < n - 1; i++) comp_jump_if(c, e->v.BoolOp.values.items[i], !cond, next);
      comp_jump_if(c, e->v.BoolOp.values.items[n - 1], cond, label);
      bind_label(c, next);
    }
    return;
  }
  case Compare_kind:
    if (e->v.Compare.count == 1 && (e->v.Compare.ops[0] == Is_op || e->v.Compare.ops[0] == IsNot_op)) {
      const Expr *r = e->v.Compare.comparators[0];
      if (r->kind == Constant_kind && r->v.Constant.kind == CONST_NONE) {
        bool is = e->v.Compare.ops[0] == Is_op;
        comp_expr(c, e->v.Compare.left);
        COMP_LOC_EXPR(c, e);
        emit_jump(c, is == cond ? OP_POP_JUMP_IF_NONE : OP_POP_JUMP_IF_NOT_NONE, label);
        c->u->loc = saved;
        return;
      }
    }
    break;
  default: break;
  }
  comp_expr(c, e);
  COMP_LOC_EXPR(c, e);
  emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
  c->u->loc = saved;
}

/* ---- expressions --------------------------------------------------------- */

void comp_expr(Compiler *c, const Expr *e) {
  LineInfo saved = c->u->loc;
  COMP_LOC_EXPR(c, e);
  switch (e->kind) {
  case BoolOp_kind: {
    int end = new_label(c);
    Opcode jop = e->v.BoolOp.op == And_op ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    int n = e->v.BoolOp.values.count;
    for (int i = 0; i < n; i++) {
      comp_expr(c, e->v.BoolOp.values.items[i]);
      if (i < n - 1) emit_jump(c, jop, end);
    }
    bind_label(c, end);
    break;
  }
  case NamedExpr_kind:
    comp_expr(c, e->v.NamedExpr.value);
    emit(c, OP_COPY, 1);
    comp_store_target(c, e->v.NamedExpr.target);
    break;
  case BinOp_kind:
    comp_expr(c, e->v.BinOp.left);
    comp_expr(c, e->v.BinOp.right);
    COMP_LOC_EXPR(c, e);
    emit(c, OP_BINARY_OP, (uint32_t)e->v.BinOp.op);
    break;
  case UnaryOp_kind: {
    Value folded = const_fold(c, e);
    if (folded) {
      emit_const(c, folded);
      break;
    }
    comp_expr(c, e->v.UnaryOp.operand);
    COMP_LOC_EXPR(c, e);
    static const Opcode ops[] = {OP_UNARY_INVERT, OP_UNARY_NOT, OP_UNARY_POSITIVE, OP_UNARY_NEGATIVE};
    emit0(c, ops[e->v.UnaryOp.op]);
    break;
  }
  case Lambda_kind: comp_lambda(c, e); break;
  case IfExp_kind: {
    int orelse = new_label(c), end = new_label(c);
    comp_jump_if(c, e->v.IfExp.test, false, orelse);
    comp_expr(c, e->v.IfExp.body);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, orelse);
    comp_expr(c, e->v.IfExp.orelse);
    bind_label(c, end);
    break;
  }
  case Dict_kind: comp_dict(c, e); break;
  case Set_kind: comp_sequence(c, &e->v.Set.elts, OP_BUILD_SET); break;
  case ListComp_kind: comp_comprehension(c, e, COMP_LIST, &e->v.ListComp.generators, e->v.ListComp.elt, NULL); break;
  case SetComp_kind: comp_comprehension(c, e, COMP_SET, &e->v.ListComp.generators, e->v.ListComp.elt, NULL); break;
  case GeneratorExp_kind:
    comp_comprehension(c, e, COMP_GEN, &e->v.ListComp.generators, e->v.ListComp.elt, NULL);
    break;
  case DictComp_kind:
    comp_comprehension(c, e, COMP_DICT, &e->v.DictComp.generators, e->v.DictComp.key, e->v.DictComp.value);
    break;
  case Await_kind:
    if (!comp_is_toplevel_await(c)) {
      if (c->u->ste->kind != BLOCK_FUNCTION)
        COMP_ERR_EXPR(c, e, "'await' outside function", NULL);
      else if (!c->u->is_async_function && c->u->ste->comp == COMP_NONE)
        COMP_ERR_EXPR(c, e, "'await' outside async function", NULL);
    }
    comp_expr(c, e->v.Await.value);
    COMP_LOC_EXPR(c, e);
    emit(c, OP_GET_AWAITABLE, 0);
    comp_yield_from_loop(c);
    break;
  case Yield_kind:
    if (c->u->ste->kind != BLOCK_FUNCTION) COMP_ERR_EXPR(c, e, "'yield' outside function", NULL);
    if (e->v.Yield.value)
      comp_expr(c, e->v.Yield.value);
    else
      emit_const(c, VAL_NONE);
    COMP_LOC_EXPR(c, e);
    if (c->u->ste->is_coroutine) emit0(c, OP_ASYNC_GEN_WRAP);
    emit0(c, OP_YIELD_VALUE);
    emit(c, OP_RESUME, 1);
    break;
  case YieldFrom_kind:
    if (c->u->ste->kind != BLOCK_FUNCTION) COMP_ERR_EXPR(c, e, "'yield' outside function", NULL);
    if (c->u->is_async_function) COMP_ERR_EXPR(c, e, "'yield from' inside async function", NULL);
    comp_expr(c, e->v.YieldFrom.value);
    COMP_LOC_EXPR(c, e);
    emit0(c, OP_GET_YIELD_FROM_ITER);
    comp_yield_from_loop(c);
    break;
  case Compare_kind: comp_compare(c, e); break;
  case Call_kind: comp_call(c, e); break;
  case FormattedValue_kind: comp_formatted(c, e); break;
  case JoinedStr_kind: comp_fstring(c, e); break;
  case Constant_kind: emit_const(c, comp_constant_value(c, &e->v.Constant)); break;
  case Attribute_kind:
    comp_expr(c, e->v.Attribute.value);
    comp_set_loc(c, e->end_lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    if (e->v.Attribute.ctx == Load_ctx) emit(c, OP_LOAD_ATTR, (uint32_t)add_name(c, comp_mangle(c, e->v.Attribute.attr)));
    break;
  case Subscript_kind:
    if (e->v.Subscript.ctx == Load_ctx) check_subscript(c, e);
    comp_expr(c, e->v.Subscript.value);
    comp_expr(c, e->v.Subscript.slice);
    COMP_LOC_EXPR(c, e);
    if (e->v.Subscript.ctx == Load_ctx) emit0(c, OP_BINARY_SUBSCR);
    break;
  case Starred_kind:
    COMP_ERR_EXPR(c, e, "can't use starred expression here", NULL);
    break;
  case Name_kind: comp_nameop(c, e->v.Name.id, Load_ctx); break;
  case List_kind: comp_sequence(c, &e->v.List.elts, OP_BUILD_LIST); break;
  case Tuple_kind: {
    Value folded = e->v.Tuple.elts.count > 0 ? const_fold(c, e) : VAL_NULL;
    if (folded)
      emit_const(c, folded);
    else
      comp_sequence(c, &e->v.Tuple.elts, OP_BUILD_TUPLE);
    break;
  }
  case Slice_kind: comp_slice(c, e); break;
  }
  c->u->loc = saved;
}

/* ---- targets ------------------------------------------------------------- */

static void comp_unpack(Compiler *c, const Expr *t, const ExprSeq *elts) {
  int star = -1;
  for (int i = 0; i < elts->count; i++) {
    if (elts->items[i]->kind != Starred_kind) continue;
    if (star >= 0) {
      COMP_ERR_EXPR(c, elts->items[i], "multiple starred expressions in assignment", NULL);
      return;
    }
    star = i;
  }
  COMP_LOC_EXPR(c, t);
  if (star < 0) {
    emit(c, OP_UNPACK_SEQUENCE, (uint32_t)elts->count);
  } else {
    int after = elts->count - star - 1;
    if (star > 255 || after > 255) {
      COMP_ERR_EXPR(c, t, "too many expressions in star-unpacking assignment", NULL);
      return;
    }
    emit(c, OP_UNPACK_EX, (uint32_t)(star | (after << 8)));
  }
  for (int i = 0; i < elts->count; i++) {
    const Expr *x = elts->items[i];
    comp_store_target(c, x->kind == Starred_kind ? x->v.Starred.value : x);
  }
}

void comp_store_target(Compiler *c, const Expr *t) {
  LineInfo saved = c->u->loc;
  switch (t->kind) {
  case Name_kind:
    COMP_LOC_EXPR(c, t);
    comp_nameop(c, t->v.Name.id, Store_ctx);
    break;
  case Attribute_kind:
    comp_expr(c, t->v.Attribute.value);
    COMP_LOC_EXPR(c, t);
    emit(c, OP_STORE_ATTR, (uint32_t)add_name(c, comp_mangle(c, t->v.Attribute.attr)));
    break;
  case Subscript_kind:
    comp_expr(c, t->v.Subscript.value);
    comp_expr(c, t->v.Subscript.slice);
    COMP_LOC_EXPR(c, t);
    emit0(c, OP_STORE_SUBSCR);
    break;
  case Tuple_kind: comp_unpack(c, t, &t->v.Tuple.elts); break;
  case List_kind: comp_unpack(c, t, &t->v.List.elts); break;
  case Starred_kind: COMP_ERR_EXPR(c, t, "starred assignment target must be in a list or tuple", NULL); break;
  default: COMP_ERR_EXPR(c, t, "cannot assign to expression", NULL); break;
  }
  c->u->loc = saved;
}

void comp_delete_target(Compiler *c, const Expr *t) {
  LineInfo saved = c->u->loc;
  COMP_LOC_EXPR(c, t);
  switch (t->kind) {
  case Name_kind: comp_nameop(c, t->v.Name.id, Del_ctx); break;
  case Attribute_kind:
    comp_expr(c, t->v.Attribute.value);
    COMP_LOC_EXPR(c, t);
    emit(c, OP_DELETE_ATTR, (uint32_t)add_name(c, comp_mangle(c, t->v.Attribute.attr)));
    break;
  case Subscript_kind:
    comp_expr(c, t->v.Subscript.value);
    comp_expr(c, t->v.Subscript.slice);
    COMP_LOC_EXPR(c, t);
    emit0(c, OP_DELETE_SUBSCR);
    break;
  case Tuple_kind:
  case List_kind:
    for (int i = 0; i < t->v.Tuple.elts.count; i++) comp_delete_target(c, t->v.Tuple.elts.items[i]);
    break;
  default: COMP_ERR_EXPR(c, t, "cannot delete expression", NULL); break;
  }
  c->u->loc = saved;
}
