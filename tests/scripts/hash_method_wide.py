# hash() of an object whose __hash__ returns an int: a result that fits a
# machine word is used as it is (CPython's slot_tp_hash); only wider ints are
# reduced as hash(int) reduces them; -1 becomes -2.
class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


for h in (0, 5, -1, -2, 2**61 - 2, 2**61, 2**62, -2**62, 2**63 - 1, -2**63,
          2**63, -2**63 - 1, 2**64, 2**100 + 7, -2**100, True):
    print(h, hash(H(h)))


class N(int):
    pass


print(hash(H(N(2**62 + 3))), hash(H(N(2**64 + 3))))
print(hash(H(hash('some text'))) == hash('some text'))
d = {H(2**62): 'wide'}
print([v for k, v in d.items()], hash(list(d)[0]))
