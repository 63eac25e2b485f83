print({5, 37, 69, 1, 100, 33})
print({"apple", "banana", "cherry", "kiwi"})
print({1.5, 2, (1, 2), b"x", "y_1"})
print({*range(3), 7, 70, 700})
x = 9
print({x, 18, 27, 36, 45})
print(sorted({3, 1, 2}), {v for v in {10, 20, 300}})
