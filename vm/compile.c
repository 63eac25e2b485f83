/* compile.c — the compiler's infrastructure and entry points.
 *
 * Owns: units (one per code object being built), instruction emission with
 * labels and back-patching, constant/name tables with deduplication, name
 * resolution into the right LOAD_/STORE_ family from the symtable, the
 * assembler (label resolution, max stack depth and block depth by walking
 * the control flow with opcode_stack_effect), and compile_source(), which
 * runs parse -> symtable -> codegen and turns errors into SyntaxError.
 *
 * GC: the compiler never runs Python code, so no collection can happen
 * while it works (collections happen only at eval-loop safe points); the
 * constants it keeps in malloc'd arrays are safe until they are moved into
 * the code object's tuples.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/parse.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/bytes.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/code_internal.h"
#include "vm/compile_internal.h"

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fprintf(stderr, "gilpy: out of memory\n");
    abort();
  }
  return q;
}
#define GROW(arr, n, cap)                                              \
  do {                                                                 \
    if ((n) >= (cap)) {                                                \
      (cap) = (cap) ? (cap) * 2 : 16;                                  \
      (arr) = xrealloc((arr), (size_t)(cap) * sizeof(*(arr)));         \
    }                                                                  \
  } while (0)

/* ---- errors -------------------------------------------------------------- */

void comp_error_at(Compiler *c, int lineno, int col, int end_lineno, int end_col, const char *fmt, const char *arg) {
  if (c->failed) return;
  c->failed = true;
  snprintf(c->errmsg, sizeof c->errmsg, fmt, arg ? arg : "");
  c->err_lineno = lineno;
  c->err_col = col;
  c->err_end_lineno = end_lineno;
  c->err_end_col = end_col;
}

void comp_set_loc(Compiler *c, int lineno, int col, int end_lineno, int end_col) {
  if (!c->u) return;
  c->u->loc.line = lineno > 0 ? (uint32_t)lineno : 0;
  c->u->loc.col = col >= 0 && col < 0xffff ? (uint16_t)col : 0;
  c->u->loc.end_col = end_col >= 0 && end_col < 0xffff ? (uint16_t)end_col : 0;
  c->u->loc.end_line = end_lineno > 0 ? (uint32_t)end_lineno : 0;
}

/* ---- emission ------------------------------------------------------------ */

void emit(Compiler *c, Opcode op, uint32_t arg) {
  Unit *u = c->u;
  if (arg > INSTR_ARG_MAX) {
    comp_error_at(c, (int)u->loc.line, u->loc.col, (int)u->loc.end_line, u->loc.end_col, "too many constants or names",
                  NULL);
    arg = 0;
  }
  if (u->ncode >= u->capcode) {
    u->capcode = u->capcode ? u->capcode * 2 : 64;
    u->code = xrealloc(u->code, u->capcode * sizeof(Instr));
    u->lines = xrealloc(u->lines, u->capcode * sizeof(LineInfo));
  }
  u->code[u->ncode] = INSTR(op, arg);
  u->lines[u->ncode] = u->loc;
  u->ncode++;
}

int new_label(Compiler *c) {
  Unit *u = c->u;
  GROW(u->labels, u->nlabels, u->caplabels);
  u->labels[u->nlabels] = -1;
  return u->nlabels++;
}

void bind_label(Compiler *c, int label) { c->u->labels[label] = (int32_t)c->u->ncode; }

void emit_jump(Compiler *c, Opcode op, int label) { emit(c, op, (uint32_t)label); }

/* Constants are equal for deduplication only when they have the same type
 * and value (1, 1.0 and True stay distinct; so do 0.0 and -0.0). */
