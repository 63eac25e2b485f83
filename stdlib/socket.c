/* socket.c — the _socket module: BSD sockets on plain file descriptors.
 *
 * The socket class itself is written in gilpy (stdlib/lib/socket.py); this
 * module gives it fd-level primitives.  Every call takes the descriptor and,
 * where an address is involved, the family, so no C object holds state.
 * Timeouts: the caller passes its timeout (None = blocking, 0.0 = non
 * blocking, > 0 = seconds).  A socket with a timeout has O_NONBLOCK set (as
 * in CPython) and waits with poll() before each attempt; expiry raises
 * TimeoutError('timed out').
 * Invariant: every call that may block runs between GIL_RELEASE() and
 * GIL_ACQUIRE() touching only C memory (data is copied in/out outside).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "vm/eval.h"
#include "vm/gil.h"

typedef union {
  struct sockaddr sa;
  struct sockaddr_in in4;
  struct sockaddr_in6 in6;
  struct sockaddr_un un;
  struct sockaddr_storage st;
} SockAddr;

static Value errno_error(int e) { return err_set_from_errno(&Exc_OSError, e, VAL_NULL); }
static Value timed_out(void) { return err_set(&Exc_TimeoutError, "timed out"); }

static bool get_int(Value v, const char *what, long *out) {
  int64_t i;
  if (val_is_int(v)) {
    *out = (long)val_int(v);
    return true;
  }
  if (val_is_obj(v) && val_is_intlike(v) && int_to_i64(v, &i)) {
    *out = (long)i;
    return true;
  }
  if (!err_occurred()) err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
  (void)what;
  return false;
}

static bool get_fd(Value v, int *fd) {
  long l;
  if (!get_int(v, "fd", &l)) return false;
  *fd = (int)l;
  return true;
}

/* Timeout argument: None -> -1.0, else seconds >= 0. */
static bool get_timeout(Value v, double *out) {
  if (v == VAL_NONE || v == VAL_NULL) {
    *out = -1.0;
    return true;
  }
  double d = float_as_double(v);
  if (d == -1.0 && err_occurred()) return false;
  *out = d;
  return true;
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* A signal is waiting for its handler, which the main thread runs with the
 * GIL: a call interrupted by it (EINTR) returns to run it instead of
 * retrying at once, then resumes unless the handler raised (PEP 475). */
static bool signal_pending(void) { return atomic_load(&eval_breaker) & EB_SIGNALS; }

/* The deadline of a timeout (seconds, < 0 = none): -1 for none. */
static double deadline_of(double timeout) { return timeout < 0 ? -1 : now_s() + timeout; }

/* poll()'s timeout for the time left until deadline (-1 = none). */
static int poll_ms(double deadline) {
  if (deadline < 0) return -1;
  double left = deadline - now_s();
  if (left < 0) left = 0;
  double ms = left * 1000.0 + 0.999;
  return ms >= 2147483647.0 ? 2147483647 : (int)ms;
}

/* Waits until fd is readable/writable or the deadline (-1 = none) passes;
 * 1 ready, 0 timed out, -1 errno (EINTR: a signal is pending).  Called with
 * the GIL released. */
static int wait_fd(int fd, bool writing, double deadline) {
  struct pollfd p = {.fd = fd, .events = writing ? POLLOUT : POLLIN};
  for (;;) {
    int r = poll(&p, 1, poll_ms(deadline));
    if (r < 0 && errno == EINTR && !signal_pending()) continue;
    return r < 0 ? -1 : (r > 0 ? 1 : 0);
  }
}

/* ---- addresses ---------------------------------------------------------- */

static bool resolve_host(const char *host, int family, SockAddr *out) {
  struct addrinfo hints = {.ai_family = family}, *res = NULL;
  int r;
  char *copy = strdup(host);
  GIL_RELEASE();
  r = getaddrinfo(copy, NULL, &hints, &res);
  GIL_ACQUIRE();
  free(copy);
  if (r != 0 || !res) {
    if (res) freeaddrinfo(res);
    Value a[2] = {val_from_int(r), str_from_cstr(gai_strerror(r))};
    err_set_value(exc_new(&Exc_OSError, a, 2));
    return false;
  }
  memcpy(out, res->ai_addr, res->ai_addrlen);
  freeaddrinfo(res);
  return true;
}

static bool parse_addr(int family, Value addr, SockAddr *out, socklen_t *len, const char *caller) {
  memset(out, 0, sizeof *out);
  if (family == AF_UNIX) {
    const char *p;
    size_t n;
    if (val_is_str(addr)) {
      p = str_cstr(addr);
      n = (size_t)str_len_bytes(addr);
    } else if (!bytes_buffer(addr, &p, &n)) {
      return false;
    }
    if (n >= sizeof out->un.sun_path) {
      err_set(&Exc_OSError, "AF_UNIX path too long");
      return false;
    }
    out->un.sun_family = AF_UNIX;
    memcpy(out->un.sun_path, p, n);
    *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (n && p[0] ? 1 : 0));
    return true;
  }
  if (!val_is_tuple(addr)) {
    err_set(&Exc_TypeError, "%s(): AF_INET%s address must be tuple, not %T", caller,
            family == AF_INET6 ? "6" : "", addr);
    return false;
  }
  TupleObject *t = AS(TupleObject, addr);
  if (t->len < 2 || (family == AF_INET && t->len != 2) || t->len > 4) {
    err_set(&Exc_TypeError, family == AF_INET ? "AF_INET address must be a pair (host, port)"
                                              : "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
    return false;
  }
  Value host = t->items[0];
  long port;
  if (!val_is_str(host)) {
    err_set(&Exc_TypeError, "str, bytes or bytearray expected, not %T", host);
    return false;
  }
  if (!get_int(t->items[1], "port", &port)) return false;
  if (port < 0 || port > 65535) {
    err_set(&Exc_OverflowError, "%s(): port must be 0-65535.", caller);
    return false;
  }
  const char *h = str_cstr(host);
  if (family == AF_INET) {
    out->in4.sin_family = AF_INET;
    out->in4.sin_port = htons((uint16_t)port);
    if (h[0] == 0) {
      out->in4.sin_addr.s_addr = htonl(INADDR_ANY);
    } else if (strcmp(h, "<broadcast>") == 0) {
      out->in4.sin_addr.s_addr = htonl(INADDR_BROADCAST);
    } else if (inet_pton(AF_INET, h, &out->in4.sin_addr) != 1) {
      SockAddr r;
      if (!resolve_host(h, AF_INET, &r)) return false;
      out->in4.sin_addr = r.in4.sin_addr;
    }
    *len = sizeof out->in4;
  } else {
    out->in6.sin6_family = AF_INET6;
    out->in6.sin6_port = htons((uint16_t)port);
    long v;
    if (t->len > 2) {
      if (!get_int(t->items[2], "flowinfo", &v)) return false;
      out->in6.sin6_flowinfo = htonl((uint32_t)v);
    }
    if (t->len > 3) {
      if (!get_int(t->items[3], "scope_id", &v)) return false;
      out->in6.sin6_scope_id = (uint32_t)v;
    }
    if (h[0] == 0) {
      out->in6.sin6_addr = in6addr_any;
    } else if (inet_pton(AF_INET6, h, &out->in6.sin6_addr) != 1) {
      SockAddr r;
      if (!resolve_host(h, AF_INET6, &r)) return false;
      out->in6.sin6_addr = r.in6.sin6_addr;
    }
    *len = sizeof out->in6;
  }
  return true;
}

static Value make_addr(const SockAddr *a, socklen_t len) {
  char buf[INET6_ADDRSTRLEN + 1];
  if (len == 0) return VAL_NONE;
  switch (a->sa.sa_family) {
    case AF_INET:
      inet_ntop(AF_INET, &a->in4.sin_addr, buf, sizeof buf);
      return tuple_pack(2, str_from_cstr(buf), val_from_int(ntohs(a->in4.sin_port)));
    case AF_INET6:
      inet_ntop(AF_INET6, &a->in6.sin6_addr, buf, sizeof buf);
      return tuple_pack(4, str_from_cstr(buf), val_from_int(ntohs(a->in6.sin6_port)),
                        int_from_u64(ntohl(a->in6.sin6_flowinfo)), int_from_u64(a->in6.sin6_scope_id));
    case AF_UNIX: {
      size_t n = len > offsetof(struct sockaddr_un, sun_path) ? len - offsetof(struct sockaddr_un, sun_path) : 0;
      if (n > 0 && a->un.sun_path[0] == 0) return bytes_new(a->un.sun_path, n); /* abstract namespace */
      return str_from_cstr(n ? a->un.sun_path : "");
    }
    default:
      return tuple_pack(2, val_from_int(a->sa.sa_family), bytes_new(a->sa.sa_data, sizeof a->sa.sa_data));
  }
}

/* ---- module functions --------------------------------------------------- */

/* socket(family, type, proto) -> fd */
static Value s_socket(Value self, Value *args, size_t nargs, TupleObject *kw) {
  long fam, type, proto;
  if (!args_count("socket", nargs, 3, 3)) return VAL_NULL;
  if (!get_int(args[0], "family", &fam) || !get_int(args[1], "type", &type) || !get_int(args[2], "proto", &proto))
    return VAL_NULL;
  int fd = socket((int)fam, (int)type | SOCK_CLOEXEC, (int)proto);
  if (fd < 0) return errno_error(errno);
  return val_from_int(fd);
}

static Value s_socketpair(Value self, Value *args, size_t nargs, TupleObject *kw) {
  long fam, type, proto;
  if (!args_count("socketpair", nargs, 3, 3)) return VAL_NULL;
  if (!get_int(args[0], "family", &fam) || !get_int(args[1], "type", &type) || !get_int(args[2], "proto", &proto))
    return VAL_NULL;
  int sv[2];
  if (socketpair((int)fam, (int)type | SOCK_CLOEXEC, (int)proto, sv) < 0) return errno_error(errno);
  return tuple_pack(2, val_from_int(sv[0]), val_from_int(sv[1]));
}

static Value s_close(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd;
  if (!args_count("close", nargs, 1, 1) || !get_fd(args[0], &fd)) return VAL_NULL;
  /* ECONNRESET on close is not an error for the caller (as CPython). */
  if (close(fd) < 0 && errno != ECONNRESET) return errno_error(errno);
  return VAL_NONE;
}

/* setblocking(fd, flag): flag False sets O_NONBLOCK. */
static Value s_setblocking(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd;
  if (!args_count("setblocking", nargs, 2, 2) || !get_fd(args[0], &fd)) return VAL_NULL;
  int t = obj_truthy(args[1]);
  if (t < 0) return VAL_NULL;
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0) return errno_error(errno);
  fl = t ? (fl & ~O_NONBLOCK) : (fl | O_NONBLOCK);
  if (fcntl(fd, F_SETFL, fl) < 0) return errno_error(errno);
  return VAL_NONE;
}

