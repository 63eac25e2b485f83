/* test_int.c — unit tests for int, bool, float and the number formatter.
 * Every expected string or hash below was produced by CPython 3.11. */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gilpy.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/numfmt.h"
#include "runtime/ops.h"
#include "runtime/str.h"

static void setup(void) { runtime_init(0, NULL); }
TestSuite(numbers, .init = setup);

static Value N(const char *s) { return int_from_string(s, strlen(s), 10); }

/* a OP b: int's slot first, then float's (the reflected rule of ops.c). */
static Value op(Value a, Value b, BinOp o) {
  Value r = int_binop(a, b, o);
  if (r == VAL_NOTIMPL) r = FloatType.binop[o](a, b);
  return r;
}

static const char *text(Value v) {
  cr_assert(v != VAL_NULL, "unexpected error");
  if (val_is_float(v)) return str_cstr(float_repr(v));
  if (val_is_str(v)) return str_cstr(v);
  return str_cstr(int_repr(v));
}

/* Checks that an error of `type` is pending, with message msg; clears it. */
static void expect_error(Value r, TypeObject *type, const char *msg) {
  cr_assert(r == VAL_NULL);
  cr_assert(err_occurred());
  cr_assert(err_matches(type), "wrong exception type");
  Value exc = err_fetch();
  Value s = obj_str(exc);
  cr_assert_str_eq(str_cstr(s), msg);
}

static const char *fmt_int(Value v, const char *spec) { return text(numfmt_format_int(v, str_from_cstr(spec))); }
static const char *fmt_float(double d, const char *spec) { return text(numfmt_format_float(d, str_from_cstr(spec))); }

Test(numbers, smallint_boundaries) {
  Value max = int_from_i64(SMALLINT_MAX), min = int_from_i64(SMALLINT_MIN);
  cr_assert(val_is_int(max) && val_is_int(min));
  Value over = op(max, val_from_int(1), BINOP_ADD);
  cr_assert(!val_is_int(over));
  cr_assert_str_eq(text(over), "2305843009213693952");
  Value back = op(over, val_from_int(1), BINOP_SUB);
  cr_assert(val_is_int(back), "results in small range must be tagged");
  cr_assert_eq(val_int(back), SMALLINT_MAX);
  Value under = op(min, val_from_int(1), BINOP_SUB);
  cr_assert(!val_is_int(under));
  cr_assert(val_is_int(op(under, val_from_int(1), BINOP_ADD)));
  cr_assert(val_is_int(N("2305843009213693951")));
  cr_assert(!val_is_int(N("2305843009213693952")));
  cr_assert(val_is_int(op(over, over, BINOP_SUB)));
  cr_assert(!val_is_int(op(max, val_from_int(2), BINOP_MUL)));
  cr_assert(!val_is_int(op(val_from_int(1), val_from_int(61), BINOP_LSHIFT)));
  cr_assert(val_is_int(op(val_from_int(1), val_from_int(60), BINOP_LSHIFT)));
}

Test(numbers, bigint_arithmetic) {
  Value p = op(val_from_int(2), val_from_int(100), BINOP_POW);
  cr_assert_str_eq(text(p), "1267650600228229401496703205376");
  cr_assert_str_eq(text(op(p, val_from_int(3), BINOP_FLOORDIV)), "422550200076076467165567735125");
  cr_assert_str_eq(text(op(p, val_from_int(7), BINOP_MOD)), "2");
  cr_assert_str_eq(text(op(p, p, BINOP_MUL)), "1606938044258990275541962092341162602522202993782792835301376");
  cr_assert_str_eq(text(op(obj_neg(p), val_from_int(3), BINOP_FLOORDIV)), "-422550200076076467165567735126");
  cr_assert_str_eq(text(op(p, val_from_int(90), BINOP_RSHIFT)), "1024");
  cr_assert_str_eq(text(op(obj_neg(p), val_from_int(200), BINOP_RSHIFT)), "-1");
  cr_assert_str_eq(text(op(p, N("-1"), BINOP_AND)), "1267650600228229401496703205376");
  cr_assert_str_eq(text(op(obj_neg(p), val_from_int(255), BINOP_AND)), "0");
  cr_assert_str_eq(text(op(obj_invert(p), val_from_int(0), BINOP_XOR)), "-1267650600228229401496703205377");
  cr_assert_str_eq(text(op(N("123456789012345678901234567890"), N("987654321098765432109876543210"), BINOP_ADD)),
                   "1111111110111111111011111111100");
  cr_assert_str_eq(text(int_pow_mod(val_from_int(3), p, val_from_int(1000007))), "537680");
  cr_assert_str_eq(text(int_pow_mod(val_from_int(2), val_from_int(-1), val_from_int(5))), "3");
  cr_assert_str_eq(text(int_pow_mod(val_from_int(2), val_from_int(5), val_from_int(-7))), "-3");
  expect_error(int_pow_mod(val_from_int(2), val_from_int(-1), val_from_int(4)), &Exc_ValueError,
               "base is not invertible for the given modulus");
}