static bool const_same(Value a, Value b) {
  if (a == b) return true;
  if (!val_is_obj(a) || !val_is_obj(b) || a->type != b->type) return false;
  TypeObject *t = a->type;
  if (t == &StrType) return str_equal(a, b);
  if (t == &FloatType) return memcmp(&AS(FloatObject, a)->value, &AS(FloatObject, b)->value, sizeof(double)) == 0;
  if (t == &BytesType) {
    BytesObject *x = AS(BytesObject, a), *y = AS(BytesObject, b);
    return x->len == y->len && memcmp(x->data, y->data, (size_t)x->len) == 0;
  }
  if (t == &TupleType) {
    if (TUPLE_LEN(a) != TUPLE_LEN(b)) return false;
    for (ssize_t i = 0; i < TUPLE_LEN(a); i++)
      if (!const_same(TUPLE_ITEMS(a)[i], TUPLE_ITEMS(b)[i])) return false;
    return true;
  }
  return false; /* big ints, code objects, ...: kept apart (harmless) */
}

/* A hash consistent with const_same, for the constant index. */
static uint64_t const_hash(Value v) {
  if (val_is_int(v)) return (uint64_t)val_int(v) * 0x9e3779b97f4a7c15ull;
  TypeObject *t = v->type;
  if (t == &StrType) return (uint64_t)str_hash(v);
  if (t == &FloatType) {
    uint64_t bits;
    memcpy(&bits, &AS(FloatObject, v)->value, sizeof bits);
    return bits ^ 0x5bd1e995u;
  }
  if (t == &BytesType) {
    uint64_t h = 1469598103934665603ull;
    BytesObject *b = AS(BytesObject, v);
    for (ssize_t i = 0; i < b->len; i++) h = (h ^ (uint8_t)b->data[i]) * 1099511628211ull;
    return h;
  }
  if (t == &TupleType) {
    uint64_t h = 0x345678u + (uint64_t)TUPLE_LEN(v);
    for (ssize_t i = 0; i < TUPLE_LEN(v); i++) h = (h ^ const_hash(TUPLE_ITEMS(v)[i])) * 1000003u;
    return h;
  }
  return (uint64_t)(uintptr_t)v >> 3; /* identity: singletons, code objects, big ints */
}

/* Open-addressing index over Unit.consts (slot = index + 1, 0 = empty). */
static void const_index_insert(Unit *u, uint64_t h, int idx) {
  uint32_t mask = (uint32_t)u->constidxcap - 1;
  for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask)
    if (u->constidx[i] == 0) {
      u->constidx[i] = idx + 1;
      return;
    }
}

static void const_reindex(Unit *u) {
  int cap = 32;
  while (cap < u->nconsts * 2 + 2) cap *= 2;
  free(u->constidx);
  u->constidx = calloc((size_t)cap, sizeof(int32_t));
  if (!u->constidx) abort();
  u->constidxcap = cap;
  for (int i = 0; i < u->nconsts; i++) const_index_insert(u, const_hash(u->consts[i]), i);
}

int add_const(Compiler *c, Value v) {
  Unit *u = c->u;
  uint64_t h = const_hash(v);
  if (u->constidx) {
    uint32_t mask = (uint32_t)u->constidxcap - 1;
    for (uint32_t i = (uint32_t)h & mask; u->constidx[i] != 0; i = (i + 1) & mask)
      if (const_same(u->consts[u->constidx[i] - 1], v)) return u->constidx[i] - 1;
  }
  GROW(u->consts, u->nconsts, u->capconsts);
  u->consts[u->nconsts] = v;
  int idx = u->nconsts++;
  if (!u->constidx || u->nconsts * 2 > u->constidxcap)
    const_reindex(u);
  else
    const_index_insert(u, h, idx);
  return idx;
}

void emit_const(Compiler *c, Value v) { emit(c, OP_LOAD_CONST, (uint32_t)add_const(c, v)); }

