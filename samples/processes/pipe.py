"""multiprocessing.Pipe: a two-way connection between two processes.

Run: build/gilpy samples/processes/pipe.py
"""
import multiprocessing


def calculator(conn):
    # Serves requests until the other end sends "quit".
    while True:
        op, a, b = conn.recv()
        if op == "quit":
            conn.send("bye")
            break
        if op == "add":
            conn.send(a + b)
        elif op == "mul":
            conn.send(a * b)
        else:
            conn.send(f"unknown operation {op!r}")
    conn.close()


if __name__ == "__main__":
    parent_end, child_end = multiprocessing.Pipe()   # duplex by default
    p = multiprocessing.Process(target=calculator, args=(child_end,))
    p.start()

    for request in [("add", 2, 3), ("mul", 6, 7), ("pow", 2, 8), ("quit", 0, 0)]:
        parent_end.send(request)
        print(request, "->", parent_end.recv())
    p.join()

    # poll() tells whether data is waiting, without blocking.
    print("anything more?", parent_end.poll(0.01))

    # A one-way pipe: the first end only receives, the second only sends.
    reader, writer = multiprocessing.Pipe(duplex=False)
    p = multiprocessing.Process(target=writer.send_bytes, args=(b"raw bytes",))
    p.start()
    print(reader.recv_bytes())
    p.join()
