import os
with open("x.txt", "x") as f:
    f.write("exclusive")
try:
    open("x.txt", "x")
except FileExistsError as e:
    print(type(e).__name__, e)
with open("x.txt", "r+") as f:
    print(f.read(3), f.tell())
    f.seek(0)
    f.write("EX")
    f.seek(0)
    print(f.read())
with open("x.txt", "w") as f:
    print(f.write("abc"), f.tell())
print(open("x.txt").read())
with open("x.txt") as f:
    print(f.readable(), f.writable(), f.seekable())
try:
    with open("x.txt") as f:
        f.write("no")
except Exception as e:
    print(type(e).__name__, e)
try:
    open("x.txt", "q")
except ValueError as e:
    print("ValueError:", e)
os.mkdir("d")
try:
    open("d")
except IsADirectoryError as e:
    print(type(e).__name__, e)
lines = ["a\n", "b\n", "c"]
with open("y.txt", "w") as f:
    f.writelines(lines)
with open("y.txt") as f:
    print(list(f))
with open("y.txt") as f:
    print(f.readline(), f.readline(), f.readline(), repr(f.readline()))
