def f(x):
	if x:
		return "tab indented"
	return "tabs"

def g(x):
    if x:
            return "deep"
    else:
     return "odd"

print(f(1), f(0), g(1), g(0))
if True:
    # comment at deeper level
        # even deeper comment
    print("comments don't affect indentation")

    print("blank lines fine")
def h():
    pass

    
print(h())
data = {
'a': 1,
        'b': 2,
}
print(data)
result = [x
  for x in range(3)
      if x]
print(result)
