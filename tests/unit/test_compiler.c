/* test_compiler.c — unit tests for the scope pass, code generation and
 * compile-time SyntaxErrors.  Expected messages and positions are those of
 * CPython 3.11 (checked with python3 on the same sources). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "grammar/parse.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gilpy.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/compile.h"
#include "vm/symtable.h"

static void setup(void) { runtime_init(0, NULL); }
TestSuite(compiler, .init = setup);

/* ---- helpers ------------------------------------------------------------- */

static CodeObject *compile_ok(const char *src) {
  CodeObject *co = compile_source(src, strlen(src), "t.py", COMPILE_EXEC, 0);
  if (!co) {
    Value e = err_fetch();
    ExceptionObject *x = AS(ExceptionObject, e);
    cr_assert_fail("unexpected SyntaxError: %s", str_cstr(TUPLE_ITEMS(x->args)[0]));
  }
  return co;
}

/* The opcodes of co as "NAME NAME ..." (args omitted). */
static const char *ops_of(CodeObject *co, char *buf, size_t cap) {
  buf[0] = 0;
  size_t n = 0;
  for (uint32_t i = 0; i < co->ncode; i++) {
    int w = snprintf(buf + n, cap - n, "%s%s", i ? " " : "", opcode_names[INSTR_OP(co->code[i])]);
    if (w < 0 || (size_t)w >= cap - n) break;
    n += (size_t)w;
  }
  return buf;
}

/* The first code object among co's constants whose name is `name`. */
static CodeObject *child(CodeObject *co, const char *name) {
  for (ssize_t i = 0; i < TUPLE_LEN(co->consts); i++) {
    Value c = TUPLE_ITEMS(co->consts)[i];
    if (val_is_obj(c) && c->type == &CodeType && strcmp(str_cstr(AS(CodeObject, c)->name), name) == 0)
      return AS(CodeObject, c);
  }
  cr_assert_fail("no code object %s", name);
  return NULL;
}

static bool tuple_has(Value t, const char *s) {
  for (ssize_t i = 0; i < TUPLE_LEN(t); i++)
    if (strcmp(str_cstr(TUPLE_ITEMS(t)[i]), s) == 0) return true;
  return false;
}

/* Compiles src expecting a SyntaxError with msg at (lineno, offset). */
static void expect_syntax_error(const char *src, const char *msg, int lineno, int offset) {
  CodeObject *co = compile_source(src, strlen(src), "t.py", COMPILE_EXEC, 0);
  cr_assert_null(co, "expected a SyntaxError for: %s", src);
  Value e = err_fetch();
  cr_assert(e != VAL_NULL);
  cr_assert(val_type(e) == &Exc_SyntaxError || type_is_subtype(val_type(e), &Exc_SyntaxError));
  Value args = AS(ExceptionObject, e)->args;
  cr_assert_eq(TUPLE_LEN(args), 2);
  cr_assert_str_eq(str_cstr(TUPLE_ITEMS(args)[0]), msg);
  Value det = TUPLE_ITEMS(args)[1];
  cr_assert_str_eq(str_cstr(TUPLE_ITEMS(det)[0]), "t.py");
  cr_assert_eq(val_int(TUPLE_ITEMS(det)[1]), lineno, "%s: line %ld, expected %d", src,
               (long)val_int(TUPLE_ITEMS(det)[1]), lineno);
  if (offset > 0)
    cr_assert_eq(val_int(TUPLE_ITEMS(det)[2]), offset, "%s: offset %ld, expected %d", src,
                 (long)val_int(TUPLE_ITEMS(det)[2]), offset);
}

/* Runs the scope pass over src. */
static SymTable *scopes(const char *src, Arena **arena) {
  *arena = ast_arena_new();
  ParseError pe;
  Module *m = parse_source(*arena, src, strlen(src), "t.py", PARSE_FILE, &pe);
  cr_assert_not_null(m, "parse failed: %s", pe.msg);
  return symtable_build(m);
}

