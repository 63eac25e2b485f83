/* compile_match.c — code generation for the match statement (PEP 634).
 *
 * The code is CPython 3.11's, instruction for instruction where gilpy has
 * the same instructions, so that evaluation order, the calls made on the
 * subject, error messages and their positions are the same.
 *
 * A case compiles its pattern against the subject on top of the stack (a
 * copy, unless it is the last case that needs it).  Every pattern consumes
 * its subject.  Captured values are not stored while matching: each is
 * rotated below the items still needed (PatCtx.on_top) and the captures
 * before it, and the case stores them all once the whole pattern matched,
 * so a pattern that fails binds nothing (a case whose guard fails keeps
 * its captures, as in CPython).
 * A failing check jumps to fail_pop[n], where n is the number of items to
 * drop (on_top plus captures so far): the fail_pop labels are bound at
 * the end of the case as a run of POP_TOPs falling into fail_pop[0].
 *
 * Pattern positions work as in CPython: compiling a pattern moves the
 * current position to it and leaves it there, so later instructions (and
 * errors such as "alternative patterns bind different names") carry the
 * position of the last sub-pattern compiled.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "vm/compile_internal.h"

typedef struct {
  const char **items;
  int n, cap;
} NameList;

typedef struct {
  NameList stores;        /* names captured so far, in stack order */
  bool allow_irrefutable; /* a capture or wildcard may stand alone here */
  int *fail_pop;          /* labels: fail_pop[n] pops n items, then fails */
  int fail_pop_size;
  int on_top;             /* items above the captures still needed */
} PatCtx;

static void names_add(NameList *l, const char *name) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 8;
    l->items = realloc(l->items, (size_t)l->cap * sizeof *l->items);
    if (!l->items) abort();
  }
  l->items[l->n++] = name;
}

static int names_index(const NameList *l, const char *name) {
  for (int i = 0; i < l->n; i++)
    if (strcmp(l->items[i], name) == 0) return i;
  return -1;
}

static void names_free(NameList *l) {
  free(l->items);
  memset(l, 0, sizeof *l);
}

static bool is_wildcard(const Pattern *p) {
  return p->kind == MatchAs_kind && !p->v.MatchAs.pattern && !p->v.MatchAs.name;
}

static bool is_star_wildcard(const Pattern *p) { return p->kind == MatchStar_kind && !p->v.MatchStar.name; }

static void pattern_loc(Compiler *c, const Pattern *p) {
  comp_set_loc(c, p->lineno, p->col_offset, p->end_lineno, p->end_col_offset);
}

/* A SyntaxError at the current position. */
static void pattern_error(Compiler *c, const char *fmt, const char *arg) {
  LineInfo *l = &c->u->loc;
  comp_error_at(c, (int)l->line, l->col, (int)l->end_line, l->end_col, fmt, arg);
}

/* ---- failure paths ------------------------------------------------------- */

static void ensure_fail_pop(Compiler *c, PatCtx *pc, int n) {
  int size = n + 1;
  if (size <= pc->fail_pop_size) return;
  pc->fail_pop = realloc(pc->fail_pop, (size_t)size * sizeof(int));
  if (!pc->fail_pop) abort();
  while (pc->fail_pop_size < size) pc->fail_pop[pc->fail_pop_size++] = new_label(c);
}

/* Jumps (with op) to the failure path, dropping what is on the stack. */
static void jump_to_fail_pop(Compiler *c, PatCtx *pc, Opcode op) {
  int pops = pc->on_top + pc->stores.n;
  ensure_fail_pop(c, pc, pops);
  emit_jump(c, op, pc->fail_pop[pops]);
}

static void emit_and_reset_fail_pop(Compiler *c, PatCtx *pc) {
  if (!pc->fail_pop_size) return;
  while (--pc->fail_pop_size) {
    bind_label(c, pc->fail_pop[pc->fail_pop_size]);
    emit0(c, OP_POP_TOP);
  }
  bind_label(c, pc->fail_pop[0]);
  free(pc->fail_pop);
  pc->fail_pop = NULL;
}

