import collections, functools, itertools, operator, copy, heapq, bisect
Point = collections.namedtuple('Point', ['x', 'y'], defaults=[0])
print(Point(1), Point._field_defaults, Point._make([3, 4]), repr(Point(1, 2)._replace(y=5)))
try: Point(1, 2, 3)
except TypeError as e: print(e)
try: Point(z=1)
except TypeError as e: print(e)
c = collections.Counter(a=3, b=1); c2 = collections.Counter(a=1, c=2)
print(c + c2, c - c2, c & c2, c | c2, c.total(), +c, -collections.Counter(a=-1))
c.update('aaz'); c.subtract({'a': 1}); print(c, sorted(c), c.most_common())
print(collections.Counter('hello').most_common(1), repr(collections.Counter()), collections.Counter({'x': 0}))
dq = collections.deque('abc'); dq.extendleft('xy'); print(dq, dq.index('a'), dq.count('a'), dq[1], len(dq))
dq.remove('a'); dq.reverse(); print(dq, dq.popleft(), dq.pop(), list(dq), repr(collections.deque()))
try: collections.deque().pop()
except IndexError as e: print(e)
od = collections.OrderedDict.fromkeys('abc'); od['a'] = 1; print(od, list(od.keys()), od == dict(od), repr(collections.OrderedDict()))
dd = collections.defaultdict(int); dd['x'] += 1; print(dd, repr(collections.defaultdict(list)), dd.default_factory)
print(collections.ChainMap({'a': 1}))
print(list(itertools.compress('abc', [1, 0, 1])), list(itertools.dropwhile(lambda x: x < 2, [1, 2, 1])), list(itertools.filterfalse(None, [0, 1])))
print(list(itertools.pairwise('abcd')), list(itertools.combinations_with_replacement('ab', 2)), list(itertools.tee('ab', 2)[1]))
print(list(itertools.islice('abcdefg', 1, None, 2)), list(itertools.cycle('ab') for _ in range(0)), next(itertools.cycle('xy')))
print(functools.reduce(lambda a, b: a + b, [], 0), functools.partial(max, 1)(2), repr(functools.partial(max, 1))[:40])
class C:
    @functools.cached_property
    def v(self): print('compute'); return 42
o = C(); print(o.v, o.v)
@functools.singledispatch
def fun(a): return 'default'
@fun.register(int)
def _(a): return 'int'
print(fun(1), fun('x'))
print(operator.neg(3), operator.contains([1], 1), operator.getitem('ab', 1), operator.concat('a', 'b'), operator.truth(0), operator.index(5))
print(heapq.merge([1, 3], [2, 4]).__class__.__name__ if False else list(heapq.merge([1, 3], [2, 4])), heapq.heappushpop([1, 2], 0), bisect.bisect_right([1, 2, 2], 2))
print(copy.deepcopy({'a': [1, {2}]}), copy.copy(Point(1, 2)), copy.deepcopy(C) is C)
P3 = collections.namedtuple('P3', 'a b c')
for args, kw in [((1,), {}), ((), {}), ((1, 2), {'a': 1}), ((1, 2, 3, 4), {}), ((1, 2, 3), {'q': 1})]:
    try: P3(*args, **kw)
    except TypeError as e: print(e)
c = collections.Counter(a=2, b=-1); c += collections.Counter(b=3); print(c); c -= collections.Counter(a=5); print(c)
c |= collections.Counter(z=2); print(c); c &= collections.Counter(z=1, b=9); print(c)
class S:
    __slots__ = ('a', '__b')
    def __init__(self): self.a = 1; self.__b = 2
s2 = copy.copy(S()); print(s2.a, s2._S__b)
class L(list): pass
l = L([1, [2]]); l.tag = 't'; l2 = copy.deepcopy(l); print(type(l2).__name__, l2, l2.tag, l2[1] is l[1])
class D(dict): pass
print(copy.copy(D(a=1)), type(copy.copy(D(a=1))).__name__)
class R:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (R, (self.v * 2,))
print(copy.copy(R(2)).v, copy.deepcopy(R(3)).v)
class I(int): pass
i = I(5); i.x = 1; print(copy.copy(i), copy.copy(i).x, type(copy.deepcopy(i)).__name__)
cyc = []; cyc.append(cyc); c2 = copy.deepcopy(cyc); print(c2[0] is c2)
