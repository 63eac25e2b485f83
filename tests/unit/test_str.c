/* test_str.c — unit tests for str, bytes and text formatting.
 * Every expected string below was produced by CPython 3.11. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gilpy.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/strfmt.h"

static void setup(void) { runtime_init(0, NULL); }
TestSuite(text, .init = setup);

static Value S(const char *s) { return str_from_cstr(s); }

/* self.meth(*args) */
static Value call(Value self, const char *meth, int n, ...) {
  Value args[8];
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i < n; i++) args[i] = va_arg(ap, Value);
  va_end(ap);
  return obj_call_method(self, str_intern_cstr(meth), args, (size_t)n);
}

/* repr(v) as a C string (asserts success). */
static const char *R(Value v) {
  cr_assert(v != VAL_NULL, "unexpected error");
  Value r = obj_repr(v);
  cr_assert(r != VAL_NULL);
  return str_cstr(r);
}

static void expect_error(Value r, TypeObject *type, const char *msg) {
  cr_assert(r == VAL_NULL);
  cr_assert(err_occurred());
  cr_assert(err_matches(type), "wrong exception type");
  Value exc = err_fetch();
  Value s = obj_str(exc);
  cr_assert_str_eq(str_cstr(s), msg);
}

Test(text, utf8_helpers) {
  char buf[4];
  cr_assert_eq(utf8_encode('A', buf), 1);
  cr_assert_eq(utf8_encode(0xE9, buf), 2);
  cr_assert_eq(memcmp(buf, "\xC3\xA9", 2), 0);
  cr_assert_eq(utf8_encode(0x20AC, buf), 3);
  cr_assert_eq(utf8_encode(0x1F600, buf), 4);
  size_t adv;
  cr_assert_eq(utf8_decode("\xF0\x9F\x98\x80", &adv), 0x1F600);
  cr_assert_eq(adv, 4);
  cr_assert_eq(utf8_count("h\xC3\xA9llo", 6), 5);
  cr_assert_eq(utf8_count("\xFF", 1), -1);
  cr_assert_eq(utf8_count("\xC3", 1), -1);
  cr_assert_eq(utf8_count("\xED\xA0\x80", 3), -1); /* a surrogate */
  cr_assert_eq(utf8_count("\xC0\x80", 2), -1);     /* overlong */
}

Test(text, construction_and_indexing) {
  Value s = S("h\xC3\xA9llo w\xC3\xB6rld");
  cr_assert_eq(AS(StrObject, s)->nchars, 11);
  cr_assert_eq(obj_len(s), 11);
  cr_assert_str_eq(R(obj_getitem(s, val_from_int(1))), "'\xC3\xA9'");
  cr_assert_str_eq(R(obj_getitem(s, val_from_int(-4))), "'\xC3\xB6'");
  expect_error(obj_getitem(s, val_from_int(11)), &Exc_IndexError, "string index out of range");
  /* one-character ASCII strings and the empty string are shared */
  cr_assert_eq(obj_getitem(S("abc"), val_from_int(0)), S("a"));
  cr_assert_eq(str_new("", 0), S(""));
  cr_assert_str_eq(R(str_concat(S("ab"), S("\xC3\xA9"))), "'ab\xC3\xA9'");
  cr_assert_eq(AS(StrObject, str_concat(S("ab"), S("\xC3\xA9")))->nchars, 3);
}

Test(text, interning) {
  StrObject *a = str_intern_cstr("some_identifier");
  StrObject *b = str_intern(S("some_identifier"));
  cr_assert_eq(a, b);
  cr_assert(a->base.gc_flags & OBJ_INTERNED);
  cr_assert(str_equal((Value)a, S("some_identifier")));
  cr_assert_eq(str_hash((Value)a), str_hash(S("some_identifier")));
  cr_assert_neq(str_hash(S("")), -1);
}

