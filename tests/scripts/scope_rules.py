x = "global"
def read_global():
    return x
def shadow_local():
    x = "local"
    return x
def use_before_assign():
    try:
        print(x)
        x = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
print(read_global(), shadow_local(), x)
use_before_assign()
def set_global():
    global new_global
    new_global = "created"
set_global()
print(new_global)
def outer():
    a = 1
    def inner():
        nonlocal a
        a += 1
        def innermost():
            nonlocal a
            a *= 10
        innermost()
    inner()
    return a
print(outer())
class C:
    attr = "class attr"
    def m(self):
        try:
            return attr
        except NameError as e:
            return "NameError: " + str(e)
print(C().m())
def free_var_error():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
free_var_error()
y = 5
def comp_scope():
    y = 10
    return [y + i for i in range(2)]
print(comp_scope())
