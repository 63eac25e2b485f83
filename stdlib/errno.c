/* errno.c — the errno module: the platform's error numbers by name, and
 * errorcode mapping each number back to its name.
 *
 * The names are CPython's list for Linux, values from glibc's <errno.h>.
 * Aliases come first so that errorcode keeps the name CPython keeps
 * (EAGAIN over EWOULDBLOCK, EDEADLOCK over EDEADLK, ENOTSUP over
 * EOPNOTSUPP).
 */
#include <errno.h>

#include "runtime/dict.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"

#define ERRNO_NAMES(X) \
  X(EWOULDBLOCK) \
  X(EDEADLK) \
  X(EOPNOTSUPP) \
  X(E2BIG) \
  X(EACCES) \
  X(EADDRINUSE) \
  X(EADDRNOTAVAIL) \
  X(EADV) \
  X(EAFNOSUPPORT) \
  X(EAGAIN) \
  X(EALREADY) \
  X(EBADE) \
  X(EBADF) \
  X(EBADFD) \
  X(EBADMSG) \
  X(EBADR) \
  X(EBADRQC) \
  X(EBADSLT) \
  X(EBFONT) \
  X(EBUSY) \
  X(ECANCELED) \
  X(ECHILD) \
  X(ECHRNG) \
  X(ECOMM) \
  X(ECONNABORTED) \
  X(ECONNREFUSED) \
  X(ECONNRESET) \
  X(EDEADLOCK) \
  X(EDESTADDRREQ) \
  X(EDOM) \
  X(EDOTDOT) \
  X(EDQUOT) \
  X(EEXIST) \
  X(EFAULT) \
  X(EFBIG) \
  X(EHOSTDOWN) \
  X(EHOSTUNREACH) \
  X(EIDRM) \
  X(EILSEQ) \
  X(EINPROGRESS) \
  X(EINTR) \
  X(EINVAL) \
  X(EIO) \
  X(EISCONN) \
  X(EISDIR) \
  X(EISNAM) \
  X(EKEYEXPIRED) \
  X(EKEYREJECTED) \
  X(EKEYREVOKED) \
  X(EL2HLT) \
  X(EL2NSYNC) \
  X(EL3HLT) \
  X(EL3RST) \
  X(ELIBACC) \
  X(ELIBBAD) \
  X(ELIBEXEC) \
  X(ELIBMAX) \
  X(ELIBSCN) \
  X(ELNRNG) \
  X(ELOOP) \
  X(EMEDIUMTYPE) \
  X(EMFILE) \
  X(EMLINK) \
  X(EMSGSIZE) \
  X(EMULTIHOP) \
  X(ENAMETOOLONG) \
  X(ENAVAIL) \
  X(ENETDOWN) \
  X(ENETRESET) \
  X(ENETUNREACH) \
  X(ENFILE) \
  X(ENOANO) \
  X(ENOBUFS) \
  X(ENOCSI) \
  X(ENODATA) \
  X(ENODEV) \
  X(ENOENT) \
  X(ENOEXEC) \
  X(ENOKEY) \
  X(ENOLCK) \
  X(ENOLINK) \
  X(ENOMEDIUM) \
  X(ENOMEM) \
  X(ENOMSG) \
  X(ENONET) \
  X(ENOPKG) \
  X(ENOPROTOOPT) \
  X(ENOSPC) \
  X(ENOSR) \
  X(ENOSTR) \
  X(ENOSYS) \
  X(ENOTBLK) \
  X(ENOTCONN) \
  X(ENOTDIR) \
  X(ENOTEMPTY) \
  X(ENOTNAM) \
  X(ENOTRECOVERABLE) \
  X(ENOTSOCK) \
  X(ENOTSUP) \
  X(ENOTTY) \
  X(ENOTUNIQ) \
  X(ENXIO) \
  X(EOVERFLOW) \
  X(EOWNERDEAD) \
  X(EPERM) \
  X(EPFNOSUPPORT) \
  X(EPIPE) \
  X(EPROTO) \
  X(EPROTONOSUPPORT) \
  X(EPROTOTYPE) \
  X(ERANGE) \
  X(EREMCHG) \
  X(EREMOTE) \
  X(EREMOTEIO) \
  X(ERESTART) \
  X(ERFKILL) \
  X(EROFS) \
  X(ESHUTDOWN) \
  X(ESOCKTNOSUPPORT) \
  X(ESPIPE) \
  X(ESRCH) \
  X(ESRMNT) \
  X(ESTALE) \
  X(ESTRPIPE) \
  X(ETIME) \
  X(ETIMEDOUT) \
  X(ETOOMANYREFS) \
  X(ETXTBSY) \
  X(EUCLEAN) \
  X(EUNATCH) \
  X(EUSERS) \
  X(EXDEV) \
  X(EXFULL)

static int errno_init(Value module) {
  Value d = module_dict(module);
  Value errorcode = dict_new();
  dict_set_cstr(d, "errorcode", errorcode);
#define ADD(name)                                                    \
  dict_set_cstr(d, #name, val_from_int(name));                       \
  if (dict_set(errorcode, val_from_int(name), str_from_cstr(#name)) < 0) return -1;
  ERRNO_NAMES(ADD)
#undef ADD
  return 0;
}

static const NativeDef errno_functions[] = {
    {NULL, NULL, 0, NULL},
};

const NativeModuleDef errno_module_def = {"errno", errno_functions, errno_init};
