/* exc.h — exception objects and the builtin exception hierarchy. */
#ifndef GILPY_EXC_H
#define GILPY_EXC_H

#include "runtime/object.h"

typedef struct {
  Object base;
  Value dict;          /* instance __dict__ (subclass attributes), lazily */
  Value args;          /* tuple */
  Value traceback;     /* traceback object or VAL_NULL */
  Value cause, context;/* VAL_NULL when unset */
  bool suppress_context;
  Value notes;         /* reserved */
} ExceptionObject;

/* Every builtin exception type, as CPython 3.11 (name, base). */
#define EXCEPTION_LIST(X) \
  X(BaseException, Object) \
  X(SystemExit, BaseException) X(KeyboardInterrupt, BaseException) X(GeneratorExit, BaseException) \
  X(Exception, BaseException) \
  X(StopIteration, Exception) X(StopAsyncIteration, Exception) \
  X(ArithmeticError, Exception) X(FloatingPointError, ArithmeticError) \
  X(OverflowError, ArithmeticError) X(ZeroDivisionError, ArithmeticError) \
  X(AssertionError, Exception) X(AttributeError, Exception) X(BufferError, Exception) \
  X(EOFError, Exception) X(ImportError, Exception) X(ModuleNotFoundError, ImportError) \
  X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError) \
  X(MemoryError, Exception) X(NameError, Exception) X(UnboundLocalError, NameError) \
  X(OSError, Exception) X(BlockingIOError, OSError) X(ChildProcessError, OSError) \
  X(ConnectionError, OSError) X(BrokenPipeError, ConnectionError) \
  X(ConnectionAbortedError, ConnectionError) X(ConnectionRefusedError, ConnectionError) \
  X(ConnectionResetError, ConnectionError) X(FileExistsError, OSError) \
  X(FileNotFoundError, OSError) X(InterruptedError, OSError) X(IsADirectoryError, OSError) \
  X(NotADirectoryError, OSError) X(PermissionError, OSError) X(ProcessLookupError, OSError) \
  X(TimeoutError, OSError) \
  X(ReferenceError, Exception) X(RuntimeError, Exception) X(NotImplementedError, RuntimeError) \
  X(RecursionError, RuntimeError) X(SyntaxError, Exception) X(IndentationError, SyntaxError) \
  X(TabError, IndentationError) X(SystemError, Exception) X(TypeError, Exception) \
  X(ValueError, Exception) X(UnicodeError, ValueError) X(UnicodeDecodeError, UnicodeError) \
  X(UnicodeEncodeError, UnicodeError) X(UnicodeTranslateError, UnicodeError) \
  X(Warning, Exception) X(DeprecationWarning, Warning) X(PendingDeprecationWarning, Warning) \
  X(RuntimeWarning, Warning) X(SyntaxWarning, Warning) X(UserWarning, Warning) \
  X(FutureWarning, Warning) X(ImportWarning, Warning) X(UnicodeWarning, Warning) \
  X(BytesWarning, Warning) X(ResourceWarning, Warning) X(EncodingWarning, Warning)

extern TypeObject Exc_BaseExceptionGroup, Exc_ExceptionGroup; /* excgroup.c */
bool exc_is_group(Value v);             /* an instance of BaseExceptionGroup */
Value exc_group_exceptions(Value group); /* its tuple of sub-exceptions */
Value exc_group_str(Value group);        /* "msg (N sub-exceptions)" */
void exc_group_types_init(void);         /* from exc_types_init */
#define X(name, base) extern TypeObject Exc_##name;
EXCEPTION_LIST(X)
#undef X

static inline bool val_is_exception(Value v) {
  return val_is_obj(v) && (v->type->flags & TP_EXC_SUBCLASS);
}
/* Creates an instance: type(*args). */
Value exc_new(TypeObject *type, Value *args, size_t nargs);
/* Adds a traceback entry (frame, line) in front of the exception's traceback. */
void exc_add_traceback(Value exc, Value frame_info_name, Value filename, int line, int col, int end_col);
/* The same with the instruction's full source range: when end_line differs
 * from line the caret line runs to the end of the first line (CPython 3.11). */
void exc_add_traceback_ex(Value exc, Value name, Value filename, int line, int end_line, int col, int end_col);
/* Raises type(err, strerror(err)[, filename]); OSError picks the errno's
 * subclass (FileNotFoundError ...).  filename may be VAL_NULL.  Returns VAL_NULL. */
Value err_set_from_errno(TypeObject *type, int err, Value filename);
/* The full text CPython prints for an uncaught exc (traceback, chained
 * exceptions, final line), as a str; VAL_NULL on error. */
Value exc_format_full(Value exc);
/* Just the final "Type: message" line(s) of exc, with the newline. */
Value exc_format_only(Value exc);
/* Visits every builtin exception type, bases first. */
void exc_foreach_type(void (*fn)(TypeObject *t, void *ctx), void *ctx);
/* The traceback object type ("traceback"): tb_next, tb_lineno. */
extern TypeObject TracebackType;
void exc_types_init(void);
/* Line `lineno` of a source file or embedded module, malloc'd, without its
 * newline; NULL when unavailable (runtime/traceback.c). */
char *traceback_source_line(const char *filename, int lineno);
#endif
