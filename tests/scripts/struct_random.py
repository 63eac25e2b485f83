# struct: randomized formats (orders, counts, every code) packed from a pool
# of in- and out-of-range values, unpacked back, and unpack_from on noise.
import random, struct
rng = random.Random(3)
out = []
codes = 'xcbB?hHiIlLqQnNefdspP'
vals = [0, 1, -1, 127, 128, 255, 256, -129, 32767, 32768, 65535, 65536, 2**31, 2**32, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -2**63, -2**63 - 1,
        0.5, -1.5, 1e38, 1e39, 65504.0, 65505.0, 1e-8, float('inf'), float('nan'), True, b'a', b'', b'abcdef', bytearray(b'xy'), 'a', None]
for trial in range(1500):
    order = rng.choice(['', '@', '=', '<', '>', '!'])
    parts = []
    for _ in range(rng.randrange(1, 4)):
        c = rng.choice(codes)
        cnt = rng.choice(['', '', '0', '1', '2', '3'])
        parts.append(cnt + c)
    fmt = order + ''.join(parts)
    try:
        n = len(struct.unpack(fmt, bytes(struct.calcsize(fmt))))
        args = [rng.choice(vals) for _ in range(n)]
        data = struct.pack(fmt, *args)
        r = struct.unpack(fmt, data)
        out.append(repr((fmt, data, r)))
    except Exception as e:
        out.append(fmt + ' ' + type(e).__name__ + ' ' + str(e))
    raw = bytes(rng.randrange(256) for _ in range(64))
    try:
        out.append(repr(struct.unpack_from(fmt, raw)))
    except Exception as e:
        out.append(type(e).__name__ + ' ' + str(e))
print("\n".join(out))
