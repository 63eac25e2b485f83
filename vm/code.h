/* code.h — code objects: the compiler's output, the eval loop's input.
 *
 * A CodeObject is immutable after compilation except for its inline
 * caches, which the eval loop fills (one InlineCache per instruction).
 * Local slots: varnames[0..nlocals) (parameters first, in order:
 * positional, keyword-only, *args, **kwargs), then cells: cellvars then
 * freevars (LOAD_DEREF's arg indexes this cell area).
 */
#ifndef GILPY_CODE_H
#define GILPY_CODE_H

#include "runtime/object.h"
#include "vm/opcodes.h"

enum {
  CO_OPTIMIZED = 1 << 0,   /* fast locals (function scope) */
  CO_NEWLOCALS = 1 << 1,
  CO_VARARGS = 1 << 2,
  CO_VARKEYWORDS = 1 << 3,
  CO_NESTED = 1 << 4,
  CO_GENERATOR = 1 << 5,
  CO_NOFREE = 1 << 6,
  CO_COROUTINE = 1 << 7,
  CO_ITERABLE_COROUTINE = 1 << 8,
  CO_ASYNC_GENERATOR = 1 << 9,
  CO_TOPLEVEL_AWAIT = 1 << 10, /* module body compiled as a coroutine */
};

/* One per instruction; its meaning depends on the opcode (eval.c). */
typedef struct {
  uint64_t key;    /* e.g. dict/type version the entry is valid for */
  uintptr_t value; /* e.g. cached Value or entry index */
} InlineCache;

typedef struct {
  uint32_t line;       /* 1-based source line, 0 = none */
  uint16_t col, end_col;/* 0-based UTF-8 byte columns for traceback carets; end_col 0 = unknown */
  uint32_t end_line;
} LineInfo;

typedef struct CodeObject {
  Object base;
  Instr *code;             /* malloc'd */
  LineInfo *lines;         /* malloc'd, one per instruction */
  InlineCache *caches;     /* malloc'd, zeroed, one per instruction */
  uint32_t ncode;
  int32_t argcount, posonlyargcount, kwonlyargcount;
  int32_t nlocals, ncellvars, nfreevars;
  int32_t stacksize, maxblocks;
  int32_t flags;           /* CO_* */
  int32_t firstlineno;
  Value consts;            /* tuple */
  Value names;             /* tuple of interned strs */
  Value varnames;          /* tuple of interned strs */
  Value cellvars, freevars;/* tuples of interned strs */
  /* For each cellvar that is also a parameter: its argument index, else -1. */
  int32_t *cell2arg;       /* malloc'd or NULL */
  Value name, qualname, filename; /* strs */
} CodeObject;

extern TypeObject CodeType;
/* Takes ownership of code/lines (malloc'd). */
CodeObject *code_new(void);
#endif