static SymScope *scope_named(SymScope *s, const char *name) {
  if (strcmp(s->name, name) == 0) return s;
  for (int i = 0; i < s->nchildren; i++) {
    SymScope *r = scope_named(s->children[i], name);
    if (r) return r;
  }
  return NULL;
}

/* ---- symtable ------------------------------------------------------------ */

Test(compiler, symtable_locals_globals_cells) {
  Arena *a;
  SymTable *st = scopes("g = 1\n"
                        "def f(p):\n"
                        "    x = 1\n"
                        "    def inner():\n"
                        "        nonlocal x\n"
                        "        return x + p + g\n"
                        "    return inner\n",
                        &a);
  cr_assert(!st->failed);
  SymScope *f = scope_named(st->top, "f");
  SymScope *inner = scope_named(st->top, "inner");
  cr_assert_eq(symscope_scope(f, "x"), SC_CELL);
  cr_assert_eq(symscope_scope(f, "p"), SC_CELL);
  cr_assert_eq(symscope_scope(f, "inner"), SC_LOCAL);
  cr_assert_eq(symscope_scope(inner, "x"), SC_FREE);
  cr_assert_eq(symscope_scope(inner, "p"), SC_FREE);
  cr_assert_eq(symscope_scope(inner, "g"), SC_GLOBAL_IMPLICIT);
  cr_assert(inner->is_nested);
  symtable_free(st);
  ast_arena_free(a);
}

Test(compiler, symtable_global_declaration) {
  Arena *a;
  SymTable *st = scopes("def f():\n    global n\n    n = 2\n    def g():\n        return n\n", &a);
  cr_assert(!st->failed);
  cr_assert_eq(symscope_scope(scope_named(st->top, "f"), "n"), SC_GLOBAL_EXPLICIT);
  cr_assert_eq(symscope_scope(scope_named(st->top, "g"), "n"), SC_GLOBAL_IMPLICIT);
  symtable_free(st);
  ast_arena_free(a);
}

Test(compiler, symtable_class_scope_and_super_cell) {
  Arena *a;
  SymTable *st = scopes("def outer():\n"
                        "    v = 1\n"
                        "    class C:\n"
                        "        w = v\n"
                        "        def m(self):\n"
                        "            return super().m() + w\n"
                        "    return C\n",
                        &a);
  cr_assert(!st->failed);
  SymScope *c = scope_named(st->top, "C");
  SymScope *m = scope_named(st->top, "m");
  cr_assert(c->needs_class_closure);
  cr_assert_eq(symscope_scope(c, "v"), SC_FREE);
  cr_assert_eq(symscope_scope(m, "__class__"), SC_FREE);
  /* class-level names are not visible in methods */
  cr_assert_eq(symscope_scope(m, "w"), SC_GLOBAL_IMPLICIT);
  cr_assert_eq(symscope_scope(scope_named(st->top, "outer"), "v"), SC_CELL);
  symtable_free(st);
  ast_arena_free(a);
}

Test(compiler, symtable_comprehension_and_walrus) {
  Arena *a;
  SymTable *st = scopes("def f(xs):\n    return [y := x for x in xs], y\n", &a);
  cr_assert(!st->failed);
  SymScope *f = scope_named(st->top, "f");
  SymScope *lc = scope_named(st->top, "<listcomp>");
  cr_assert_not_null(lc);
  cr_assert_eq(lc->comp, COMP_LIST);
  cr_assert_eq(symscope_scope(lc, ".0"), SC_LOCAL);
  cr_assert_eq(symscope_scope(lc, "x"), SC_LOCAL);
  cr_assert_eq(symscope_scope(lc, "y"), SC_FREE);
  cr_assert_eq(symscope_scope(f, "y"), SC_CELL);
  /* the first iterable is evaluated in f */
  cr_assert_eq(symscope_scope(f, "xs"), SC_LOCAL);
  cr_assert_null(symscope_lookup(lc, "xs"));
  symtable_free(st);
  ast_arena_free(a);
}

