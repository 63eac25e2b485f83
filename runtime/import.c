/* import.c — the import system and running __main__.
 *
 * import_module() is __import__: it resolves relative names against the
 * importing module's __package__/__name__, imports every dotted prefix
 * (parents first, each bound as an attribute of its parent), and returns
 * the top-level package or, with a fromlist, the module itself after
 * importing any submodules the fromlist names.
 *
 * A top-level name is searched in this order: sys.modules, the native
 * module registry (stdlib/modules.c), each directory of sys.path (NAME/
 * with __init__.py, then NAME.py), then the library embedded in the binary
 * (stdlib/lib).  A submodule is searched in its parent's __path__.  Paths
 * of embedded files are written "<stdlib>/rel/path.py"; traceback.c reads
 * their source from the embedded table too.
 *
 * A module is entered into sys.modules before its body runs (so circular
 * imports see the partial module) and removed again if the body raises.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/fileio.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/stdlib_embedded.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/compile.h"
#include "vm/eval.h"
#include "vm/func.h"

#define EMBED_PREFIX "<stdlib>/"

static const EmbeddedFile *import_find_embedded(const char *relpath) {
  for (const EmbeddedFile *f = stdlib_embedded_files; f->path; f++)
    if (strcmp(f->path, relpath) == 0) return f;
  return NULL;
}

const char *import_embedded_source(const char *relpath, size_t *len) {
  const EmbeddedFile *f = import_find_embedded(relpath);
  if (!f) return NULL;
  *len = f->len;
  return f->source;
}

/* True if some embedded file lives under the directory rel ("asyncio"). */
static bool embedded_dir_exists(const char *rel) {
  size_t n = strlen(rel);
  for (const EmbeddedFile *f = stdlib_embedded_files; f->path; f++)
    if (strncmp(f->path, rel, n) == 0 && f->path[n] == '/') return true;
  return false;
}

static char *read_whole_file(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return NULL;
  size_t cap = 8192, n = 0, got;
  char *buf = malloc(cap);
  while ((got = fread(buf + n, 1, cap - n - 1, fp)) > 0) {
    n += got;
    if (n + 1 == cap) buf = realloc(buf, cap *= 2);
  }
  fclose(fp);
  buf[n] = 0;
  *len = n;
  return buf;
}

static bool is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ---- executing a module body ------------------------------------------- */

/* Runs a top-level-await module body when asyncio is not available: the
 * body completes as long as it only awaits coroutines that never suspend;
 * a suspension needs an event loop, reported as a RuntimeError. */
static Value drive_without_loop(Value coro) {
  Value out = VAL_NULL;
  GenResult g = gen_send(coro, VAL_NONE, VAL_NULL, &out);
  if (g == GEN_RETURNED) return out ? out : VAL_NONE;
  if (g == GEN_RAISED) return VAL_NULL;
  Value r = gen_close(coro);
  if (!r) err_clear();
  return err_set(&Exc_RuntimeError, "top-level await needs an event loop, and the asyncio module is not available");
}

/* Compiles and runs src in the module's dict.  The top-level-await flag is
 * given to modules that use it; the body is then a coroutine, run by
 * asyncio.run(). */
static Value exec_source(Value module, const char *src, size_t len, const char *filename) {
  Value globals = module_dict(module);
  int flags = compile_has_toplevel_await(src, len, filename) ? COMPILE_ALLOW_TOPLEVEL_AWAIT : 0;
  CodeObject *co = compile_source(src, len, filename, COMPILE_EXEC, flags);
  if (!co) return VAL_NULL;
  Value r = eval_code(co, globals, globals);
  if (!r) return VAL_NULL;
  if (co->flags & CO_TOPLEVEL_AWAIT) {
    Value asyncio = import_module_cstr("asyncio");
    if (!asyncio) {
      if (!err_matches(&Exc_ModuleNotFoundError)) return VAL_NULL;
      err_clear();
      return drive_without_loop(r);
    }
    Value run = obj_getattr_cstr(asyncio, "run");
    if (!run) return VAL_NULL;
    r = obj_call1(run, r);
    if (!r) return VAL_NULL;
  }
  return r;
}

static void init_module_globals(Value module, const char *file, Value package, Value path_list) {
  Value d = module_dict(module);
  dict_set_str(d, NAME(__builtins__), builtins_dict);
  if (file) dict_set_str(d, NAME(__file__), str_from_cstr(file));
  dict_set_str(d, NAME(__package__), package ? package : VAL_NONE);
  if (path_list) dict_set_str(d, NAME(__path__), path_list);
  dict_set_cstr(d, "__cached__", VAL_NONE);
}

