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

#include "runtime/bytes.h"
#include "runtime/gc.h"
#include "runtime/native.h"
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

/* ---- attributes (co_*) ---------------------------------------------------- */

#define CO(v) AS(CodeObject, v)
static Value co_name(Value v) { return CO(v)->name; }
static Value co_qualname(Value v) { return CO(v)->qualname; }
static Value co_filename(Value v) { return CO(v)->filename; }
static Value co_consts(Value v) { return CO(v)->consts; }
static Value co_names(Value v) { return CO(v)->names; }
static Value co_varnames(Value v) { return CO(v)->varnames; }
static Value co_cellvars(Value v) { return CO(v)->cellvars; }
static Value co_freevars(Value v) { return CO(v)->freevars; }
static Value co_argcount(Value v) { return val_from_int(CO(v)->argcount); }
static Value co_posonlyargcount(Value v) { return val_from_int(CO(v)->posonlyargcount); }
static Value co_kwonlyargcount(Value v) { return val_from_int(CO(v)->kwonlyargcount); }
static Value co_nlocals(Value v) { return val_from_int(CO(v)->nlocals); }
static Value co_stacksize(Value v) { return val_from_int(CO(v)->stacksize); }
static Value co_flags(Value v) { return val_from_int(CO(v)->flags); }
static Value co_firstlineno(Value v) { return val_from_int(CO(v)->firstlineno); }
static Value co_code(Value v) {
  return bytes_new((const char *)CO(v)->code, (size_t)CO(v)->ncode * sizeof(Instr));
}
#undef CO

static const GetSetDef code_getsets[] = {
    {"co_name", co_name, NULL},
    {"co_qualname", co_qualname, NULL},
    {"co_filename", co_filename, NULL},
    {"co_consts", co_consts, NULL},
    {"co_names", co_names, NULL},
    {"co_varnames", co_varnames, NULL},
    {"co_cellvars", co_cellvars, NULL},
    {"co_freevars", co_freevars, NULL},
    {"co_argcount", co_argcount, NULL},
    {"co_posonlyargcount", co_posonlyargcount, NULL},
    {"co_kwonlyargcount", co_kwonlyargcount, NULL},
    {"co_nlocals", co_nlocals, NULL},
    {"co_stacksize", co_stacksize, NULL},
    {"co_flags", co_flags, NULL},
    {"co_firstlineno", co_firstlineno, NULL},
    {"co_code", co_code, NULL},
    {NULL},
};

TypeObject CodeType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "code",
    .instance_size = sizeof(CodeObject),
    .trace = code_trace,
    .finalize = code_finalize,
    .repr = code_repr,
    .getsets = code_getsets,
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
