/* os.c — the os module: process, environment, files and directories.
 *
 * os.path is posixpath, written in gilpy (stdlib/lib/posixpath.py) on top
 * of os.stat/os.getcwd; this module imports it at init and binds it as
 * os.path, as CPython's os.py does.  Errors from system calls are raised
 * with err_set_from_errno, which picks the OSError subclass for errno and
 * words the message "[Errno 2] No such file or directory: 'x'".
 * Calls that may block (file system, waits) run with the GIL released and
 * hold only C data meanwhile.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/set.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/compile.h"
#include "vm/eval.h"
#include "vm/gil.h"

extern char **environ;

/* ---- argument helpers -------------------------------------------------- */

/* os.fspath(): str or bytes as is, else __fspath__(); VAL_NULL + TypeError. */
static Value fspath(Value v) {
  if (val_is_str(v) || val_is_bytes(v)) return v;
  bool found = false;
  Value r = type_call_special(v, str_intern_cstr("__fspath__"), NULL, 0, NULL, &found);
  if (!found) {
    if (err_occurred()) return VAL_NULL;
    return err_set(&Exc_TypeError, "expected str, bytes or os.PathLike object, not %T", v);
  }
  if (!r) return VAL_NULL;
  if (!val_is_str(r) && !val_is_bytes(r))
    return err_set(&Exc_TypeError, "expected %T.__fspath__() to return str or bytes, not %T", v, r);
  return r;
}

/* A path argument as a C string; the message names the function. */
static const char *path_arg(Value v, const char *fname, Value *pathobj) {
  if (!val_is_str(v) && !val_is_bytes(v)) {
    bool found = false;
    Value r = type_call_special(v, str_intern_cstr("__fspath__"), NULL, 0, NULL, &found);
    if (!found) {
      if (!err_occurred())
        err_set(&Exc_TypeError, "%s: path should be string, bytes or os.PathLike, not %T", fname, v);
      return NULL;
    }
    if (!r) return NULL;
    v = r;
  }
  *pathobj = v;
  return val_is_str(v) ? str_cstr(v) : AS(BytesObject, v)->data;
}

/* An int argument; false with TypeError worded as CPython's. */
static bool int_arg(Value v, long *out) {
  if (!val_is_intlike(v)) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  int64_t i;
  if (!int_to_i64(v, &i)) return false;
  *out = (long)i;
  return true;
}

static Value errno_error(int e, Value filename) { return err_set_from_errno(&Exc_OSError, e, filename); }

static Value errno_error2(int e, Value f1, Value f2) {
  Value a[5] = {val_from_int(e), str_from_cstr(strerror(e)), f1, VAL_NONE, f2};
  Value exc = exc_new(&Exc_OSError, a, 5);
  if (!exc) return VAL_NULL;
  return err_set_value(exc);
}

/* ---- stat_result ------------------------------------------------------- */

#define ST_GET(i) \
  static Value st_get##i(Value self) { return TUPLE_ITEMS(self)[i]; }
ST_GET(0) ST_GET(1) ST_GET(2) ST_GET(3) ST_GET(4) ST_GET(5) ST_GET(6) ST_GET(7) ST_GET(8) ST_GET(9)
/* st_atime/st_mtime/st_ctime read as floats (the hidden items 10..12). */
static Value st_getf(Value self, int i) { return TUPLE_ITEMS(self)[i]; }
static Value st_atime_f(Value self) { return st_getf(self, 10); }
static Value st_mtime_f(Value self) { return st_getf(self, 11); }
static Value st_ctime_f(Value self) { return st_getf(self, 12); }

static const GetSetDef stat_fields[] = {
    {"st_mode", st_get0, NULL}, {"st_ino", st_get1, NULL}, {"st_dev", st_get2, NULL},
    {"st_nlink", st_get3, NULL}, {"st_uid", st_get4, NULL}, {"st_gid", st_get5, NULL},
    {"st_size", st_get6, NULL}, {"st_atime", st_atime_f, NULL}, {"st_mtime", st_mtime_f, NULL},
    {"st_ctime", st_ctime_f, NULL}, {"st_atime_int", st_get7, NULL}, {"st_mtime_int", st_get8, NULL},
    {"st_ctime_int", st_get9, NULL}, {NULL, NULL, NULL}};

static TypeObject StatResultType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "os.stat_result",
    .base_type = &TupleType,
    .instance_size = sizeof(TupleObject) + 10 * sizeof(Value),
    .flags = TP_TUPLE_SUBCLASS,
    .tp_new = structseq_tp_new,
    .repr = structseq_repr,
    .getsets = stat_fields,
};

static Value make_stat(const struct stat *st) {
  Value items[13] = {
      val_from_int(st->st_mode), int_from_u64(st->st_ino), int_from_u64(st->st_dev),
      val_from_int((intptr_t)st->st_nlink), val_from_int(st->st_uid), val_from_int(st->st_gid),
      int_from_i64(st->st_size), int_from_i64(st->st_atim.tv_sec), int_from_i64(st->st_mtim.tv_sec),
      int_from_i64(st->st_ctim.tv_sec),
      float_new((double)st->st_atim.tv_sec + st->st_atim.tv_nsec * 1e-9),
      float_new((double)st->st_mtim.tv_sec + st->st_mtim.tv_nsec * 1e-9),
      float_new((double)st->st_ctim.tv_sec + st->st_ctim.tv_nsec * 1e-9)};
  /* The float times are hidden items past the tuple part; stat_trace
   * marks them, since tuple tracing stops at len. */
  return structseq_new(&StatResultType, items, 10, 13);
}

