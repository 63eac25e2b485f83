def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("set('aab') == {'a', 'b'}", lambda: set('aab') == {'a', 'b'})
show('frozenset([1, 2])', lambda: frozenset([1, 2]))
show('frozenset()', lambda: frozenset())
show('set([1]).union([2], (3,))', lambda: set([1]).union([2], (3,)))
show('set([1, 2]).intersection([2], [2, 3])', lambda: set([1, 2]).intersection([2], [2, 3]))
show('set([1, 2, 3]).difference([1], [2])', lambda: set([1, 2, 3]).difference([1], [2]))
show('{1, 2}.isdisjoint({3})', lambda: {1, 2}.isdisjoint({3}))
show('{1}.issubset([1, 2])', lambda: {1}.issubset([1, 2]))
show('{1, 2}.issuperset((1,))', lambda: {1, 2}.issuperset((1,)))
show('len({1, 1, 1})', lambda: len({1, 1, 1}))
show('2 in {1, 2}', lambda: 2 in {1, 2})
show('[] in {1}', lambda: [] in {1})
