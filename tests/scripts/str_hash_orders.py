d = {}
for i in range(1000): d[str(i)] = i
for i in range(0, 1000, 2): del d[str(i)]
print(len(d), list(d)[:5], sum(d.values()))
s = set(str(i) for i in range(100)); print(sorted(s)[:5], len(s))
print({'b', 'a', 'c'} == {'a', 'b', 'c'}, set('abc'), frozenset('xyz'), {'apple', 'pie'})
words = 'the quick brown fox jumps over the lazy dog'.split()
print(set(words))
print({w: len(w) for w in words})
print(dict.fromkeys(words))
from collections import Counter
print(Counter(words))
print(set(['x1', 'x2', 'x3', 'y', 'zz', 'hello', 'world']))
print(hash('hello'), hash(b'hello'), hash(('a', 'b')), hash(frozenset(['a'])))
