rows = [("café", 3), ("naïve", 12), ("日本", 7)]
for name, n in rows:
    print(f"{name:<8}|{n:>4}|")
print("%-6s|%3d|" % ("ü", 5))
print("Ω".center(5, "*"), "é".rjust(3, "."), "→".ljust(3, "-") + "|")
print(len("café"), len("café".encode()), "café"[3], "café".upper())