/* connect(fd, family, address, timeout, raise) -> None or errno (connect_ex). */
static Value s_connect(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd;
  long fam;
  double timeout;
  SockAddr a;
  socklen_t len;
  if (!args_count("connect", nargs, 5, 5) || !get_fd(args[0], &fd) || !get_int(args[1], "family", &fam) ||
      !get_timeout(args[3], &timeout))
    return VAL_NULL;
  bool raise = obj_truthy(args[4]) == 1;
  if (!parse_addr((int)fam, args[2], &a, &len, raise ? "connect" : "connect_ex")) return VAL_NULL;
  int r, e = 0;
  bool tmo = false;
  double deadline = deadline_of(timeout);
  GIL_RELEASE();
  r = connect(fd, &a.sa, len);
  if (r < 0) e = errno;
  GIL_ACQUIRE();
  /* Interrupted, the connection goes on in the background: after the
   * signal handlers ran, wait for it as for a non-blocking connect. */
  if (r < 0 && e == EINTR && timeout == 0 && eval_handle_breaker() < 0) return VAL_NULL;
  bool wait = r < 0 && ((e == EINPROGRESS && timeout > 0) || (e == EINTR && timeout != 0));
  while (wait) {
    if (e == EINTR && eval_handle_breaker() < 0) return VAL_NULL;
    int w;
    GIL_RELEASE();
    w = wait_fd(fd, true, deadline);
    if (w == 0) {
      tmo = true;
    } else if (w < 0) {
      e = errno;
    } else {
      socklen_t el = sizeof e;
      if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &el) < 0) e = errno;
      r = e ? -1 : 0;
    }
    GIL_ACQUIRE();
    wait = w < 0 && e == EINTR;
  }
  if (tmo) {
    if (raise) return timed_out();
    return val_from_int(EAGAIN);
  }
  if (r == 0) e = 0;
  if (!raise) return val_from_int(e);
  if (e) return errno_error(e);
  return VAL_NONE;
}

