# socket: UDP, non-blocking mode, options, makefile, shutdown, detach, select.
import os
import select
import socket

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(('127.0.0.1', 0))
u2.bind(('127.0.0.1', 0))
print(u1.sendto(b'ping', u2.getsockname()))
data, addr = u2.recvfrom(100)
print(data, addr == u1.getsockname())
u2.sendto(b'pong', 0, addr)
buf = bytearray(10)
n = u1.recv_into(buf)
print(n, bytes(buf[:n]))
u1.close()
u2.close()
print(u1.fileno())

a, b = socket.socketpair()
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno == 11)
b.setblocking(True)
print(b.gettimeout(), b.getblocking())
r, w, x = select.select([b], [], [], 0)
print(r)
a.sendall(b'line one\nline two\n')
r, w, x = select.select([b.fileno()], [], [], 1.0)
print(len(r))
f = b.makefile('rb')
print(f.readline(), f.readline())
f.close()
a.shutdown(socket.SHUT_WR)
print(b.recv(10))
fd = a.detach()
print(a.fileno(), fd >= 0)
os.close(fd)
b.close()

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
print(s.family == socket.AF_INET, s.type == socket.SOCK_STREAM)
s.settimeout(1.5)
print(s.gettimeout())
try:
    s.settimeout(-1)
except ValueError as e:
    print('ValueError', e)
s.close()
try:
    s.recv(1)
except OSError as e:
    print('OSError', e.errno)

srv = socket.create_server(('127.0.0.1', 0))
port = srv.getsockname()[1]
srv.settimeout(0.1)
try:
    srv.accept()
except TimeoutError as e:
    print('accept:', e)
c = socket.create_connection(('127.0.0.1', port))
conn, peer = srv.accept()
print(peer == c.getsockname(), conn.getpeername() == c.getsockname())
conn.settimeout(0.1)
try:
    conn.recv(10)
except socket.timeout as e:
    print('recv:', e)
c.close()
print(conn.recv(10))
conn.close()
srv.close()
print(socket.timeout is TimeoutError, socket.error is OSError)
print(issubclass(socket.gaierror, OSError))
print(socket.inet_ntop(socket.AF_INET6, socket.inet_pton(socket.AF_INET6, '::1')))
print(isinstance(socket.gethostname(), str))
