for s in ['', 'a', 'ab', 'abcdefgh', 'abcdefghi', 'hello world, this is long', 'é', 'café', 'ÿx', 'Ā', 'naïve€', '€', '日本語テキスト', '😀', 'a😀b', 'x'*100]:
    print(repr(s), hash(s))
for b in [b'', b'a', b'abcdefghij', bytes(range(256))]:
    print(hash(b))
print(set([chr(c) for c in range(97, 102)]))
print(set('hello world'))
print(set(["apple", "banana", "cherry", "date", "elderberry", "fig", "grape"]))
print(frozenset({'x', 'y', 'z'}))
print(hash(frozenset({'x', 'y'})))
print(hash(('a', 1)))
