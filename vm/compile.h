/* compile.h — AST to code objects. */
#ifndef GILPY_COMPILE_H
#define GILPY_COMPILE_H

#include "runtime/object.h"
#include "vm/code.h"

typedef enum {
  COMPILE_EXEC,     /* module / exec() */
  COMPILE_EVAL,     /* a single expression (eval()) */
  COMPILE_SINGLE,   /* one interactive statement (REPL): expression values printed */
} CompileMode;

enum {
  COMPILE_ALLOW_TOPLEVEL_AWAIT = 1, /* module body may await: compiled as a coroutine (CO_TOPLEVEL_AWAIT) */
};

/* Parses and compiles source text.  On a syntax error returns NULL with a
 * SyntaxError (filename, lineno, offset, text, end_offset) set. */
CodeObject *compile_source(const char *src, size_t len, const char *filename, CompileMode mode, int flags);
/* True if the module source uses await / async for / async with at top level. */
bool compile_has_toplevel_await(const char *src, size_t len, const char *filename);
/* Start-up of the compiler area: readies the code type (runtime/init.c). */
void compiler_init(void);
#endif
