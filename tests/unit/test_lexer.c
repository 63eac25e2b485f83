/* test_lexer.c — tokens, INDENT/DEDENT, literals and lexical errors.
 *
 * Drives the lexer directly (grammar/lexer.h) and prints each token as a
 * short name, so a test reads as the token stream it expects. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "parser.h"
#include "grammar/lexer.h"

static const char *tok_name(int t) {
  static char one[2];
  switch (t) {
    case NAME: return "NAME";
    case NUMBER: return "NUMBER";
    case STRING: return "STRING";
    case NEWLINE: return "NEWLINE";
    case INDENT: return "INDENT";
    case DEDENT: return "DEDENT";
    case KW_IF: return "if";
    case KW_ELSE: return "else";
    case KW_DEF: return "def";
    case KW_PASS: return "pass";
    case KW_RETURN: return "return";
    case KW_NOT: return "not";
    case KW_IN: return "in";
    case KW_FOR: return "for";
    case KW_LAMBDA: return "lambda";
    case ELLIPSIS: return "...";
    case ARROW: return "->";
    case WALRUS: return ":=";
    case EQEQ: return "==";
    case NOTEQ: return "!=";
    case LESSEQ: return "<=";
    case GREATEREQ: return ">=";
    case LSHIFT: return "<<";
    case RSHIFT: return ">>";
    case POW: return "**";
    case FLOORDIV: return "//";
    case AUGASSIGN: return "AUG";
    case YYUNDEF: return "ERROR";
    default:
      if (t > 0 && t < 128) {
        one[0] = (char)t;
        one[1] = 0;
        return one;
      }
      return "?";
  }
}

/* Token names separated by spaces; stops at end of input or an error. */
static char out[4096];
static ParseError lex_err;
static Arena *arena;
static Parser parser;

static const char *lex(const char *src, int eval_mode) {
  if (arena) ast_arena_free(arena);
  arena = ast_arena_new();
  memset(&parser, 0, sizeof parser);
  memset(&lex_err, 0, sizeof lex_err);
  parser.arena = arena;
  parser.err = &lex_err;
  parser.root_src = src;
  parser.root_end = src + strlen(src);
  lexer_init(&parser, src, strlen(src), 0, eval_mode);
  out[0] = 0;
  for (int i = 0; i < 200; i++) {
    YYSTYPE v;
    YYLTYPE l;
    int t = lexer_next(&parser, &v, &l);
    if (t == YYEOF) break;
    if (out[0]) strcat(out, " ");
    strcat(out, tok_name(t));
    if (t == YYUNDEF) break;
  }
  return out;
}

static void fini(void) {
  ast_arena_free(arena);
  arena = NULL;
}
TestSuite(lexer, .fini = fini);

Test(lexer, simple_statement) {
  cr_expect_str_eq(lex("x = 1\n", 0), "NAME = NUMBER NEWLINE");
  cr_expect_str_eq(lex("x = 1", 0), "NAME = NUMBER NEWLINE");  /* missing final newline */
  cr_expect_str_eq(lex("", 0), "");
  cr_expect_str_eq(lex("\n\n# c\n   \n", 0), "");
}

Test(lexer, indent_dedent) {
  cr_expect_str_eq(lex("if x:\n    pass\n", 0), "if NAME : NEWLINE INDENT pass NEWLINE DEDENT");
  cr_expect_str_eq(lex("if x:\n  if y:\n    pass\nz\n", 0),
                   "if NAME : NEWLINE INDENT if NAME : NEWLINE INDENT pass NEWLINE DEDENT DEDENT NAME NEWLINE");
  /* Blank and comment lines do not change indentation. */
  cr_expect_str_eq(lex("if x:\n\n    # c\n  # d\n    pass\n", 0), "if NAME : NEWLINE INDENT pass NEWLINE DEDENT");
  /* A tab goes to the next multiple of 8. */
  cr_expect_str_eq(lex("if x:\n\tpass\n\tpass\n", 0), "if NAME : NEWLINE INDENT pass NEWLINE pass NEWLINE DEDENT");
}

Test(lexer, implicit_and_explicit_joining) {
  cr_expect_str_eq(lex("x = (1,\n     2)\n", 0), "NAME = ( NUMBER , NUMBER ) NEWLINE");
  cr_expect_str_eq(lex("x = 1 + \\\n  2\n", 0), "NAME = NUMBER + NUMBER NEWLINE");
  cr_expect_str_eq(lex("f(a,\n# comment\n  b)\n", 0), "NAME ( NAME , NAME ) NEWLINE");
}

Test(lexer, operators) {
  cr_expect_str_eq(lex("a ** b // c << d >> e <= f >= g == h != i -> j := k ...", 0),
                   "NAME ** NAME // NAME << NAME >> NAME <= NAME >= NAME == NAME != NAME -> NAME := NAME ... NEWLINE");
  cr_expect_str_eq(lex("a += 1; b **= 2; c //= 3; d >>= 4", 0),
                   "NAME AUG NUMBER ; NAME AUG NUMBER ; NAME AUG NUMBER ; NAME AUG NUMBER NEWLINE");
}

