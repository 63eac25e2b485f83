/* opcodes.h — the one opcode table.
 *
 * Each instruction is a 32-bit word:
 *
 *    31                                8 7          0
 *   +-----------------------------------+------------+
 *   |            arg (24 bits)          |  opcode    |
 *   +-----------------------------------+------------+
 *
 * Jump arguments are absolute instruction indexes.  An arg wider than 24
 * bits is an error at compile time (no EXTENDED_ARG).  Each instruction
 * index also owns one InlineCache slot (code.h), used by LOAD_GLOBAL,
 * LOAD_ATTR, STORE_ATTR, LOAD_METHOD and BINARY_OP.
 *
 * X(name, stack_effect, flags)    -- comment: stack before -> after
 *   stack_effect: net change, or VAR (computed by opcode_stack_effect()).
 *   flags: OPF_ARG (uses arg), OPF_JUMP (arg is a jump target),
 *          OPF_NAME (arg indexes co_names), OPF_CONST (co_consts),
 *          OPF_LOCAL (fast locals), OPF_FREE (cell/free slots).
 *
 * Exception handling uses a per-frame block stack (at most
 * code->maxblocks entries).  SETUP_FINALLY(h) pushes a block {handler=h,
 * level=stack depth}.  When an exception E is raised inside the frame and
 * the block stack is not empty, the VM pops the top block, pops the value
 * stack down to its level, pushes the exception being handled so far
 * (ts->handled_exc, or None), pushes E, sets ts->handled_exc = E, and jumps
 * to the handler.  So every handler starts with [..., prev_exc, E].  With
 * no block the frame is left and the exception propagates (a traceback
 * entry for this frame and line is added on the way out).
 *
 *   try: B except T as n: H     compiles to (the full set of layouts, with
 *   finally, with and async for, is at the top of vm/compile_stmt.c)
 *       SETUP_FINALLY L1; B; POP_BLOCK; JUMP Lelse
 *   L1: SETUP_CLEANUP L3                 (so H raising restores prev_exc)
 *       <T>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE L2
 *       COPY 1; STORE n; H; POP_BLOCK; POP_TOP; POP_EXCEPT; <n = None; del n>; JUMP Lend
 *   L2: COPY 1; RERAISE                  (no clause matched: E goes to L3)
 *   L3: [.., prev_exc, E, prev2, E2]  COPY 4; POP_EXCEPT; RERAISE
 *
 * Handler bodies keep [prev_exc, E] on the stack until they leave, so the
 * value stack never drops below an active block's level.  SETUP_CLEANUP is
 * SETUP_FINALLY for handler bodies; they behave the same in the VM (the
 * distinction is for the disassembly).  POP_EXCEPT pops prev_exc and
 * restores ts->handled_exc = prev_exc (None -> VAL_NULL).  `finally`
 * bodies are compiled twice: inline on the normal paths (including before
 * return / break / continue) and once as a handler ending with RERAISE.
 *
 * Calls use the 3.11 convention: the callable is preceded on the stack by
 * either NULL (plain call: PUSH_NULL was emitted before the callable) or a
 * method (LOAD_METHOD found an unbound method: [meth, self]).
 *   CALL(n): [NULL, f, a1..an] -> [r]      calls f(a1..an)
 *            [meth, self, a1..an] -> [r]   calls meth(self, a1..an)
 *   The last len(kwnames) args are keyword values when KW_NAMES(c)
 *   (co_consts[c] is a tuple of interned strs) immediately precedes CALL.
 *   CALL_FUNCTION_EX(flags): [NULL, f, args_tuple, (kwargs_dict if flags&1)] -> [r]
 */
#ifndef GILPY_OPCODES_H
#define GILPY_OPCODES_H

#include <stdbool.h>
#include <stdint.h>

enum { OPF_ARG = 1, OPF_JUMP = 2, OPF_NAME = 4, OPF_CONST = 8, OPF_LOCAL = 16, OPF_FREE = 32 };
#define VAR 0x7f /* stack effect depends on arg */

