"""A native call that releases the GIL runs in parallel with other threads.

Run: build/gilpy samples/gil/native_parallel.py

hashlib hashes a large buffer (2 KiB or more) with the GIL released, so
several threads hashing big buffers can use several cores at once, unlike
threads running Python code.  The digests are checked against a sequential
run.  No .out file: the timings depend on the machine and its core count.
"""
import hashlib
import os
import threading
import time

buffers = [bytes([i]) * (16 * 1024 * 1024) for i in range(4)]   # 4 x 16 MiB

start = time.perf_counter()
expected = [hashlib.sha256(b).hexdigest() for b in buffers]
sequential = time.perf_counter() - start

digests = [None] * len(buffers)


def hash_one(i):
    digests[i] = hashlib.sha256(buffers[i]).hexdigest()


start = time.perf_counter()
threads = [threading.Thread(target=hash_one, args=(i,)) for i in range(len(buffers))]
for t in threads:
    t.start()
for t in threads:
    t.join()
parallel = time.perf_counter() - start

print("same digests:", digests == expected)
print(f"sequential: {sequential:.3f} s")
print(f"4 threads : {parallel:.3f} s on {os.cpu_count()} cores")
print(f"speed-up  : {sequential / parallel:.2f}x")
