# Operations on empty bytearrays (which hold no buffer): slice assignment and
# deletion, concatenation both ways, extend, in-place add, conversion.
b = bytearray()
del b[:0]
b[0:0] = b''
del b[:]
print(b + b'', bytes(b) + b, bytearray() + bytearray(), bytes(bytearray()), b'' + bytearray())
b += b''
b.extend(b'')
b.extend(bytearray())
print(b, bytearray(b'x') + bytearray(), bytearray() + b'y', bytes(0), bytearray(b'').join([]))
b[0:0] = b'ab'
del b[0:2]
print(b, len(b), b == b'', bytearray(b'abc')[3:] + bytearray(b'')[0:])
