/* _sre_engine.c — the backtracking matcher of the re module.
 *
 * Programs come from stdlib/lib/re/_compiler.py (opcodes in _sre.h).  The
 * matcher keeps every choice point on a heap stack (SreState.stack), so
 * its C stack use is constant whatever the pattern and text; memory grows
 * with the number of open choice points only.  Character-class tests
 * follow CPython's _sre: Unicode categories for str patterns, ASCII ones
 * for bytes and re.ASCII.
 */
#include "stdlib/_sre.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "vm/eval.h"

/* ---- character tests ------------------------------------------------------ */

static bool ascii_word(uint32_t ch) {
  return ch < 128 && (ch == '_' || (ch >= '0' && ch <= '9') || ((ch | 32) >= 'a' && (ch | 32) <= 'z'));
}

static bool uni_word(uint32_t ch) {
  if (ch < 128) return ascii_word(ch);
  return str_cp_isalpha(ch) || str_cp_isdecimal(ch) || str_cp_isdigit(ch) || str_cp_isnumeric(ch);
}

bool sre_category(uint32_t cat, uint32_t ch) {
  switch (cat) {
  case SRE_CAT_DIGIT: return ch >= '0' && ch <= '9';
  case SRE_CAT_NOT_DIGIT: return !(ch >= '0' && ch <= '9');
  case SRE_CAT_SPACE: return ch == ' ' || (ch >= 9 && ch <= 13);
  case SRE_CAT_NOT_SPACE: return !(ch == ' ' || (ch >= 9 && ch <= 13));
  case SRE_CAT_WORD: return ascii_word(ch);
  case SRE_CAT_NOT_WORD: return !ascii_word(ch);
  case SRE_CAT_UNI_DIGIT: return str_cp_isdecimal(ch);
  case SRE_CAT_UNI_NOT_DIGIT: return !str_cp_isdecimal(ch);
  case SRE_CAT_UNI_SPACE: return str_cp_isspace(ch);
  case SRE_CAT_UNI_NOT_SPACE: return !str_cp_isspace(ch);
  case SRE_CAT_UNI_WORD: return uni_word(ch);
  case SRE_CAT_UNI_NOT_WORD: return !uni_word(ch);
  default: return false;
  }
}

uint32_t sre_lower(const SreProgram *prog, uint32_t ch) {
  if (ch < 128) return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
  if (prog->ascii_case) return ch;
  switch (ch) {
  /* letters whose lowercase is an older letter: the Kelvin and Angstrom
   * signs, capital sharp s */
  case 0x212A: return 'k';
  case 0x212B: return 0xE5;
  case 0x1E9E: return 0xDF;
  default: return str_cp_lower(ch);
  }
}

uint32_t sre_upper(const SreProgram *prog, uint32_t ch) {
  if (ch < 128) return ch >= 'a' && ch <= 'z' ? ch - 32 : ch;
  return prog->ascii_case ? ch : str_cp_upper(ch);
}

static bool in_items(const uint32_t *item, const uint32_t *stop, uint32_t ch) {
  while (item < stop) {
    switch (item[0]) {
    case SRE_ITEM_CHAR:
      if (ch == item[1]) return true;
      item += 2;
      break;
    case SRE_ITEM_RANGE:
      if (ch >= item[1] && ch <= item[2]) return true;
      item += 3;
      break;
    default:
      if (sre_category(item[1], ch)) return true;
      item += 2;
      break;
    }
  }
  return false;
}

/* Case-insensitive equality with the literal whose lower and upper case
 * are op[1], op[2]: ch matches if any of its case forms does (the
 * lowercase of its uppercase unites ſ with s, ς with σ, µ with μ). */
static bool lit_ignore(const SreProgram *prog, const uint32_t *op, uint32_t ch) {
  if (ch == op[1] || ch == op[2]) return true;
  uint32_t lo = sre_lower(prog, ch), up = sre_upper(prog, ch);
  return lo == op[1] || up == op[2] || sre_lower(prog, up) == op[1];
}

