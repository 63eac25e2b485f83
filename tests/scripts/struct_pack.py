# struct: every format character in every byte order, repeat counts,
# native alignment, and round trips through unpack.
import struct

def show(fmt, *args):
    try:
        data = struct.pack(fmt, *args)
    except (struct.error, OverflowError, TypeError) as e:
        print(fmt, args, type(e).__name__, e)
        return
    back = struct.unpack(fmt, data)
    print(fmt, args, data, back, struct.calcsize(fmt) == len(data))

for order in '@=<>!':
    show(order + 'bBhHiIqQ', -128, 255, -32768, 65535, -2**31, 2**32 - 1, -2**63, 2**64 - 1)
    show(order + 'bBhHiIqQ', 127, 0, 32767, 0, 2**31 - 1, 0, 2**63 - 1, 0)
    show(order + 'lL', -2**31, 2**32 - 1)
    show(order + '?c3s5pxefd', 7, b'Z', b'abcdef', b'hi', 1.5, 0.1, -2.25)
    show(order + '2h3x2?', 1, 2, True, 0)
show('@nNP', -5, 2**63, 4096)
show('@i0q', 3)
show('@bq', 1, 2)
show('@bhiqd', 1, 2, 3, 4, 5.0)
show('=bhiqd', 1, 2, 3, 4, 5.0)
show(' 2 i  h ', 1, 2, 3)
show(b'>HH', 1, 2)
show('')
show('0s0p0i')
show('4x')
show('>Q', 2**64 - 1)
show('<q', True)

class Index:
    def __index__(self):
        return 42

show('>i', Index())
show('>P' if False else '@P', Index())

class Floaty:
    def __float__(self):
        return 2.5

show('<d', Floaty())
show('<f', 3)
show('<e', 2)
show('?', [])
show('?', 'x')

# 's' truncates and pads; 'p' stores a length byte (at most 255).
print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcdef'), struct.pack('s', bytearray(b'q')))
print(struct.pack('4p', b'abcdefg'), struct.pack('1p', b'abc'), struct.pack('300p', b'x' * 300)[:3])
print(struct.unpack('5p', b'\x02abcd'), struct.unpack('3p', b'\x09ab'), struct.unpack('2s3p', b'ab\x05cd'))

# half precision: rounding to nearest even, subnormals, specials.
for x in (1.0009765625, 1.00048828125, 1.00146484375, 6.1e-5, 5.96e-8, 2.98e-8, 2.99e-8,
          -0.0, float('inf'), -float('inf'), 65504.0, 65519.99, 1e-10):
    print('e', x, struct.pack('>e', x), struct.unpack('>e', struct.pack('>e', x)))
print(struct.pack('<e', float('nan')), struct.pack('<e', -float('nan')))
for raw in (b'\x00\x7c', b'\x01\x00', b'\x01\x7c', b'\xff\x7b', b'\x00\x80', b'\x00\x3c'):
    print(raw, struct.unpack('<e', raw))

# float: exact narrowing, overflow only for the standard sizes
print(struct.unpack('>f', struct.pack('>f', 0.1)), struct.pack('>f', 1e-46))
print(struct.pack('f', 1e40), struct.pack('>d', float('inf')))

# unsigned / signed views of the same bytes
data = struct.pack('>I', 0xDEADBEEF)
print(struct.unpack('>i', data), struct.unpack('<I', data), struct.unpack('>2H', data), struct.unpack('4B', data))
print(struct.unpack('>q', b'\xff' * 8), struct.unpack('>Q', b'\xff' * 8), struct.unpack('<Q', b'\x00' * 7 + b'\x80'))
print(struct.unpack('?', b'\x02'), struct.unpack('<?', b'\x00'), struct.unpack('c', b'\xff'))
print(struct.unpack('bytes' if False else '3B', bytearray(b'\x01\x02\x03')))

print(struct.calcsize('@bhilqBHILQnNPefd?cxs'), struct.calcsize('bi'), struct.calcsize('ib'), struct.calcsize('@i0q'),
      struct.calcsize('<bi'), struct.calcsize('b 3x h'), struct.calcsize('@'), struct.calcsize('1000000x'))
