print(int("42"), int("  -17  "), int("1_000"), int("ff", 16), int("0x1F", 16), int("0b101", 0), int("0o17", 0), int("z", 36))
print(int(3.9), int(-3.9), int(True), int(), int("10", base=8))
for s in ["abc", "1.5", "", "0x10"]:
    try:
        int(s)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print(e)
print(hex(255), hex(-255), oct(8), bin(5), bin(-5))
print(str(123), repr(-45), format(1234567, ","), format(255, "x"), format(255, "#X"), format(42, "08d"))
print((255).bit_length(), (0).bit_length(), (-8).bit_length())
print((1024).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(round(2.5), round(3.5), round(-2.5), round(1234, -2), round(1250, -2))
print(float(7), 7 / 1, 1 / 3)
