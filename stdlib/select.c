/* select.c — the select module: select.select() and select.poll() over
 * poll(2); select.epoll is in select_epoll.c.
 *
 * select(rlist, wlist, xlist[, timeout]) accepts ints or objects with a
 * fileno() method and returns three lists of the original objects that are
 * ready.  poll(2) is used underneath so that descriptors above FD_SETSIZE
 * work.  The wait runs with the GIL released on a C copy of the fds.  A
 * signal that interrupts it has its handlers run with the GIL; the wait then
 * resumes with the time left unless a handler raised (PEP 475).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stdlib/select.h"

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/eval.h"
#include "vm/gil.h"

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* poll()'s timeout for the time left until deadline (-1 = none). */
static int poll_ms(double deadline) {
  if (deadline < 0) return -1;
  double left = deadline - now_s();
  if (left < 0) left = 0;
  double ms = ceil(left * 1000.0);
  return ms >= 2147483647.0 ? 2147483647 : (int)ms;
}

int select_fd_of(Value v) {
  Value f = v;
  if (!val_is_int(v)) {
    if (val_is_intlike(v)) return err_int_(err_set(&Exc_ValueError, "file descriptor out of range in select()"));
    Value m = obj_getattr_opt(v, str_intern_cstr("fileno"));
    if (!m) {
      if (!err_occurred()) err_set(&Exc_TypeError, "argument must be an int, or have a fileno() method.");
      return -1;
    }
    f = obj_call0(m);
    if (!f) return -1;
    if (!val_is_int(f)) return err_int_(err_set(&Exc_TypeError, "fileno() returned a non-integer"));
  }
  intptr_t fd = val_int(f);
  if (fd < 0)
    return err_int_(err_set(&Exc_ValueError, "file descriptor cannot be a negative integer (%zd)", (ssize_t)fd));
  return (int)fd;
}

static Value s_select(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("select", kw) || !args_count("select", nargs, 3, 4)) return VAL_NULL;
  double deadline = -1;
  if (nargs == 4 && args[3] != VAL_NONE) {
    if (!val_is_int(args[3]) && !val_is_float(args[3]) && !val_is_intlike(args[3]))
      return err_set(&Exc_TypeError, "timeout must be a float or None");
    double t = float_as_double(args[3]);
    if (t == -1.0 && err_occurred()) return VAL_NULL;
    if (t < 0) return err_set(&Exc_ValueError, "timeout must be non-negative");
    deadline = now_s() + t;
  }
  Value seqs[3];
  size_t total = 0;
  for (int i = 0; i < 3; i++) {
    seqs[i] = list_from_iterable(args[i]);
    if (!seqs[i]) {
      if (err_matches(&Exc_TypeError)) {
        err_clear();
        err_set(&Exc_TypeError, "arguments 1-3 must be sequences");
      }
      return VAL_NULL;
    }
    total += (size_t)AS(ListObject, seqs[i])->len;
  }
  struct pollfd *p = calloc(total ? total : 1, sizeof *p);
  size_t k = 0;
  for (int i = 0; i < 3; i++) {
    ListObject *l = AS(ListObject, seqs[i]);
    for (ssize_t j = 0; j < l->len; j++, k++) {
      int fd = select_fd_of(l->items[j]);
      if (fd < 0) {
        free(p);
        return VAL_NULL;
      }
      p[k].fd = fd;
      p[k].events = i == 0 ? POLLIN : i == 1 ? POLLOUT : POLLPRI;
    }
  }
  int r, e;
  for (;;) {
    e = 0;
    GIL_RELEASE();
    r = poll(p, total, poll_ms(deadline));
    if (r < 0) e = errno;
    GIL_ACQUIRE();
    if (r >= 0 || e != EINTR) break;
    if (eval_handle_breaker() < 0) {
      free(p);
      return VAL_NULL;
    }
  }
  if (r < 0) {
    free(p);
    return err_set_from_errno(&Exc_OSError, e, VAL_NULL);
  }
  Value out[3];
  k = 0;
  for (int i = 0; i < 3; i++) {
    out[i] = list_new(0);
    ListObject *l = AS(ListObject, seqs[i]);
    for (ssize_t j = 0; j < l->len && k < total; j++, k++) {
      short want = i == 0 ? (POLLIN | POLLHUP | POLLERR) : i == 1 ? (POLLOUT | POLLERR | POLLHUP) : POLLPRI;
      if (p[k].revents & POLLNVAL) {
        free(p);
        return err_set_from_errno(&Exc_OSError, EBADF, VAL_NULL);
      }
      if (p[k].revents & want) list_append(out[i], l->items[j]);
    }
  }
  free(p);
  return tuple_pack(3, out[0], out[1], out[2]);
}

/* ---- poll objects ------------------------------------------------------ */

/* select.poll(): the registered descriptors in a dict fd -> event mask. */
typedef struct {
  Object base;
  Value fds;
  bool polling;
} PollObject;

extern TypeObject PollType;

static void poll_trace(Object *o) { gc_mark(((PollObject *)o)->fds); }

