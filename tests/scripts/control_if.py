for x in [-5, 0, 3, 10, 100]:
    if x < 0:
        print(x, "negative")
    elif x == 0:
        print(x, "zero")
    elif x < 10:
        print(x, "small")
    else:
        print(x, "large")
    print("even" if x % 2 == 0 else "odd")
if not []:
    print("empty list is falsy")
if {} or () or "" or 0 or 0.0 or None:
    print("never")
else:
    print("all falsy")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" and "x")
print(not 1, not 0, not None, not "a")
