/* time.c — the time module: clocks, sleep, and calendar conversions.
 *
 * sleep() releases the GIL for the whole wait (other threads run) and
 * resumes after EINTR with the remaining time unless a signal handler
 * raised, as CPython does since PEP 475.  struct_time is a struct sequence (stdlib/sys.c) with the nine
 * tuple fields plus tm_zone/tm_gmtoff as hidden items.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/dict.h"
#include "runtime/thread.h"
#include "vm/eval.h"
#include "vm/gil.h"

static double clock_sec(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static Value clock_ns(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

static Value t_time(Value self, Value *args, size_t nargs, TupleObject *kw) { return float_new(clock_sec(CLOCK_REALTIME)); }
static Value t_time_ns(Value self, Value *args, size_t nargs, TupleObject *kw) { return clock_ns(CLOCK_REALTIME); }
static Value t_monotonic(Value self, Value *args, size_t nargs, TupleObject *kw) { return float_new(clock_sec(CLOCK_MONOTONIC)); }
static Value t_monotonic_ns(Value self, Value *args, size_t nargs, TupleObject *kw) { return clock_ns(CLOCK_MONOTONIC); }
static Value t_process_time(Value self, Value *args, size_t nargs, TupleObject *kw) { return float_new(clock_sec(CLOCK_PROCESS_CPUTIME_ID)); }
static Value t_process_time_ns(Value self, Value *args, size_t nargs, TupleObject *kw) { return clock_ns(CLOCK_PROCESS_CPUTIME_ID); }
static Value t_thread_time(Value self, Value *args, size_t nargs, TupleObject *kw) { return float_new(clock_sec(CLOCK_THREAD_CPUTIME_ID)); }

static Value t_sleep(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("sleep", kw) || !args_count("sleep", nargs, 1, 1)) return VAL_NULL;
  Value v = args[0];
  if (!val_is_float(v) && !val_is_intlike(v))
    return err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
  double secs = float_as_double(v);
  if (secs == -1.0 && err_occurred()) return VAL_NULL;
  if (isnan(secs)) return err_set(&Exc_ValueError, "Invalid value NaN (not a number)");
  if (secs < 0) return err_set(&Exc_ValueError, "sleep length must be non-negative");
  /* Sleep until an absolute deadline, so that interruptions resume with
   * the remaining time.  A signal (EB_SIGNALS) runs its handler at once:
   * if that raises (KeyboardInterrupt), sleep() raises it (PEP 475). */
  struct timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  time_t whole = (time_t)secs;
  deadline.tv_sec += whole;
  deadline.tv_nsec += (long)((secs - (double)whole) * 1e9);
  if (deadline.tv_nsec >= 1000000000) {
    deadline.tv_sec++;
    deadline.tv_nsec -= 1000000000;
  }
  for (;;) {
    int r;
    GIL_RELEASE();
    do {
      r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
    } while (r == EINTR && !(atomic_load(&eval_breaker) & EB_SIGNALS));
    GIL_ACQUIRE();
    if (r != EINTR) break;
    if (eval_handle_breaker() < 0) return VAL_NULL;
  }
  return VAL_NONE;
}

/* ---- struct_time ------------------------------------------------------- */

static Value make_struct_time(const struct tm *tm) {
  Value items[11] = {
      val_from_int(tm->tm_year + 1900), val_from_int(tm->tm_mon + 1), val_from_int(tm->tm_mday),
      val_from_int(tm->tm_hour), val_from_int(tm->tm_min), val_from_int(tm->tm_sec),
      val_from_int((tm->tm_wday + 6) % 7), val_from_int(tm->tm_yday + 1), val_from_int(tm->tm_isdst),
      tm->tm_zone ? (Value)str_intern_cstr(tm->tm_zone) : VAL_NONE, val_from_int(tm->tm_gmtoff)};
  return structseq_new(&StructTimeType, items, 9, 11);
}

/* The seconds argument of gmtime/localtime/ctime: None or absent = now. */
static bool get_time_arg(Value *args, size_t nargs, time_t *out) {
  if (nargs == 0 || args[0] == VAL_NONE) {
    *out = time(NULL);
    return true;
  }
  Value v = args[0];
  if (val_is_float(v)) {
    double d = float_value(v);
    if (isnan(d)) {
      err_set(&Exc_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    *out = (time_t)floor(d);
    return true;
  }
  if (!val_is_intlike(v)) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  int64_t i;
  if (!int_to_i64(v, &i)) return false;
  *out = (time_t)i;
  return true;
}

static Value t_gmtime(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("gmtime", nargs, 0, 1)) return VAL_NULL;
  time_t t;
  if (!get_time_arg(args, nargs, &t)) return VAL_NULL;
  struct tm tm;
  if (!gmtime_r(&t, &tm)) return err_set(&Exc_OverflowError, "timestamp out of range for platform time_t");
  return make_struct_time(&tm);
}

static Value t_localtime(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("localtime", nargs, 0, 1)) return VAL_NULL;
  time_t t;
  if (!get_time_arg(args, nargs, &t)) return VAL_NULL;
  struct tm tm;
  if (!localtime_r(&t, &tm)) return err_set(&Exc_OverflowError, "timestamp out of range for platform time_t");
  return make_struct_time(&tm);
}

