/* _asyncio_future.c — Future and Task for asyncio, in C. */
#include "stdlib/_asyncio.h"

int asyncio_future_init(Value module) {
  (void)module;
  return 0;
}
