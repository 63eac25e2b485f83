/* select_epoll.c — select.epoll, the edge- and level-triggered poller of
 * Linux, with CPython 3.11's interface.
 *
 * An epoll object owns one epoll descriptor (closed by close(), by the
 * context manager or when the object is collected).  poll() waits with the
 * GIL released; a signal that interrupts the wait has its handlers run, and
 * the wait resumes with the time left unless a handler raised (PEP 475).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/select.h"

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/eval.h"
#include "vm/gil.h"

typedef struct {
  Object base;
  int epfd; /* -1 once closed */
} EpollObject;

static TypeObject EpollType;

#define EP(v) AS(EpollObject, v)

static Value closed_error(void) { return err_set(&Exc_ValueError, "I/O operation on closed epoll object"); }

static Value epoll_new(TypeObject *type, int epfd) {
  EpollObject *e = (EpollObject *)gc_alloc(type, type->instance_size);
  e->epfd = epfd;
  return (Value)e;
}

static Value epoll_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("epoll(sizehint=-1, flags=0)");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  int64_t sizehint = -1, flags = 0;
  if (a[0] && !int_to_i64(a[0], &sizehint)) return VAL_NULL;
  if (a[1] && !int_to_i64(a[1], &flags)) return VAL_NULL;
  if (sizehint == 0 || sizehint < -1) return err_set(&Exc_ValueError, "negative sizehint");
  (void)flags; /* ignored since Python 3.4: the descriptor is always close-on-exec */
  int fd = epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  return epoll_new(type, fd);
}

static void epoll_finalize(Object *o) {
  if (EP(o)->epfd >= 0) close(EP(o)->epfd);
  EP(o)->epfd = -1;
}

static bool open_epfd(Value self, int *epfd) {
  *epfd = EP(self)->epfd;
  if (*epfd < 0) {
    closed_error();
    return false;
  }
  return true;
}

static bool get_events(Value v, uint32_t *out) {
  int64_t m;
  if (!val_is_intlike(v)) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  if (!int_to_i64(v, &m)) return false;
  *out = (uint32_t)m; /* wraps, as CPython's "I" conversion */
  return true;
}

