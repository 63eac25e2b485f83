def solve(n):
    count = 0
    cols = set(); d1 = set(); d2 = set()
    first = None
    board = []
    def place(r):
        nonlocal count, first
        if r == n:
            count += 1
            if first is None:
                first = list(board)
            return
        for c in range(n):
            if c in cols or r - c in d1 or r + c in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); board.append(c)
            place(r + 1)
            cols.remove(c); d1.remove(r - c); d2.remove(r + c); board.pop()
    place(0)
    return count, first

for n in range(4, 9):
    print(n, solve(n))