/* Fills tm from a struct_time or 9-tuple. */
static bool tuple_to_tm(Value v, struct tm *tm, const char *fname) {
  if (!val_is_tuple(v)) {
    err_set(&Exc_TypeError, "Tuple or struct_time argument required");
    return false;
  }
  if (TUPLE_LEN(v) != 9) {
    err_set(&Exc_TypeError, "%s(): illegal time tuple argument", fname);
    return false;
  }
  int f[9];
  for (int i = 0; i < 9; i++) {
    Value x = TUPLE_ITEMS(v)[i];
    if (!val_is_int(x)) {
      err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", x);
      return false;
    }
    f[i] = (int)val_int(x);
  }
  memset(tm, 0, sizeof *tm);
  tm->tm_year = f[0] - 1900;
  tm->tm_mon = f[1] - 1;
  tm->tm_mday = f[2];
  tm->tm_hour = f[3];
  tm->tm_min = f[4];
  tm->tm_sec = f[5];
  tm->tm_wday = (f[6] + 1) % 7;
  tm->tm_yday = f[7] - 1;
  tm->tm_isdst = f[8];
  if (val_type(v) == &StructTimeType) {
    /* Hidden fields: tm_zone / tm_gmtoff. */
    Value zone = TUPLE_ITEMS(v)[9];
    if (val_is_str(zone)) tm->tm_zone = str_cstr(zone);
    if (val_is_int(TUPLE_ITEMS(v)[10])) tm->tm_gmtoff = val_int(TUPLE_ITEMS(v)[10]);
  }
  if (tm->tm_mon == -1) tm->tm_mon = 0;
  if (tm->tm_mday == 0) tm->tm_mday = 1;
  if (tm->tm_yday == -1) tm->tm_yday = 0;
  if (tm->tm_mon < 0 || tm->tm_mon > 11) {
    err_set(&Exc_ValueError, "month out of range");
    return false;
  }
  return true;
}

static bool current_or_arg_tm(Value *args, size_t nargs, size_t idx, struct tm *tm, const char *fname) {
  if (nargs > idx && args[idx] != VAL_NONE) return tuple_to_tm(args[idx], tm, fname);
  time_t t = time(NULL);
  localtime_r(&t, tm);
  return true;
}

static Value t_strftime(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("strftime", kw) || !args_count("strftime", nargs, 1, 2)) return VAL_NULL;
  if (!val_is_str(args[0])) return err_set(&Exc_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
  struct tm tm;
  if (!current_or_arg_tm(args, nargs, 1, &tm, "strftime")) return VAL_NULL;
  const char *fmt = str_cstr(args[0]);
  if (!*fmt) return str_from_cstr("");
  size_t cap = 256;
  for (;;) {
    char *buf = malloc(cap);
    size_t n = strftime(buf, cap, fmt, &tm);
    if (n > 0 || cap > 256 * strlen(fmt) + 4096) {
      Value r = str_from_utf8(buf, n, "surrogateescape");
      free(buf);
      return r;
    }
    free(buf);
    cap *= 4;
  }
}

static Value t_mktime(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("mktime", nargs, 1, 1)) return VAL_NULL;
  struct tm tm;
  if (!tuple_to_tm(args[0], &tm, "mktime")) return VAL_NULL;
  tm.tm_wday = -1;
  time_t t = mktime(&tm);
  if (t == (time_t)-1 && tm.tm_wday == -1) return err_set(&Exc_OverflowError, "mktime argument out of range");
  return float_new((double)t);
}

static Value asctime_of(const struct tm *tm) {
  static const char *const wday[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return str_printf("%s %s %2d %02d:%02d:%02d %d", wday[(tm->tm_wday % 7 + 7) % 7], mon[tm->tm_mon], tm->tm_mday,
                    tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
}

static Value t_asctime(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("asctime", nargs, 0, 1)) return VAL_NULL;
  struct tm tm;
  if (!current_or_arg_tm(args, nargs, 0, &tm, "asctime")) return VAL_NULL;
  return asctime_of(&tm);
}

static Value t_ctime(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("ctime", nargs, 0, 1)) return VAL_NULL;
  time_t t;
  if (!get_time_arg(args, nargs, &t)) return VAL_NULL;
  struct tm tm;
  localtime_r(&t, &tm);
  return asctime_of(&tm);
}

static Value t_get_clock_info(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("get_clock_info", nargs, 1, 1)) return VAL_NULL;
  Value m = module_new("namespace");
  Value d = module_dict(m);
  dict_set_cstr(d, "implementation", str_from_cstr("clock_gettime(CLOCK_MONOTONIC)"));
  dict_set_cstr(d, "monotonic", VAL_TRUE);
  dict_set_cstr(d, "adjustable", VAL_FALSE);
  dict_set_cstr(d, "resolution", float_new(1e-09));
  return m;
}

/* ---- clock_gettime and friends ------------------------------------------ */