/* Moves the top of the stack down to stack[-count]. */
static void rotate(Compiler *c, int count) {
  while (1 < count) emit(c, OP_SWAP, (uint32_t)count--);
}

/* Captures the subject under name (NULL: `_`, just drop it). */
static void store_name(Compiler *c, const char *name, PatCtx *pc) {
  if (!name) {
    emit0(c, OP_POP_TOP);
    return;
  }
  if (strcmp(name, "__debug__") == 0) {
    pattern_error(c, "cannot assign to __debug__", NULL);
    return;
  }
  if (names_index(&pc->stores, name) >= 0) {
    pattern_error(c, "multiple assignments to name '%s' in pattern", name);
    return;
  }
  rotate(c, pc->on_top + pc->stores.n + 1);
  names_add(&pc->stores, name);
}

/* ---- literals ------------------------------------------------------------ */

/* The value of a literal pattern (a constant, a negated number, or a
 * complex sum such as 1-2j), folded as CPython's AST optimizer does; VAL_NULL
 * when e is not a literal. */
static Value fold_literal(Compiler *c, const Expr *e) {
  switch (e->kind) {
  case Constant_kind: return comp_constant_value(c, &e->v.Constant);
  case UnaryOp_kind: {
    if (e->v.UnaryOp.op != USub_op) return VAL_NULL;
    Value v = fold_literal(c, e->v.UnaryOp.operand);
    return v ? obj_neg(v) : VAL_NULL;
  }
  case BinOp_kind: {
    if (e->v.BinOp.op != Add_op && e->v.BinOp.op != Sub_op) return VAL_NULL;
    Value l = fold_literal(c, e->v.BinOp.left);
    Value r = l ? fold_literal(c, e->v.BinOp.right) : VAL_NULL;
    return r ? obj_binop(l, r, (BinOp)e->v.BinOp.op) : VAL_NULL;
  }
  default: return VAL_NULL;
  }
}

/* Pushes a value pattern's value or a mapping pattern's key. */
static void emit_value(Compiler *c, const Expr *e) {
  Value v = fold_literal(c, e);
  if (v)
    emit_const(c, v);
  else
    comp_expr(c, e);
}

/* ---- patterns ------------------------------------------------------------ */

static void comp_pattern(Compiler *c, const Pattern *p, PatCtx *pc);

/* A pattern nested in another: captures and wildcards are fine there. */
static void comp_subpattern(Compiler *c, const Pattern *p, PatCtx *pc) {
  bool allow = pc->allow_irrefutable;
  pc->allow_irrefutable = true;
  comp_pattern(c, p, pc);
  pc->allow_irrefutable = allow;
}

static void comp_pattern_as(Compiler *c, const Pattern *p, PatCtx *pc) {
  const char *name = p->v.MatchAs.name;
  if (!p->v.MatchAs.pattern) {
    if (!pc->allow_irrefutable) {
      if (name)
        pattern_error(c, "name capture '%s' makes remaining patterns unreachable", name);
      else
        pattern_error(c, "wildcard makes remaining patterns unreachable", NULL);
      return;
    }
    store_name(c, name, pc);
    return;
  }
  /* Keep a copy of the subject to capture once the inner pattern matched. */
  pc->on_top++;
  emit(c, OP_COPY, 1);
  comp_pattern(c, p->v.MatchAs.pattern, pc);
  pc->on_top--;
  store_name(c, name, pc);
}

static void comp_pattern_value(Compiler *c, const Pattern *p, PatCtx *pc) {
  const Expr *value = p->v.MatchValue.value;
  if (value->kind == JoinedStr_kind) { /* the parser lets f-strings through */
    pattern_error(c, "patterns may only match literals and attribute lookups", NULL);
    return;
  }
  emit_value(c, value);
  pattern_loc(c, p);
  emit(c, OP_COMPARE_OP, CMP_EQ);
  jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
}