/* Traces the hidden float items too (they are heap objects). */
static void stat_trace(Object *o) {
  TupleObject *t = (TupleObject *)o;
  gc_mark_array(t->items, 13);
}

/* ---- os.environ -------------------------------------------------------- */

/* A dict subclass whose item assignments also change the process
 * environment (so that child processes see them), as CPython's _Environ. */
static int environ_setitem(Value self, Value key, Value v) {
  if (!val_is_str(key)) return ERR_INT(err_set(&Exc_TypeError, "str expected, not %T", key));
  if (v && !val_is_str(v)) return ERR_INT(err_set(&Exc_TypeError, "str expected, not %T", v));
  if (DictType.setitem(self, key, v) < 0) return -1;
  if (v) setenv(str_cstr(key), str_cstr(v), 1);
  else unsetenv(str_cstr(key));
  return 0;
}

static Value environ_repr(Value self) {
  TypeObject *saved = self->type;
  self->type = &DictType;
  Value inner = obj_repr(self);
  self->type = saved;
  if (!inner) return VAL_NULL;
  return err_format("environ(%U)", inner);
}

static TypeObject EnvironType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "os._Environ",
    .base_type = &DictType,
    .instance_size = sizeof(DictObject),
    .flags = TP_DICT_SUBCLASS,
    .repr = environ_repr,
    .setitem = environ_setitem,
};

/* ---- functions --------------------------------------------------------- */

static Value o_getpid(Value self, Value *args, size_t nargs, TupleObject *kw) { return val_from_int(getpid()); }
static Value o_getppid(Value self, Value *args, size_t nargs, TupleObject *kw) { return val_from_int(getppid()); }
static Value o_getuid(Value self, Value *args, size_t nargs, TupleObject *kw) { return val_from_int(getuid()); }

static Value o_getcwd(Value self, Value *args, size_t nargs, TupleObject *kw) {
  char buf[4096];
  if (!getcwd(buf, sizeof buf)) return errno_error(errno, VAL_NULL);
  return str_from_cstr(buf);
}

static Value o_chdir(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("chdir", nargs, 1, 1)) return VAL_NULL;
  Value po;
  const char *p = path_arg(args[0], "chdir", &po);
  if (!p) return VAL_NULL;
  if (chdir(p) < 0) return errno_error(errno, args[0]);
  return VAL_NONE;
}

static Value o_getenv(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("getenv(key, default=None)");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  if (!val_is_str(a[0])) return err_set(&Exc_TypeError, "str expected, not %T", a[0]);
  Value env = dict_get_cstr(module_dict(self), "environ");
  Value v = env && val_is_dict(env) ? dict_get(env, a[0]) : VAL_NULL;
  if (v) return v;
  if (err_occurred()) return VAL_NULL;
  return a[1] ? a[1] : VAL_NONE;
}

static Value o_putenv(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("putenv", nargs, 2, 2)) return VAL_NULL;
  if (!val_is_str(args[0]) || !val_is_str(args[1])) return err_set(&Exc_TypeError, "str expected, not %T", args[0]);
  setenv(str_cstr(args[0]), str_cstr(args[1]), 1);
  return VAL_NONE;
}

static Value o_unsetenv(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("unsetenv", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "str expected, not %T", args[0]);
  unsetenv(str_cstr(args[0]));
  return VAL_NONE;
}

static Value o_listdir(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("listdir", nargs, 0, 1)) return VAL_NULL;
  Value po = VAL_NULL;
  const char *p = ".";
  if (nargs && args[0] != VAL_NONE) {
    p = path_arg(args[0], "listdir", &po);
    if (!p) return VAL_NULL;
  }
  DIR *d = opendir(p);
  if (!d) return errno_error(errno, nargs && args[0] != VAL_NONE ? args[0] : str_from_cstr("."));
  Value l = list_new(0);
  struct dirent *e;
  while ((e = readdir(d))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    list_append(l, po && val_is_bytes(po) ? bytes_new(e->d_name, strlen(e->d_name)) : str_from_cstr(e->d_name));
  }
  closedir(d);
  return l;
}

#define SIMPLE_PATH_OP(fn, name, call)                                         \
  static Value fn(Value self, Value *args, size_t nargs, TupleObject *kw) {  \
    if (!args_count(name, nargs, 1, 1)) return VAL_NULL;                     \
    Value po;                                                                \
    const char *p = path_arg(args[0], name, &po);                            \
    if (!p) return VAL_NULL;                                                 \
    int r, e = 0;                                                            \
    GIL_RELEASE();                                                           \
    r = call;                                                                \
    if (r < 0) e = errno;                                                    \
    GIL_ACQUIRE();                                                           \
    if (r < 0) return errno_error(e, args[0]);                               \
    return VAL_NONE;                                                         \
  }
SIMPLE_PATH_OP(o_remove, "remove", unlink(p))
SIMPLE_PATH_OP(o_rmdir, "rmdir", rmdir(p))

static Value o_mkdir(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("mkdir(path, mode=511, *, dir_fd=None)");
  Value a[3];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  Value po;
  const char *p = path_arg(a[0], "mkdir", &po);
  if (!p) return VAL_NULL;
  int mode = a[1] && val_is_int(a[1]) ? (int)val_int(a[1]) : 0777;
  if (mkdir(p, (mode_t)mode) < 0) return errno_error(errno, a[0]);
  return VAL_NONE;
}