/* A character set (IN) test without the bitmap. */
static bool in_set(const SreProgram *prog, const uint32_t *op, uint32_t ch) {
  const uint32_t *items = op + 4, *stop = items + op[2];
  bool hit = in_items(items, stop, ch);
  if (!hit && (op[1] & SRE_IN_IGNORE)) {
    uint32_t lo = sre_lower(prog, ch), up = sre_upper(prog, ch), folded = sre_lower(prog, up);
    hit = (lo != ch && in_items(items, stop, lo)) || (up != ch && in_items(items, stop, up)) ||
          (folded != lo && in_items(items, stop, folded));
  }
  return hit != ((op[1] & SRE_IN_NEGATE) != 0);
}

/* Does the one-character test at op accept ch? */
static inline bool sre_test(const SreProgram *prog, const uint32_t *op, uint32_t ch) {
  switch (op[0]) {
  case SRE_OP_ANY: return ch != '\n';
  case SRE_OP_ANY_ALL: return true;
  case SRE_OP_LIT: return ch == op[1];
  case SRE_OP_NOT_LIT: return ch != op[1];
  case SRE_OP_LIT_I: return lit_ignore(prog, op, ch);
  case SRE_OP_NOT_LIT_I: return !lit_ignore(prog, op, ch);
  case SRE_OP_IN:
    if (ch < 256) return (prog->bitmaps[op[3]][ch >> 5] >> (ch & 31)) & 1;
    return in_set(prog, op, ch);
  default: return false;
  }
}

/* Length in words of a one-character test. */
static inline size_t sre_single_len(const uint32_t *op) {
  switch (op[0]) {
  case SRE_OP_ANY:
  case SRE_OP_ANY_ALL: return 1;
  case SRE_OP_LIT:
  case SRE_OP_NOT_LIT: return 2;
  case SRE_OP_LIT_I:
  case SRE_OP_NOT_LIT_I: return 3;
  default: return 4 + op[2];
  }
}

/* Can a match start with ch (the program has a first set)? */
static inline bool sre_may_start(const SreProgram *prog, uint32_t ch) {
  return ch < 256 ? (prog->first_set[ch >> 5] >> (ch & 31)) & 1 : prog->first_high;
}

/* ---- the backtracking stack ----------------------------------------------- */

enum {
  BT_CHOICE,       /* resume at pc, pos */
  BT_NEGLOOK,      /* a negative assertion's body failed: resume after it at pc, pos */
  BT_REPONE,       /* greedy REPONE at pc from pos holding a characters: give one back */
  BT_REPONE_LAZY,  /* lazy REPONE at pc from pos holding a characters: take one more */
  BT_UNDO_MARK,    /* marks[a] = b, lastindex = pc */
  BT_UNDO_COUNTER, /* counters[2a] = b, counters[2a + 1] = pos */
  BT_BARRIER,      /* start of an atomic group */
  BT_LOOK,         /* start of a positive assertion at pos */
};

static bool resumable_kind(uint32_t kind) { return kind <= BT_REPONE_LAZY; }

static bool push(SreState *st, uint32_t kind, uint32_t pc, ssize_t pos, ssize_t a, ssize_t b) {
  if (st->sp == st->cap) {
    size_t cap = st->cap ? st->cap * 2 : 64;
    SreBacktrack *grown = realloc(st->stack, cap * sizeof *grown);
    if (!grown) {
      err_no_memory();
      return false;
    }
    st->stack = grown;
    st->cap = cap;
  }
  st->stack[st->sp++] = (SreBacktrack){kind, pc, pos, a, b};
  if (resumable_kind(kind)) st->resumable++;
  return true;
}