static Value s_bind(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd;
  long fam;
  SockAddr a;
  socklen_t len;
  if (!args_count("bind", nargs, 3, 3) || !get_fd(args[0], &fd) || !get_int(args[1], "family", &fam)) return VAL_NULL;
  if (!parse_addr((int)fam, args[2], &a, &len, "bind")) return VAL_NULL;
  if (bind(fd, &a.sa, len) < 0) return errno_error(errno);
  return VAL_NONE;
}

static Value s_listen(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd;
  long backlog;
  if (!args_count("listen", nargs, 2, 2) || !get_fd(args[0], &fd) || !get_int(args[1], "backlog", &backlog))
    return VAL_NULL;
  if (backlog < 0) backlog = 0;
  if (listen(fd, (int)backlog) < 0) return errno_error(errno);
  return VAL_NONE;
}

/* Runs op with the timeout discipline; returns the syscall result, with
 * *err set to errno, -2 for a timeout or -3 when a signal handler raised
 * (its exception is set).  The GIL is released inside, except to run the
 * handlers of a signal that interrupted the call. */
typedef ssize_t (*SockOp)(int fd, void *ctx);

static ssize_t run_op(int fd, bool writing, double timeout, SockOp op, void *ctx, int *err) {
  double deadline = timeout > 0 ? deadline_of(timeout) : -1;
  for (;;) {
    ssize_t r;
    int e = 0;
    bool tmo = false;
    GIL_RELEASE();
    for (;;) {
      if (timeout > 0) {
        int w = wait_fd(fd, writing, deadline);
        if (w == 0) {
          tmo = true;
          r = -1;
          break;
        }
        if (w < 0) {
          e = errno;
          r = -1;
          break;
        }
      }
      r = op(fd, ctx);
      if (r >= 0) break;
      e = errno;
      if (e == EINTR && !signal_pending()) continue;
      /* Readiness reported but the data went elsewhere: wait again. */
      if (timeout > 0 && (e == EAGAIN || e == EWOULDBLOCK)) continue;
      break;
    }
    GIL_ACQUIRE();
    if (r < 0 && e == EINTR) {
      if (eval_handle_breaker() < 0) {
        *err = -3;
        return -1;
      }
      continue;
    }
    *err = tmo ? -2 : e;
    return r;
  }
}

