# struct: packing and unpacking message headers in a loop, through a
# precompiled Struct, the module functions (format cache) and pack_into /
# unpack_from on a shared bytearray.
import struct

HEAD = struct.Struct('!HHIq')
total = 0
for i in range(300_000):
    data = HEAD.pack(i & 0xFFFF, 7, i * 3, -i)
    a, b, c, d = HEAD.unpack(data)
    total += a + b + c + d

for i in range(200_000):
    data = struct.pack('<idh', i, i * 0.5, i & 0x7FFF)
    x, y, z = struct.unpack('<idh', data)
    total += x + int(y) + z

buf = bytearray(HEAD.size * 64)
for i in range(200_000):
    off = (i % 64) * HEAD.size
    HEAD.pack_into(buf, off, i & 0xFFFF, 1, i, i)
    total += HEAD.unpack_from(buf, off)[2]

blob = struct.pack('<1000I', *range(1000))
for rep in range(100):
    for (v,) in struct.iter_unpack('<I', blob):
        total += v
print(total)
