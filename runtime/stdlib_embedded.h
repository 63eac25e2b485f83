/* stdlib_embedded.h — the gilpy-written library compiled into the binary. */
#ifndef GILPY_STDLIB_EMBEDDED_H
#define GILPY_STDLIB_EMBEDDED_H
#include <stddef.h>
typedef struct {
  const char *path;    /* relative to stdlib/lib, e.g. "asyncio/tasks.py" */
  const char *source;
  size_t len;
} EmbeddedFile;
extern const EmbeddedFile stdlib_embedded_files[]; /* ends with {NULL} */
#endif
