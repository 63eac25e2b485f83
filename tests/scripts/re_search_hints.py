# re: searches that skip ahead to where a match can start (a first
# literal, a first character set, line starts under MULTILINE) find the
# same matches as trying every position.
import re

text = "alpha 12 Beta σίγμα\nγάμμα 7 delta\n\nÉpsilon ω 345\nzeta"
for p in [r"\d+|delta", r"(?i)σ|E", r"[^\x00-\x7f]+", r"(?i)ΓΆΜΜΑ|zeta", r"(?m)^\w", r"(?m)^$",
          r"(?m)^[A-Zɐ-ʯΑ-Ω]", r"ω|7", r"(?:x|y)*z", r"(a|b)?c?", r"(?:ζ|η|ω)\s\d", r"[ωa]l?",
          r"(?i)[É]p", r"é", r"(?i)é", r"\bB|\bd", r"(?s).a$", r"(?m)a$", r"(?:\s|^)\d"]:
    print(repr(p), [m.span() for m in re.finditer(p, text)])
print(re.search("ω", "abc"), re.search("ab|ω", "xxab"), re.findall(r"(?m)^.", "a\nb\n\nc"))
print(re.search(r"(?m)^b", "a\nb", 1), re.search(r"(?m)^b", "ab", 1), re.findall(r"[ab]|Ā", "xĀyb"))
