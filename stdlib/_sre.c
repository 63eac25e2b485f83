/* _sre.c — the _sre module: compiled patterns (re.Pattern), match objects
 * (re.Match) and scanners, over the matcher in _sre_engine.c.
 *
 * Texts are matched in code point units: bytes and ASCII str directly on
 * their bytes, other str decoded once per call into a uint32 array (a
 * Subject), with byte offsets kept every 64 code points so that match
 * spans convert back to slices of the UTF-8 text cheaply.  A Match keeps
 * both its code point spans and their byte offsets.
 *
 * The parts of CPython's re that are plain Python (parsing, compiling,
 * replacement templates) live in stdlib/lib/re/; sub() and expand() call
 * back into re._compile_template and re._expand for templates.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "stdlib/_sre.h"

/* ---- subjects: the text being matched ----------------------------------- */

enum { SUBJ_STR, SUBJ_BYTES, SUBJ_BYTEARRAY };

typedef struct {
  Value obj;
  int kind;
  const char *data;   /* UTF-8 for str, the bytes otherwise */
  ssize_t len;        /* in units (code points or bytes) */
  bool wide;          /* a non-ASCII str: u32 holds its code points */
  uint32_t *u32;
  ssize_t *ckpt;      /* wide: byte offset of code point 64 * i */
  char *copy;         /* bytearray: a private copy, safe from resizing */
} Subject;

static void subject_free(Subject *sub) {
  free(sub->u32);
  free(sub->ckpt);
  free(sub->copy);
  sub->u32 = NULL;
  sub->ckpt = NULL;
  sub->copy = NULL;
}

static bool subject_init(Subject *sub, Value string, bool pattern_bytes) {
  memset(sub, 0, sizeof *sub);
  sub->obj = string;
  if (val_is_str(string)) {
    if (pattern_bytes) {
      err_set(&Exc_TypeError, "cannot use a bytes pattern on a string-like object");
      return false;
    }
    StrObject *so = AS(StrObject, string);
    sub->kind = SUBJ_STR;
    sub->data = so->data;
    sub->len = so->nchars;
    if (so->len == so->nchars) return true;
    sub->wide = true;
    sub->u32 = malloc(((size_t)so->nchars + 1) * sizeof(uint32_t));
    sub->ckpt = malloc(((size_t)so->nchars / 64 + 2) * sizeof(ssize_t));
    if (!sub->u32 || !sub->ckpt) {
      subject_free(sub);
      err_no_memory();
      return false;
    }
    size_t off = 0;
    for (ssize_t i = 0; i < so->nchars; i++) {
      if ((i & 63) == 0) sub->ckpt[i >> 6] = (ssize_t)off;
      size_t adv;
      sub->u32[i] = utf8_decode(so->data + off, &adv);
      off += adv;
    }
    if ((so->nchars & 63) == 0) sub->ckpt[so->nchars >> 6] = (ssize_t)off;
    return true;
  }
  const char *data;
  size_t len;
  if (val_is_obj(string) && (val_is_bytes(string) || obj_isinstance_type(string, &ByteArrayType)) &&
      bytes_buffer(string, &data, &len)) {
    if (!pattern_bytes) {
      err_set(&Exc_TypeError, "cannot use a string pattern on a bytes-like object");
      return false;
    }
    sub->kind = val_is_bytes(string) ? SUBJ_BYTES : SUBJ_BYTEARRAY;
    sub->len = (ssize_t)len;
    sub->data = data;
    if (sub->kind == SUBJ_BYTEARRAY) {
      sub->copy = malloc(len + 1);
      if (!sub->copy) {
        err_no_memory();
        return false;
      }
      memcpy(sub->copy, data, len);
      sub->data = sub->copy;
    }
    return true;
  }
  err_clear();
  err_set(&Exc_TypeError, "expected string or bytes-like object, got '%T'", string);
  return false;
}

static const void *subject_text(const Subject *sub) { return sub->wide ? (const void *)sub->u32 : sub->data; }

