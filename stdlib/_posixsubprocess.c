/* _posixsubprocess.c — fork_exec(), the start of a child process for the
 * subprocess module.
 *
 * The interpreter runs OS threads, so between fork() and exec() the child
 * may only make async-signal-safe calls: another thread may have held the
 * malloc lock, the GIL or a stream lock at the moment of the fork.  Every
 * string the child needs (argv, envp, the candidate executables, the cwd)
 * is therefore converted to C in the parent, before the fork, and the
 * child only does dup2/close/chdir/exec/write/_exit.
 *
 * A failure in the child is reported through errpipe_write, a close-on-exec
 * pipe: a successful exec closes it with nothing written, a failure writes
 * "OSError:<errno in hex>:<where>" (where = "noexec" before exec,
 * "noexec:chdir" for the cwd, empty for exec itself) and exits 255.  The
 * parent (subprocess.py) reads the pipe to its end and raises accordingly,
 * as CPython's _posixsubprocess does.
 *
 * preexec_fn is the one exception to the rule above: it runs gilpy code in
 * the child, so the fork then goes through the threads area's fork hooks,
 * as os.fork() does.
 *
 * Otherwise the child is started with vfork(), as CPython does: it borrows
 * the parent's memory until exec instead of copying its page tables, which
 * halves the cost of a start.  The parent's thread is suspended meanwhile;
 * the child writes only its own stack.  Signals stay blocked across the
 * vfork, and the child resets every caught signal to its default before
 * unblocking them, so that no handler runs in the child on the parent's
 * memory.  Children that change ids use fork(): glibc's setuid in a vfork
 * child would signal the parent's threads.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

/* The threads area's fork hooks (vm/gil.c), also used by os.fork(). */
void os_before_fork(void) __attribute__((weak));
void os_after_fork_parent(void) __attribute__((weak));
void os_after_fork_child(void) __attribute__((weak));

/* ---- converting the arguments, in the parent --------------------------- */

/* A NULL-terminated array of C strings copied from a sequence of bytes or
 * str (None: NULL, no array).  Returns false with an exception set. */
static bool cstring_array(Value seq, char ***out) {
  *out = NULL;
  if (seq == VAL_NONE) return true;
  Value list = list_from_iterable(seq);
  if (!list) return false;
  size_t n = (size_t)LIST_LEN(list);
  char **arr = calloc(n + 1, sizeof *arr);
  for (size_t i = 0; i < n; i++) {
    Value item = LIST_ITEMS(list)[i];
    const char *data;
    size_t len;
    if (val_is_str(item)) {
      data = str_cstr(item);
      len = strlen(data);
    } else if (!bytes_buffer(item, &data, &len)) {
      err_clear();
      err_set(&Exc_TypeError, "expected str, bytes or os.PathLike object, not %T", item);
      goto fail;
    }
    if (memchr(data, '\0', len)) {
      err_set(&Exc_ValueError, "embedded null byte");
      goto fail;
    }
    arr[i] = strndup(data, len);
  }
  *out = arr;
  return true;
fail:
  for (size_t i = 0; i < n; i++) free(arr[i]);
  free(arr);
  return false;
}

static void free_cstring_array(char **arr) {
  if (!arr) return;
  for (char **p = arr; *p; p++) free(*p);
  free(arr);
}

static bool fd_arg(Value v, int *out) {
  if (!val_is_int(v)) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  *out = (int)val_int(v);
  return true;
}

/* None -> -1 (not given); an int otherwise. */
static bool optional_id_arg(Value v, long *out) {
  *out = -1;
  if (v == VAL_NONE) return true;
  if (!val_is_int(v)) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  *out = (long)val_int(v);
  return true;
}

