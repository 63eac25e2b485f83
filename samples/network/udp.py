"""UDP: datagrams, no connection.  Each recvfrom() returns one whole datagram.

Run: build/gilpy samples/network/udp.py
"""
import socket
import threading

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
address = server.getsockname()


def reverse_server(count):
    for _ in range(count):
        data, sender = server.recvfrom(1024)     # blocks without holding the GIL
        server.sendto(data[::-1], sender)


t = threading.Thread(target=reverse_server, args=(3,))
t.start()

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(5)
for word in [b"stressed", b"drawer", b"live"]:
    client.sendto(word, address)
    reply, sender = client.recvfrom(1024)
    print(word, "->", reply, "| from the server:", sender == address)
t.join()

# With a timeout, waiting for a datagram that never comes raises.
client.settimeout(0.02)
try:
    client.recvfrom(1024)
except socket.timeout as e:
    print("timeout:", e, "| socket.timeout is TimeoutError:", socket.timeout is TimeoutError)
client.close()
server.close()
