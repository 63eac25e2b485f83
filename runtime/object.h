/* object.h — the value representation and the type object.
 *
 * A Value is one machine word:
 *
 *   ...........................................1   small int: value = (intptr_t)v >> 1
 *   ...........................................0   pointer to an Object (8-byte aligned)
 *   0                                              VAL_NULL: "no value" — the error sentinel
 *                                                  of every fallible function, and an
 *                                                  empty slot in containers/frames.
 *
 * Small ints hold 62 bits of payload (SMALLINT_MIN..SMALLINT_MAX) so that the
 * sum or difference of two of them never overflows an intptr_t; anything
 * larger is a heap IntObject (GMP).  None, True, False, NotImplemented and
 * Ellipsis are statically allocated objects.  bool is a subtype of int but
 * True/False are objects, never tagged ints.
 *
 * Every heap object starts with an Object header: its type and GC flags.
 * Objects are allocated only through gc_alloc (gc.h), which zeroes them.
 *
 * Error convention: a function returning Value returns VAL_NULL with the
 * exception set in the thread state (error.h); a function returning int
 * returns -1 on error.  Functions that cannot fail say so in their comment.
 */
#ifndef GILPY_OBJECT_H
#define GILPY_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct Object Object;
typedef struct Object *Value;
typedef struct TypeObject TypeObject;
typedef struct StrObject StrObject;
typedef struct TupleObject TupleObject;
typedef struct ListObject ListObject;
typedef struct DictObject DictObject;
typedef intptr_t Hash; /* -1 means error */

#define VAL_NULL ((Value)0)

/* ---- small ints ---------------------------------------------------------- */
#define SMALLINT_MAX ((intptr_t)(((uintptr_t)1 << 61) - 1))
#define SMALLINT_MIN (-SMALLINT_MAX - 1)

static inline bool val_is_int(Value v) { return ((uintptr_t)v & 1) != 0; }
static inline intptr_t val_int(Value v) { return (intptr_t)(uintptr_t)v >> 1; }
/* Caller guarantees SMALLINT_MIN <= i <= SMALLINT_MAX; int_from_i64 (int.h) checks. */
static inline Value val_from_int(intptr_t i) { return (Value)(((uintptr_t)i << 1) | 1); }
static inline bool smallint_fits(intptr_t i) { return i >= SMALLINT_MIN && i <= SMALLINT_MAX; }

static inline bool val_is_obj(Value v) { return v != VAL_NULL && !val_is_int(v); }

/* ---- the object header ------------------------------------------------- */
enum {
  GC_MARKED = 1u << 0, /* reached in the current mark phase */
  GC_STATIC = 1u << 1, /* statically allocated: never swept, traced as a root */
  GC_NEEDS_DEL = 1u << 2, /* run type->del when found unreachable (set by the object) */
  GC_WEAKREFED = 1u << 3, /* has weak references: an entry in weakref.c's table */
  OBJ_INTERNED = 1u << 8, /* str: the canonical interned copy */
  OBJ_STR_UNIQUE = 1u << 9, /* str: referenced by one local variable alone, may grow in place (str_add_to_local) */
};

struct Object {
  TypeObject *type;
  uint32_t gc_flags;
  uint32_t aux; /* per-type spare word (str: cached hash fits elsewhere; free for use) */
};

/* Initialiser for statically allocated objects. */
#define STATIC_OBJECT_HEADER(typeptr) {.type = (typeptr), .gc_flags = GC_STATIC}

/* ---- slots --------------------------------------------------------------- */
/* Rich comparison ops, in CPython's order. */
typedef enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } CmpOp;

