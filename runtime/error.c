/* error.c — the current exception of a thread and the helpers that raise it.
 *
 * The exception being raised lives in ts_current->cur_exc, always as a
 * normalised instance (never a class or a (type, value) pair), so that
 * err_peek/err_fetch are trivial.  Raising while another exception is being
 * handled records that one as __context__ (CPython's implicit chaining); a
 * context already set by an earlier raise is kept, so that re-raising an
 * exception object never rewrites its chain.
 *
 * err_format implements the message formats documented in error.h on top
 * of the C printf family; every conversion that takes a Value goes through
 * the object layer (obj_str/obj_repr), so it may fail and return VAL_NULL.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/type.h"

/* ---- formatting -------------------------------------------------------- */

static Value vformat(const char *fmt, va_list ap) {
  StrBuilder sb;
  sb_init(&sb);
  const char *p = fmt;
  while (*p) {
    const char *pct = strchr(p, '%');
    if (!pct) {
      sb_adds(&sb, p);
      break;
    }
    sb_add(&sb, p, (size_t)(pct - p));
    const char *spec = pct + 1;
    if (*spec == '%') {
      sb_addc(&sb, '%');
      p = spec + 1;
      continue;
    }
    /* Flags, width and precision are copied through to printf. */
    const char *q = spec;
    while (*q && strchr("-+ #0", *q)) q++;
    while (*q >= '0' && *q <= '9') q++;
    int precision = -1;
    if (*q == '.') {
      q++;
      precision = 0;
      while (*q >= '0' && *q <= '9') precision = precision * 10 + (*q++ - '0');
    }
    int lmod = 0; /* 1 l, 2 ll, 3 z */
    if (*q == 'l') {
      lmod = 1;
      q++;
      if (*q == 'l') {
        lmod = 2;
        q++;
      }
    } else if (*q == 'z') {
      lmod = 3;
      q++;
    }
    char conv = *q;
    if (!conv) break;
    p = q + 1;
    char sub[32];
    size_t sublen = (size_t)(p - pct);
    if (sublen >= sizeof sub) sublen = sizeof sub - 1;
    memcpy(sub, pct, sublen);
    sub[sublen] = 0;
    switch (conv) {
      case 'U': {
        Value v = va_arg(ap, Value);
        if (v && val_is_str(v)) sb_add_value(&sb, v);
        else sb_adds(&sb, "<NULL>");
        break;
      }
      case 'S':
      case 'R': {
        Value v = va_arg(ap, Value);
        if (!v) {
          sb_adds(&sb, "<NULL>");
          break;
        }
        Value s = conv == 'S' ? obj_str(v) : obj_repr(v);
        if (!s) {
          sb_free(&sb);
          return VAL_NULL;
        }
        sb_add_value(&sb, s);
        break;
      }
      case 'T': {
        Value v = va_arg(ap, Value);
        sb_adds(&sb, v ? val_type(v)->name : "NULL");
        break;
      }
      case 'N': {
        TypeObject *t = va_arg(ap, TypeObject *);
        sb_adds(&sb, t ? t->name : "NULL");
        break;
      }
      case 's': {
        const char *s = va_arg(ap, const char *);
        if (!s) s = "(null)";
        size_t n = strlen(s);
        if (precision >= 0 && (size_t)precision < n) n = (size_t)precision;
        sb_add(&sb, s, n);
        break;
      }
      case 'c':
        sb_addc(&sb, (char)va_arg(ap, int));
        break;
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        char buf[64];
        if (lmod == 0) snprintf(buf, sizeof buf, sub, va_arg(ap, int));
        else if (lmod == 1) snprintf(buf, sizeof buf, sub, va_arg(ap, long));
        else if (lmod == 2) snprintf(buf, sizeof buf, sub, va_arg(ap, long long));
        else snprintf(buf, sizeof buf, sub, va_arg(ap, ssize_t));
        sb_adds(&sb, buf);
        break;
      }
      case 'f': case 'g': case 'e': {
        char buf[64];
        snprintf(buf, sizeof buf, sub, va_arg(ap, double));
        sb_adds(&sb, buf);
        break;
      }
      case 'p': {
        char buf[64];
        snprintf(buf, sizeof buf, "%p", va_arg(ap, void *));
        sb_adds(&sb, buf);
        break;
      }
      default:
        sb_adds(&sb, sub);
        break;
    }
  }
  return sb_finish(&sb);
}

