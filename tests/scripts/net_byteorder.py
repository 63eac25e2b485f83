# socket.htons/ntohs/htonl/ntohl: results and CPython 3.11's argument errors.
import socket
for f in (socket.htons, socket.ntohs, socket.htonl, socket.ntohl):
    for v in (1, 0x1234, 0, 65535, -1, 70000, 2**31, -2**31 - 1, 2**32, 2**70, -2**70, 'x', 1.5, True):
        try: print(f.__name__, repr(v), f(v))
        except Exception as e: print(f.__name__, repr(v), type(e).__name__, e)
print(socket.htonl(0xffffffff), socket.inet_aton('1.2.3.4'), socket.gethostbyname('localhost'))
