/* slice.h — slice objects and the index arithmetic every sequence shares.
 *
 * A slice holds three Values (None when omitted).  slice_indices turns a
 * slice into clamped C indices for a sequence of a given length exactly as
 * CPython's PySlice_Unpack + PySlice_AdjustIndices do, so that str, bytes,
 * list, tuple and range all slice alike.
 */
#ifndef GILPY_SLICE_H
#define GILPY_SLICE_H

#include "runtime/object.h"

typedef struct {
  Object base;
  Value start, stop, step; /* never VAL_NULL: None when omitted */
} SliceObject;

extern TypeObject SliceType;
static inline bool val_is_slice(Value v) { return val_is_obj(v) && v->type == &SliceType; }

/* slice(start, stop, step); VAL_NULL arguments mean None.  Never fails. */
Value slice_new(Value start, Value stop, Value step);

/* Resolves a slice against a sequence of length len.  Returns 0 with the
 * clamped start/stop/step and the number of selected items in *slicelen;
 * -1 with an exception set (ValueError "slice step cannot be zero",
 * TypeError for non-integer bounds). */
int slice_indices(Value slice, ssize_t len, ssize_t *start, ssize_t *stop, ssize_t *step,
                  ssize_t *slicelen);

/* The first half of slice_indices: the raw (unclamped) bounds. -1 on error. */
int slice_unpack(Value slice, ssize_t *start, ssize_t *stop, ssize_t *step);
/* The second half: clamps to len and returns the item count.  Never fails. */
ssize_t slice_adjust(ssize_t len, ssize_t *start, ssize_t *stop, ssize_t step);

/* An index-like value (int, bool, __index__) clamped to the ssize_t range,
 * as CPython's _PyEval_SliceIndex.  None leaves *out unchanged and returns 0.
 * -1 with TypeError otherwise. */
int slice_index_clamped(Value v, ssize_t *out);
/* The same for list/tuple.index bounds, which refuse None. */
int slice_index_not_none(Value v, ssize_t *out);
#endif