Test(compiler, symtable_mangling) {
  Arena *a;
  SymTable *st = scopes("class K:\n    __p = 1\n    __d__ = 2\n", &a);
  SymScope *k = scope_named(st->top, "K");
  cr_assert_not_null(symscope_lookup(k, "_K__p"));
  cr_assert_not_null(symscope_lookup(k, "__d__"));
  cr_assert_str_eq(symtable_mangle(st, "_Cls", "__x"), "_Cls__x");
  cr_assert_str_eq(symtable_mangle(st, "___", "__x"), "__x");
  symtable_free(st);
  ast_arena_free(a);
}

/* ---- code generation ----------------------------------------------------- */

Test(compiler, simple_module) {
  char buf[512];
  CodeObject *co = compile_ok("x = 1\n");
  cr_assert_str_eq(ops_of(co, buf, sizeof buf), "RESUME LOAD_CONST STORE_NAME LOAD_CONST RETURN_VALUE");
  cr_assert_eq(co->stacksize, 1);
  cr_assert_eq(co->firstlineno, 1);
  cr_assert_str_eq(str_cstr(co->name), "<module>");
}

Test(compiler, call_protocol_and_stack_depth) {
  char buf[512];
  CodeObject *co = compile_ok("f(a, b, k=c)\n");
  cr_assert_str_eq(ops_of(co, buf, sizeof buf),
                   "RESUME PUSH_NULL LOAD_NAME LOAD_NAME LOAD_NAME LOAD_NAME KW_NAMES CALL POP_TOP LOAD_CONST "
                   "RETURN_VALUE");
  cr_assert_eq(co->stacksize, 5);
  cr_assert_eq(INSTR_ARG(co->code[7]), 3);
  co = compile_ok("o.m(1)\n");
  cr_assert_str_eq(ops_of(co, buf, sizeof buf), "RESUME LOAD_NAME LOAD_METHOD LOAD_CONST CALL POP_TOP LOAD_CONST RETURN_VALUE");
  co = compile_ok("f(*a, **k)\n");
  cr_assert_str_eq(ops_of(co, buf, sizeof buf),
                   "RESUME PUSH_NULL LOAD_NAME BUILD_LIST LOAD_NAME LIST_EXTEND LIST_TO_TUPLE BUILD_MAP LOAD_NAME "
                   "DICT_MERGE CALL_FUNCTION_EX POP_TOP LOAD_CONST RETURN_VALUE");
}

Test(compiler, function_locals_and_flags) {
  char buf[512];
  CodeObject *co = compile_ok("def f(a, b=2, *args, c, **kw):\n    d = a\n    return d\n");
  CodeObject *f = child(co, "f");
  cr_assert_eq(f->argcount, 2);
  cr_assert_eq(f->kwonlyargcount, 1);
  cr_assert(f->flags & CO_VARARGS);
  cr_assert(f->flags & CO_VARKEYWORDS);
  cr_assert(f->flags & CO_OPTIMIZED);
  cr_assert_eq(TUPLE_LEN(f->varnames), 6);
  const char *order[] = {"a", "b", "c", "args", "kw", "d"};
  for (int i = 0; i < 6; i++) cr_assert_str_eq(str_cstr(TUPLE_ITEMS(f->varnames)[i]), order[i]);
  cr_assert_str_eq(ops_of(f, buf, sizeof buf),
                   "RESUME LOAD_FAST STORE_FAST LOAD_FAST RETURN_VALUE LOAD_CONST RETURN_VALUE");
  /* docstring slot: consts[0] is None without a docstring */
  cr_assert_eq(TUPLE_ITEMS(f->consts)[0], VAL_NONE);
}

Test(compiler, closures_and_qualnames) {
  CodeObject *co = compile_ok("def f():\n    x = 1\n    def g():\n        return x\n    return g\n"
                              "class C:\n    def m(self):\n        return [i for i in ()]\n");
  CodeObject *f = child(co, "f");
  CodeObject *g = child(f, "g");
  cr_assert(tuple_has(f->cellvars, "x"));
  cr_assert(tuple_has(g->freevars, "x"));
  cr_assert_str_eq(str_cstr(g->qualname), "f.<locals>.g");
  CodeObject *c = child(co, "C");
  CodeObject *m = child(c, "m");
  cr_assert_str_eq(str_cstr(m->qualname), "C.m");
  CodeObject *lc = child(m, "<listcomp>");
  cr_assert_str_eq(str_cstr(lc->qualname), "C.m.<locals>.<listcomp>");
  cr_assert_eq(lc->argcount, 1);
}

