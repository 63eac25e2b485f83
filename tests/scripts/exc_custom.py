class AppError(Exception):
    pass

class DbError(AppError):
    def __init__(self, table, code):
        super().__init__(f"table {table} failed")
        self.table = table
        self.code = code

try:
    raise DbError("users", 42)
except AppError as e:
    print(type(e).__name__, e, e.table, e.code, e.args)

class WithStr(Exception):
    def __str__(self):
        return "custom message"

try:
    raise WithStr(1, 2)
except Exception as e:
    print(e, repr(e), e.args)

print(issubclass(DbError, Exception), issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(KeyboardInterrupt.__mro__)
print(FileNotFoundError.__mro__)
print(repr(ValueError("a", 1)), str(ValueError("a", 1)), str(KeyError("k")), str(KeyError("k", "j")))
e = ValueError("msg")
print(e.__class__.__name__, e.__traceback__, e.__cause__, e.__context__)
