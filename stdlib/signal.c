/* signal.c — the signal module: Python handlers for OS signals.
 *
 * The delivery machinery is the eval loop's (vm/signals.c): its C handler
 * only records the signal, and the main thread runs the Python handler at
 * its next eval-breaker check.  This module keeps what getsignal() must
 * report for each signal (a callable, SIG_DFL or SIG_IGN) and installs the
 * OS disposition to match.  Handlers can be changed only from the main
 * thread (as in CPython), which holds the GIL, so the table needs no
 * other lock.
 *
 * SIG_DFL and SIG_IGN are the ints 0 and 1 and the signal numbers plain
 * ints (CPython wraps them in IntEnums, which print differently).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "vm/eval.h"
#include "vm/gil.h"

enum { SIGNAL_MAX = 65, H_DFL = 0, H_IGN = 1 };

/* What getsignal() reports per signal: a callable, or VAL_NULL with
 * ignored[s] telling SIG_IGN from SIG_DFL.  Main thread only. */
static Value reported[SIGNAL_MAX];
static bool ignored[SIGNAL_MAX];
static Value default_int_handler;

static bool check_signum(Value v, int *out) {
  if (!val_is_intlike(v)) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  int64_t n;
  if (!int_to_i64(v, &n)) return false;
  if (n < 1 || n >= SIGNAL_MAX) {
    err_set(&Exc_ValueError, "signal number out of range");
    return false;
  }
  *out = (int)n;
  return true;
}

static Value report(int s) {
  if (reported[s]) return reported[s];
  return val_from_int(ignored[s] ? H_IGN : H_DFL);
}

static Value sg_default_int_handler(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return err_set_value((Value)&Exc_KeyboardInterrupt);
}

