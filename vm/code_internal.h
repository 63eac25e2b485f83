/* code_internal.h — code-object helpers shared by the compiler, the
 * disassembler and the eval loop (beyond the contract in code.h). */
#ifndef GILPY_CODE_INTERNAL_H
#define GILPY_CODE_INTERNAL_H

#include "vm/code.h"

/* Attaches the instruction and line arrays (malloc'd, ownership passes to
 * the code object), allocates zeroed inline caches and accounts the memory
 * with the GC.  cell2arg: malloc'd array of ncellvars entries or NULL. */
void code_set_arrays(CodeObject *co, Instr *code, LineInfo *lines, uint32_t n, int32_t *cell2arg);
/* Source line of instruction `index` (firstlineno when unknown). */
int code_addr2line(const CodeObject *co, uint32_t index);
#endif