int add_name(Compiler *c, const char *name) {
  Unit *u = c->u;
  StrObject *s = str_intern_cstr(name);
  uint32_t h = (uint32_t)(((uintptr_t)s >> 4) * 2654435761u);
  if (u->nameidx) {
    uint32_t mask = (uint32_t)u->nameidxcap - 1;
    for (uint32_t i = h & mask; u->nameidx[i] != 0; i = (i + 1) & mask)
      if (u->names[u->nameidx[i] - 1] == s) return u->nameidx[i] - 1;
  }
  GROW(u->names, u->nnames, u->capnames);
  u->names[u->nnames] = s;
  int idx = u->nnames++;
  if (!u->nameidx || u->nnames * 2 > u->nameidxcap) {
    int cap = 32;
    while (cap < u->nnames * 2 + 2) cap *= 2;
    free(u->nameidx);
    u->nameidx = calloc((size_t)cap, sizeof(int32_t));
    if (!u->nameidx) abort();
    u->nameidxcap = cap;
    for (int k = 0; k < u->nnames; k++) {
      uint32_t hk = (uint32_t)(((uintptr_t)u->names[k] >> 4) * 2654435761u);
      for (uint32_t i = hk & (uint32_t)(cap - 1);; i = (i + 1) & (uint32_t)(cap - 1))
        if (u->nameidx[i] == 0) {
          u->nameidx[i] = k + 1;
          break;
        }
    }
  } else {
    uint32_t mask = (uint32_t)u->nameidxcap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask)
      if (u->nameidx[i] == 0) {
        u->nameidx[i] = idx + 1;
        break;
      }
  }
  return idx;
}

static int find_str(const char **arr, int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (strcmp(arr[i], name) == 0) return i;
  return -1;
}

const char *comp_mangle(Compiler *c, const char *name) {
  return symtable_mangle(c->st, c->u->ste->private_name, name);
}

static bool unit_is_function(const Unit *u) { return u->ste->kind == BLOCK_FUNCTION; }

int comp_add_to_local(Compiler *c, const char *name) {
  Unit *u = c->u;
  const char *m = comp_mangle(c, name);
  Symbol *sym = symscope_lookup(u->ste, m);
  if (!unit_is_function(u) || !sym || sym->scope != SC_LOCAL || !(sym->flags & DEF_ADD_TO)) return -1;
  int idx = find_str(u->varnames, u->nvarnames, m);
  if (idx < 0) {
    GROW(u->varnames, u->nvarnames, u->capvarnames);
    u->varnames[u->nvarnames] = m;
    idx = u->nvarnames++;
  }
  return idx;
}

