# re: findall of word and number patterns over a 1 MB text (str, ASCII and
# non-ASCII), plus a case-insensitive search and a split.
import re

words = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()
parts = []
i = 0
while len(parts) < 160_000:
    parts.append(words[i % len(words)] + ("" if i % 7 else str(i % 1000)))
    i += 1
text = " ".join(parts)[:1_000_000]
uni = text.replace("eta", "ëta")[:1_000_000]
total = 0
for _ in range(3):
    total += len(re.findall(r"\w+", text))
    total += len(re.findall(r"[a-z]+\d+", text))
    total += len(re.findall(r"\b\w+a\b", text))
    total += len(re.findall(r"\w+", uni))
    total += len(re.findall(r"(?i)OMEGA\d*", text))
    total += len(re.split(r"\s+", text))
print(len(text), total)
