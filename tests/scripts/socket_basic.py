import socket, os, threading
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0))
srv.listen()
port = srv.getsockname()[1]
def serve():
    c, a = srv.accept()
    data = c.recv(100)
    c.sendall(b'echo:' + data)
    c.close()
t = threading.Thread(target=serve); t.start()
with socket.create_connection(('127.0.0.1', port), timeout=2) as s:
    s.sendall(b'hi')
    print(s.recv(100))
    print(s.gettimeout())
t.join()
srv.close()
s2 = socket.socket()
try:
    s2.connect(('127.0.0.1', port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e)
print(s2.connect_ex(('127.0.0.1', port)))
a, b = socket.socketpair()
b.settimeout(0.2)
try:
    b.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e)
a.send(b'x'); print(b.recv(10))
print(socket.gethostbyname('localhost'))
print(socket.inet_ntoa(socket.inet_aton('1.2.3.4')))
import select
print(select.select([a], [a], [], 0)[1] == [a])