static Value op_error(int e) {
  if (e == -3) return VAL_NULL;
  return e == -2 ? timed_out() : errno_error(e);
}

typedef struct {
  SockAddr addr;
  socklen_t len;
  char *buf;
  size_t n;
  int flags;
} OpCtx;

static ssize_t do_accept(int fd, void *c) {
  OpCtx *x = c;
  x->len = sizeof x->addr;
  return accept4(fd, &x->addr.sa, &x->len, SOCK_CLOEXEC);
}
static ssize_t do_recv(int fd, void *c) {
  OpCtx *x = c;
  return recv(fd, x->buf, x->n, x->flags);
}
static ssize_t do_recvfrom(int fd, void *c) {
  OpCtx *x = c;
  x->len = sizeof x->addr;
  return recvfrom(fd, x->buf, x->n, x->flags, &x->addr.sa, &x->len);
}
static ssize_t do_send(int fd, void *c) {
  OpCtx *x = c;
  return send(fd, x->buf, x->n, x->flags | MSG_NOSIGNAL);
}
static ssize_t do_sendto(int fd, void *c) {
  OpCtx *x = c;
  return sendto(fd, x->buf, x->n, x->flags | MSG_NOSIGNAL, &x->addr.sa, x->len);
}

/* accept(fd, timeout) -> (newfd, address) */
static Value s_accept(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd, e;
  double timeout;
  OpCtx x = {0};
  if (!args_count("accept", nargs, 2, 2) || !get_fd(args[0], &fd) || !get_timeout(args[1], &timeout)) return VAL_NULL;
  ssize_t r = run_op(fd, false, timeout, do_accept, &x, &e);
  if (r < 0) return op_error(e);
  return tuple_pack(2, val_from_int((intptr_t)r), make_addr(&x.addr, x.len));
}

static bool get_flags(Value *args, size_t nargs, size_t i, int *flags) {
  long f = 0;
  if (nargs > i && args[i] != VAL_NONE && !get_int(args[i], "flags", &f)) return false;
  *flags = (int)f;
  return true;
}

/* recv(fd, bufsize, flags, timeout) -> bytes */
static Value s_recv(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd, e;
  long n;
  double timeout;
  OpCtx x = {0};
  if (!args_count("recv", nargs, 4, 4) || !get_fd(args[0], &fd) || !get_int(args[1], "bufsize", &n) ||
      !get_flags(args, nargs, 2, &x.flags) || !get_timeout(args[3], &timeout))
    return VAL_NULL;
  if (n < 0) return err_set(&Exc_ValueError, "negative buffersize in recv");
  x.buf = malloc((size_t)n + 1);
  x.n = (size_t)n;
  ssize_t r = run_op(fd, false, timeout, do_recv, &x, &e);
  if (r < 0) {
    free(x.buf);
    return op_error(e);
  }
  Value b = bytes_new(x.buf, (size_t)r);
  free(x.buf);
  return b;
}

