/* gilpy.h — embedding entry points: start the runtime, run code, stop. */
#ifndef GILPY_GILPY_H
#define GILPY_GILPY_H

#include "runtime/object.h"

#define GILPY_VERSION "0.1.0"
#define GILPY_PYTHON_VERSION "3.11.7"

/* Initialises every subsystem in dependency order; argv becomes sys.argv. */
void runtime_init(int argc, char **argv);
/* Flushes the standard streams and runs exit-time work; returns the status to exit with. */
int runtime_finalize(int status);
/* True once runtime_finalize ran the atexit callbacks (sys.is_finalizing()). */
extern bool runtime_finalizing;

/* Provided by the sys module (stdlib/sys.c). */
void sys_set_argv(int argc, char **argv);
/* Appends a -W option to sys.warnoptions. */
void sys_add_warnoption(const char *option);
/* Provided by fileio.c: flushes sys.stdout and sys.stderr buffers. */
void fileio_flush_std(void);
#endif