Value err_format(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Value v = vformat(fmt, ap);
  va_end(ap);
  return v;
}

/* ---- raising ----------------------------------------------------------- */

/* Records the handled exception as the new one's __context__, cutting any
 * cycle the new link would close (as CPython's _PyErr_SetObject). */
static void set_context(Value exc) {
  ThreadState *ts = ts_current;
  Value handled = ts ? thread_handled_exc(ts) : VAL_NULL;
  if (!handled || handled == exc || handled == VAL_NONE || !val_is_exception(handled)) return;
  ExceptionObject *e = AS(ExceptionObject, exc);
  if (e->context) return;
  /* Walk handled's context chain; if exc is on it, cut the chain there. */
  ExceptionObject *o = AS(ExceptionObject, handled);
  int guard = 0;
  while (o->context && guard++ < 10000) {
    if (o->context == exc) {
      o->context = VAL_NULL;
      break;
    }
    if (!val_is_exception(o->context)) break;
    o = AS(ExceptionObject, o->context);
  }
  e->context = handled;
}

Value err_set_value(Value exc) {
  ThreadState *ts = ts_current;
  if (val_is_obj(exc) && (val_type(exc)->flags & TP_TYPE_SUBCLASS || val_type(exc) == &TypeType) &&
      (AS(TypeObject, exc)->flags & TP_EXC_SUBCLASS)) {
    Value inst = obj_call0(exc);
    if (!inst) return VAL_NULL;
    if (!val_is_exception(inst))
      return err_set(&Exc_TypeError,
                     "calling %R should have returned an instance of BaseException, not %T", exc, inst);
    exc = inst;
  }
  if (!val_is_exception(exc)) return err_set(&Exc_TypeError, "exceptions must derive from BaseException");
  if (!ts) {
    /* Start-up before the VM made the main thread state: nowhere to keep it. */
    fprintf(stderr, "gilpy: %s raised during start-up\n", val_type(exc)->name);
    return VAL_NULL;
  }
  set_context(exc);
  ts->cur_exc = exc;
  return VAL_NULL;
}

Value err_set(TypeObject *type, const char *fmt, ...) {
  Value exc;
  if (fmt) {
    va_list ap;
    va_start(ap, fmt);
    Value msg = vformat(fmt, ap);
    va_end(ap);
    if (!msg) return VAL_NULL;
    exc = exc_new(type, &msg, 1);
  } else {
    exc = exc_new(type, NULL, 0);
  }
  if (!exc) return VAL_NULL;
  return err_set_value(exc);
}

bool err_occurred(void) { return ts_current && ts_current->cur_exc != VAL_NULL; }
Value err_peek(void) { return ts_current ? ts_current->cur_exc : VAL_NULL; }

Value err_fetch(void) {
  if (!ts_current) return VAL_NULL;
  Value e = ts_current->cur_exc;
  ts_current->cur_exc = VAL_NULL;
  return e;
}

void err_clear(void) {
  if (ts_current) ts_current->cur_exc = VAL_NULL;
}
void err_restore(Value exc) {
  if (ts_current) ts_current->cur_exc = exc;
}

bool err_matches(TypeObject *type) {
  Value e = err_peek();
  return e && type_is_subtype(val_type(e), type);
}

Value err_no_memory(void) { return err_set(&Exc_MemoryError, NULL); }

Value err_type_not_callable(Value obj) {
  return err_set(&Exc_TypeError, "'%T' object is not callable", obj);
}

Value err_attribute(Value obj, StrObject *name) {
  if (val_is_obj(obj) && (val_type(obj)->flags & TP_TYPE_SUBCLASS || val_type(obj) == &TypeType))
    return err_set(&Exc_AttributeError, "type object '%s' has no attribute '%U'",
                   AS(TypeObject, obj)->name, (Value)name);
  return err_set(&Exc_AttributeError, "'%T' object has no attribute '%U'", obj, (Value)name);
}

Value err_key(Value key) {
  Value exc = exc_new(&Exc_KeyError, &key, 1);
  if (!exc) return VAL_NULL;
  return err_set_value(exc);
}

Value err_stop_iteration(Value value) {
  Value exc = value ? exc_new(&Exc_StopIteration, &value, 1) : exc_new(&Exc_StopIteration, NULL, 0);
  if (!exc) return VAL_NULL;
  return err_set_value(exc);
}
