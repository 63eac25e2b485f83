# 1 000 sequential keep-alive GETs over one requests.Session against a
# minimal HTTP/1.1 server (socket + thread) started in this script.  Where
# the requests package is missing (CPython here), the same exchange is made
# with a raw socket client, so both interpreters print the same line.
import socket
import threading

N = 1000
BODY = b"hello"
RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n"
            b"Connection: keep-alive\r\n\r\n%s" % (len(BODY), BODY))


def serve_conn(conn):
    buf = b""
    with conn:
        while True:
            while b"\r\n\r\n" not in buf:
                data = conn.recv(65536)
                if not data:
                    return
                buf += data
            _, buf = buf.split(b"\r\n\r\n", 1)
            conn.sendall(RESPONSE)


def serve(listener):
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=serve_conn, args=(conn,), daemon=True).start()


def raw_gets(port):
    ok = 0
    with socket.create_connection(("127.0.0.1", port)) as s:
        f = s.makefile("rb")
        for i in range(N):
            s.sendall(b"GET /item/%d HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      b"Connection: keep-alive\r\n\r\n" % i)
            status = f.readline().split()[1]
            length = 0
            while True:
                line = f.readline()
                if line == b"\r\n":
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if status == b"200" and f.read(length) == BODY:
                ok += 1
    return ok


def requests_gets(requests, port):
    ok = 0
    with requests.Session() as s:
        for i in range(N):
            r = s.get("http://127.0.0.1:%d/item/%d" % (port, i))
            if r.status_code == 200 and r.content == BODY:
                ok += 1
    return ok


listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(16)
port = listener.getsockname()[1]
threading.Thread(target=serve, args=(listener,), daemon=True).start()
try:
    import requests
except ImportError:
    ok = raw_gets(port)
else:
    ok = requests_gets(requests, port)
print("200 responses:", ok)
