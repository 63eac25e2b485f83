def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot, *rest = xs
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])

data = [(i * 7919 + 13) % 1009 for i in range(500)]
s = quicksort(data)
print(s[:10], s == sorted(data), len(s))