static Value sg_signal(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("signal", kw) || !args_count("signal", nargs, 2, 2)) return VAL_NULL;
  int s;
  if (!check_signum(args[0], &s)) return VAL_NULL;
  if (ts_current != ts_all)
    return err_set(&Exc_ValueError, "signal only works in main thread of the main interpreter");
  Value h = args[1];
  bool is_dfl = val_is_int(h) && val_int(h) == H_DFL;
  bool is_ign = val_is_int(h) && val_int(h) == H_IGN;
  if (!is_dfl && !is_ign && !obj_callable(h))
    return err_set(&Exc_TypeError,
                   "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  if (s == SIGKILL || s == SIGSTOP) return err_set_from_errno(&Exc_OSError, EINVAL, VAL_NULL);
  Value old = report(s);
  if (eval_signal_set_handler(s, (is_dfl || is_ign) ? VAL_NULL : h) < 0) return VAL_NULL;
  if (is_dfl || is_ign) {
    /* The eval loop keeps its KeyboardInterrupt handler for SIGINT;
     * an explicit SIG_DFL/SIG_IGN overrides it. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = is_ign ? SIG_IGN : SIG_DFL;
    if (sigaction(s, &sa, NULL) != 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  }
  reported[s] = (is_dfl || is_ign) ? VAL_NULL : h;
  ignored[s] = is_ign;
  return old;
}

static Value sg_getsignal(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("getsignal", nargs, 1, 1)) return VAL_NULL;
  int s;
  if (!check_signum(args[0], &s)) return VAL_NULL;
  return report(s);
}

static Value sg_raise_signal(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("raise_signal", nargs, 1, 1)) return VAL_NULL;
  int s;
  if (!check_signum(args[0], &s)) return VAL_NULL;
  if (raise(s) != 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  /* As CPython, the handler runs before raise_signal returns. */
  if (eval_run_pending_signals() < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value sg_alarm(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("alarm", nargs, 1, 1)) return VAL_NULL;
  if (!val_is_intlike(args[0]))
    return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
  int64_t n;
  if (!int_to_i64(args[0], &n)) return VAL_NULL;
  return val_from_int((long)alarm((unsigned)n));
}

static Value sg_pause(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("pause", nargs, 0, 0)) return VAL_NULL;
  GIL_RELEASE();
  pause();
  GIL_ACQUIRE();
  if (eval_run_pending_signals() < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value sg_strsignal(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("strsignal", nargs, 1, 1)) return VAL_NULL;
  int s;
  if (!check_signum(args[0], &s)) return VAL_NULL;
  const char *d = strsignal(s);
  if (!d || strncmp(d, "Unknown signal", 14) == 0 || strncmp(d, "Real-time signal", 16) == 0) return VAL_NONE;
  return str_from_cstr(d);
}

static Value sg_valid_signals(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("valid_signals", nargs, 0, 0)) return VAL_NULL;
  Value set = set_new(VAL_NULL);
  sigset_t ss;
  sigfillset(&ss);
  for (int s = 1; s < SIGNAL_MAX; s++)
    if (sigismember(&ss, s) == 1 && set_add(set, val_from_int(s)) < 0) return VAL_NULL;
  return set;
}

static const NativeDef signal_functions[] = {
    {"signal", sg_signal, 0, NULL},
    {"getsignal", sg_getsignal, 0, NULL},
    {"raise_signal", sg_raise_signal, 0, NULL},
    {"alarm", sg_alarm, 0, NULL},
    {"pause", sg_pause, 0, NULL},
    {"strsignal", sg_strsignal, 0, NULL},
    {"valid_signals", sg_valid_signals, 0, NULL},
    {"default_int_handler", sg_default_int_handler, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct {
  const char *name;
  int num;
} signal_names[] = {
    {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},     {"SIGQUIT", SIGQUIT},   {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT},   {"SIGIOT", SIGIOT},     {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE},   {"SIGKILL", SIGKILL},   {"SIGUSR1", SIGUSR1},   {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE},   {"SIGALRM", SIGALRM},   {"SIGTERM", SIGTERM},
    {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT},   {"SIGSTOP", SIGSTOP},   {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},   {"SIGURG", SIGURG},     {"SIGXCPU", SIGXCPU},
    {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH},
    {"SIGIO", SIGIO},     {"SIGPOLL", SIGPOLL},   {"SIGPWR", SIGPWR},     {"SIGSYS", SIGSYS},
    {NULL, 0},
};

static int signal_init(Value module) {
  Value d = module_dict(module);
  for (int i = 0; i < SIGNAL_MAX; i++) gc_add_root(&reported[i]);
  gc_add_root(&default_int_handler);
  default_int_handler = dict_get_cstr(d, "default_int_handler");
  for (int s = 1; s < SIGNAL_MAX; s++) {
    Value h = eval_signal_get_handler(s);
    if (h) {
      reported[s] = h;
      continue;
    }
    struct sigaction cur;
    if (sigaction(s, NULL, &cur) == 0) ignored[s] = cur.sa_handler == SIG_IGN;
  }
  /* SIGINT raises KeyboardInterrupt unless it was inherited ignored. */
  if (!reported[SIGINT] && !ignored[SIGINT]) reported[SIGINT] = default_int_handler;
  for (int i = 0; signal_names[i].name; i++) dict_set_cstr(d, signal_names[i].name, val_from_int(signal_names[i].num));
  dict_set_cstr(d, "SIG_DFL", val_from_int(H_DFL));
  dict_set_cstr(d, "SIG_IGN", val_from_int(H_IGN));
  dict_set_cstr(d, "NSIG", val_from_int(SIGNAL_MAX));
  dict_set_cstr(d, "SIGRTMIN", val_from_int(SIGRTMIN));
  dict_set_cstr(d, "SIGRTMAX", val_from_int(SIGRTMAX));
  dict_set_cstr(d, "SIG_BLOCK", val_from_int(SIG_BLOCK));
  dict_set_cstr(d, "SIG_UNBLOCK", val_from_int(SIG_UNBLOCK));
  dict_set_cstr(d, "SIG_SETMASK", val_from_int(SIG_SETMASK));
  return 0;
}

const NativeModuleDef signal_module_def = {"signal", signal_functions, signal_init};