Test(text, repr_quoting) {
  cr_assert_str_eq(str_cstr(str_repr(S("it's"))), "\"it's\"");
  cr_assert_str_eq(str_cstr(str_repr(S("say \"hi\""))), "'say \"hi\"'");
  cr_assert_str_eq(str_cstr(str_repr(S("both ' and \""))), "'both \\' and \"'");
  cr_assert_str_eq(str_cstr(str_repr(S("t\tn\nr\r\\ \x01\x7f"))), "'t\\tn\\nr\\r\\\\ \\x01\\x7f'");
  /* printable non-ASCII kept, others escaped */
  cr_assert_str_eq(str_cstr(str_repr(S("\xC3\xA9 \xC2\xA0 \xE2\x80\x8B \xF0\x9F\x98\x80"))),
                   "'\xC3\xA9 \\xa0 \\u200b \xF0\x9F\x98\x80'");
  cr_assert_str_eq(str_cstr(bytes_repr(bytes_new("{\"message\": \"hello\"}", 20))), "b'{\"message\": \"hello\"}'");
  cr_assert_str_eq(str_cstr(bytes_repr(bytes_new("it's\x00\xff\n", 7))), "b\"it's\\x00\\xff\\n\"");
  cr_assert_str_eq(str_cstr(bytes_repr(bytearray_new("ab", 2))), "bytearray(b'ab')");
}

Test(text, split) {
  cr_assert_str_eq(R(call(S("  a  b   c  "), "split", 0)), "['a', 'b', 'c']");
  cr_assert_str_eq(R(call(S("  a  b   c  "), "split", 2, VAL_NONE, val_from_int(1))), "['a', 'b   c  ']");
  cr_assert_str_eq(R(call(S("  a  b   c  "), "rsplit", 2, VAL_NONE, val_from_int(1))), "['  a  b', 'c']");
  cr_assert_str_eq(R(call(S("a,b,,c"), "split", 1, S(","))), "['a', 'b', '', 'c']");
  cr_assert_str_eq(R(call(S("a,b,,c"), "rsplit", 2, S(","), val_from_int(1))), "['a,b,', 'c']");
  cr_assert_str_eq(R(call(S(""), "split", 0)), "[]");
  cr_assert_str_eq(R(call(S(""), "split", 1, S(","))), "['']");
  cr_assert_str_eq(R(call(S("a\xE2\x80\x83" "b\x1f" "c"), "split", 0)), "['a', 'b', 'c']");
  expect_error(call(S("abc"), "split", 1, S("")), &Exc_ValueError, "empty separator");
  cr_assert_str_eq(R(call(S("l1\nl2\r\nl3\rl4\n"), "splitlines", 1, VAL_TRUE)), "['l1\\n', 'l2\\r\\n', 'l3\\r', 'l4\\n']");
  cr_assert_str_eq(R(call(S("l1\nl2\r\nl3"), "splitlines", 0)), "['l1', 'l2', 'l3']");
}

Test(text, join_strip_replace) {
  Value items[3] = {S("a"), S("b"), S("c")};
  cr_assert_str_eq(R(str_join(S(", "), list_from_array(items, 3))), "'a, b, c'");
  cr_assert_str_eq(R(str_join(S(","), list_new(0))), "''");
  Value bad[2] = {S("a"), val_from_int(1)};
  expect_error(str_join(S(","), list_from_array(bad, 2)), &Exc_TypeError,
               "sequence item 1: expected str instance, int found");
  cr_assert_str_eq(R(call(S(" \t x y \n"), "strip", 0)), "'x y'");
  cr_assert_str_eq(R(call(S("xxhixx"), "strip", 1, S("x"))), "'hi'");
  cr_assert_str_eq(R(call(S("  x  "), "lstrip", 0)), "'x  '");
  cr_assert_str_eq(R(call(S("  x  "), "rstrip", 0)), "'  x'");
  cr_assert_str_eq(R(call(S("abcabc"), "replace", 2, S("b"), S("XX"))), "'aXXcaXXc'");
  cr_assert_str_eq(R(call(S("abcabc"), "replace", 3, S("b"), S("XX"), val_from_int(1))), "'aXXcabc'");
  cr_assert_str_eq(R(call(S("abc"), "replace", 2, S(""), S("-"))), "'-a-b-c-'");
  cr_assert_str_eq(R(call(S("abc"), "replace", 3, S(""), S("-"), val_from_int(2))), "'-a-bc'");
}