/* Binary operators; the order is fixed (BINARY_OP's argument, NumberSlots). */
#define BINOP_LIST(X)                                                    \
  X(ADD, add, "+", "__add__", "__radd__", "__iadd__")                    \
  X(SUB, sub, "-", "__sub__", "__rsub__", "__isub__")                    \
  X(MUL, mul, "*", "__mul__", "__rmul__", "__imul__")                    \
  X(MATMUL, matmul, "@", "__matmul__", "__rmatmul__", "__imatmul__")     \
  X(TRUEDIV, truediv, "/", "__truediv__", "__rtruediv__", "__itruediv__") \
  X(FLOORDIV, floordiv, "//", "__floordiv__", "__rfloordiv__", "__ifloordiv__") \
  X(MOD, mod, "%", "__mod__", "__rmod__", "__imod__")                    \
  X(POW, pow, "**", "__pow__", "__rpow__", "__ipow__")                   \
  X(LSHIFT, lshift, "<<", "__lshift__", "__rlshift__", "__ilshift__")    \
  X(RSHIFT, rshift, ">>", "__rshift__", "__rrshift__", "__irshift__")    \
  X(AND, and_, "&", "__and__", "__rand__", "__iand__")                   \
  X(OR, or_, "|", "__or__", "__ror__", "__ior__")                        \
  X(XOR, xor_, "^", "__xor__", "__rxor__", "__ixor__")

typedef enum {
#define X(e, f, sym, d, r, i) BINOP_##e,
  BINOP_LIST(X)
#undef X
  BINOP_COUNT
} BinOp;

typedef Value (*BinaryFn)(Value a, Value b);    /* may return NotImplemented */
typedef Value (*UnaryFn)(Value a);
typedef Value (*CallFn)(Value callable, Value *args, size_t nargs, TupleObject *kwnames);
typedef Value (*RichCmpFn)(Value a, Value b, CmpOp op); /* may return NotImplemented */
typedef Hash (*HashFn)(Value a);
typedef ssize_t (*LenFn)(Value a);             /* -1 on error */
typedef int (*BoolFn)(Value a);                /* 0/1, -1 on error */
typedef int (*ContainsFn)(Value container, Value item); /* 0/1, -1 on error */
typedef Value (*GetAttrFn)(Value obj, StrObject *name);  /* AttributeError when missing */
typedef int (*SetAttrFn)(Value obj, StrObject *name, Value v); /* v == VAL_NULL: delete */
typedef int (*SetItemFn)(Value obj, Value key, Value v);        /* v == VAL_NULL: delete */
typedef Value (*DescrGetFn)(Value descr, Value obj, Value type); /* obj VAL_NULL: via class */
typedef int (*DescrSetFn)(Value descr, Value obj, Value v);      /* v VAL_NULL: delete */
/* Returns the next item, or VAL_NULL: with an exception set on error, with
 * none when the iterator is exhausted (no StopIteration object is made). */
typedef Value (*IterNextFn)(Value it);
typedef Value (*NewFn)(TypeObject *type, Value *args, size_t nargs, TupleObject *kwnames);
typedef int (*InitFn)(Value self, Value *args, size_t nargs, TupleObject *kwnames);

/* GC hooks.  trace marks every Value the object holds with gc_mark();
 * finalize releases non-GC memory (malloc'd buffers, fds) and must not
 * touch other objects: they may already be swept. */
typedef void (*TraceFn)(Object *o);
typedef void (*FinalizeFn)(Object *o);
/* Python-level finalization (closing a suspended generator, the "coroutine
 * was never awaited" warning).  Runs after the collection that found the
 * object unreachable, at a safe point, with the object kept alive until it
 * returns; it may run Python code and must not fail (errors are reported
 * as CPython's "Exception ignored in ..."). */
typedef void (*DelFn)(Object *o);

enum {
  TP_HEAPTYPE = 1u << 0,    /* created by a class statement / type(n, b, d) */
  TP_BASETYPE = 1u << 1,    /* may be subclassed */
  TP_HAS_DICT = 1u << 2,    /* instances carry a __dict__ (InstanceObject layout) */
  TP_READY = 1u << 3,       /* type_ready() done */
  TP_INT_SUBCLASS = 1u << 8, /* fast subclass checks, as CPython's tp_flags */
  TP_LIST_SUBCLASS = 1u << 9,
  TP_TUPLE_SUBCLASS = 1u << 10,
  TP_STR_SUBCLASS = 1u << 11,
  TP_BYTES_SUBCLASS = 1u << 12,
  TP_DICT_SUBCLASS = 1u << 13,
  TP_EXC_SUBCLASS = 1u << 14, /* BaseException and subclasses */
  TP_TYPE_SUBCLASS = 1u << 15,
};