Test(compiler, class_cell_for_super) {
  char buf[1024];
  CodeObject *co = compile_ok("class C(B):\n    def m(self):\n        return super().m()\n");
  CodeObject *c = child(co, "C");
  cr_assert(tuple_has(c->cellvars, "__class__"));
  CodeObject *m = child(c, "m");
  cr_assert(tuple_has(m->freevars, "__class__"));
  ops_of(c, buf, sizeof buf);
  cr_assert(strstr(buf, "LOAD_CLOSURE COPY STORE_NAME RETURN_VALUE") != NULL, "%s", buf);
  ops_of(co, buf, sizeof buf);
  cr_assert(strstr(buf, "PUSH_NULL LOAD_BUILD_CLASS LOAD_CONST MAKE_FUNCTION LOAD_CONST LOAD_NAME CALL") != NULL,
            "%s", buf);
}

Test(compiler, generators_and_coroutines) {
  char buf[512];
  CodeObject *co = compile_ok("def g():\n    yield 1\nasync def a():\n    await x\n");
  CodeObject *g = child(co, "g");
  cr_assert(g->flags & CO_GENERATOR);
  cr_assert_str_eq(ops_of(g, buf, sizeof buf),
                   "RETURN_GENERATOR RESUME LOAD_CONST YIELD_VALUE RESUME POP_TOP LOAD_CONST RETURN_VALUE");
  CodeObject *a = child(co, "a");
  cr_assert(a->flags & CO_COROUTINE);
  ops_of(a, buf, sizeof buf);
  cr_assert(strstr(buf, "GET_AWAITABLE LOAD_CONST SEND YIELD_VALUE RESUME JUMP_BACKWARD") != NULL, "%s", buf);
}

Test(compiler, try_except_blocks) {
  CodeObject *co = compile_ok("try:\n    f()\nexcept E as e:\n    g()\nfinally:\n    h()\n");
  /* finally block, then (the except block popped on entry to its handler)
   * the handler's cleanup block and the block that unbinds `e` */
  cr_assert_eq(co->maxblocks, 3);
  cr_assert(co->stacksize >= 4);
}

Test(compiler, line_table) {
  CodeObject *co = compile_ok("a = 1\n\nb = (c +\n     d)\n");
  int seen3 = 0;
  for (uint32_t i = 0; i < co->ncode; i++) {
    if (INSTR_OP(co->code[i]) == OP_BINARY_OP) {
      cr_assert_eq(co->lines[i].line, 3);
      cr_assert_eq(co->lines[i].end_line, 4);
      cr_assert_eq(co->lines[i].col, 5);
      cr_assert_eq(co->lines[i].end_col, 6);
      seen3 = 1;
    }
  }
  cr_assert(seen3);
}

Test(compiler, constant_folding) {
  char buf[256];
  CodeObject *co = compile_ok("x = -1\ny = (1, 2, (3,))\n");
  cr_assert_str_eq(ops_of(co, buf, sizeof buf),
                   "RESUME LOAD_CONST STORE_NAME LOAD_CONST STORE_NAME LOAD_CONST RETURN_VALUE");
}

Test(compiler, toplevel_await) {
  const char *src = "import asyncio\nawait asyncio.sleep(0)\n";
  cr_assert(compile_has_toplevel_await(src, strlen(src), "t.py"));
  const char *src2 = "async def f():\n    await g()\n";
  cr_assert(!compile_has_toplevel_await(src2, strlen(src2), "t.py"));
  CodeObject *co = compile_source(src, strlen(src), "t.py", COMPILE_EXEC, COMPILE_ALLOW_TOPLEVEL_AWAIT);
  cr_assert_not_null(co);
  cr_assert(co->flags & CO_TOPLEVEL_AWAIT);
  cr_assert(co->flags & CO_COROUTINE);
  cr_assert_eq(INSTR_OP(co->code[0]), OP_RETURN_GENERATOR);
}

