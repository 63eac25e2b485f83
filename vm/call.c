/* call.c — binding call arguments into a Python function's frame.
 *
 * Implements CPython's parameter rules (positional, positional-only,
 * defaults, keyword arguments, keyword-only with kwdefaults, *args,
 * **kwargs) and words every failure exactly as CPython 3.11, using the
 * function's __qualname__ ("C.m() takes ...").  Frame slots start zeroed
 * (VAL_NULL), which is how "not yet bound" is told apart.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/frame.h"

Value call_builtins_for(Value globals) {
  if (val_is_dict(globals)) {
    Value b = dict_get_str(globals, NAME(__builtins__));
    if (b) {
      if (val_is_dict(b)) return b;
      if (val_is_obj(b) && b->type == &ModuleType) return module_dict(b);
    }
  }
  return builtins_dict;
}

void call_setup_cells(Frame *f, Value closure) {
  CodeObject *co = f->code;
  Value *cells = f->localsplus + co->nlocals;
  for (int32_t i = 0; i < co->ncellvars; i++) {
    Value init = VAL_NULL;
    if (co->cell2arg && co->cell2arg[i] >= 0) init = f->localsplus[co->cell2arg[i]];
    cells[i] = cell_new(init);
  }
  if (co->nfreevars && closure && val_is_tuple(closure)) {
    ssize_t n = TUPLE_LEN(closure);
    if (n > co->nfreevars) n = co->nfreevars;
    for (ssize_t i = 0; i < n; i++) cells[co->ncellvars + i] = TUPLE_ITEMS(closure)[i];
  }
}

/* 'a' | 'a' and 'b' | 'a', 'b', and 'c' — CPython's format_missing. */
static void add_name_list(StrBuilder *sb, Value *names, int n) {
  for (int i = 0; i < n; i++) {
    if (i > 0) {
      if (n == 2) sb_adds(sb, " and ");
      else if (i == n - 1) sb_adds(sb, ", and ");
      else sb_adds(sb, ", ");
    }
    sb_addc(sb, '\'');
    sb_add_value(sb, names[i]);
    sb_addc(sb, '\'');
  }
}

static int raise_built(StrBuilder *sb) {
  Value msg = sb_finish(sb);
  if (!msg) return -1;
  Value e = exc_new(&Exc_TypeError, &msg, 1);
  if (e) err_set_value(e);
  return -1;
}

static void add_qualname(StrBuilder *sb, FunctionObject *fn) {
  Value q = fn->qualname ? fn->qualname : fn->code->qualname;
  if (q && val_is_str(q)) sb_add_value(sb, q);
  else sb_adds(sb, "?");
}

static int missing_error(FunctionObject *fn, Value *names, int n, const char *kind) {
  StrBuilder sb;
  sb_init(&sb);
  add_qualname(&sb, fn);
  sb_addf(&sb, "() missing %d required %s argument%s: ", n, kind, n == 1 ? "" : "s");
  add_name_list(&sb, names, n);
  return raise_built(&sb);
}

