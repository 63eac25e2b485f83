"""I/O-bound threads do overlap: a thread that waits gives the GIL away.

Run: build/gilpy samples/gil/io_bound.py

time.sleep() and blocking socket calls release the GIL while they wait, so
ten threads each waiting 0.2 s finish in about 0.2 s, not 2 s.
No .out file: the output is timings, which depend on the machine.
"""
import socket
import threading
import time


def fake_download(results, i):
    time.sleep(0.2)                  # stands for waiting on the network
    results[i] = f"page {i}"


results = [None] * 10
start = time.perf_counter()
threads = [threading.Thread(target=fake_download, args=(results, i)) for i in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"10 sleeps of 0.2 s in threads: {time.perf_counter() - start:.2f} s")

# The same with real socket waits: each reader blocks in recv() until the
# main thread answers, after 0.2 s for all of them at once.
pairs = [socket.socketpair() for _ in range(5)]
received = []


def reader(sock):
    received.append(sock.recv(100))  # blocks without holding the GIL


start = time.perf_counter()
readers = [threading.Thread(target=reader, args=(b,)) for a, b in pairs]
for t in readers:
    t.start()
time.sleep(0.2)
for a, b in pairs:
    a.sendall(b"data")
for t in readers:
    t.join()
print(f"5 readers waiting 0.2 s on sockets: {time.perf_counter() - start:.2f} s")
print("received:", sorted(received))
for a, b in pairs:
    a.close()
    b.close()
