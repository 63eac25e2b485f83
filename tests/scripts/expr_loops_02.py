def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[[j for j in range(i)] for i in range(4)]', lambda: [[j for j in range(i)] for i in range(4)])
show('sorted({i * i % 7 for i in range(20)})', lambda: sorted({i * i % 7 for i in range(20)}))
show('[x for x in [3, 1, 4, 1, 5] if x > 2]', lambda: [x for x in [3, 1, 4, 1, 5] if x > 2])
show('len([1 for _ in range(1000)])', lambda: len([1 for _ in range(1000)]))
show("[bin(i).count('1') for i in range(8)]", lambda: [bin(i).count('1') for i in range(8)])
