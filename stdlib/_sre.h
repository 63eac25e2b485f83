/* _sre.h — the regular expression engine shared by _sre.c (the module,
 * Pattern, Match) and _sre_engine.c (the matcher).
 *
 * A compiled pattern is a flat array of uint32 words made by
 * stdlib/lib/re/_compiler.py; the opcode and code numbers below must stay in
 * step with stdlib/lib/re/_constants.py.  The matcher backtracks with an
 * explicit heap stack, so no input makes it recurse in C.
 */
#ifndef GILPY_SRE_H
#define GILPY_SRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define SRE_MAXREPEAT 0xFFFFFFFFu
#define SRE_MAXGROUPS 0x3FFFFFFF

enum {
  SRE_OP_FAILURE, SRE_OP_SUCCESS, SRE_OP_ANY, SRE_OP_ANY_ALL, SRE_OP_LIT, SRE_OP_NOT_LIT,
  SRE_OP_LIT_I, SRE_OP_NOT_LIT_I, SRE_OP_IN, SRE_OP_AT, SRE_OP_MARK, SRE_OP_JMP, SRE_OP_SPLIT,
  SRE_OP_REP_INIT, SRE_OP_REP, SRE_OP_REP_BODY, SRE_OP_REP_TAIL, SRE_OP_REPONE, SRE_OP_GROUPREF,
  SRE_OP_ATOMIC, SRE_OP_ATOMIC_END, SRE_OP_ASSERT, SRE_OP_ASSERT_END, SRE_OP_ASSERT_NOT_END,
  SRE_OP_GROUPREF_EXISTS,
  SRE_OP_COUNT
};

enum { SRE_IN_NEGATE = 1, SRE_IN_IGNORE = 2 };
enum { SRE_ITEM_CHAR, SRE_ITEM_RANGE, SRE_ITEM_CAT };
enum {
  SRE_AT_BEGINNING, SRE_AT_BEGINNING_LINE, SRE_AT_END, SRE_AT_END_LINE, SRE_AT_END_STRING,
  SRE_AT_BOUNDARY, SRE_AT_NON_BOUNDARY, SRE_AT_UNI_BOUNDARY, SRE_AT_UNI_NON_BOUNDARY
};
enum {
  SRE_CAT_DIGIT, SRE_CAT_NOT_DIGIT, SRE_CAT_SPACE, SRE_CAT_NOT_SPACE, SRE_CAT_WORD, SRE_CAT_NOT_WORD,
  SRE_CAT_UNI_DIGIT, SRE_CAT_UNI_NOT_DIGIT, SRE_CAT_UNI_SPACE, SRE_CAT_UNI_NOT_SPACE,
  SRE_CAT_UNI_WORD, SRE_CAT_UNI_NOT_WORD
};
enum { SRE_REP_GREEDY, SRE_REP_LAZY, SRE_REP_POSSESSIVE };

/* A compiled program and what the search loop knows about its start. */
typedef struct {
  uint32_t *code;
  size_t ncode;
  uint32_t ngroups;    /* capturing groups (group 0 not counted) */
  uint32_t ncounters;  /* REP loop counters */
  bool ascii_case;     /* IGNORECASE folds ASCII letters only (bytes, re.ASCII) */
  /* search hints, from sre_analyze */
  bool anchored;       /* begins with \A or ^ (not MULTILINE): try only at the start */
  int32_t first_lit;   /* every match starts with this code point, or -1 */
  ssize_t first_test;  /* pc of a one-character test every match starts with, or -1 */
  bool line_start;     /* begins with ^ under MULTILINE: try only at line starts */
  bool has_first_set;  /* every match starts with a character of first_set: */
  bool first_high;     /*   first_high: any code point above 255 may start one */
  uint32_t first_set[8];
  /* For each IN (its word 3 is the slot): which code points below 256 it
   * accepts, negation and IGNORECASE included; filled by sre_analyze. */
  uint32_t (*bitmaps)[8];
  size_t nbitmaps;
} SreProgram;

/* Checks the code words (jump targets, lengths) so that a hand-made list
 * cannot make the matcher read out of bounds, and fills the hints and
 * bitmaps.  Returns false when the code is malformed (or memory ran out). */
bool sre_analyze(SreProgram *prog);
void sre_program_free(SreProgram *prog);

/* One backtracking entry (see _sre_engine.c). */
typedef struct {
  uint32_t kind;
  uint32_t pc;
  ssize_t pos;
  ssize_t a, b;
} SreBacktrack;

/* The state of matching one program against one text. */
typedef struct {
  const SreProgram *prog;
  const void *text;      /* uint8_t (bytes, ASCII str) or uint32_t code points */
  bool wide;
  ssize_t end;           /* endpos: the text is treated as ending here */
  ssize_t start;         /* where the current attempt started */
  ssize_t must_advance_at; /* an empty match starting here is rejected (-1: none) */
  bool match_all;        /* fullmatch */
  ssize_t *marks;        /* 2 * (ngroups + 1): group 0 first; -1 unset */
  ssize_t small_marks[16]; /* marks of programs with up to 7 groups */
  int lastindex;         /* -1: none */
  ssize_t *counters;     /* per REP: iterations, then position of the last start */
  SreBacktrack *stack;
  size_t sp, cap;
  size_t resumable;      /* entries on the stack that can resume matching */
  uint32_t budget;       /* steps until the next look at the eval-breaker */
} SreState;

void sre_state_init(SreState *st, const SreProgram *prog, const void *text, bool wide, ssize_t end);
void sre_state_free(SreState *st);
/* Matches at `pos` (marks[0..1] set on success): 1 match, 0 none, -1
 * error (MemoryError set). */
int sre_match(SreState *st, ssize_t pos);
/* The first match at or after `pos`: 1, 0 or -1 as sre_match. */
int sre_search(SreState *st, ssize_t pos);

/* Character classes, as CPython's _sre for str (Unicode) and ASCII. */
bool sre_category(uint32_t cat, uint32_t ch);
uint32_t sre_lower(const SreProgram *prog, uint32_t ch);
uint32_t sre_upper(const SreProgram *prog, uint32_t ch);
#endif