/* ---- compile-time SyntaxErrors ------------------------------------------ */

Test(compiler, syntax_errors) {
  expect_syntax_error("return 1\n", "'return' outside function", 1, 1);
  expect_syntax_error("x = 1\nyield x\n", "'yield' outside function", 2, 1);
  expect_syntax_error("break\n", "'break' outside loop", 1, 1);
  expect_syntax_error("if 1:\n    continue\n", "'continue' not properly in loop", 2, 5);
  expect_syntax_error("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5);
  expect_syntax_error("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3,
                      5);
  expect_syntax_error("def f(a):\n    global a\n", "name 'a' is parameter and global", 2, 5);
  expect_syntax_error("nonlocal q\n", "nonlocal declaration not allowed at module level", 1, 1);
  expect_syntax_error("def f():\n    nonlocal zz\n", "no binding for nonlocal 'zz' found", 2, 5);
  expect_syntax_error("def f():\n    await g()\n", "'await' outside async function", 2, 5);
  expect_syntax_error("await g()\n", "'await' outside function", 1, 1);
  expect_syntax_error("def f():\n    async with a: pass\n", "'async with' outside async function", 2, 5);
  expect_syntax_error("def f():\n    async for x in y: pass\n", "'async for' outside async function", 2, 5);
  expect_syntax_error("def f():\n    [x async for x in y]\n",
                      "asynchronous comprehension outside of an asynchronous function", 2, 5);
  expect_syntax_error("def f():\n    x = [(yield) for i in y]\n", "'yield' inside list comprehension", 2, 11);
  expect_syntax_error("async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator", 3, 5);
  expect_syntax_error("[i := 0 for i in range(3)]\n",
                      "assignment expression cannot rebind comprehension iteration variable 'i'", 1, 2);
  expect_syntax_error("def f():\n    from os import *\n", "import * only allowed at module level", 2, 20);
  expect_syntax_error("for x in y:\n    def f():\n        break\n", "'break' outside loop", 3, 9);
}

Test(compiler, too_many_nested_blocks) {
  char src[4096];
  size_t n = 0;
  for (int i = 0; i < 21; i++) {
    for (int k = 0; k < i; k++) src[n++] = ' ';
    n += (size_t)sprintf(src + n, "while x:\n");
  }
  for (int k = 0; k < 21; k++) src[n++] = ' ';
  n += (size_t)sprintf(src + n, "pass\n");
  src[n] = 0;
  expect_syntax_error(src, "too many statically nested blocks", 21, 0);
}

Test(compiler, future_annotations_are_strings) {
  CodeObject *co = compile_ok("from __future__ import annotations\nx: List[ int ]\ndef f(a: Node) -> None: pass\n");
  bool found = false;
  for (ssize_t i = 0; i < TUPLE_LEN(co->consts); i++) {
    Value v = TUPLE_ITEMS(co->consts)[i];
    if (val_is_str(v) && strcmp(str_cstr(v), "List[ int ]") == 0) found = true;
  }
  cr_assert(found);
  expect_syntax_error("import os\nfrom __future__ import annotations\n",
                      "from __future__ imports must occur at the beginning of the file", 2, 1);
  expect_syntax_error("from __future__ import nope\n", "future feature nope is not defined", 1, 1);
}

Test(compiler, conditions_jump_without_bools) {
  char buf[512];
  CodeObject *co = compile_ok("if a is None and not b:\n    c()\n");
  cr_assert_str_eq(ops_of(co, buf, sizeof buf),
                   "RESUME LOAD_NAME POP_JUMP_IF_NOT_NONE LOAD_NAME POP_JUMP_IF_TRUE PUSH_NULL LOAD_NAME CALL POP_TOP "
                   "LOAD_CONST RETURN_VALUE");
}
