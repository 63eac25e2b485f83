/* fileio.c — file objects for open() and the standard streams.
 *
 * Invariants: wbuf[0..wlen) is output not yet given to the kernel;
 * rbuf[rpos..rlen) is input read ahead.  A file is either reading or
 * writing at a time: switching direction (or seek/tell) flushes the write
 * buffer and drops the read-ahead (seeking back over it).
 *
 * Blocking system calls run with the GIL released and touch no object:
 * reads go into a private malloc'd chunk that is appended afterwards, and
 * a flush detaches the write buffer before writing it.  `flushing` keeps a
 * second thread from writing concurrently (which could reorder output):
 * it only appends, and the first flusher loops until the buffer is empty.
 *
 * Text mode is UTF-8; files opened with newline=None read with universal
 * newlines ("\r\n" and "\r" become "\n"); the std streams do not translate.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/fileio.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "runtime/thread.h"
#include "vm/eval.h"
#include "vm/gil.h"

#define BUFSIZE 8192

static Value unsupported_operation; /* io.UnsupportedOperation (a class) */

/* Writable files opened by open() and not closed yet, so that their pending
 * output is written at exit, as CPython's are when modules are torn down.
 * A plain malloc'd array of non-owning pointers (guarded by the GIL): the
 * finalizer removes a file before it is freed, which touches no object. */
static FileObject **open_files;
static size_t n_open_files, cap_open_files;

static void track_file(FileObject *f) {
  if (n_open_files == cap_open_files) {
    cap_open_files = cap_open_files ? cap_open_files * 2 : 16;
    open_files = realloc(open_files, cap_open_files * sizeof *open_files);
  }
  open_files[n_open_files++] = f;
}

static void untrack_file(FileObject *f) {
  for (size_t i = n_open_files; i > 0; i--) {
    if (open_files[i - 1] == f) {
      open_files[i - 1] = open_files[--n_open_files];
      return;
    }
  }
}

bool val_is_file(Value v) {
  if (!val_is_obj(v)) return false;
  TypeObject *t = val_type(v);
  return t == &TextIOWrapperType || t == &BufferedReaderType || t == &BufferedWriterType ||
         t == &BufferedRandomType || type_is_subtype(t, &TextIOWrapperType);
}

static Value closed_error(void) { return err_set(&Exc_ValueError, "I/O operation on closed file."); }

static Value unsupported(const char *what) {
  if (unsupported_operation) {
    Value msg = str_from_cstr(what);
    Value exc = obj_call1(unsupported_operation, msg);
    if (exc) return err_set_value(exc);
    err_clear();
  }
  return err_set(&Exc_OSError, "%s", what);
}

/* ---- low-level I/O ----------------------------------------------------- */

/* Writes all of data to fd with the GIL released; errno on failure. */
static int write_all(int fd, const char *data, size_t len) {
  int err = 0;
  GIL_RELEASE();
  while (len > 0) {
    ssize_t w = write(fd, data, len);
    if (w < 0) {
      if (errno == EINTR) continue;
      err = errno;
      break;
    }
    data += w;
    len -= (size_t)w;
  }
  GIL_ACQUIRE();
  return err;
}

static int flush_buf(FileObject *f) {
  if (f->flushing) return 0; /* the thread already flushing will write our data too */
  f->flushing = true;
  while (f->wlen > 0) {
    char *data = f->wbuf;
    size_t len = f->wlen, cap = f->wcap;
    f->wbuf = NULL;
    f->wlen = f->wcap = 0;
    int err = write_all(f->fd, data, len);
    free(data);
    gc_account(-(ssize_t)cap);
    if (err) {
      f->flushing = false;
      err_set_from_errno(&Exc_OSError, err, VAL_NULL);
      return -1;
    }
  }
  f->flushing = false;
  return 0;
}

static void wbuf_append(FileObject *f, const char *data, size_t len) {
  if (len == 0) return;
  if (f->wlen + len > f->wcap) {
    size_t ncap = f->wcap ? f->wcap : 256;
    while (ncap < f->wlen + len) ncap *= 2;
    f->wbuf = realloc(f->wbuf, ncap);
    gc_account((ssize_t)(ncap - f->wcap));
    f->wcap = ncap;
  }
  memcpy(f->wbuf + f->wlen, data, len);
  f->wlen += len;
}