/* Applies a popped entry's restore (or forgets a choice point). */
static void undo(SreState *st, const SreBacktrack *e) {
  switch (e->kind) {
  case BT_UNDO_MARK:
    st->marks[e->a] = e->b;
    st->lastindex = (int)(int32_t)e->pc;
    break;
  case BT_UNDO_COUNTER:
    st->counters[2 * e->a] = e->b;
    st->counters[2 * e->a + 1] = e->pos;
    break;
  default:
    if (resumable_kind(e->kind)) st->resumable--;
    break;
  }
}

/* Ends an atomic group or a positive assertion: drops the choice points
 * made since its barrier (kind) but keeps their restores, so that failing
 * later still undoes the group's marks.  Returns the barrier's position. */
static ssize_t cut(SreState *st, uint32_t kind) {
  size_t b = st->sp;
  while (b > 0 && st->stack[b - 1].kind != kind) b--;
  if (b == 0) return -1; /* malformed program: sre_analyze prevents it */
  ssize_t pos = st->stack[b - 1].pos;
  size_t out = b - 1;
  for (size_t i = b; i < st->sp; i++) {
    if (resumable_kind(st->stack[i].kind)) {
      st->resumable--;
    } else if (st->stack[i].kind == BT_UNDO_MARK || st->stack[i].kind == BT_UNDO_COUNTER) {
      st->stack[out++] = st->stack[i];
    }
  }
  st->sp = out;
  return pos;
}

/* A long match lets signal handlers (Ctrl-C), other threads and the
 * collector run every SRE_BUDGET steps, as the eval loop would.  The
 * text and program it works on stay valid: the caller holds their owners,
 * and a bytearray text is a private copy.  False with the handler's
 * exception set. */
#define SRE_BUDGET (1u << 16)

static bool sre_breather(SreState *st) {
  st->budget = SRE_BUDGET;
  return !atomic_load_explicit(&eval_breaker, memory_order_relaxed) || eval_handle_breaker() >= 0;
}

/* ---- the two instantiations ------------------------------------------------ */

#define SRE_CHAR uint8_t
#define SRE_NAME(n) n##_u8
#include "stdlib/_sre_engine_helpers.h"
#include "stdlib/_sre_engine_body.h"
#undef SRE_CHAR
#undef SRE_NAME

#define SRE_CHAR uint32_t
#define SRE_NAME(n) n##_u32
#include "stdlib/_sre_engine_helpers.h"
#include "stdlib/_sre_engine_body.h"
#undef SRE_CHAR
#undef SRE_NAME

/* ---- entry points ----------------------------------------------------------- */

void sre_state_init(SreState *st, const SreProgram *prog, const void *text, bool wide, ssize_t end) {
  memset(st, 0, sizeof *st);
  st->prog = prog;
  st->text = text;
  st->wide = wide;
  st->end = end;
  st->must_advance_at = -1;
  st->lastindex = -1;
  st->budget = SRE_BUDGET;
  size_t nmarks = 2 * ((size_t)prog->ngroups + 1);
  st->marks = nmarks <= 16 ? st->small_marks : malloc(nmarks * sizeof(ssize_t));
  st->counters = prog->ncounters ? calloc(2 * (size_t)prog->ncounters, sizeof(ssize_t)) : NULL;
}

void sre_state_free(SreState *st) {
  if (st->marks != st->small_marks) free(st->marks);
  free(st->counters);
  free(st->stack);
  st->marks = st->counters = NULL;
  st->stack = NULL;
}

int sre_match(SreState *st, ssize_t pos) {
  if (!st->marks || (st->prog->ncounters && !st->counters)) return err_int_(err_no_memory());
  size_t nmarks = 2 * ((size_t)st->prog->ngroups + 1);
  if (pos > st->end) return 0;
  for (size_t i = 0; i < nmarks; i++) st->marks[i] = -1;
  st->lastindex = -1;
  st->start = pos;
  st->marks[0] = pos;
  st->sp = 0;
  st->resumable = 0;
  return st->wide ? run_u32(st, 0, pos) : run_u8(st, 0, pos);
}

