/* code.c — the code object type (CodeType).
 *
 * A CodeObject is built once by the compiler and then only read, except for
 * its inline caches (filled by the eval loop).  It owns three malloc'd arrays
 * of ncode entries (code, lines, caches) and the optional cell2arg array;
 * all of them are released by the finalizer, and their size is reported to
 * the GC with gc_account when the compiler attaches them (code_set_arrays).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/code_internal.h"

static void code_trace(Object *o) {
  CodeObject *co = (CodeObject *)o;
  gc_mark(co->consts);
  gc_mark(co->names);
  gc_mark(co->varnames);
  gc_mark(co->cellvars);
  gc_mark(co->freevars);
  gc_mark(co->name);
  gc_mark(co->qualname);
  gc_mark(co->filename);
}

static size_t arrays_size(const CodeObject *co) {
  size_t n = co->ncode;
  size_t sz = n * (sizeof(Instr) + sizeof(LineInfo) + sizeof(InlineCache));
  if (co->cell2arg) sz += (size_t)co->ncellvars * sizeof(int32_t);
  return sz;
}

static void code_finalize(Object *o) {
  CodeObject *co = (CodeObject *)o;
  gc_account(-(ssize_t)arrays_size(co));
  free(co->code);
  free(co->lines);
  free(co->caches);
  free(co->cell2arg);
  co->code = NULL;
  co->lines = NULL;
  co->caches = NULL;
  co->cell2arg = NULL;
  co->ncode = 0;
}

static Value code_repr(Value v) {
  CodeObject *co = AS(CodeObject, v);
  return str_printf("<code object %s at %p, file \"%s\", line %d>", co->name ? str_cstr(co->name) : "?", (void *)co,
                    co->filename ? str_cstr(co->filename) : "?", (int)co->firstlineno);
}

TypeObject CodeType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "code",
    .instance_size = sizeof(CodeObject),
    .trace = code_trace,
    .finalize = code_finalize,
    .repr = code_repr,
};

CodeObject *code_new(void) {
  CodeObject *co = (CodeObject *)gc_alloc(&CodeType, sizeof(CodeObject));
  Value empty = tuple_new(0);
  co->consts = co->names = co->varnames = co->cellvars = co->freevars = empty;
  return co;
}

void code_set_arrays(CodeObject *co, Instr *code, LineInfo *lines, uint32_t n, int32_t *cell2arg) {
  co->code = code;
  co->lines = lines;
  co->ncode = n;
  co->caches = calloc(n ? n : 1, sizeof(InlineCache));
  if (!co->caches) {
    fprintf(stderr, "gilpy: out of memory\n");
    abort();
  }
  co->cell2arg = cell2arg;
  gc_account((ssize_t)arrays_size(co));
}

int code_addr2line(const CodeObject *co, uint32_t index) {
  if (!co->lines || index >= co->ncode) return co->firstlineno;
  return (int)co->lines[index].line;
}
