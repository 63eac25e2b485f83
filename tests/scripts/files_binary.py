data = bytes(range(10)) + b"\xff\x00end"
with open("bin.dat", "wb") as f:
    n = f.write(data)
    print(n)
with open("bin.dat", "rb") as f:
    back = f.read()
print(back, back == data, type(back).__name__, len(back))
with open("bin.dat", "rb") as f:
    print(f.read(3), f.read(2))
with open("bin.dat", "ab") as f:
    f.write(b"++")
with open("bin.dat", "rb") as f:
    print(f.read()[-5:])
with open("lines.txt", "w") as f:
    print("via print", 1, 2, file=f)
    print("second", file=f)
print(open("lines.txt").read(), end="")
