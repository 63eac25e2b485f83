/* bytes.h — bytes (immutable) and bytearray (mutable). */
#ifndef GILPY_BYTES_H
#define GILPY_BYTES_H

#include "runtime/object.h"

typedef struct {
  Object base;
  ssize_t len;
  Hash hash;
  char data[];     /* len bytes + NUL */
} BytesObject;

typedef struct {
  Object base;
  ssize_t len, cap;
  char *data;      /* malloc'd */
} ByteArrayObject;

extern TypeObject BytesType, ByteArrayType;
static inline bool val_is_bytes(Value v) {
  return val_is_obj(v) && (v->type == &BytesType || (v->type->flags & TP_BYTES_SUBCLASS));
}
Value bytes_new(const char *data, size_t len);
Value bytearray_new(const char *data, size_t len);
Value bytes_repr(Value b);
/* Exposes the buffer of bytes/bytearray (memoryview later); false + TypeError otherwise. */
bool bytes_buffer(Value v, const char **data, size_t *len);
/* Readies bytes, bytearray and their iterators (called by str_init). */
void bytes_init_types(void);
#endif