/* recvfrom(fd, bufsize, flags, timeout) -> (bytes, address) */
static Value s_recvfrom(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd, e;
  long n;
  double timeout;
  OpCtx x = {0};
  if (!args_count("recvfrom", nargs, 4, 4) || !get_fd(args[0], &fd) || !get_int(args[1], "bufsize", &n) ||
      !get_flags(args, nargs, 2, &x.flags) || !get_timeout(args[3], &timeout))
    return VAL_NULL;
  if (n < 0) return err_set(&Exc_ValueError, "negative buffersize in recvfrom");
  x.buf = malloc((size_t)n + 1);
  x.n = (size_t)n;
  ssize_t r = run_op(fd, false, timeout, do_recvfrom, &x, &e);
  if (r < 0) {
    free(x.buf);
    return op_error(e);
  }
  Value b = bytes_new(x.buf, (size_t)r);
  free(x.buf);
  return tuple_pack(2, b, make_addr(&x.addr, x.len));
}

static bool copy_data(Value v, OpCtx *x) {
  const char *d;
  size_t n;
  if (val_is_str(v)) {
    err_set(&Exc_TypeError, "a bytes-like object is required, not 'str'");
    return false;
  }
  if (!bytes_buffer(v, &d, &n)) return false;
  x->buf = malloc(n ? n : 1);
  memcpy(x->buf, d, n);
  x->n = n;
  return true;
}

/* send(fd, data, flags, timeout, all) -> count (all: loop until everything is sent) */
static Value s_send(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd, e = 0;
  double timeout;
  OpCtx x = {0};
  if (!args_count("send", nargs, 5, 5) || !get_fd(args[0], &fd) || !get_flags(args, nargs, 2, &x.flags) ||
      !get_timeout(args[3], &timeout))
    return VAL_NULL;
  if (!copy_data(args[1], &x)) return VAL_NULL;
  bool all = obj_truthy(args[4]) == 1;
  char *base = x.buf;
  size_t total = x.n, sent = 0;
  ssize_t r;
  do {
    x.buf = base + sent;
    x.n = total - sent;
    r = run_op(fd, true, timeout, do_send, &x, &e);
    if (r < 0) break;
    sent += (size_t)r;
    /* A signal that cut a send short runs its handlers between the parts of
     * sendall (as CPython checks signals there). */
    if (all && sent < total && signal_pending() && eval_handle_breaker() < 0) {
      e = -3;
      r = -1;
      break;
    }
  } while (all && sent < total);
  free(base);
  if (r < 0) return op_error(e);
  if (all) return VAL_NONE;
  return int_from_i64((int64_t)sent);
}

/* sendto(fd, data, flags, family, address, timeout) -> count */
static Value s_sendto(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd, e = 0;
  long fam;
  double timeout;
  OpCtx x = {0};
  if (!args_count("sendto", nargs, 6, 6) || !get_fd(args[0], &fd) || !get_flags(args, nargs, 2, &x.flags) ||
      !get_int(args[3], "family", &fam) || !get_timeout(args[5], &timeout))
    return VAL_NULL;
  if (!parse_addr((int)fam, args[4], &x.addr, &x.len, "sendto")) return VAL_NULL;
  if (!copy_data(args[1], &x)) return VAL_NULL;
  ssize_t r = run_op(fd, true, timeout, do_sendto, &x, &e);
  free(x.buf);
  if (r < 0) return op_error(e);
  return int_from_i64((int64_t)r);
}

static Value s_shutdown(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd;
  long how;
  if (!args_count("shutdown", nargs, 2, 2) || !get_fd(args[0], &fd) || !get_int(args[1], "how", &how))
    return VAL_NULL;
  if (shutdown(fd, (int)how) < 0) return errno_error(errno);
  return VAL_NONE;
}

static Value s_getsockname(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd;
  SockAddr a;
  socklen_t len = sizeof a;
  if (!args_count("getsockname", nargs, 1, 1) || !get_fd(args[0], &fd)) return VAL_NULL;
  memset(&a, 0, sizeof a);
  if (getsockname(fd, &a.sa, &len) < 0) return errno_error(errno);
  return make_addr(&a, len);
}

static Value s_getpeername(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd;
  SockAddr a;
  socklen_t len = sizeof a;
  if (!args_count("getpeername", nargs, 1, 1) || !get_fd(args[0], &fd)) return VAL_NULL;
  memset(&a, 0, sizeof a);
  if (getpeername(fd, &a.sa, &len) < 0) return errno_error(errno);
  return make_addr(&a, len);
}

