/* module.c — module objects.
 *
 * A module is a namespace dict plus its name.  Attribute reads look in the
 * dict first (the common case: `math.pi`, `os.path`), then in the type
 * (__dict__, __class__), then call a module-level __getattr__ (PEP 562).
 * Writes go to the dict.  The dict is created with the module and never
 * replaced, so natives may keep module_dict() results.
 */
#include <stddef.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

static void module_trace(Object *o) {
  ModuleObject *m = (ModuleObject *)o;
  gc_mark(m->dict);
  gc_mark(m->name);
}

static Value module_alloc(TypeObject *type, Value name) {
  ModuleObject *m = (ModuleObject *)gc_alloc(type, type->instance_size ? type->instance_size : sizeof(ModuleObject));
  m->dict = dict_new();
  m->name = name;
  dict_set_str(m->dict, NAME(__name__), name);
  dict_set_str(m->dict, NAME(__doc__), VAL_NONE);
  dict_set_str(m->dict, NAME(__package__), VAL_NONE);
  dict_set_str(m->dict, NAME(__loader__), VAL_NONE);
  dict_set_str(m->dict, NAME(__spec__), VAL_NONE);
  return (Value)m;
}

Value module_new(const char *name) { return module_alloc(&ModuleType, str_from_cstr(name)); }

Value module_dict(Value m) {
  if (!val_is_obj(m) || !type_is_subtype(val_type(m), &ModuleType)) return VAL_NULL;
  return AS(ModuleObject, m)->dict;
}

/* The module's __name__ for messages ('?' when it is not a str). */
static Value display_name(Value self) {
  Value n = dict_get_str(AS(ModuleObject, self)->dict, NAME(__name__));
  if (n && val_is_str(n)) return n;
  return VAL_NULL;
}

static Value module_getattr(Value self, StrObject *name) {
  ModuleObject *m = AS(ModuleObject, self);
  Value v = dict_get_str(m->dict, name);
  if (v) return v;
  Value t = type_lookup(val_type(self), name);
  if (t) return generic_getattr(self, name);
  Value ga = dict_get_str(m->dict, NAME(__getattr__));
  if (ga) return obj_call1(ga, (Value)name);
  Value n = display_name(self);
  if (!n) return err_set(&Exc_AttributeError, "module has no attribute '%U'", (Value)name);
  Value exc = VAL_NULL;
  if (m->initializing)
    err_set(&Exc_AttributeError,
            "partially initialized module '%U' has no attribute '%U' (most likely due to a circular import)", n,
            (Value)name);
  else
    err_set(&Exc_AttributeError, "module '%U' has no attribute '%U'", n, (Value)name);
  exc = err_peek();
  if (exc && val_is_exception(exc)) {
    Value d = AS(ExceptionObject, exc)->dict;
    if (!d) d = AS(ExceptionObject, exc)->dict = dict_new();
    dict_set_cstr(d, "name", (Value)name);
    dict_set_cstr(d, "obj", self);
  }
  return VAL_NULL;
}

static int module_setattr(Value self, StrObject *name, Value v) {
  ModuleObject *m = AS(ModuleObject, self);
  Value t = type_lookup(val_type(self), name);
  if (t) return generic_setattr(self, name, v);
  if (!v) {
    if (!dict_get_str(m->dict, name)) {
      Value n = display_name(self);
      return ERR_INT(err_set(&Exc_AttributeError, "module '%U' has no attribute '%U'", n ? n : (Value)name, (Value)name));
    }
    return dict_del(m->dict, (Value)name);
  }
  return dict_set_str(m->dict, name, v);
}

static Value module_repr(Value self) {
  ModuleObject *m = AS(ModuleObject, self);
  Value n = display_name(self);
  Value file = dict_get_str(m->dict, NAME(__file__));
  if (!n) n = str_from_cstr("?");
  if (file && val_is_str(file)) return err_format("<module %R from %R>", n, file);
  if (m->builtin) return err_format("<module %R (built-in)>", n);
  return err_format("<module %R>", n);
}

static Value module_tp_new(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames) {
  return module_alloc(type, nargs ? args[0] : str_from_cstr("?"));
}

static int module_tp_init(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("module(name, doc=None)");
  Value a[2];
  if (!args_bind(&spec, args, nargs, kwnames, a)) return -1;
  if (!val_is_str(a[0])) return ERR_INT(err_set(&Exc_TypeError, "module.__init__() argument 'name' must be str, not %T", a[0]));
  ModuleObject *m = AS(ModuleObject, self);
  m->name = a[0];
  dict_set_str(m->dict, NAME(__name__), a[0]);
  dict_set_str(m->dict, NAME(__doc__), a[1] ? a[1] : VAL_NONE);
  return 0;
}

static Value g_dict(Value self) { return AS(ModuleObject, self)->dict; }

static Value m_dir(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  Value d = AS(ModuleObject, self)->dict;
  Value f = dict_get_cstr(d, "__dir__");
  if (f) return obj_call0(f);
  Value l = list_from_iterable(d);
  return l;
}

static const NativeDef module_methods[] = {
    {"__dir__", m_dir, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef module_getsets[] = {
    {"__dict__", g_dict, NULL},
    {NULL, NULL, NULL},
};

TypeObject ModuleType = {
    STATIC_OBJECT_HEADER(&TypeType),
    .name = "module",
    .instance_size = sizeof(ModuleObject),
    .flags = TP_BASETYPE,
    .tp_new = module_tp_new,
    .tp_init = module_tp_init,
    .trace = module_trace,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .methods = module_methods,
    .getsets = module_getsets,
};