void comp_nameop(Compiler *c, const char *name, ExprContext ctx) {
  Unit *u = c->u;
  const char *m = comp_mangle(c, name);
  SymScopeKind sc = symscope_scope(u->ste, m);
  enum { OPT_NAME, OPT_FAST, OPT_GLOBAL, OPT_DEREF } kind = OPT_NAME;
  int idx = 0;
  switch (sc) {
  case SC_FREE:
    kind = OPT_DEREF;
    idx = find_str(u->freevars, u->nfreevars, m);
    if (idx < 0) idx = 0;
    idx += u->ncellvars;
    break;
  case SC_CELL:
    kind = OPT_DEREF;
    idx = find_str(u->cellvars, u->ncellvars, m);
    if (idx < 0) idx = 0;
    break;
  case SC_LOCAL:
    if (unit_is_function(u)) kind = OPT_FAST;
    break;
  case SC_GLOBAL_IMPLICIT:
    if (unit_is_function(u)) kind = OPT_GLOBAL;
    break;
  case SC_GLOBAL_EXPLICIT: kind = OPT_GLOBAL; break;
  default: break;
  }
  if (kind == OPT_FAST) {
    idx = find_str(u->varnames, u->nvarnames, m);
    if (idx < 0) {
      GROW(u->varnames, u->nvarnames, u->capvarnames);
      u->varnames[u->nvarnames] = m;
      idx = u->nvarnames++;
    }
  }
  static const Opcode table[4][3] = {
      {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
      {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
      {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
      {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
  };
  Opcode op = table[kind][ctx];
  if (kind == OPT_DEREF && ctx == Load_ctx && u->ste->kind == BLOCK_CLASS) op = OP_LOAD_CLASSDEREF;
  if (kind == OPT_FAST && ctx == Load_ctx && (symscope_lookup(u->ste, m)->flags & DEF_ADD_TO)) op = OP_LOAD_FAST_ESC;
  if (kind == OPT_NAME || kind == OPT_GLOBAL) idx = add_name(c, m);
  emit(c, op, (uint32_t)idx);
}

/* ---- units --------------------------------------------------------------- */

static Value make_qualname(Compiler *c, Unit *u) {
  Unit *p = u->parent;
  if (!p || p->ste->kind == BLOCK_MODULE) return str_from_cstr(u->name);
  bool force_global = false;
  if (u->ste->comp == COMP_NONE && !u->ste->is_lambda) {
    const char *m = symtable_mangle(c->st, p->ste->private_name, u->name);
    if (symscope_scope(p->ste, m) == SC_GLOBAL_EXPLICIT) force_global = true;
  }
  if (force_global) return str_from_cstr(u->name);
  bool locals = p->ste->kind == BLOCK_FUNCTION && p->ste->comp == COMP_NONE;
  return str_printf("%s%s.%s", str_cstr(p->qualname), locals ? ".<locals>" : "", u->name);
}

void comp_enter_unit(Compiler *c, const void *key, const char *name, int firstlineno) {
  Unit *u = calloc(1, sizeof(Unit));
  if (!u) abort();
  u->parent = c->u;
  u->ste = c->u ? symtable_child(c->u->ste, key) : c->st->top;
  if (!u->ste) {
    /* Should not happen: the symtable saw every scope.  Keep going safely. */
    u->ste = c->u ? c->u->ste : c->st->top;
  }
  u->name = name;
  u->firstlineno = firstlineno;
  u->loc.line = firstlineno > 0 ? (uint32_t)firstlineno : 0;
  SymScope *s = u->ste;
  /* Parameters first (the symtable recorded them first, in order), then
   * the other locals are appended as the code refers to them. */
  if (s->kind == BLOCK_FUNCTION) {
    for (int i = 0; i < s->nsyms; i++) {
      if (!(s->syms[i].flags & DEF_PARAM)) continue;
      GROW(u->varnames, u->nvarnames, u->capvarnames);
      u->varnames[u->nvarnames++] = s->syms[i].name;
    }
    for (int i = 0; i < s->nsyms; i++) {
      if ((s->syms[i].flags & DEF_PARAM) || s->syms[i].scope != SC_LOCAL) continue;
      GROW(u->varnames, u->nvarnames, u->capvarnames);
      u->varnames[u->nvarnames++] = s->syms[i].name;
    }
  }
  if (s->kind == BLOCK_CLASS && s->needs_class_closure) {
    GROW(u->cellvars, u->ncellvars, u->capcellvars);
    u->cellvars[u->ncellvars++] = "__class__";
  }
  for (int i = 0; i < s->nsyms; i++) {
    if (s->syms[i].scope == SC_CELL) {
      GROW(u->cellvars, u->ncellvars, u->capcellvars);
      u->cellvars[u->ncellvars++] = s->syms[i].name;
    }
  }
  for (int i = 0; i < s->nsyms; i++) {
    if (s->syms[i].scope == SC_FREE || (s->syms[i].flags & DEF_FREE_CLASS)) {
      GROW(u->freevars, u->nfreevars, u->capfreevars);
      u->freevars[u->nfreevars++] = s->syms[i].name;
    }
  }
  c->u = u;
  u->qualname = u->parent ? make_qualname(c, u) : str_from_cstr(name);
}

static void free_unit(Unit *u) {
  free(u->code);
  free(u->lines);
  free(u->labels);
  free(u->consts);
  free(u->constidx);
  free(u->names);
  free(u->nameidx);
  free(u->varnames);
  free(u->cellvars);
  free(u->freevars);
  free(u);
}

static Value strs_tuple(const char **arr, int n) {
  Value t = tuple_new(n);
  for (int i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = (Value)str_intern_cstr(arr[i]);
  return t;
}

static bool op_is_terminal(Opcode op) {
  return op == OP_JUMP || op == OP_JUMP_BACKWARD || op == OP_RETURN_VALUE || op == OP_RERAISE ||
         op == OP_RAISE_VARARGS;
}

/* Walks every path from instruction 0 (and from each handler), recording
 * the stack depth and block depth on entry to each instruction.  Depths
 * must agree where paths meet; the maxima go into the code object. */
static void compute_depths(Compiler *c, Unit *u, int32_t *maxstack, int32_t *maxblocks) {
  uint32_t n = u->ncode;
  int32_t *depth = malloc((n + 1) * sizeof(int32_t));
  int32_t *bdepth = malloc((n + 1) * sizeof(int32_t));
  uint32_t *work = malloc((2 * n + 2) * sizeof(uint32_t));
  if (!depth || !bdepth || !work) abort();
  for (uint32_t i = 0; i <= n; i++) depth[i] = -1;
  int32_t maxd = 0, maxb = 0;
  uint32_t nwork = 0;
  depth[0] = 0;
  bdepth[0] = 0;
  work[nwork++] = 0;
#define PUSH_TARGET(t, d, b)                              \
  do {                                                    \
    uint32_t t_ = (t);                                    \
    if (t_ < n && depth[t_] < 0) {                        \
      depth[t_] = (d);                                    \
      bdepth[t_] = (b);                                   \
      work[nwork++] = t_;                                 \
    }                                                     \
  } while (0)
  while (nwork > 0 && n > 0) {
    uint32_t i = work[--nwork];
    int32_t d = depth[i], b = bdepth[i];
    for (; i < n; i++) {
      Instr ins = u->code[i];
      Opcode op = INSTR_OP(ins);
      uint32_t arg = INSTR_ARG(ins);
      if (opcode_flags[op] & OPF_JUMP) {
        int32_t jd = d + opcode_stack_effect(op, arg, true);
        if (jd > maxd) maxd = jd;
        PUSH_TARGET(arg, jd, b);
      }
      d += opcode_stack_effect(op, arg, false);
      if (d > maxd) maxd = d;
      if (d < 0) d = 0; /* malformed: keep going rather than crash */
      if (op == OP_SETUP_FINALLY || op == OP_SETUP_CLEANUP || op == OP_SETUP_WITH || op == OP_SETUP_ASYNC_WITH) {
        b++;
        if (b > maxb) maxb = b;
      } else if (op == OP_POP_BLOCK) {
        if (b > 0) b--;
      }
      if (op_is_terminal(op)) break;
      if (i + 1 < n) {
        if (depth[i + 1] >= 0) break; /* already visited from elsewhere */
        depth[i + 1] = d;
        bdepth[i + 1] = b;
      }
    }
  }
#undef PUSH_TARGET
  free(depth);
  free(bdepth);
  free(work);
  (void)c;
  *maxstack = maxd;
  *maxblocks = maxb;
}

CodeObject *comp_leave_unit(Compiler *c) {
  Unit *u = c->u;
  CodeObject *co = code_new();
  /* Resolve labels. */
  for (uint32_t i = 0; i < u->ncode; i++) {
    Opcode op = INSTR_OP(u->code[i]);
    if (opcode_flags[op] & OPF_JUMP) {
      uint32_t lab = INSTR_ARG(u->code[i]);
      int32_t target = (int)lab < u->nlabels ? u->labels[lab] : -1;
      if (target < 0) target = (int32_t)u->ncode; /* unbound: should not happen */
      u->code[i] = INSTR(op, (uint32_t)target);
    }
  }
  compute_depths(c, u, &co->stacksize, &co->maxblocks);
  co->argcount = u->argcount;
  co->posonlyargcount = u->posonlyargcount;
  co->kwonlyargcount = u->kwonlyargcount;
  co->nlocals = u->nvarnames;
  co->ncellvars = u->ncellvars;
  co->nfreevars = u->nfreevars;
  co->flags = u->flags;
  if (u->ncellvars == 0 && u->nfreevars == 0) co->flags |= CO_NOFREE;
  co->firstlineno = u->firstlineno;
  co->consts = tuple_from_array(u->consts, u->nconsts);
  Value names = tuple_new(u->nnames);
  for (int i = 0; i < u->nnames; i++) TUPLE_ITEMS(names)[i] = (Value)u->names[i];
  co->names = names;
  co->varnames = strs_tuple(u->varnames, u->nvarnames);
  co->cellvars = strs_tuple(u->cellvars, u->ncellvars);
  co->freevars = strs_tuple(u->freevars, u->nfreevars);
  int32_t *cell2arg = NULL;
  int nargs = u->argcount + u->kwonlyargcount + ((u->flags & CO_VARARGS) ? 1 : 0) + ((u->flags & CO_VARKEYWORDS) ? 1 : 0);
  for (int i = 0; i < u->ncellvars; i++) {
    int a = find_str(u->varnames, nargs < u->nvarnames ? nargs : u->nvarnames, u->cellvars[i]);
    if (a >= 0) {
      if (!cell2arg) {
        cell2arg = malloc((size_t)u->ncellvars * sizeof(int32_t));
        if (!cell2arg) abort();
        for (int k = 0; k < u->ncellvars; k++) cell2arg[k] = -1;
      }
      cell2arg[i] = a;
    }
  }
  co->name = (Value)str_intern_cstr(u->name);
  co->qualname = u->qualname;
  co->filename = str_from_cstr(c->filename ? c->filename : "<string>");
  Instr *code = u->code;
  LineInfo *lines = u->lines;
  uint32_t n = u->ncode;
  u->code = NULL;
  u->lines = NULL;
  code_set_arrays(co, code, lines, n, cell2arg);
  c->u = u->parent;
  free_unit(u);
  return co;
}

void comp_make_closure(Compiler *c, CodeObject *co, int flags) {
  Unit *u = c->u;
  if (co->nfreevars > 0) {
    for (int i = 0; i < co->nfreevars; i++) {
      const char *name = str_cstr(TUPLE_ITEMS(co->freevars)[i]);
      int idx = find_str(u->cellvars, u->ncellvars, name);
      if (idx < 0) {
        idx = find_str(u->freevars, u->nfreevars, name);
        if (idx < 0) {
          comp_error_at(c, co->firstlineno, 0, co->firstlineno, 0, "internal error: no cell for free variable '%s'", name);
          idx = 0;
        }
        idx += u->ncellvars;
      }
      emit(c, OP_LOAD_CLOSURE, (uint32_t)idx);
    }
    emit(c, OP_BUILD_TUPLE, (uint32_t)co->nfreevars);
    flags |= 8;
  }
  emit_const(c, (Value)co);
  emit(c, OP_MAKE_FUNCTION, (uint32_t)flags);
}

void comp_yield_from_loop(Compiler *c) {
  int loop = new_label(c), exit = new_label(c);
  emit_const(c, VAL_NONE);
  bind_label(c, loop);
  emit_jump(c, OP_SEND, exit);
  emit0(c, OP_YIELD_VALUE);
  emit(c, OP_RESUME, 1);
  emit_jump(c, OP_JUMP_BACKWARD, loop);
  bind_label(c, exit);
}

bool comp_is_toplevel_await(Compiler *c) {
  return (c->flags & COMPILE_ALLOW_TOPLEVEL_AWAIT) && c->u->ste->kind == BLOCK_MODULE;
}

bool comp_in_async_context(Compiler *c) { return c->u->is_async_function; }

/* ---- module -------------------------------------------------------------- */

static CodeObject *compile_module(Compiler *c, const Module *m) {
  comp_enter_unit(c, m, "<module>", 1);
  Unit *u = c->u;
  if ((c->flags & COMPILE_ALLOW_TOPLEVEL_AWAIT) && u->ste->uses_await) {
    u->flags |= CO_COROUTINE | CO_TOPLEVEL_AWAIT;
    emit0(c, OP_RETURN_GENERATOR);
  }
  emit(c, OP_RESUME, 0);
  if (m->mode == PARSE_EVAL) {
    if (m->expr) {
      COMP_LOC_EXPR(c, m->expr);
      comp_expr(c, m->expr);
    } else {
      emit_const(c, VAL_NONE);
    }
    emit0(c, OP_RETURN_VALUE);
    return comp_leave_unit(c);
  }
  if (u->ste->has_annotations) emit0(c, OP_SETUP_ANNOTATIONS);
  const StmtSeq *body = &m->body;
  int start = 0;
  const Expr *doc = c->mode == COMPILE_EXEC ? comp_docstring(body) : NULL;
  if (doc) {
    COMP_LOC_EXPR(c, doc);
    comp_expr(c, doc);
    comp_nameop(c, "__doc__", Store_ctx);
    start = 1;
  }
  c->interactive = c->mode == COMPILE_SINGLE;
  c->future_allowed = true;
  for (int i = start; i < body->count; i++) comp_stmt(c, body->items[i]);
  c->interactive = 0;
  emit_const(c, VAL_NONE);
  emit0(c, OP_RETURN_VALUE);
  return comp_leave_unit(c);
}

/* ---- SyntaxError construction ------------------------------------------- */

/* The source line `lineno` (1-based) with its newline, or NULL. */
static const char *find_line(const char *src, size_t len, int lineno, size_t *outlen) {
  if (!src || lineno <= 0) return NULL;
  size_t i = 0;
  int line = 1;
  while (i < len && line < lineno) {
    if (src[i] == '\n') line++;
    i++;
  }
  if (line != lineno || i > len) return NULL;
  size_t j = i;
  while (j < len && src[j] != '\n') j++;
  if (j < len) j++; /* include the newline */
  *outlen = j - i;
  return src + i;
}

static void raise_syntax_error(TypeObject *type, const char *msg, const char *filename, int lineno, int offset,
                               const char *text, size_t textlen, int end_lineno, int end_offset) {
  if (lineno <= 0) { /* no position (a file that is not UTF-8): CPython raises SyntaxError(msg) */
    Value m = str_from_cstr(msg);
    Value exc = m ? exc_new(type, &m, 1) : VAL_NULL;
    if (exc) err_set_value(exc);
    return;
  }
  Value details[6];
  details[0] = str_from_cstr(filename ? filename : "<string>");
  details[1] = val_from_int(lineno);
  details[2] = val_from_int(offset);
  Value t = VAL_NONE;
  if (text) {
    t = str_from_utf8(text, textlen, "replace");
    if (!t) {
      err_clear();
      t = VAL_NONE;
    }
  }
  details[3] = t;
  details[4] = val_from_int(end_lineno);
  details[5] = val_from_int(end_offset);
  Value args[2] = {str_from_cstr(msg), tuple_from_array(details, 6)};
  Value exc = exc_new(type, args, 2);
  if (exc) err_set_value(exc);
}

/* Compile-time errors report byte offsets + 1, as CPython 3.11's compiler
 * and symtable do (its parser errors use character offsets instead). */
static void raise_compile_error(Compiler *c) {
  size_t linelen = 0;
  const char *line = find_line(c->src, c->srclen, c->err_lineno, &linelen);
  int end_offset = c->err_end_lineno > 0 ? c->err_end_col + 1 : 0;
  raise_syntax_error(&Exc_SyntaxError, c->errmsg, c->filename, c->err_lineno, c->err_col + 1, line, linelen,
                     c->err_end_lineno, end_offset);
}

static void raise_parse_error(const ParseError *pe, const char *filename) {
  TypeObject *type = &Exc_SyntaxError;
  if (pe->kind == PERR_INDENTATION) type = &Exc_IndentationError;
  if (pe->kind == PERR_TAB) type = &Exc_TabError;
  raise_syntax_error(type, pe->msg, filename, pe->lineno, pe->offset, pe->text, pe->text ? strlen(pe->text) : 0,
                     pe->end_lineno, pe->end_offset);
}

/* ---- compile-time warnings ---------------------------------------------- */

/* Prints a SyntaxWarning as CPython's warnings module shows it:
 * "file:line: SyntaxWarning: msg" and the stripped source line.  Each
 * (line, message) pair is shown once per compilation (finally bodies are
 * compiled twice).  Written to C stderr: calling back into sys.stderr.write
 * could run Python code, and no collection may happen mid-compilation. */
void comp_warn(Compiler *c, int lineno, const char *fmt, const char *a1, const char *a2) {
  char msg[300];
  snprintf(msg, sizeof msg, fmt, a1 ? a1 : "", a2 ? a2 : "");
  for (int i = 0; i < c->nwarned; i++)
    if (c->warned[i].lineno == lineno && strcmp(c->warned[i].msg, msg) == 0) return;
  if (c->nwarned < (int)(sizeof c->warned / sizeof c->warned[0])) {
    c->warned[c->nwarned].lineno = lineno;
    snprintf(c->warned[c->nwarned].msg, sizeof c->warned[c->nwarned].msg, "%s", msg);
    c->nwarned++;
  }
  fflush(stdout);
  fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", c->filename ? c->filename : "<string>", lineno, msg);
  size_t linelen = 0;
  const char *line = find_line(c->src, c->srclen, lineno, &linelen);
  if (line && c->filename && c->filename[0] != '<') {
    while (linelen > 0 && (*line == ' ' || *line == '\t')) {
      line++;
      linelen--;
    }
    while (linelen > 0 && (line[linelen - 1] == '\n' || line[linelen - 1] == '\r' || line[linelen - 1] == ' '))
      linelen--;
    fprintf(stderr, "  %.*s\n", (int)linelen, line);
  }
  fflush(stderr);
}

/* ---- entry points -------------------------------------------------------- */

CodeObject *compile_source(const char *src, size_t len, const char *filename, CompileMode mode, int flags) {
  Arena *arena = ast_arena_new();
  ParseError pe;
  memset(&pe, 0, sizeof pe);
  Module *m = parse_source(arena, src, len, filename, (int)mode, &pe);
  if (!m) {
    raise_parse_error(&pe, filename);
    ast_arena_free(arena);
    return NULL;
  }
  CodeObject *co = NULL;
  SymTable *st = symtable_build(m);
  Compiler c;
  memset(&c, 0, sizeof c);
  c.filename = filename;
  c.src = src;
  c.srclen = len;
  c.mode = mode;
  c.flags = flags;
  c.st = st;
  if (st->failed) {
    c.failed = true;
    snprintf(c.errmsg, sizeof c.errmsg, "%s", st->errmsg);
    c.err_lineno = st->err_lineno;
    c.err_col = st->err_col;
    c.err_end_lineno = st->err_end_lineno;
    c.err_end_col = st->err_end_col;
    raise_compile_error(&c);
  } else {
    co = compile_module(&c, m);
    while (c.u) { /* an error left units open: discard them */
      Unit *p = c.u->parent;
      free_unit(c.u);
      c.u = p;
    }
    if (c.failed) {
      co = NULL;
      if (!c.exc_set) raise_compile_error(&c);
    }
  }
  symtable_free(st);
  ast_arena_free(arena);
  return co;
}

bool compile_has_toplevel_await(const char *src, size_t len, const char *filename) {
  Arena *arena = ast_arena_new();
  ParseError pe;
  memset(&pe, 0, sizeof pe);
  Module *m = parse_source(arena, src, len, filename, PARSE_FILE, &pe);
  bool r = false;
  if (m) {
    SymTable *st = symtable_build(m);
    r = !st->failed && st->top->uses_await;
    symtable_free(st);
  }
  ast_arena_free(arena);
  return r;
}

void compiler_init(void) { type_ready(&CodeType); }