static void comp_pattern_singleton(Compiler *c, const Pattern *p, PatCtx *pc) {
  emit_const(c, comp_constant_value(c, &p->v.MatchSingleton.value));
  emit(c, OP_IS_OP, 0);
  jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
}

/* [a, *b, c]: the items (and a list for the star) come out of UNPACK_EX. */
static void sequence_unpack(Compiler *c, const PatternSeq *pats, int star, PatCtx *pc) {
  int size = pats->count;
  if (star >= 0) {
    if (star >= (1 << 8) || size - star - 1 >= (INSTR_ARG_MAX >> 8)) {
      pattern_error(c, "too many expressions in star-unpacking sequence pattern", NULL);
      return;
    }
    emit(c, OP_UNPACK_EX, (uint32_t)(star + ((size - star - 1) << 8)));
  } else {
    emit(c, OP_UNPACK_SEQUENCE, (uint32_t)size);
  }
  pc->on_top += size;
  for (int i = 0; i < size; i++) {
    pc->on_top--;
    comp_subpattern(c, pats->items[i], pc);
  }
}

/* [a, *_, z]: only the needed items are read by index, the star is not
 * built (non-negative indexes: the subject may not support negative ones). */
static void sequence_subscr(Compiler *c, const PatternSeq *pats, int star, PatCtx *pc) {
  int size = pats->count;
  pc->on_top++;
  for (int i = 0; i < size; i++) {
    const Pattern *sub = pats->items[i];
    if (is_wildcard(sub) || i == star) continue;
    emit(c, OP_COPY, 1);
    if (i < star) {
      emit_const(c, val_from_int(i));
    } else {
      emit0(c, OP_GET_LEN);
      emit_const(c, val_from_int(size - i));
      emit(c, OP_BINARY_OP, BINOP_SUB);
    }
    emit0(c, OP_BINARY_SUBSCR);
    comp_subpattern(c, sub, pc);
  }
  pc->on_top--;
  emit0(c, OP_POP_TOP);
}

static void comp_pattern_sequence(Compiler *c, const Pattern *p, PatCtx *pc) {
  const PatternSeq *pats = &p->v.MatchSequence.patterns;
  int size = pats->count, star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (int i = 0; i < size; i++) {
    const Pattern *sub = pats->items[i];
    if (sub->kind == MatchStar_kind) {
      if (star >= 0) {
        pattern_error(c, "multiple starred names in sequence pattern", NULL);
        return;
      }
      star_wildcard = is_star_wildcard(sub);
      only_wildcard &= star_wildcard;
      star = i;
      continue;
    }
    only_wildcard &= is_wildcard(sub);
  }
  /* The subject stays on top through the type and length checks. */
  pc->on_top++;
  emit0(c, OP_MATCH_SEQUENCE);
  jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
  if (star < 0) {
    emit0(c, OP_GET_LEN);
    emit_const(c, val_from_int(size));
    emit(c, OP_COMPARE_OP, CMP_EQ);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
  } else if (size > 1) {
    emit0(c, OP_GET_LEN);
    emit_const(c, val_from_int(size - 1));
    emit(c, OP_COMPARE_OP, CMP_GE);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
  }
  pc->on_top--;
  if (only_wildcard)
    emit0(c, OP_POP_TOP);
  else if (star_wildcard)
    sequence_subscr(c, pats, star, pc);
  else
    sequence_unpack(c, pats, star, pc);
}

/* Pushes the keys of a mapping pattern as one tuple; SyntaxError on a
 * literal key given twice (keys read from attributes are checked at run
 * time by MATCH_KEYS). */