/* Reads up to BUFSIZE more bytes into rbuf.  Returns bytes read (0 at
 * EOF), -1 with an exception on error. */
static ssize_t fill(FileObject *f) {
  char *chunk = malloc(BUFSIZE);
  ssize_t n;
  int err = 0;
  int fd = f->fd;
  for (;;) {
    GIL_RELEASE();
    for (;;) {
      n = read(fd, chunk, BUFSIZE);
      if (n < 0 && errno == EINTR && !(atomic_load(&eval_breaker) & EB_SIGNALS)) continue;
      if (n < 0) err = errno;
      break;
    }
    GIL_ACQUIRE();
    /* A signal's handler runs now; if it raises (KeyboardInterrupt in
     * input()), the read fails with that exception (PEP 475). */
    if (n < 0 && err == EINTR) {
      if (eval_handle_breaker() < 0) {
        free(chunk);
        return -1;
      }
      continue;
    }
    break;
  }
  if (n < 0) {
    free(chunk);
    err_set_from_errno(&Exc_OSError, err, VAL_NULL);
    return -1;
  }
  if (n == 0) f->eof = true;
  if (f->rpos > 0 && f->rpos == f->rlen) f->rpos = f->rlen = 0;
  if (f->rlen + (size_t)n > f->rcap) {
    if (f->rpos > 0) {
      memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
      f->rlen -= f->rpos;
      f->rpos = 0;
    }
    if (f->rlen + (size_t)n > f->rcap) {
      size_t ncap = f->rcap ? f->rcap * 2 : BUFSIZE;
      while (ncap < f->rlen + (size_t)n) ncap *= 2;
      f->rbuf = realloc(f->rbuf, ncap);
      gc_account((ssize_t)(ncap - f->rcap));
      f->rcap = ncap;
    }
  }
  if (n > 0) memcpy(f->rbuf + f->rlen, chunk, (size_t)n);
  f->rlen += (size_t)n;
  free(chunk);
  return n;
}

/* Leaves reading mode: seeks the fd back over unread read-ahead. */
static void drop_readahead(FileObject *f) {
  if (f->rlen > f->rpos) lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
  f->rpos = f->rlen = 0;
  f->eof = false;
}

static FileObject *check_open(Value self) {
  FileObject *f = AS(FileObject, self);
  if (f->closed) {
    closed_error();
    return NULL;
  }
  return f;
}

/* ---- text conversion --------------------------------------------------- */

/* Makes a str (text) or bytes (binary) from raw data; text gets universal newlines. */
static Value make_result(FileObject *f, const char *data, size_t len) {
  if (len == 0) data = ""; /* the buffer may not exist yet */
  if (f->binary) return bytes_new(data, len);
  if (!f->universal || !memchr(data, '\r', len)) return str_from_utf8(data, len, "strict");
  char *tmp = malloc(len ? len : 1);
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    if (data[i] == '\r') {
      tmp[n++] = '\n';
      if (i + 1 < len && data[i + 1] == '\n') i++;
    } else {
      tmp[n++] = data[i];
    }
  }
  Value r = str_from_utf8(tmp, n, "strict");
  free(tmp);
  return r;
}

/* ---- public helpers ---------------------------------------------------- */

int fileio_write(Value file, const char *data, size_t len) {
  FileObject *f = check_open(file);
  if (!f) return -1;
  if (!f->writable) return ERR_INT(unsupported("not writable"));
  if (f->owner && AS(FileObject, f->owner)->wlen && flush_buf(AS(FileObject, f->owner)) < 0) return -1;
  if (f->rlen) drop_readahead(f);
  wbuf_append(f, data, len);
  if (f->write_through || f->wlen >= BUFSIZE || (f->line_buffering && memchr(data, '\n', len)))
    return flush_buf(f);
  return 0;
}

int fileio_flush(Value file) {
  FileObject *f = check_open(file);
  if (!f) return -1;
  return flush_buf(f);
}

