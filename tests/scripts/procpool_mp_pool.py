# multiprocessing.Pool: workers forked once and named ForkPoolWorker-N,
# map/starmap/imap in chunks as CPython sends them, errors from a chunk.
import multiprocessing as mp
import os


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail_on(x):
    if x == 13:
        raise ValueError('unlucky %d' % x)
    return x


def who(_):
    p = mp.current_process()
    return os.getpid(), p.name, p._identity, mp.parent_process().name


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        infos = set(pool.map(who, range(50), chunksize=1))
        pids = {i[0] for i in infos}
        print(len(pids) <= 2, os.getpid() not in pids)
        print(all(i[1] == 'ForkPoolWorker-%d' % i[2] for i in infos), {i[3] for i in infos})
        print(pool.map(square, range(20)))
        print(pool.map(square, range(20), chunksize=7))
        print(pool.map(square, iter(range(5)), 2))
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)], chunksize=2))
        print(list(pool.imap(square, range(10), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(10), chunksize=4)))
        got = []
        r = pool.map_async(square, [], callback=got.append)
        print(r.get(), got)
        r = pool.map_async(square, range(4), callback=got.append)
        r.wait()
        print(r.get(), got)
        try:
            pool.map(fail_on, range(30), chunksize=5)
        except ValueError as e:
            print('ValueError', e)
        it = pool.imap(fail_on, range(20), chunksize=4)
        out = []
        try:
            for x in it:
                out.append(x)
        except ValueError as e:
            print('imap stopped after', len(out), e)
        try:
            pool.imap(square, range(3), chunksize=0)
        except ValueError as e:
            print(e)