static bool clock_id_arg(const char *fname, Value *args, size_t nargs, clockid_t *id) {
  if (!args_count(fname, nargs, 1, 1)) return false;
  if (!val_is_intlike(args[0])) {
    err_set(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    return false;
  }
  int64_t n;
  if (!int_to_i64(args[0], &n)) return false;
  *id = (clockid_t)n;
  return true;
}

static Value t_clock_gettime(Value self, Value *args, size_t nargs, TupleObject *kw) {
  clockid_t id;
  if (!clock_id_arg("clock_gettime", args, nargs, &id)) return VAL_NULL;
  struct timespec ts;
  if (clock_gettime(id, &ts) != 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  return float_new((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Value t_clock_gettime_ns(Value self, Value *args, size_t nargs, TupleObject *kw) {
  clockid_t id;
  if (!clock_id_arg("clock_gettime_ns", args, nargs, &id)) return VAL_NULL;
  struct timespec ts;
  if (clock_gettime(id, &ts) != 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  return int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

static Value t_clock_getres(Value self, Value *args, size_t nargs, TupleObject *kw) {
  clockid_t id;
  if (!clock_id_arg("clock_getres", args, nargs, &id)) return VAL_NULL;
  struct timespec ts;
  if (clock_getres(id, &ts) != 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  return float_new((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Value t_thread_time_ns(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return clock_ns(CLOCK_THREAD_CPUTIME_ID);
}

static void set_tz_attrs(Value d) {
  tzset();
  dict_set_cstr(d, "timezone", int_from_i64((int64_t)timezone));
  dict_set_cstr(d, "altzone", int_from_i64((int64_t)timezone - (daylight ? 3600 : 0)));
  dict_set_cstr(d, "daylight", val_from_int(daylight));
  dict_set_cstr(d, "tzname", tuple_pack(2, str_from_cstr(tzname[0]), str_from_cstr(tzname[1])));
}

static Value t_tzset(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("tzset", nargs, 0, 0)) return VAL_NULL;
  set_tz_attrs(module_dict(self));
  return VAL_NONE;
}

/* strptime: the parser is datetime's (written in gilpy). */
static Value t_strptime(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("strptime", kw) || !args_count("strptime", nargs, 1, 2)) return VAL_NULL;
  Value m = import_module_cstr("datetime");
  if (!m) return VAL_NULL;
  Value fn = obj_getattr_cstr(m, "_strptime_time");
  if (!fn) return VAL_NULL;
  return obj_call(fn, args, nargs, NULL);
}

static const NativeDef time_functions[] = {
    {"clock_gettime", t_clock_gettime, 0, NULL},
    {"clock_gettime_ns", t_clock_gettime_ns, 0, NULL},
    {"clock_getres", t_clock_getres, 0, NULL},
    {"thread_time_ns", t_thread_time_ns, 0, NULL},
    {"tzset", t_tzset, 0, NULL},
    {"strptime", t_strptime, 0, NULL},
    {"time", t_time, 0, NULL},
    {"time_ns", t_time_ns, 0, NULL},
    {"perf_counter", t_monotonic, 0, NULL},
    {"perf_counter_ns", t_monotonic_ns, 0, NULL},
    {"monotonic", t_monotonic, 0, NULL},
    {"monotonic_ns", t_monotonic_ns, 0, NULL},
    {"process_time", t_process_time, 0, NULL},
    {"process_time_ns", t_process_time_ns, 0, NULL},
    {"thread_time", t_thread_time, 0, NULL},
    {"sleep", t_sleep, 0, NULL},
    {"gmtime", t_gmtime, 0, NULL},
    {"localtime", t_localtime, 0, NULL},
    {"strftime", t_strftime, 0, NULL},
    {"mktime", t_mktime, 0, NULL},
    {"asctime", t_asctime, 0, NULL},
    {"ctime", t_ctime, 0, NULL},
    {"get_clock_info", t_get_clock_info, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int time_init(Value module) {
  Value d = module_dict(module);
  dict_set_cstr(d, "struct_time", (Value)&StructTimeType);
  set_tz_attrs(d);
  dict_set_cstr(d, "CLOCK_REALTIME", val_from_int(CLOCK_REALTIME));
  dict_set_cstr(d, "CLOCK_MONOTONIC", val_from_int(CLOCK_MONOTONIC));
  dict_set_cstr(d, "CLOCK_MONOTONIC_RAW", val_from_int(CLOCK_MONOTONIC_RAW));
  dict_set_cstr(d, "CLOCK_PROCESS_CPUTIME_ID", val_from_int(CLOCK_PROCESS_CPUTIME_ID));
  dict_set_cstr(d, "CLOCK_THREAD_CPUTIME_ID", val_from_int(CLOCK_THREAD_CPUTIME_ID));
  dict_set_cstr(d, "CLOCK_BOOTTIME", val_from_int(CLOCK_BOOTTIME));
  dict_set_cstr(d, "CLOCK_TAI", val_from_int(CLOCK_TAI));
  return 0;
}

const NativeModuleDef time_module_def = {"time", time_functions, time_init};