/* Loads a source module named fullname from file (or embedded text). */
static Value load_source(Value fullname, const char *file, const char *src, size_t len, bool is_package,
                         const char *pkg_dir) {
  Value module = module_new(str_cstr(fullname));
  Value package;
  Value path_list = VAL_NULL;
  if (is_package) {
    package = fullname;
    path_list = list_new(0);
    list_append(path_list, str_from_cstr(pkg_dir));
  } else {
    const char *dot = strrchr(str_cstr(fullname), '.');
    package = dot ? str_new(str_cstr(fullname), (size_t)(dot - str_cstr(fullname))) : str_from_cstr("");
  }
  init_module_globals(module, file, package, path_list);
  if (dict_set(sys_modules, fullname, module) < 0) return VAL_NULL;
  AS(ModuleObject, module)->initializing = true;
  Value ok = exec_source(module, src, len, file);
  AS(ModuleObject, module)->initializing = false;
  if (!ok) {
    Value exc = err_fetch();
    if (dict_get(sys_modules, fullname)) dict_del(sys_modules, fullname);
    err_restore(exc);
    return VAL_NULL;
  }
  /* The body may have replaced its own sys.modules entry. */
  Value m = dict_get(sys_modules, fullname);
  return m ? m : module;
}

static Value load_native(Value fullname, const NativeModuleDef *def) {
  Value module = module_new(def->name);
  AS(ModuleObject, module)->builtin = true;
  Value d = module_dict(module);
  if (def->functions) {
    for (const NativeDef *f = def->functions; f->name; f++)
      dict_set_cstr(d, f->name, native_function_new(f, module));
  }
  if (dict_set(sys_modules, fullname, module) < 0) return VAL_NULL;
  if (def->init && def->init(module) < 0) {
    Value exc = err_fetch();
    dict_del(sys_modules, fullname);
    err_restore(exc);
    return VAL_NULL;
  }
  Value m = dict_get(sys_modules, fullname);
  return m ? m : module;
}

/* Looks for `last` (the final name component) in one search directory.
 * Returns the module, VAL_NULL with an error, or VAL_NULL with *found false. */
static Value find_in_dir(Value fullname, const char *dir, const char *last, bool *found) {
  *found = false;
  char path[2 * PATH_MAX + 16];
  if (strncmp(dir, EMBED_PREFIX, strlen(EMBED_PREFIX)) == 0) {
    const char *rel = dir + strlen(EMBED_PREFIX);
    char relpath[PATH_MAX];
    snprintf(relpath, sizeof relpath, "%s%s%s/__init__.py", rel, *rel ? "/" : "", last);
    const EmbeddedFile *f = import_find_embedded(relpath);
    if (f) {
      *found = true;
      snprintf(path, sizeof path, EMBED_PREFIX "%s", relpath);
      char pkgdir[2 * PATH_MAX + 16];
      snprintf(pkgdir, sizeof pkgdir, EMBED_PREFIX "%s%s%s", rel, *rel ? "/" : "", last);
      return load_source(fullname, path, f->source, f->len, true, pkgdir);
    }
    snprintf(relpath, sizeof relpath, "%s%s%s.py", rel, *rel ? "/" : "", last);
    f = import_find_embedded(relpath);
    if (f) {
      *found = true;
      snprintf(path, sizeof path, EMBED_PREFIX "%s", relpath);
      return load_source(fullname, path, f->source, f->len, false, NULL);
    }
    snprintf(relpath, sizeof relpath, "%s%s%s", rel, *rel ? "/" : "", last);
    if (embedded_dir_exists(relpath)) {
      /* A namespace package: a directory without __init__.py. */
      *found = true;
      snprintf(path, sizeof path, EMBED_PREFIX "%s", relpath);
      return load_source(fullname, NULL, "", 0, true, path);
    }
    return VAL_NULL;
  }
  const char *d = *dir ? dir : ".";
  const char *sep = *dir ? "/" : "";
  char pkgdir[2 * PATH_MAX + 16];
  snprintf(pkgdir, sizeof pkgdir, "%s%s%s", dir, sep, last);
  snprintf(path, sizeof path, "%s%s%s/__init__.py", dir, sep, last);
  (void)d;
  if (is_dir(*dir ? pkgdir : last) && is_file(path)) {
    size_t len;
    char *src = read_whole_file(path, &len);
    if (!src) return err_set_from_errno(&Exc_OSError, errno, str_from_cstr(path));
    *found = true;
    Value m = load_source(fullname, path, src, len, true, pkgdir);
    free(src);
    return m;
  }
  snprintf(path, sizeof path, "%s%s%s.py", dir, sep, last);
  if (is_file(path)) {
    size_t len;
    char *src = read_whole_file(path, &len);
    if (!src) return err_set_from_errno(&Exc_OSError, errno, str_from_cstr(path));
    *found = true;
    Value m = load_source(fullname, path, src, len, false, NULL);
    free(src);
    return m;
  }
  return VAL_NULL;
}