int sre_search(SreState *st, ssize_t pos) {
  if (!st->marks || (st->prog->ncounters && !st->counters)) return err_int_(err_no_memory());
  st->sp = 0;
  st->resumable = 0;
  return st->wide ? search_u32(st, pos) : search_u8(st, pos);
}

/* ---- program checks and hints ----------------------------------------------- */

static bool is_single(uint32_t op) { return op >= SRE_OP_ANY && op <= SRE_OP_IN; }

/* Length in words of the (validated) instruction at op. */
static size_t sre_op_len(const uint32_t *op) {
  switch (op[0]) {
  case SRE_OP_FAILURE: case SRE_OP_SUCCESS: case SRE_OP_ATOMIC: case SRE_OP_ATOMIC_END:
  case SRE_OP_ASSERT_END: case SRE_OP_ASSERT_NOT_END:
    return 1;
  case SRE_OP_ANY: case SRE_OP_ANY_ALL: case SRE_OP_LIT: case SRE_OP_NOT_LIT: case SRE_OP_LIT_I:
  case SRE_OP_NOT_LIT_I: case SRE_OP_IN:
    return sre_single_len(op);
  case SRE_OP_AT: case SRE_OP_MARK: case SRE_OP_JMP: case SRE_OP_SPLIT: case SRE_OP_REP_INIT:
  case SRE_OP_REP_BODY:
    return 2;
  case SRE_OP_REP_TAIL: case SRE_OP_GROUPREF: case SRE_OP_GROUPREF_EXISTS:
    return 3;
  case SRE_OP_ASSERT: return 4;
  case SRE_OP_REP: return 6;
  default: return 5 + op[4]; /* REPONE */
  }
}

/* Gives each IN a slot and computes its bitmap with the full test. */
static bool fill_bitmaps(SreProgram *prog) {
  free(prog->bitmaps);
  prog->bitmaps = prog->nbitmaps ? calloc(prog->nbitmaps, sizeof *prog->bitmaps) : NULL;
  if (prog->nbitmaps && !prog->bitmaps) return false;
  size_t slot = 0;
  for (size_t pc = 0; pc < prog->ncode;) {
    uint32_t *op = &prog->code[pc];
    uint32_t *in = op[0] == SRE_OP_IN ? op : op[0] == SRE_OP_REPONE && op[5] == SRE_OP_IN ? op + 5 : NULL;
    if (in) {
      uint32_t *bits = prog->bitmaps[slot];
      in[3] = (uint32_t)slot++;
      for (uint32_t ch = 0; ch < 256; ch++)
        if (in_set(prog, in, ch)) bits[ch >> 5] |= 1u << (ch & 31);
    }
    pc += sre_op_len(op);
  }
  return true;
}

/* Adds what the one-character test at op accepts to the first set. */
static void add_first(SreProgram *prog, const uint32_t *op) {
  for (uint32_t ch = 0; ch < 256; ch++)
    if (sre_test(prog, op, ch)) prog->first_set[ch >> 5] |= 1u << (ch & 31);
  switch (op[0]) {
  case SRE_OP_LIT: case SRE_OP_LIT_I:
    prog->first_high |= op[1] >= 256 || (op[0] == SRE_OP_LIT_I && (op[2] >= 256 || op[1] >= 128));
    break;
  default: prog->first_high = true; break;
  }
}

/* Works out which characters can start a match, following the program's
 * branches from pc 0 until each consumes a character.  False when some
 * path may match without consuming one first (an anchor, a loop, an
 * assertion...): then no set can be given. */
