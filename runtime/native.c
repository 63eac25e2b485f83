/* native.c — argument binding for functions written in C (native.h).
 *
 * An ArgSpec's signature text is parsed the first time it is used; the
 * parse result is stored in the spec itself.  Parsing is idempotent and
 * writes the same bytes every time, so two threads racing on the first
 * call (both hold the GIL in turn anyway) cannot see a torn result that
 * differs from the final one.  Every error is worded as CPython words the
 * same mistake for a function defined in Python.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

/* ---- signature parsing -------------------------------------------------- */

static void skip_ws(const char **p) {
  while (**p == ' ' || **p == '\t' || **p == '\n') (*p)++;
}

/* Parses spec->sig; aborts on a malformed signature (a programming error). */
static void parse_spec(ArgSpec *spec) {
  const char *p = spec->sig;
  const char *open = strchr(p, '(');
  spec->nparams = spec->nposonly = spec->nposmax = spec->nrequired = spec->nkwonly = 0;
  spec->has_varargs = spec->has_varkw = false;
  if (!open) {
    spec->fname = spec->sig;
    spec->parsed = true;
    return;
  }
  p = open + 1;
  bool kwonly = false;
  bool saw_slash = false;
  uint8_t n = 0;
  for (;;) {
    skip_ws(&p);
    if (*p == ')' || *p == 0) break;
    if (*p == ',') {
      p++;
      continue;
    }
    if (*p == '/') {
      saw_slash = true;
      spec->nposonly = n;
      p++;
      continue;
    }
    if (p[0] == '*' && p[1] == '*') {
      spec->has_varkw = true;
      while (*p && *p != ',' && *p != ')') p++;
      continue;
    }
    if (*p == '*') {
      p++;
      skip_ws(&p);
      if (*p != ',' && *p != ')') {
        spec->has_varargs = true;
        while (*p && *p != ',' && *p != ')') p++;
      }
      kwonly = true;
      continue;
    }
    const char *start = p;
    while (*p && *p != ',' && *p != ')' && *p != '=' && *p != ' ') p++;
    size_t len = (size_t)(p - start);
    skip_ws(&p);
    bool has_default = false;
    if (*p == '=') {
      has_default = true;
      /* skip the default text, honouring brackets and quotes */
      int depth = 0;
      char quote = 0;
      p++;
      while (*p) {
        if (quote) {
          if (*p == quote) quote = 0;
        } else if (*p == '\'' || *p == '"') {
          quote = *p;
        } else if (*p == '(' || *p == '[' || *p == '{') {
          depth++;
        } else if (*p == ')' || *p == ']' || *p == '}') {
          if (depth == 0) break;
          depth--;
        } else if (*p == ',' && depth == 0) {
          break;
        }
        p++;
      }
    }
    if (n >= 16) break;
    spec->names[n] = start;
    spec->name_lens[n] = (uint8_t)len;
    spec->required[n] = !has_default;
    if (kwonly) {
      spec->nkwonly++;
    } else {
      spec->nposmax++;
      if (!has_default) spec->nrequired++;
    }
    n++;
  }
  spec->nparams = n;
  if (!saw_slash) spec->nposonly = 0;
  spec->fname = spec->sig;
  spec->parsed = true;
}

/* The function's name as a NUL-terminated string for messages. */
static Value spec_fname(ArgSpec *spec) {
  const char *open = strchr(spec->sig, '(');
  size_t len = open ? (size_t)(open - spec->sig) : strlen(spec->sig);
  return str_new(spec->sig, len);
}

static bool name_is(ArgSpec *spec, int i, Value key) {
  return (size_t)str_len_bytes(key) == spec->name_lens[i] &&
         memcmp(str_cstr(key), spec->names[i], spec->name_lens[i]) == 0;
}

/* "missing 2 required positional arguments: 'a' and 'b'" */
static void raise_missing(ArgSpec *spec, int *missing, int nmissing, const char *kind) {
  StrBuilder sb;
  sb_init(&sb);
  Value fname = spec_fname(spec);
  sb_add_value(&sb, fname);
  sb_addf(&sb, "() missing %d required %s argument%s: ", nmissing, kind, nmissing == 1 ? "" : "s");
  for (int i = 0; i < nmissing; i++) {
    if (i > 0) sb_adds(&sb, nmissing == 2 ? " and " : (i == nmissing - 1 ? ", and " : ", "));
    sb_addc(&sb, '\'');
    sb_add(&sb, spec->names[missing[i]], spec->name_lens[missing[i]]);
    sb_addc(&sb, '\'');
  }
  Value msg = sb_finish(&sb);
  if (msg) err_set(&Exc_TypeError, "%U", msg);
}

