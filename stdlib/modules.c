/* modules.c — the registry of native modules.
 *
 * One entry per module written in C.  An area adding a module defines
 * `const NativeModuleDef x_module_def` in its stdlib/x.c and adds X(x) to
 * MODULE_LIST.  The references are strong on purpose: gilpy_core is a
 * static library, and only a referenced definition pulls its object file
 * into the binary.
 */
#include <string.h>

#include "runtime/native.h"

#define MODULE_LIST(X) \
  X(math)              \
  X(time)              \
  X(os)                \
  X(_random)           \
  X(_collections)      \
  X(_traceback)        \
  X(_io)               \
  X(_asyncio)          \
  X(_thread)           \
  X(hashlib)           \
  X(signal)            \
  X(_socket)           \
  X(select)            \
  X(errno)             \
  X(_gc)               \
  X(_weakref)          \
  X(_struct)           \
  X(_sre)              \
  X(_contextvars)      \
  X(_warnings)         \
  X(_posixsubprocess)

#define DECLARE(x) extern const NativeModuleDef x##_module_def;
MODULE_LIST(DECLARE)
#undef DECLARE

static const NativeModuleDef *const registry[] = {
#define ENTRY(x) &x##_module_def,
    MODULE_LIST(ENTRY)
#undef ENTRY
};

const NativeModuleDef *native_module_find(const char *name) {
  for (size_t i = 0; i < sizeof registry / sizeof registry[0]; i++)
    if (strcmp(registry[i]->name, name) == 0) return registry[i];
  return NULL;
}