Test(text, find_and_friends) {
  cr_assert_eq(call(S("hello"), "find", 1, S("l")), val_from_int(2));
  cr_assert_eq(call(S("hello"), "rfind", 1, S("l")), val_from_int(3));
  cr_assert_eq(call(S("h\xC3\xA9llo"), "find", 1, S("l")), val_from_int(2));
  cr_assert_eq(call(S("hello"), "find", 2, S("l"), val_from_int(3)), val_from_int(3));
  cr_assert_eq(call(S("hello"), "find", 1, S("z")), val_from_int(-1));
  cr_assert_eq(call(S("hello"), "count", 1, S("")), val_from_int(6));
  expect_error(call(S("hello"), "index", 1, S("z")), &Exc_ValueError, "substring not found");
  cr_assert_eq(call(S("hello"), "startswith", 1, S("he")), VAL_TRUE);
  cr_assert_eq(call(S("hello"), "endswith", 3, S("lo"), val_from_int(0), val_from_int(4)), VAL_FALSE);
}

Test(text, case_and_padding) {
  cr_assert_str_eq(R(call(S("they're bill's"), "title", 0)), "\"They'Re Bill'S\"");
  cr_assert_str_eq(R(call(S("Stra\xC3\x9F" "e"), "upper", 0)), "'STRASSE'");
  cr_assert_str_eq(R(call(S("\xCE\xA3\xCE\x91\xCE\xA3"), "lower", 0)), "'\xCF\x83\xCE\xB1\xCF\x82'");
  cr_assert_str_eq(R(call(S("ab"), "center", 2, val_from_int(7), S("*"))), "'***ab**'");
  cr_assert_str_eq(R(call(S("-42"), "zfill", 1, val_from_int(5))), "'-0042'");
  cr_assert_str_eq(R(call(S("a\tb"), "expandtabs", 1, val_from_int(4))), "'a   b'");
  expect_error(call(S("a"), "center", 2, val_from_int(5), S("ab")), &Exc_TypeError,
               "The fill character must be exactly one character long");
}

Test(text, percent_format) {
  Value args = tuple_pack(3, S("bob"), val_from_int(42), float_new(99.5));
  cr_assert_str_eq(str_cstr(str_mod_format(S("%s is %d years, %.2f%%"), args)), "bob is 42 years, 99.50%");
  args = tuple_pack(6, S("a"), S("b"), val_from_int(42), val_from_int(255), val_from_int(8), float_new(12345.678));
  cr_assert_str_eq(str_cstr(str_mod_format(S("%5s|%-5s|%05d|%x|%#o|%e"), args)),
                   "    a|b    |00042|ff|0o10|1.234568e+04");
  cr_assert_str_eq(str_cstr(str_mod_format(S("%.3d|%x|%+d"), tuple_pack(3, val_from_int(-5), val_from_int(-255),
                                                                        val_from_int(5)))),
                   "-005|-ff|+5");
  cr_assert_str_eq(str_cstr(str_mod_format(S("%r"), S("q"))), "'q'");
  expect_error(str_mod_format(S("%s %s"), tuple_pack(1, val_from_int(1))), &Exc_TypeError,
               "not enough arguments for format string");
  expect_error(str_mod_format(S("%s"), tuple_pack(2, val_from_int(1), val_from_int(2))), &Exc_TypeError,
               "not all arguments converted during string formatting");
  expect_error(str_mod_format(S("%d"), S("x")), &Exc_TypeError, "%d format: a real number is required, not str");
  expect_error(str_mod_format(S("%y"), val_from_int(1)), &Exc_ValueError,
               "unsupported format character 'y' (0x79) at index 1");
}