static size_t utf8_len(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

/* Byte offset of code point i. */
static ssize_t subject_offset(const Subject *sub, ssize_t i) {
  if (!sub->wide || i < 0) return i;
  ssize_t off = sub->ckpt[i >> 6];
  for (ssize_t j = i & ~(ssize_t)63; j < i; j++) off += (ssize_t)utf8_len(sub->u32[j]);
  return off;
}

/* The text between byte offsets a and b: a str, or bytes (also for a
 * bytearray subject, as CPython). */
static Value slice_bytes(int kind, const char *data, ssize_t a, ssize_t b) {
  if (kind == SUBJ_STR) return str_new(data + a, (size_t)(b - a));
  return bytes_new(data + a, (size_t)(b - a));
}

static Value subject_slice(const Subject *sub, ssize_t a, ssize_t b) {
  return slice_bytes(sub->kind, sub->data, subject_offset(sub, a), subject_offset(sub, b));
}

/* ---- argument binding ------------------------------------------------------ */

/* A method's parameters, bound with the wording of CPython's Argument
 * Clinic, which generates _sre's argument parsing ("match() missing
 * required argument 'string' (pos 1)"). */
typedef struct {
  const char *name;
  const char *params[3];
  size_t nparams, nrequired;
} SreSig;

static bool sre_bind(const SreSig *sig, Value *args, size_t nargs, TupleObject *kw, Value *out) {
  size_t nkw = kw ? (size_t)kw->len : 0;
  if (nargs + nkw > sig->nparams) {
    err_set(&Exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", sig->name, sig->nparams,
            sig->nparams == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  size_t used = 0;
  for (size_t i = 0; i < sig->nparams; i++) {
    out[i] = VAL_NULL;
    if (i < nargs) {
      out[i] = args[i];
      continue;
    }
    for (size_t k = 0; k < nkw; k++)
      if (strcmp(str_cstr(kw->items[k]), sig->params[i]) == 0) {
        out[i] = args[nargs + k];
        used++;
      }
    if (!out[i] && i < sig->nrequired) {
      err_set(&Exc_TypeError, "%s() missing required argument '%s' (pos %zu)", sig->name, sig->params[i], i + 1);
      return false;
    }
  }
  if (used == nkw) return true;
  for (size_t k = 0; k < nkw; k++) {
    const char *key = str_cstr(kw->items[k]);
    for (size_t i = 0; i < nargs && i < sig->nparams; i++)
      if (strcmp(key, sig->params[i]) == 0) {
        err_set(&Exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)", sig->name, key, i + 1);
        return false;
      }
    bool known = false;
    for (size_t i = 0; i < sig->nparams; i++) known |= strcmp(key, sig->params[i]) == 0;
    if (!known) {
      err_set(&Exc_TypeError, "'%s' is an invalid keyword argument for %s()", key, sig->name);
      return false;
    }
  }
  return true;
}

/* ---- patterns ------------------------------------------------------------------ */

typedef struct {
  Object base;
  Value pattern;      /* the source str or bytes */
  Value groupindex;   /* dict name -> number */
  Value indexgroup;   /* tuple number -> name or None */
  intptr_t flags;
  bool is_bytes;
  SreProgram prog;
} PatternObject;

typedef struct {
  Object base;
  Value string;
  Value pattern;
  ssize_t pos, endpos;
  int kind;           /* SUBJ_* of string */
  int lastindex;      /* -1: None */
  uint32_t ngroups;
  ssize_t spans[];    /* 2 * (ngroups + 1) code point positions, then as many byte offsets */
} MatchObject;

typedef struct {
  Object base;
  Value pattern;
  Value string;
  Subject sub;
  ssize_t pos, endpos;
  bool must_advance;
  bool done;
  bool executing;     /* a match may let other threads run (see sre_breather) */
} ScannerObject;

extern TypeObject SrePatternType, SreMatchType, SreScannerType;

static void pattern_trace(Object *o) {
  PatternObject *p = (PatternObject *)o;
  gc_mark(p->pattern);
  gc_mark(p->groupindex);
  gc_mark(p->indexgroup);
}

static void pattern_finalize(Object *o) {
  sre_program_free(&((PatternObject *)o)->prog);
}

/* _sre.compile(pattern, flags, code, groups, groupindex, indexgroup, ncounters) */
static Value sre_compile(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  if (!args_no_kw("compile", kw) || !args_count("compile", nargs, 7, 7)) return VAL_NULL;
  Value code = args[2];
  if (!val_is_list(code) || !val_is_int(args[1]) || !val_is_int(args[3]) || !val_is_dict(args[4]) ||
      !val_is_tuple(args[5]) || !val_is_int(args[6]))
    return err_set(&Exc_TypeError, "_sre.compile: bad arguments");
  ssize_t n = LIST_LEN(code);
  uint32_t *words = malloc(((size_t)n + 1) * sizeof(uint32_t));
  if (!words) return err_no_memory();
  for (ssize_t i = 0; i < n; i++) {
    Value w = LIST_ITEMS(code)[i];
    int64_t v;
    if (!val_is_intlike(w) || !int_to_i64(w, &v) || v < 0 || v > (int64_t)SRE_MAXREPEAT) {
      free(words);
      if (!err_occurred()) err_set(&Exc_OverflowError, "regular expression code size limit exceeded");
      return VAL_NULL;
    }
    words[i] = (uint32_t)v;
  }
  PatternObject *p = (PatternObject *)gc_alloc(&SrePatternType, sizeof(PatternObject));
  p->pattern = args[0];
  p->flags = val_int(args[1]);
  p->groupindex = args[4];
  p->indexgroup = args[5];
  p->is_bytes = !val_is_str(args[0]);
  p->prog.code = words;
  p->prog.ncode = (size_t)n;
  p->prog.ngroups = (uint32_t)val_int(args[3]);
  p->prog.ncounters = (uint32_t)val_int(args[6]);
  p->prog.ascii_case = p->is_bytes || (p->flags & 256);
  if (!sre_analyze(&p->prog)) return err_set(&Exc_RuntimeError, "invalid SRE code");
  return (Value)p;
}

/* pos/endpos as CPython: clamped to [0, len]. */
static bool get_range(Value vpos, Value vend, ssize_t len, ssize_t *pos, ssize_t *endpos) {
  ssize_t a = 0, b = len;
  if (vpos && !args_index(vpos, &a)) return false;
  if (vend && !args_index(vend, &b)) return false;
  if (a < 0) a = 0;
  if (a > len) a = len;
  if (b < 0) b = 0;
  if (b > len) b = len;
  *pos = a;
  *endpos = b;
  return true;
}

static Value match_new(PatternObject *p, const Subject *sub, const SreState *st, ssize_t pos, ssize_t endpos) {
  uint32_t ng = p->prog.ngroups;
  size_t nspans = 2 * ((size_t)ng + 1);
  MatchObject *m = (MatchObject *)gc_alloc(&SreMatchType, sizeof(MatchObject) + 2 * nspans * sizeof(ssize_t));
  m->string = sub->obj;
  m->pattern = (Value)p;
  m->pos = pos;
  m->endpos = endpos;
  m->kind = sub->kind;
  m->ngroups = ng;
  m->lastindex = st->lastindex;
  for (size_t i = 0; i < nspans; i += 2) {
    ssize_t a = st->marks[i], b = st->marks[i + 1];
    if (a < 0 || b < 0 || b < a) a = b = -1;
    m->spans[i] = a;
    m->spans[i + 1] = b;
    m->spans[nspans + i] = subject_offset(sub, a);
    m->spans[nspans + i + 1] = subject_offset(sub, b);
  }
  return (Value)m;
}

enum { MODE_MATCH, MODE_FULLMATCH, MODE_SEARCH };

static Value pattern_run(Value self, Value *args, size_t nargs, TupleObject *kw, const SreSig *spec, int mode) {
  PatternObject *p = AS(PatternObject, self);
  Value a[3];
  if (!sre_bind(spec, args, nargs, kw, a)) return VAL_NULL;
  Subject sub;
  if (!subject_init(&sub, a[0], p->is_bytes)) return VAL_NULL;
  ssize_t pos, endpos;
  if (!get_range(a[1], a[2], sub.len, &pos, &endpos)) {
    subject_free(&sub);
    return VAL_NULL;
  }
  SreState st;
  sre_state_init(&st, &p->prog, subject_text(&sub), sub.wide, endpos);
  st.match_all = mode == MODE_FULLMATCH;
  int r = mode == MODE_SEARCH ? sre_search(&st, pos) : sre_match(&st, pos);
  Value out = r < 0 ? VAL_NULL : r == 0 ? VAL_NONE : match_new(p, &sub, &st, pos, endpos);
  sre_state_free(&st);
  subject_free(&sub);
  return out;
}

static const SreSig match_spec = {"match", {"string", "pos", "endpos"}, 3, 1};
static const SreSig fullmatch_spec = {"fullmatch", {"string", "pos", "endpos"}, 3, 1};
static const SreSig search_spec = {"search", {"string", "pos", "endpos"}, 3, 1};

static Value p_match(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return pattern_run(self, args, nargs, kw, &match_spec, MODE_MATCH);
}
static Value p_fullmatch(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return pattern_run(self, args, nargs, kw, &fullmatch_spec, MODE_FULLMATCH);
}
static Value p_search(Value self, Value *args, size_t nargs, TupleObject *kw) {
  return pattern_run(self, args, nargs, kw, &search_spec, MODE_SEARCH);
}

/* A group of the current match in st as a value (default when unset). */
static Value state_group(const Subject *sub, const SreState *st, uint32_t g, Value dflt) {
  ssize_t a = st->marks[2 * g], b = st->marks[2 * g + 1];
  if (a < 0 || b < 0 || b < a) return dflt;
  return subject_slice(sub, a, b);
}

/* Iterates the matches of p over sub[pos:endpos] with CPython's rules for
 * empty matches: one may follow a non-empty match directly, but never
 * start where the previous (empty) match did.  Calls each(ctx) per match;
 * stops after `limit` matches (0: no limit). */
typedef int (*EachMatch)(void *ctx, const Subject *sub, SreState *st);

static int for_each_match(PatternObject *p, const Subject *sub, ssize_t pos, ssize_t endpos, ssize_t limit,
                          EachMatch each, void *ctx) {
  SreState st;
  sre_state_init(&st, &p->prog, subject_text(sub), sub->wide, endpos);
  ssize_t n = 0;
  int rc = 0;
  while (pos <= endpos && (limit == 0 || n < limit)) {
    int r = sre_search(&st, pos);
    if (r <= 0) {
      rc = r;
      break;
    }
    n++;
    if (each(ctx, sub, &st) < 0) {
      rc = -1;
      break;
    }
    ssize_t b = st.marks[0], e = st.marks[1];
    st.must_advance_at = e == b ? e : -1;
    pos = e;
  }
  sre_state_free(&st);
  return rc;
}

typedef struct {
  Value list;
  uint32_t ngroups;
} FindallCtx;

static int findall_each(void *vctx, const Subject *sub, SreState *st) {
  FindallCtx *c = vctx;
  Value item;
  Value empty = VAL_NULL;
  if (c->ngroups > 0) empty = subject_slice(sub, 0, 0);
  if (c->ngroups == 0) {
    item = state_group(sub, st, 0, VAL_NONE);
  } else if (c->ngroups == 1) {
    item = state_group(sub, st, 1, empty);
  } else {
    item = tuple_new(c->ngroups);
    for (uint32_t g = 1; g <= c->ngroups; g++) {
      Value v = state_group(sub, st, g, empty);
      if (!v) return -1;
      TUPLE_ITEMS(item)[g - 1] = v;
    }
  }
  if (!item) return -1;
  return list_append(c->list, item);
}

static const SreSig findall_spec = {"findall", {"string", "pos", "endpos"}, 3, 1};

static Value p_findall(Value self, Value *args, size_t nargs, TupleObject *kw) {
  PatternObject *p = AS(PatternObject, self);
  Value a[3];
  if (!sre_bind(&findall_spec, args, nargs, kw, a)) return VAL_NULL;
  Subject sub;
  if (!subject_init(&sub, a[0], p->is_bytes)) return VAL_NULL;
  ssize_t pos, endpos;
  FindallCtx ctx = {list_new(0), p->prog.ngroups};
  int rc = get_range(a[1], a[2], sub.len, &pos, &endpos) ? for_each_match(p, &sub, pos, endpos, 0, findall_each, &ctx)
                                                          : -1;
  subject_free(&sub);
  return rc < 0 ? VAL_NULL : ctx.list;
}

/* ---- sub ------------------------------------------------------------------------ */

typedef struct {
  PatternObject *p;
  Value pieces;       /* list of str/bytes joined at the end */
  Value filter;       /* callable repl, or VAL_NULL */
  Value literal;      /* repl without escapes, or VAL_NULL */
  Value parts;        /* parsed template: [lit, group, lit, ..., lit] */
  ssize_t last;       /* end of the previous match (code points) */
  ssize_t endpos;
  ssize_t n;          /* substitutions made */
} SubCtx;

static int sub_each(void *vctx, const Subject *sub, SreState *st) {
  SubCtx *c = vctx;
  ssize_t b = st->marks[0], e = st->marks[1];
  c->n++;
  if (b > c->last) {
    Value gap = subject_slice(sub, c->last, b);
    if (!gap || list_append(c->pieces, gap) < 0) return -1;
  }
  if (c->filter) {
    Value m = match_new(c->p, sub, st, 0, c->endpos);
    Value r = obj_call1(c->filter, m);
    if (!r) return -1;
    if (r != VAL_NONE && list_append(c->pieces, r) < 0) return -1;
  } else if (c->literal) {
    if (list_append(c->pieces, c->literal) < 0) return -1;
  } else {
    ssize_t n = LIST_LEN(c->parts);
    for (ssize_t i = 0; i < n; i++) {
      Value part = LIST_ITEMS(c->parts)[i];
      if (i & 1) {
        Value g = state_group(sub, st, (uint32_t)val_int(part), VAL_NULL);
        if (g && list_append(c->pieces, g) < 0) return -1;
        if (!g && err_occurred()) return -1;
      } else if (obj_len(part) > 0 && list_append(c->pieces, part) < 0) {
        return -1;
      }
    }
  }
  c->last = e;
  return 0;
}

static Value re_module_call(const char *name, Value a, Value b) {
  Value mod = import_module_cstr("re");
  if (!mod) return VAL_NULL;
  Value fn = obj_getattr_cstr(mod, name);
  if (!fn) return VAL_NULL;
  return obj_call2(fn, a, b);
}

static bool has_backslash(Value repl) {
  const char *d;
  size_t n;
  if (val_is_str(repl)) {
    d = str_cstr(repl);
    n = (size_t)str_len_bytes(repl);
  } else if (!bytes_buffer(repl, &d, &n)) {
    err_clear();
    return false;
  }
  return memchr(d, '\\', n) != NULL;
}

static Value pattern_subx(PatternObject *p, Value repl, Value string, Value vcount, bool with_count) {
  ssize_t count = 0;
  if (vcount && !args_index(vcount, &count)) return VAL_NULL;
  SubCtx c = {.p = p, .pieces = list_new(0)};
  bool is_text = val_is_str(repl) || (val_is_obj(repl) && (val_is_bytes(repl) || obj_isinstance_type(repl, &ByteArrayType)));
  if (!is_text) {
    int callable = obj_callable(repl);
    if (callable < 0) return VAL_NULL;
    if (!callable) return err_set(&Exc_TypeError, "expected str or callable, got '%T'", repl);
    c.filter = repl;
  } else if (has_backslash(repl)) {
    c.parts = re_module_call("_compile_template", (Value)p, repl);
    if (!c.parts) return VAL_NULL;
    if (!val_is_list(c.parts)) return err_set(&Exc_TypeError, "bad template");
  } else {
    c.literal = repl;
  }
  Subject sub;
  if (!subject_init(&sub, string, p->is_bytes)) return VAL_NULL;
  Value out = VAL_NULL;
  c.endpos = sub.len;
  if (count >= 0 && for_each_match(p, &sub, 0, sub.len, count, sub_each, &c) < 0) goto done;
  ssize_t n = c.n;
  if (n == 0) {
    out = string;
    if (sub.kind == SUBJ_STR && string->type != &StrType) out = str_new(sub.data, (size_t)str_len_bytes(string));
    else if (sub.kind == SUBJ_BYTEARRAY) out = bytes_new(sub.data, (size_t)sub.len);
  } else {
    if (c.last < sub.len) {
      Value tail = subject_slice(&sub, c.last, sub.len);
      if (!tail || list_append(c.pieces, tail) < 0) goto done;
    }
    Value empty = sub.kind == SUBJ_STR ? str_new("", 0) : bytes_new("", 0);
    out = obj_call_method(empty, str_intern_cstr("join"), &c.pieces, 1);
  }
  if (out && with_count) out = tuple_pack(2, out, val_from_int(n));
done:
  subject_free(&sub);
  return out;
}

static const SreSig sub_spec = {"sub", {"repl", "string", "count"}, 3, 2};
static const SreSig subn_spec = {"subn", {"repl", "string", "count"}, 3, 2};

static Value p_sub(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[3];
  if (!sre_bind(&sub_spec, args, nargs, kw, a)) return VAL_NULL;
  return pattern_subx(AS(PatternObject, self), a[0], a[1], a[2], false);
}

static Value p_subn(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[3];
  if (!sre_bind(&subn_spec, args, nargs, kw, a)) return VAL_NULL;
  return pattern_subx(AS(PatternObject, self), a[0], a[1], a[2], true);
}

/* ---- split ---------------------------------------------------------------------- */

typedef struct {
  Value list;
  ssize_t last;
  uint32_t ngroups;
} SplitCtx;

static int split_each(void *vctx, const Subject *sub, SreState *st) {
  SplitCtx *c = vctx;
  Value piece = subject_slice(sub, c->last, st->marks[0]);
  if (!piece || list_append(c->list, piece) < 0) return -1;
  for (uint32_t g = 1; g <= c->ngroups; g++) {
    Value v = state_group(sub, st, g, VAL_NONE);
    if (!v || list_append(c->list, v) < 0) return -1;
  }
  c->last = st->marks[1];
  return 0;
}

static const SreSig split_spec = {"split", {"string", "maxsplit"}, 2, 1};

static Value p_split(Value self, Value *args, size_t nargs, TupleObject *kw) {
  PatternObject *p = AS(PatternObject, self);
  Value a[2];
  if (!sre_bind(&split_spec, args, nargs, kw, a)) return VAL_NULL;
  ssize_t maxsplit = 0;
  if (a[1] && !args_index(a[1], &maxsplit)) return VAL_NULL;
  Subject sub;
  if (!subject_init(&sub, a[0], p->is_bytes)) return VAL_NULL;
  SplitCtx c = {list_new(0), 0, p->prog.ngroups};
  int rc = 0;
  if (maxsplit >= 0) rc = for_each_match(p, &sub, 0, sub.len, maxsplit, split_each, &c);
  if (rc == 0) {
    Value tail = subject_slice(&sub, c.last, sub.len);
    if (!tail || list_append(c.list, tail) < 0) rc = -1;
  }
  subject_free(&sub);
  return rc < 0 ? VAL_NULL : c.list;
}

/* ---- scanner and finditer -------------------------------------------------------- */

static void scanner_trace(Object *o) {
  ScannerObject *s = (ScannerObject *)o;
  gc_mark(s->pattern);
  gc_mark(s->string);
}

static void scanner_finalize(Object *o) { subject_free(&((ScannerObject *)o)->sub); }

static const SreSig scanner_spec = {"scanner", {"string", "pos", "endpos"}, 3, 1};

static Value p_scanner(Value self, Value *args, size_t nargs, TupleObject *kw) {
  PatternObject *p = AS(PatternObject, self);
  Value a[3];
  if (!sre_bind(&scanner_spec, args, nargs, kw, a)) return VAL_NULL;
  Subject sub;
  if (!subject_init(&sub, a[0], p->is_bytes)) return VAL_NULL;
  ssize_t pos, endpos;
  if (!get_range(a[1], a[2], sub.len, &pos, &endpos)) {
    subject_free(&sub);
    return VAL_NULL;
  }
  ScannerObject *s = (ScannerObject *)gc_alloc(&SreScannerType, sizeof(ScannerObject));
  s->pattern = self;
  s->string = a[0];
  s->sub = sub;
  s->pos = pos;
  s->endpos = endpos;
  return (Value)s;
}

static Value scanner_step(Value self, bool search) {
  ScannerObject *s = AS(ScannerObject, self);
  if (s->done) return VAL_NONE;
  if (s->executing) return err_set(&Exc_ValueError, "regular expression scanner already executing");
  PatternObject *p = AS(PatternObject, s->pattern);
  SreState st;
  sre_state_init(&st, &p->prog, subject_text(&s->sub), s->sub.wide, s->endpos);
  st.must_advance_at = s->must_advance ? s->pos : -1;
  s->executing = true;
  int r = s->pos > s->endpos ? 0 : search ? sre_search(&st, s->pos) : sre_match(&st, s->pos);
  s->executing = false;
  Value out;
  if (r <= 0) {
    s->done = true;
    out = r < 0 ? VAL_NULL : VAL_NONE;
  } else {
    out = match_new(p, &s->sub, &st, s->pos, s->endpos);
    s->must_advance = st.marks[1] == st.marks[0];
    s->pos = st.marks[1];
  }
  sre_state_free(&st);
  return out;
}

static Value sc_match(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args;
  if (nargs || (kw && kw->len)) return err_set(&Exc_TypeError, "match() takes no arguments");
  return scanner_step(self, false);
}

static Value sc_search(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args;
  if (nargs || (kw && kw->len)) return err_set(&Exc_TypeError, "search() takes no arguments");
  return scanner_step(self, true);
}

static Value sc_pattern(Value self) { return AS(ScannerObject, self)->pattern; }

static const NativeDef scanner_methods[] = {
    {"match", sc_match, NATIVE_METHOD, NULL},
    {"search", sc_search, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef scanner_getsets[] = {
    {"pattern", sc_pattern, NULL},
    {NULL, NULL, NULL},
};

TypeObject SreScannerType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "_sre.SRE_Scanner",
    .instance_size = sizeof(ScannerObject),
    .trace = scanner_trace,
    .finalize = scanner_finalize,
    .methods = scanner_methods,
    .getsets = scanner_getsets,
};

static Value p_finditer(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value scanner = p_scanner(self, args, nargs, kw);
  if (!scanner) return VAL_NULL;
  Value search = obj_getattr_cstr(scanner, "search");
  if (!search) return VAL_NULL;
  Value builtins = import_module_cstr("builtins");
  if (!builtins) return VAL_NULL;
  Value iter = obj_getattr_cstr(builtins, "iter");
  if (!iter) return VAL_NULL;
  return obj_call2(iter, search, VAL_NONE);
}

/* ---- Pattern attributes, repr, equality ------------------------------------------- */

static const struct {
  int bit;
  const char *name;
} flag_names[] = {
    {1, "re.TEMPLATE"}, {2, "re.IGNORECASE"}, {4, "re.LOCALE"}, {8, "re.MULTILINE"}, {16, "re.DOTALL"},
    {32, "re.UNICODE"}, {64, "re.VERBOSE"}, {128, "re.DEBUG"}, {256, "re.ASCII"},
};

/* repr(v) cut to at most `limit` code points, as CPython's %.<limit>R. */
static bool add_repr_cut(StrBuilder *sb, Value v, ssize_t limit) {
  Value r = obj_repr(v);
  if (!r) return false;
  StrObject *so = AS(StrObject, r);
  size_t n = so->nchars > limit ? str_offset_of(r, limit) : (size_t)so->len;
  sb_add(sb, so->data, n);
  return true;
}

static Value pattern_repr(Value self) {
  PatternObject *p = AS(PatternObject, self);
  intptr_t flags = p->flags;
  if (!p->is_bytes && (flags & (4 | 32 | 256)) == 32) flags &= ~(intptr_t)32;
  StrBuilder sb;
  sb_init(&sb);
  sb_adds(&sb, "re.compile(");
  if (!add_repr_cut(&sb, p->pattern, 200)) {
    sb_free(&sb);
    return VAL_NULL;
  }
  if (flags) {
    sb_adds(&sb, ", ");
    bool first = true;
    for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
      if (flags & flag_names[i].bit) {
        if (!first) sb_addc(&sb, '|');
        sb_adds(&sb, flag_names[i].name);
        flags &= ~(intptr_t)flag_names[i].bit;
        first = false;
      }
    }
    if (flags) {
      if (!first) sb_addc(&sb, '|');
      sb_addf(&sb, "0x%lx", (unsigned long)flags);
    }
  }
  sb_addc(&sb, ')');
  return sb_finish(&sb);
}

static Value pattern_richcompare(Value a, Value b, CmpOp op) {
  if ((op != CMP_EQ && op != CMP_NE) || !val_is_obj(b) || b->type != &SrePatternType) return VAL_NOTIMPL;
  PatternObject *x = AS(PatternObject, a), *y = AS(PatternObject, b);
  bool eq = x == y;
  if (!eq && x->flags == y->flags && x->is_bytes == y->is_bytes && x->prog.ncode == y->prog.ncode &&
      memcmp(x->prog.code, y->prog.code, x->prog.ncode * sizeof(uint32_t)) == 0) {
    int r = obj_eq(x->pattern, y->pattern);
    if (r < 0) return VAL_NULL;
    eq = r;
  }
  return val_bool(op == CMP_EQ ? eq : !eq);
}

static Hash pattern_hash(Value self) {
  PatternObject *p = AS(PatternObject, self);
  Hash h = obj_hash(p->pattern);
  if (h == -1) return -1;
  h ^= (Hash)p->flags * 1000003;
  return h == -1 ? -2 : h;
}

static Value pg_pattern(Value self) { return AS(PatternObject, self)->pattern; }
static Value pg_flags(Value self) { return val_from_int(AS(PatternObject, self)->flags); }
static Value pg_groups(Value self) { return val_from_int(AS(PatternObject, self)->prog.ngroups); }
static Value pg_groupindex(Value self) { return dict_copy(AS(PatternObject, self)->groupindex); }

static Value p_copy(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)args;
  (void)nargs;
  (void)kw;
  return self;
}

static Value p_class_getitem(Value cls, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("__class_getitem__", kw) || !args_count("__class_getitem__", nargs, 1, 1)) return VAL_NULL;
  return generic_alias_new(cls, args[0]);
}

static const NativeDef pattern_methods[] = {
    {"match", p_match, NATIVE_METHOD, NULL},
    {"fullmatch", p_fullmatch, NATIVE_METHOD, NULL},
    {"search", p_search, NATIVE_METHOD, NULL},
    {"findall", p_findall, NATIVE_METHOD, NULL},
    {"finditer", p_finditer, NATIVE_METHOD, NULL},
    {"sub", p_sub, NATIVE_METHOD, NULL},
    {"subn", p_subn, NATIVE_METHOD, NULL},
    {"split", p_split, NATIVE_METHOD, NULL},
    {"scanner", p_scanner, NATIVE_METHOD, NULL},
    {"__copy__", p_copy, NATIVE_METHOD, NULL},
    {"__deepcopy__", p_copy, NATIVE_METHOD, NULL},
    {"__class_getitem__", p_class_getitem, NATIVE_CLASSMETHOD, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef pattern_getsets[] = {
    {"pattern", pg_pattern, NULL},
    {"flags", pg_flags, NULL},
    {"groups", pg_groups, NULL},
    {"groupindex", pg_groupindex, NULL},
    {NULL, NULL, NULL},
};

TypeObject SrePatternType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "re.Pattern",
    .instance_size = sizeof(PatternObject),
    .trace = pattern_trace,
    .finalize = pattern_finalize,
    .repr = pattern_repr,
    .richcompare = pattern_richcompare,
    .hash = pattern_hash,
    .methods = pattern_methods,
    .getsets = pattern_getsets,
};

/* ---- Match ------------------------------------------------------------------------ */

static void match_trace(Object *o) {
  MatchObject *m = (MatchObject *)o;
  gc_mark(m->string);
  gc_mark(m->pattern);
}

/* The group number named by v (an int or a group name); IndexError otherwise. */
static bool match_index(MatchObject *m, Value v, uint32_t *out) {
  if (val_is_intlike(v)) {
    int64_t i;
    if (!int_to_i64(v, &i)) {
      err_clear();
      i = -1;
    }
    if (i >= 0 && i <= (int64_t)m->ngroups) {
      *out = (uint32_t)i;
      return true;
    }
  } else if (val_is_str(v) || val_is_bytes(v)) {
    Value gi = AS(PatternObject, m->pattern)->groupindex;
    Value i = val_is_str(v) ? dict_get(gi, v) : VAL_NULL;
    if (err_occurred()) return false;
    if (i && val_is_int(i) && val_int(i) >= 0 && val_int(i) <= (intptr_t)m->ngroups) {
      *out = (uint32_t)val_int(i);
      return true;
    }
  } else if (val_is_obj(v) && v->type->to_index) {
    ssize_t i;
    if (!args_index(v, &i)) return false;
    if (i >= 0 && i <= (ssize_t)m->ngroups) {
      *out = (uint32_t)i;
      return true;
    }
  }
  err_set(&Exc_IndexError, "no such group");
  return false;
}

static Value match_group_value(MatchObject *m, uint32_t g, Value dflt) {
  size_t nspans = 2 * ((size_t)m->ngroups + 1);
  if (m->spans[2 * g] < 0) return dflt;
  const char *data;
  size_t len;
  if (m->kind == SUBJ_STR) {
    data = str_cstr(m->string);
  } else if (!bytes_buffer(m->string, &data, &len)) {
    return VAL_NULL;
  }
  return slice_bytes(m->kind, data, m->spans[nspans + 2 * g], m->spans[nspans + 2 * g + 1]);
}

static Value m_group(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_no_kw("Match.group", kw)) return VAL_NULL;
  MatchObject *m = AS(MatchObject, self);
  uint32_t g = 0;
  if (nargs <= 1) {
    if (nargs == 1 && !match_index(m, args[0], &g)) return VAL_NULL;
    return match_group_value(m, g, VAL_NONE);
  }
  Value t = tuple_new((ssize_t)nargs);
  for (size_t i = 0; i < nargs; i++) {
    if (!match_index(m, args[i], &g)) return VAL_NULL;
    Value v = match_group_value(m, g, VAL_NONE);
    if (!v) return VAL_NULL;
    TUPLE_ITEMS(t)[i] = v;
  }
  return t;
}

static Value match_getitem(Value self, Value key) {
  MatchObject *m = AS(MatchObject, self);
  uint32_t g;
  if (!match_index(m, key, &g)) return VAL_NULL;
  return match_group_value(m, g, VAL_NONE);
}

static const SreSig groups_spec = {"groups", {"default"}, 1, 0};
static const SreSig groupdict_spec = {"groupdict", {"default"}, 1, 0};

static Value m_groups(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[1];
  if (!sre_bind(&groups_spec, args, nargs, kw, a)) return VAL_NULL;
  MatchObject *m = AS(MatchObject, self);
  Value dflt = a[0] ? a[0] : VAL_NONE;
  Value t = tuple_new(m->ngroups);
  for (uint32_t g = 1; g <= m->ngroups; g++) {
    Value v = match_group_value(m, g, dflt);
    if (!v) return VAL_NULL;
    TUPLE_ITEMS(t)[g - 1] = v;
  }
  return t;
}

static Value m_groupdict(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value a[1];
  if (!sre_bind(&groupdict_spec, args, nargs, kw, a)) return VAL_NULL;
  MatchObject *m = AS(MatchObject, self);
  Value dflt = a[0] ? a[0] : VAL_NONE;
  Value d = dict_new();
  Value gi = AS(PatternObject, m->pattern)->groupindex;
  ssize_t pos = 0;
  Value k, v;
  while (dict_next(gi, &pos, &k, &v)) {
    Value g = match_group_value(m, (uint32_t)val_int(v), dflt);
    if (!g || dict_set(d, k, g) < 0) return VAL_NULL;
  }
  return d;
}

static bool span_arg(Value self, const char *name, Value *args, size_t nargs, TupleObject *kw, uint32_t *g) {
  if (kw && kw->len) {
    err_set(&Exc_TypeError, "Match.%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs > 1) {
    err_set(&Exc_TypeError, "%s expected at most 1 argument, got %zu", name, nargs);
    return false;
  }
  *g = 0;
  return nargs == 0 || match_index(AS(MatchObject, self), args[0], g);
}

static Value m_start(Value self, Value *args, size_t nargs, TupleObject *kw) {
  uint32_t g;
  if (!span_arg(self, "start", args, nargs, kw, &g)) return VAL_NULL;
  return val_from_int(AS(MatchObject, self)->spans[2 * g]);
}

static Value m_end(Value self, Value *args, size_t nargs, TupleObject *kw) {
  uint32_t g;
  if (!span_arg(self, "end", args, nargs, kw, &g)) return VAL_NULL;
  return val_from_int(AS(MatchObject, self)->spans[2 * g + 1]);
}

static Value m_span(Value self, Value *args, size_t nargs, TupleObject *kw) {
  uint32_t g;
  if (!span_arg(self, "span", args, nargs, kw, &g)) return VAL_NULL;
  MatchObject *m = AS(MatchObject, self);
  return tuple_pack(2, val_from_int(m->spans[2 * g]), val_from_int(m->spans[2 * g + 1]));
}

static Value m_expand(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static const SreSig sig = {"expand", {"template"}, 1, 1};
  Value template;
  if (!sre_bind(&sig, args, nargs, kw, &template)) return VAL_NULL;
  Value mod = import_module_cstr("re");
  if (!mod) return VAL_NULL;
  Value fn = obj_getattr_cstr(mod, "_expand");
  if (!fn) return VAL_NULL;
  Value call_args[3] = {AS(MatchObject, self)->pattern, self, template};
  return obj_call(fn, call_args, 3, NULL);
}

static Value mg_string(Value self) { return AS(MatchObject, self)->string; }
static Value mg_re(Value self) { return AS(MatchObject, self)->pattern; }
static Value mg_pos(Value self) { return val_from_int(AS(MatchObject, self)->pos); }
static Value mg_endpos(Value self) { return val_from_int(AS(MatchObject, self)->endpos); }

static Value mg_lastindex(Value self) {
  MatchObject *m = AS(MatchObject, self);
  return m->lastindex < 0 ? VAL_NONE : val_from_int(m->lastindex);
}

static Value mg_lastgroup(Value self) {
  MatchObject *m = AS(MatchObject, self);
  Value ig = AS(PatternObject, m->pattern)->indexgroup;
  if (m->lastindex < 0 || m->lastindex >= TUPLE_LEN(ig)) return VAL_NONE;
  return TUPLE_ITEMS(ig)[m->lastindex];
}

static Value mg_regs(Value self) {
  MatchObject *m = AS(MatchObject, self);
  Value t = tuple_new(m->ngroups + 1);
  for (uint32_t g = 0; g <= m->ngroups; g++)
    TUPLE_ITEMS(t)[g] = tuple_pack(2, val_from_int(m->spans[2 * g]), val_from_int(m->spans[2 * g + 1]));
  return t;
}

static Value match_repr(Value self) {
  MatchObject *m = AS(MatchObject, self);
  Value g0 = match_group_value(m, 0, VAL_NONE);
  if (!g0) return VAL_NULL;
  StrBuilder sb;
  sb_init(&sb);
  sb_addf(&sb, "<re.Match object; span=(%zd, %zd), match=", m->spans[0], m->spans[1]);
  if (!add_repr_cut(&sb, g0, 50)) {
    sb_free(&sb);
    return VAL_NULL;
  }
  sb_addc(&sb, '>');
  return sb_finish(&sb);
}

static const NativeDef match_methods[] = {
    {"group", m_group, NATIVE_METHOD, NULL},
    {"groups", m_groups, NATIVE_METHOD, NULL},
    {"groupdict", m_groupdict, NATIVE_METHOD, NULL},
    {"start", m_start, NATIVE_METHOD, NULL},
    {"end", m_end, NATIVE_METHOD, NULL},
    {"span", m_span, NATIVE_METHOD, NULL},
    {"expand", m_expand, NATIVE_METHOD, NULL},
    {"__copy__", p_copy, NATIVE_METHOD, NULL},
    {"__deepcopy__", p_copy, NATIVE_METHOD, NULL},
    {"__class_getitem__", p_class_getitem, NATIVE_CLASSMETHOD, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef match_getsets[] = {
    {"string", mg_string, NULL},
    {"re", mg_re, NULL},
    {"pos", mg_pos, NULL},
    {"endpos", mg_endpos, NULL},
    {"lastindex", mg_lastindex, NULL},
    {"lastgroup", mg_lastgroup, NULL},
    {"regs", mg_regs, NULL},
    {NULL, NULL, NULL},
};

TypeObject SreMatchType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "re.Match",
    .instance_size = sizeof(MatchObject),
    .trace = match_trace,
    .repr = match_repr,
    .getitem = match_getitem,
    .methods = match_methods,
    .getsets = match_getsets,
};

/* ---- the module ----------------------------------------------------------------------- */

/* The engine's case mappings, for the compiler: ascii_tolower(cp) ... */
static Value case_map(const char *name, Value *args, size_t nargs, TupleObject *kw, bool ascii, bool upper) {
  if (!args_no_kw(name, kw) || !args_count(name, nargs, 1, 1)) return VAL_NULL;
  ssize_t cp;
  if (!args_index(args[0], &cp)) return VAL_NULL;
  if (cp < 0 || cp > 0x10FFFF) return args[0];
  SreProgram rules = {.ascii_case = ascii};
  return val_from_int(upper ? sre_upper(&rules, (uint32_t)cp) : sre_lower(&rules, (uint32_t)cp));
}

static Value sre_ascii_tolower(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  return case_map("ascii_tolower", args, nargs, kw, true, false);
}
static Value sre_ascii_toupper(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  return case_map("ascii_toupper", args, nargs, kw, true, true);
}
static Value sre_unicode_tolower(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  return case_map("unicode_tolower", args, nargs, kw, false, false);
}
static Value sre_unicode_toupper(Value self, Value *args, size_t nargs, TupleObject *kw) {
  (void)self;
  return case_map("unicode_toupper", args, nargs, kw, false, true);
}

static const NativeDef sre_functions[] = {
    {"compile", sre_compile, 0, NULL},
    {"ascii_tolower", sre_ascii_tolower, 0, NULL},
    {"ascii_toupper", sre_ascii_toupper, 0, NULL},
    {"unicode_tolower", sre_unicode_tolower, 0, NULL},
    {"unicode_toupper", sre_unicode_toupper, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int sre_init(Value m) {
  type_ready(&SrePatternType);
  type_ready(&SreMatchType);
  type_ready(&SreScannerType);
  Value d = module_dict(m);
  dict_set_cstr(d, "Pattern", (Value)&SrePatternType);
  dict_set_cstr(d, "Match", (Value)&SreMatchType);
  dict_set_cstr(d, "MAXREPEAT", int_from_u64(SRE_MAXREPEAT));
  dict_set_cstr(d, "MAXGROUPS", val_from_int(SRE_MAXGROUPS));
  dict_set_cstr(d, "MAGIC", val_from_int(20220615));
  dict_set_cstr(d, "CODESIZE", val_from_int(4));
  return 0;
}

const NativeModuleDef _sre_module_def = {"_sre", sre_functions, sre_init};
