/* disasm.c — bytecode listings in the layout of CPython's `dis`.
 *
 * Everything is read from the opcode table (opcode_names / opcode_flags),
 * so a new opcode shows up here without changes.  Columns: source line
 * (on the first instruction of each line), a ">>" mark on jump targets,
 * the instruction index, the opcode name, its argument and, in
 * parentheses, what the argument refers to.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/disasm.h"

static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const binop_names[] = {
#define X(e, f, sym, d, r, i) sym,
    BINOP_LIST(X)
#undef X
};

static void print_value(Value v, FILE *out) {
  Value r = obj_repr(v);
  if (!r) {
    err_clear();
    fputs("<?>", out);
    return;
  }
  fputs(str_cstr(r), out);
}

static void print_tuple_item(Value tuple, uint32_t i, FILE *out) {
  if (tuple && val_is_tuple(tuple) && (ssize_t)i < TUPLE_LEN(tuple)) {
    Value v = TUPLE_ITEMS(tuple)[i];
    if (val_is_str(v))
      fputs(str_cstr(v), out);
    else
      print_value(v, out);
  } else {
    fputs("?", out);
  }
}

static void print_cell_name(CodeObject *co, uint32_t arg, FILE *out) {
  ssize_t ncell = val_is_tuple(co->cellvars) ? TUPLE_LEN(co->cellvars) : 0;
  if ((ssize_t)arg < ncell)
    print_tuple_item(co->cellvars, arg, out);
  else
    print_tuple_item(co->freevars, (uint32_t)(arg - ncell), out);
}

static void disasm_one(CodeObject *co, FILE *out) {
  Value r = obj_repr((Value)co);
  fputs("Disassembly of ", out);
  if (r)
    fputs(str_cstr(r), out);
  else
    err_clear();
  fputs(":\n", out);

  bool *target = calloc(co->ncode + 1, sizeof(bool));
  for (uint32_t i = 0; i < co->ncode; i++) {
    Opcode op = INSTR_OP(co->code[i]);
    if (op < OP_COUNT && (opcode_flags[op] & OPF_JUMP) && INSTR_ARG(co->code[i]) <= co->ncode)
      target[INSTR_ARG(co->code[i])] = true;
  }
  uint32_t last_line = 0;
  for (uint32_t i = 0; i < co->ncode; i++) {
    Instr ins = co->code[i];
    Opcode op = INSTR_OP(ins);
    uint32_t arg = INSTR_ARG(ins);
    uint32_t line = co->lines ? co->lines[i].line : 0;
    if (line != last_line && line != 0) {
      if (i > 0) fputc('\n', out);
      fprintf(out, "%4u", line);
      last_line = line;
    } else {
      fputs("    ", out);
    }
    fprintf(out, "    %s %5u %-24s", target && target[i] ? ">>" : "  ", i, op < OP_COUNT ? opcode_names[op] : "<bad>");
    if (op >= OP_COUNT || !(opcode_flags[op] & OPF_ARG)) {
      fputc('\n', out);
      continue;
    }
    if (op == OP_CALL) {
      fprintf(out, " %u%s\n", CALL_NARGS(arg), (arg & CALL_TEMP_ARGS) ? " (temporaries)" : "");
      continue;
    }
    fprintf(out, " %u", arg);
    uint8_t fl = opcode_flags[op];
    bool annotated = (fl & (OPF_CONST | OPF_NAME | OPF_LOCAL | OPF_FREE | OPF_JUMP)) ||
                     (op == OP_COMPARE_OP && arg < 6) || (op == OP_BINARY_OP && (arg & 0x7f) < BINOP_COUNT) ||
                     op == OP_IS_OP || op == OP_CONTAINS_OP;
    if (!annotated) {
      fputc('\n', out);
      continue;
    }
    fputs(" (", out);
    if (fl & OPF_CONST)
      print_tuple_item(co->consts, arg, out);
    else if (fl & OPF_NAME)
      print_tuple_item(co->names, arg, out);
    else if (fl & OPF_LOCAL)
      print_tuple_item(co->varnames, arg, out);
    else if (fl & OPF_FREE)
      print_cell_name(co, arg, out);
    else if (fl & OPF_JUMP)
      fprintf(out, "to %u", arg);
    else if (op == OP_COMPARE_OP)
      fputs(cmp_names[arg], out);
    else if (op == OP_BINARY_OP)
      fprintf(out, "%s%s", binop_names[arg & 0x7f], (arg & 0x80) ? "=" : "");
    else if (op == OP_IS_OP)
      fputs(arg ? "is not" : "is", out);
    else
      fputs(arg ? "not in" : "in", out);
    fputs(")\n", out);
  }
  free(target);

  if (val_is_tuple(co->consts)) {
    for (ssize_t k = 0; k < TUPLE_LEN(co->consts); k++) {
      Value c = TUPLE_ITEMS(co->consts)[k];
      if (val_is_obj(c) && c->type == &CodeType) {
        fputc('\n', out);
        disasm_one(AS(CodeObject, c), out);
      }
    }
  }
}

void disasm_code(CodeObject *co, FILE *out) { disasm_one(co, out); }
