def todo():
    pass
def stub():
    ...
class Empty:
    pass
class Doc:
    """Only a docstring."""
print(todo(), stub(), Empty(), Doc.__doc__) if False else print(todo(), stub(), type(Empty()).__name__, Doc.__doc__)
for i in range(3):
    pass
print(i)
if True:
    pass
else:
    ...
print(..., Ellipsis, type(...).__name__)
def documented(a):
    "Function docstring."
    return a
print(documented.__doc__, todo.__doc__)
