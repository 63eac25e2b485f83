import hashlib, threading
data = bytes(range(256)) * 4000
h = hashlib.sha256()
def w():
    for _ in range(20): h.update(data)
ts = [threading.Thread(target=w) for _ in range(4)]
[t.start() for t in ts]; [t.join() for t in ts]
print(h.hexdigest() == hashlib.sha256(data * 80).hexdigest())
res = []
def w2(i): res.append(hashlib.md5(data + bytes([i])).hexdigest())
ts = [threading.Thread(target=w2, args=(i,)) for i in range(8)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sorted(res) == sorted(hashlib.md5(data + bytes([i])).hexdigest() for i in range(8)))