static Value not_found(Value fullname) {
  err_set(&Exc_ModuleNotFoundError, "No module named %R", fullname);
  Value exc = err_peek();
  if (exc && AS(ExceptionObject, exc)->dict) dict_set_cstr(AS(ExceptionObject, exc)->dict, "name", fullname);
  return VAL_NULL;
}

/* Imports one module whose parent (if any) is already imported. */
static Value import_one(Value fullname, Value parent, const char *last) {
  Value m = dict_get(sys_modules, fullname);
  if (m) return m;
  if (err_occurred()) return VAL_NULL;
  bool found = false;
  if (!parent) {
    const NativeModuleDef *def = native_module_find(str_cstr(fullname));
    if (def) return load_native(fullname, def);
    Value path = VAL_NULL;
    if (sys_module) path = dict_get_str(module_dict(sys_module), NAME(path));
    if (path && val_is_list(path)) {
      for (ssize_t i = 0; i < LIST_LEN(path); i++) {
        Value entry = LIST_ITEMS(path)[i];
        if (!val_is_str(entry)) continue;
        m = find_in_dir(fullname, str_cstr(entry), last, &found);
        if (found || m) return m;
        if (err_occurred()) return VAL_NULL;
      }
    }
    m = find_in_dir(fullname, EMBED_PREFIX, last, &found);
    if (found || m) return m;
    return not_found(fullname);
  }
  /* A submodule: native modules may be dotted too ("os.path" aliases). */
  const NativeModuleDef *def = native_module_find(str_cstr(fullname));
  if (def) return load_native(fullname, def);
  Value ppath = obj_getattr_opt(parent, NAME(__path__));
  if (!ppath) {
    if (err_occurred()) return VAL_NULL;
    err_set(&Exc_ModuleNotFoundError, "No module named %R; %R is not a package", fullname,
            AS(ModuleObject, parent)->name);
    Value exc = err_peek();
    if (exc && AS(ExceptionObject, exc)->dict) dict_set_cstr(AS(ExceptionObject, exc)->dict, "name", fullname);
    return VAL_NULL;
  }
  Value it = obj_iter(ppath);
  if (!it) return VAL_NULL;
  Value entry;
  while ((entry = obj_next(it))) {
    if (!val_is_str(entry)) continue;
    m = find_in_dir(fullname, str_cstr(entry), last, &found);
    if (found || m) return m;
    if (err_occurred()) return VAL_NULL;
  }
  if (err_occurred()) return VAL_NULL;
  return not_found(fullname);
}

/* Imports every prefix of a dotted absolute name; returns the last module. */
static Value import_dotted(Value name) {
  const char *s = str_cstr(name);
  Value parent = VAL_NULL, m = VAL_NULL;
  const char *p = s;
  for (;;) {
    const char *dot = strchr(p, '.');
    size_t plen = dot ? (size_t)(dot - s) : strlen(s);
    Value prefix = dot ? str_new(s, plen) : name;
    Value existing = dict_get(sys_modules, prefix);
    if (existing) {
      m = existing;
    } else {
      char last[256];
      size_t llen = (size_t)((s + plen) - p);
      if (llen >= sizeof last) llen = sizeof last - 1;
      memcpy(last, p, llen);
      last[llen] = 0;
      m = import_one(prefix, parent, last);
      if (!m) return VAL_NULL;
      if (parent) {
        /* Bind the submodule as an attribute of its package. */
        if (obj_setattr(parent, str_intern_cstr(last), m) < 0) err_clear();
      }
    }
    if (!dot) break;
    parent = m;
    p = dot + 1;
  }
  return m;
}

