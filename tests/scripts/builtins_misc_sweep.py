print(list(zip('ab', 'cd', strict=True)))
try: list(zip('ab', 'c', strict=True))
except ValueError as e: print(e)
try: list(zip('a', 'bc', strict=True))
except ValueError as e: print(e)
print(list(enumerate('ab', start=3)), sum([1, 2], start=10), min([], default=0), max([3, 1], key=None))
print(isinstance(1, int | str), isinstance('a', (int, (str, bytes))), int | None, issubclass(bool, int | float))
print(round(0.5), round(1.5), round(-1.5), round(2.5, 0), round(0.125, 2), round(1e300, -300), round(5, 2), type(round(5.0)))
print(pow(-2, 3, 5), pow(2, -2), pow(-8, 1/3) if False else '', abs(True), abs(-0.0), -(-0.0))
d = {'a': 1, 'b': 2}; print(d.keys() - {'a'}, d.keys() ^ {'b', 'c'}, d.items() & {('a', 1)}, d.keys() <= {'a', 'b', 'c'})
print(sorted(d.keys() | ['z']), d.values().__class__.__name__, list(reversed(d.values())), 'a' in d.keys())
l = [3, 1, 2]
try: l.sort(key=lambda x: 1 / (x - 2))
except ZeroDivisionError: print('sort failed', l)
print(sorted([(1, 'b'), (1, 'a')], key=lambda t: t[0]), sorted('bca', key=str.upper, reverse=True))
print(list(filter(lambda x: x % 2, range(6))), list(map(str, range(3))), any(map(bool, [0, 0])), all(()))
print(divmod(10**30, 10**15 + 7), (-10**30) // 7, (-10**30) % 7, 10**30 // -7)
print(int.__mro__, bool.__mro__, type.__mro__, object.__mro__, type(type), type(object))
print(vars().__class__.__name__, 'f9' if __file__.endswith('f9.py') else __file__, __builtins__.__class__.__name__ if not isinstance(__builtins__, dict) else 'module')
print(id(1) == id(1), (lambda: None)() is None, None.__class__, NotImplemented, Ellipsis, ...)
print(chr(97) + chr(0x1F600), ord('\n'), hex(ord('€')), '\N{BULLET}' if True else '', '\u00e9' == 'é', len('\U0001F600'))
x = [1, 2, 3]; x[1:2] = [7, 8, 9]; print(x, x[-1:-4:-1], x[::2], x[5:1:-2])
t = (1, [2]); t[1].append(3); print(t)
try: t[0] = 5
except TypeError as e: print(e)
try: 'abc'[0] = 'x'
except TypeError as e: print(e)
try: del (1, 2)[0]
except TypeError as e: print(e)
try: {}.x = 1
except AttributeError as e: print(e)
try: (1).real = 5
except AttributeError as e: print(e)
try: len.x = 1
except AttributeError as e: print(e)
