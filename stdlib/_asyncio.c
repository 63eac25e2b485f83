/* _asyncio.c — the native core under asyncio's event loop: the module.
 *
 * Owns the module and the operating-system calls the loop's Python side
 * makes: creating the epoll instance and the eventfd of a loop, and
 * registering fds with epoll (asyncio/selector_events.py).  The wait, the
 * eventfd wake-up and the scheduling are the loop core's
 * (_asyncio_loop.c); Future and Task are _asyncio_future.c's.  Every fd is
 * owned by the Python object that asked for it.
 *
 * Also provides coro_line(), the line a coroutine is suspended at, which
 * Task.__repr__ needs ("coro=<f() running at FILE:LINE>").
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "stdlib/_asyncio.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/func.h"

/* vm/gen.c: line where a generator/coroutine is suspended (0 when closed). */
int gen_current_line(Value gen);

/* ---- "coroutine 'f' was never awaited" ------------------------------------
 * Replaces gen.c's weak no-op hook.  Runs from the coroutine's GC `del`, at a
 * safe point of the eval loop: the warning names the line running then (as
 * CPython names the line where the last reference went away), or "sys:1"
 * when no Python code runs (interpreter exit).  As in CPython it goes
 * through warnings._warn_unawaited_coroutine, so the warning filters apply;
 * the text is written directly only when that module cannot be imported
 * (at exit). */
static void write_stderr(Value text) {
  Value err = sys_module ? obj_getattr_opt(sys_module, NAME(stderr)) : VAL_NULL;
  if (err && text) {
    if (!obj_call_method(err, NAME(write), &text, 1)) err_clear();
  } else {
    err_clear();
  }
}

static void write_never_awaited(Object *coro);

void gen_coroutine_never_awaited(Object *coro) {
  Value saved = err_fetch();
  Value warnings = import_module_cstr("warnings");
  Value fn = warnings ? obj_getattr_opt(warnings, str_intern_cstr("_warn_unawaited_coroutine")) : VAL_NULL;
  if (fn) {
    if (!obj_call1(fn, (Value)coro)) err_write_unraisable(NULL, (Value)coro);
  } else {
    err_clear();
    write_never_awaited(coro);
  }
  if (saved) err_restore(saved);
}

static void write_never_awaited(Object *coro) {
  Value qual = obj_getattr_opt((Value)coro, NAME(__qualname__));
  const char *name = qual && val_is_str(qual) ? str_cstr(qual) : "?";
  ThreadState *ts = ts_current;
  Frame *f = ts ? ts->frame : NULL;
  Value text;
  if (f && f->code) {
    const char *file = str_cstr(f->code->filename);
    int line = frame_line(f);
    text = str_printf("%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", file, line, name);
    write_stderr(text);
    char *src = traceback_source_line(file, line);
    if (src) {
      char *s = src;
      while (*s == ' ' || *s == '\t') s++;
      size_t n = strlen(s);
      while (n && s[n - 1] == ' ') s[--n] = 0;
      write_stderr(str_printf("  %s\n", s));
      free(src);
    }
    write_stderr(str_from_cstr("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"));
  } else {
    text = str_printf("sys:1: RuntimeWarning: coroutine '%s' was never awaited\n", name);
    write_stderr(text);
  }
  err_clear();
}

static bool get_int(Value v, const char *what, int64_t *out) {
  if (!val_is_intlike(v)) {
    err_set(&Exc_TypeError, "%s must be an integer", what);
    return false;
  }
  return int_to_i64(v, out);
}

static Value a_epoll_create(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("epoll_create", nargs, 0, 0)) return VAL_NULL;
  int fd = epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  return val_from_int(fd);
}

/* epoll_ctl(epfd, op, fd, mask): op 1 add, 2 delete, 3 modify (EPOLL_CTL_*). */
static Value a_epoll_ctl(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("epoll_ctl", nargs, 4, 4)) return VAL_NULL;
  int64_t ep, op, fd, mask;
  if (!get_int(args[0], "epfd", &ep) || !get_int(args[1], "op", &op) || !get_int(args[2], "fd", &fd) ||
      !get_int(args[3], "mask", &mask))
    return VAL_NULL;
  struct epoll_event ev = {.events = (uint32_t)mask, .data.fd = (int)fd};
  if (epoll_ctl((int)ep, (int)op, (int)fd, &ev) < 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  return VAL_NONE;
}

static Value a_eventfd(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("eventfd", nargs, 0, 0)) return VAL_NULL;
  int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (fd < 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  return val_from_int(fd);
}

static Value a_close(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("close", nargs, 1, 1)) return VAL_NULL;
  int64_t fd;
  if (!get_int(args[0], "fd", &fd)) return VAL_NULL;
  if (fd >= 0) close((int)fd);
  return VAL_NONE;
}

/* coro_line(coro): the current line of a suspended (or not yet started)
 * coroutine/generator, 0 when it is finished; None for other objects. */
static Value a_coro_line(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("coro_line", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_generator(args[0]) && !(val_is_obj(args[0]) && strcmp(val_type(args[0])->name, "async_generator") == 0))
    return VAL_NONE;
  return val_from_int(gen_current_line(args[0]));
}

static const NativeDef asyncio_functions[] = {
    {"epoll_create", a_epoll_create, 0, NULL},
    {"epoll_ctl", a_epoll_ctl, 0, NULL},
    {"eventfd", a_eventfd, 0, NULL},
    {"close", a_close, 0, NULL},
    {"coro_line", a_coro_line, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int asyncio_init(Value module) {
  Value d = module_dict(module);
  dict_set_cstr(d, "EPOLLIN", val_from_int(EPOLLIN));
  dict_set_cstr(d, "EPOLLOUT", val_from_int(EPOLLOUT));
  dict_set_cstr(d, "EPOLLERR", val_from_int(EPOLLERR));
  dict_set_cstr(d, "EPOLLHUP", val_from_int(EPOLLHUP));
  if (asyncio_loop_init(module) < 0) return -1;
  return asyncio_future_init(module);
}

const NativeModuleDef _asyncio_module_def = {"_asyncio", asyncio_functions, asyncio_init};