#define OPCODE_LIST(X)                                                                     \
  X(NOP, 0, 0)                       /* */                                                 \
  X(POP_TOP, -1, 0)                  /* v -> */                                            \
  X(PUSH_NULL, 1, 0)                 /* -> NULL */                                         \
  X(COPY, 1, OPF_ARG)                /* push a copy of stack[-arg] (COPY 1 = dup) */       \
  X(SWAP, 0, OPF_ARG)                /* swap stack[-1] and stack[-arg] */                  \
  X(LOAD_CONST, 1, OPF_ARG | OPF_CONST)                                                    \
  X(LOAD_FAST, 1, OPF_ARG | OPF_LOCAL)   /* UnboundLocalError if unset */                  \
  X(STORE_FAST, -1, OPF_ARG | OPF_LOCAL)                                                   \
  X(LOAD_FAST_ESC, 1, OPF_ARG | OPF_LOCAL) /* LOAD_FAST of an ADD_TO_FAST target: clears OBJ_STR_UNIQUE */ \
  X(ADD_TO_FAST, -2, OPF_ARG | OPF_LOCAL)  /* x y -> ; local = x + y (x loaded from it by LOAD_FAST) */ \
  X(IADD_TO_FAST, -2, OPF_ARG | OPF_LOCAL) /* x y -> ; local = x += y */                 \
  X(DELETE_FAST, 0, OPF_ARG | OPF_LOCAL)                                                   \
  X(LOAD_DEREF, 1, OPF_ARG | OPF_FREE)   /* cell slot arg: cellvars then freevars */       \
  X(STORE_DEREF, -1, OPF_ARG | OPF_FREE)                                                   \
  X(DELETE_DEREF, 0, OPF_ARG | OPF_FREE)                                                   \
  X(LOAD_CLOSURE, 1, OPF_ARG | OPF_FREE) /* push the cell object itself */                 \
  X(LOAD_CLASSDEREF, 1, OPF_ARG | OPF_FREE) /* class body: locals dict first, then cell */ \
  X(LOAD_NAME, 1, OPF_ARG | OPF_NAME)    /* locals, globals, builtins */                   \
  X(STORE_NAME, -1, OPF_ARG | OPF_NAME)                                                    \
  X(DELETE_NAME, 0, OPF_ARG | OPF_NAME)                                                    \
  X(LOAD_GLOBAL, 1, OPF_ARG | OPF_NAME)  /* globals, builtins (inline cache) */            \
  X(STORE_GLOBAL, -1, OPF_ARG | OPF_NAME)                                                  \
  X(DELETE_GLOBAL, 0, OPF_ARG | OPF_NAME)                                                  \
  X(LOAD_ATTR, 0, OPF_ARG | OPF_NAME)    /* o -> o.name */                                 \
  X(STORE_ATTR, -2, OPF_ARG | OPF_NAME)  /* v o -> (o.name = v) */                         \
  X(DELETE_ATTR, -1, OPF_ARG | OPF_NAME) /* o -> */                                        \
  X(LOAD_METHOD, 1, OPF_ARG | OPF_NAME)  /* o -> meth o  |  NULL o.name */                 \
  X(LOAD_SUPER_ATTR, 0, OPF_ARG | OPF_NAME) /* reserved */                                 \
  X(CALL, VAR, OPF_ARG)              /* see above; effect -1-arg */                        \
  X(KW_NAMES, 0, OPF_ARG | OPF_CONST)                                                      \
  X(CALL_FUNCTION_EX, VAR, OPF_ARG)  /* effect -2 - (arg&1) */                             \
  X(BINARY_OP, -1, OPF_ARG)          /* a b -> a op b; arg = BinOp | 0x80 for in-place */  \
  X(UNARY_NEGATIVE, 0, 0)                                                                  \
  X(UNARY_POSITIVE, 0, 0)                                                                  \
  X(UNARY_NOT, 0, 0)                                                                       \
  X(UNARY_INVERT, 0, 0)                                                                    \
  X(COMPARE_OP, -1, OPF_ARG)         /* a b -> a cmp b; arg = CmpOp */                     \
  X(IS_OP, -1, OPF_ARG)              /* a b -> a is b (arg 1: is not) */                   \
  X(CONTAINS_OP, -1, OPF_ARG)        /* a b -> a in b (arg 1: not in) */                   \
  X(BINARY_SUBSCR, -1, 0)            /* o k -> o[k] */                                     \
  X(STORE_SUBSCR, -3, 0)             /* v o k -> (o[k] = v) */                             \
  X(DELETE_SUBSCR, -2, 0)            /* o k -> */                                          \
  X(BUILD_SLICE, VAR, OPF_ARG)       /* arg 2: a b -> slice; 3: a b c -> slice */          \
  X(BUILD_TUPLE, VAR, OPF_ARG)       /* n items -> tuple */                                \
  X(BUILD_LIST, VAR, OPF_ARG)                                                              \
  X(BUILD_SET, VAR, OPF_ARG)                                                               \
  X(BUILD_MAP, VAR, OPF_ARG)         /* k1 v1 .. kn vn -> dict */                          \
  X(BUILD_STRING, VAR, OPF_ARG)      /* n strs -> concatenation */                         \
  X(LIST_APPEND, -1, OPF_ARG)        /* list at stack[-arg-1] after pop: append v */       \
  X(SET_ADD, -1, OPF_ARG)                                                                  \
  X(MAP_ADD, -2, OPF_ARG)            /* k v -> ; dict at stack[-arg-2] */                  \
  X(LIST_EXTEND, -1, OPF_ARG)        /* it -> ; list at stack[-arg-1] extended */          \
  X(SET_UPDATE, -1, OPF_ARG)                                                               \
  X(DICT_UPDATE, -1, OPF_ARG)        /* {**m} */                                           \
  X(DICT_MERGE, -1, OPF_ARG)         /* f(**m): TypeError on duplicate keys */             \
  X(LIST_TO_TUPLE, 0, 0)                                                                   \
  X(UNPACK_SEQUENCE, VAR, OPF_ARG)   /* seq -> item_n .. item_1 (item_1 on top) */         \
  X(UNPACK_EX, VAR, OPF_ARG)         /* arg = before | after << 8; star part is a list */ \
  X(FORMAT_VALUE, VAR, OPF_ARG)      /* v [spec] -> str; arg&3: 0 none,1 str,2 repr,3 ascii; arg&4: spec on stack */ \
  X(JUMP, 0, OPF_ARG | OPF_JUMP)     /* forward or backward; backward checks eval-breaker */ \
  X(JUMP_BACKWARD, 0, OPF_ARG | OPF_JUMP) /* loop back-edge: checks the eval-breaker */    \
  X(POP_JUMP_IF_FALSE, -1, OPF_ARG | OPF_JUMP)                                            \
  X(POP_JUMP_IF_TRUE, -1, OPF_ARG | OPF_JUMP)                                             \
  X(POP_JUMP_IF_NONE, -1, OPF_ARG | OPF_JUMP)                                             \
  X(POP_JUMP_IF_NOT_NONE, -1, OPF_ARG | OPF_JUMP)                                         \
  X(JUMP_IF_FALSE_OR_POP, VAR, OPF_ARG | OPF_JUMP) /* keeps v when jumping */             \
  X(JUMP_IF_TRUE_OR_POP, VAR, OPF_ARG | OPF_JUMP)                                         \
  X(GET_ITER, 0, 0)                  /* o -> iter(o) */                                    \
  X(FOR_ITER, VAR, OPF_ARG | OPF_JUMP) /* it -> it next | (exhausted: pop it, jump) */     \
  X(RETURN_VALUE, -1, 0)                                                                   \
  X(SETUP_FINALLY, 0, OPF_ARG | OPF_JUMP)  /* push handler block (see top) */             \
  X(SETUP_CLEANUP, 0, OPF_ARG | OPF_JUMP)  /* same, for handler bodies */                 \
  X(SETUP_WITH, VAR, OPF_ARG | OPF_JUMP)   /* mgr -> exit res; block (level: after exit) to arg */      \
  X(POP_BLOCK, 0, 0)                                                                       \
  X(POP_EXCEPT, -1, 0)               /* prev_exc -> ; ts->handled_exc = prev_exc */        \
  X(RERAISE, -1, 0)                  /* exc -> raise exc again, keeping its traceback */   \
  X(RAISE_VARARGS, VAR, OPF_ARG)     /* 0: re-raise handled; 1: exc; 2: exc cause */       \
  X(CHECK_EXC_MATCH, 0, 0)           /* exc type -> exc bool */                            \
  X(CHECK_EG_MATCH, 0, 0)            /* exc type -> rest match | exc None (except*; vm/except_star.h) */ \
  X(PREP_RERAISE_STAR, -1, 0)        /* orig raised_list -> exc to re-raise | None */      \
  X(WITH_EXCEPT_START, 1, 0)         /* exit prev exc -> exit prev exc r; r = exit(type, exc, tb) */ \
  X(LOAD_ASSERTION_ERROR, 1, 0)                                                            \
  X(LOAD_BUILD_CLASS, 1, 0)          /* push builtins.__build_class__ */                   \
  X(MAKE_FUNCTION, VAR, OPF_ARG)     /* [defaults] [kwdefaults] [annotations] [closure] code -> fn; \
                                        arg flags: 1 defaults tuple, 2 kwdefaults dict, 4 annotations dict, 8 closure tuple */ \
  X(SETUP_ANNOTATIONS, 0, 0)                                                               \
  X(IMPORT_NAME, -1, OPF_ARG | OPF_NAME) /* level fromlist -> module */                    \
  X(IMPORT_FROM, 1, OPF_ARG | OPF_NAME)  /* module -> module attr */                       \
  X(IMPORT_STAR, -1, 0)              /* module -> ; into locals/globals */                 \
  X(YIELD_VALUE, 0, 0)               /* v -> sent value */                                 \
  X(RESUME, 0, OPF_ARG)              /* function entry / after yield (arg 0 entry, 1 after yield) */ \
  X(RETURN_GENERATOR, 0, 0)          /* first op of generator code: make the gen object, return it */ \
  X(GET_YIELD_FROM_ITER, 0, 0)       /* o -> iter(o) (or o if a generator/coroutine) */    \
  X(SEND, 0, OPF_ARG | OPF_JUMP)     /* sub v -> sub r (yielded) | sub done: pop, push result, jump */ \
  X(GET_AWAITABLE, 0, OPF_ARG)       /* o -> awaitable iterator (arg: 0 await, 1 aenter, 2 aexit) */ \
  X(GET_AITER, 0, 0)                                                                       \
  X(GET_ANEXT, 1, 0)                 /* aiter -> aiter awaitable */                        \
  X(END_ASYNC_FOR, -2, 0)            /* aiter exc -> ; StopAsyncIteration ends the loop, others re-raise */ \
  X(BEFORE_ASYNC_WITH, 1, 0)         /* mgr -> aexit aenter() */                           \
  X(SETUP_ASYNC_WITH, 0, OPF_ARG | OPF_JUMP)                                               \
  X(ASYNC_GEN_WRAP, 0, 0)            /* marks a value yielded by an async generator */     \
  X(DELETE_LOCALS_NAME, 0, 0)        /* reserved */                                        \
  X(PRINT_EXPR, -1, 0)               /* REPL: sys.displayhook(v) */                        \
  X(LOAD_LOCALS, 1, 0)               /* push the frame's locals dict */                     \
  X(GET_LEN, 1, 0)                   /* o -> o len(o) */                                   \
  X(MATCH_SEQUENCE, 1, 0)            /* s -> s bool: s is a sequence for patterns */       \
  X(MATCH_MAPPING, 1, 0)             /* s -> s bool: s is a mapping for patterns */        \
  X(MATCH_KEYS, 1, 0)                /* s keys -> s keys (values tuple | None) */          \
  X(MATCH_CLASS, -2, OPF_ARG)        /* s cls names -> (attrs tuple | None); arg = number of positional sub-patterns */

