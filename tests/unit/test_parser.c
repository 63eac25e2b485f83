/* test_parser.c — the front end against CPython 3.11.
 *
 * Expected trees are CPython's ast.dump() output and expected errors are
 * CPython's (type, message, line, offset), both recorded from python3 3.11
 * on the same sources.  A last test parses every .py file of the seed
 * samples and of the system's Python 3.11 library when they are present. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/parse.h"

static void check_dump(const char *src, int mode, const char *expected) {
  Arena *a = ast_arena_new();
  ParseError err;
  Module *m = parse_source(a, src, strlen(src), "t.py", mode, &err);
  cr_assert(m != NULL, "unexpected %s: %s (line %d) for:\n%s", parse_error_type_name(err.kind), err.msg, err.lineno, src);
  char *got = ast_dump(m);
  cr_expect_str_eq(got, expected, "source:\n%s", src);
  free(got);
  ast_arena_free(a);
}

static void check_error(const char *src, const char *type, const char *msg, int lineno, int offset) {
  Arena *a = ast_arena_new();
  ParseError err;
  Module *m = parse_source(a, src, strlen(src), "t.py", PARSE_FILE, &err);
  cr_assert(m == NULL, "expected %s for:\n%s", msg, src);
  cr_expect_str_eq(parse_error_type_name(err.kind), type, "source:\n%s", src);
  cr_expect_str_eq(err.msg, msg, "source:\n%s", src);
  cr_expect_eq(err.lineno, lineno, "line %d != %d for:\n%s", err.lineno, lineno, src);
  cr_expect_eq(err.offset, offset, "offset %d != %d for:\n%s", err.offset, offset, src);
  ast_arena_free(a);
}

struct DumpCase { const char *src, *dump; };
static const struct DumpCase dump_cases[] = {
  {"x = 1",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
  {"print(x, end='')",
   "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[keyword(arg='end', value=Constant(value=''))]))], type_ignores=[])"},
  {"a, *b = x",
   "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='x', ctx=Load()))], type_ignores=[])"},
  {"[*a, *b]",
   "Module(body=[Expr(value=List(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[])"},
  {"{**d, 'k': 1}",
   "Module(body=[Expr(value=Dict(keys=[None, Constant(value='k')], values=[Name(id='d', ctx=Load()), Constant(value=1)]))], type_ignores=[])"},
  {"f(*a, **k)",
   "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords=[keyword(value=Name(id='k', ctx=Load()))]))], type_ignores=[])"},
  {"(n := 10)",
   "Module(body=[Expr(value=NamedExpr(target=Name(id='n', ctx=Store()), value=Constant(value=10)))], type_ignores=[])"},
  {"x = a if b else c",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], type_ignores=[])"},
  {"a < b <= c != d",
   "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load())]))], type_ignores=[])"},
  {"a and b and c or d",
   "Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]), Name(id='d', ctx=Load())]))], type_ignores=[])"},
  {"not a in b",
   "Module(body=[Expr(value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[In()], comparators=[Name(id='b', ctx=Load())])))], type_ignores=[])"},
  {"a is not b",
   "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[IsNot()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])"},
  {"-x ** -y",
   "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='x', ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='y', ctx=Load())))))], type_ignores=[])"},
  {"x[1:2, ::3]",
   "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load()))], type_ignores=[])"},
  {"x[::]",
   "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[])"},
  {"x[a, b]",
   "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])"},
  {"del a, b",
   "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Name(id='b', ctx=Del())])], type_ignores=[])"},
  {"del (a, b)",
   "Module(body=[Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del()), Name(id='b', ctx=Del())], ctx=Del())])], type_ignores=[])"},
  {"import a.b as c, d",
   "Module(body=[Import(names=[alias(name='a.b', asname='c'), alias(name='d')])], type_ignores=[])"},
  {"from . import x",
   "Module(body=[ImportFrom(names=[alias(name='x')], level=1)], type_ignores=[])"},
  {"from .. m import (a, b,)",
   "Module(body=[ImportFrom(module='m', names=[alias(name='a'), alias(name='b')], level=2)], type_ignores=[])"},
  {"from x import *",
   "Module(body=[ImportFrom(module='x', names=[alias(name='*')], level=0)], type_ignores=[])"},
  {"from ...pkg.mod import y as z",
   "Module(body=[ImportFrom(module='pkg.mod', names=[alias(name='y', asname='z')], level=3)], type_ignores=[])"},
  {"global a, b",
   "Module(body=[Global(names=['a', 'b'])], type_ignores=[])"},
  {"def f():\n    nonlocal x",
   "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Nonlocal(names=['x'])], decorator_list=[])], type_ignores=[])"},
  {"raise X from Y",
   "Module(body=[Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='Y', ctx=Load()))], type_ignores=[])"},
  {"raise",
   "Module(body=[Raise()], type_ignores=[])"},
  {"assert x, 'm'",
   "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='m'))], type_ignores=[])"},
  {"pass; break; continue",
   "Module(body=[Pass(), Break(), Continue()], type_ignores=[])"},
  {"try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f",
   "Module(body=[Try(body=[Expr(value=Name(id='a', ctx=Load()))], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), name='e', body=[Expr(value=Name(id='b', ctx=Load()))]), ExceptHandler(type=Name(id='C', ctx=Load()), body=[Expr(value=Name(id='c', ctx=Load()))]), ExceptHandler(body=[Expr(value=Name(id='d', ctx=Load()))])], orelse=[Expr(value=Name(id='e', ctx=Load()))], finalbody=[Expr(value=Name(id='f', ctx=Load()))])], type_ignores=[])"},
  {"try:\n    a\nexcept* E:\n    b",
   "Module(body=[TryStar(body=[Expr(value=Name(id='a', ctx=Load()))], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Expr(value=Name(id='b', ctx=Load()))])], orelse=[], finalbody=[])], type_ignores=[])"},
  {"with a as b, c as d:\n    pass",
   "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
  {"with (a as b, c as d):\n    pass",
   "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
  {"with (a, b):\n    pass",
   "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])"},
  {"with (a, b) as c:\n    pass",
   "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
  {"with (yield):\n    pass",
   "Module(body=[With(items=[withitem(context_expr=Yield())], body=[Pass()])], type_ignores=[])"},
  {"@dec\n@dec2(1)\ndef f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    return a",
   "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], args=[arg(arg='c')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=3)], kwarg=arg(arg='kw'), defaults=[Constant(value=1), Constant(value=2)]), body=[Return(value=Name(id='a', ctx=Load()))], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Name(id='dec2', ctx=Load()), args=[Constant(value=1)], keywords=[])], returns=Name(id='int', ctx=Load()))], type_ignores=[])"},
  {"lambda: 0",
   "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))], type_ignores=[])"},
  {"lambda x, /, y=1, *z, w, **k: x",
   "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='x')], args=[arg(arg='y')], vararg=arg(arg='z'), kwonlyargs=[arg(arg='w')], kw_defaults=[None], kwarg=arg(arg='k'), defaults=[Constant(value=1)]), body=Name(id='x', ctx=Load())))], type_ignores=[])"},
  {"lambda *, a=1: a",
   "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[Constant(value=1)], defaults=[]), body=Name(id='a', ctx=Load())))], type_ignores=[])"},
  {"async def f():\n    await x\n    async for a in b:\n        pass\n    async with c as d:\n        pass\n    return [i async for i in g()]",
   "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Await(value=Name(id='x', ctx=Load()))), AsyncFor(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()]), Return(value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='g', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=1)]))], decorator_list=[])], type_ignores=[])"},
  {"class A(B, metaclass=M):\n    x: int = 1\n    y: 'str'\n    (z): int\n    a.b: int = 2\n    def m(self): ...",
   "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1), AnnAssign(target=Name(id='y', ctx=Store()), annotation=Constant(value='str'), simple=1), AnnAssign(target=Name(id='z', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0), AnnAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=2), simple=0), FunctionDef(name='m', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Constant(value=Ellipsis))], decorator_list=[])], decorator_list=[])], type_ignores=[])"},
  {"if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
   "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass()])])], type_ignores=[])"},
  {"while x:\n    break\nelse:\n    pass",
   "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Pass()])], type_ignores=[])"},
  {"for i, (j, k) in enumerate(x):\n    continue\nelse:\n    pass",
   "Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), Tuple(elts=[Name(id='j', ctx=Store()), Name(id='k', ctx=Store())], ctx=Store())], ctx=Store()), iter=Call(func=Name(id='enumerate', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]), body=[Continue()], orelse=[Pass()])], type_ignores=[])"},
  {"x = [i for i in range(10) if i % 2 if i for j in k]",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=10)], keywords=[]), ifs=[BinOp(left=Name(id='i', ctx=Load()), op=Mod(), right=Constant(value=2)), Name(id='i', ctx=Load())], is_async=0), comprehension(target=Name(id='j', ctx=Store()), iter=Name(id='k', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
  {"x = {k: v for k, v in d.items()}",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=0)]))], type_ignores=[])"},
  {"x = {a for a in b}",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=SetComp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
  {"x = (a for a in b)",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=GeneratorExp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
  {"f(a for a in b)",
   "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])"},
  {"x = yield",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield())], type_ignores=[])"},
  {"def g():\n    x = yield y\n    yield from z",
   "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield(value=Name(id='y', ctx=Load()))), Expr(value=YieldFrom(value=Name(id='z', ctx=Load())))], decorator_list=[])], type_ignores=[])"},
  {"x += 1\ny @= 2\nz //= 3\nw **= 4\nv >>= 5",
   "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1)), AugAssign(target=Name(id='y', ctx=Store()), op=MatMult(), value=Constant(value=2)), AugAssign(target=Name(id='z', ctx=Store()), op=FloorDiv(), value=Constant(value=3)), AugAssign(target=Name(id='w', ctx=Store()), op=Pow(), value=Constant(value=4)), AugAssign(target=Name(id='v', ctx=Store()), op=RShift(), value=Constant(value=5))], type_ignores=[])"},
  {"x = 1_000_000 + 0x_FF + 0o17 + 0b1010 + 1e-5 + 1. + .5 + 3j + 1.5e3J",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=1000000), op=Add(), right=Constant(value=255)), op=Add(), right=Constant(value=15)), op=Add(), right=Constant(value=10)), op=Add(), right=Constant(value=1e-05)), op=Add(), right=Constant(value=1.0)), op=Add(), right=Constant(value=0.5)), op=Add(), right=Constant(value=3j)), op=Add(), right=Constant(value=1500j)))], type_ignores=[])"},
  {"x = 123456789012345678901234567890",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=123456789012345678901234567890))], type_ignores=[])"},
  {"x = 0xFFFFFFFFFFFFFFFFFFFF",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1208925819614629174706175))], type_ignores=[])"},
  {"x = 9223372036854775807",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=9223372036854775807))], type_ignores=[])"},
  {"x = 9223372036854775808",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=9223372036854775808))], type_ignores=[])"},
  {"x = 1e400",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=inf))], type_ignores=[])"},
  {"x = 0.1 + 1e16 + 1e15 + 123.456e-7",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=Constant(value=0.1), op=Add(), right=Constant(value=1e+16)), op=Add(), right=Constant(value=1000000000000000.0)), op=Add(), right=Constant(value=1.23456e-05)))], type_ignores=[])"},
  {"x = 'a' 'b' \"c\"",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='abc'))], type_ignores=[])"},
  {"x = r'\\n' + b'\\x00\\xff' + Rb'\\\\'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=Constant(value='\\\\n'), op=Add(), right=Constant(value=b'\\x00\\xff')), op=Add(), right=Constant(value=b'\\\\\\\\')))], type_ignores=[])"},
  {"x = u'abc'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='abc', kind='u'))], type_ignores=[])"},
  {"x = '\\x41\\101\\u00e9\\U0001F600\\N{EM DASH}\\0'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='AA\303\251\360\237\230\200\342\200\224\\x00'))], type_ignores=[])"},
  {"x = 'a\\\nb'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='ab'))], type_ignores=[])"},
  {"x = '''line1\nline2'''",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='line1\\nline2'))], type_ignores=[])"},
  {"x = \"\"\"a\"b\"\"\"",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='a\"b'))], type_ignores=[])"},
  {"x = '\\q'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\\\\q'))], type_ignores=[])"},
  {"x = f'{a}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=-1)]))], type_ignores=[])"},
  {"x = f'{a!r} {b!s:>10} {c!a}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=114), Constant(value=' '), FormattedValue(value=Name(id='b', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[Constant(value='>10')])), Constant(value=' '), FormattedValue(value=Name(id='c', ctx=Load()), conversion=97)]))], type_ignores=[])"},
  {"x = f'{x=}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])"},
  {"x = f'{x = }'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])"},
  {"x = f'{x=:.2f}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.2f')]))]))], type_ignores=[])"},
  {"x = f'{x=!s}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)]))], type_ignores=[])"},
  {"x = f'{x:{w}.{p}f}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), conversion=-1), Constant(value='f')]))]))], type_ignores=[])"},
  {"x = f'{{literal}} {x}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='{literal} '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"},
  {"x = f'a' 'b' f'{c}' 'd'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='ab'), FormattedValue(value=Name(id='c', ctx=Load()), conversion=-1), Constant(value='d')]))], type_ignores=[])"},
  {"x = f'''\n{a\n+ b}\n'''",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='\\n'), FormattedValue(value=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Name(id='b', ctx=Load())), conversion=-1), Constant(value='\\n')]))], type_ignores=[])"},
  {"x = f\"{'nested'}\"",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Constant(value='nested'), conversion=-1)]))], type_ignores=[])"},
  {"x = f'{\"a\" if x else \"b\"}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=IfExp(test=Name(id='x', ctx=Load()), body=Constant(value='a'), orelse=Constant(value='b')), conversion=-1)]))], type_ignores=[])"},
  {"x = rf'\\d+{x}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='\\\\d+'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"},
  {"x = f'\\n{x}\\t'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='\\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\\t')]))], type_ignores=[])"},
  {"x = f''",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[]))], type_ignores=[])"},
  {"x = f'{x:}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[]))]))], type_ignores=[])"},
  {"x = f'{ {1: 2}[1] }'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Subscript(value=Dict(keys=[Constant(value=1)], values=[Constant(value=2)]), slice=Constant(value=1), ctx=Load()), conversion=-1)]))], type_ignores=[])"},
  {"x = f'{x:%H:%M}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='%H:%M')]))]))], type_ignores=[])"},
  {"x = f'{a}{b}'",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=-1), FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1)]))], type_ignores=[])"},
  {"x = ...",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=Ellipsis))], type_ignores=[])"},
  {"x = None, True, False",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=None), Constant(value=True), Constant(value=False)], ctx=Load()))], type_ignores=[])"},
  {"x = ()",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[], ctx=Load()))], type_ignores=[])"},
  {"x = (1,)",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"},
  {"x = (1)",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
  {"x = [1,]",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"},
  {"x = a,",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Name(id='a', ctx=Load())], ctx=Load()))], type_ignores=[])"},
  {"x = a.b.c(d)[e].f",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Attribute(value=Subscript(value=Call(func=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load()), args=[Name(id='d', ctx=Load())], keywords=[]), slice=Name(id='e', ctx=Load()), ctx=Load()), attr='f', ctx=Load()))], type_ignores=[])"},
  {"x = {}",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dict(keys=[], values=[]))], type_ignores=[])"},
  {"x = {1, 2, *a}",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Set(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(id='a', ctx=Load()), ctx=Load())]))], type_ignores=[])"},
  {"if 1:\n\tx = 1\n\ty = 2\n",
   "Module(body=[If(test=Constant(value=1), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], orelse=[])], type_ignores=[])"},
  {"x = 1 \\\n + 2",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[])"},
  {"x = 1 # comment\n# another\n\n\ny = 2",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])"},
  {"x = 1;",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
  {"if x: a; b",
   "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='a', ctx=Load())), Expr(value=Name(id='b', ctx=Load()))], orelse=[])], type_ignores=[])"},
  {"",
   "Module(body=[], type_ignores=[])"},
  {"# only a comment",
   "Module(body=[], type_ignores=[])"},
  {"x = 1\015\ny = 2\015\n",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])"},
  {"x: int",
   "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1)], type_ignores=[])"},
  {"x: int = 5",
   "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=5), simple=1)], type_ignores=[])"},
  {"print(*a, sep='', **k)",
   "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords=[keyword(arg='sep', value=Constant(value='')), keyword(value=Name(id='k', ctx=Load()))]))], type_ignores=[])"},
  {"f(a)(b)(c)",
   "Module(body=[Expr(value=Call(func=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]), args=[Name(id='c', ctx=Load())], keywords=[]))], type_ignores=[])"},
  {"x = a[b][c]",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Subscript(value=Subscript(value=Name(id='a', ctx=Load()), slice=Name(id='b', ctx=Load()), ctx=Load()), slice=Name(id='c', ctx=Load()), ctx=Load()))], type_ignores=[])"},
  {"x = not not a",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=Not(), operand=UnaryOp(op=Not(), operand=Name(id='a', ctx=Load()))))], type_ignores=[])"},
  {"x = ~a + +b - -c",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())), op=Add(), right=UnaryOp(op=UAdd(), operand=Name(id='b', ctx=Load()))), op=Sub(), right=UnaryOp(op=USub(), operand=Name(id='c', ctx=Load()))))], type_ignores=[])"},
  {"x = a @ b // c % d",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=MatMult(), right=Name(id='b', ctx=Load())), op=FloorDiv(), right=Name(id='c', ctx=Load())), op=Mod(), right=Name(id='d', ctx=Load())))], type_ignores=[])"},
  {"x = a << b >> c & d | e ^ f",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=LShift(), right=Name(id='b', ctx=Load())), op=RShift(), right=Name(id='c', ctx=Load())), op=BitAnd(), right=Name(id='d', ctx=Load())), op=BitOr(), right=BinOp(left=Name(id='e', ctx=Load()), op=BitXor(), right=Name(id='f', ctx=Load()))))], type_ignores=[])"},
  {"x = [y := f(x), y ** 2]",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[NamedExpr(target=Name(id='y', ctx=Store()), value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), BinOp(left=Name(id='y', ctx=Load()), op=Pow(), right=Constant(value=2))], ctx=Load()))], type_ignores=[])"},
  {"if (n := len(a)) > 10:\n    pass",
   "Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[])), ops=[Gt()], comparators=[Constant(value=10)]), body=[Pass()], orelse=[])], type_ignores=[])"},
  {"x = a[b:=1]",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='b', ctx=Store()), value=Constant(value=1)), ctx=Load()))], type_ignores=[])"},
  {"for x in *a, *b:\n    pass",
   "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
  {"*a, = b",
   "Module(body=[Assign(targets=[Tuple(elts=[Starred(value=Name(id='a', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='b', ctx=Load()))], type_ignores=[])"},
  {"x = 1 if 2 else 3 if 4 else 5",
   "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Constant(value=2), body=Constant(value=1), orelse=IfExp(test=Constant(value=4), body=Constant(value=3), orelse=Constant(value=5))))], type_ignores=[])"},
};

Test(parser, dump_matches_cpython) {
  for (size_t i = 0; i < sizeof dump_cases / sizeof dump_cases[0]; i++) check_dump(dump_cases[i].src, PARSE_FILE, dump_cases[i].dump);
}

static const struct DumpCase eval_cases[] = {
  {"1 + 2", "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))"},
  {"x", "Expression(body=Name(id='x', ctx=Load()))"},
  {"a, b", "Expression(body=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))"},
  {"f(x) if y else z", "Expression(body=IfExp(test=Name(id='y', ctx=Load()), body=Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]), orelse=Name(id='z', ctx=Load())))"},
  {"  1", "Expression(body=Constant(value=1))"},
};

Test(parser, eval_mode) {
  for (size_t i = 0; i < sizeof eval_cases / sizeof eval_cases[0]; i++) check_dump(eval_cases[i].src, PARSE_EVAL, eval_cases[i].dump);
}

struct ErrCase { const char *src, *type, *msg; int lineno, offset; };
static const struct ErrCase err_cases[] = {
  {"f() = 1", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1},
  {"1 = x", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
  {"del f()", "SyntaxError", "cannot delete function call", 1, 5},
  {"for f() in x: pass", "SyntaxError", "cannot assign to function call", 1, 5},
  {"(a, f()) = 1", "SyntaxError", "cannot assign to function call", 1, 5},
  {"a + 1 = 2", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1},
  {"x = 1 = 2", "SyntaxError", "cannot assign to literal", 1, 5},
  {"x = (1,\n2", "SyntaxError", "'(' was never closed", 1, 5},
  {"print((1,2)", "SyntaxError", "'(' was never closed", 1, 6},
  {"if x\n  pass", "SyntaxError", "expected ':'", 1, 5},
  {"if x:\npass", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1},
  {"def f():\nreturn", "IndentationError", "expected an indented block after function definition on line 1", 2, 1},
  {"class A:\nx", "IndentationError", "expected an indented block after class definition on line 1", 2, 1},
  {"  x = 1", "IndentationError", "unexpected indent", 1, 2},
  {"if x:\n    a\n  b", "IndentationError", "unindent does not match any outer indentation level", 3, 4},
  {"if 1:\n\tx\n        y", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1},
  {"'abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 1},
  {"'''abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 1},
  {"1abc", "SyntaxError", "invalid decimal literal", 1, 1},
  {"x = 1_", "SyntaxError", "invalid decimal literal", 1, 6},
  {"0x", "SyntaxError", "invalid hexadecimal literal", 1, 2},
  {"0b2", "SyntaxError", "invalid digit '2' in binary literal", 1, 3},
  {"0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 3},
  {"x = 0777", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5},
  {"(]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 2},
  {"a)", "SyntaxError", "unmatched ')'", 1, 2},
  {"f(a+1=2)", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3},
  {"x = yield = 1", "SyntaxError", "assignment to yield expression not possible", 1, 5},
  {"[x for x in y] = 1", "SyntaxError", "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1, 1},
  {"a if b else c = 1", "SyntaxError", "cannot assign to conditional expression", 1, 1},
  {"with a as f(): pass", "SyntaxError", "cannot assign to function call", 1, 11},
  {"x = 1 +", "SyntaxError", "invalid syntax", 1, 8},
  {"a b", "SyntaxError", "invalid syntax", 1, 3},
  {"[a b]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2},
  {"print 'x'", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1},
  {"def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 12},
  {"f(**a, *b)", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8},
  {"f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 9},
  {"f(**a, b)", "SyntaxError", "positional argument follows keyword argument unpacking", 1, 9},
  {"del 1", "SyntaxError", "cannot delete literal", 1, 5},
  {"(x for x in y) = 1", "SyntaxError", "cannot assign to generator expression", 1, 1},
  {"f() += 1", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1},
  {"(a, b) += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1},
  {"not x = 1", "SyntaxError", "cannot assign to expression", 1, 1},
  {"True = 1", "SyntaxError", "cannot assign to True", 1, 1},
  {"None = 1", "SyntaxError", "cannot assign to None", 1, 1},
  {"def f(*): pass", "SyntaxError", "named arguments must follow bare *", 1, 7},
  {"def f(**k, a): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12},
  {"b'\303\203\302\251'", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 1},
  {"'\\xzz'", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", 1, 7},
  {"'\\N{NO SUCH NAME}'", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name", 1, 19},
  {"f'{}'", "SyntaxError", "f-string: empty expression not allowed", 1, 6},
  {"f'{x!z}'", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9},
  {"f'{'", "SyntaxError", "f-string: expecting '}'", 1, 5},
  {"f'}'", "SyntaxError", "f-string: single '}' is not allowed", 1, 5},
  {"f'{x'", "SyntaxError", "f-string: expecting '}'", 1, 6},
  {"f'{a b}'", "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2},
  {"f'{x:{y:{z}}}'", "SyntaxError", "f-string: expressions nested too deeply", 1, 15},
  {"f'{\\n}'", "SyntaxError", "f-string expression part cannot include a backslash", 1, 8},
  {"f'{#}'", "SyntaxError", "f-string expression part cannot include '#'", 1, 7},
  {"f'{(x}'", "SyntaxError", "f-string: closing parenthesis '}' does not match opening parenthesis '('", 1, 8},
  {"if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6},
  {"for x in y:\n# c\n", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 4},
  {"class A:\n\n", "IndentationError", "expected an indented block after class definition on line 1", 2, 1},
  {"x = (a as b)", "SyntaxError", "invalid syntax", 1, 8},
  {"x = $", "SyntaxError", "invalid syntax", 1, 5},
  {"f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 3},
  {"f(x for x in y, )", "SyntaxError", "Generator expression must be parenthesized", 1, 3},
  {"class A(x for x in y): pass", "SyntaxError", "invalid syntax", 1, 11},
  {"from x import a,", "SyntaxError", "trailing comma not allowed without surrounding parentheses", 1, 17},
  {"x = b'a' 'b'", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 13},
  {"def f(a=): pass", "SyntaxError", "expected default value expression", 1, 8},
  {"def f(a, a): pass", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10},
  {"f(a=1, a=2)", "SyntaxError", "keyword argument repeated: a", 1, 8},
  {"a, *b, *c = d", "SyntaxError", "multiple starred expressions in assignment", 1, 1},
  {"x: int, y = 1", "SyntaxError", "invalid syntax", 1, 7},
  {"(a, b): int", "SyntaxError", "only single target (not tuple) can be annotated", 1, 1},
  {"x = a.", "SyntaxError", "invalid syntax", 1, 7},
  {"import", "SyntaxError", "invalid syntax", 1, 7},
  {"lambda x=: 1", "SyntaxError", "invalid syntax", 1, 10},
  {"def f(*a, *b): pass", "SyntaxError", "* argument may appear only once", 1, 11},
  {"try:\n  x\ny = 1\n", "SyntaxError", "expected 'except' or 'finally' block", 3, 1},
  {"try:\n  x\n", "SyntaxError", "expected 'except' or 'finally' block", 2, 4},
  {"def f:\n  pass", "SyntaxError", "expected '('", 1, 6},
  {"x = {1: 2, 3}", "SyntaxError", "':' expected after dictionary key", 1, 12},
  {"f() = 1\nx = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5},
  {"a b\nx = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5},
  {"if x:\npass\n'a\n", "SyntaxError", "unterminated string literal (detected at line 3)", 3, 1},
  {"x = (a b)\ny = 1", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6},
  {"imp(\nrb ort os\n", "SyntaxError", "'(' was never closed", 1, 4},
  {"x = 1 if 2 else 3 if 4", "SyntaxError", "expected 'else' after 'if' expression", 1, 17},
  {"if x:\n    pass\n  else:\n    pass\n", "IndentationError", "unindent does not match any outer indentation level", 3, 8},
  {"x = 5 if y:", "SyntaxError", "invalid syntax", 1, 11},
  {"match x:\ncase 1: pass", "IndentationError", "expected an indented block after 'match' statement on line 1", 2, 1},
  {"match x:\n    case _ as _:\n        pass", "SyntaxError", "cannot use '_' as a target", 2, 15},
  /* Common mistakes in scripts. */
  {"if x = 1:\n    pass", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4},
  {"while x = 1:\n    pass", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 7},
  {"if x == 1\n    pass", "SyntaxError", "expected ':'", 1, 10},
  {"def f()\n    pass", "SyntaxError", "expected ':'", 1, 8},
  {"class A\n    pass", "SyntaxError", "expected ':'", 1, 8},
  {"for i in range(10)\n    pass", "SyntaxError", "expected ':'", 1, 19},
  {"x = [1, 2, 3", "SyntaxError", "'[' was never closed", 1, 5},
  {"print('hello)", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 7},
  {"print(\"a\" \"b\" c)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 7},
  {"def f(x):\nreturn x", "IndentationError", "expected an indented block after function definition on line 1", 2, 1},
  {"  print(1)", "IndentationError", "unexpected indent", 1, 2},
  {"x = 1\n    y = 2", "IndentationError", "unexpected indent", 2, 4},
  {"import os, sys,", "SyntaxError", "invalid syntax", 1, 16},
  {"if x:\n    pass\nelse if y:\n    pass", "SyntaxError", "expected ':'", 3, 6},
  {"elif x:\n    pass", "SyntaxError", "invalid syntax", 1, 1},
  {"x = 10 20", "SyntaxError", "invalid syntax", 1, 8},
  {"f(x y)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3},
  {"x == 1 = y", "SyntaxError", "cannot assign to comparison", 1, 1},
  {"x.append(1 2)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 10},
  {"return x +", "SyntaxError", "invalid syntax", 1, 11},
  {"def f(a, b):\n    return a +* b", "SyntaxError", "invalid syntax", 2, 15},
  {"x = (1, 2))", "SyntaxError", "unmatched ')'", 1, 11},
  {"x = [1, 2, 3]]", "SyntaxError", "unmatched ']'", 1, 14},
  {"dict = {'a': 1 'b': 2}", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 14},
  {"if x > 3 and:\n    pass", "SyntaxError", "invalid syntax", 1, 13},
  {"def class(): pass", "SyntaxError", "invalid syntax", 1, 5},
  {"class = 1", "SyntaxError", "invalid syntax", 1, 7},
  {"import = 5", "SyntaxError", "invalid syntax", 1, 8},
  {"for x in range(10):\nprint(x)", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1},
  {"async = 1", "SyntaxError", "invalid syntax", 1, 7},
  {"await = 1", "SyntaxError", "invalid syntax", 1, 7},
  {"x = 1 +\n2", "SyntaxError", "invalid syntax", 1, 8},
  {"def f(x=1, y):\n  pass", "SyntaxError", "non-default argument follows default argument", 1, 12},
  {"print(f'{x!}')", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 14},
  {"lambda x: yield", "SyntaxError", "invalid syntax", 1, 11},
  {"x = {'a': 1, 'b': 2", "SyntaxError", "'{' was never closed", 1, 5},
  {"try:\n    pass\nprint(1)", "SyntaxError", "expected 'except' or 'finally' block", 3, 1},
  {"a = b = c = ", "SyntaxError", "invalid syntax", 1, 13},
  {"with open('f') as f\n    pass", "SyntaxError", "expected ':'", 1, 20},
  {"x = 5\nif x > 3:\n    print('big')\n  print('x')", "IndentationError", "unindent does not match any outer indentation level", 4, 13},
  {"s = 'abc\ndef'", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5},
  {"x = 0123", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5},
  {"x = 1.2.3", "SyntaxError", "invalid syntax", 1, 8},
  {"x = 1e", "SyntaxError", "invalid decimal literal", 1, 5},
  {"x = 0b", "SyntaxError", "invalid binary literal", 1, 6},
  {"del x + 1", "SyntaxError", "cannot delete expression", 1, 5},
  {"x++", "SyntaxError", "invalid syntax", 1, 4},
  {"x += 1 += 2", "SyntaxError", "invalid syntax", 1, 8},
  {"if True:\n    pass\n    else:\n        pass", "SyntaxError", "invalid syntax", 3, 5},
  /* Specific messages of the 3.11 grammar. */
  {"def g((a, b)):\n    pass", "SyntaxError", "Function parameters cannot be parenthesized", 1, 7},
  {"f = lambda (a): a", "SyntaxError", "Lambda expression parameters cannot be parenthesized", 1, 12},
  {"f = lambda a, (b): a", "SyntaxError", "Lambda expression parameters cannot be parenthesized", 1, 15},
  {"def g(*args=()): pass", "SyntaxError", "var-positional argument cannot have default value", 1, 12},
  {"def g(**kw=None): pass", "SyntaxError", "var-keyword argument cannot have default value", 1, 11},
  {"try:\n    run()\nexcept ValueError, KeyError:\n    pass", "SyntaxError", "multiple exception types must be parenthesized", 3, 8},
  {"d = {'k': *v}", "SyntaxError", "cannot use a starred expression in a dictionary value", 1, 11},
  {"d = {'k':}", "SyntaxError", "expression expected after dictionary key and ':'", 1, 9},
  {"squares = [n, n * n for n in nums]", "SyntaxError", "did you forget parentheses around the comprehension target?", 1, 12},
  {"if self.done = True:\n    pass", "SyntaxError", "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 4},
  {"def g(a, /*, b): pass", "SyntaxError", "expected comma between / and *", 1, 11},
  {"def g(/, a): pass", "SyntaxError", "at least one argument must precede /", 1, 7},
  {"try:\n    a()\nexcept E:\n    b()\nexcept* F:\n    c()", "SyntaxError", "cannot have both 'except' and 'except*' on the same 'try'", 5, 1},
  {"match point:\n    case Point(x=0, 1):\n        pass", "SyntaxError", "positional patterns follow keyword patterns", 2, 21},
  {"match v:\n    case [a, b] as _:\n        pass", "SyntaxError", "cannot use '_' as a target", 2, 20},
  {"if x:\n    pass\nelif y\n    pass", "SyntaxError", "expected ':'", 3, 7},
  {"x = 1 if y", "SyntaxError", "expected 'else' after 'if' expression", 1, 5},
  {"s = f'{1 +}'", "SyntaxError", "f-string: invalid syntax", 1, 5},
};

Test(parser, errors_match_cpython) {
  for (size_t i = 0; i < sizeof err_cases / sizeof err_cases[0]; i++) {
    const struct ErrCase *c = &err_cases[i];
    check_error(c->src, c->type, c->msg, c->lineno, c->offset);
  }
}

/* ---- match statement ---------------------------------------------------- */

Test(parser, match_statement) {
  check_dump("match p:\n    case [x, *rest] if x > 0:\n        pass\n    case Point(1, y=2) | {'k': v, **kw}:\n        pass\n    case (1 | -2 | 3+4j) as n:\n        pass\n    case _:\n        pass\n",
             PARSE_FILE,
             "Module(body=[Match(subject=Name(id='p', ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchAs(name='x'), MatchStar(name='rest')]), guard=Compare(left=Name(id='x', ctx=Load()), ops=[Gt()], comparators=[Constant(value=0)]), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchClass(cls=Name(id='Point', ctx=Load()), patterns=[MatchValue(value=Constant(value=1))], kwd_attrs=['y'], kwd_patterns=[MatchValue(value=Constant(value=2))]), MatchMapping(keys=[Constant(value='k')], patterns=[MatchAs(name='v')], rest='kw')]), body=[Pass()]), match_case(pattern=MatchAs(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=2))), MatchValue(value=BinOp(left=Constant(value=3), op=Add(), right=Constant(value=4j)))]), name='n'), body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()])])], type_ignores=[])");
  check_dump("match = 1\nmatch.x = case\nmatch(x)\n",
             PARSE_FILE,
             "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1)), Assign(targets=[Attribute(value=Name(id='match', ctx=Load()), attr='x', ctx=Store())], value=Name(id='case', ctx=Load())), Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]))], type_ignores=[])");
}

/* ---- error details ------------------------------------------------------- */

Test(parser, error_carries_line_text_and_kind) {
  const char *src = "x = 1\nif x\n    pass\n";
  Arena *a = ast_arena_new();
  ParseError err;
  cr_assert_null(parse_source(a, src, strlen(src), "t.py", PARSE_FILE, &err));
  cr_expect_eq(err.kind, PERR_SYNTAX);
  cr_expect_str_eq(err.msg, "expected ':'");
  cr_expect_eq(err.lineno, 2);
  cr_expect_eq(err.offset, 5);
  cr_expect_str_eq(err.text, "if x\n");
  ast_arena_free(a);
}

Test(parser, offsets_count_characters) {
  /* "é" is two bytes but one column for SyntaxError.offset. */
  const char *src = "s = 'é' +\n";
  Arena *a = ast_arena_new();
  ParseError err;
  cr_assert_null(parse_source(a, src, strlen(src), "t.py", PARSE_FILE, &err));
  cr_expect_str_eq(err.msg, "invalid syntax");
  cr_expect_eq(err.offset, 10);
  ast_arena_free(a);
}

Test(parser, positions_are_byte_columns) {
  const char *src = "s = 'é'; y = 2\n";
  Arena *a = ast_arena_new();
  ParseError err;
  Module *m = parse_source(a, src, strlen(src), "t.py", PARSE_FILE, &err);
  cr_assert_not_null(m);
  cr_assert_eq(m->body.count, 2);
  Stmt *s = m->body.items[1];
  cr_expect_eq(s->lineno, 1);
  cr_expect_eq(s->col_offset, 10);
  cr_expect_eq(s->end_col_offset, 15);
  ast_arena_free(a);
}

Test(parser, compound_statement_ends_at_last_child) {
  const char *src = "if a:\n    x = 1\n    y = 22\nz = 3\n";
  Arena *a = ast_arena_new();
  ParseError err;
  Module *m = parse_source(a, src, strlen(src), "t.py", PARSE_FILE, &err);
  cr_assert_not_null(m);
  Stmt *s = m->body.items[0];
  cr_expect_eq(s->end_lineno, 3);
  cr_expect_eq(s->end_col_offset, 10);
  ast_arena_free(a);
}

Test(parser, strings_with_nul_and_bom) {
  const char src[] = "\xef\xbb\xbfx = 'a\\0b'\n";
  Arena *a = ast_arena_new();
  ParseError err;
  Module *m = parse_source(a, src, sizeof src - 1, "t.py", PARSE_FILE, &err);
  cr_assert_not_null(m);
  Expr *v = m->body.items[0]->v.Assign.value;
  cr_assert_eq(v->kind, Constant_kind);
  cr_expect_eq(v->v.Constant.v.str.len, 3);
  cr_expect(memcmp(v->v.Constant.v.str.data, "a\0b", 3) == 0);
  ast_arena_free(a);
}

Test(parser, big_and_small_ints) {
  const char *src = "a = 9223372036854775807\nb = 0x1_0000_0000_0000_0000\n";
  Arena *a = ast_arena_new();
  ParseError err;
  Module *m = parse_source(a, src, strlen(src), "t.py", PARSE_FILE, &err);
  cr_assert_not_null(m);
  AstConst *c1 = &m->body.items[0]->v.Assign.value->v.Constant;
  AstConst *c2 = &m->body.items[1]->v.Assign.value->v.Constant;
  cr_expect_eq(c1->kind, CONST_INT);
  cr_expect_eq(c1->v.i, INT64_MAX);
  cr_expect_eq(c2->kind, CONST_BIGINT);
  cr_expect_eq(c2->v.big.base, 16);
  cr_expect_str_eq(c2->v.big.digits, "10000000000000000");
  ast_arena_free(a);
}

/* ---- robustness ---------------------------------------------------------- */

static int parse_ok(const char *src, size_t len, ParseError *err) {
  Arena *a = ast_arena_new();
  Module *m = parse_source(a, src, len, "t.py", PARSE_FILE, err);
  ast_arena_free(a);
  return m != NULL;
}

Test(parser, deep_nesting_is_an_error_not_a_crash) {
  size_t n = 100000;
  char *s = malloc(n + 16);
  memcpy(s, "x = ", 4);
  memset(s + 4, '(', n);
  memcpy(s + 4 + n, "1\n", 3);
  ParseError err;
  cr_expect(!parse_ok(s, strlen(s), &err));
  cr_expect_str_eq(err.msg, "too many nested parentheses");
  memset(s + 4, '-', n);
  cr_expect(!parse_ok(s, strlen(s), &err));
  cr_expect_str_eq(err.msg, "too many nested parentheses");
  free(s);
}

Test(parser, garbage_never_crashes) {
  unsigned seed = 12345;
  const char *pieces[] = {"(", ")", "[", "]", "{", "}", ":", "'", "\"", "'''", "\\", "\n", "\t", " ", "#", "f'{", "}",
                          "=", "*", "!", "@", "x", "0", "1.", "e", "j", "_", "\x00", "\xff", "\xc3", "if ", "def ",
                          "lambda", "    ", "\r", "b'", "rb\"", "async ", "await ", "yield", ",", ".", ";", "->"};
  size_t np = sizeof pieces / sizeof pieces[0];
  char buf[512];
  for (int iter = 0; iter < 3000; iter++) {
    size_t len = 0;
    int parts = (int)(seed % 40);
    for (int k = 0; k < parts; k++) {
      seed = seed * 1103515245u + 12345u;
      const char *p = pieces[(seed >> 16) % np];
      size_t pl = strlen(p);
      if (p[0] == 0) pl = 1;  /* the NUL piece */
      if (len + pl >= sizeof buf) break;
      memcpy(buf + len, p, pl);
      len += pl;
    }
    ParseError err;
    if (!parse_ok(buf, len, &err)) cr_expect(err.kind != PERR_NONE && err.msg[0] != 0);
    seed = seed * 1103515245u + 12345u;
  }
}

Test(parser, invalid_utf8) {
  ParseError err;
  cr_expect(!parse_ok("x = '\xff'\n", 9, &err));
  cr_expect_str_eq(err.msg,
                   "Non-UTF-8 code starting with '\\xff' in file t.py on line 1, but no encoding declared; "
                   "see https://peps.python.org/pep-0263/ for details");
  cr_expect_eq(err.lineno, 0);
  Arena *a = ast_arena_new();
  cr_expect_null(parse_source(a, "x = 1\n\xff\n", 8, "<string>", PARSE_FILE, &err));
  cr_expect_str_eq(err.msg, "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  cr_expect_eq(err.lineno, 2);
  ast_arena_free(a);
}

/* ---- corpus -------------------------------------------------------------- */

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  *len = fread(buf, 1, (size_t)n, f);
  fclose(f);
  return buf;
}

/* Parses every .py directly inside dir; returns the number of failures. */
static int parse_dir(const char *dir, int *count) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int failures = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t n = strlen(e->d_name);
    if (n < 4 || strcmp(e->d_name + n - 3, ".py") != 0) continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    size_t len;
    char *src = read_file(path, &len);
    if (!src) continue;
    Arena *a = ast_arena_new();
    ParseError err;
    Module *m = parse_source(a, src, len, path, PARSE_FILE, &err);
    (*count)++;
    if (!m) {
      failures++;
      cr_log_error("%s:%d: %s", path, err.lineno, err.msg);
    }
    ast_arena_free(a);
    free(src);
  }
  closedir(d);
  return failures;
}

Test(parser, corpus_parses) {
  int count = 0, failures = 0;
  failures += parse_dir("/work/shared/seed-samples/samples", &count);
  failures += parse_dir("/usr/lib/python3.11", &count);
  failures += parse_dir("/usr/lib/python3.11/asyncio", &count);
  failures += parse_dir("/usr/lib/python3.11/concurrent/futures", &count);
  cr_expect_eq(failures, 0, "%d of %d files failed to parse", failures, count);
}