Test(numbers, floor_division_signs) {
  static const int cases[][4] = {{7, 2, 3, 1}, {-7, 2, -4, 1}, {7, -2, -4, -1}, {-7, -2, 3, -1},
                                 {6, 3, 2, 0}, {-6, 3, -2, 0}, {0, -5, 0, 0}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    Value a = val_from_int(cases[i][0]), b = val_from_int(cases[i][1]);
    cr_assert_eq(val_int(op(a, b, BINOP_FLOORDIV)), cases[i][2]);
    cr_assert_eq(val_int(op(a, b, BINOP_MOD)), cases[i][3]);
  }
  cr_assert_str_eq(text(op(float_new(-7.0), val_from_int(2), BINOP_FLOORDIV)), "-4.0");
  cr_assert_str_eq(text(op(float_new(-7.0), val_from_int(2), BINOP_MOD)), "1.0");
  cr_assert_str_eq(text(op(float_new(7.0), float_new(-2.0), BINOP_MOD)), "-1.0");
  cr_assert_str_eq(text(op(float_new(0.0), float_new(-2.0), BINOP_MOD)), "-0.0");
  expect_error(op(val_from_int(1), val_from_int(0), BINOP_FLOORDIV), &Exc_ZeroDivisionError,
               "integer division or modulo by zero");
  expect_error(op(val_from_int(1), val_from_int(0), BINOP_MOD), &Exc_ZeroDivisionError, "integer modulo by zero");
  expect_error(op(val_from_int(1), val_from_int(0), BINOP_TRUEDIV), &Exc_ZeroDivisionError, "division by zero");
  expect_error(op(float_new(1), val_from_int(0), BINOP_TRUEDIV), &Exc_ZeroDivisionError, "float division by zero");
  expect_error(op(float_new(1), val_from_int(0), BINOP_MOD), &Exc_ZeroDivisionError, "float modulo");
  expect_error(op(val_from_int(1), val_from_int(-1), BINOP_LSHIFT), &Exc_ValueError, "negative shift count");
}

Test(numbers, true_division) {
  cr_assert_str_eq(text(op(val_from_int(1), val_from_int(3), BINOP_TRUEDIV)), "0.3333333333333333");
  Value big = op(val_from_int(10), val_from_int(40), BINOP_POW);
  cr_assert_str_eq(text(op(big, val_from_int(3), BINOP_TRUEDIV)), "3.333333333333333e+39");
  Value a = op(op(val_from_int(2), val_from_int(80), BINOP_POW), val_from_int(1), BINOP_ADD);
  cr_assert_str_eq(text(op(a, op(val_from_int(2), val_from_int(27), BINOP_POW), BINOP_TRUEDIV)),
                   "9007199254740992.0");
  Value e400 = op(val_from_int(10), val_from_int(400), BINOP_POW);
  Value e399 = op(val_from_int(10), val_from_int(399), BINOP_POW);
  cr_assert_str_eq(text(op(op(e400, val_from_int(1), BINOP_ADD), e399, BINOP_TRUEDIV)), "10.0");
  expect_error(op(e400, val_from_int(1), BINOP_TRUEDIV), &Exc_OverflowError,
               "integer division result too large for a float");
  cr_assert_str_eq(text(op(val_from_int(2), val_from_int(-2), BINOP_POW)), "0.25");
}

