print({}.fromkeys('ab'))
f = {}.fromkeys
print(f('xy', 1))
print(dict.fromkeys('ab'))
class D(dict): pass
print(D().fromkeys('a'), type(D().fromkeys('a')))
print(int.from_bytes(b'\x01', 'big'), (5).from_bytes(b'\x01\x00', 'little'))
print(bytes.fromhex('41'), b''.fromhex('4142'))
print(type(dict.__dict__['fromkeys']).__name__)
try:
    dict.__dict__['fromkeys']({}, 'ab')
except TypeError as e:
    print(e)
