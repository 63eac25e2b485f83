/* module.h — module objects and the import system. */
#ifndef GILPY_MODULE_H
#define GILPY_MODULE_H

#include "runtime/object.h"

typedef struct {
  Object base;
  Value dict;          /* the module's globals */
  Value name;          /* str */
  bool builtin;        /* a native module (repr "(built-in)") */
  bool initializing;   /* its body is running (circular-import messages) */
} ModuleObject;

extern TypeObject ModuleType;
Value module_new(const char *name);      /* with __name__ set */
Value module_dict(Value m);

/* `import name` (dotted; level for relative imports); fromlist as CPython's __import__. */
Value import_module(Value name, Value globals, Value fromlist, int level);
Value import_module_cstr(const char *name);
/* Runs source as the __main__ module. Returns the exit status (0, or 1 after a printed error). */
int run_main_file(const char *path);
int run_main_string(const char *code);
int run_main_module(const char *modname);

/* `from module import name` (IMPORT_FROM): the attribute, else the
 * submodule from sys.modules, else ImportError "cannot import name ...". */
Value import_from(Value module, StrObject *name);
/* The source of the embedded stdlib file at a path relative to stdlib/lib
 * (NUL-terminated, length in *len), or NULL.  Embedded modules' __file__
 * is "<stdlib>/" + that path. */
const char *import_embedded_source(const char *relpath, size_t *len);
/* Takes the pending exception and reports it as at interpreter exit:
 * SystemExit gives its code (None 0, int, else printed and 1), anything
 * else is printed with its traceback and gives 1. */
int import_handle_exit_exception(void);

/* Creates the sys module and sys.modules (stdlib/sys.c; builtins_init). */
Value sys_module_create(void);
/* A Python frame object for f (stdlib/sys.c): a snapshot of its code,
 * globals and current line, with f_back the snapshots of its callers if
 * `callers` (f->back must then be live), else None. */
struct Frame;
Value sys_frame_snapshot(struct Frame *f, bool callers);
/* Struct sequences (stdlib/sys.c): a tuple of type t (a static tuple
 * subtype whose getsets name the fields) with nall items of which the
 * first nvisible form the tuple; the hidden ones must be immortal values. */
Value structseq_new(TypeObject *t, Value *items, ssize_t nvisible, ssize_t nall);
extern TypeObject StructTimeType; /* time.struct_time */
/* Slots for other struct sequence types: "name(field=value, ...)" and type(seq). */
Value structseq_repr(Value self);
Value structseq_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames);

/* The interpreter-wide namespaces. */
extern Value builtins_dict;  /* builtins.__dict__ */
extern Value sys_modules;    /* sys.modules */
extern Value sys_module;
#endif
