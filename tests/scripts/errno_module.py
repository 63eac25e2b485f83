# errno: error numbers by name, errorcode back to names, and the numbers in
# OSError subclasses.
import errno
import os

print(errno.ENOENT, errno.EACCES, errno.EAGAIN == errno.EWOULDBLOCK, errno.EINTR)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK],
      errno.errorcode[errno.EOPNOTSUPP])
print(len(errno.errorcode), sorted(errno.errorcode.values())[:5])
try:
    os.remove('/nonexistent/file/for/errno/test')
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOENT, errno.errorcode[e.errno])
print(all(getattr(errno, name) == code for code, name in errno.errorcode.items()))
