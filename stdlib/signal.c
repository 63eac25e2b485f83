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
 * As in CPython the constants are members of int-derived enumerations
 * (Signals, Handlers, Sigmasks: repr "<Signals.SIGINT: 2>"), made by a
 * small gilpy part run at init, since there is no enum module; the C side
 * accepts any int for them.
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
#include "runtime/names.h"
#include "vm/code.h"
#include "vm/compile.h"
#include "vm/eval.h"
#include "vm/gil.h"

enum { SIGNAL_MAX = 65, H_DFL = 0, H_IGN = 1 };

/* What getsignal() reports per signal: a callable, or VAL_NULL with
 * ignored[s] telling SIG_IGN from SIG_DFL.  Main thread only. */
static Value reported[SIGNAL_MAX];
static bool ignored[SIGNAL_MAX];
static Value default_int_handler;
static Value sig_dfl, sig_ign; /* the Handlers members */

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
  return ignored[s] ? sig_ign : sig_dfl;
}

/* H_DFL / H_IGN for an int handler argument, else -1. */
static int handler_code(Value h) {
  if (!val_is_intlike(h)) return -1;
  int64_t n;
  if (!int_to_i64(h, &n)) {
    err_clear();
    return -1;
  }
  return n == H_DFL || n == H_IGN ? (int)n : -1;
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
  int code = handler_code(h);
  bool is_dfl = code == H_DFL, is_ign = code == H_IGN;
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
  /* Members of Signals where there is one, plain ints otherwise (the
   * real-time signals), as CPython. */
  Value members = dict_get_cstr(module_dict(self), "Signals");
  for (int s = 1; s < SIGNAL_MAX; s++) {
    if (sigismember(&ss, s) != 1) continue;
    Value v = val_from_int(s);
    if (members) {
      Value m = obj_call1(members, v);
      if (m) v = m;
      else err_clear();
    }
    if (set_add(set, v) < 0) return VAL_NULL;
  }
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


/* The enumerations, in gilpy. */
static const char signal_python_part[] =
    "class _EnumType(type):\n"
    "    def __iter__(cls):\n"
    "        return iter(cls._member_list)\n"
    "    def __len__(cls):\n"
    "        return len(cls._member_list)\n"
    "    def __getitem__(cls, name):\n"
    "        return cls._member_map[name]\n"
    "    def __contains__(cls, m):\n"
    "        return m in cls._member_list\n"
    "    def __repr__(cls):\n"
    "        return \"<enum '%s'>\" % cls.__name__\n"
    "    @property\n"
    "    def __members__(cls):\n"
    "        return dict(cls._member_map)\n"
    "\n"
    "class _IntEnum(int, metaclass=_EnumType):\n"
    "    def __new__(cls, value):\n"
    "        m = cls._value_map.get(value)\n"
    "        if m is None:\n"
    "            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))\n"
    "        return m\n"
    "    def __repr__(self):\n"
    "        return '<%s.%s: %d>' % (type(self).__name__, self._name_, self)\n"
    "    __str__ = int.__repr__\n"
    "    def __format__(self, spec):\n"
    "        return int.__format__(int(self), spec)\n"
    "    def __reduce__(self):\n"
    "        return type(self), (int(self),)\n"
    "    @property\n"
    "    def name(self):\n"
    "        return self._name_\n"
    "    @property\n"
    "    def value(self):\n"
    "        return int(self)\n"
    "\n"
    "def _make_enum(name, pairs):\n"
    "    cls = _EnumType(name, (_IntEnum,), {'__module__': 'signal', '__qualname__': name})\n"
    "    cls._member_list = []\n"
    "    cls._member_map = {}\n"
    "    cls._value_map = {}\n"
    "    for n, v in pairs:\n"
    "        if v in cls._value_map:\n"
    "            m = cls._value_map[v]\n"
    "        else:\n"
    "            m = int.__new__(cls, v)\n"
    "            m._name_ = n\n"
    "            cls._value_map[v] = m\n"
    "            cls._member_list.append(m)\n"
    "        cls._member_map[n] = m\n"
    "        globals()[n] = m\n"
    "    return cls\n"
    "\n"
    "Signals = _make_enum('Signals', sorted(((n, v) for n, v in globals().items()\n"
    "    if n.startswith('SIG') and not n.startswith('SIG_') and isinstance(v, int)),\n"
    "    key=lambda p: (p[1], p[0] in ('SIGIOT', 'SIGPOLL'))))\n"
    "Handlers = _make_enum('Handlers', [('SIG_DFL', 0), ('SIG_IGN', 1)])\n"
    "Sigmasks = _make_enum('Sigmasks', [('SIG_BLOCK', SIG_BLOCK), ('SIG_UNBLOCK', SIG_UNBLOCK),\n"
    "                                   ('SIG_SETMASK', SIG_SETMASK)])\n"
    "del _make_enum\n";

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
  CodeObject *co = compile_source(signal_python_part, sizeof signal_python_part - 1, "<frozen signal>", COMPILE_EXEC, 0);
  if (!co) return -1;
  dict_set_str(d, NAME(__builtins__), builtins_dict);
  if (!eval_code(co, d, d)) return -1;
  gc_add_root(&sig_dfl);
  gc_add_root(&sig_ign);
  sig_dfl = dict_get_cstr(d, "SIG_DFL");
  sig_ign = dict_get_cstr(d, "SIG_IGN");
  return 0;
}

const NativeModuleDef signal_module_def = {"signal", signal_functions, signal_init};
