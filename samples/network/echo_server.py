"""A TCP echo server and its client in one script, using threads.

Run: build/gilpy samples/network/echo_server.py

The server listens on 127.0.0.1 port 0: the system picks a free port, which
getsockname() tells.  One thread per connection; recv() and accept() wait
without holding the GIL.
"""
import socket
import threading


def handle(conn):
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:                    # the client closed its side
                break
            conn.sendall(data.upper())


stopping = threading.Event()


def serve(listener):
    while True:
        conn, _ = listener.accept()
        if stopping.is_set():               # the wake-up connection: stop
            conn.close()
            return
        threading.Thread(target=handle, args=(conn,)).start()


listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen()
host, port = listener.getsockname()
print("listening on", host, "port chosen by the system:", port > 0)
server = threading.Thread(target=serve, args=(listener,))
server.start()

# A client: connect, send, read the answer.
with socket.create_connection((host, port)) as client:
    for message in [b"hello", b"echo me", b"bye"]:
        client.sendall(message)
        print(message, "->", client.recv(1024))

# Two clients at once are served by two handler threads.
a = socket.create_connection((host, port))
b = socket.create_connection((host, port))
b.sendall(b"second")
a.sendall(b"first")
print(a.recv(1024), b.recv(1024))
a.close()
b.close()

# accept() blocks: to stop the server, set the flag, then wake it up.
stopping.set()
socket.create_connection((host, port)).close()
server.join()
listener.close()
print("server stopped")