static Value o_makedirs(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("makedirs(name, mode=511, exist_ok=False)");
  Value a[3];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  Value po;
  const char *p = path_arg(a[0], "makedirs", &po);
  if (!p) return VAL_NULL;
  int mode = a[1] && val_is_int(a[1]) ? (int)val_int(a[1]) : 0777;
  int exist_ok = 0;
  if (a[2]) {
    exist_ok = obj_truthy(a[2]);
    if (exist_ok < 0) return VAL_NULL;
  }
  size_t n = strlen(p);
  char *buf = malloc(n + 1);
  memcpy(buf, p, n + 1);
  /* Create each missing parent, then the leaf (which reports EEXIST). */
  for (size_t i = 1; i < n; i++) {
    if (buf[i] != '/') continue;
    buf[i] = 0;
    struct stat st;
    if (stat(buf, &st) < 0 && mkdir(buf, (mode_t)mode) < 0 && errno != EEXIST) {
      int e = errno;
      Value f = str_from_cstr(buf);
      free(buf);
      return errno_error(e, f);
    }
    buf[i] = '/';
  }
  free(buf);
  if (mkdir(p, (mode_t)mode) < 0) {
    int e = errno;
    struct stat st;
    if (e == EEXIST && exist_ok && stat(p, &st) == 0 && S_ISDIR(st.st_mode)) return VAL_NONE;
    return errno_error(e, a[0]);
  }
  return VAL_NONE;
}

static Value o_rename(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("rename", nargs, 2, 2)) return VAL_NULL;
  Value po1, po2;
  const char *a = path_arg(args[0], "rename", &po1);
  if (!a) return VAL_NULL;
  const char *b = path_arg(args[1], "rename", &po2);
  if (!b) return VAL_NULL;
  if (rename(a, b) < 0) return errno_error2(errno, args[0], args[1]);
  return VAL_NONE;
}

static Value do_stat(Value *args, size_t nargs, TupleObject *kw, const char *fname, bool follow) {
  if (!args_count(fname, nargs, 1, 1)) return VAL_NULL;
  struct stat st;
  int r, e = 0;
  if (val_is_int(args[0])) {
    r = fstat((int)val_int(args[0]), &st);
    if (r < 0) return errno_error(errno, VAL_NULL);
    return make_stat(&st);
  }
  Value po;
  const char *p = path_arg(args[0], fname, &po);
  if (!p) return VAL_NULL;
  GIL_RELEASE();
  r = follow ? stat(p, &st) : lstat(p, &st);
  if (r < 0) e = errno;
  GIL_ACQUIRE();
  if (r < 0) return errno_error(e, args[0]);
  return make_stat(&st);
}

static Value o_stat(Value self, Value *args, size_t nargs, TupleObject *kw) { return do_stat(args, nargs, kw, "stat", true); }
static Value o_lstat(Value self, Value *args, size_t nargs, TupleObject *kw) { return do_stat(args, nargs, kw, "lstat", false); }

static Value o_access(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("access", nargs, 2, 2)) return VAL_NULL;
  Value po;
  const char *p = path_arg(args[0], "access", &po);
  if (!p) return VAL_NULL;
  if (!val_is_int(args[1])) return err_set(&Exc_TypeError, "an integer is required");
  return val_bool(access(p, (int)val_int(args[1])) == 0);
}

static Value o_cpu_count(Value self, Value *args, size_t nargs, TupleObject *kw) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? val_from_int(n) : VAL_NONE;
}

static Value o_urandom(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("urandom", nargs, 1, 1)) return VAL_NULL;
  ssize_t n = obj_as_ssize(args[0]);
  if (n == -1 && err_occurred()) return VAL_NULL;
  if (n < 0) return err_set(&Exc_ValueError, "negative argument not allowed");
  char *buf = malloc((size_t)n + 1);
  size_t got = 0;
  while (got < (size_t)n) {
    ssize_t r = getrandom(buf + got, (size_t)n - got, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      free(buf);
      return errno_error(e, VAL_NULL);
    }
    got += (size_t)r;
  }
  Value b = bytes_new(buf, (size_t)n);
  free(buf);
  return b;
}

static Value o_strerror(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("strerror", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_int(args[0])) return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
  return str_from_cstr(strerror((int)val_int(args[0])));
}

static Value o_fspath(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("fspath", nargs, 1, 1)) return VAL_NULL;
  return fspath(args[0]);
}

static Value o_kill(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("kill", nargs, 2, 2)) return VAL_NULL;
  long pid, sig;
  if (!int_arg(args[0], &pid) || !int_arg(args[1], &sig)) return VAL_NULL;
  if (kill((pid_t)pid, (int)sig) < 0) return errno_error(errno, VAL_NULL);
  return VAL_NONE;
}

static Value o__exit(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("_exit", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_int(args[0])) return err_set(&Exc_TypeError, "an integer is required");
  _exit((int)val_int(args[0]));
}

static Value o_write(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("write", nargs, 2, 2)) return VAL_NULL;
  if (!val_is_int(args[0])) return err_set(&Exc_TypeError, "an integer is required");
  const char *data;
  size_t len;
  if (!bytes_buffer(args[1], &data, &len)) return VAL_NULL;
  /* The data must not move while the GIL is released: copy it. */
  char *copy = malloc(len ? len : 1);
  memcpy(copy, data, len);
  int fd = (int)val_int(args[0]);
  ssize_t r;
  int e = 0;
  GIL_RELEASE();
  do {
    r = write(fd, copy, len);
  } while (r < 0 && errno == EINTR);
  if (r < 0) e = errno;
  GIL_ACQUIRE();
  free(copy);
  if (r < 0) return errno_error(e, VAL_NULL);
  return int_from_i64(r);
}

