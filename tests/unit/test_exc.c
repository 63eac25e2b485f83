/* test_exc.c — exceptions, err_format and the traceback formatter fed with
 * synthetic traceback entries.  Every expected text was printed by CPython
 * 3.11 for the same source file and instruction positions. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gilpy.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"

static char path[64];

static const char *source =
    "def f(a, b):\n"           /* 1 */
    "    x = a / b\n"          /* 2 */
    "    return x\n"           /* 3 */
    "def g(l):\n"              /* 4 */
    "    return l[5] + 1\n"    /* 5 */
    "def r(n):\n"              /* 6 */
    "    return r(n+1)\n"      /* 7 */
    "f(1, 0)\n"                /* 8 */
    "y = 1/0\n"                /* 9 */
    "    2][f(\n";             /* 10 */

static void setup(void) {
  runtime_init(0, NULL);
  snprintf(path, sizeof path, "/tmp/gilpy_test_exc_%d.py", (int)getpid());
  FILE *f = fopen(path, "w");
  fputs(source, f);
  fclose(f);
}
static void teardown(void) { unlink(path); }
TestSuite(exc, .init = setup, .fini = teardown);

static Value S(const char *s) { return str_from_cstr(s); }

static Value make(TypeObject *t, const char *msg) {
  Value m = S(msg);
  return exc_new(t, &m, 1);
}

/* Adds entries innermost first, as the VM does while unwinding. */
static void add(Value exc, const char *name, int line, int col, int end_col) {
  exc_add_traceback(exc, S(name), S(path), line, col, end_col);
}

static char *expect(const char *fmt) {
  static char buf[4096];
  /* fmt uses %1$s for the path. */
  snprintf(buf, sizeof buf, fmt, path, path, path, path, path, path, path, path);
  return buf;
}

Test(exc, binop_anchors) {
  Value e = make(&Exc_ZeroDivisionError, "division by zero");
  add(e, "f", 2, 8, 13);     /* a / b */
  add(e, "<module>", 8, 0, 7); /* f(1, 0): the whole line, no carets */
  cr_assert_str_eq(str_cstr(exc_format_full(e)),
                   expect("Traceback (most recent call last):\n"
                          "  File \"%s\", line 8, in <module>\n"
                          "    f(1, 0)\n"
                          "  File \"%s\", line 2, in f\n"
                          "    x = a / b\n"
                          "        ~~^~~\n"
                          "ZeroDivisionError: division by zero\n"));
}

Test(exc, whole_line_binop_still_anchored) {
  Value e = make(&Exc_ZeroDivisionError, "division by zero");
  add(e, "<module>", 9, 4, 7); /* 1/0 */
  cr_assert_str_eq(str_cstr(exc_format_full(e)),
                   expect("Traceback (most recent call last):\n"
                          "  File \"%s\", line 9, in <module>\n"
                          "    y = 1/0\n"
                          "        ~^~\n"
                          "ZeroDivisionError: division by zero\n"));
}

Test(exc, subscript_anchors) {
  Value e = make(&Exc_IndexError, "list index out of range");
  add(e, "g", 5, 11, 15); /* l[5] */
  cr_assert_str_eq(str_cstr(exc_format_full(e)),
                   expect("Traceback (most recent call last):\n"
                          "  File \"%s\", line 5, in g\n"
                          "    return l[5] + 1\n"
                          "           ~^^^\n"
                          "IndexError: list index out of range\n"));
}

Test(exc, multiline_range_runs_to_end_of_line) {
  Value e = make(&Exc_TypeError, "boom");
  exc_add_traceback_ex(e, S("f"), S(path), 10, 11, 7, 2);
  cr_assert_str_eq(str_cstr(exc_format_full(e)),
                   expect("Traceback (most recent call last):\n"
                          "  File \"%s\", line 10, in f\n"
                          "    2][f(\n"
                          "       ^^\n"
                          "TypeError: boom\n"));
}

