/* opcodes.c — the tables derived from OPCODE_LIST (vm/opcodes.h).
 *
 * Owns opcode_names / opcode_effects / opcode_flags and the resolution of
 * VAR stack effects.  Every table is generated from the one X-macro list, so
 * adding an opcode there is the only step needed here unless its effect is
 * VAR (then opcode_stack_effect must learn it).
 */
#include "vm/opcodes.h"

const char *const opcode_names[OP_COUNT] = {
#define X(name, effect, flags) #name,
    OPCODE_LIST(X)
#undef X
};

const int8_t opcode_effects[OP_COUNT] = {
#define X(name, effect, flags) (int8_t)(effect),
    OPCODE_LIST(X)
#undef X
};

const uint8_t opcode_flags[OP_COUNT] = {
#define X(name, effect, flags) (uint8_t)(flags),
    OPCODE_LIST(X)
#undef X
};

static int popcount4(uint32_t a) {
  return (int)((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1));
}

int opcode_stack_effect(Opcode op, uint32_t arg, bool jump) {
  int n = (int)arg;
  switch (op) {
  case OP_CALL: return -1 - (int)CALL_NARGS(arg);
  case OP_CALL_FUNCTION_EX: return -2 - (n & 1);
  case OP_BUILD_SLICE: return 1 - n;
  case OP_BUILD_TUPLE:
  case OP_BUILD_LIST:
  case OP_BUILD_SET:
  case OP_BUILD_STRING: return 1 - n;
  case OP_BUILD_MAP: return 1 - 2 * n;
  case OP_UNPACK_SEQUENCE: return n - 1;
  case OP_UNPACK_EX: return (n & 0xff) + (n >> 8);
  case OP_FORMAT_VALUE: return (n & 4) ? -1 : 0;
  case OP_JUMP_IF_FALSE_OR_POP:
  case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
  case OP_FOR_ITER: return jump ? -1 : 1;
  /* A handler starts with [level..., prev_exc, exc]. */
  case OP_SETUP_FINALLY:
  case OP_SETUP_CLEANUP: return jump ? 2 : 0;
  /* mgr -> exit res; the block's level is just after exit. */
  case OP_SETUP_WITH: return jump ? 2 : 1;
  /* [aexit, res]: the block's level is just after aexit. */
  case OP_SETUP_ASYNC_WITH: return jump ? 1 : 0;
  case OP_RAISE_VARARGS: return -n;
  case OP_MAKE_FUNCTION: return -popcount4(arg);
  case OP_SEND: return jump ? -1 : 0;
  default: break;
  }
  if (op >= OP_COUNT) return 0;
  return opcode_effects[op];
}