static Value o_read(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("read", nargs, 2, 2)) return VAL_NULL;
  if (!val_is_int(args[0]) || !val_is_int(args[1])) return err_set(&Exc_TypeError, "an integer is required");
  intptr_t n = val_int(args[1]);
  if (n < 0) return errno_error(EINVAL, VAL_NULL);
  char *buf = malloc((size_t)n + 1);
  int fd = (int)val_int(args[0]);
  ssize_t r;
  int e = 0;
  GIL_RELEASE();
  do {
    r = read(fd, buf, (size_t)n);
  } while (r < 0 && errno == EINTR);
  if (r < 0) e = errno;
  GIL_ACQUIRE();
  if (r < 0) {
    free(buf);
    return errno_error(e, VAL_NULL);
  }
  Value b = bytes_new(buf, (size_t)r);
  free(buf);
  return b;
}

static Value o_close(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("close", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_int(args[0])) return err_set(&Exc_TypeError, "an integer is required");
  if (close((int)val_int(args[0])) < 0) return errno_error(errno, VAL_NULL);
  return VAL_NONE;
}

static Value o_pipe(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) < 0) return errno_error(errno, VAL_NULL);
  return tuple_pack(2, val_from_int(fds[0]), val_from_int(fds[1]));
}

static Value o_isatty(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("isatty", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_int(args[0])) return err_set(&Exc_TypeError, "an integer is required");
  return val_bool(isatty((int)val_int(args[0])));
}

static Value o_get_terminal_size(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return tuple_pack(2, val_from_int(80), val_from_int(24));
}

static Value o_waitpid(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("waitpid", nargs, 2, 2)) return VAL_NULL;
  if (!val_is_int(args[0]) || !val_is_int(args[1])) return err_set(&Exc_TypeError, "an integer is required");
  pid_t pid = (pid_t)val_int(args[0]);
  int options = (int)val_int(args[1]);
  int status = 0, e;
  pid_t r;
  /* A signal that interrupts the wait has its handlers run; the wait
   * resumes unless one raised (PEP 475: Ctrl-C stops a wait for a child
   * that ignores SIGINT). */
  for (;;) {
    e = 0;
    GIL_RELEASE();
    r = waitpid(pid, &status, options);
    if (r < 0) e = errno;
    GIL_ACQUIRE();
    if (r >= 0 || e != EINTR) break;
    if (eval_handle_breaker() < 0) return VAL_NULL;
  }
  if (r < 0) return errno_error(e, VAL_NULL);
  return tuple_pack(2, val_from_int(r), val_from_int(status));
}

/* Hooks of the threads area, run around fork() once it exists: the child
 * must rebuild the GIL and drop the other threads' states.  Weak: absent
 * until threads land (then only the forking thread exists anyway). */
void os_before_fork(void) __attribute__((weak));
void os_after_fork_parent(void) __attribute__((weak));
void os_after_fork_child(void) __attribute__((weak));

/* Flushes sys.stdout and sys.stderr, so that output still buffered in the
 * parent is not written a second time by the child; errors are dropped
 * (a closed or missing stream has nothing to flush). */
static void flush_std_streams(void) {
  static const char *const names[] = {"stdout", "stderr"};
  for (int i = 0; i < 2; i++) {
    Value stream = dict_get_cstr(module_dict(sys_module), names[i]);
    if (!stream || stream == VAL_NONE) continue;
    if (!obj_call_method(stream, str_intern_cstr("flush"), NULL, 0)) err_clear();
  }
}

/* Runs the callables registered with os.register_at_fork (lists kept in
 * the module dict by the gilpy part below); "before" hooks run last
 * registered first, as in CPython.  A hook's exception is dropped: fork
 * goes on regardless. */
static void run_fork_hooks(Value module, const char *list_name, bool reverse) {
  Value l = dict_get_cstr(module_dict(module), list_name);
  if (!l || !val_is_list(l)) return;
  Value items = list_new(0);
  for (size_t i = 0; i < (size_t)LIST_LEN(l); i++) list_append(items, LIST_ITEMS(l)[i]);
  size_t n = (size_t)LIST_LEN(items);
  for (size_t k = 0; k < n; k++) {
    Value f = LIST_ITEMS(items)[reverse ? n - 1 - k : k];
    if (!obj_call(f, NULL, 0, NULL)) err_clear();
  }
}

static Value o_fork(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("fork", nargs, 0, 0)) return VAL_NULL;
  run_fork_hooks(self, "_fork_before", true);
  flush_std_streams();
  if (os_before_fork) os_before_fork();
  pid_t pid = fork();
  int e = errno;
  if (pid == 0) {
    if (os_after_fork_child) os_after_fork_child();
    run_fork_hooks(self, "_fork_after_in_child", false);
  } else {
    if (os_after_fork_parent) os_after_fork_parent();
    run_fork_hooks(self, "_fork_after_in_parent", false);
  }
  if (pid < 0) return errno_error(e, VAL_NULL);
  return val_from_int(pid);
}

static Value o_wait(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("wait", nargs, 0, 0)) return VAL_NULL;
  int status = 0, e = 0;
  pid_t r;
  GIL_RELEASE();
  do {
    r = wait(&status);
  } while (r < 0 && errno == EINTR);
  if (r < 0) e = errno;
  GIL_ACQUIRE();
  if (r < 0) return errno_error(e, VAL_NULL);
  return tuple_pack(2, val_from_int(r), val_from_int(status));
}