/* The package relative imports resolve against. */
static Value calc_package(Value globals) {
  if (!globals || !val_is_dict(globals)) return VAL_NULL;
  Value pkg = dict_get_str(globals, NAME(__package__));
  if (pkg && pkg != VAL_NONE) return pkg;
  Value name = dict_get_str(globals, NAME(__name__));
  if (!name || !val_is_str(name)) return VAL_NULL;
  if (dict_get_str(globals, NAME(__path__))) return name;
  const char *s = str_cstr(name);
  const char *dot = strrchr(s, '.');
  return dot ? str_new(s, (size_t)(dot - s)) : str_from_cstr("");
}

Value import_module(Value name, Value globals, Value fromlist, int level) {
  if (!val_is_str(name)) return err_set(&Exc_TypeError, "module name must be str, not %T", name);
  if (level < 0) return err_set(&Exc_ValueError, "level must be >= 0");
  Value absname = name;
  if (level > 0) {
    Value pkg = calc_package(globals);
    if (!pkg || !val_is_str(pkg) || str_len_bytes(pkg) == 0)
      return err_set(&Exc_ImportError, "attempted relative import with no known parent package");
    const char *ps = str_cstr(pkg);
    size_t plen = (size_t)str_len_bytes(pkg);
    for (int i = 1; i < level; i++) {
      const char *dot = NULL;
      for (size_t j = plen; j > 0; j--)
        if (ps[j - 1] == '.') {
          dot = ps + j - 1;
          break;
        }
      if (!dot) return err_set(&Exc_ImportError, "attempted relative import beyond top-level package");
      plen = (size_t)(dot - ps);
    }
    Value base = str_new(ps, plen);
    if (str_len_bytes(name) == 0) absname = base;
    else absname = err_format("%U.%U", base, name);
    if (!absname) return VAL_NULL;
  } else if (str_len_bytes(name) == 0) {
    return err_set(&Exc_ValueError, "Empty module name");
  }
  Value m = import_dotted(absname);
  if (!m) return VAL_NULL;
  bool has_fromlist = fromlist && fromlist != VAL_NONE && obj_truthy(fromlist) > 0;
  if (!has_fromlist) {
    if (level == 0) {
      const char *s = str_cstr(name);
      const char *dot = strchr(s, '.');
      if (!dot) return m;
      Value top = dict_get(sys_modules, str_new(s, (size_t)(dot - s)));
      return top ? top : m;
    }
    if (str_len_bytes(name) == 0) return m;
    /* Relative import without fromlist: the module of the first component. */
    const char *s = str_cstr(name);
    const char *dot = strchr(s, '.');
    if (!dot) return m;
    size_t cut = (size_t)str_len_bytes(absname) - (size_t)str_len_bytes(name) + (size_t)(dot - s);
    Value top = dict_get(sys_modules, str_new(str_cstr(absname), cut));
    return top ? top : m;
  }
  /* from package import submodule: import the names that are submodules. */
  Value path = obj_getattr_opt(m, NAME(__path__));
  if (!path) {
    err_clear();
    return m;
  }
  Value it = obj_iter(fromlist);
  if (!it) return VAL_NULL;
  Value item;
  while ((item = obj_next(it))) {
    if (!val_is_str(item) || strcmp(str_cstr(item), "*") == 0) continue;
    StrObject *iname = str_intern(item);
    Value have = obj_getattr_opt(m, iname);
    if (have) continue;
    err_clear();
    Value sub = err_format("%U.%U", absname, item);
    if (!sub) return VAL_NULL;
    if (!import_dotted(sub)) {
      /* A missing submodule is not an error here: IMPORT_FROM reports it. */
      Value exc = err_peek();
      if (exc && err_matches(&Exc_ModuleNotFoundError)) {
        Value nm = VAL_NULL;
        if (AS(ExceptionObject, exc)->dict) nm = dict_get_cstr(AS(ExceptionObject, exc)->dict, "name");
        if (nm && val_is_str(nm) && str_equal(nm, sub)) {
          err_clear();
          continue;
        }
      }
      return VAL_NULL;
    }
  }
  if (err_occurred()) return VAL_NULL;
  return m;
}

Value import_module_cstr(const char *name) {
  Value m = dict_get_cstr(sys_modules, name);
  if (m) return m;
  Value n = str_from_cstr(name);
  m = import_dotted(n);
  return m;
}