static void emit_mapping_keys(Compiler *c, const ExprSeq *keys) {
  int size = keys->count;
  Value seen = set_new(VAL_NULL);
  Value consts = tuple_new(size);
  bool all_const = true;
  for (int i = 0; i < size; i++) {
    const Expr *key = keys->items[i];
    Value v = fold_literal(c, key);
    if (c->failed) return;
    if (v) {
      int dup = set_contains(seen, v);
      if (dup == 0) dup = set_add(seen, v);
      if (dup) {
        Value r = dup > 0 ? obj_repr(v) : VAL_NULL;
        pattern_error(c, "mapping pattern checks duplicate key (%s)", r ? str_cstr(r) : "?");
        return;
      }
      TUPLE_ITEMS(consts)[i] = v;
    } else if (key->kind != Attribute_kind) {
      pattern_error(c, "mapping pattern keys may only match literals and attribute lookups", NULL);
      return;
    } else {
      all_const = false;
    }
  }
  if (all_const) {
    emit_const(c, consts);
    return;
  }
  for (int i = 0; i < size; i++) emit_value(c, keys->items[i]);
  emit(c, OP_BUILD_TUPLE, (uint32_t)size);
}

static void comp_pattern_mapping(Compiler *c, const Pattern *p, PatCtx *pc) {
  const ExprSeq *keys = &p->v.MatchMapping.keys;
  const PatternSeq *pats = &p->v.MatchMapping.patterns;
  const char *rest = p->v.MatchMapping.rest;
  int size = keys->count;
  pc->on_top++;
  emit0(c, OP_MATCH_MAPPING);
  jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
  if (!size && !rest) {
    /* {} matches any mapping. */
    pc->on_top--;
    emit0(c, OP_POP_TOP);
    return;
  }
  if (size) {
    emit0(c, OP_GET_LEN);
    emit_const(c, val_from_int(size));
    emit(c, OP_COMPARE_OP, CMP_GE);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
  }
  emit_mapping_keys(c, keys);
  if (c->failed) return;
  emit0(c, OP_MATCH_KEYS);
  /* [subject, keys, values-or-None] */
  pc->on_top += 2;
  emit(c, OP_COPY, 1);
  jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_NONE);
  emit(c, OP_UNPACK_SEQUENCE, (uint32_t)size);
  pc->on_top += size - 1;
  for (int i = 0; i < size; i++) {
    pc->on_top--;
    comp_subpattern(c, pats->items[i], pc);
  }
  pc->on_top -= 2;
  if (rest) {
    /* rest = dict(subject); del rest[k] for each key. */
    emit(c, OP_BUILD_MAP, 0);
    emit(c, OP_SWAP, 3);
    emit(c, OP_DICT_UPDATE, 2);
    emit(c, OP_UNPACK_SEQUENCE, (uint32_t)size);
    for (int left = size; left > 0; left--) {
      emit(c, OP_COPY, (uint32_t)(1 + left));
      emit(c, OP_SWAP, 2);
      emit0(c, OP_DELETE_SUBSCR);
    }
    store_name(c, rest, pc);
  } else {
    emit0(c, OP_POP_TOP); /* the keys */
    emit0(c, OP_POP_TOP); /* the subject */
  }
}

/* Keyword sub-patterns name attributes that can be bound (not __debug__),
 * each once; errors point at the sub-pattern. */
static bool validate_kwd_attrs(Compiler *c, const IdentSeq *attrs, const PatternSeq *pats) {
  for (int i = 0; i < attrs->count; i++) {
    pattern_loc(c, pats->items[i]);
    if (strcmp(attrs->items[i], "__debug__") == 0) {
      pattern_error(c, "cannot assign to __debug__", NULL);
      return false;
    }
    for (int j = i + 1; j < attrs->count; j++) {
      if (strcmp(attrs->items[i], attrs->items[j]) == 0) {
        pattern_loc(c, pats->items[j]);
        pattern_error(c, "attribute name repeated in class pattern: %s", attrs->items[i]);
        return false;
      }
    }
  }
  return true;
}

