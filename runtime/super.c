/* super.c — the super type.
 *
 * super(C, obj) looks attributes up along type(obj).__mro__ (or obj's own
 * MRO when obj is a class) starting after C, and binds what it finds to
 * obj.  Zero-argument super() reads the calling frame's __class__ cell
 * and first argument (frame_super_args below, through vm/frame.h).
 */
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/type.h"
#include "vm/frame.h"
#include "vm/func.h"

typedef struct {
  Object base;
  TypeObject *type;     /* the class super() was called for */
  Value obj;            /* the bound object or class, VAL_NULL when unbound */
  TypeObject *obj_type; /* the class whose MRO is searched */
} SuperObject;

static bool is_type(Value v) { return val_is_obj(v) && (val_type(v)->flags & TP_TYPE_SUBCLASS); }

static void super_trace(Object *o) {
  SuperObject *s = (SuperObject *)o;
  gc_mark_obj(s->type);
  gc_mark(s->obj);
  gc_mark_obj(s->obj_type);
}

/* The class whose MRO to search for super(type, obj). */
static TypeObject *supercheck(TypeObject *type, Value obj) {
  if (is_type(obj) && type_is_subtype(AS(TypeObject, obj), type)) return AS(TypeObject, obj);
  if (type_is_subtype(val_type(obj), type)) return val_type(obj);
  Value cls = obj_getattr_opt(obj, NAME(__class__));
  if (!cls && err_occurred()) return NULL;
  if (cls && is_type(cls) && cls != (Value)val_type(obj) && type_is_subtype(AS(TypeObject, cls), type))
    return AS(TypeObject, cls);
  err_set(&Exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return NULL;
}

/* For super() without arguments: the innermost Python frame's first
 * argument (from its cell when the argument is also a cell variable) and
 * the contents of its __class__ free variable.  Natives push no frames,
 * so ts_current->frame is the frame that called super(). */
static int frame_super_args(Value *cls, Value *self) {
  Frame *f = ts_current ? ts_current->frame : NULL;
  if (!f) {
    err_set(&Exc_RuntimeError, "super(): no current frame");
    return -1;
  }
  CodeObject *co = f->code;
  if (co->argcount == 0 && !(co->flags & CO_VARARGS)) {
    err_set(&Exc_RuntimeError, "super(): no arguments");
    return -1;
  }
  Value obj = f->localsplus[0];
  if (co->cell2arg) {
    for (int32_t i = 0; i < co->ncellvars; i++) {
      if (co->cell2arg[i] != 0) continue;
      Value cell = f->localsplus[co->nlocals + i];
      if (val_is_obj(cell) && val_type(cell) == &CellType) obj = AS(CellObject, cell)->value;
    }
  }
  if (!obj) {
    err_set(&Exc_RuntimeError, "super(): arg[0] deleted");
    return -1;
  }
  Value freevars = co->freevars;
  for (int32_t i = 0; freevars && i < co->nfreevars; i++) {
    Value name = TUPLE_ITEMS(freevars)[i];
    if (name != (Value)NAME(__class__) && !str_equal(name, (Value)NAME(__class__))) continue;
    Value cell = f->localsplus[co->nlocals + co->ncellvars + i];
    if (!val_is_obj(cell) || val_type(cell) != &CellType) {
      err_set(&Exc_RuntimeError, "super(): bad __class__ cell");
      return -1;
    }
    Value c = AS(CellObject, cell)->value;
    if (!c) {
      err_set(&Exc_RuntimeError, "super(): empty __class__ cell");
      return -1;
    }
    if (!is_type(c)) {
      err_set(&Exc_RuntimeError, "super(): __class__ is not a type (%T)", c);
      return -1;
    }
    *cls = c;
    *self = obj;
    return 0;
  }
  err_set(&Exc_RuntimeError, "super(): __class__ cell not found");
  return -1;
}

static Value super_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  return (Value)gc_alloc(type, type->instance_size);
}

static int super_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  SuperObject *s = (SuperObject *)self;
  if (!args_no_kw("super", kwnames)) return -1;
  if (nargs > 2) {
    err_set(&Exc_TypeError, "super() takes at most 2 arguments (%zu given)", nargs);
    return -1;
  }
  Value type, obj = VAL_NULL;
  if (nargs == 0) {
    if (frame_super_args(&type, &obj) < 0) return -1;
  } else {
    type = args[0];
    if (nargs == 2) obj = args[1];
  }
  if (!is_type(type)) {
    err_set(&Exc_TypeError, "super() argument 1 must be a type, not %T", type);
    return -1;
  }
  if (obj == VAL_NONE) obj = VAL_NULL;
  TypeObject *obj_type = NULL;
  if (obj) {
    obj_type = supercheck(AS(TypeObject, type), obj);
    if (!obj_type) return -1;
  }
  s->type = AS(TypeObject, type);
  s->obj = obj;
  s->obj_type = obj_type;
  return 0;
}

static Value super_getattr(Value self, StrObject *name) {
  SuperObject *s = (SuperObject *)self;
  TypeObject *start = s->obj_type;
  if (start && name != NAME(__class__)) {
    TupleObject *mro = start->mro;
    ssize_t n = mro->len, i = 0;
    while (i < n && (TypeObject *)mro->items[i] != s->type) i++;
    for (i++; i < n; i++) {
      TypeObject *b = (TypeObject *)mro->items[i];
      if (!b->dict) continue;
      Value res = dict_get_str((Value)b->dict, name);
      if (!res) continue;
      DescrGetFn get = val_type(res)->descr_get;
      if (!get) return res;
      return get(res, s->obj == (Value)start ? VAL_NULL : s->obj, (Value)start);
    }
  }
  return generic_getattr(self, name);
}

static Value super_descr_get(Value self, Value obj, Value type) {
  SuperObject *s = (SuperObject *)self;
  if (!obj || s->obj) return self;
  TypeObject *obj_type = supercheck(s->type, obj);
  if (!obj_type) return VAL_NULL;
  SuperObject *n = (SuperObject *)gc_alloc(val_type(self), val_type(self)->instance_size);
  n->type = s->type;
  n->obj = obj;
  n->obj_type = obj_type;
  return (Value)n;
}

static Value super_repr(Value self) {
  SuperObject *s = (SuperObject *)self;
  /* CPython prints tp_name here: the bare class name for classes */
  const char *tn = s->type ? s->type->name : "NULL";
  if (s->obj_type) return str_printf("<super: <class '%s'>, <%s object>>", tn, s->obj_type->name);
  return str_printf("<super: <class '%s'>, NULL>", tn);
}

static Value super_thisclass(Value self) {
  TypeObject *t = ((SuperObject *)self)->type;
  return t ? (Value)t : VAL_NONE;
}
static Value super_self(Value self) {
  Value o = ((SuperObject *)self)->obj;
  return o ? o : VAL_NONE;
}
static Value super_self_class(Value self) {
  TypeObject *t = ((SuperObject *)self)->obj_type;
  return t ? (Value)t : VAL_NONE;
}

static const GetSetDef super_getsets[] = {
    {"__thisclass__", super_thisclass, NULL},
    {"__self__", super_self, NULL},
    {"__self_class__", super_self_class, NULL},
    {NULL},
};

TypeObject SuperType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "super",
    .instance_size = sizeof(SuperObject),
    .flags = TP_BASETYPE,
    .trace = super_trace,
    .tp_new = super_new,
    .tp_init = super_init,
    .repr = super_repr,
    .getattr = super_getattr,
    .descr_get = super_descr_get,
    .getsets = super_getsets,
};