Value import_from(Value module, StrObject *name) {
  Value v = obj_getattr_opt(module, name);
  if (v) return v;
  if (err_occurred()) {
    if (!err_matches(&Exc_AttributeError)) return VAL_NULL;
    err_clear();
  }
  /* A submodule imported since (circular imports): look in sys.modules. */
  Value mname = obj_getattr_opt(module, NAME(__name__));
  if (!mname) err_clear();
  if (mname && val_is_str(mname)) {
    Value full = err_format("%U.%U", mname, (Value)name);
    if (full) {
      Value sub = dict_get(sys_modules, full);
      if (sub) return sub;
    }
    err_clear();
  }
  Value file = obj_getattr_opt(module, NAME(__file__));
  if (!file) err_clear();
  Value mn = mname && val_is_str(mname) ? mname : str_from_cstr("<unknown module name>");
  bool partial = val_is_obj(module) && type_is_subtype(val_type(module), &ModuleType) &&
                 AS(ModuleObject, module)->initializing;
  if (partial && file && val_is_str(file))
    err_set(&Exc_ImportError,
            "cannot import name %R from partially initialized module %R (most likely due to a circular import) (%U)",
            (Value)name, mn, file);
  else if (partial)
    err_set(&Exc_ImportError,
            "cannot import name %R from partially initialized module %R (most likely due to a circular import) (unknown location)",
            (Value)name, mn);
  else if (file && val_is_str(file))
    err_set(&Exc_ImportError, "cannot import name %R from %R (%U)", (Value)name, mn, file);
  else
    err_set(&Exc_ImportError, "cannot import name %R from %R (unknown location)", (Value)name, mn);
  Value exc = err_peek();
  if (exc && AS(ExceptionObject, exc)->dict) {
    dict_set_cstr(AS(ExceptionObject, exc)->dict, "name", mn);
    if (file) dict_set_cstr(AS(ExceptionObject, exc)->dict, "path", file);
  }
  return VAL_NULL;
}

/* ---- running __main__ -------------------------------------------------- */

/* Reports the pending exception as the interpreter does at exit; returns
 * the exit status (SystemExit's code, 1 for anything else). */
int import_handle_exit_exception(void) {
  if (err_matches(&Exc_SystemExit)) {
    Value pending = err_fetch();
    fileio_flush_std();
    err_restore(pending);
    Value exc = err_fetch();
    Value code = VAL_NONE;
    if (AS(ExceptionObject, exc)->dict) {
      Value c = dict_get_cstr(AS(ExceptionObject, exc)->dict, "code");
      if (c) code = c;
    }
    if (code == VAL_NONE) return 0;
    if (val_is_int(code)) return (int)val_int(code);
    if (val_is_obj(code) && (val_type(code)->flags & TP_INT_SUBCLASS)) return 1;
    Value s = obj_str(code);
    if (!s) {
      err_clear();
      return 1;
    }
    Value line = str_concat(s, str_from_cstr("\n"));
    Value err = sys_module ? dict_get_str(module_dict(sys_module), NAME(stderr)) : VAL_NULL;
    if (line && err && err != VAL_NONE && obj_call_method(err, NAME(write), &line, 1)) {
      if (!obj_call_method(err, NAME(flush), NULL, 0)) err_clear();
    } else {
      err_clear();
      fprintf(stderr, "%s\n", str_cstr(s));
    }
    return 1;
  }
  if (err_matches(&Exc_KeyboardInterrupt)) {
    /* As CPython: report, then die of SIGINT so the parent sees it. */
    err_print_current();
    fileio_flush_std();
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
    return 130;
  }
  err_print_current();
  return 1;
}

static Value main_module(const char *file) {
  Value module = module_new("__main__");
  AS(ModuleObject, module)->builtin = true; /* as CPython's, whose loader is BuiltinImporter */
  init_module_globals(module, file, VAL_NONE, VAL_NULL);
  /* As CPython's __main__: the builtins module itself (other modules get
   * its dict) and an empty __annotations__. */
  Value d = module_dict(module);
  Value builtins = dict_get_cstr(sys_modules, "builtins");
  if (builtins) dict_set_str(d, NAME(__builtins__), builtins);
  dict_set_cstr(d, "__annotations__", dict_new());
  if (!file) dict_del(d, str_from_cstr("__cached__")); /* -c code has neither __file__ nor __cached__ */
  dict_set_str(sys_modules, NAME(__main__), module);
  return module;
}

