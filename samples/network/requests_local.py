"""requests against a tiny HTTP/1.1 server written with sockets in this script.

Run: build/gilpy samples/network/requests_local.py

The server answers GET /hello, GET /json, POST /echo and 404 otherwise, one
thread per connection; the client uses requests, which blocks in socket
calls and so lets the server thread run.
"""
import concurrent.futures
import json
import socket
import threading

import requests


def respond(conn, status, body, content_type="text/plain"):
    head = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n")
    conn.sendall(head.encode() + body)


def handle(conn):
    with conn:
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(4096)
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode().split("\r\n")
        method, path, _ = lines[0].split(" ")
        headers = {k.lower(): v for k, v in (line.split(": ", 1) for line in lines[1:])}
        while len(body) < int(headers.get("content-length", 0)):
            body += conn.recv(4096)
        if method == "GET" and path == "/hello":
            respond(conn, "200 OK", b"hello from a socket server")
        elif method == "GET" and path.startswith("/json"):
            query = path.partition("?")[2]
            respond(conn, "200 OK", json.dumps({"query": query}).encode(), "application/json")
        elif method == "POST" and path == "/echo":
            respond(conn, "200 OK", body, headers.get("content-type", "text/plain"))
        else:
            respond(conn, "404 Not Found", b"no such page")


def serve(listener):
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=handle, args=(conn,)).start()


listener = socket.create_server(("127.0.0.1", 0))
base = "http://127.0.0.1:%d" % listener.getsockname()[1]
# A daemon thread: it does not keep the program alive once the main thread ends.
threading.Thread(target=serve, args=(listener,), daemon=True).start()

r = requests.get(base + "/hello")
print(r.status_code, r.reason, r.headers["Content-Type"], repr(r.text))

r = requests.get(base + "/json", params={"q": "gil"})
print(r.status_code, r.json())

r = requests.post(base + "/echo", json={"threads": 4, "gil": True})
print(r.status_code, r.headers["Content-Type"], r.json())

r = requests.get(base + "/missing")
print(r.status_code, r.ok, r.text)
try:
    r.raise_for_status()
except requests.HTTPError as e:
    print("HTTPError:", str(e).replace(base, "BASE"))

# Several requests from threads at once, answered by several handler threads.
with concurrent.futures.ThreadPoolExecutor(max_workers=5) as pool:
    print(list(pool.map(lambda i: requests.get(f"{base}/json?n={i}").json()["query"],
                        range(5))))
