import functools, itertools, operator
def deco(f):
    @functools.wraps(f)
    def w(*a, **k): return f(*a, **k)
    return w
@deco
def target(x: int) -> int:
    "doc"
    return x
print(target.__name__, target.__doc__, target.__wrapped__.__name__, target.__annotations__, target.__qualname__)
print(functools.reduce(operator.mul, [1, 2, 3], 10))
try: functools.reduce(operator.add, [])
except TypeError as e: print(e)
@functools.lru_cache(maxsize=2)
def sq(x): return x * x
print([sq(i) for i in (1, 2, 1, 3, 1)], sq.cache_info()); sq.cache_clear(); print(sq.cache_info())
p = functools.partial(operator.sub, 10); print(p(3), p.args, p.keywords)
class Pt:
    def __init__(self, x): self.x = x
    @functools.partialmethod
    def nothing(self): pass
pm = functools.partialmethod if False else None
print(list(itertools.accumulate([1, 2, 3], operator.mul, initial=1)), list(itertools.batched('abcde', 2)) if hasattr(itertools, 'batched') else '')
print(list(itertools.chain.from_iterable(['ab', 'c'])), list(itertools.product([1, 2], 'ab')), list(itertools.islice(itertools.count(), 0, 10, 3)))
print(list(itertools.groupby([1, 1, 2, 3, 3], key=lambda x: x % 2 == 0))[0][0], list(itertools.count(1.5, 0.5).__next__() for _ in range(1)))
c = itertools.count(5); print(next(c), next(c), repr(c))
r = itertools.repeat(1, 3); print(list(r), repr(itertools.repeat('a')))
print(list(itertools.zip_longest([1], [2, 3], [4, 5, 6])), list(itertools.permutations('ab')), list(itertools.combinations(range(4), 3)))
it1, it2 = itertools.tee([1, 2, 3]); next(it1); print(list(it1), list(it2))
print(list(itertools.starmap(operator.add, zip([1, 2], [3, 4]))), list(itertools.compress(range(5), [1, 0, 1])))
print(operator.itemgetter('a')({'a': 1}), operator.attrgetter('x.real')(type('T', (), {'x': 3})()), operator.lt(1, 2), operator.is_(None, None))
print(operator.iadd([1], [2]), operator.not_(0), operator.abs(-2), operator.pow(2, 3), operator.mod(7, 3))
print(repr(itertools.count(2, 3)), repr(itertools.count(1.5)), repr(itertools.count(0, 1.0)), list(zip(itertools.count(), 'ab')))
r = itertools.repeat('z', 2); next(r); print(repr(r), list(itertools.repeat(0, -1)), list(map(pow, range(3), itertools.repeat(2))))