/* epoll_ctl(op) on fd (an int or an object with fileno()) with mask. */
static Value control(Value self, int op, Value fdobj, uint32_t mask) {
  int epfd;
  if (!open_epfd(self, &epfd)) return VAL_NULL;
  int fd = select_fd_of(fdobj);
  if (fd < 0) return VAL_NULL;
  struct epoll_event ev = {.events = mask, .data.fd = fd};
  if (epoll_ctl(epfd, op, fd, &ev) < 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  return VAL_NONE;
}

static Value ep_register(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("register(fd, eventmask=7)");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  uint32_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
  if (a[1] && !get_events(a[1], &mask)) return VAL_NULL;
  return control(self, EPOLL_CTL_ADD, a[0], mask);
}

static Value ep_modify(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("modify(fd, eventmask)");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  uint32_t mask;
  if (!get_events(a[1], &mask)) return VAL_NULL;
  return control(self, EPOLL_CTL_MOD, a[0], mask);
}

static Value ep_unregister(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("unregister(fd)");
  Value a[1];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  return control(self, EPOLL_CTL_DEL, a[0], 0);
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* poll(timeout=None, maxevents=-1) -> [(fd, events), ...]; timeout in
 * seconds, None or negative to wait without limit. */
static Value ep_poll(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("poll(timeout=None, maxevents=-1)");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  double deadline = -1;
  if (a[0] && a[0] != VAL_NONE) {
    if (!val_is_float(a[0]) && !val_is_intlike(a[0]))
      return err_set(&Exc_TypeError, "timeout must be an integer or None");
    double t = float_as_double(a[0]);
    if (t == -1.0 && err_occurred()) return VAL_NULL;
    if (t >= 0) deadline = now_s() + t;
  }
  int64_t maxevents = -1;
  if (a[1] && !int_to_i64(a[1], &maxevents)) return VAL_NULL;
  if (maxevents == -1) maxevents = FD_SETSIZE - 1;
  else if (maxevents < 1) return err_set(&Exc_ValueError, "maxevents must be greater than 0, got %lld", (long long)maxevents);
  if (maxevents > 1 << 20) maxevents = 1 << 20;
  int epfd;
  if (!open_epfd(self, &epfd)) return VAL_NULL;
  struct epoll_event *evs = malloc((size_t)maxevents * sizeof *evs);
  if (!evs) return err_no_memory();
  int n, e;
  for (;;) {
    int ms = -1;
    if (deadline >= 0) {
      double left = deadline - now_s();
      double m = ceil((left < 0 ? 0 : left) * 1000.0);
      ms = m >= 2147483647.0 ? 2147483647 : (int)m;
    }
    e = 0;
    GIL_RELEASE();
    n = epoll_wait(epfd, evs, (int)maxevents, ms);
    if (n < 0) e = errno;
    GIL_ACQUIRE();
    if (n >= 0 || e != EINTR) break;
    if (eval_handle_breaker() < 0) {
      free(evs);
      return VAL_NULL;
    }
  }
  if (n < 0) {
    free(evs);
    return err_set_from_errno(&Exc_OSError, e, VAL_NULL);
  }
  Value out = list_new(0);
  for (int i = 0; i < n; i++)
    list_append(out, tuple_pack(2, val_from_int(evs[i].data.fd), val_from_int((intptr_t)evs[i].events)));
  free(evs);
  return out;
}

static Value ep_close(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args;
  if (!args_no_kw("close", kw) || !args_count("close", nargs, 0, 0)) return VAL_NULL;
  int fd = EP(self)->epfd;
  EP(self)->epfd = -1;
  if (fd >= 0 && close(fd) < 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  return VAL_NONE;
}

static Value ep_fileno(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args;
  if (!args_no_kw("fileno", kw) || !args_count("fileno", nargs, 0, 0)) return VAL_NULL;
  int epfd;
  if (!open_epfd(self, &epfd)) return VAL_NULL;
  return val_from_int(epfd);
}

static Value ep_fromfd(Value cls, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("fromfd", kw) || !args_count("fromfd", nargs, 1, 1)) return VAL_NULL;
  int64_t fd;
  if (!val_is_intlike(args[0]))
    return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
  if (!int_to_i64(args[0], &fd)) return VAL_NULL;
  return epoll_new((TypeObject *)cls, (int)fd);
}

static Value ep_enter(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args, (void)nargs, (void)kw;
  if (EP(self)->epfd < 0) return closed_error();
  return self;
}

static Value ep_exit(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args, (void)nargs;
  return ep_close(self, NULL, 0, kw);
}

static Value ep_closed(Value self) { return val_bool(EP(self)->epfd < 0); }

static const NativeDef epoll_methods[] = {
    {"register", ep_register, NATIVE_METHOD, NULL},
    {"modify", ep_modify, NATIVE_METHOD, NULL},
    {"unregister", ep_unregister, NATIVE_METHOD, NULL},
    {"poll", ep_poll, NATIVE_METHOD, NULL},
    {"close", ep_close, NATIVE_METHOD, NULL},
    {"fileno", ep_fileno, NATIVE_METHOD, NULL},
    {"fromfd", ep_fromfd, NATIVE_CLASSMETHOD, NULL},
    {"__enter__", ep_enter, NATIVE_METHOD, NULL},
    {"__exit__", ep_exit, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef epoll_getsets[] = {
    {"closed", ep_closed, NULL},
    {NULL, NULL, NULL},
};

static TypeObject EpollType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "select.epoll",
    .instance_size = sizeof(EpollObject),
    .flags = TP_BASETYPE,
    .tp_new = epoll_tp_new,
    .finalize = epoll_finalize,
    .methods = epoll_methods,
    .getsets = epoll_getsets,
};

void select_epoll_init(Value module_dict) {
  type_ready(&EpollType);
  dict_set_cstr(module_dict, "epoll", (Value)&EpollType);
  static const struct {
    const char *name;
    uint32_t value;
  } constants[] = {
      {"EPOLLIN", EPOLLIN},         {"EPOLLOUT", EPOLLOUT},         {"EPOLLPRI", EPOLLPRI},
      {"EPOLLERR", EPOLLERR},       {"EPOLLHUP", EPOLLHUP},         {"EPOLLET", EPOLLET},
      {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDHUP", EPOLLRDHUP},
      {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM},
      {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},         {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
  };
  for (size_t i = 0; i < sizeof constants / sizeof *constants; i++)
    dict_set_cstr(module_dict, constants[i].name, val_from_int((intptr_t)constants[i].value));
}