#define STATUS_FN(fn, expr)                                                   \
  static Value fn(Value self, Value *args, size_t nargs, TupleObject *kw) {  \
    if (!args_count(&#fn[2], nargs, 1, 1)) return VAL_NULL;                   \
    if (!val_is_int(args[0])) return err_set(&Exc_TypeError, "an integer is required"); \
    int status = (int)val_int(args[0]);                                      \
    return expr;                                                             \
  }
STATUS_FN(o_WIFEXITED, val_bool(WIFEXITED(status)))
STATUS_FN(o_WEXITSTATUS, val_from_int(WEXITSTATUS(status)))
STATUS_FN(o_WIFSIGNALED, val_bool(WIFSIGNALED(status)))
STATUS_FN(o_WTERMSIG, val_from_int(WTERMSIG(status)))
STATUS_FN(o_waitstatus_to_exitcode,
          WIFEXITED(status) ? val_from_int(WEXITSTATUS(status)) : val_from_int(-WTERMSIG(status)))

static Value o_system(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("system", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "system() argument 'command' must be str, not %T", args[0]);
  int r;
  const char *cmd = str_cstr(args[0]);
  char *copy = strdup(cmd);
  GIL_RELEASE();
  r = system(copy);
  GIL_ACQUIRE();
  free(copy);
  return val_from_int(r);
}

/* ---- more descriptors, ids and paths ------------------------------------ */


static Value o_dup(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("dup", nargs, 1, 1)) return VAL_NULL;
  long fd;
  if (!int_arg(args[0], &fd)) return VAL_NULL;
  int r = fcntl((int)fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return errno_error(errno, VAL_NULL);
  return val_from_int(r);
}

static Value o_dup2(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("dup2(fd, fd2, inheritable=True)");
  Value a[3];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  long fd, fd2;
  if (!int_arg(a[0], &fd) || !int_arg(a[1], &fd2)) return VAL_NULL;
  bool inheritable = !a[2] || obj_truthy(a[2]) > 0;
  int r = inheritable ? dup2((int)fd, (int)fd2) : dup3((int)fd, (int)fd2, O_CLOEXEC);
  if (r < 0) return errno_error(errno, VAL_NULL);
  return val_from_int(r);
}

/* Descriptor flags (subprocess and asyncio's pipes): the close-on-exec
 * flag as "inheritable", O_NONBLOCK as "blocking". */
static Value fd_flag_get(Value *args, size_t nargs, const char *fname, int getcmd, int bit) {
  if (!args_count(fname, nargs, 1, 1)) return VAL_NULL;
  long fd;
  if (!int_arg(args[0], &fd)) return VAL_NULL;
  int flags = fcntl((int)fd, getcmd);
  if (flags < 0) return errno_error(errno, VAL_NULL);
  return val_bool((flags & bit) == 0);
}

static Value fd_flag_set(Value *args, size_t nargs, const char *fname, int getcmd, int setcmd, int bit) {
  if (!args_count(fname, nargs, 2, 2)) return VAL_NULL;
  long fd;
  if (!int_arg(args[0], &fd)) return VAL_NULL;
  int on = obj_truthy(args[1]);
  if (on < 0) return VAL_NULL;
  int flags = fcntl((int)fd, getcmd);
  if (flags < 0) return errno_error(errno, VAL_NULL);
  int wanted = on ? flags & ~bit : flags | bit;
  if (wanted != flags && fcntl((int)fd, setcmd, wanted) < 0) return errno_error(errno, VAL_NULL);
  return VAL_NONE;
}

static Value o_get_inheritable(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return fd_flag_get(args, nargs, "get_inheritable", F_GETFD, FD_CLOEXEC);
}
static Value o_set_inheritable(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return fd_flag_set(args, nargs, "set_inheritable", F_GETFD, F_SETFD, FD_CLOEXEC);
}
static Value o_get_blocking(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return fd_flag_get(args, nargs, "get_blocking", F_GETFL, O_NONBLOCK);
}
static Value o_set_blocking(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return fd_flag_set(args, nargs, "set_blocking", F_GETFL, F_SETFL, O_NONBLOCK);
}

static Value o_open(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("open(path, flags, mode=511, *, dir_fd=None)");
  Value a[4];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  Value po;
  const char *p = path_arg(a[0], "open", &po);
  if (!p) return VAL_NULL;
  long flags, mode = 0777;
  if (!int_arg(a[1], &flags)) return VAL_NULL;
  if (a[2] && !int_arg(a[2], &mode)) return VAL_NULL;
  int r, e = 0;
  GIL_RELEASE();
  do {
    r = open(p, (int)flags | O_CLOEXEC, (mode_t)mode);
  } while (r < 0 && errno == EINTR);
  if (r < 0) e = errno;
  GIL_ACQUIRE();
  if (r < 0) return errno_error(e, a[0]);
  return val_from_int(r);
}

static Value o_lseek(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("lseek", nargs, 3, 3)) return VAL_NULL;
  long fd, pos, how;
  if (!int_arg(args[0], &fd) || !int_arg(args[1], &pos) || !int_arg(args[2], &how)) return VAL_NULL;
  off_t r = lseek((int)fd, (off_t)pos, (int)how);
  if (r < 0) return errno_error(errno, VAL_NULL);
  return int_from_i64((int64_t)r);
}

static Value o_fsync(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("fsync", nargs, 1, 1)) return VAL_NULL;
  long fd;
  if (!int_arg(args[0], &fd)) return VAL_NULL;
  int r, e = 0;
  GIL_RELEASE();
  r = fsync((int)fd);
  if (r < 0) e = errno;
  GIL_ACQUIRE();
  if (r < 0) return errno_error(e, VAL_NULL);
  return VAL_NONE;
}

