/* test_eval.c — unit tests for the eval loop, argument binding, frames and
 * generators.  Each test compiles a small module body, runs it with
 * eval_code in a fresh namespace and checks a variable's value or the
 * exception it raised; expected strings come from CPython 3.11. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gilpy.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "vm/compile.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/func.h"

static void setup(void) { runtime_init(0, NULL); }
TestSuite(eval, .init = setup);

/* Runs src; returns its namespace, or VAL_NULL with the exception set. */
static Value run(const char *src) {
  CodeObject *co = compile_source(src, strlen(src), "<test>", COMPILE_EXEC, 0);
  cr_assert(co != NULL, "compile failed: %s", src);
  Value g = dict_new();
  dict_set_cstr(g, "__name__", str_from_cstr("__test__"));
  dict_set_cstr(g, "__builtins__", builtins_dict);
  Value r = eval_code(co, g, g);
  return r ? g : VAL_NULL;
}

/* repr() of variable `name` after running src. */
static const char *result(const char *src, const char *name) {
  Value g = run(src);
  if (!g) {
    Value e = err_fetch();
    cr_assert_fail("unexpected %s: %s", val_type(e)->name, str_cstr(obj_str(e)));
  }
  Value v = dict_get_cstr(g, name);
  cr_assert(v != VAL_NULL, "no variable %s", name);
  return str_cstr(obj_repr(v));
}

/* "Type: message" of the exception src raises. */
static const char *raised(const char *src) {
  Value g = run(src);
  cr_assert(g == VAL_NULL, "no exception from: %s", src);
  Value e = err_fetch();
  Value msg = obj_str(e);
  return str_cstr(str_printf("%s: %U", val_type(e)->name, msg));
}

Test(eval, small_int_fast_paths_overflow_into_big_ints) {
  cr_assert_str_eq(result("x = 2305843009213693951 + 1", "x"), "2305843009213693952");
  cr_assert_str_eq(result("x = -2305843009213693952 - 1", "x"), "-2305843009213693953");
  cr_assert_str_eq(result("x = 3037000500 * 3037000500", "x"), "9223372037000250000");
  cr_assert_str_eq(result("x = (-7 // 2, -7 % 2, 7 // -2, 7 % -2)", "x"), "(-4, 1, -4, -1)");
  cr_assert_str_eq(result("x = (1.5 + 2.0, 3.0 * 2.0, 1.0 / 4.0)", "x"), "(3.5, 6.0, 0.25)");
  cr_assert_str_eq(raised("x = 1 // 0"), "ZeroDivisionError: integer division or modulo by zero");
}

Test(eval, argument_binding) {
  const char *defs = "def f(a, b=2, *args, k=3, **kw): return (a, b, args, k, kw)\n";
  char buf[512];
  snprintf(buf, sizeof buf, "%sx = f(1, 5, 6, k=9, z=1)", defs);
  cr_assert_str_eq(result(buf, "x"), "(1, 5, (6,), 9, {'z': 1})");
  cr_assert_str_eq(raised("def g(a, b=1, *, k): pass\ng()"),
                   "TypeError: g() missing 1 required positional argument: 'a'");
  cr_assert_str_eq(raised("def g(a, b=1, *, k): pass\ng(1, 2, 3)"),
                   "TypeError: g() takes from 1 to 2 positional arguments but 3 were given");
  cr_assert_str_eq(raised("def g(a, b=1, *, k): pass\ng(1)"),
                   "TypeError: g() missing 1 required keyword-only argument: 'k'");
  cr_assert_str_eq(raised("def g(a): pass\ng(1, a=2)"), "TypeError: g() got multiple values for argument 'a'");
  cr_assert_str_eq(raised("def g(a): pass\ng(1, z=2)"), "TypeError: g() got an unexpected keyword argument 'z'");
  cr_assert_str_eq(raised("def g(a, b, c): pass\ng()"),
                   "TypeError: g() missing 3 required positional arguments: 'a', 'b', and 'c'");
  cr_assert_str_eq(raised("class C:\n  def m(self, x): pass\nC().m()"),
                   "TypeError: C.m() missing 1 required positional argument: 'x'");
  cr_assert_str_eq(raised("def h(a, /, b): pass\nh(a=1, b=2)"),
                   "TypeError: h() got some positional-only arguments passed as keyword arguments: 'a'");
}