#define FIRST_SET_PATHS 64
static bool first_set(SreProgram *prog) {
  const uint32_t *c = prog->code;
  size_t todo[FIRST_SET_PATHS];
  size_t ntodo = 0, visited = 0;
  memset(prog->first_set, 0, sizeof prog->first_set);
  prog->first_high = false;
  todo[ntodo++] = 0;
  while (ntodo) {
    size_t pc = todo[--ntodo];
    for (;;) {
      if (++visited > 4 * FIRST_SET_PATHS) return false;
      const uint32_t *op = &c[pc];
      if (op[0] == SRE_OP_MARK) {
        pc += 2;
      } else if (op[0] == SRE_OP_JMP) {
        pc = op[1];
      } else if (op[0] == SRE_OP_SPLIT) {
        if (ntodo == FIRST_SET_PATHS) return false;
        todo[ntodo++] = op[1];
        pc += 2;
      } else if (is_single(op[0])) {
        add_first(prog, op);
        break;
      } else if (op[0] == SRE_OP_REPONE) {
        add_first(prog, op + 5);
        if (op[1] >= 1) break;
        pc += 5 + op[4];
      } else {
        return false;
      }
    }
  }
  return true;
}

/* A greedy single-character repeat followed by a literal it cannot match
 * never needs to give characters back: each given-back character would
 * sit where the literal has to match.  Such repeats become possessive, so
 * they leave no choice point (as CPython's compiler does for these). */
static void make_possessive(SreProgram *prog) {
  uint32_t *c = prog->code;
  for (size_t pc = 0; pc < prog->ncode; pc += sre_op_len(&c[pc])) {
    if (c[pc] != SRE_OP_REPONE || c[pc + 3] != SRE_REP_GREEDY) continue;
    size_t next = pc + 5 + c[pc + 4];
    while (c[next] == SRE_OP_MARK) next += 2;
    if (c[next] == SRE_OP_LIT && !sre_test(prog, &c[pc + 5], c[next + 1])) c[pc + 3] = SRE_REP_POSSESSIVE;
  }
}

void sre_program_free(SreProgram *prog) {
  free(prog->code);
  free(prog->bitmaps);
  prog->code = NULL;
  prog->bitmaps = NULL;
}

/* The length of the instruction at pc, or 0 when it does not fit in n. */
static size_t checked_len(const uint32_t *c, size_t n, size_t pc) {
  size_t len;
  switch (c[pc]) {
  case SRE_OP_FAILURE: case SRE_OP_SUCCESS: case SRE_OP_ANY: case SRE_OP_ANY_ALL:
  case SRE_OP_ATOMIC: case SRE_OP_ATOMIC_END: case SRE_OP_ASSERT_END: case SRE_OP_ASSERT_NOT_END:
    len = 1; break;
  case SRE_OP_LIT: case SRE_OP_NOT_LIT: case SRE_OP_AT: case SRE_OP_MARK: case SRE_OP_JMP:
  case SRE_OP_SPLIT: case SRE_OP_REP_INIT: case SRE_OP_REP_BODY:
    len = 2; break;
  case SRE_OP_LIT_I: case SRE_OP_NOT_LIT_I: case SRE_OP_REP_TAIL: case SRE_OP_GROUPREF:
  case SRE_OP_GROUPREF_EXISTS:
    len = 3; break;
  case SRE_OP_IN:
    if (pc + 3 >= n) return 0;
    len = 4 + (size_t)c[pc + 2];
    break;
  case SRE_OP_ASSERT: len = 4; break;
  case SRE_OP_REP: len = 6; break;
  case SRE_OP_REPONE:
    if (pc + 5 >= n || !is_single(c[pc + 5]) || (c[pc + 5] == SRE_OP_IN && pc + 8 >= n)) return 0;
    len = 5 + (size_t)c[pc + 4];
    if (len != 5 + sre_single_len(&c[pc + 5])) return 0;
    break;
  default: return 0;
  }
  return pc + len <= n ? len : 0;
}

/* Checks every instruction: it fits, its indexes are in range and its
 * jump targets are instruction starts, so that no list of words handed to
 * _sre.compile makes the matcher read out of bounds.  Jumps go forward
 * except a loop's return to its head, which counts iterations, so every
 * program ends. */
