# struct: the Struct class, pack_into/unpack_from offsets, iter_unpack and
# a small length-prefixed message protocol.
import struct

s = struct.Struct('<hh')
print(type(s).__name__, s.format, s.size, s.pack(1, -2), s.unpack(b'\x01\x00\xfe\xff'))
print(struct.Struct(b'>I').format, struct.Struct(format='!H').size)
print(s.unpack_from(b'xx\x01\x00\x02\x00', 2), s.unpack_from(buffer=b'\x01\x00\x02\x00'), s.unpack_from(b'..\x01\x00\x02\x00', offset=2))
print(list(s.iter_unpack(b'abcdefgh')), isinstance(s, struct.Struct))

class Header(struct.Struct):
    def __init__(self):
        super().__init__('!BHI')

h = Header()
print(type(h).__name__, h.size, h.format, h.pack(1, 2, 3))

buf = bytearray(12)
struct.pack_into('>I', buf, 2, 0x01020304)
s.pack_into(buf, 8, 7, 8)
struct.pack_into('<h', buf, -2, -1)
print(buf)
print(struct.unpack_from('>I', buf, 2), struct.unpack_from('<h', buf, -2), struct.unpack_from('<h', buf, offset=-4))

it = struct.iter_unpack('<h', b'abcdef')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__(), list(it))
print(iter(it) is it)

# messages: a 2-byte kind, a 4-byte length, the payload
HEAD = struct.Struct('!HI')

def encode(kind, payload):
    return HEAD.pack(kind, len(payload)) + payload

def decode(stream):
    out = []
    pos = 0
    while pos < len(stream):
        kind, n = HEAD.unpack_from(stream, pos)
        pos += HEAD.size
        out.append((kind, stream[pos:pos + n]))
        pos += n
    return out

stream = b''.join(encode(k, p) for k, p in [(1, b'hello'), (2, b''), (3, 'gr\u00fc\u00df'.encode())])
print(stream)
print(decode(stream))

# a record layout with native alignment, round-tripped
rec = struct.Struct('@cxhiq?d')
packed = rec.pack(b'A', -3, 100000, -2**40, True, 0.25)
print(rec.size, len(packed), rec.unpack(packed))

# the module functions cache Structs; _clearcache empties that cache
print(struct.calcsize('3i'), struct.calcsize('3i'))
struct._clearcache()
print(struct.calcsize('3i'), sorted(struct.__all__))
print(struct.error.__module__, struct.error.__name__, struct.error.__mro__[1].__name__)

# a Struct is not a format; __init__ again recompiles; an uninitialised one
try:
    struct.pack(struct.Struct('i'), 1)
except TypeError as e:
    print('TypeError', e)
s2 = struct.Struct('i')
s2.__init__('>h')
print(s2.format, s2.size, s2.pack(1))
raw = struct.Struct.__new__(struct.Struct)
print(repr(raw.format), raw.size)
try:
    raw.pack()
except struct.error as e:
    print('error', e)
try:
    struct.Struct('\u00e9')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
try:
    struct.Struct(b'\xff')
except struct.error as e:
    print('error', e)

# several threads packing through the shared format cache and one Struct
import threading
results = [0] * 4

def worker(k):
    total = 0
    for i in range(3000):
        data = struct.pack('>IhQ', i, -k, i * k)
        a, b, c = struct.unpack('>IhQ', data)
        total += a + b + c
        total += HEAD.unpack(HEAD.pack(k, i))[1]
    results[k] = total

threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(results)

# pack_into checks the target's bounds before the items; an __index__ that
# re-initialises the Struct while it packs must not break it
ba = bytearray(4)
for args in ((ba, 2, 'x'), (ba, -9, 'x'), (ba, 0, 'x'), (ba, 1, 2**40)):
    try:
        struct.pack_into('i', *args)
    except struct.error as e:
        print('error', e)
s3 = struct.Struct('>iiii')

class Reinit:
    def __index__(self):
        s3.__init__('>h')
        return 1

print(type(s3.pack(Reinit(), 2, 3, 4)).__name__, s3.format)
s3.__init__('>iiii')
target = bytearray(64)
s3.pack_into(target, 0, Reinit(), 2, 3, 4)
print(s3.format, len(target))
