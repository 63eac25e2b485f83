values = {"a": [1, 2, {"b": (3, 4)}], "c": None}
print(values["a"][2]["b"][1], values.get("c") is None, len(values["a"]))
print(type(values).__name__, type(values["a"][2]).__name__, isinstance(values["a"][2]["b"], tuple))
print(values)
print(str(values) == repr(values), repr(values["a"]))
