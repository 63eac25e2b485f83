import random


def merge(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    m = len(xs) // 2
    return merge(merge_sort(xs[:m]), merge_sort(xs[m:]))


random.seed(3)
data = [random.randint(0, 500_000) for _ in range(200_000)]
s = merge_sort(data)
print(s[:5], s == sorted(data))
