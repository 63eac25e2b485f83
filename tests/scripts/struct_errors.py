# struct: error paths and their CPython wording.
import struct

def t(fn, *a, **k):
    try:
        r = fn(*a, **k)
    except Exception as e:
        print(getattr(fn, '__name__', fn), type(e).__name__, e)
    else:
        print(getattr(fn, '__name__', fn), 'ok', r)

for order in '@<>!=':
    for c in 'bBhHiIlLqQnNP':
        for v in (-2**70, 2**70, -1, 2**64, 2**63, 2**32, 2**31, -2**31 - 1, 2**15, 300, -129, 1.5, 'x', None):
            try:
                struct.pack(order + c, v)
            except Exception as e:
                print(order + c, v, type(e).__name__, e)

class Bad:
    def __index__(self):
        return 'x'

class Big:
    def __index__(self):
        return 2**70

t(struct.pack, 'i', Bad())
t(struct.pack, 'q', Big())
t(struct.pack, 'c', 1); t(struct.pack, 'c', b'ab'); t(struct.pack, 'c', 'a'); t(struct.pack, 'c', bytearray(b'a')); t(struct.pack, 'c', b'')
t(struct.pack, 'e', 1e10); t(struct.pack, 'e', 65520.0); t(struct.pack, 'e', 10**6); t(struct.pack, '>f', 1e40); t(struct.pack, '>f', 10**40)
t(struct.pack, 'f', 'x'); t(struct.pack, 'd', 'x'); t(struct.pack, 'd', 2**2000); t(struct.pack, 'e', 2**2000)
t(struct.pack, 's', 1); t(struct.pack, 'p', 'x'); t(struct.pack, 's', 'x')
t(struct.pack, 'i'); t(struct.pack, 'ii', 1); t(struct.pack, 'i', 1, 2); t(struct.pack, '0s'); t(struct.pack, '2i', 1, 2.0)
t(struct.pack, 'z'); t(struct.pack, '3'); t(struct.pack, '<P'); t(struct.pack, '<n'); t(struct.pack, '=N'); t(struct.pack, 'i\0')
t(struct.calcsize, '99999999999999999999i'); t(struct.calcsize, '9223372036854775807q'); t(struct.calcsize, 5)
t(struct.pack); t(struct.pack, 5); t(struct.pack, 'i', x=1); t(struct.calcsize); t(struct.Struct, 5); t(struct.Struct); t(struct.Struct, 'z')
t(struct.unpack, 'i', b'abc'); t(struct.unpack, 'i', 'abcd'); t(struct.unpack, 'i', 5); t(struct.unpack, 'i'); t(struct.unpack, 'i', b'aaaa', 1)
t(struct.unpack, 'i', buffer=b'aaaa')
t(struct.unpack_from, 'i', b'abcdefg', 4); t(struct.unpack_from, 'i', b'abcdefg', -3); t(struct.unpack_from, 'i', b'abcdefg', -9)
t(struct.unpack_from, 'i', b'abcdefg', 9); t(struct.unpack_from, 'i', b'ab'); t(struct.unpack_from, 'i', b'abcd', 'x')
ba = bytearray(8)
t(struct.pack_into, 'i', ba, 6, 7); t(struct.pack_into, 'i', ba, -2, 7); t(struct.pack_into, 'i', ba, -9, 7); t(struct.pack_into, 'i', ba, 9, 7)
t(struct.pack_into, 'i', b'12345678', 0, 7); t(struct.pack_into, 'i', ba, 0); t(struct.pack_into, 'i', ba); t(struct.pack_into, 'i', ba, 'x', 1)
t(struct.pack_into, 'i', ba, 0, 'x')
print(ba)
t(struct.iter_unpack, 'i', b'abcde'); t(struct.iter_unpack, 'x0i', b'ab'); t(struct.iter_unpack, '', b''); t(struct.iter_unpack, 'i')
t(struct.iter_unpack, 'i', 'abcd')
s = struct.Struct('hh')
t(s.pack, 1); t(s.pack, x=1); t(s.unpack, b'abc'); t(s.unpack); t(s.unpack, x=1); t(s.iter_unpack, x=1); t(s.pack_into, x=1)
t(s.unpack_from, b'a'); t(s.pack, 1, 2**15); t(s.pack, 1, 'a')
try:
    struct.pack('B', 256)
except struct.error as e:
    print('caught', isinstance(e, Exception), e.args)
t(struct.unpack, '0p', b'')
t(struct.unpack, '>h0p', b'\x00\x01')
t(struct.pack, '0p', b'abc')

# unpack_from's argument binding
s4 = struct.Struct('i')
for fn, a, k in ((struct.unpack_from, (), {}), (struct.unpack_from, ('i',), {}), (struct.unpack_from, ('i', b'aaaa', 0, 1), {}),
                 (struct.unpack_from, ('i', b'aaaa'), {'buffer': b''}), (struct.unpack_from, ('i', b'aaaa'), {'x': 1}),
                 (struct.unpack_from, ('i',), {'offset': 1}), (struct.unpack_from, (), {'format': 'i', 'buffer': b'aaaa'}),
                 (s4.unpack_from, (), {}), (s4.unpack_from, (b'aaaa', 0, 1), {}), (s4.unpack_from, (b'aaaa',), {'buffer': b''}),
                 (s4.unpack_from, (b'aaaa',), {'x': 1}), (s4.unpack_from, (), {'offset': 0}), (struct.unpack_from, ('i',), {'x': 1}),
                 (s4.unpack_from, (), {'x': 1}), (struct.unpack_from, ('i', b'', 0), {'buffer': 1}),
                 (s4.unpack_from, (b'',), {'offset': 1, 'buffer': 2}), (struct.unpack_from, ('>h',), {'buffer': b'\x00\x05'}),
                 (struct.unpack_from, ('>h',), {'offset': 1, 'buffer': b'\x00\x00\x05'}), (s4.unpack_from, (), {'buffer': b'\x01\x00\x00\x00'}),
                 (s4.unpack_from, (b'\x01\x00\x00\x00',), {'offset': 1})):
    t(fn, *a, **k)

# Struct() binding, and the iterator type cannot be made directly
for a, k in ((('i', 'j'), {}), ((), {'format': 'i', 'x': 1}), (('i',), {'format': 'i'}), ((), {'x': 1}), (('i', 'j', 'k'), {}),
             ((), {'format': '>q'})):
    t(struct.Struct, *a, **k)
t(type(struct.iter_unpack('b', b'ab')))
print(struct.Struct.__name__, struct.Struct.__module__, type(struct.iter_unpack('b', b'')).__name__)