static int compare_ints(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

/* Everything the child needs, in C memory. */
typedef struct {
  char **argv, **executables, **envp;
  char *cwd;
  int *keep_fds; /* sorted: pass_fds and errpipe_write, kept by close_fds */
  size_t nkeep;
  int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite;
  int errpipe_read, errpipe_write;
  bool close_fds, restore_signals, call_setsid;
  long pgid_to_set, gid, uid, child_umask;
  gid_t *groups;
  size_t ngroups;
  bool has_groups;
  Value preexec_fn;
  const sigset_t *child_sigmask; /* vfork: the mask to restore before exec */
} ChildSpec;

static void child_spec_free(ChildSpec *c) {
  free_cstring_array(c->argv);
  free_cstring_array(c->executables);
  free_cstring_array(c->envp);
  free(c->cwd);
  free(c->keep_fds);
  free(c->groups);
}

/* ---- the child, between fork and exec ---------------------------------- */

/* Writes "OSError:<hex errno>:<where>" to the error pipe (no stdio: not
 * async-signal-safe). */
static void report_errno(int fd, int err, const char *where) {
  char buf[64];
  size_t n = 0;
  const char *prefix = "OSError:";
  while (*prefix) buf[n++] = *prefix++;
  char hex[16];
  int h = 0;
  unsigned int u = (unsigned int)err;
  do {
    hex[h++] = "0123456789abcdef"[u & 15];
    u >>= 4;
  } while (u);
  while (h) buf[n++] = hex[--h];
  buf[n++] = ':';
  while (*where && n < sizeof buf) buf[n++] = *where++;
  ssize_t r = write(fd, buf, n);
  (void)r;
}

static void report_message(int fd, const char *msg) {
  ssize_t r = write(fd, msg, strlen(msg));
  (void)r;
}

/* Closes every descriptor >= 3 but those in keep (sorted). */
static void close_fds_except(const int *keep, size_t nkeep) {
  int lo = 3;
  long max_fd = sysconf(_SC_OPEN_MAX);
  if (max_fd < 0 || max_fd > 65536) max_fd = 65536;
  for (size_t i = 0; i <= nkeep; i++) {
    int hi = i < nkeep ? keep[i] - 1 : (int)max_fd;
    if (i < nkeep && keep[i] < lo) continue;
#ifdef SYS_close_range
    if (i == nkeep && syscall(SYS_close_range, (unsigned)lo, ~0U, 0) == 0) break;
    if (hi >= lo && i < nkeep && syscall(SYS_close_range, (unsigned)lo, (unsigned)hi, 0) == 0) {
      lo = keep[i] + 1;
      continue;
    }
#endif
    for (int fd = lo; fd <= hi; fd++) close(fd);
    if (i < nkeep) lo = keep[i] + 1;
  }
}

/* Moves fd to the standard descriptor target; fd == target only loses its
 * close-on-exec flag. */
static int move_fd(int fd, int target) {
  if (fd == target) {
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
  }
  return dup2(fd, target) < 0 ? -1 : 0;
}

static void set_fd_inheritable(int fd) {
  int flags = fcntl(fd, F_GETFD);
  if (flags >= 0) fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
}

static Value call_preexec_fn(Value fn) { return obj_call(fn, NULL, 0, NULL); }

/* The vfork child's handlers are the parent's: every caught signal that
 * the child will not keep blocked goes back to its default action. */
static void reset_signal_handlers(const sigset_t *child_sigmask) {
  struct sigaction sa_dfl;
  memset(&sa_dfl, 0, sizeof sa_dfl);
  sa_dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < _NSIG; sig++) {
    if (sig == SIGKILL || sig == SIGSTOP) continue;
    if (sigismember(child_sigmask, sig) == 1) continue;
    struct sigaction sa;
    /* glibc refuses its internal signals (EINVAL): nothing to reset. */
    if (sigaction(sig, NULL, &sa) == -1) continue;
    if (sa.sa_handler == SIG_IGN || sa.sa_handler == SIG_DFL) continue;
    sigaction(sig, &sa_dfl, NULL);
  }
}

