/* select.h — the parts of the select module in their own files. */
#ifndef GILPY_STDLIB_SELECT_H
#define GILPY_STDLIB_SELECT_H

#include "runtime/object.h"

/* The descriptor of an int or of an object with fileno(), as CPython's
 * PyObject_AsFileDescriptor; -1 with an exception set. */
int select_fd_of(Value v);

/* stdlib/select_epoll.c: adds select.epoll and the EPOLL* constants. */
void select_epoll_init(Value module_dict);

#endif