Test(exc, recursion_collapsed) {
  Value e = make(&Exc_RecursionError, "maximum recursion depth exceeded");
  for (int i = 0; i < 999; i++) add(e, "r", 7, 11, 17); /* 1000 entries in all: the print limit */
  add(e, "<module>", 8, 0, 7);
  cr_assert_str_eq(str_cstr(exc_format_full(e)),
                   expect("Traceback (most recent call last):\n"
                          "  File \"%s\", line 8, in <module>\n"
                          "    f(1, 0)\n"
                          "  File \"%s\", line 7, in r\n"
                          "    return r(n+1)\n"
                          "           ^^^^^^\n"
                          "  File \"%s\", line 7, in r\n"
                          "    return r(n+1)\n"
                          "           ^^^^^^\n"
                          "  File \"%s\", line 7, in r\n"
                          "    return r(n+1)\n"
                          "           ^^^^^^\n"
                          "  [Previous line repeated 996 more times]\n"
                          "RecursionError: maximum recursion depth exceeded\n"));
}

Test(exc, chained_cause_and_context) {
  Value k = make(&Exc_KeyError, "k");
  exc_add_traceback(k, S("a"), S("<string>"), 3, 0, 0);
  Value v = make(&Exc_ValueError, "v");
  AS(ExceptionObject, v)->cause = k;
  AS(ExceptionObject, v)->suppress_context = true;
  exc_add_traceback(v, S("a"), S("<string>"), 5, 0, 0);
  Value t = make(&Exc_TypeError, "t");
  AS(ExceptionObject, t)->context = v;
  cr_assert_str_eq(str_cstr(exc_format_full(t)),
                   "Traceback (most recent call last):\n"
                   "  File \"<string>\", line 3, in a\n"
                   "KeyError: 'k'\n"
                   "\nThe above exception was the direct cause of the following exception:\n\n"
                   "Traceback (most recent call last):\n"
                   "  File \"<string>\", line 5, in a\n"
                   "ValueError: v\n"
                   "\nDuring handling of the above exception, another exception occurred:\n\n"
                   "TypeError: t\n");
}

Test(exc, syntax_error_layout) {
  Value info = tuple_pack(6, S("x.py"), val_from_int(1), val_from_int(5), S("x = = 1\n"), val_from_int(1),
                          val_from_int(6));
  Value args[2] = {S("invalid syntax"), info};
  Value e = exc_new(&Exc_SyntaxError, args, 2);
  cr_assert_str_eq(str_cstr(exc_format_full(e)),
                   "  File \"x.py\", line 1\n"
                   "    x = = 1\n"
                   "        ^\n"
                   "SyntaxError: invalid syntax\n");
  cr_assert_str_eq(str_cstr(obj_str(e)), "invalid syntax (x.py, line 1)");
}

Test(exc, str_and_repr) {
  Value k = make(&Exc_KeyError, "a");
  cr_assert_str_eq(str_cstr(obj_str(k)), "'a'");
  cr_assert_str_eq(str_cstr(obj_repr(k)), "KeyError('a')");
  cr_assert_str_eq(str_cstr(obj_repr(exc_new(&Exc_Exception, NULL, 0))), "Exception()");
  Value two[2] = {val_from_int(1), val_from_int(2)};
  cr_assert_str_eq(str_cstr(obj_str(exc_new(&Exc_ValueError, two, 2))), "(1, 2)");
  Value os[3] = {val_from_int(2), S("No such file or directory"), S("x")};
  Value e = exc_new(&Exc_OSError, os, 3);
  cr_assert(val_type(e) == &Exc_FileNotFoundError);
  cr_assert_str_eq(str_cstr(obj_str(e)), "[Errno 2] No such file or directory: 'x'");
  cr_assert_str_eq(str_cstr(obj_repr(e)), "FileNotFoundError(2, 'No such file or directory')");
}

Test(exc, err_format_conversions) {
  Value v = err_format("%s|%d|%zd|%U|%R|%S|%T|%N|%.3s|%%", "c", -4, (ssize_t)7, S("u"), S("r"), S("s"),
                       val_from_int(1), &Exc_KeyError, "abcdef");
  cr_assert_str_eq(str_cstr(v), "c|-4|7|u|'r'|s|int|KeyError|abc|%");
}

Test(exc, err_set_and_fetch) {
  cr_assert(!err_occurred());
  cr_assert(err_set(&Exc_ValueError, "bad %d", 3) == VAL_NULL);
  cr_assert(err_matches(&Exc_ValueError));
  cr_assert(err_matches(&Exc_Exception));
  cr_assert(!err_matches(&Exc_TypeError));
  Value e = err_fetch();
  cr_assert(!err_occurred());
  cr_assert_str_eq(str_cstr(obj_str(e)), "bad 3");
}