static void comp_pattern_class(Compiler *c, const Pattern *p, PatCtx *pc) {
  const PatternSeq *pos = &p->v.MatchClass.patterns;
  const IdentSeq *attrs = &p->v.MatchClass.kwd_attrs;
  const PatternSeq *kwd = &p->v.MatchClass.kwd_patterns;
  int nargs = pos->count, nattrs = attrs->count;
  if (nattrs) {
    if (!validate_kwd_attrs(c, attrs, kwd)) return;
    pattern_loc(c, p);
  }
  comp_expr(c, p->v.MatchClass.cls);
  Value names = tuple_new(nattrs);
  for (int i = 0; i < nattrs; i++) TUPLE_ITEMS(names)[i] = (Value)str_intern_cstr(attrs->items[i]);
  emit_const(c, names);
  emit(c, OP_MATCH_CLASS, (uint32_t)nargs);
  /* [attrs-or-None] */
  emit(c, OP_COPY, 1);
  pc->on_top++;
  jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_NONE);
  emit(c, OP_UNPACK_SEQUENCE, (uint32_t)(nargs + nattrs));
  pc->on_top += nargs + nattrs - 1;
  for (int i = 0; i < nargs + nattrs; i++) {
    pc->on_top--;
    const Pattern *sub = i < nargs ? pos->items[i] : kwd->items[i - nargs];
    if (is_wildcard(sub)) {
      emit0(c, OP_POP_TOP);
      continue;
    }
    comp_subpattern(c, sub, pc);
  }
}

/* Rotates the captures of one alternative into the order of the first
 * alternative's (control), on the stack and in stores; false when the
 * alternatives bind different names. */
static bool align_alternative(Compiler *c, NameList *stores, const NameList *control) {
  int nstores = stores->n;
  if (nstores != control->n) return false;
  for (int icontrol = nstores - 1; icontrol >= 0; icontrol--) {
    int istores = names_index(stores, control->items[icontrol]);
    if (istores < 0) return false;
    if (icontrol == istores) continue;
    /* rotated = stores[:rotations]; del stores[:rotations];
     * stores[icontrol - istores:icontrol - istores] = rotated */
    int rotations = istores + 1, at = icontrol - istores;
    const char *rotated[rotations];
    memcpy(rotated, stores->items, (size_t)rotations * sizeof(char *));
    memmove(stores->items, stores->items + rotations, (size_t)(nstores - rotations) * sizeof(char *));
    memmove(stores->items + at + rotations, stores->items + at, (size_t)(nstores - rotations - at) * sizeof(char *));
    memcpy(stores->items + at, rotated, (size_t)rotations * sizeof(char *));
    while (rotations--) rotate(c, icontrol + 1);
  }
  return true;
}

static void comp_pattern_or(Compiler *c, const Pattern *p, PatCtx *pc) {
  const PatternSeq *alts = &p->v.MatchOr.patterns;
  int end = new_label(c);
  PatCtx old = *pc;
  NameList control = {0};
  bool ok = true;
  for (int i = 0; i < alts->count && ok; i++) {
    const Pattern *alt = alts->items[i];
    pattern_loc(c, alt);
    pc->stores = (NameList){0};
    /* Only the last alternative may be irrefutable, and only if the whole is. */
    pc->allow_irrefutable = i == alts->count - 1 && old.allow_irrefutable;
    pc->fail_pop = NULL;
    pc->fail_pop_size = 0;
    pc->on_top = 0;
    emit(c, OP_COPY, 1);
    comp_pattern(c, alt, pc);
    if (c->failed) {
      ok = false;
    } else if (i == 0) {
      control = pc->stores;
      pc->stores = (NameList){0};
    } else if (!align_alternative(c, &pc->stores, &control)) {
      pattern_error(c, "alternative patterns bind different names", NULL);
      ok = false;
    }
    if (ok) {
      emit_jump(c, OP_JUMP, end);
      emit_and_reset_fail_pop(c, pc);
    }
    names_free(&pc->stores);
    free(pc->fail_pop);
  }
  *pc = old;
  if (!ok) {
    names_free(&control);
    return;
  }
  /* No alternative matched: drop the subject and fail. */
  emit0(c, OP_POP_TOP);
  jump_to_fail_pop(c, pc, OP_JUMP);
  bind_label(c, end);
  /* Between the new captures and their place are the copy of the subject,
   * what the enclosing patterns keep on top, and the earlier captures. */
  int nstores = control.n;
  int nrots = nstores + 1 + pc->on_top + pc->stores.n;
  for (int i = 0; i < nstores && !c->failed; i++) {
    rotate(c, nrots);
    const char *name = control.items[i];
    if (names_index(&pc->stores, name) >= 0) {
      pattern_error(c, "multiple assignments to name '%s' in pattern", name);
      break;
    }
    names_add(&pc->stores, name);
  }
  names_free(&control);
  emit0(c, OP_POP_TOP); /* the copy of the subject */
}

