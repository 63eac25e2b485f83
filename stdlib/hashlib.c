/* hashlib.c — the hashlib module: MD5, SHA-1, SHA-224/256, SHA-384/512.
 *
 * The algorithms are written here from their specifications (RFC 1321,
 * FIPS 180-4; HMAC and PBKDF2 from RFC 2104 and RFC 8018), so no crypto
 * library is needed.  A hash object holds its
 * whole state inline (no malloc'd buffers): the chaining words, the
 * partial block and the total length, so copy() is a memcpy.
 *
 * Hashing a bytes object runs with the GIL released when the buffer is
 * large: bytes are immutable and the caller's reference keeps the object
 * alive (the GC scans the stacks conservatively).  Mutable bytearray data
 * is copied first, since another thread could resize it meanwhile.  The
 * hash object itself is locked against concurrent updates by a flag: a
 * second thread updating the same object while the GIL is released waits
 * for its turn by yielding the GIL.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/gil.h"

enum { H_MD5, H_SHA1, H_SHA224, H_SHA256, H_SHA384, H_SHA512, H_COUNT };

typedef struct {
  const char *name;
  int digest_size, block_size;
} AlgoInfo;

static const AlgoInfo algos[H_COUNT] = {
    {"md5", 16, 64},     {"sha1", 20, 64},     {"sha224", 28, 64},
    {"sha256", 32, 64},  {"sha384", 48, 128},  {"sha512", 64, 128},
};

typedef struct {
  Object base;
  int kind;
  int busy; /* an update runs with the GIL released */
  uint64_t len_lo, len_hi; /* message length in bytes (128-bit for SHA-512) */
  uint32_t nbuf;           /* bytes pending in buf */
  union {
    uint32_t w32[8];
    uint64_t w64[8];
  } h;
  uint8_t buf[128];
} HashObject;

extern TypeObject HashType;

/* ---- helpers ------------------------------------------------------------ */

static inline uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static inline uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
static inline uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static inline uint32_t load_be32(const uint8_t *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}
static inline uint32_t load_le32(const uint8_t *p) {
  return ((uint32_t)p[3] << 24) | ((uint32_t)p[2] << 16) | ((uint32_t)p[1] << 8) | p[0];
}
static inline uint64_t load_be64(const uint8_t *p) {
  return ((uint64_t)load_be32(p) << 32) | load_be32(p + 4);
}
static inline void store_be32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}
static inline void store_le32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16);
  p[3] = (uint8_t)(v >> 24);
}
static inline void store_be64(uint8_t *p, uint64_t v) {
  store_be32(p, (uint32_t)(v >> 32));
  store_be32(p + 4, (uint32_t)v);
}

/* ---- MD5 (RFC 1321) ----------------------------------------------------- */

static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};
static const uint8_t md5_r[64] = {
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9,  14, 20, 5, 9,  14, 20,
    5, 9,  14, 20, 5, 9,  14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
};

static void md5_block(uint32_t *h, const uint8_t *p) {
  uint32_t m[16];
  for (int i = 0; i < 16; i++) m[i] = load_le32(p + 4 * i);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
  for (int i = 0; i < 64; i++) {
    uint32_t f;
    int g;
    if (i < 16) {
      f = (b & c) | (~b & d);
      g = i;
    } else if (i < 32) {
      f = (d & b) | (~d & c);
      g = (5 * i + 1) & 15;
    } else if (i < 48) {
      f = b ^ c ^ d;
      g = (3 * i + 5) & 15;
    } else {
      f = c ^ (b | ~d);
      g = (7 * i) & 15;
    }
    uint32_t t = d;
    d = c;
    c = b;
    b = b + rol32(a + f + md5_k[i] + m[g], md5_r[i]);
    a = t;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
}

/* ---- SHA-1 -------------------------------------------------------------- */

static void sha1_block(uint32_t *h, const uint8_t *p) {
  uint32_t w[80];
  for (int i = 0; i < 16; i++) w[i] = load_be32(p + 4 * i);
  for (int i = 16; i < 80; i++) w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int i = 0; i < 80; i++) {
    uint32_t f, k;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6;
    }
    uint32_t t = rol32(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = rol32(b, 30);
    b = a;
    a = t;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

/* ---- SHA-224/256 -------------------------------------------------------- */

static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_block(uint32_t *h, const uint8_t *p) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++) w[i] = load_be32(p + 4 * i);
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 64; i++) {
    uint32_t S1 = ror32(e, 6) ^ ror32(e, 11) ^ ror32(e, 25);
    uint32_t ch = (e & f) ^ (~e & g);
    uint32_t t1 = hh + S1 + ch + sha256_k[i] + w[i];
    uint32_t S0 = ror32(a, 2) ^ ror32(a, 13) ^ ror32(a, 22);
    uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
    uint32_t t2 = S0 + maj;
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += hh;
}

