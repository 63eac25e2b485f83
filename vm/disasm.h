/* disasm.h — a readable listing of bytecode (gilpy --dis FILE). */
#ifndef GILPY_DISASM_H
#define GILPY_DISASM_H

#include <stdio.h>
#include "vm/code.h"

/* Prints the instructions of co, then (recursively) of every code object
 * among its constants, in the layout of CPython's dis module.  Never fails:
 * a constant whose repr raises is shown as <?>. */
void disasm_code(CodeObject *co, FILE *out);
#endif