Value fileio_readline(Value file, ssize_t limit) {
  FileObject *f = check_open(file);
  if (!f) return VAL_NULL;
  if (!f->readable) return unsupported("not readable");
  if (f->wlen && flush_buf(f) < 0) return VAL_NULL;
  size_t scanned = 0;
  for (;;) {
    char *start = f->rbuf + f->rpos;
    size_t avail = f->rlen - f->rpos;
    char *nl = avail > scanned ? memchr(start + scanned, '\n', avail - scanned) : NULL;
    /* A lone '\r' ends a line too with universal newlines. */
    if (f->universal && !nl) {
      char *cr = avail > scanned ? memchr(start + scanned, '\r', avail - scanned) : NULL;
      if (cr && (cr + 1 < start + avail || f->eof)) nl = cr;
    }
    if (f->universal && nl && *nl == '\n' && nl > start) {
      char *cr = memchr(start + scanned, '\r', (size_t)(nl - start) - scanned);
      if (cr && cr + 1 < nl) nl = cr; /* a lone \r before the \n */
    }
    size_t take = 0;
    if (nl) take = (size_t)(nl - start) + 1;
    if (nl && f->universal && *nl == '\r' && take < avail && start[take] == '\n') take++;
    if (limit >= 0 && (size_t)limit <= avail && (!nl || take > (size_t)limit)) {
      /* limit counts characters in text mode: back up to a code point boundary */
      size_t n = 0, chars = 0;
      while (n < avail && chars < (size_t)limit) {
        n++;
        if (!f->binary)
          while (n < avail && ((unsigned char)start[n] & 0xC0) == 0x80) n++;
        chars++;
      }
      if (chars == (size_t)limit) {
        take = n;
        nl = start + n - 1;
      }
    }
    if (nl || f->eof) {
      if (!nl) take = avail;
      f->rpos += take;
      return make_result(f, start, take);
    }
    scanned = avail;
    if (fill(f) < 0) return VAL_NULL;
  }
}

/* ---- construction ------------------------------------------------------ */

static TypeObject *type_for(bool binary, bool readable, bool writable) {
  if (!binary) return &TextIOWrapperType;
  if (readable && writable) return &BufferedRandomType;
  return writable ? &BufferedWriterType : &BufferedReaderType;
}

static FileObject *file_alloc(TypeObject *t, int fd) {
  FileObject *f = (FileObject *)gc_alloc(t, sizeof(FileObject));
  f->fd = fd;
  f->closefd = true;
  return f;
}

Value fileio_new_std(int fd, const char *name, const char *mode) {
  FileObject *f = file_alloc(&TextIOWrapperType, fd);
  f->name = str_from_cstr(name);
  f->mode = str_from_cstr(mode);
  f->encoding = str_from_cstr("utf-8");
  f->readable = mode[0] == 'r';
  f->writable = mode[0] == 'w';
  f->closefd = false;
  /* stderr and, with PYTHONUNBUFFERED set (as CPython's -u), stdout
   * write through; a tty stdout is line-buffered, anything else blocks. */
  const char *unbuf = getenv("PYTHONUNBUFFERED");
  if (fd == 2 || (fd == 1 && unbuf && *unbuf)) f->write_through = true;
  else if (fd == 1) f->line_buffering = isatty(fd);
  return (Value)f;
}