/* setsockopt(fd, level, opt, value): value an int or a bytes-like. */
static Value s_setsockopt(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd;
  long level, opt, iv;
  if (!args_count("setsockopt", nargs, 4, 4) || !get_fd(args[0], &fd) || !get_int(args[1], "level", &level) ||
      !get_int(args[2], "option", &opt))
    return VAL_NULL;
  int r;
  if (val_is_intlike(args[3])) {
    if (!get_int(args[3], "value", &iv)) return VAL_NULL;
    int i = (int)iv;
    r = setsockopt(fd, (int)level, (int)opt, &i, sizeof i);
  } else {
    const char *d;
    size_t n;
    if (!bytes_buffer(args[3], &d, &n)) return VAL_NULL;
    r = setsockopt(fd, (int)level, (int)opt, d, (socklen_t)n);
  }
  if (r < 0) return errno_error(errno);
  return VAL_NONE;
}

/* getsockopt(fd, level, opt, buflen or None) */
static Value s_getsockopt(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd;
  long level, opt, buflen = 0;
  if (!args_count("getsockopt", nargs, 4, 4) || !get_fd(args[0], &fd) || !get_int(args[1], "level", &level) ||
      !get_int(args[2], "option", &opt))
    return VAL_NULL;
  if (args[3] != VAL_NONE && !get_int(args[3], "buflen", &buflen)) return VAL_NULL;
  if (buflen == 0) {
    int i = 0;
    socklen_t l = sizeof i;
    if (getsockopt(fd, (int)level, (int)opt, &i, &l) < 0) return errno_error(errno);
    return val_from_int(i);
  }
  if (buflen < 0 || buflen > 1024) return err_set(&Exc_OSError, "getsockopt buflen out of range");
  char buf[1024];
  socklen_t l = (socklen_t)buflen;
  if (getsockopt(fd, (int)level, (int)opt, buf, &l) < 0) return errno_error(errno);
  return bytes_new(buf, l);
}

/* getaddrinfo(host, port, family, type, proto, flags) -> list, or an int
 * (the EAI_ code) for socket.py to raise as gaierror. */
static Value s_getaddrinfo(Value self, Value *args, size_t nargs, TupleObject *kw) {
  long fam, type, proto, flags;
  if (!args_count("getaddrinfo", nargs, 6, 6) || !get_int(args[2], "family", &fam) ||
      !get_int(args[3], "type", &type) || !get_int(args[4], "proto", &proto) || !get_int(args[5], "flags", &flags))
    return VAL_NULL;
  char *host = NULL, *port = NULL;
  if (args[0] != VAL_NONE) {
    if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "getaddrinfo() argument 1 must be string or None");
    host = strdup(str_cstr(args[0]));
  }
  if (args[1] != VAL_NONE) {
    Value p = val_is_str(args[1]) ? args[1] : obj_str(args[1]);
    if (!p) {
      free(host);
      return VAL_NULL;
    }
    port = strdup(str_cstr(p));
  }
  struct addrinfo hints = {.ai_family = (int)fam, .ai_socktype = (int)type, .ai_protocol = (int)proto,
                           .ai_flags = (int)flags};
  struct addrinfo *res = NULL;
  int r;
  GIL_RELEASE();
  r = getaddrinfo(host, port, &hints, &res);
  GIL_ACQUIRE();
  free(host);
  free(port);
  if (r != 0) return val_from_int(r);
  Value list = list_new(0);
  for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
    SockAddr a;
    memset(&a, 0, sizeof a);
    memcpy(&a, ai->ai_addr, ai->ai_addrlen);
    Value item = tuple_pack(5, val_from_int(ai->ai_family), val_from_int(ai->ai_socktype),
                            val_from_int(ai->ai_protocol), str_from_cstr(ai->ai_canonname ? ai->ai_canonname : ""),
                            make_addr(&a, ai->ai_addrlen));
    list_append(list, item);
  }
  freeaddrinfo(res);
  return list;
}

static Value s_gai_strerror(Value self, Value *args, size_t nargs, TupleObject *kw) {
  long c;
  if (!args_count("gai_strerror", nargs, 1, 1) || !get_int(args[0], "code", &c)) return VAL_NULL;
  return str_from_cstr(gai_strerror((int)c));
}

static Value s_gethostname(Value self, Value *args, size_t nargs, TupleObject *kw) {
  char buf[256];
  if (!args_count("gethostname", nargs, 0, 0)) return VAL_NULL;
  if (gethostname(buf, sizeof buf) < 0) return errno_error(errno);
  buf[sizeof buf - 1] = 0;
  return str_from_cstr(buf);
}

/* The int argument of htons/ntohs/htonl/ntohl, checked as CPython 3.11
 * checks it: the 16-bit ones go through a C int first. */
