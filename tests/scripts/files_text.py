with open("test.txt", "w") as f:
    f.write("line one\n")
    f.write("line two\n")
    print(f.closed, f.name, f.mode)
print(f.closed)
with open("test.txt") as f:
    print(repr(f.read()))
with open("test.txt", "a") as f:
    f.writelines(["line three\n", "line four\n"])
with open("test.txt") as f:
    for i, line in enumerate(f):
        print(i, line.rstrip())
with open("test.txt") as f:
    print(f.readline(), end="")
    print(f.readlines())
f = open("test.txt", "r")
print(f.read(4), f.read(4))
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open("no_such_file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
with open("utf8.txt", "w", encoding="utf-8") as f:
    f.write("héllo wörld ☕\n")
with open("utf8.txt", encoding="utf-8") as f:
    s = f.read()
print(s, len(s))
import os
print(os.path.exists("test.txt"), os.path.exists("nope.txt"))
os.remove("test.txt")
print(os.path.exists("test.txt"))