/* A native method/function table entry (see native.h). */
typedef struct NativeDef NativeDef;
typedef struct GetSetDef GetSetDef;

struct TypeObject {
  Object base;
  const char *name;          /* tp_name as CPython prints it: "int", "_asyncio.Task" */
  StrObject *name_obj;       /* __name__ (set by type_ready / class creation) */
  StrObject *qualname;       /* __qualname__ */
  Value module;              /* __module__ str, VAL_NULL for builtins */
  TypeObject *base_type;     /* the solid base (__base__) */
  TupleObject *bases;        /* __bases__ */
  TupleObject *mro;          /* __mro__ (C3) */
  DictObject *dict;          /* class namespace: methods, descriptors, attributes */
  size_t instance_size;      /* bytes of an instance (fixed part) */
  size_t dict_offset;        /* offset of the instance __dict__ Value, 0 = none */
  uint32_t flags;            /* TP_* */
  uint32_t version;          /* bumped on any change to dict/mro; 0 = caches off */

  /* Slots.  NULL = unsupported.  For heap classes, type.c fills the slots
   * whose dunder the class (or an ancestor) defines with wrappers that look
   * the dunder up and call it. */
  NewFn tp_new;
  InitFn tp_init;
  FinalizeFn finalize;
  TraceFn trace;
  DelFn del;                 /* see DelFn; only for objects flagged GC_NEEDS_DEL */
  UnaryFn repr;
  UnaryFn str;
  HashFn hash;               /* NULL and TP_... : unhashable => TypeError */
  RichCmpFn richcompare;
  BoolFn truthy;             /* NULL: use len, else true */
  CallFn call;
  GetAttrFn getattr;         /* NULL: generic_getattr */
  SetAttrFn setattr;         /* NULL: generic_setattr */
  DescrGetFn descr_get;
  DescrSetFn descr_set;
  UnaryFn iter;
  IterNextFn iternext;
  LenFn len;
  BinaryFn getitem;
  SetItemFn setitem;
  ContainsFn contains;
  BinaryFn binop[BINOP_COUNT];     /* __add__ ... ; reflected call: binop[op](a, b) with b the owner */
  BinaryFn inplace[BINOP_COUNT];   /* __iadd__ ...; NULL falls back to binop */
  UnaryFn neg, pos, abs, invert;
  UnaryFn to_int;            /* __int__ */
  UnaryFn to_float;          /* __float__ */
  UnaryFn to_index;          /* __index__ */

  const NativeDef *methods;  /* filled into dict by type_ready */
  const GetSetDef *getsets;  /* properties implemented in C */
};

/* The type of any value (small ints report int). Never fails. */
extern TypeObject IntType;
static inline TypeObject *val_type(Value v) {
  return val_is_int(v) ? &IntType : v->type;
}

/* The immortal singletons (runtime/singletons.c). */
extern Object NoneObject, TrueObject, FalseObject, NotImplementedObject, EllipsisObject;
#define VAL_NONE (&NoneObject)
#define VAL_TRUE (&TrueObject)
#define VAL_FALSE (&FalseObject)
#define VAL_NOTIMPL (&NotImplementedObject)
#define VAL_ELLIPSIS (&EllipsisObject)
static inline Value val_bool(bool b) { return b ? VAL_TRUE : VAL_FALSE; }

/* True when b is in a.__mro__ (a is b or a subclass).  Never fails. */
bool type_is_subtype(TypeObject *a, TypeObject *b);

/* Cast helpers: AS(StrObject, v). */
#define AS(T, v) ((T *)(v))

#endif
