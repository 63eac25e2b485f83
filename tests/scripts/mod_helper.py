# Imported by modules_import.py.
VALUE = 42
load_count = 1
__all__ = ["public_func", "VALUE"]

def greet(name):
    return "hello " + name

def public_func():
    return "public"

def _private():
    return "private"

print("mod_helper loaded, __name__ =", __name__)
