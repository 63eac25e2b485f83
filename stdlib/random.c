/* random.c — the _random module: the Mersenne Twister core of random.py.
 *
 * The generator is MT19937 as in CPython's Modules/_randommodule.c (itself
 * the reference code of Matsumoto and Nishimura), and seeding, random()
 * and getrandbits() combine its 32-bit outputs exactly as CPython does, so
 * that a seeded sequence equals CPython's bit for bit:
 *   seed(n)      init_by_array over the 32-bit words of abs(n), least
 *                significant first (one zero word for 0); other objects
 *                seed by abs(hash(obj)); None seeds from the OS.
 *   random()     (a*2**26 + b) / 2**53 with a = next>>5, b = next>>6.
 *   getrandbits  k <= 32: next >> (32-k); else words filled from the least
 *                significant, the last one shifted down to its k bits.
 * The state lives inside the object; each call runs under the GIL.
 */
#include <gmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/dict.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

#define N 624
#define M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct {
  Object base;
  int index;
  uint32_t state[N];
} RandomObject;

extern TypeObject RandomType;

static uint32_t genrand_uint32(RandomObject *self) {
  static const uint32_t mag01[2] = {0x0U, MATRIX_A};
  uint32_t y;
  uint32_t *mt = self->state;
  if (self->index >= N) {
    int kk;
    for (kk = 0; kk < N - M; kk++) {
      y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
    self->index = 0;
  }
  y = mt[self->index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

static void init_genrand(RandomObject *self, uint32_t s) {
  uint32_t *mt = self->state;
  mt[0] = s;
  for (int mti = 1; mti < N; mti++) mt[mti] = (1812433253U * (mt[mti - 1] ^ (mt[mti - 1] >> 30)) + (uint32_t)mti);
  self->index = N;
}

static void init_by_array(RandomObject *self, const uint32_t *init_key, size_t key_length) {
  uint32_t *mt = self->state;
  init_genrand(self, 19650218U);
  size_t i = 1, j = 0;
  size_t k = N > key_length ? N : key_length;
  for (; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + init_key[j] + (uint32_t)j;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (k = N - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000U;
}

/* Seeds from an int's absolute value (32-bit words, least significant first). */
static void seed_from_int(RandomObject *self, Value n) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  mpz_abs(z, z);
  size_t count = 0;
  size_t words = mpz_sizeinbase(z, 2) / 32 + 1;
  uint32_t *key = calloc(words + 1, sizeof(uint32_t));
  mpz_export(key, &count, -1, sizeof(uint32_t), 0, 0, z);
  if (count == 0) count = 1;
  init_by_array(self, key, count);
  free(key);
  mpz_clear(z);
}

static int do_seed(RandomObject *self, Value arg) {
  if (!arg || arg == VAL_NONE) {
    uint32_t key[N];
    size_t got = 0;
    while (got < sizeof key) {
      ssize_t r = getrandom((char *)key + got, sizeof key - got, 0);
      if (r <= 0) break;
      got += (size_t)r;
    }
    init_by_array(self, key, N);
    return 0;
  }
  if (val_is_intlike(arg)) {
    seed_from_int(self, arg);
    return 0;
  }
  Hash h = obj_hash(arg);
  if (h == -1) return -1;
  seed_from_int(self, int_from_i64(h));
  return 0;
}

static Value r_seed(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("seed", kw) || !args_count("seed", nargs, 0, 1)) return VAL_NULL;
  if (do_seed(AS(RandomObject, self), nargs ? args[0] : VAL_NULL) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value r_random(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("random", nargs, 0, 0)) return VAL_NULL;
  RandomObject *r = AS(RandomObject, self);
  uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
  return float_new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static Value r_getrandbits(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("getrandbits", kw) || !args_count("getrandbits", nargs, 1, 1)) return VAL_NULL;
  RandomObject *r = AS(RandomObject, self);
  ssize_t k = obj_as_ssize(args[0]);
  if (k == -1 && err_occurred()) return VAL_NULL;
  if (k < 0) return err_set(&Exc_ValueError, "number of bits must be non-negative");
  if (k == 0) return val_from_int(0);
  if (k <= 32) return int_from_u64(genrand_uint32(r) >> (32 - k));
  size_t words = (size_t)(k - 1) / 32 + 1;
  uint32_t *arr = malloc(words * sizeof(uint32_t));
  for (size_t i = 0; i < words; i++, k -= 32) {
    uint32_t v = genrand_uint32(r);
    if (k < 32) v >>= (32 - k);
    arr[i] = v;
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, arr);
  free(arr);
  Value res = int_from_mpz(z);
  mpz_clear(z);
  return res;
}

static Value r_getstate(Value self, Value *args, size_t nargs, TupleObject *kw) {
  RandomObject *r = AS(RandomObject, self);
  Value t = tuple_new(N + 1);
  for (int i = 0; i < N; i++) TUPLE_ITEMS(t)[i] = int_from_u64(r->state[i]);
  TUPLE_ITEMS(t)[N] = val_from_int(r->index);
  return t;
}

static Value r_setstate(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("setstate", nargs, 1, 1)) return VAL_NULL;
  Value st = args[0];
  if (!val_is_tuple(st)) return err_set(&Exc_TypeError, "state vector must be a tuple");
  if (TUPLE_LEN(st) != N + 1) return err_set(&Exc_ValueError, "state vector is the wrong size");
  RandomObject *r = AS(RandomObject, self);
  uint32_t tmp[N];
  for (int i = 0; i < N; i++) {
    int64_t v;
    if (!val_is_intlike(TUPLE_ITEMS(st)[i])) return err_set(&Exc_TypeError, "state vector items must be integers");
    if (!int_to_i64(TUPLE_ITEMS(st)[i], &v)) return VAL_NULL;
    tmp[i] = (uint32_t)v;
  }
  Value iv = TUPLE_ITEMS(st)[N];
  if (!val_is_int(iv)) return err_set(&Exc_TypeError, "state vector items must be integers");
  intptr_t index = val_int(iv);
  if (index < 0 || index > N) return err_set(&Exc_ValueError, "invalid state");
  memcpy(r->state, tmp, sizeof tmp);
  r->index = (int)index;
  return VAL_NONE;
}

static Value random_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  if (type == &RandomType && kwnames && kwnames->len)
    return err_set(&Exc_TypeError, "Random() takes no keyword arguments");
  if (type == &RandomType && nargs > 1) return err_set(&Exc_TypeError, "Random() expected at most 1 argument, got %zu", nargs);
  size_t size = type->instance_size > sizeof(RandomObject) ? type->instance_size : sizeof(RandomObject);
  RandomObject *r = (RandomObject *)gc_alloc(type, size);
  if (do_seed(r, nargs ? args[0] : VAL_NULL) < 0) return VAL_NULL;
  return (Value)r;
}

static int random_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) { return 0; }

static const NativeDef random_methods[] = {
    {"seed", r_seed, NATIVE_METHOD, NULL},
    {"random", r_random, NATIVE_METHOD, NULL},
    {"getrandbits", r_getrandbits, NATIVE_METHOD, NULL},
    {"getstate", r_getstate, NATIVE_METHOD, NULL},
    {"setstate", r_setstate, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject RandomType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_random.Random",
    .instance_size = sizeof(RandomObject),
    .flags = TP_BASETYPE,
    .tp_new = random_tp_new,
    .tp_init = random_tp_init,
    .methods = random_methods,
};

static int random_init(Value module) {
  type_ready(&RandomType);
  dict_set_cstr(module_dict(module), "Random", (Value)&RandomType);
  return 0;
}

const NativeModuleDef _random_module_def = {"_random", NULL, random_init};
