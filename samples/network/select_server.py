"""One thread serving many connections with select.select().

Run: build/gilpy samples/network/select_server.py

select() waits until some socket is readable, so a single thread can serve
every client without blocking on any one of them (what an event loop does).
"""
import select
import socket
import threading

listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen()
address = listener.getsockname()


def serve(expected_clients):
    sockets = [listener]
    served = 0
    totals = {}
    while served < expected_clients:
        readable, _, _ = select.select(sockets, [], [], 5)
        for s in readable:
            if s is listener:
                conn, _ = listener.accept()
                sockets.append(conn)
                totals[conn] = 0
                continue
            data = s.recv(1024)
            if data:
                # Each line is a number: answer with the running total.
                for line in data.decode().split():
                    totals[s] += int(line)
                s.sendall(f"{totals[s]}\n".encode())
            else:
                sockets.remove(s)
                s.close()
                served += 1


server = threading.Thread(target=serve, args=(3,))
server.start()


def client(numbers, answers):
    with socket.create_connection(address) as c:
        reader = c.makefile("r")
        for n in numbers:
            c.sendall(f"{n}\n".encode())
            answers.append(int(reader.readline()))
        reader.close()


jobs = {"small": [1, 2, 3], "tens": [10, 20, 30, 40], "big": [1000]}
answers = {name: [] for name in jobs}
clients = [threading.Thread(target=client, args=(jobs[name], answers[name])) for name in jobs]
for c in clients:
    c.start()
for c in clients:
    c.join()
server.join()
listener.close()
for name in jobs:
    print(f"{name:5} sent {jobs[name]} running totals {answers[name]}")

# select() with a timeout and nothing ready returns three empty lists.
a, b = socket.socketpair()
print("idle:", select.select([a], [], [], 0.01))
b.send(b"x")
print("ready to read:", select.select([a], [], [], 0.01)[0] == [a])
a.close()
b.close()
