for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash", "\x00\x07\x1b", "é ü 中文", "\u200b", "\U0001f600", "\x7f\x80\xa0"]:
    print(repr(s))
print(str("x"), repr(""), ascii("héllo"), ascii("\U0001f600"))
print([1, "a", 'b"c', None, True, 2.5])
print({"key": "value", 1: (2, 3)})
print(("single",), (), ((1,),))
