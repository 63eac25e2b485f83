import hashlib
for name in ["md5","sha1","sha224","sha256","sha384","sha512"]:
    for data in [b"", b"abc", b"a"*55, b"a"*56, b"a"*63, b"a"*64, b"a"*111, b"a"*112, b"a"*127, b"a"*128, bytes(range(256))*40]:
        h = hashlib.new(name, data)
        h2 = getattr(hashlib, name)()
        for i in range(0, len(data), 7): h2.update(data[i:i+7])
        assert h.hexdigest() == h2.hexdigest()
        print(name, len(data), h.hexdigest(), h.digest()[:4], h.digest_size, h.block_size, h.name)
    c = getattr(hashlib, name)(b"x"); d = c.copy(); d.update(b"y"); print(c.hexdigest()[:8], d.hexdigest()[:8])
print(hashlib.sha384(bytearray(b"x"*5000)).hexdigest())
try: hashlib.sha384("abc")
except TypeError as e: print(e)
try: hashlib.md5(5)
except TypeError as e: print(e)
try: hashlib.new("foo")
except ValueError as e: print(e)
print(hashlib.new("SHA256", b"q").hexdigest())
print(sorted(hashlib.algorithms_guaranteed & {"md5","sha1","sha256","sha384","sha512","sha224"}))
print(repr(hashlib.md5())[:27])