static bool byteorder_arg(const char *name, Value *args, size_t nargs, bool wide, uint32_t *out) {
  if (!args_count(name, nargs, 1, 1)) return false;
  Value v = args[0];
  if (!val_is_int(v) && !(val_is_obj(v) && val_is_intlike(v))) {
    if (wide) err_set(&Exc_TypeError, "expected int, %T found", v);
    else err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  int64_t i;
  int sign = int_sign(v);
  bool fits = val_is_int(v) || int_to_i64(v, &i);
  if (!fits) err_clear();
  else i = val_is_int(v) ? (int64_t)val_int(v) : i;
  if (!fits && (!wide || sign > 0)) {
    err_set(&Exc_OverflowError, wide ? "Python int too large to convert to C unsigned long"
                                     : "Python int too large to convert to C long");
    return false;
  }
  if (!wide) {
    if (i > INT32_MAX || i < INT32_MIN) {
      err_set(&Exc_OverflowError, sign > 0 ? "signed integer is greater than maximum"
                                           : "signed integer is less than minimum");
      return false;
    }
    if (i < 0 || i > 0xffff) {
      err_set(&Exc_OverflowError, i < 0 ? "%s: can't convert negative Python int to C 16-bit unsigned integer"
                                        : "%s: Python int too large to convert to C 16-bit unsigned integer",
              name);
      return false;
    }
  } else if (sign < 0) {
    err_set(&Exc_OverflowError, "can't convert negative value to unsigned int");
    return false;
  } else if (i > 0xffffffffLL) {
    err_set(&Exc_OverflowError, "int larger than 32 bits");
    return false;
  }
  *out = (uint32_t)i;
  return true;
}

static Value s_htons(Value self, Value *args, size_t nargs, TupleObject *kw) {
  uint32_t x;
  if (!args_no_kw("htons", kw) || !byteorder_arg("htons", args, nargs, false, &x)) return VAL_NULL;
  return val_from_int(htons((uint16_t)x));
}

static Value s_ntohs(Value self, Value *args, size_t nargs, TupleObject *kw) {
  uint32_t x;
  if (!args_no_kw("ntohs", kw) || !byteorder_arg("ntohs", args, nargs, false, &x)) return VAL_NULL;
  return val_from_int(ntohs((uint16_t)x));
}

static Value s_htonl(Value self, Value *args, size_t nargs, TupleObject *kw) {
  uint32_t x;
  if (!args_no_kw("htonl", kw) || !byteorder_arg("htonl", args, nargs, true, &x)) return VAL_NULL;
  return int_from_i64((int64_t)htonl(x));
}

static Value s_ntohl(Value self, Value *args, size_t nargs, TupleObject *kw) {
  uint32_t x;
  if (!args_no_kw("ntohl", kw) || !byteorder_arg("ntohl", args, nargs, true, &x)) return VAL_NULL;
  return int_from_i64((int64_t)ntohl(x));
}

static Value s_inet_aton(Value self, Value *args, size_t nargs, TupleObject *kw) {
  struct in_addr a;
  if (!args_count("inet_aton", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "inet_aton() argument 1 must be str, not %T", args[0]);
  if (inet_aton(str_cstr(args[0]), &a) == 0)
    return err_set(&Exc_OSError, "illegal IP address string passed to inet_aton");
  return bytes_new((const char *)&a, 4);
}

static Value s_inet_ntoa(Value self, Value *args, size_t nargs, TupleObject *kw) {
  const char *d;
  size_t n;
  if (!args_count("inet_ntoa", nargs, 1, 1) || !bytes_buffer(args[0], &d, &n)) return VAL_NULL;
  if (n != 4) return err_set(&Exc_OSError, "packed IP wrong length for inet_ntoa");
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, d, buf, sizeof buf);
  return str_from_cstr(buf);
}

static Value s_inet_pton(Value self, Value *args, size_t nargs, TupleObject *kw) {
  long fam;
  unsigned char out[16];
  if (!args_count("inet_pton", nargs, 2, 2) || !get_int(args[0], "family", &fam)) return VAL_NULL;
  if (!val_is_str(args[1])) return err_set(&Exc_TypeError, "inet_pton() argument 2 must be str, not %T", args[1]);
  int r = inet_pton((int)fam, str_cstr(args[1]), out);
  if (r < 0) return errno_error(errno);
  if (r == 0) return err_set(&Exc_OSError, "illegal IP address string passed to inet_pton");
  return bytes_new((const char *)out, fam == AF_INET ? 4 : 16);
}

static Value s_inet_ntop(Value self, Value *args, size_t nargs, TupleObject *kw) {
  long fam;
  const char *d;
  size_t n;
  char buf[INET6_ADDRSTRLEN];
  if (!args_count("inet_ntop", nargs, 2, 2) || !get_int(args[0], "family", &fam) || !bytes_buffer(args[1], &d, &n))
    return VAL_NULL;
  if ((fam == AF_INET && n != 4) || (fam == AF_INET6 && n != 16))
    return err_set(&Exc_ValueError, "invalid length of packed IP address string");
  if (!inet_ntop((int)fam, d, buf, sizeof buf)) return errno_error(errno);
  return str_from_cstr(buf);
}

/* Is fd readable within timeout seconds? (for the socket wrapper's
 * select-free waits) */
static Value s_wait(Value self, Value *args, size_t nargs, TupleObject *kw) {
  int fd, w;
  double timeout;
  if (!args_count("wait", nargs, 3, 3) || !get_fd(args[0], &fd) || !get_timeout(args[2], &timeout)) return VAL_NULL;
  bool writing = obj_truthy(args[1]) == 1;
  double deadline = deadline_of(timeout);
  for (;;) {
    int e = 0;
    GIL_RELEASE();
    w = wait_fd(fd, writing, deadline);
    if (w < 0) e = errno;
    GIL_ACQUIRE();
    if (w >= 0) return val_bool(w > 0);
    if (e != EINTR) return errno_error(e);
    if (eval_handle_breaker() < 0) return VAL_NULL;
  }
}

static const NativeDef socket_functions[] = {
    {"socket", s_socket, 0, NULL},
    {"socketpair", s_socketpair, 0, NULL},
    {"close", s_close, 0, NULL},
    {"setblocking", s_setblocking, 0, NULL},
    {"connect", s_connect, 0, NULL},
    {"bind", s_bind, 0, NULL},
    {"listen", s_listen, 0, NULL},
    {"accept", s_accept, 0, NULL},
    {"recv", s_recv, 0, NULL},
    {"recvfrom", s_recvfrom, 0, NULL},
    {"send", s_send, 0, NULL},
    {"sendto", s_sendto, 0, NULL},
    {"shutdown", s_shutdown, 0, NULL},
    {"getsockname", s_getsockname, 0, NULL},
    {"getpeername", s_getpeername, 0, NULL},
    {"setsockopt", s_setsockopt, 0, NULL},
    {"getsockopt", s_getsockopt, 0, NULL},
    {"getaddrinfo", s_getaddrinfo, 0, NULL},
    {"gai_strerror", s_gai_strerror, 0, NULL},
    {"gethostname", s_gethostname, 0, NULL},
    {"htons", s_htons, 0, NULL},
    {"ntohs", s_ntohs, 0, NULL},
    {"htonl", s_htonl, 0, NULL},
    {"ntohl", s_ntohl, 0, NULL},
    {"inet_aton", s_inet_aton, 0, NULL},
    {"inet_ntoa", s_inet_ntoa, 0, NULL},
    {"inet_pton", s_inet_pton, 0, NULL},
    {"inet_ntop", s_inet_ntop, 0, NULL},
    {"wait", s_wait, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int socket_init(Value m) {
  Value d = module_dict(m);
#define C(n) dict_set_cstr(d, #n, val_from_int(n))
  C(AF_INET); C(AF_INET6); C(AF_UNIX); C(AF_UNSPEC);
  C(SOCK_STREAM); C(SOCK_DGRAM); C(SOCK_RAW); C(SOCK_NONBLOCK); C(SOCK_CLOEXEC);
  C(SOL_SOCKET); C(SO_REUSEADDR); C(SO_REUSEPORT); C(SO_KEEPALIVE); C(SO_BROADCAST); C(SO_ERROR);
  C(SO_RCVBUF); C(SO_SNDBUF); C(SO_TYPE); C(SO_LINGER); C(SOMAXCONN);
  C(IPPROTO_TCP); C(IPPROTO_UDP); C(IPPROTO_IP); C(IPPROTO_IPV6); C(TCP_NODELAY); C(IPV6_V6ONLY);
  C(SHUT_RD); C(SHUT_WR); C(SHUT_RDWR);
  C(MSG_PEEK); C(MSG_DONTWAIT); C(MSG_WAITALL);
  C(AI_PASSIVE); C(AI_CANONNAME); C(AI_NUMERICHOST); C(AI_NUMERICSERV); C(AI_ADDRCONFIG);
  C(EAI_NONAME); C(EAI_AGAIN); C(EAI_FAIL); C(EAI_FAMILY); C(EAI_SERVICE);
  C(INADDR_ANY);
#undef C
  dict_set_cstr(d, "EAGAIN", val_from_int(EAGAIN));
  dict_set_cstr(d, "EINPROGRESS", val_from_int(EINPROGRESS));
  return 0;
}

const NativeModuleDef _socket_module_def = {"_socket", socket_functions, socket_init};