Test(text, format_method) {
  Value a[2] = {val_from_int(1), S("a")};
  cr_assert_str_eq(str_cstr(str_format_method(S("{} {}"), a, 2, NULL)), "1 a");
  cr_assert_str_eq(str_cstr(str_format_method(S("{1}{0}{1}"), a, 2, NULL)), "a1a");
  cr_assert_str_eq(str_cstr(str_format_method(S("{1!r:>5}|{{}}"), a, 2, NULL)), "  'a'|{}");
  Value w[2] = {S("x"), val_from_int(4)};
  cr_assert_str_eq(str_cstr(str_format_method(S("{:{}}|"), w, 2, NULL)), "x   |");
  expect_error(str_format_method(S("}"), a, 0, NULL), &Exc_ValueError, "Single '}' encountered in format string");
  expect_error(str_format_method(S("{1}"), a, 1, NULL), &Exc_IndexError,
               "Replacement index 1 out of range for positional args tuple");
  expect_error(str_format_method(S("{}{0}"), a, 1, NULL), &Exc_ValueError,
               "cannot switch from automatic field numbering to manual field specification");
  cr_assert_str_eq(str_cstr(str_format_spec(S("abc"), S("*^9"))), "***abc***");
  cr_assert_str_eq(str_cstr(str_format_spec(S("abc"), S(".1"))), "a");
  expect_error(str_format_spec(S("a"), S("d")), &Exc_ValueError, "Unknown format code 'd' for object of type 'str'");
}

Test(text, codecs) {
  cr_assert_str_eq(R(call(S("h\xC3\xA9llo"), "encode", 0)), "b'h\\xc3\\xa9llo'");
  cr_assert_str_eq(R(call(S("h\xC3\xA9llo"), "encode", 1, S("latin-1"))), "b'h\\xe9llo'");
  expect_error(call(S("h\xC3\xA9llo"), "encode", 1, S("ascii")), &Exc_UnicodeEncodeError,
               "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)");
  expect_error(call(bytes_new("\xff", 1), "decode", 0), &Exc_UnicodeDecodeError,
               "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  expect_error(str_from_utf8("\xe4\xbd", 2, NULL), &Exc_UnicodeDecodeError,
               "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
  cr_assert_str_eq(R(str_from_utf8("a\xff" "b", 3, "replace")), "'a\xEF\xBF\xBD" "b'");
}

Test(text, builder) {
  StrBuilder sb;
  sb_init(&sb);
  for (int i = 0; i < 1000; i++) sb_addf(&sb, "%d,", i % 10);
  sb_add_repr(&sb, S("x"));
  Value s = sb_finish(&sb);
  cr_assert_eq(str_len_bytes(s), 2003);
  cr_assert_str_eq(str_cstr(s) + 1998, "9,'x'");
  cr_assert_str_eq(str_cstr(str_printf("%s=%d %R %T", "n", 5, S("v"), val_from_int(1))), "n=5 'v' int");
}

Test(text, bytes_and_bytearray) {
  Value b = bytes_new("a,b,,c", 6);
  cr_assert_str_eq(R(call(b, "split", 1, bytes_new(",", 1))), "[b'a', b'b', b'', b'c']");
  cr_assert_str_eq(R(call(bytes_new("abc", 3), "hex", 0)), "'616263'");
  cr_assert_eq(obj_getitem(bytes_new("abc", 3), val_from_int(1)), val_from_int(98));
  cr_assert_eq(obj_contains(bytes_new("abc", 3), val_from_int(99)), 1);
  expect_error(obj_getitem(bytes_new("abc", 3), val_from_int(3)), &Exc_IndexError, "index out of range");
  cr_assert_str_eq(R(obj_binop(bytes_new("ab", 2), bytes_new("cd", 2), BINOP_ADD)), "b'abcd'");
  expect_error(obj_binop(bytes_new("ab", 2), S("cd"), BINOP_ADD), &Exc_TypeError, "can't concat str to bytes");
  Value ba = bytearray_new("abc", 3);
  cr_assert(call(ba, "append", 1, val_from_int(100)) == VAL_NONE);
  cr_assert(call(ba, "extend", 1, bytes_new("ef", 2)) == VAL_NONE);
  cr_assert_eq(call(ba, "pop", 0), val_from_int('f'));
  cr_assert_eq(obj_setitem(ba, val_from_int(0), val_from_int(65)), 0);
  cr_assert_str_eq(R(ba), "bytearray(b'Abcde')");
  expect_error(call(ba, "append", 1, val_from_int(256)), &Exc_ValueError, "byte must be in range(0, 256)");
  cr_assert_eq(obj_hash(ba), -1);
  err_clear();
  Value args = tuple_pack(3, bytes_new("a", 1), val_from_int(5), float_new(2.25));
  cr_assert_str_eq(R(obj_binop(bytes_new("%s-%03d-%.1f", 12), args, BINOP_MOD)), "b'a-005-2.2'");
}