static int too_many_positional(FunctionObject *fn, Frame *f, size_t given) {
  CodeObject *co = f->code;
  ssize_t defcount = fn->defaults && val_is_tuple(fn->defaults) ? TUPLE_LEN(fn->defaults) : 0;
  int kwonly_given = 0;
  for (int32_t i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
    if (f->localsplus[i]) kwonly_given++;
  StrBuilder sb;
  sb_init(&sb);
  add_qualname(&sb, fn);
  bool plural;
  if (defcount) {
    plural = true;
    sb_addf(&sb, "() takes from %zd to %d", (ssize_t)co->argcount - defcount, (int)co->argcount);
  } else {
    plural = co->argcount != 1;
    sb_addf(&sb, "() takes %d", (int)co->argcount);
  }
  sb_addf(&sb, " positional argument%s but %zu", plural ? "s" : "", given);
  if (kwonly_given)
    sb_addf(&sb, " positional argument%s (and %d keyword-only argument%s)", given != 1 ? "s" : "", kwonly_given,
            kwonly_given != 1 ? "s" : "");
  sb_addf(&sb, " %s given", given == 1 && !kwonly_given ? "was" : "were");
  return raise_built(&sb);
}

static int simple_error(FunctionObject *fn, const char *what, Value name) {
  StrBuilder sb;
  sb_init(&sb);
  add_qualname(&sb, fn);
  sb_adds(&sb, what);
  sb_add_value(&sb, name);
  sb_addc(&sb, '\'');
  return raise_built(&sb);
}

/* Index of parameter `name` among varnames[lo, hi), or -1. */
static int32_t find_param(CodeObject *co, Value name, int32_t lo, int32_t hi) {
  Value *vn = TUPLE_ITEMS(co->varnames);
  for (int32_t i = lo; i < hi; i++)
    if (vn[i] == name) return i;
  for (int32_t i = lo; i < hi; i++)
    if (str_equal(vn[i], name)) return i;
  return -1;
}

int call_bind_args(FunctionObject *fn, Frame *f, Value *args, size_t nargs, TupleObject *kwnames) {
  CodeObject *co = f->code;
  Value *lp = f->localsplus;
  size_t nkw = kwnames ? (size_t)kwnames->len : 0;
  size_t npos = nargs; /* keyword values follow at args[nargs + i] */
  size_t argcount = (size_t)co->argcount;
  int32_t total = co->argcount + co->kwonlyargcount;
  bool has_varargs = (co->flags & CO_VARARGS) != 0;
  bool has_varkw = (co->flags & CO_VARKEYWORDS) != 0;

  /* The common case: exactly the positional parameters. */
  if (npos == argcount && nkw == 0 && !has_varargs && !has_varkw && co->kwonlyargcount == 0) {
    memcpy(lp, args, npos * sizeof(Value));
    if (co->ncellvars || co->nfreevars) call_setup_cells(f, fn->closure);
    return 0;
  }

  size_t ncopy = npos < argcount ? npos : argcount;
  memcpy(lp, args, ncopy * sizeof(Value));
  if (has_varargs) {
    lp[total] = npos > argcount ? tuple_from_array(args + argcount, (ssize_t)(npos - argcount)) : tuple_new(0);
    if (!lp[total]) return -1;
  }
  Value kwdict = VAL_NULL;
  if (has_varkw) {
    kwdict = dict_new();
    if (!kwdict) return -1;
    lp[total + (has_varargs ? 1 : 0)] = kwdict;
  }

  Value posonly_names[16];
  int nposonly_kw = 0;
  for (size_t i = 0; i < nkw; i++) {
    Value name = kwnames->items[i];
    Value val = args[npos + i];
    int32_t j = find_param(co, name, co->posonlyargcount, total);
    if (j >= 0) {
      if (lp[j]) return simple_error(fn, "() got multiple values for argument '", name);
      lp[j] = val;
      continue;
    }
    if (has_varkw) {
      if (dict_set(kwdict, name, val) < 0) return -1;
      continue;
    }
    if (find_param(co, name, 0, co->posonlyargcount) >= 0) {
      if (nposonly_kw < 16) posonly_names[nposonly_kw++] = name;
      continue;
    }
    return simple_error(fn, "() got an unexpected keyword argument '", name);
  }
  if (nposonly_kw) {
    StrBuilder sb;
    sb_init(&sb);
    add_qualname(&sb, fn);
    sb_adds(&sb, "() got some positional-only arguments passed as keyword arguments: '");
    for (int i = 0; i < nposonly_kw; i++) {
      if (i) sb_adds(&sb, ", ");
      sb_add_value(&sb, posonly_names[i]);
    }
    sb_addc(&sb, '\'');
    return raise_built(&sb);
  }

  if (npos > argcount && !has_varargs) return too_many_positional(fn, f, npos);

  /* Defaults for missing positional parameters. */
  if (npos < argcount) {
    ssize_t ndef = fn->defaults && val_is_tuple(fn->defaults) ? TUPLE_LEN(fn->defaults) : 0;
    ssize_t first_def = (ssize_t)argcount - ndef;
    Value missing[64];
    int nmissing = 0;
    for (size_t j = npos; j < argcount; j++) {
      if (lp[j]) continue;
      if ((ssize_t)j >= first_def) {
        lp[j] = TUPLE_ITEMS(fn->defaults)[(ssize_t)j - first_def];
      } else if (nmissing < 64) {
        missing[nmissing++] = TUPLE_ITEMS(co->varnames)[j];
      }
    }
    if (nmissing) return missing_error(fn, missing, nmissing, "positional");
  }
  /* Keyword-only parameters. */
  if (co->kwonlyargcount) {
    Value missing[64];
    int nmissing = 0;
    for (int32_t j = co->argcount; j < total; j++) {
      if (lp[j]) continue;
      Value name = TUPLE_ITEMS(co->varnames)[j];
      Value d = fn->kwdefaults && val_is_dict(fn->kwdefaults) ? dict_get(fn->kwdefaults, name) : VAL_NULL;
      if (d) lp[j] = d;
      else if (nmissing < 64) missing[nmissing++] = name;
    }
    if (nmissing) return missing_error(fn, missing, nmissing, "keyword-only");
  }
  if (co->ncellvars || co->nfreevars) call_setup_cells(f, fn->closure);
  return 0;
}
