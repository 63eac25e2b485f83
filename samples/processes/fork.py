"""os.fork: the system call underneath multiprocessing on Linux.

Run: build/gilpy samples/processes/fork.py

fork() returns twice: 0 in the child, the child's pid in the parent.  The
child is a copy of the parent's memory at that moment.
"""
import os
import sys

data = ["from the parent"]
r, w = os.pipe()                 # a way for the child to talk back

pid = os.fork()
if pid == 0:
    # Child: change our copy of data and report it through the pipe.
    os.close(r)
    data.append("added in the child")
    os.write(w, repr(data).encode())
    os.close(w)
    os._exit(7)                  # leave at once: no cleanup of the parent's state

# Parent.
os.close(w)
message = b""
while chunk := os.read(r, 1024):
    message += chunk
os.close(r)
_, status = os.waitpid(pid, 0)
print("child said:", message.decode())
print("parent still has:", data)
print("child exited normally:", os.WIFEXITED(status), "with code", os.WEXITSTATUS(status))

# Output buffered before a fork would be printed twice (once per process):
# flush first.
print("flushing before the second fork")
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("second child here")
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
print("second child done")