typedef enum {
#define X(name, effect, flags) OP_##name,
  OPCODE_LIST(X)
#undef X
  OP_COUNT
} Opcode;

typedef uint32_t Instr;
#define INSTR(op, arg) ((Instr)(op) | ((Instr)(arg) << 8))
#define INSTR_OP(i) ((Opcode)((i) & 0xff))
#define INSTR_ARG(i) ((uint32_t)(i) >> 8)
#define INSTR_ARG_MAX 0xffffff

/* CALL's oparg: the argument count, plus this bit when an argument (or a
 * method's receiver) may be a temporary, such as a call's result.  Only
 * then can the call drop the last reference to an argument that needs
 * finalization (print(coro())), so only then does the eval loop check the
 * arguments after a native call; one read from a variable is still held. */
#define CALL_TEMP_ARGS (1u << 23)
#define CALL_NARGS(arg) ((arg) & (CALL_TEMP_ARGS - 1))

extern const char *const opcode_names[OP_COUNT];
extern const int8_t opcode_effects[OP_COUNT];
extern const uint8_t opcode_flags[OP_COUNT];
/* Net stack effect of one instruction, VAR resolved from its arg. jump:
 * effect when the jump is taken (FOR_ITER, JUMP_IF_*_OR_POP, SETUP_*). */
int opcode_stack_effect(Opcode op, uint32_t arg, bool jump);

#endif
