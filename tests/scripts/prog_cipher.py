def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

msg = "Hello, World! The quick brown fox."
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
print(rle("aaabccddddde"), rle(""), rle("x"))
groups = {}
for w in ["listen", "silent", "enlist", "google", "gogole", "cat", "act"]:
    groups.setdefault("".join(sorted(w)), []).append(w)
print(list(groups.values()))
print("racecar" == "racecar"[::-1], "A man a plan".replace(" ", "").lower())