static bool check_code(SreProgram *prog, bool *start) {
  const uint32_t *c = prog->code;
  size_t n = prog->ncode;
  uint32_t nmarks = 2 * (prog->ngroups + 1);
  for (size_t pc = 0; pc < n;) {
    size_t len = checked_len(c, n, pc);
    if (!len) return false;
    start[pc] = true;
    if (c[pc] == SRE_OP_IN || (c[pc] == SRE_OP_REPONE && c[pc + 5] == SRE_OP_IN)) prog->nbitmaps++;
    pc += len;
  }
#define TARGET_OK(t) ((t) < n && start[(t)])
#define FORWARD_OK(t) ((t) > pc && TARGET_OK(t))
  for (size_t pc = 0; pc < n; pc += checked_len(c, n, pc)) {
    const uint32_t *op = &c[pc];
    switch (op[0]) {
    case SRE_OP_MARK: if (op[1] >= nmarks) return false; break;
    case SRE_OP_JMP: case SRE_OP_SPLIT: if (!FORWARD_OK(op[1])) return false; break;
    case SRE_OP_REP_INIT: case SRE_OP_REP_BODY: if (op[1] >= prog->ncounters) return false; break;
    case SRE_OP_REP_TAIL:
      if (op[1] >= prog->ncounters || op[2] >= pc || !TARGET_OK(op[2]) || c[op[2]] != SRE_OP_REP ||
          c[op[2] + 1] != op[1])
        return false;
      break;
    case SRE_OP_REP:
      /* the head is always followed by its REP_BODY */
      if (op[1] >= prog->ncounters || !FORWARD_OK(op[5]) || !TARGET_OK(pc + 6) || op[6] != SRE_OP_REP_BODY ||
          op[7] != op[1] || !TARGET_OK(pc + 8))
        return false;
      break;
    case SRE_OP_GROUPREF: if (op[1] > prog->ngroups) return false; break;
    case SRE_OP_GROUPREF_EXISTS: if (op[1] > prog->ngroups || !FORWARD_OK(op[2])) return false; break;
    case SRE_OP_ASSERT: if (!FORWARD_OK(op[3])) return false; break;
    default: break;
    }
  }
#undef TARGET_OK
#undef FORWARD_OK
  return true;
}

bool sre_analyze(SreProgram *prog) {
  const uint32_t *c = prog->code;
  size_t n = prog->ncode;
  size_t pc = 0;
  prog->nbitmaps = 0;
  if (n == 0 || c[n - 1] != SRE_OP_SUCCESS) return false;
  bool *start = calloc(n, sizeof *start);
  if (!start) return false;
  bool ok = check_code(prog, start);
  free(start);
  if (!ok || !fill_bitmaps(prog)) return false;
  make_possessive(prog);
  /* Hints: the first thing every match must do, past group marks. */
  prog->anchored = false;
  prog->line_start = false;
  prog->first_lit = -1;
  prog->first_test = -1;
  prog->has_first_set = first_set(prog);
  pc = 0;
  while (c[pc] == SRE_OP_MARK) pc += 2;
  if (c[pc] == SRE_OP_AT && c[pc + 1] == SRE_AT_BEGINNING) {
    prog->anchored = true;
  } else if (c[pc] == SRE_OP_AT && c[pc + 1] == SRE_AT_BEGINNING_LINE) {
    prog->line_start = true;
  } else if (c[pc] == SRE_OP_LIT) {
    prog->first_lit = (int32_t)c[pc + 1];
  } else if (is_single(c[pc])) {
    prog->first_test = (ssize_t)pc;
  } else if (c[pc] == SRE_OP_REPONE && c[pc + 1] >= 1) {
    if (c[pc + 5] == SRE_OP_LIT)
      prog->first_lit = (int32_t)c[pc + 6];
    else
      prog->first_test = (ssize_t)pc + 5;
  }
  return true;
}