Value fileio_open(Value *args, size_t nargs, TupleObject *kwnames) {
  static ArgSpec spec = ARGSPEC("open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)");
  Value a[8];
  if (!args_bind(&spec, args, nargs, kwnames, a)) return VAL_NULL;
  Value file = a[0];
  Value modev = a[1] ? a[1] : str_from_cstr("r");
  if (!val_is_str(modev)) return err_set(&Exc_TypeError, "open() argument 'mode' must be str, not %T", modev);
  const char *mode = str_cstr(modev);
  int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0, text = 0, binary = 0;
  for (const char *p = mode; *p; p++) {
    int *slot;
    switch (*p) {
      case 'x': slot = &creating; break;
      case 'r': slot = &reading; break;
      case 'w': slot = &writing; break;
      case 'a': slot = &appending; break;
      case '+': slot = &updating; break;
      case 't': slot = &text; break;
      case 'b': slot = &binary; break;
      default: return err_set(&Exc_ValueError, "invalid mode: '%s'", mode);
    }
    if (*slot) return err_set(&Exc_ValueError, "invalid mode: '%s'", mode);
    *slot = 1;
  }
  if (text && binary) return err_set(&Exc_ValueError, "can't have text and binary mode at once");
  if (creating + reading + writing + appending != 1)
    return err_set(&Exc_ValueError, "must have exactly one of create/read/write/append mode");
  Value encoding = a[3] && a[3] != VAL_NONE ? a[3] : VAL_NULL;
  if (binary && encoding) return err_set(&Exc_ValueError, "binary mode doesn't take an encoding argument");
  if (binary && a[4] && a[4] != VAL_NONE) return err_set(&Exc_ValueError, "binary mode doesn't take an errors argument");
  if (binary && a[5] && a[5] != VAL_NONE) return err_set(&Exc_ValueError, "binary mode doesn't take a newline argument");
  int flags = O_CLOEXEC;
  bool readable = reading || updating, writable = writing || appending || creating || updating;
  flags |= readable && writable ? O_RDWR : writable ? O_WRONLY : O_RDONLY;
  if (writing) flags |= O_CREAT | O_TRUNC;
  if (appending) flags |= O_CREAT | O_APPEND;
  if (creating) flags |= O_CREAT | O_EXCL;
  int fd;
  bool closefd = true;
  if (a[6]) {
    int t = obj_truthy(a[6]);
    if (t < 0) return VAL_NULL;
    closefd = t;
  }
  if (val_is_int(file)) {
    fd = (int)val_int(file);
  } else {
    Value path = file;
    if (!val_is_str(path)) {
      Value fspath = obj_getattr_opt(path, str_intern_cstr("__fspath__"));
      if (fspath) path = obj_call0(fspath);
      if (!path) return VAL_NULL;
      if (!val_is_str(path) && !val_is_bytes(path))
        return err_set(&Exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    }
    if (!closefd) return err_set(&Exc_ValueError, "Cannot use closefd=False with file name");
    const char *p = val_is_str(path) ? str_cstr(path) : AS(BytesObject, path)->data;
    int err = 0;
    GIL_RELEASE();
    do {
      fd = open(p, flags, 0666);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) err = errno;
    GIL_ACQUIRE();
    if (fd < 0) return err_set_from_errno(&Exc_OSError, err, file);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      close(fd);
      return err_set_from_errno(&Exc_OSError, EISDIR, file);
    }
  }
  FileObject *f = file_alloc(type_for(binary, readable, writable), fd);
  f->closefd = closefd;
  f->name = file;
  f->mode = binary ? (readable && writable ? str_from_cstr(appending ? "ab+" : reading ? "rb+" : writing ? "wb+" : "xb+")
                                           : str_from_cstr(reading ? "rb" : writing ? "wb" : appending ? "ab" : "xb"))
                   : modev;
  f->readable = readable;
  f->writable = writable;
  f->binary = binary;
  f->append = appending;
  f->encoding = binary ? VAL_NULL : encoding ? encoding : str_from_cstr("UTF-8");
  f->universal = !binary && (!a[5] || a[5] == VAL_NONE);
  if (a[2] && val_is_int(a[2]) && val_int(a[2]) == 1 && !binary) f->line_buffering = true;
  if (a[2] && val_is_int(a[2]) && val_int(a[2]) == 0) {
    if (!binary) {
      close(fd);
      return err_set(&Exc_ValueError, "can't have unbuffered text I/O");
    }
    f->write_through = true;
  }
  if (appending) lseek(fd, 0, SEEK_END);
  if (writable) track_file(f);
  return (Value)f;
}

/* ---- methods ----------------------------------------------------------- */