static void set_path0(const char *dir) {
  if (!sys_module) return;
  Value path = dict_get_str(module_dict(sys_module), NAME(path));
  if (!path || !val_is_list(path)) return;
  Value entry = str_from_cstr(dir);
  if (LIST_LEN(path) > 0 && val_is_str(LIST_ITEMS(path)[0]) && str_equal(LIST_ITEMS(path)[0], entry)) return;
  /* Insert at 0. */
  list_append(path, VAL_NONE);
  for (ssize_t i = LIST_LEN(path) - 1; i > 0; i--) LIST_ITEMS(path)[i] = LIST_ITEMS(path)[i - 1];
  LIST_ITEMS(path)[0] = entry;
}

int run_main_file(const char *path) {
  char abspath[2 * PATH_MAX + 16];
  if (path[0] == '/') {
    snprintf(abspath, sizeof abspath, "%s", path);
  } else {
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) cwd[0] = 0;
    const char *p = path;
    while (p[0] == '.' && p[1] == '/') p += 2;
    snprintf(abspath, sizeof abspath, "%s/%s", cwd, p);
  }
  size_t len;
  char *src = is_dir(abspath) ? NULL : read_whole_file(abspath, &len);
  if (!src) {
    int e = is_dir(abspath) ? EISDIR : errno;
    fprintf(stderr, "gilpy: can't open file '%s': [Errno %d] %s\n", abspath, e, strerror(e));
    return 2;
  }
  char dir[2 * PATH_MAX + 16];
  snprintf(dir, sizeof dir, "%s", abspath);
  char *slash = strrchr(dir, '/');
  if (slash == dir) slash[1] = 0;
  else if (slash) *slash = 0;
  set_path0(dir);
  Value module = main_module(abspath);
  Value r = exec_source(module, src, len, abspath);
  free(src);
  if (!r) return import_handle_exit_exception();
  return 0;
}

int run_main_string(const char *code) {
  set_path0("");
  Value module = main_module(NULL);
  Value r = exec_source(module, code, strlen(code), "<string>");
  if (!r) return import_handle_exit_exception();
  return 0;
}

int run_main_module(const char *modname) {
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) cwd[0] = 0;
  set_path0(cwd);
  /* Find the module's source without executing it as itself: import its
   * parent package, then locate the file. */
  const char *dot = strrchr(modname, '.');
  const char *last = dot ? dot + 1 : modname;
  Value search = VAL_NULL;
  if (dot) {
    Value parent = import_module_cstr(strndup(modname, (size_t)(dot - modname)));
    if (!parent) return import_handle_exit_exception();
    search = obj_getattr_opt(parent, NAME(__path__));
    if (!search) search = list_new(0);
  } else {
    search = list_new(0);
    Value path = dict_get_str(module_dict(sys_module), NAME(path));
    if (path) list_extend(search, path);
    list_append(search, str_from_cstr(EMBED_PREFIX));
  }
  Value it = obj_iter(search);
  Value entry;
  while (it && (entry = obj_next(it))) {
    if (!val_is_str(entry)) continue;
    const char *d = str_cstr(entry);
    char path[2 * PATH_MAX + 16];
    if (strncmp(d, EMBED_PREFIX, strlen(EMBED_PREFIX)) == 0) {
      const char *rel = d + strlen(EMBED_PREFIX);
      char relpath[PATH_MAX];
      snprintf(relpath, sizeof relpath, "%s%s%s.py", rel, *rel ? "/" : "", last);
      const EmbeddedFile *f = import_find_embedded(relpath);
      if (!f) {
        snprintf(relpath, sizeof relpath, "%s%s%s/__main__.py", rel, *rel ? "/" : "", last);
        f = import_find_embedded(relpath);
      }
      if (!f) continue;
      snprintf(path, sizeof path, EMBED_PREFIX "%s", relpath);
      Value module = main_module(path);
      if (!exec_source(module, f->source, f->len, path)) return import_handle_exit_exception();
      return 0;
    }
    snprintf(path, sizeof path, "%s%s%s.py", *d ? d : "", *d ? "/" : "", last);
    if (!is_file(path)) {
      snprintf(path, sizeof path, "%s%s%s/__main__.py", *d ? d : "", *d ? "/" : "", last);
      if (!is_file(path)) continue;
    }
    size_t len;
    char *src = read_whole_file(path, &len);
    if (!src) continue;
    Value module = main_module(path);
    Value r = exec_source(module, src, len, path);
    free(src);
    if (!r) return import_handle_exit_exception();
    return 0;
  }
  if (err_occurred()) return import_handle_exit_exception();
  fprintf(stderr, "gilpy: No module named %s\n", modname);
  return 1;
}