static void comp_pattern(Compiler *c, const Pattern *p, PatCtx *pc) {
  if (c->failed) return;
  pattern_loc(c, p);
  switch (p->kind) {
  case MatchValue_kind: comp_pattern_value(c, p, pc); break;
  case MatchSingleton_kind: comp_pattern_singleton(c, p, pc); break;
  case MatchSequence_kind: comp_pattern_sequence(c, p, pc); break;
  case MatchMapping_kind: comp_pattern_mapping(c, p, pc); break;
  case MatchClass_kind: comp_pattern_class(c, p, pc); break;
  case MatchStar_kind: store_name(c, p->v.MatchStar.name, pc); break;
  case MatchAs_kind: comp_pattern_as(c, p, pc); break;
  case MatchOr_kind: comp_pattern_or(c, p, pc); break;
  }
}

/* ---- the statement ------------------------------------------------------- */

void comp_match(Compiler *c, const Stmt *s) {
  comp_expr(c, s->v.Match.subject);
  int end = new_label(c);
  int ncases = s->v.Match.cases.count;
  const MatchCase *last = s->v.Match.cases.items[ncases - 1];
  /* A trailing `case _:` needs no copy of the subject nor a check. */
  int has_default = is_wildcard(last->pattern) && ncases > 1;
  PatCtx pc = {0};
  for (int i = 0; i < ncases - has_default && !c->failed; i++) {
    const MatchCase *m = s->v.Match.cases.items[i];
    pattern_loc(c, m->pattern);
    bool keeps_subject = i != ncases - has_default - 1;
    if (keeps_subject) emit(c, OP_COPY, 1);
    pc.stores = (NameList){0};
    /* Irrefutable cases must be guarded, last, or both. */
    pc.allow_irrefutable = m->guard != NULL || i == ncases - 1;
    pc.fail_pop = NULL;
    pc.fail_pop_size = 0;
    pc.on_top = 0;
    comp_pattern(c, m->pattern, &pc);
    /* A match: store the captures, which are on the stack in order. */
    for (int n = 0; n < pc.stores.n && !c->failed; n++) comp_nameop(c, pc.stores.items[n], Store_ctx);
    names_free(&pc.stores);
    if (m->guard) {
      ensure_fail_pop(c, &pc, 0);
      comp_jump_if(c, m->guard, false, pc.fail_pop[0]);
    }
    if (keeps_subject) emit0(c, OP_POP_TOP);
    comp_body(c, &m->body);
    emit_jump(c, OP_JUMP, end);
    /* The clean-up of a failed match belongs to the pattern's line. */
    pattern_loc(c, m->pattern);
    emit_and_reset_fail_pop(c, &pc);
  }
  free(pc.fail_pop);
  if (has_default && !c->failed) {
    pattern_loc(c, last->pattern);
    emit0(c, OP_NOP);
    if (last->guard) comp_jump_if(c, last->guard, false, end);
    comp_body(c, &last->body);
  }
  bind_label(c, end);
}