static Value f_write(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("write", nargs, 1, 1)) return VAL_NULL;
  FileObject *f = check_open(self);
  if (!f) return VAL_NULL;
  Value v = args[0];
  if (f->binary) {
    const char *data;
    size_t len;
    if (!val_is_bytes(v) && !(val_is_obj(v) && val_type(v) == &ByteArrayType))
      return err_set(&Exc_TypeError, "a bytes-like object is required, not '%T'", v);
    if (!bytes_buffer(v, &data, &len)) return VAL_NULL;
    if (fileio_write(self, data, len) < 0) return VAL_NULL;
    return int_from_i64((int64_t)len);
  }
  if (!val_is_str(v)) return err_set(&Exc_TypeError, "write() argument must be str, not %T", v);
  if (fileio_write(self, str_cstr(v), (size_t)str_len_bytes(v)) < 0) return VAL_NULL;
  return int_from_i64(AS(StrObject, v)->nchars);
}

static Value f_writelines(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("writelines", nargs, 1, 1)) return VAL_NULL;
  if (!check_open(self)) return VAL_NULL;
  Value it = obj_iter(args[0]);
  if (!it) return VAL_NULL;
  Value line;
  while ((line = obj_next(it))) {
    if (!f_write(self, &line, 1, NULL)) return VAL_NULL;
  }
  if (err_occurred()) return VAL_NULL;
  return VAL_NONE;
}

