# selectors over socketpairs: readiness, data, modify, unregister.
import selectors
import socket

sel = selectors.DefaultSelector()
a, b = socket.socketpair()
c, d = socket.socketpair()
sel.register(b, selectors.EVENT_READ, data='b')
sel.register(d, selectors.EVENT_READ, data='d')
print(sel.select(0))
a.send(b'hello')
events = sel.select(1)
print([(k.data, ev) for k, ev in events])
print(events[0][0].fileobj.recv(10))
sel.modify(d, selectors.EVENT_READ | selectors.EVENT_WRITE, data='dw')
print(sorted((k.data, ev) for k, ev in sel.select(0)))
sel.unregister(d)
try:
    sel.get_key(d)
except KeyError:
    print('KeyError')
print(len(sel.get_map()))
try:
    sel.register(b, selectors.EVENT_READ)
except KeyError:
    print('already registered')
sel.close()
for s in (a, b, c, d):
    s.close()
