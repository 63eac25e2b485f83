print(0xff, 0XFF, 0o17, 0O17, 0b101, 0B101, 1_000_000, 0x_ff_ff, 1e3, 1E-3, 1.5e+2, .5, 5., 0.0, 00, 1_0.0_1)
print('single', "double", '''triple single''', """triple double""", 'it\'s', "say \"hi\"")
print(r'raw\n', R"raw\t", b'bytes', B"BYTES", rb'raw\bytes', BR"x\y", Rb'\d', u'unicode', U"U")
print('\x41\101\u0041\U00000041\N{LATIN SMALL LETTER E WITH ACUTE}')
print('\a\b\f\v'.encode(), '\0'.encode(), '\x7f'.encode())
print("adjacent " 'strings ' """concatenate""")
print('line1\
line2')
s = """multi
  line
    string"""
print(s)
print(len('\\'), len(r'\\'), r'\'', '\'"')
x = 1 + \
    2
print(x)
y = (1 +
     2 +
     3)
print(y)
z = [
    1,
    2,  # comment inside brackets
]
print(z)
print(1); print(2); a = 3; print(a)
if a: print("one-line if")
for i in range(2): print("one-line for", i)
while False: pass
class One: x = 1
print(One.x)
def one(): return "one-line def"
print(one())
