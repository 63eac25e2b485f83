/* gil.h — the global interpreter lock (issue: threads).  Until threads
 * land, the main thread is the only holder and these are cheap no-ops. */
#ifndef GILPY_GIL_H
#define GILPY_GIL_H
#include "runtime/thread.h"
void gil_init(void);
void gil_take(ThreadState *ts);
void gil_drop(ThreadState *ts);
/* Brackets for blocking native work: no heap access in between. */
#define GIL_RELEASE() do { ThreadState *gil_saved_ts_ = ts_current; gil_drop(gil_saved_ts_)
#define GIL_ACQUIRE() gil_take(gil_saved_ts_); } while (0)
#endif