Test(eval, closures_and_cells) {
  cr_assert_str_eq(result("def mk(n):\n  def inc():\n    nonlocal n\n    n += 1\n    return n\n  return inc\n"
                          "i = mk(10)\ni()\nx = i()",
                          "x"),
                   "12");
  cr_assert_str_eq(raised("def f():\n  def g(): return z\n  g()\n  z = 1\nf()"),
                   "NameError: cannot access free variable 'z' where it is not associated with a value in "
                   "enclosing scope");
  cr_assert_str_eq(raised("def f():\n  print(y)\n  y = 1\nf()"),
                   "UnboundLocalError: cannot access local variable 'y' where it is not associated with a value");
}

Test(eval, exceptions_and_chaining) {
  cr_assert_str_eq(result("try:\n  try: 1/0\n  except ZeroDivisionError: raise KeyError(1)\n"
                          "except KeyError as e: x = type(e.__context__).__name__",
                          "x"),
                   "'ZeroDivisionError'");
  cr_assert_str_eq(result("try:\n  raise ValueError from KeyError()\nexcept ValueError as e:\n"
                          "  x = (type(e.__cause__).__name__, e.__suppress_context__)",
                          "x"),
                   "('KeyError', True)");
  cr_assert_str_eq(raised("raise"), "RuntimeError: No active exception to reraise");
  cr_assert_str_eq(raised("raise 1"), "TypeError: exceptions must derive from BaseException");
  cr_assert_str_eq(raised("a, b = [1, 2, 3]"), "ValueError: too many values to unpack (expected 2)");
  cr_assert_str_eq(raised("a, b, c = [1, 2]"), "ValueError: not enough values to unpack (expected 3, got 2)");
  cr_assert_str_eq(raised("a, b = 1"), "TypeError: cannot unpack non-iterable int object");
}

Test(eval, recursion_is_an_exception) {
  cr_assert_str_eq(raised("def r(n): return r(n + 1)\nr(0)"), "RecursionError: maximum recursion depth exceeded");
  cr_assert_eq(ts_current->recursion_depth, 0);
  cr_assert_eq(ts_current->c_depth, 0);
  cr_assert_str_eq(raised("class R:\n  def __repr__(self): return repr(self)\nrepr(R())"),
                   "RecursionError: maximum recursion depth exceeded while calling a Python object");
}

Test(eval, generators) {
  cr_assert_str_eq(result("def g():\n  x = yield 1\n  yield x * 2\n  return 7\n"
                          "it = g()\na = next(it)\nb = it.send(21)\n"
                          "try: it.send(None)\nexcept StopIteration as e: c = e.value\nx = (a, b, c)",
                          "x"),
                   "(1, 42, 7)");
  cr_assert_str_eq(result("log = []\ndef g():\n  try: yield 1\n  finally: log.append('closed')\n"
                          "it = g()\nnext(it)\nit.close()\nx = log",
                          "x"),
                   "['closed']");
  cr_assert_str_eq(result("def inner():\n  yield 1\n  return 'r'\ndef outer():\n  v = yield from inner()\n  yield v\n"
                          "x = list(outer())",
                          "x"),
                   "[1, 'r']");
  cr_assert_str_eq(raised("def g():\n  raise StopIteration\n  yield\nnext(g())"),
                   "RuntimeError: generator raised StopIteration");
  cr_assert_str_eq(raised("def g():\n  yield 1\ng().send(5)"),
                   "TypeError: can't send non-None value to a just-started generator");
}

Test(eval, coroutines) {
  cr_assert_str_eq(result("async def f(n): return n * 2\nasync def main(): return await f(21)\n"
                          "c = main()\ntry: c.send(None)\nexcept StopIteration as e: x = e.value",
                          "x"),
                   "42");
  cr_assert_str_eq(raised("async def f(): pass\nc = f()\ntry: c.send(None)\nexcept StopIteration: pass\n"
                          "c.send(None)"),
                   "RuntimeError: cannot reuse already awaited coroutine");
  cr_assert_str_eq(raised("async def f(): await 1\nf().send(None)"),
                   "TypeError: object int can't be used in 'await' expression");
}

Test(eval, frames_are_unwound_after_errors) {
  cr_assert_str_eq(raised("def f(): return 1 / 0\nf()"), "ZeroDivisionError: division by zero");
  cr_assert(ts_current->frame == NULL);
  cr_assert(ts_current->handled_exc == VAL_NULL);
}