static _Noreturn void child_exec(ChildSpec *c) {
  int errfd = c->errpipe_write;
  for (size_t i = 0; i < c->nkeep; i++)
    if (c->keep_fds[i] != errfd) set_fd_inheritable(c->keep_fds[i]);
  if (c->p2cwrite != -1) close(c->p2cwrite);
  if (c->c2pread != -1) close(c->c2pread);
  if (c->errread != -1) close(c->errread);
  close(c->errpipe_read);

  /* The dup2s below must not clobber a descriptor still to be moved. */
  int c2pwrite = c->c2pwrite, errwrite = c->errwrite;
  if (c2pwrite == 0) {
    c2pwrite = dup(c2pwrite);
    if (c2pwrite < 0) goto noexec;
  }
  while (errwrite == 0 || errwrite == 1) {
    errwrite = dup(errwrite);
    if (errwrite < 0) goto noexec;
  }
  if (c->p2cread != -1 && move_fd(c->p2cread, 0) < 0) goto noexec;
  if (c2pwrite != -1 && move_fd(c2pwrite, 1) < 0) goto noexec;
  if (errwrite != -1 && move_fd(errwrite, 2) < 0) goto noexec;

  if (c->cwd && chdir(c->cwd) < 0) {
    report_errno(errfd, errno, "noexec:chdir");
    _exit(255);
  }
  if (c->child_umask >= 0) umask((mode_t)c->child_umask);
  if (c->restore_signals) {
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
  }
  if (c->child_sigmask) {
    reset_signal_handlers(c->child_sigmask);
    if (pthread_sigmask(SIG_SETMASK, c->child_sigmask, NULL) != 0) goto noexec;
  }
  if (c->call_setsid && setsid() < 0) goto noexec;
  if (c->pgid_to_set >= 0 && setpgid(0, (pid_t)c->pgid_to_set) < 0) goto noexec;
  if (c->has_groups && setgroups(c->ngroups, c->groups) < 0) goto noexec;
  if (c->gid >= 0 && setregid((gid_t)c->gid, (gid_t)c->gid) < 0) goto noexec;
  if (c->uid >= 0 && setreuid((uid_t)c->uid, (uid_t)c->uid) < 0) goto noexec;
  if (c->preexec_fn != VAL_NONE && !call_preexec_fn(c->preexec_fn)) {
    report_message(errfd, "SubprocessError:0:Exception occurred in preexec_fn.");
    _exit(255);
  }
  if (c->close_fds) close_fds_except(c->keep_fds, c->nkeep);

  /* The first error that is not "not found here" is the one reported, so
   * that a PATH entry without the program does not hide a permission
   * problem of a later one. */
  int saved = 0;
  for (char **exe = c->executables; *exe; exe++) {
    if (c->envp)
      execve(*exe, c->argv, c->envp);
    else
      execv(*exe, c->argv);
    if (errno != ENOENT && errno != ENOTDIR && saved == 0) saved = errno;
  }
  report_errno(errfd, saved ? saved : errno, "");
  _exit(255);
noexec:
  report_errno(errfd, errno, "noexec");
  _exit(255);
}

/* ---- fork_exec --------------------------------------------------------- */

