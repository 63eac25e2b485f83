# Building a string in a local with += (or x = x + y) is linear: the string
# may grow in place while that variable alone refers to it.  Every way the
# string can become shared must see the value it had then.


def build(n):
    s = ''
    for i in range(n):
        s += 'ab'
    return s


print(len(build(100000)), build(3))


def aliases():
    s = 'start'
    kept = []
    for i in range(5):
        t = s          # another name
        kept.append(s) # a container
        s += str(i)
        s = s + '.'
        print(t, kept[-1], s)
    d = {s: 'key'}
    s += '!'
    print(d, s, d.get(s[:-1]))
    s += s
    print(s)
    s += (s := 'q')
    print(s)


aliases()


def through_locals():
    s = 'x' * 40
    s += 'y'
    snapshot = locals()
    s += 'z'
    print(snapshot['s'][-2:], s[-3:], len(s))


through_locals()


def gen():
    s = 'g'
    for i in range(3):
        s += str(i)
        yield s
        s += '-'


print(list(gen()))


def closures():
    s = 'c'

    def add(x):
        nonlocal s
        s += x
        return s

    add('1')
    s += '2'
    return add('3')


print(closures())


def unicode():
    s = ''
    for ch in 'héllo wörld ✓':
        s += ch
        s += '·'
    print(s, len(s), s[3], s[-2], s.index('w'), s.upper())


unicode()


def others():
    n = 0
    f = 0.5
    items = [1]
    same = items
    other = [1]
    alias = other
    for i in range(3):
        n += i
        f += 1
        items += [i]
        other = other + [i]
    print(n, f, items, same is items, other, alias)
    t = (1,)
    t += (2,)
    b = b'x'
    b += b'y'
    big = 2 ** 62
    big += big
    print(t, b, big)

    class Acc:
        def __init__(self):
            self.v = []

        def __iadd__(self, x):
            self.v.append(x)
            return self

        def __add__(self, x):
            return 'added'

    a = Acc()
    a += 1
    a += 2
    print(a.v)
    a = a + 3
    print(a)


others()


def errors():
    s = 'a'
    try:
        s += 1
    except TypeError as e:
        print('TypeError:', e)
    x = 1
    try:
        x = x + 'a'
    except TypeError as e:
        print('TypeError:', e)
    try:
        u += 'x'
        u = ''
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    print(s, x)


errors()


def joined(n):
    s = ''
    for i in range(n):
        s += f'{i},'
    return s


r = joined(20000)
print(r == ''.join(f'{i},' for i in range(20000)), hash(r) == hash(''.join(f'{i},' for i in range(20000))))
print(sorted({joined(3), joined(3) + '', 'x'}))


def traceback_line():
    s = 'a'
    s = s + None


try:
    traceback_line()
except TypeError as e:
    import traceback
    print(traceback.format_exc().splitlines()[-3:])