bool args_bind(ArgSpec *spec, Value *args, size_t nargs, TupleObject *kwnames, Value *out) {
  if (!spec->parsed) parse_spec(spec);
  int np = spec->nparams;
  size_t nkw = kwnames ? (size_t)kwnames->len : 0;
  for (int i = 0; i < np; i++) out[i] = VAL_NULL;
  int extra = np;
  Value varkw = VAL_NULL;

  /* positional */
  size_t npos = nargs < spec->nposmax ? nargs : spec->nposmax;
  for (size_t i = 0; i < npos; i++) out[i] = args[i];
  if (nargs > spec->nposmax) {
    if (spec->has_varargs) {
      Value t = tuple_from_array(args + spec->nposmax, (ssize_t)(nargs - spec->nposmax));
      if (!t) return false;
      out[extra] = t;
    } else {
      Value fname = spec_fname(spec);
      if (!fname) return false;
      int nreq = spec->nrequired;
      int nmax = spec->nposmax;
      /* keyword arguments given for keyword-only parameters count in CPython's message */
      size_t kwonly_given = 0;
      for (size_t k = 0; k < nkw; k++) {
        for (int i = spec->nposmax; i < np; i++)
          if (name_is(spec, i, kwnames->items[k])) kwonly_given++;
      }
      char kwpart[96] = "";
      if (kwonly_given)
        snprintf(kwpart, sizeof kwpart, " positional argument%s (and %zu keyword-only argument%s)",
                 nargs == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
      if (nreq == nmax) {
        if (kwonly_given)
          err_set(&Exc_TypeError, "%U() takes %d positional argument%s but %zu%s were given", fname, nmax,
                  nmax == 1 ? "" : "s", nargs, kwpart);
        else
          err_set(&Exc_TypeError, "%U() takes %d positional argument%s but %zu %s given", fname, nmax,
                  nmax == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
      } else {
        if (kwonly_given)
          err_set(&Exc_TypeError, "%U() takes from %d to %d positional arguments but %zu%s were given", fname,
                  nreq, nmax, nargs, kwpart);
        else
          err_set(&Exc_TypeError, "%U() takes from %d to %d positional arguments but %zu %s given", fname, nreq,
                  nmax, nargs, nargs == 1 ? "was" : "were");
      }
      return false;
    }
  } else if (spec->has_varargs) {
    out[extra] = tuple_new(0);
  }
  if (spec->has_varargs) extra++;

  /* keywords */
  Value posonly_bad = VAL_NULL;
  for (size_t k = 0; k < nkw; k++) {
    Value key = kwnames->items[k];
    Value val = args[nargs + k];
    int found = -1;
    for (int i = spec->nposonly; i < np; i++) {
      if (name_is(spec, i, key)) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      bool is_posonly = false;
      for (int i = 0; i < spec->nposonly; i++)
        if (name_is(spec, i, key)) is_posonly = true;
      if (spec->has_varkw) {
        if (!varkw) {
          varkw = dict_new();
          if (!varkw) return false;
        }
        if (dict_set(varkw, key, val) < 0) return false;
        continue;
      }
      Value fname = spec_fname(spec);
      if (!fname) return false;
      if (is_posonly) {
        if (!posonly_bad) posonly_bad = key;
        continue;
      }
      err_set(&Exc_TypeError, "%U() got an unexpected keyword argument '%U'", fname, key);
      return false;
    }
    if (out[found]) {
      Value fname = spec_fname(spec);
      if (fname) err_set(&Exc_TypeError, "%U() got multiple values for argument '%U'", fname, key);
      return false;
    }
    out[found] = val;
  }
  if (posonly_bad) {
    Value fname = spec_fname(spec);
    if (fname)
      err_set(&Exc_TypeError, "%U() got some positional-only arguments passed as keyword arguments: '%U'", fname,
              posonly_bad);
    return false;
  }
  if (spec->has_varkw) {
    if (!varkw) varkw = dict_new();
    if (!varkw) return false;
    out[extra] = varkw;
  }

  /* required parameters */
  int missing[16];
  int nmissing = 0;
  for (int i = 0; i < spec->nposmax; i++)
    if (spec->required[i] && !out[i]) missing[nmissing++] = i;
  if (nmissing) {
    raise_missing(spec, missing, nmissing, "positional");
    return false;
  }
  for (int i = spec->nposmax; i < np; i++)
    if (spec->required[i] && !out[i]) missing[nmissing++] = i;
  if (nmissing) {
    raise_missing(spec, missing, nmissing, "keyword-only");
    return false;
  }
  return true;
}

bool args_no_kw(const char *fname, TupleObject *kwnames) {
  if (kwnames && kwnames->len > 0) {
    err_set(&Exc_TypeError, "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

bool args_wrapper(const char *name, size_t nargs, TupleObject *kwnames, size_t want) {
  if (kwnames && kwnames->len) {
    err_set(&Exc_TypeError, "wrapper %s() takes no keyword arguments", name);
    return false;
  }
  if (nargs != want) {
    err_set(&Exc_TypeError, "expected %zu argument%s, got %zu", want, want == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

/* CPython's _PyArg_CheckPositional wording. */
bool args_count(const char *fname, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    if (min == max && min == 1)
      err_set(&Exc_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
    else
      err_set(&Exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname, min == max ? "" : "at least ", min,
              min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    if (max == 0)
      err_set(&Exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    else if (min == max && max == 1)
      err_set(&Exc_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
    else
      err_set(&Exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname, min == max ? "" : "at most ", max,
              max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

/* A builtin_function_or_method: `self` is the bound receiver (a module for
 * module functions) or VAL_NULL. */
Value native_function_new(const NativeDef *def, Value self) {
  NativeFunctionObject *f = (NativeFunctionObject *)gc_alloc(&NativeFunctionType, sizeof(NativeFunctionObject));
  f->def = def;
  f->self = self;
  return (Value)f;
}

bool args_index(Value v, ssize_t *out) {
  if (val_is_int(v)) {
    *out = val_int(v);
    return true;
  }
  if (!val_is_intlike(v) && !val_type(v)->to_index) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  ssize_t x = obj_as_ssize(v);
  if (x == -1 && err_occurred()) return false;
  *out = x;
  return true;
}
