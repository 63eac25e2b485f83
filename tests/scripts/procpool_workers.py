# ProcessPoolExecutor: workers forked once (all max_workers at the first
# submit), named as CPython names them, map with chunksize and several
# iterables, what crosses the pipes and back, and how send errors read.
import collections
import datetime
import functools
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor

Pair = collections.namedtuple('Pair', 'a b')


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


class AppError(Exception):
    def __init__(self, code, text):
        super().__init__(code, text)
        self.code = code


class Slotted:
    __slots__ = ('a', 'b')


class Cached:
    def __init__(self, n):
        self.n = n
        self.cache = 'big'

    def __getstate__(self):
        return {'n': self.n}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = None


class Tagged(list):
    pass


def square(x):
    return x * x


def add(a, b, c=0):
    return a + b + c


def ident(x):
    return x


def whoami(_):
    p = mp.current_process()
    return os.getpid(), p.name, p._identity, type(p).__name__, mp.parent_process().name


def app_fail(code):
    raise AppError(code, 'failed with %d' % code)


def give_lambda():
    return lambda: 1


def give_generator():
    return (i for i in range(3))


def outer():
    def inner():
        return 1
    return inner


module_lambda = lambda: 1


def make_local():
    class Local:
        pass
    return Local()

counter = [0]


def init(start):
    counter[0] = start


def count(_):
    counter[0] += 1
    return counter[0]


def show_error(f):
    e = f.exception()
    cause = type(e.__cause__).__name__
    print(' ', type(e).__module__, type(e).__name__, str(e).split(' at 0x')[0], cause)


if __name__ == '__main__':
    ex = ProcessPoolExecutor(max_workers=2)
    print(len(ex._processes))
    print(ex.submit(square, 7).result())
    # Both workers exist as soon as the pool started.
    print(sorted(p.name for p in ex._processes.values()))
    print(sorted(p.name for p in mp.active_children()))
    infos = set(ex.map(whoami, range(40)))
    pids = {i[0] for i in infos}
    print(pids <= set(ex._processes), os.getpid() not in pids)
    print(all(i[1] == 'ForkProcess-%d' % i[2] for i in infos),
          {i[3] for i in infos}, {i[4] for i in infos})

    print(list(ex.map(square, range(10), chunksize=3)))
    print(list(ex.map(add, [1, 2, 3], [10, 20, 30, 40], chunksize=2)))
    print(list(ex.map(square, [], chunksize=5)))
    print(ex.submit(add, 1, 2, c=3).result())
    print(ex.submit(functools.partial(add, 100, c=1), 5).result())
    print(ex.submit(Point(3, 4).norm2).result())
    print(ex.submit(pow, 2, 10).result())
    try:
        ex.map(square, [1], chunksize=0)
    except ValueError as e:
        print('ValueError', e)

    values = [None, True, False, 0, -2 ** 70, 1.5, float('inf'), 2 + 3j,
              'é\n\x00', 'lone \udcff', b'\x00\xff', bytearray(b'xy'), (1, (2,)), [1, [2]],
              {'a': {1: [None]}}, {1, 2}, frozenset({3}), range(2, 9, 3),
              Pair(1, 'b'), ValueError('v', 1), Point, square]
    for v in values:
        back = ex.submit(ident, v).result()
        print(' ', type(back).__name__, back.args if isinstance(back, Exception) else repr(back).split(' at 0x')[0])
    numbers = [list(range(-5, 100)), tuple(x / 7 for x in range(50)),
               [1, 2.5] * 10, [True] * 10 + [3], [float('nan')] * 9]
    back = ex.submit(ident, numbers).result()
    print(back[:4] == numbers[:4], [type(x).__name__ for x in back[3][-2:]],
          [repr(x) for x in back[4][:2]], type(back[1]).__name__)
    counts = ex.submit(collections.Counter, 'abracadabra').result()
    print(type(counts).__name__, counts.most_common(2))
    for v in (collections.OrderedDict(b=1, a=2), collections.defaultdict(list, a=[1]),
              collections.deque([1, 2, 3], 2), datetime.date(2024, 2, 29),
              datetime.timedelta(hours=5)):
        print(' ', repr(ex.submit(ident, v).result()))
    s = Slotted()
    s.a = 5
    back = ex.submit(ident, s).result()
    print(type(back).__name__, back.a, hasattr(back, 'b'))
    back = ex.submit(ident, Cached(3)).result()
    print(back.n, back.cache)
    t = Tagged([1, 2])
    t.label = 'x'
    back = ex.submit(ident, t).result()
    print(type(back).__name__, back, back.label)
    p = ex.submit(ident, Point(1, 2)).result()
    print(type(p).__name__, p.x, p.y)

    f = ex.submit(app_fail, 7)
    e = f.exception()
    print(type(e).__name__, e.args, e.code, type(e.__cause__).__name__)
    print('AppError: (7' in e.__cause__.tb)
    try:
        f.result()
    except AppError as err:
        print('caught', err)

    print('cannot send:')
    for fn, args in ((module_lambda, ()), (outer(), ()), (ident, (module_lambda,)),
                     (ident, (give_generator(),)), (ident, (make_local(),)), (ident, (os,))):
        show_error(ex.submit(fn, *args))
    print('cannot send back:')
    for fn in (give_lambda, give_generator, make_local):
        show_error(ex.submit(fn))
    print(ex.submit(square, 9).result())
    ex.shutdown()
    print(ex._processes, mp.active_children())

    with ProcessPoolExecutor(max_workers=1, initializer=init, initargs=(100,)) as ex:
        print([ex.submit(count, i).result() for i in range(3)])
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print(e)
    try:
        ProcessPoolExecutor(max_workers=0)
    except ValueError as e:
        print(e)
    try:
        ProcessPoolExecutor(initializer=5)
    except TypeError as e:
        print(e)
    for kw in ({'max_tasks_per_child': 0}, {'max_tasks_per_child': 'x'},
               {'max_tasks_per_child': 2, 'mp_context': mp.get_context('fork')}):
        try:
            ProcessPoolExecutor(**kw)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    default = ProcessPoolExecutor()
    print(default._max_workers == os.cpu_count())
    default.shutdown()
