/* names.h — interned identifiers the runtime looks up by pointer.
 *
 * NAME(__init__) gives the interned StrObject* for "__init__".  Add a name
 * here (one X-macro line) rather than interning a C string in a hot path.
 */
#ifndef GILPY_NAMES_H
#define GILPY_NAMES_H

#include "runtime/object.h"

#define NAMES_LIST(X) \
  X(__init__) X(__new__) X(__del__) X(__repr__) X(__str__) X(__format__) X(__hash__) \
  X(__eq__) X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__bool__) X(__len__) \
  X(__call__) X(__getattr__) X(__getattribute__) X(__setattr__) X(__delattr__) \
  X(__get__) X(__set__) X(__delete__) X(__set_name__) X(__init_subclass__) \
  X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__) X(__missing__) \
  X(__iter__) X(__next__) X(__reversed__) X(__enter__) X(__exit__) \
  X(__aenter__) X(__aexit__) X(__aiter__) X(__anext__) X(__await__) \
  X(__add__) X(__radd__) X(__iadd__) X(__sub__) X(__rsub__) X(__mul__) X(__rmul__) \
  X(__neg__) X(__pos__) X(__abs__) X(__invert__) X(__int__) X(__float__) X(__index__) \
  X(__round__) X(__trunc__) X(__floor__) X(__ceil__) \
  X(__name__) X(__qualname__) X(__module__) X(__doc__) X(__dict__) X(__class__) \
  X(__bases__) X(__base__) X(__mro__) X(__slots__) X(__annotations__) X(__wrapped__) \
  X(__builtins__) X(__file__) X(__package__) X(__path__) X(__spec__) X(__loader__) \
  X(__all__) X(__main__) X(__import__) X(__build_class__) X(__prepare__) \
  X(__classcell__) X(__class_getitem__) X(__instancecheck__) X(__subclasscheck__) \
  X(__traceback__) X(__cause__) X(__context__) X(__suppress_context__) \
  X(__defaults__) X(__kwdefaults__) X(__code__) X(__closure__) X(__globals__) \
  X(__self__) X(__func__) X(__length_hint__) X(__sizeof__) X(__weakref__) \
  X(args) X(send) X(throw) X(close) X(keys) X(items) X(values) X(get) X(append) \
  X(write) X(flush) X(read) X(readline) X(fileno) X(mro) X(copy) X(update) \
  X(self) X(cls) X(value) X(name) X(end) X(sep) X(file) X(key) X(reverse) \
  X(stdout) X(stderr) X(stdin) X(excepthook) X(modules) X(path) X(argv) \
  X(lineno) X(msg) X(filename) X(text) X(offset) X(print_file_and_line) X(code) \
  X(errno) X(strerror) X(result) X(exception) X(cancel) X(done)

typedef enum {
#define X(n) NAME_IDX_##n,
  NAMES_LIST(X)
#undef X
  NAME_COUNT
} NameIndex;

extern StrObject *names_table[NAME_COUNT];
#define NAME(n) (names_table[NAME_IDX_##n])

void names_init(void); /* interns the table; called once at start-up */
#endif