static Value o_ftruncate(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("ftruncate", nargs, 2, 2)) return VAL_NULL;
  long fd, len;
  if (!int_arg(args[0], &fd) || !int_arg(args[1], &len)) return VAL_NULL;
  if (ftruncate((int)fd, (off_t)len) < 0) return errno_error(errno, VAL_NULL);
  return VAL_NONE;
}

static Value o_chmod(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("chmod(path, mode, *, dir_fd=None, follow_symlinks=True)");
  Value a[4];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  Value po;
  const char *p = path_arg(a[0], "chmod", &po);
  if (!p) return VAL_NULL;
  long mode;
  if (!int_arg(a[1], &mode)) return VAL_NULL;
  if (chmod(p, (mode_t)mode) < 0) return errno_error(errno, a[0]);
  return VAL_NONE;
}

static Value o_umask(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("umask", nargs, 1, 1)) return VAL_NULL;
  long mask;
  if (!int_arg(args[0], &mask)) return VAL_NULL;
  return val_from_int((long)umask((mode_t)mask));
}

static Value two_paths(Value *args, size_t nargs, const char *fname, int (*fn)(const char *, const char *)) {
  if (!args_count(fname, nargs, 2, 2)) return VAL_NULL;
  Value po1, po2;
  const char *a = path_arg(args[0], fname, &po1);
  if (!a) return VAL_NULL;
  const char *b = path_arg(args[1], fname, &po2);
  if (!b) return VAL_NULL;
  if (fn(a, b) < 0) return errno_error2(errno, args[0], args[1]);
  return VAL_NONE;
}
static Value o_symlink(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return two_paths(args, nargs, "symlink", symlink);
}
static Value o_link(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return two_paths(args, nargs, "link", link);
}

static Value o_readlink(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("readlink", nargs, 1, 1)) return VAL_NULL;
  Value po;
  const char *p = path_arg(args[0], "readlink", &po);
  if (!p) return VAL_NULL;
  char buf[4096];
  ssize_t n = readlink(p, buf, sizeof buf);
  if (n < 0) return errno_error(errno, args[0]);
  if (val_is_bytes(po)) return bytes_new(buf, (size_t)n);
  return str_from_utf8(buf, (size_t)n, "surrogateescape");
}

#define ID_FN(fn, expr)                                                     \
  static Value fn(Value self, Value *args, size_t nargs, TupleObject *kw) { \
    if (!args_count(&#fn[2], nargs, 0, 0)) return VAL_NULL;                \
    return val_from_int((long)(expr));                                     \
  }
ID_FN(o_getgid, getgid())
ID_FN(o_geteuid, geteuid())
ID_FN(o_getegid, getegid())
ID_FN(o_getpgrp, getpgrp())

static Value o_getpgid(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("getpgid", nargs, 1, 1)) return VAL_NULL;
  long pid;
  if (!int_arg(args[0], &pid)) return VAL_NULL;
  pid_t r = getpgid((pid_t)pid);
  if (r < 0) return errno_error(errno, VAL_NULL);
  return val_from_int(r);
}

static Value o_setsid(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("setsid", nargs, 0, 0)) return VAL_NULL;
  if (setsid() < 0) return errno_error(errno, VAL_NULL);
  return VAL_NONE;
}

static Value o_killpg(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("killpg", nargs, 2, 2)) return VAL_NULL;
  long pg, sig;
  if (!int_arg(args[0], &pg) || !int_arg(args[1], &sig)) return VAL_NULL;
  if (killpg((pid_t)pg, (int)sig) < 0) return errno_error(errno, VAL_NULL);
  return VAL_NONE;
}

static Value o_getloadavg(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("getloadavg", nargs, 0, 0)) return VAL_NULL;
  double l[3];
  if (getloadavg(l, 3) != 3) return err_set(&Exc_OSError, "Load averages are unobtainable");
  return tuple_pack(3, float_new(l[0]), float_new(l[1]), float_new(l[2]));
}

static Value o_sched_getaffinity(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("sched_getaffinity", nargs, 1, 1)) return VAL_NULL;
  long pid;
  if (!int_arg(args[0], &pid)) return VAL_NULL;
  cpu_set_t cs;
  if (sched_getaffinity((pid_t)pid, sizeof cs, &cs) < 0) return errno_error(errno, VAL_NULL);
  Value s = set_new(VAL_NULL);
  for (int i = 0; i < CPU_SETSIZE; i++)
    if (CPU_ISSET(i, &cs) && set_add(s, val_from_int(i)) < 0) return VAL_NULL;
  return s;
}