static bool get_mask(Value v, short *out) {
  int64_t m;
  if (val_is_int(v)) {
    m = val_int(v);
  } else if (val_is_obj(v) && val_is_intlike(v)) {
    if (!int_to_i64(v, &m)) return false;
  } else {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  if (m < 0) {
    err_set(&Exc_ValueError, "value must be positive");
    return false;
  }
  if (m > 0xffff) {
    err_set(&Exc_OverflowError, "Python int too large for C unsigned short");
    return false;
  }
  *out = (short)m;
  return true;
}

static Value p_register(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("register", kw) || !args_count("register", nargs, 1, 2)) return VAL_NULL;
  short mask = POLLIN | POLLPRI | POLLOUT;
  int fd = select_fd_of(args[0]);
  if (fd < 0 || (nargs == 2 && !get_mask(args[1], &mask))) return VAL_NULL;
  if (dict_set(AS(PollObject, self)->fds, val_from_int(fd), val_from_int((unsigned short)mask)) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value p_modify(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("modify", kw) || !args_count("modify", nargs, 2, 2)) return VAL_NULL;
  short mask;
  int fd = select_fd_of(args[0]);
  if (fd < 0 || !get_mask(args[1], &mask)) return VAL_NULL;
  Value fds = AS(PollObject, self)->fds;
  if (!dict_get(fds, val_from_int(fd))) {
    if (err_occurred()) return VAL_NULL;
    return err_set_from_errno(&Exc_OSError, ENOENT, VAL_NULL);
  }
  if (dict_set(fds, val_from_int(fd), val_from_int((unsigned short)mask)) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value p_unregister(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("unregister", kw) || !args_count("unregister", nargs, 1, 1)) return VAL_NULL;
  int fd = select_fd_of(args[0]);
  if (fd < 0) return VAL_NULL;
  if (dict_del(AS(PollObject, self)->fds, val_from_int(fd)) < 0) return VAL_NULL;
  return VAL_NONE;
}

/* poll([timeout]) -> [(fd, events), ...]; timeout in milliseconds, None or
 * negative to wait without limit. */
static Value p_poll(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("poll", kw) || !args_count("poll", nargs, 0, 1)) return VAL_NULL;
  PollObject *po = AS(PollObject, self);
  double deadline = -1;
  if (nargs == 1 && args[0] != VAL_NONE) {
    Value t = args[0];
    if (!val_is_int(t) && !val_is_float(t) && !(val_is_obj(t) && val_is_intlike(t)))
      return err_set(&Exc_TypeError, "timeout must be an integer or None");
    double ms = float_as_double(t);
    if (ms == -1.0 && err_occurred()) return VAL_NULL;
    if (ms >= 0) deadline = now_s() + ms / 1000.0;
  }
  if (po->polling) return err_set(&Exc_RuntimeError, "concurrent poll() invocation");
  size_t n = (size_t)DICT_LEN(po->fds);
  struct pollfd *p = calloc(n ? n : 1, sizeof *p);
  ssize_t pos = 0;
  Value k, v;
  size_t i = 0;
  while (i < n && dict_next(po->fds, &pos, &k, &v)) {
    p[i].fd = (int)val_int(k);
    p[i].events = (short)val_int(v);
    i++;
  }
  int r, e;
  po->polling = true;
  for (;;) {
    e = 0;
    GIL_RELEASE();
    r = poll(p, i, poll_ms(deadline));
    if (r < 0) e = errno;
    GIL_ACQUIRE();
    if (r >= 0 || e != EINTR) break;
    if (eval_handle_breaker() < 0) {
      po->polling = false;
      free(p);
      return VAL_NULL;
    }
  }
  po->polling = false;
  if (r < 0) {
    free(p);
    return err_set_from_errno(&Exc_OSError, e, VAL_NULL);
  }
  Value out = list_new(0);
  for (size_t j = 0; j < i; j++)
    if (p[j].revents)
      list_append(out, tuple_pack(2, val_from_int(p[j].fd), val_from_int((unsigned short)p[j].revents)));
  free(p);
  return out;
}

static const NativeDef poll_methods[] = {
    {"register", p_register, NATIVE_METHOD, NULL},
    {"modify", p_modify, NATIVE_METHOD, NULL},
    {"unregister", p_unregister, NATIVE_METHOD, NULL},
    {"poll", p_poll, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject PollType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "select.poll",
    .instance_size = sizeof(PollObject),
    .trace = poll_trace,
    .methods = poll_methods,
};

static Value s_poll(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("select.poll", kw) || !args_count("select.poll", nargs, 0, 0)) return VAL_NULL;
  PollObject *po = (PollObject *)gc_alloc(&PollType, sizeof(PollObject));
  po->fds = VAL_NULL;
  po->polling = false;
  po->fds = dict_new();
  return (Value)po;
}

static const NativeDef select_functions[] = {
    {"select", s_select, 0, NULL},
    {"poll", s_poll, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int select_init(Value m) {
  type_ready(&PollType);
  Value d = module_dict(m);
  dict_set_cstr(d, "error", (Value)&Exc_OSError);
  dict_set_cstr(d, "POLLIN", val_from_int(POLLIN));
  dict_set_cstr(d, "POLLOUT", val_from_int(POLLOUT));
  dict_set_cstr(d, "POLLPRI", val_from_int(POLLPRI));
  dict_set_cstr(d, "POLLERR", val_from_int(POLLERR));
  dict_set_cstr(d, "POLLHUP", val_from_int(POLLHUP));
  dict_set_cstr(d, "POLLNVAL", val_from_int(POLLNVAL));
  dict_set_cstr(d, "POLLRDNORM", val_from_int(POLLRDNORM));
  dict_set_cstr(d, "POLLRDBAND", val_from_int(POLLRDBAND));
  dict_set_cstr(d, "POLLWRNORM", val_from_int(POLLWRNORM));
  dict_set_cstr(d, "POLLWRBAND", val_from_int(POLLWRBAND));
  dict_set_cstr(d, "POLLMSG", val_from_int(POLLMSG));
  dict_set_cstr(d, "POLLRDHUP", val_from_int(POLLRDHUP));
  select_epoll_init(d);
  return 0;
}

const NativeModuleDef select_module_def = {"select", select_functions, select_init};
