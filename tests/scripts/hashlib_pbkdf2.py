import hashlib
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    for pw, salt, it, dk in [(b"password", b"salt", 1, None), (b"password", b"salt", 2, 20), (b"k" * 200, b"s" * 70, 50, 100), (b"", b"", 3, 7), (bytearray(b"pw"), b"NaCl", 1000, 64)]:
        print(name, hashlib.pbkdf2_hmac(name, pw, salt, it, dk).hex())
for bad in [("sha256", "pw", b"s", 1), ("sha256", b"pw", b"s", 0), ("sha256", b"pw", b"s", 1, 0)]:
    try: hashlib.pbkdf2_hmac(*bad)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
