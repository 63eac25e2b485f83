s = "naïve café ☕ 中文"
print(len(s), s[2], s[-1], s[11], s[6:10], s[::-1])
for ch in "añ☕":
    print(ch, ord(ch), hex(ord(ch)))
print(chr(97), chr(233), chr(0x4e2d), chr(128512))
print(s.upper(), s.find("☕"), s.index("中"), s.count("a"))
print(list("día"), "día".encode("utf-8"), b"d\xc3\xada".decode("utf-8"))
print(sorted("bäac"), max("héllo"), min("héllo"))
print("ÀB".lower(), "straße".upper(), "ǅ".lower())
