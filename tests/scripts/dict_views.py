d = {"a": 1, "b": 2, "c": 3}
ks = d.keys()
print(ks & {"a", "z"}, sorted(ks | {"z"}), sorted(ks - {"a"}), sorted(ks ^ {"a", "q"}))
print(ks == {"a", "b", "c"}, len(d.items()), ("a", 1) in d.items(), 2 in d.values())
print(list(zip(d.keys(), d.values())))
for k, v in d.items():
    d[k] = v * 10
print(d)
print(type(ks).__name__, type(d.values()).__name__, type(d.items()).__name__)
print(d.keys().__repr__(), repr(d.values()))