static Value f_flush(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (fileio_flush(self) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value read_all(FileObject *f) {
  while (!f->eof)
    if (fill(f) < 0) return VAL_NULL;
  Value r = make_result(f, f->rbuf + f->rpos, f->rlen - f->rpos);
  f->rpos = f->rlen = 0;
  return r;
}

static Value f_read(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("read", nargs, 0, 1)) return VAL_NULL;
  FileObject *f = check_open(self);
  if (!f) return VAL_NULL;
  if (!f->readable) return unsupported("not readable");
  if (f->wlen && flush_buf(f) < 0) return VAL_NULL;
  ssize_t n = -1;
  if (nargs && args[0] != VAL_NONE) {
    n = obj_as_ssize(args[0]);
    if (n == -1 && err_occurred()) return VAL_NULL;
  }
  if (n < 0) return read_all(f);
  /* n bytes (binary) or n code points (text). */
  for (;;) {
    size_t avail = f->rlen - f->rpos, i = 0, count = 0;
    const char *s = f->rbuf + f->rpos;
    while (i < avail && count < (size_t)n) {
      i++;
      if (!f->binary)
        while (i < avail && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
      count++;
    }
    bool complete = count == (size_t)n && (f->binary || i < avail || f->eof ||
                                           (avail > 0 && ((unsigned char)s[avail - 1] & 0x80) == 0));
    if (complete || f->eof) {
      if (f->eof && count < (size_t)n) i = avail;
      f->rpos += i;
      return make_result(f, s, i);
    }
    if (fill(f) < 0) return VAL_NULL;
  }
}

static Value f_readline(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("readline", nargs, 0, 1)) return VAL_NULL;
  ssize_t limit = -1;
  if (nargs && args[0] != VAL_NONE) {
    limit = obj_as_ssize(args[0]);
    if (limit == -1 && err_occurred()) return VAL_NULL;
  }
  return fileio_readline(self, limit);
}

static Value f_readlines(Value self, Value *args, size_t nargs, TupleObject *kw) {
  Value l = list_new(0);
  for (;;) {
    Value line = fileio_readline(self, -1);
    if (!line) return VAL_NULL;
    if ((val_is_str(line) ? str_len_bytes(line) : AS(BytesObject, line)->len) == 0) break;
    list_append(l, line);
  }
  return l;
}

static int do_close(FileObject *f) {
  if (f->closed) return 0;
  untrack_file(f);
  int r = flush_buf(f);
  f->closed = true;
  if (f->closefd && f->fd >= 0) close(f->fd);
  free(f->rbuf);
  gc_account(-(ssize_t)f->rcap);
  f->rbuf = NULL;
  f->rpos = f->rlen = f->rcap = 0;
  return r;
}

static Value f_close(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (do_close(AS(FileObject, self)) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value f_seek(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!args_count("seek", nargs, 1, 2)) return VAL_NULL;
  FileObject *f = check_open(self);
  if (!f) return VAL_NULL;
  int64_t off;
  if (!int_to_i64(args[0], &off)) return VAL_NULL;
  int whence = 0;
  if (nargs > 1) {
    if (!val_is_int(args[1])) return err_set(&Exc_TypeError, "an integer is required");
    whence = (int)val_int(args[1]);
  }
  if (!f->binary && whence != 0 && off != 0) return unsupported(whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
  if (flush_buf(f) < 0) return VAL_NULL;
  drop_readahead(f);
  off_t r = lseek(f->fd, (off_t)off, whence);
  if (r < 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  return int_from_i64((int64_t)r);
}

static Value f_tell(Value self, Value *args, size_t nargs, TupleObject *kw) {
  FileObject *f = check_open(self);
  if (!f) return VAL_NULL;
  off_t r = lseek(f->fd, 0, SEEK_CUR);
  if (r < 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  r += (off_t)f->wlen - (off_t)(f->rlen - f->rpos);
  return int_from_i64((int64_t)r);
}

static Value f_truncate(Value self, Value *args, size_t nargs, TupleObject *kw) {
  FileObject *f = check_open(self);
  if (!f) return VAL_NULL;
  if (flush_buf(f) < 0) return VAL_NULL;
  drop_readahead(f);
  off_t size = lseek(f->fd, 0, SEEK_CUR);
  if (nargs && args[0] != VAL_NONE) {
    int64_t s;
    if (!int_to_i64(args[0], &s)) return VAL_NULL;
    size = (off_t)s;
  }
  if (ftruncate(f->fd, size) < 0) return err_set_from_errno(&Exc_OSError, errno, VAL_NULL);
  return int_from_i64((int64_t)size);
}

static Value f_fileno(Value self, Value *args, size_t nargs, TupleObject *kw) {
  FileObject *f = check_open(self);
  if (!f) return VAL_NULL;
  return val_from_int(f->fd);
}

static Value f_isatty(Value self, Value *args, size_t nargs, TupleObject *kw) {
  FileObject *f = check_open(self);
  if (!f) return VAL_NULL;
  return val_bool(isatty(f->fd));
}

static Value f_readable(Value self, Value *args, size_t nargs, TupleObject *kw) {
  FileObject *f = check_open(self);
  return f ? val_bool(f->readable) : VAL_NULL;
}
static Value f_writable(Value self, Value *args, size_t nargs, TupleObject *kw) {
  FileObject *f = check_open(self);
  return f ? val_bool(f->writable) : VAL_NULL;
}
static Value f_seekable(Value self, Value *args, size_t nargs, TupleObject *kw) {
  FileObject *f = check_open(self);
  return f ? val_bool(lseek(f->fd, 0, SEEK_CUR) >= 0) : VAL_NULL;
}

/* reconfigure(*, encoding, errors, newline, line_buffering, write_through):
 * only the buffering switches change anything here (text is always UTF-8). */
static Value f_reconfigure(Value self, Value *args, size_t nargs, TupleObject *kw) {
  static ArgSpec spec = ARGSPEC("reconfigure(*, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None)");
  Value a[5];
  if (!args_bind(&spec, args, nargs, kw, a)) return VAL_NULL;
  FileObject *f = check_open(self);
  if (!f) return VAL_NULL;
  if (flush_buf(f) < 0) return VAL_NULL;
  if (a[3] && a[3] != VAL_NONE) {
    int t = obj_truthy(a[3]);
    if (t < 0) return VAL_NULL;
    f->line_buffering = t;
  }
  if (a[4] && a[4] != VAL_NONE) {
    int t = obj_truthy(a[4]);
    if (t < 0) return VAL_NULL;
    f->write_through = t;
  }
  if (a[2] && a[2] != VAL_NONE && val_is_str(a[2])) f->universal = false;
  return VAL_NONE;
}

static Value f_enter(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (!check_open(self)) return VAL_NULL;
  return self;
}

static Value f_exit(Value self, Value *args, size_t nargs, TupleObject *kw) {
  if (do_close(AS(FileObject, self)) < 0) return VAL_NULL;
  return VAL_NONE;
}

static Value f_iter(Value self) {
  if (!check_open(self)) return VAL_NULL;
  return self;
}

static Value f_iternext(Value self) {
  Value line = fileio_readline(self, -1);
  if (!line) return VAL_NULL;
  ssize_t n = val_is_str(line) ? str_len_bytes(line) : AS(BytesObject, line)->len;
  return n ? line : VAL_NULL;
}

static Value f_repr(Value self) {
  FileObject *f = AS(FileObject, self);
  const char *tn = val_type(self)->name;
  if (f->closed) return err_format("<%s name=%R>", tn, f->name);
  if (f->binary) return err_format("<%s name=%R>", tn, f->name);
  return err_format("<%s name=%R mode=%R encoding=%R>", tn, f->name, f->mode, f->encoding);
}

static Value g_closed(Value self) { return val_bool(AS(FileObject, self)->closed); }
static Value g_name(Value self) { return AS(FileObject, self)->name; }
static Value g_mode(Value self) { return AS(FileObject, self)->mode; }
static Value g_encoding(Value self) {
  Value e = AS(FileObject, self)->encoding;
  if (!e) return err_set(&Exc_AttributeError, "'%T' object has no attribute 'encoding'", self);
  return e;
}
static Value g_line_buffering(Value self) { return val_bool(AS(FileObject, self)->line_buffering); }

/* text.buffer: a binary file on the same fd that writes through, after
 * flushing the text file's pending output so that the order holds. */
static Value g_buffer(Value self) {
  FileObject *f = AS(FileObject, self);
  if (f->binary) return err_set(&Exc_AttributeError, "'%T' object has no attribute 'buffer'", self);
  if (!f->buffer) {
    FileObject *b = file_alloc(type_for(true, f->readable, f->writable), f->fd);
    b->closefd = false;
    b->name = f->name;
    b->mode = str_from_cstr(f->readable && f->writable ? "rb+" : f->writable ? "wb" : "rb");
    b->readable = f->readable;
    b->writable = f->writable;
    b->binary = true;
    b->write_through = true;
    b->owner = self;
    f->buffer = (Value)b;
  }
  return f->buffer;
}

static void file_trace(Object *o) {
  FileObject *f = (FileObject *)o;
  gc_mark(f->dict);
  gc_mark(f->name);
  gc_mark(f->mode);
  gc_mark(f->encoding);
  gc_mark(f->buffer);
  gc_mark(f->owner);
}

/* Unreferenced files flush and close, as CPython's do when collected. */
static void file_finalize(Object *o) {
  FileObject *f = (FileObject *)o;
  untrack_file(f);
  if (!f->closed && f->wlen && !f->flushing) {
    const char *p = f->wbuf;
    size_t n = f->wlen;
    while (n > 0) {
      ssize_t w = write(f->fd, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) break;
      p += w;
      n -= (size_t)w;
    }
  }
  if (!f->closed && f->closefd && f->fd > 2) close(f->fd);
  f->closed = true;
  free(f->wbuf);
  free(f->rbuf);
  gc_account(-(ssize_t)(f->wcap + f->rcap));
  f->wbuf = f->rbuf = NULL;
  f->wcap = f->rcap = 0;
}

static const NativeDef file_methods[] = {
    {"write", f_write, NATIVE_METHOD, NULL},
    {"writelines", f_writelines, NATIVE_METHOD, NULL},
    {"flush", f_flush, NATIVE_METHOD, NULL},
    {"read", f_read, NATIVE_METHOD, NULL},
    {"readline", f_readline, NATIVE_METHOD, NULL},
    {"readlines", f_readlines, NATIVE_METHOD, NULL},
    {"close", f_close, NATIVE_METHOD, NULL},
    {"seek", f_seek, NATIVE_METHOD, NULL},
    {"tell", f_tell, NATIVE_METHOD, NULL},
    {"truncate", f_truncate, NATIVE_METHOD, NULL},
    {"fileno", f_fileno, NATIVE_METHOD, NULL},
    {"isatty", f_isatty, NATIVE_METHOD, NULL},
    {"readable", f_readable, NATIVE_METHOD, NULL},
    {"writable", f_writable, NATIVE_METHOD, NULL},
    {"seekable", f_seekable, NATIVE_METHOD, NULL},
    {"reconfigure", f_reconfigure, NATIVE_METHOD, NULL},
    {"__enter__", f_enter, NATIVE_METHOD, NULL},
    {"__exit__", f_exit, NATIVE_METHOD, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef file_getsets[] = {
    {"closed", g_closed, NULL},
    {"name", g_name, NULL},
    {"mode", g_mode, NULL},
    {"encoding", g_encoding, NULL},
    {"line_buffering", g_line_buffering, NULL},
    {"buffer", g_buffer, NULL},
    {NULL, NULL, NULL},
};

#define FILE_TYPE(var, tname)                   \
  TypeObject var = {                            \
      STATIC_OBJECT_HEADER(&TypeType),          \
      .name = tname,                            \
      .instance_size = sizeof(FileObject),      \
      .flags = TP_BASETYPE,                     \
      .trace = file_trace,                      \
      .finalize = file_finalize,                \
      .repr = f_repr,                           \
      .iter = f_iter,                           \
      .iternext = f_iternext,                   \
      .methods = file_methods,                  \
      .getsets = file_getsets,                  \
  };
FILE_TYPE(TextIOWrapperType, "_io.TextIOWrapper")
FILE_TYPE(BufferedReaderType, "_io.BufferedReader")
FILE_TYPE(BufferedWriterType, "_io.BufferedWriter")
FILE_TYPE(BufferedRandomType, "_io.BufferedRandom")

static void flush_slot(const char *name) {
  if (!sys_module) return;
  Value f = dict_get_cstr(module_dict(sys_module), name);
  if (!f || f == VAL_NONE) return;
  if (val_is_file(f)) {
    if (!AS(FileObject, f)->closed && flush_buf(AS(FileObject, f)) < 0) err_clear();
    return;
  }
  Value r = obj_call_method(f, NAME(flush), NULL, 0);
  if (!r) err_clear();
}

void fileio_flush_std(void) {
  Value saved = err_fetch();
  for (size_t i = 0; i < n_open_files; i++) {
    FileObject *f = open_files[i];
    if (!f->closed && f->wlen && flush_buf(f) < 0) err_clear();
  }
  flush_slot("stdout");
  flush_slot("__stdout__");
  flush_slot("stderr");
  flush_slot("__stderr__");
  if (saved) err_restore(saved);
}

/* ---- _io: the native half of the io module (stdlib/lib/io.py) --------- */

static Value io_open(Value self, Value *args, size_t nargs, TupleObject *kwnames) {
  return fileio_open(args, nargs, kwnames);
}

static const NativeDef io_functions[] = {
    {"open", io_open, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int io_module_init(Value module) {
  Value d = module_dict(module);
  dict_set_cstr(d, "TextIOWrapper", (Value)&TextIOWrapperType);
  dict_set_cstr(d, "BufferedReader", (Value)&BufferedReaderType);
  dict_set_cstr(d, "BufferedWriter", (Value)&BufferedWriterType);
  dict_set_cstr(d, "BufferedRandom", (Value)&BufferedRandomType);
  dict_set_cstr(d, "DEFAULT_BUFFER_SIZE", val_from_int(BUFSIZE));
  if (unsupported_operation) dict_set_cstr(d, "UnsupportedOperation", unsupported_operation);
  return 0;
}

const NativeModuleDef _io_module_def = {"_io", io_functions, io_module_init};

void fileio_init(void) {
  type_ready(&TextIOWrapperType);
  type_ready(&BufferedReaderType);
  type_ready(&BufferedWriterType);
  type_ready(&BufferedRandomType);
  gc_add_root(&unsupported_operation);
  Value bases = tuple_pack(2, (Value)&Exc_OSError, (Value)&Exc_ValueError);
  Value d = dict_new();
  dict_set_str(d, NAME(__module__), str_from_cstr("io"));
  dict_set_str(d, NAME(__qualname__), str_from_cstr("UnsupportedOperation"));
  unsupported_operation = type_new_class(&TypeType, str_from_cstr("UnsupportedOperation"), bases, d);
  if (!unsupported_operation) err_clear();
}
