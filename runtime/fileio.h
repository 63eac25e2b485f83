/* fileio.h — file objects: open(), sys.stdin/stdout/stderr.
 *
 * One object layout serves text files (_io.TextIOWrapper) and binary ones
 * (_io.BufferedReader / BufferedWriter / BufferedRandom).  Each file owns a
 * write buffer and a read buffer (malloc'd).  A write() appends its whole
 * text to the write buffer in one step while the GIL is held, so writes
 * from several threads never tear; the buffer is handed to the kernel with
 * the GIL released, detached first so that other threads may go on
 * appending meanwhile.
 */
#ifndef GILPY_FILEIO_H
#define GILPY_FILEIO_H

#include "runtime/object.h"

typedef struct {
  Object base;
  Value dict;          /* unused attribute slot kept for layout symmetry */
  int fd;
  bool readable, writable, binary, append, closed, closefd;
  bool line_buffering; /* flush at each newline (ttys) */
  bool write_through;  /* flush at each write (stderr) */
  bool universal;      /* text input: "\r\n" and "\r" read as "\n" (newline=None) */
  bool eof;
  bool flushing;       /* a flush is writing with the GIL released */
  Value name;          /* str or int */
  Value mode;          /* str */
  Value encoding;      /* str (text) */
  Value buffer;        /* text: the binary file over the same fd (.buffer), lazily */
  Value owner;         /* .buffer objects: the text file whose output goes first */
  char *wbuf;          /* pending output */
  size_t wlen, wcap;
  char *rbuf;          /* read-ahead */
  size_t rpos, rlen, rcap;
} FileObject;

extern TypeObject TextIOWrapperType, BufferedReaderType, BufferedWriterType, BufferedRandomType;

bool val_is_file(Value v);
/* open(file, mode, buffering, encoding, ...) as the builtin. */
Value fileio_open(Value *args, size_t nargs, TupleObject *kwnames);
/* A text file object over an existing fd (the std streams). */
Value fileio_new_std(int fd, const char *name, const char *mode);
/* Appends text (UTF-8) to a file object's buffer in one step, flushing as
 * the buffering mode says.  -1 with an exception on error. */
int fileio_write(Value file, const char *data, size_t len);
int fileio_flush(Value file);
/* Reads one line including its newline ("" at EOF) from a file object. */
Value fileio_readline(Value file, ssize_t limit);
/* Flushes files still open for writing, then sys.stdout and sys.stderr (and
 * the original streams): the exit-time flush.  Never fails. */
void fileio_flush_std(void);
/* Creates io.UnsupportedOperation; called by builtins_init. */
void fileio_init(void);
#endif