static bool fill_child_spec(ChildSpec *c, Value *a) {
  if (!cstring_array(a[0], &c->argv)) return false;
  if (!cstring_array(a[1], &c->executables)) return false;
  if (!c->executables || !c->executables[0]) {
    err_set(&Exc_ValueError, "executable_list must not be empty");
    return false;
  }
  if (!c->argv) {
    c->argv = calloc(2, sizeof *c->argv);
    c->argv[0] = strdup(c->executables[0]);
  }
  int truth = obj_truthy(a[2]);
  if (truth < 0) return false;
  c->close_fds = truth;
  Value pass = list_from_iterable(a[3]);
  if (!pass) return false;
  size_t npass = (size_t)LIST_LEN(pass);
  c->keep_fds = malloc((npass + 1) * sizeof *c->keep_fds);
  for (size_t i = 0; i < npass; i++) {
    int fd;
    if (!fd_arg(LIST_ITEMS(pass)[i], &fd)) return false;
    if (fd < 0) {
      err_set(&Exc_ValueError, "bad value(s) in fds_to_keep");
      return false;
    }
    c->keep_fds[c->nkeep++] = fd;
  }
  if (a[4] != VAL_NONE) {
    char **cwd;
    Value one = tuple_pack(1, a[4]);
    if (!cstring_array(one, &cwd)) return false;
    c->cwd = cwd[0];
    free(cwd);
  }
  if (!cstring_array(a[5], &c->envp)) return false;
  int *fds[] = {&c->p2cread, &c->p2cwrite, &c->c2pread, &c->c2pwrite, &c->errread,
                &c->errwrite, &c->errpipe_read, &c->errpipe_write};
  for (int i = 0; i < 8; i++)
    if (!fd_arg(a[6 + i], fds[i])) return false;
  c->keep_fds[c->nkeep++] = c->errpipe_write;
  qsort(c->keep_fds, c->nkeep, sizeof *c->keep_fds, compare_ints);
  if ((truth = obj_truthy(a[14])) < 0) return false;
  c->restore_signals = truth;
  if ((truth = obj_truthy(a[15])) < 0) return false;
  c->call_setsid = truth;
  if (!optional_id_arg(a[16], &c->pgid_to_set) || !optional_id_arg(a[17], &c->gid)) return false;
  if (a[18] != VAL_NONE) {
    Value groups = list_from_iterable(a[18]);
    if (!groups) return false;
    c->has_groups = true;
    c->ngroups = (size_t)LIST_LEN(groups);
    c->groups = malloc((c->ngroups + 1) * sizeof *c->groups);
    for (size_t i = 0; i < c->ngroups; i++) {
      long g;
      if (!optional_id_arg(LIST_ITEMS(groups)[i], &g)) return false;
      c->groups[i] = (gid_t)g;
    }
  }
  if (!optional_id_arg(a[19], &c->uid)) return false;
  if (!val_is_int(a[20])) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[20]);
    return false;
  }
  c->child_umask = (long)val_int(a[20]);
  c->preexec_fn = a[21]; /* not checked: a failing call is reported from the child */
  return true;
}

static bool vfork_usable(const ChildSpec *c) {
  return c->preexec_fn == VAL_NONE && c->uid < 0 && c->gid < 0 && !c->has_groups;
}

/* Starts the child with vfork, all signals blocked meanwhile (see the top
 * of the file).  Returns the pid, or -1 with errno set. */
static pid_t start_with_vfork(ChildSpec *c) {
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  c->child_sigmask = &old;
  pid_t pid = vfork();
  if (pid == 0) child_exec(c);
  int e = errno;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  errno = e;
  return pid;
}

static Value ps_fork_exec(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("fork_exec", kw) || !args_count("fork_exec", nargs, 23, 23)) return VAL_NULL;
  ChildSpec c = {.pgid_to_set = -1, .gid = -1, .uid = -1, .child_umask = -1};
  if (!fill_child_spec(&c, args)) {
    child_spec_free(&c);
    return VAL_NULL;
  }
  if (vfork_usable(&c)) {
    pid_t pid = start_with_vfork(&c);
    int e = errno;
    child_spec_free(&c);
    if (pid < 0) return err_set_from_errno(&Exc_OSError, e, VAL_NULL);
    return val_from_int(pid);
  }
  bool hooks = c.preexec_fn != VAL_NONE;
  if (hooks && os_before_fork) os_before_fork();
  pid_t pid = fork();
  if (pid == 0) {
    if (hooks && os_after_fork_child) os_after_fork_child();
    child_exec(&c);
  }
  int e = errno;
  if (hooks && os_after_fork_parent) os_after_fork_parent();
  child_spec_free(&c);
  if (pid < 0) return err_set_from_errno(&Exc_OSError, e, VAL_NULL);
  return val_from_int(pid);
}

static const NativeDef posixsubprocess_functions[] = {
    {"fork_exec", ps_fork_exec, 0, NULL},
    {NULL, NULL, 0, NULL},
};

const NativeModuleDef _posixsubprocess_module_def = {"_posixsubprocess", posixsubprocess_functions, NULL};