Test(lexer, numbers) {
  cr_expect_str_eq(lex("1_000 0x_ff 0o17 0b1 1e-5 1. .5 3j 1.5E3J 00 1if x else 2", 0),
                   "NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER if NAME else NUMBER NEWLINE");
  cr_expect_str_eq(lex("1abc", 0), "ERROR");
  cr_expect_str_eq(lex_err.msg, "invalid decimal literal");
  lex("0777", 0);
  cr_expect_str_eq(lex_err.msg,
                   "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
  lex("0b102", 0);
  cr_expect_str_eq(lex_err.msg, "invalid digit '2' in binary literal");
  lex("0x", 0);
  cr_expect_str_eq(lex_err.msg, "invalid hexadecimal literal");
}

Test(lexer, strings_and_prefixes) {
  cr_expect_str_eq(lex("'a' \"b\" '''c\nd''' r'\\n' b'x' Rb'y' bR'z' f'{x}' rF'w' u'v' FR\"t\"", 0),
                   "STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING NEWLINE");
  cr_expect_str_eq(lex("'it\\'s' \"q\\\"\"", 0), "STRING STRING NEWLINE");
  cr_expect_str_eq(lex("ub'x'", 0), "NAME STRING NEWLINE");  /* not a prefix CPython knows */
}

Test(lexer, string_errors) {
  lex("x = 'abc\n", 0);
  cr_expect_str_eq(lex_err.msg, "unterminated string literal (detected at line 1)");
  cr_expect_eq(lex_err.lineno, 1);
  cr_expect_eq(lex_err.offset, 5);
  lex("x = '''abc\n\ny\n", 0);
  cr_expect_str_eq(lex_err.msg, "unterminated triple-quoted string literal (detected at line 3)");
  cr_expect_eq(lex_err.lineno, 1);
}

Test(lexer, bracket_errors) {
  lex("x = (1,\n2", 0);
  cr_expect_str_eq(lex_err.msg, "'(' was never closed");
  cr_expect_eq(lex_err.lineno, 1);
  cr_expect_eq(lex_err.offset, 5);
  lex("a)", 0);
  cr_expect_str_eq(lex_err.msg, "unmatched ')'");
  lex("(]", 0);
  cr_expect_str_eq(lex_err.msg, "closing parenthesis ']' does not match opening parenthesis '('");
  lex("(\n]", 0);
  cr_expect_str_eq(lex_err.msg, "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
}

Test(lexer, indentation_errors) {
  lex("if x:\n    a\n  b\n", 0);
  cr_expect_eq(lex_err.kind, PERR_INDENTATION);
  cr_expect_str_eq(lex_err.msg, "unindent does not match any outer indentation level");
  cr_expect_eq(lex_err.lineno, 3);
  lex("if 1:\n\tx\n        y\n", 0);
  cr_expect_eq(lex_err.kind, PERR_TAB);
  cr_expect_str_eq(lex_err.msg, "inconsistent use of tabs and spaces in indentation");
}

Test(lexer, other_errors) {
  lex("x = a \\ b", 0);
  cr_expect_str_eq(lex_err.msg, "unexpected character after line continuation character");
  lex("x = $", 0);
  cr_expect_str_eq(lex_err.msg, "invalid syntax");
  lex("x = \u00bf", 0);
  cr_expect_str_eq(lex_err.msg, "invalid character '\u00bf' (U+00BF)");
  lex("x = a\u2192b", 0);
  cr_expect_str_eq(lex_err.msg, "invalid character '\u2192' (U+2192)");
  cr_expect_eq(lex_err.offset, 6);
  lex("x = \u00a0", 0);
  cr_expect_str_eq(lex_err.msg, "invalid non-printable character U+00A0");
  cr_expect_str_eq(lex("\u00e9t\u00e9 = \u03c0", 0), "NAME = NAME NEWLINE");
  const char nul[] = "x = 1\0\n";
  memset(&parser, 0, sizeof parser);
  memset(&lex_err, 0, sizeof lex_err);
  parser.arena = arena;
  parser.err = &lex_err;
  parser.root_src = nul;
  parser.root_end = nul + sizeof nul - 1;
  lexer_init(&parser, nul, sizeof nul - 1, 0, 0);
  int t;
  YYSTYPE v;
  YYLTYPE l;
  while ((t = lexer_next(&parser, &v, &l)) != YYEOF && t != YYUNDEF) {
  }
  cr_expect_str_eq(lex_err.msg, "source code cannot contain null bytes");
}

Test(lexer, positions) {
  lex("", 0);
  const char *src = "ab = 'é'\n  \n";
  memset(&parser, 0, sizeof parser);
  memset(&lex_err, 0, sizeof lex_err);
  parser.arena = arena;
  parser.err = &lex_err;
  parser.root_src = src;
  parser.root_end = src + strlen(src);
  lexer_init(&parser, src, strlen(src), 0, 0);
  YYSTYPE v;
  YYLTYPE l;
  cr_assert_eq(lexer_next(&parser, &v, &l), NAME);
  cr_expect_str_eq(v.id, "ab");
  cr_expect(l.first_line == 1 && l.first_column == 0 && l.last_column == 2);
  cr_assert_eq(lexer_next(&parser, &v, &l), '=');
  cr_expect(l.first_column == 3 && l.last_column == 4);
  cr_assert_eq(lexer_next(&parser, &v, &l), STRING);
  cr_expect(l.first_column == 5 && l.last_column == 9);  /* byte columns */
  cr_assert_eq(lexer_next(&parser, &v, &l), NEWLINE);
  cr_expect(l.first_column == 9);
}

Test(lexer, eval_mode_has_no_indents) {
  cr_expect_str_eq(lex("  1 + 2", 1), "NUMBER + NUMBER NEWLINE");
}
