def sign(x):
    return "positive" if x > 0 else "negative" if x < 0 else "zero"
print([sign(v) for v in (-2, 0, 3)])
def grade(score):
    return ("A" if score >= 90 else
            "B" if score >= 80 else
            "C" if score >= 70 else "F")
print([grade(s) for s in (95, 85, 75, 10)])
x = None
print(x if x is not None else "default", (lambda: 1)() if True else 0)
vals = [1, None, 3]
print([v if v else 0 for v in vals], sum(v or 0 for v in vals))
print("even" if 4 % 2 == 0 else "odd", "yes" if [] else "no", "yes" if [0] else "no")
