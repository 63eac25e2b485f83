b = b"hello world"
print(b, len(b), b[0], b[-1], b[:5], b[::-1], b.upper(), b.split(), b.replace(b"o", b"0"))
print(b"abc" + b"def", b"ab" * 3, b"ell" in b, 104 in b, b.find(b"o"), b.count(b"l"), b.startswith(b"he"))
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), b"\xc3\xa9".decode(), b"abc".decode("ascii"))
print(b"\x00\x01\x7f\x80\xff", b"'", b'"', b"'\"", b"\t\n\r\\")
print(b"abc".hex(), bytes.fromhex("414243"), list(b"AB"), b"a,b".split(b","), b" x ".strip())
print(b"a" < b"b", b"abc" == b"abc", hash(b"x") == hash(b"x"), b"-".join([b"a", b"b"]))
ba = bytearray(b"abc")
ba.append(100); ba.extend(b"ef"); ba[0] = 65
print(ba, len(ba), ba[1], bytes(ba), ba.decode())
ba += b"!"
print(ba, ba.pop(), ba)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    b[0] = 1
except TypeError as e:
    print(e)
print("caf\u00e9".encode("utf-8"), "abc".encode("ascii"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(b'{"message": "hello"}')