#define STATUS_FN2(fn, expr)                                                  \
  static Value fn(Value self, Value *args, size_t nargs, TupleObject *kw) {  \
    if (!args_count(&#fn[2], nargs, 1, 1)) return VAL_NULL;                   \
    long status;                                                              \
    if (!int_arg(args[0], &status)) return VAL_NULL;                          \
    int st = (int)status;                                                     \
    return expr;                                                              \
  }
STATUS_FN2(o_WIFSTOPPED, val_bool(WIFSTOPPED(st)))
STATUS_FN2(o_WSTOPSIG, val_from_int(WSTOPSIG(st)))
STATUS_FN2(o_WCOREDUMP, val_bool(WCOREDUMP(st)))
STATUS_FN2(o_WIFCONTINUED, val_bool(WIFCONTINUED(st)))

static const NativeDef os_functions[] = {
    {"dup", o_dup, 0, NULL},
    {"dup2", o_dup2, 0, NULL},
    {"get_inheritable", o_get_inheritable, 0, NULL},
    {"set_inheritable", o_set_inheritable, 0, NULL},
    {"get_blocking", o_get_blocking, 0, NULL},
    {"set_blocking", o_set_blocking, 0, NULL},
    {"open", o_open, 0, NULL},
    {"lseek", o_lseek, 0, NULL},
    {"fsync", o_fsync, 0, NULL},
    {"ftruncate", o_ftruncate, 0, NULL},
    {"chmod", o_chmod, 0, NULL},
    {"umask", o_umask, 0, NULL},
    {"symlink", o_symlink, 0, NULL},
    {"link", o_link, 0, NULL},
    {"readlink", o_readlink, 0, NULL},
    {"getgid", o_getgid, 0, NULL},
    {"geteuid", o_geteuid, 0, NULL},
    {"getegid", o_getegid, 0, NULL},
    {"getpgrp", o_getpgrp, 0, NULL},
    {"getpgid", o_getpgid, 0, NULL},
    {"setsid", o_setsid, 0, NULL},
    {"killpg", o_killpg, 0, NULL},
    {"getloadavg", o_getloadavg, 0, NULL},
    {"sched_getaffinity", o_sched_getaffinity, 0, NULL},
    {"WIFSTOPPED", o_WIFSTOPPED, 0, NULL},
    {"WSTOPSIG", o_WSTOPSIG, 0, NULL},
    {"WCOREDUMP", o_WCOREDUMP, 0, NULL},
    {"WIFCONTINUED", o_WIFCONTINUED, 0, NULL},
    {"getpid", o_getpid, 0, NULL},
    {"getppid", o_getppid, 0, NULL},
    {"getuid", o_getuid, 0, NULL},
    {"getcwd", o_getcwd, 0, NULL},
    {"chdir", o_chdir, 0, NULL},
    {"getenv", o_getenv, 0, NULL},
    {"putenv", o_putenv, 0, NULL},
    {"unsetenv", o_unsetenv, 0, NULL},
    {"listdir", o_listdir, 0, NULL},
    {"remove", o_remove, 0, NULL},
    {"unlink", o_remove, 0, NULL},
    {"rmdir", o_rmdir, 0, NULL},
    {"mkdir", o_mkdir, 0, NULL},
    {"makedirs", o_makedirs, 0, NULL},
    {"rename", o_rename, 0, NULL},
    {"replace", o_rename, 0, NULL},
    {"stat", o_stat, 0, NULL},
    {"lstat", o_lstat, 0, NULL},
    {"access", o_access, 0, NULL},
    {"cpu_count", o_cpu_count, 0, NULL},
    {"urandom", o_urandom, 0, NULL},
    {"strerror", o_strerror, 0, NULL},
    {"fspath", o_fspath, 0, NULL},
    {"kill", o_kill, 0, NULL},
    {"_exit", o__exit, 0, NULL},
    {"write", o_write, 0, NULL},
    {"read", o_read, 0, NULL},
    {"close", o_close, 0, NULL},
    {"pipe", o_pipe, 0, NULL},
    {"isatty", o_isatty, 0, NULL},
    {"get_terminal_size", o_get_terminal_size, 0, NULL},
    {"waitpid", o_waitpid, 0, NULL},
    {"fork", o_fork, 0, NULL},
    {"wait", o_wait, 0, NULL},
    {"WIFEXITED", o_WIFEXITED, 0, NULL},
    {"WEXITSTATUS", o_WEXITSTATUS, 0, NULL},
    {"WIFSIGNALED", o_WIFSIGNALED, 0, NULL},
    {"WTERMSIG", o_WTERMSIG, 0, NULL},
    {"waitstatus_to_exitcode", o_waitstatus_to_exitcode, 0, NULL},
    {"system", o_system, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* The parts of os written in gilpy, run in the module's namespace. */
static const char os_python_part[] =
    "def walk(top, topdown=True, onerror=None, followlinks=False):\n"
    "    top = fspath(top)\n"
    "    try:\n"
    "        names = listdir(top)\n"
    "    except OSError as err:\n"
    "        if onerror is not None:\n"
    "            onerror(err)\n"
    "        return\n"
    "    dirs = []\n"
    "    nondirs = []\n"
    "    for name in names:\n"
    "        if path.isdir(path.join(top, name)):\n"
    "            dirs.append(name)\n"
    "        else:\n"
    "            nondirs.append(name)\n"
    "    if topdown:\n"
    "        yield top, dirs, nondirs\n"
    "    for d in dirs:\n"
    "        new_path = path.join(top, d)\n"
    "        if followlinks or not path.islink(new_path):\n"
    "            yield from walk(new_path, topdown, onerror, followlinks)\n"
    "    if not topdown:\n"
    "        yield top, dirs, nondirs\n"
    "\n"
    "def get_exec_path(env=None):\n"
    "    if env is None:\n"
    "        env = environ\n"
    "    return env.get('PATH', '/bin:/usr/bin').split(pathsep)\n"
    "\n"
    "def fsencode(filename):\n"
    "    filename = fspath(filename)\n"
    "    if isinstance(filename, str):\n"
    "        return filename.encode('utf-8', 'surrogateescape')\n"
    "    return filename\n"
    "\n"
    "def fsdecode(filename):\n"
    "    filename = fspath(filename)\n"
    "    if isinstance(filename, bytes):\n"
    "        return filename.decode('utf-8', 'surrogateescape')\n"
    "    return filename\n"
    "\n"
    "def removedirs(name):\n"
    "    rmdir(name)\n"
    "    head, tail = path.split(name)\n"
    "    if not tail:\n"
    "        head, tail = path.split(head)\n"
    "    while head and tail:\n"
    "        try:\n"
    "            rmdir(head)\n"
    "        except OSError:\n"
    "            break\n"
    "        head, tail = path.split(head)\n"
    "\n"
    "_fork_before = []\n"
    "_fork_after_in_child = []\n"
    "_fork_after_in_parent = []\n"
    "\n"
    "def register_at_fork(*, before=None, after_in_child=None, after_in_parent=None):\n"
    "    if before is None and after_in_child is None and after_in_parent is None:\n"
    "        raise TypeError('At least one argument is required.')\n"
    "    for name, f in (('before', before), ('after_in_child', after_in_child),\n"
    "                    ('after_in_parent', after_in_parent)):\n"
    "        if f is not None and not callable(f):\n"
    "            raise TypeError(\"'%s' must be callable, not %s\" % (name, type(f).__name__))\n"
    "    if before is not None:\n"
    "        _fork_before.append(before)\n"
    "    if after_in_child is not None:\n"
    "        _fork_after_in_child.append(after_in_child)\n"
    "    if after_in_parent is not None:\n"
    "        _fork_after_in_parent.append(after_in_parent)\n"
    "\n"
    "class PathLike:\n"
    "    def __fspath__(self):\n"
    "        raise NotImplementedError\n"
    "\n"
    "    @classmethod\n"
    "    def __subclasshook__(cls, subclass):\n"
    "        return hasattr(subclass, '__fspath__')\n";

static int os_init(Value module) {
  StatResultType.trace = stat_trace;
  type_ready(&StatResultType);
  StatResultType.trace = stat_trace; /* type_ready may have inherited tuple's */
  Value d = module_dict(module);
  type_ready(&EnvironType);
  Value env = dict_new();
  env->type = &EnvironType;
  for (char **e = environ; e && *e; e++) {
    const char *eq = strchr(*e, '=');
    if (!eq) continue;
    dict_set(env, str_new(*e, (size_t)(eq - *e)), str_from_cstr(eq + 1));
  }
  dict_set_cstr(d, "environ", env);
  dict_set_cstr(d, "name", str_from_cstr("posix"));
  dict_set_cstr(d, "sep", str_from_cstr("/"));
  dict_set_cstr(d, "altsep", VAL_NONE);
  dict_set_cstr(d, "linesep", str_from_cstr("\n"));
  dict_set_cstr(d, "pathsep", str_from_cstr(":"));
  dict_set_cstr(d, "curdir", str_from_cstr("."));
  dict_set_cstr(d, "pardir", str_from_cstr(".."));
  dict_set_cstr(d, "extsep", str_from_cstr("."));
  dict_set_cstr(d, "devnull", str_from_cstr("/dev/null"));
  dict_set_cstr(d, "stat_result", (Value)&StatResultType);
  dict_set_cstr(d, "error", (Value)&Exc_OSError);
  dict_set_cstr(d, "F_OK", val_from_int(F_OK));
  dict_set_cstr(d, "R_OK", val_from_int(R_OK));
  dict_set_cstr(d, "W_OK", val_from_int(W_OK));
  dict_set_cstr(d, "X_OK", val_from_int(X_OK));
  dict_set_cstr(d, "O_RDONLY", val_from_int(O_RDONLY));
  dict_set_cstr(d, "O_WRONLY", val_from_int(O_WRONLY));
  dict_set_cstr(d, "O_RDWR", val_from_int(O_RDWR));
  dict_set_cstr(d, "O_CREAT", val_from_int(O_CREAT));
  dict_set_cstr(d, "O_TRUNC", val_from_int(O_TRUNC));
  dict_set_cstr(d, "O_APPEND", val_from_int(O_APPEND));
  dict_set_cstr(d, "WNOHANG", val_from_int(WNOHANG));
  dict_set_cstr(d, "WUNTRACED", val_from_int(WUNTRACED));
  dict_set_cstr(d, "WCONTINUED", val_from_int(WCONTINUED));
  dict_set_cstr(d, "O_EXCL", val_from_int(O_EXCL));
  dict_set_cstr(d, "O_NONBLOCK", val_from_int(O_NONBLOCK));
  dict_set_cstr(d, "O_CLOEXEC", val_from_int(O_CLOEXEC));
  dict_set_cstr(d, "O_NOCTTY", val_from_int(O_NOCTTY));
  dict_set_cstr(d, "O_SYNC", val_from_int(O_SYNC));
  dict_set_cstr(d, "O_DIRECTORY", val_from_int(O_DIRECTORY));
  dict_set_cstr(d, "SEEK_SET", val_from_int(SEEK_SET));
  dict_set_cstr(d, "SEEK_CUR", val_from_int(SEEK_CUR));
  dict_set_cstr(d, "SEEK_END", val_from_int(SEEK_END));
  /* os.path: posixpath (stdlib/lib/posixpath.py) imports os, already in sys.modules. */
  Value pp = import_module_cstr("posixpath");
  if (!pp) return -1;
  dict_set_str(d, NAME(path), pp);
  dict_set_cstr(sys_modules, "os.path", pp);
  CodeObject *co = compile_source(os_python_part, sizeof os_python_part - 1, "<frozen os>", COMPILE_EXEC, 0);
  if (!co) return -1;
  dict_set_str(d, NAME(__builtins__), builtins_dict);
  if (!eval_code(co, d, d)) return -1;
  return 0;
}

const NativeModuleDef os_module_def = {"os", os_functions, os_init};