/* ---- SHA-384/512 -------------------------------------------------------- */

static const uint64_t sha512_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static void sha512_block(uint64_t *h, const uint8_t *p) {
  uint64_t w[80];
  for (int i = 0; i < 16; i++) w[i] = load_be64(p + 8 * i);
  for (int i = 16; i < 80; i++) {
    uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 80; i++) {
    uint64_t S1 = ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41);
    uint64_t ch = (e & f) ^ (~e & g);
    uint64_t t1 = hh + S1 + ch + sha512_k[i] + w[i];
    uint64_t S0 = ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39);
    uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
    uint64_t t2 = S0 + maj;
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += hh;
}

/* ---- the generic streaming layer ----------------------------------------- */

static void hash_reset(HashObject *o, int kind) {
  static const uint32_t iv_md5[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  static const uint32_t iv_sha1[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
  static const uint32_t iv_sha224[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                        0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4};
  static const uint32_t iv_sha256[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  static const uint64_t iv_sha384[8] = {0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
                                        0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
                                        0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL};
  static const uint64_t iv_sha512[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                        0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                        0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
  o->kind = kind;
  o->len_lo = o->len_hi = 0;
  o->nbuf = 0;
  switch (kind) {
  case H_MD5: memcpy(o->h.w32, iv_md5, sizeof iv_md5); break;
  case H_SHA1: memcpy(o->h.w32, iv_sha1, sizeof iv_sha1); break;
  case H_SHA224: memcpy(o->h.w32, iv_sha224, sizeof iv_sha224); break;
  case H_SHA256: memcpy(o->h.w32, iv_sha256, sizeof iv_sha256); break;
  case H_SHA384: memcpy(o->h.w64, iv_sha384, sizeof iv_sha384); break;
  default: memcpy(o->h.w64, iv_sha512, sizeof iv_sha512); break;
  }
}

static void compress(HashObject *o, const uint8_t *block) {
  switch (o->kind) {
  case H_MD5: md5_block(o->h.w32, block); break;
  case H_SHA1: sha1_block(o->h.w32, block); break;
  case H_SHA224:
  case H_SHA256: sha256_block(o->h.w32, block); break;
  default: sha512_block(o->h.w64, block); break;
  }
}

/* Feeds n bytes; touches only the HashObject's inline state and p. */
static void hash_feed(HashObject *o, const uint8_t *p, size_t n) {
  size_t bs = (size_t)algos[o->kind].block_size;
  uint64_t lo = o->len_lo + n;
  if (lo < o->len_lo) o->len_hi++;
  o->len_lo = lo;
  if (o->nbuf) {
    size_t take = bs - o->nbuf;
    if (take > n) take = n;
    memcpy(o->buf + o->nbuf, p, take);
    o->nbuf += (uint32_t)take;
    p += take;
    n -= take;
    if (o->nbuf < bs) return;
    compress(o, o->buf);
    o->nbuf = 0;
  }
  while (n >= bs) {
    compress(o, p);
    p += bs;
    n -= bs;
  }
  if (n) {
    memcpy(o->buf, p, n);
    o->nbuf = (uint32_t)n;
  }
}

/* Finishes a copy of the state into out (digest_size bytes). */
static void hash_final(const HashObject *src, uint8_t *out) {
  HashObject o = *src;
  size_t bs = (size_t)algos[o.kind].block_size;
  size_t lenbytes = bs == 128 ? 16 : 8;
  uint64_t bits_lo = o.len_lo << 3;
  uint64_t bits_hi = (o.len_hi << 3) | (o.len_lo >> 61);
  uint8_t pad[256];
  size_t padlen = bs - ((o.nbuf + 1 + lenbytes) % bs);
  if (padlen == bs) padlen = 0;
  size_t total = 1 + padlen + lenbytes;
  memset(pad, 0, sizeof pad);
  pad[0] = 0x80;
  uint8_t *lp = pad + 1 + padlen;
  if (o.kind == H_MD5) {
    store_le32(lp, (uint32_t)bits_lo);
    store_le32(lp + 4, (uint32_t)(bits_lo >> 32));
  } else if (lenbytes == 16) {
    store_be64(lp, bits_hi);
    store_be64(lp + 8, bits_lo);
  } else {
    store_be64(lp, bits_lo);
  }
  /* Feed the padding without counting it in the length. */
  uint64_t keep_lo = o.len_lo, keep_hi = o.len_hi;
  hash_feed(&o, pad, total);
  o.len_lo = keep_lo;
  o.len_hi = keep_hi;
  int ds = algos[o.kind].digest_size;
  if (o.kind == H_MD5) {
    for (int i = 0; i < 4; i++) store_le32(out + 4 * i, o.h.w32[i]);
  } else if (bs == 64) {
    uint8_t tmp[32];
    for (int i = 0; i < 8; i++) store_be32(tmp + 4 * i, o.h.w32[i]);
    memcpy(out, tmp, (size_t)ds);
  } else {
    uint8_t tmp[64];
    for (int i = 0; i < 8; i++) store_be64(tmp + 8 * i, o.h.w64[i]);
    memcpy(out, tmp, (size_t)ds);
  }
}

/* ---- Python objects ----------------------------------------------------- */

/* Buffers this long or longer are hashed with the GIL released. */
#define GIL_MIN_SIZE 2048

static int hash_update_value(HashObject *o, Value data) {
  if (val_is_str(data))
    return ERR_INT(err_set(&Exc_TypeError, "Strings must be encoded before hashing"));
  if (!val_is_obj(data) || !(val_is_bytes(data) || val_type(data) == &ByteArrayType ||
                             type_is_subtype(val_type(data), &ByteArrayType)))
    return ERR_INT(err_set(&Exc_TypeError, "object supporting the buffer API required"));
  const char *p;
  size_t n;
  if (!bytes_buffer(data, &p, &n)) return -1;
  if (n < GIL_MIN_SIZE) {
    hash_feed(o, (const uint8_t *)p, n);
    return 0;
  }
  char *copy = NULL;
  if (!val_is_bytes(data)) {
    copy = malloc(n);
    if (!copy) return ERR_INT(err_no_memory());
    memcpy(copy, p, n);
    p = copy;
  }
  /* Another thread may be updating this object with the GIL released:
   * wait for it by letting it run. */
  while (o->busy) {
    GIL_RELEASE();
    GIL_ACQUIRE();
  }
  o->busy = 1;
  GIL_RELEASE();
  hash_feed(o, (const uint8_t *)p, n);
  GIL_ACQUIRE();
  o->busy = 0;
  free(copy);
  return 0;
}

static Value hash_make(int kind, Value data) {
  HashObject *o = (HashObject *)gc_alloc(&HashType, sizeof(HashObject));
  hash_reset(o, kind);
  if (data && hash_update_value(o, data) < 0) return VAL_NULL;
  return (Value)o;
}

static Value h_update(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("update", kw) || !args_count("update", nargs, 1, 1)) return VAL_NULL;
  if (hash_update_value(AS(HashObject, self), args[0]) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value h_digest(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("digest", nargs, 0, 0)) return VAL_NULL;
  HashObject *o = AS(HashObject, self);
  uint8_t out[64];
  hash_final(o, out);
  return bytes_new((const char *)out, (size_t)algos[o->kind].digest_size);
}

static Value h_hexdigest(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("hexdigest", nargs, 0, 0)) return VAL_NULL;
  HashObject *o = AS(HashObject, self);
  uint8_t out[64];
  char hex[129];
  static const char digits[] = "0123456789abcdef";
  hash_final(o, out);
  int ds = algos[o->kind].digest_size;
  for (int i = 0; i < ds; i++) {
    hex[2 * i] = digits[out[i] >> 4];
    hex[2 * i + 1] = digits[out[i] & 15];
  }
  return str_new(hex, (size_t)ds * 2);
}

static Value h_copy(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("copy", nargs, 0, 0)) return VAL_NULL;
  HashObject *src = AS(HashObject, self);
  HashObject *o = (HashObject *)gc_alloc(&HashType, sizeof(HashObject));
  o->kind = src->kind;
  o->len_lo = src->len_lo;
  o->len_hi = src->len_hi;
  o->nbuf = src->nbuf;
  o->h = src->h;
  memcpy(o->buf, src->buf, sizeof o->buf);
  return (Value)o;
}

static Value h_name(Value self) { return str_from_cstr(algos[AS(HashObject, self)->kind].name); }
static Value h_digest_size(Value self) { return val_from_int(algos[AS(HashObject, self)->kind].digest_size); }
static Value h_block_size(Value self) { return val_from_int(algos[AS(HashObject, self)->kind].block_size); }

static Value h_repr(Value self) {
  return str_printf("<%s _hashlib.HASH object @ %p>", algos[AS(HashObject, self)->kind].name, (void *)self);
}

static const NativeDef hash_methods[] = {
    {"update", h_update, NATIVE_METHOD, NULL},
    {"digest", h_digest, NATIVE_METHOD, NULL},
    {"hexdigest", h_hexdigest, NATIVE_METHOD, NULL},
    {"copy", h_copy, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef hash_getsets[] = {
    {"name", h_name, NULL},
    {"digest_size", h_digest_size, NULL},
    {"block_size", h_block_size, NULL},
    {NULL, NULL, NULL},
};

TypeObject HashType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_hashlib.HASH",
    .instance_size = sizeof(HashObject),
    .repr = h_repr,
    .methods = hash_methods,
    .getsets = hash_getsets,
};

/* ---- module functions --------------------------------------------------- */

#define CONSTRUCTOR(fn, kind, sig)                                             \
  static Value fn(Value self, Value *args, size_t nargs, TupleObject *kw) {     \
    static ArgSpec spec = ARGSPEC(sig);                                         \
    Value a[2];                                                                 \
    if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;                 \
    return hash_make(kind, a[0]);                                               \
  }
CONSTRUCTOR(m_md5, H_MD5, "openssl_md5(string=b'', *, usedforsecurity=True)")
CONSTRUCTOR(m_sha1, H_SHA1, "openssl_sha1(string=b'', *, usedforsecurity=True)")
CONSTRUCTOR(m_sha224, H_SHA224, "openssl_sha224(string=b'', *, usedforsecurity=True)")
CONSTRUCTOR(m_sha256, H_SHA256, "openssl_sha256(string=b'', *, usedforsecurity=True)")
CONSTRUCTOR(m_sha384, H_SHA384, "openssl_sha384(string=b'', *, usedforsecurity=True)")
CONSTRUCTOR(m_sha512, H_SHA512, "openssl_sha512(string=b'', *, usedforsecurity=True)")

static Value m_new(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("new(name, data=b'', **kwargs)");
  Value a[3];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  if (!val_is_str(a[0])) return err_set(&Exc_TypeError, "new() argument 'name' must be str, not %T", a[0]);
  const char *name = str_cstr(a[0]);
  char low[16];
  size_t n = strlen(name);
  if (n < sizeof low) {
    for (size_t i = 0; i <= n; i++) low[i] = (char)((name[i] >= 'A' && name[i] <= 'Z') ? name[i] + 32 : name[i]);
    for (int k = 0; k < H_COUNT; k++)
      if (strcmp(low, algos[k].name) == 0) return hash_make(k, a[1]);
  }
  return err_set(&Exc_ValueError, "unsupported hash type %s", name);
}

/* ---- pbkdf2_hmac (RFC 8018) over HMAC (RFC 2104) -------------------------- */

typedef struct {
  HashObject inner, outer; /* states after absorbing key^ipad / key^opad */
} HmacKey;

static void hmac_init(HmacKey *k, int kind, const uint8_t *key, size_t keylen) {
  size_t bs = (size_t)algos[kind].block_size;
  uint8_t kb[128], pad[128];
  memset(kb, 0, sizeof kb);
  if (keylen > bs) {
    HashObject t;
    hash_reset(&t, kind);
    hash_feed(&t, key, keylen);
    hash_final(&t, kb);
  } else {
    memcpy(kb, key, keylen);
  }
  hash_reset(&k->inner, kind);
  hash_reset(&k->outer, kind);
  for (size_t i = 0; i < bs; i++) pad[i] = kb[i] ^ 0x36;
  hash_feed(&k->inner, pad, bs);
  for (size_t i = 0; i < bs; i++) pad[i] = kb[i] ^ 0x5c;
  hash_feed(&k->outer, pad, bs);
}

/* out = HMAC(key, a || b) (b may be empty). */
static void hmac_run(const HmacKey *k, const uint8_t *a, size_t alen, const uint8_t *b, size_t blen, uint8_t *out) {
  HashObject h = k->inner;
  uint8_t mid[64];
  hash_feed(&h, a, alen);
  if (blen) hash_feed(&h, b, blen);
  hash_final(&h, mid);
  HashObject o = k->outer;
  hash_feed(&o, mid, (size_t)algos[k->inner.kind].digest_size);
  hash_final(&o, out);
}

static bool bytes_like_arg(Value v, const char **p, size_t *n) {
  if (!val_is_obj(v) || !(val_is_bytes(v) || type_is_subtype(val_type(v), &ByteArrayType))) {
    err_set(&Exc_TypeError, "a bytes-like object is required, not '%T'", v);
    return false;
  }
  return bytes_buffer(v, p, n);
}

static Value m_pbkdf2_hmac(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)");
  Value a[5];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  if (!val_is_str(a[0]))
    return err_set(&Exc_TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %T", a[0]);
  int kind = -1;
  for (int k = 0; k < H_COUNT; k++)
    if (strcmp(str_cstr(a[0]), algos[k].name) == 0) kind = k;
  const char *pw, *salt;
  size_t pwlen, saltlen;
  if (!bytes_like_arg(a[1], &pw, &pwlen) || !bytes_like_arg(a[2], &salt, &saltlen)) return VAL_NULL;
  if (!val_is_intlike(a[3]))
    return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[3]);
  int64_t iters, dklen;
  if (!int_to_i64(a[3], &iters)) return VAL_NULL;
  if (iters < 1) return err_set(&Exc_ValueError, "iteration value must be greater than 0.");
  if (kind < 0) return err_set(&Exc_ValueError, "unsupported hash type %s", str_cstr(a[0]));
  int ds = algos[kind].digest_size;
  if (!a[4] || a[4] == VAL_NONE) {
    dklen = ds;
  } else {
    if (!val_is_intlike(a[4]))
      return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[4]);
    if (!int_to_i64(a[4], &dklen)) return VAL_NULL;
    if (dklen < 1) return err_set(&Exc_ValueError, "key length must be greater than 0.");
  }
  /* Private copies: the loop runs without the GIL. */
  uint8_t *buf = malloc(pwlen + saltlen + (size_t)dklen + 1);
  if (!buf) return err_no_memory();
  uint8_t *pwc = buf, *saltc = buf + pwlen, *out = buf + pwlen + saltlen;
  memcpy(pwc, pw, pwlen);
  memcpy(saltc, salt, saltlen);
  GIL_RELEASE();
  HmacKey key;
  hmac_init(&key, kind, pwc, pwlen);
  for (uint32_t block = 1, done = 0; done < (uint32_t)dklen; block++) {
    uint8_t be[4] = {(uint8_t)(block >> 24), (uint8_t)(block >> 16), (uint8_t)(block >> 8), (uint8_t)block};
    uint8_t u[64], t[64];
    hmac_run(&key, saltc, saltlen, be, 4, u);
    memcpy(t, u, (size_t)ds);
    for (int64_t j = 1; j < iters; j++) {
      hmac_run(&key, u, (size_t)ds, NULL, 0, u);
      for (int i = 0; i < ds; i++) t[i] ^= u[i];
    }
    uint32_t take = (uint32_t)dklen - done < (uint32_t)ds ? (uint32_t)dklen - done : (uint32_t)ds;
    memcpy(out + done, t, take);
    done += take;
  }
  GIL_ACQUIRE();
  Value r = bytes_new((const char *)out, (size_t)dklen);
  free(buf);
  return r;
}

static const NativeDef hashlib_functions[] = {
    {"pbkdf2_hmac", m_pbkdf2_hmac, 0, NULL},
    {"new", m_new, 0, NULL},       {"md5", m_md5, 0, NULL},       {"sha1", m_sha1, 0, NULL},
    {"sha224", m_sha224, 0, NULL}, {"sha256", m_sha256, 0, NULL}, {"sha384", m_sha384, 0, NULL},
    {"sha512", m_sha512, 0, NULL}, {NULL, NULL, 0, NULL},
};

static int hashlib_init(Value module) {
  type_ready(&HashType);
  Value d = module_dict(module);
  Value names = set_new(VAL_NULL);
  for (int k = 0; k < H_COUNT; k++)
    if (set_add(names, str_from_cstr(algos[k].name)) < 0) return -1;
  dict_set_cstr(d, "algorithms_guaranteed", names);
  dict_set_cstr(d, "algorithms_available", names);
  dict_set_cstr(d, "HASH", (Value)&HashType);
  return 0;
}

const NativeModuleDef hashlib_module_def = {"hashlib", hashlib_functions, hashlib_init};
