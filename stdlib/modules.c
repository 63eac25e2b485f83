/* modules.c — the registry of native modules.
 *
 * One entry per module written in C.  An area adding a module declares its
 * `const NativeModuleDef x_module_def` here and lists it in the table.
 * Declarations are weak so that the registry links while areas are still
 * being written; a module whose definition is absent is simply not found.
 */
#include <string.h>

#include "runtime/native.h"

#define MODULE(x) extern const NativeModuleDef x##_module_def __attribute__((weak));
#define MODULE_LIST(X) \
  X(math)              \
  X(time)              \
  X(os)                \
  X(posixpath)         \
  X(_random)           \
  X(_thread)           \
  X(_asyncio)          \
  X(gc)                \
  X(_io)               \
  X(select)            \
  X(socket)            \
  X(_socket)           \
  X(signal)            \
  X(errno)             \
  X(_hashlib)          \
  X(_struct)           \
  X(_functools)        \
  X(_collections)      \
  X(itertools)         \
  X(_heapq)            \
  X(_operator)         \
  X(_weakref)          \
  X(_gil)              \
  X(_ffi)              \
  X(_multiprocessing)  \
  X(_posixsubprocess)  \
  X(marshal)           \
  X(_string)           \
  X(_json)             \
  X(_bisect)           \
  X(atexit)            \
  X(_contextvars)      \
  X(_warnings)         \
  X(binascii)          \
  X(zlib)

MODULE_LIST(MODULE)
#undef MODULE

static const NativeModuleDef *const registry[] = {
#define ENTRY(x) &x##_module_def,
    MODULE_LIST(ENTRY)
#undef ENTRY
};

const NativeModuleDef *native_module_find(const char *name) {
  for (size_t i = 0; i < sizeof registry / sizeof registry[0]; i++) {
    const NativeModuleDef *d = registry[i];
    if (d && d->name && strcmp(d->name, name) == 0) return d;
  }
  /* os.path is posixpath, as in CPython. */
  if (strcmp(name, "os.path") == 0) return native_module_find("posixpath");
  return NULL;
}