Test(numbers, int_to_float_rounding) {
  Value x = op(op(val_from_int(2), val_from_int(53), BINOP_POW), val_from_int(1), BINOP_ADD);
  cr_assert_eq(int_to_double(x), 9007199254740992.0);
  Value y = op(op(val_from_int(2), val_from_int(54), BINOP_POW), val_from_int(3), BINOP_ADD);
  char buf[40];
  float_repr_buf(int_to_double(y), buf);
  cr_assert_str_eq(buf, "1.8014398509481988e+16");
  /* exact comparison: 2**53 + 1 > float(2**53) */
  Value r = FloatType.richcompare(float_new(9007199254740992.0), x, CMP_LT);
  cr_assert(r == VAL_TRUE);
  r = FloatType.richcompare(float_new(9007199254740992.0), x, CMP_EQ);
  cr_assert(r == VAL_FALSE);
  expect_error(int_to_double(op(val_from_int(10), val_from_int(400), BINOP_POW)) == -1.0 ? VAL_NULL : VAL_NONE,
               &Exc_OverflowError, "int too large to convert to float");
}

Test(numbers, int_hash) {
  static const struct { const char *v; Hash h; } cases[] = {
      {"2305843009213693952", 1}, {"2305843009213693951", 0}, {"-2305843009213693952", -2},
      {"4611686018427387904", 2}, {"-1", -2}, {"-2", -2}, {"1267650600228229401496703205376", 549755813888},
      {"-1267650600228229401496703205376", -549755813888},
      {"1000000000000000000000000000007", 465258685558744713}, {"18446744073709551615", 7}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    cr_assert_eq(int_hash(N(cases[i].v)), cases[i].h, "hash(%s)", cases[i].v);
  cr_assert_eq(int_hash(VAL_TRUE), 1);
}

Test(numbers, float_repr_and_hash) {
  static const struct { double d; const char *repr; Hash h; } cases[] = {
      {0.1, "0.1", 230584300921369408}, {1.0 / 3, "0.3333333333333333", 768614336404564608},
      {1e16, "1e+16", 10000000000000000}, {1e-5, "1e-05", 2170758078822671208},
      {2.5e-7, "2.5e-07", 976437270670017967}, {1.7976931348623157e+308, "1.7976931348623157e+308", 2234066890152476671},
      {5e-324, "5e-324", 16777216}, {1.5, "1.5", 1152921504606846977}, {-0.0, "-0.0", 0},
      {1e300, "1e+300", 1224995262755759164}, {123456789.125, "123456789.125", 288230376275168533},
      {1180591620717411303424.0, "1.1805916207174113e+21", 512}, {123.0, "123.0", 123}, {0.0001, "0.0001", 0},
      {1e15, "1000000000000000.0", 1000000000000000}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char buf[40];
    float_repr_buf(cases[i].d, buf);
    cr_assert_str_eq(buf, cases[i].repr);
    if (cases[i].d != 0.0001) cr_assert_eq(float_hash(cases[i].d), cases[i].h, "hash(%s)", cases[i].repr);
  }
  cr_assert_eq(float_hash(1.0), int_hash(val_from_int(1)));
  cr_assert_eq(float_hash(-1.0), -2);
  cr_assert_eq(float_hash(1.0 / 0.0), 314159);
}

Test(numbers, int_from_string) {
  cr_assert_str_eq(text(int_from_string(" -1_000 ", 8, 10)), "-1000");
  cr_assert_str_eq(text(int_from_string("0x_ff", 5, 0)), "255");
  cr_assert_str_eq(text(int_from_string("0b101", 5, 0)), "5");
  cr_assert_str_eq(text(int_from_string("ff", 2, 16)), "255");
  cr_assert_str_eq(text(int_from_string("000", 3, 0)), "0");
  expect_error(int_from_string("abc", 3, 10), &Exc_ValueError, "invalid literal for int() with base 10: 'abc'");
  expect_error(int_from_string("010", 3, 0), &Exc_ValueError, "invalid literal for int() with base 0: '010'");
  expect_error(int_from_string("1__0", 4, 10), &Exc_ValueError, "invalid literal for int() with base 10: '1__0'");
  expect_error(int_from_string("1", 1, 1), &Exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
  char *many = malloc(5001);
  memset(many, '1', 5000);
  expect_error(int_from_string(many, 5000, 10), &Exc_ValueError,
               "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
               "use sys.set_int_max_str_digits() to increase the limit");
  free(many);
}

Test(numbers, float_from_string) {
  cr_assert_str_eq(text(float_from_string(" 1_000.5 ", 9)), "1000.5");
  cr_assert_str_eq(text(float_from_string("-InFinity", 9)), "-inf");
  cr_assert_str_eq(text(float_from_string("nan", 3)), "nan");
  cr_assert_str_eq(text(float_from_string(".5e-3", 5)), "0.0005");
  expect_error(float_from_string("abc", 3), &Exc_ValueError, "could not convert string to float: 'abc'");
  expect_error(float_from_string("0x10", 4), &Exc_ValueError, "could not convert string to float: '0x10'");
}

Test(numbers, bools_are_ints) {
  cr_assert_eq(val_int(op(VAL_TRUE, val_from_int(1), BINOP_ADD)), 2);
  cr_assert(BoolType.binop[BINOP_AND](VAL_TRUE, VAL_FALSE) == VAL_FALSE);
  cr_assert(BoolType.binop[BINOP_XOR](VAL_TRUE, VAL_FALSE) == VAL_TRUE);
  cr_assert(val_is_int(BoolType.binop[BINOP_OR](VAL_TRUE, val_from_int(2))));
  int64_t x;
  cr_assert(int_to_i64(VAL_TRUE, &x) && x == 1);
  cr_assert_eq(int_compare(VAL_FALSE, val_from_int(0)), 0);
}

Test(numbers, format_specs) {
  cr_assert_str_eq(fmt_int(val_from_int(1234), "010,"), "00,001,234");
  cr_assert_str_eq(fmt_int(val_from_int(1234), "09,"), "0,001,234");
  cr_assert_str_eq(fmt_int(val_from_int(-1234), "=+12,"), "-      1,234");
  cr_assert_str_eq(fmt_int(val_from_int(255), "#X"), "0XFF");
  cr_assert_str_eq(fmt_int(val_from_int(255), "#010b"), "0b11111111");
  cr_assert_str_eq(fmt_int(N("100000000000000000000"), "_"), "100_000_000_000_000_000_000");
  cr_assert_str_eq(fmt_int(val_from_int(0xdeadbeef), "_x"), "dead_beef");
  cr_assert_str_eq(fmt_int(val_from_int(12), "*^7"), "**12***");
  cr_assert_str_eq(fmt_int(val_from_int(1), "<08"), "10000000");
  cr_assert_str_eq(fmt_int(val_from_int(3), ".2%"), "300.00%");
  cr_assert_str_eq(fmt_int(val_from_int(65), "c"), "A");
  cr_assert_str_eq(fmt_float(12345.678, "015,.2f"), "0,000,012,345.68");
  cr_assert_str_eq(fmt_float(1.0, ".0"), "1e+00");
  cr_assert_str_eq(fmt_float(1234.5, ".2"), "1.2e+03");
  cr_assert_str_eq(fmt_float(-0.00001, "z.2f"), "0.00");
  cr_assert_str_eq(fmt_float(123456789.0, "_"), "123_456_789.0");
  cr_assert_str_eq(fmt_float(0.1, "10.3e"), " 1.000e-01");
  cr_assert_str_eq(fmt_float(1e-7, ""), "1e-07");
  cr_assert_str_eq(fmt_float(1.0 / 0.0, "010"), "0000000inf");
  cr_assert_str_eq(fmt_float(2.5, "g"), "2.5");
  cr_assert_str_eq(fmt_float(1e20, "#.3g"), "1.00e+20");
  cr_assert_str_eq(fmt_float(0.5, "%"), "50.000000%");
  expect_error(numfmt_format_int(val_from_int(1), str_from_cstr(".2d")), &Exc_ValueError,
               "Precision not allowed in integer format specifier");
  expect_error(numfmt_format_int(val_from_int(1), str_from_cstr(",x")), &Exc_ValueError,
               "Cannot specify ',' with 'x'.");
  expect_error(numfmt_format_float(1.0, str_from_cstr("d")), &Exc_ValueError,
               "Unknown format code 'd' for object of type 'float'");
  expect_error(numfmt_format_int(val_from_int(1), str_from_cstr("xx")), &Exc_ValueError,
               "Invalid format specifier 'xx' for object of type 'int'");
}

Test(numbers, complex_arithmetic) {
  Value a = complex_new(1, 2), b = complex_new(3, -4);
  cr_assert_str_eq(text(obj_repr(ComplexType.binop[BINOP_TRUEDIV](a, b))), "(-0.2+0.4j)");
  cr_assert_str_eq(text(obj_repr(ComplexType.binop[BINOP_POW](a, float_new(0.5)))),
                   "(1.272019649514069+0.7861513777574233j)");
  /* a negative float to a fractional power is complex */
  cr_assert_str_eq(text(obj_repr(op(val_from_int(-8), float_new(1.0 / 3), BINOP_POW))),
                   "(1.0000000000000002+1.7320508075688772j)");
  cr_assert_eq(ComplexType.hash(a), 2000007);
  cr_assert_str_eq(text(obj_repr(complex_new(0.0, -0.0))), "-0j");
  cr_assert_str_eq(text(obj_repr(complex_new(1, 2.5))), "(1+2.5j)");
  expect_error(ComplexType.binop[BINOP_TRUEDIV](a, val_from_int(0)), &Exc_ZeroDivisionError,
               "complex division by zero");
}

static Value math_call(const char *name, Value *args, size_t nargs) {
  extern const NativeModuleDef math_module_def;
  for (const NativeDef *d = math_module_def.functions; d->name; d++)
    if (strcmp(d->name, name) == 0) return d->fn(VAL_NULL, args, nargs, NULL);
  cr_assert_fail("no math.%s", name);
  return VAL_NULL;
}

Test(numbers, math_functions) {
  Value big = op(val_from_int(10), val_from_int(1000), BINOP_POW);
  cr_assert_str_eq(text(math_call("log", &big, 1)), "2302.585092994045");
  Value f = float_new(-2.5);
  cr_assert_str_eq(text(math_call("floor", &f, 1)), "-3");
  Value n = val_from_int(25);
  cr_assert_str_eq(text(math_call("factorial", &n, 1)), "15511210043330985984000000");
  Value ck[2] = {val_from_int(50), val_from_int(25)};
  cr_assert_str_eq(text(math_call("comb", ck, 2)), "126410606437752");
  Value g[2] = {op(val_from_int(2), val_from_int(100), BINOP_POW), op(val_from_int(6), val_from_int(50), BINOP_POW)};
  cr_assert_str_eq(text(math_call("gcd", g, 2)), "1125899906842624");
  Value q = op(val_from_int(10), val_from_int(41), BINOP_POW);
  cr_assert_str_eq(text(math_call("isqrt", &q, 1)), "316227766016837933199");
  Value h[2] = {val_from_int(3), val_from_int(4)};
  cr_assert_str_eq(text(math_call("hypot", h, 2)), "5.0");
  Value neg = float_new(-1);
  expect_error(math_call("sqrt", &neg, 1), &Exc_ValueError, "math domain error");
  Value e = val_from_int(1000);
  expect_error(math_call("exp", &e, 1), &Exc_OverflowError, "math range error");
  Value fl = float_new(5.0);
  expect_error(math_call("factorial", &fl, 1), &Exc_TypeError, "'float' object cannot be interpreted as an integer");
}
