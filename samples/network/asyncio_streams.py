"""asyncio streams: a TCP server and clients as coroutines on one event loop.

Run: build/gilpy samples/network/asyncio_streams.py

Each connection gets its own handler task; awaiting a read suspends only
that task, so one thread serves all connections.
"""
import asyncio


handlers = []                               # the server's per-connection tasks


async def handle(reader, writer):
    # A line-based protocol: "ADD a b" or "QUIT".
    handlers.append(asyncio.current_task())
    while True:
        line = await reader.readline()
        if not line:
            break
        command, *args = line.decode().split()
        if command == "QUIT":
            writer.write(b"bye\n")
            break
        if command == "ADD":
            writer.write(f"{sum(int(a) for a in args)}\n".encode())
        else:
            writer.write(f"unknown command {command}\n".encode())
        await writer.drain()                # wait if the send buffer is full
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, commands):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    answers = []
    for command in commands:
        writer.write(command.encode() + b"\n")
        answers.append((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    return answers


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        # Three clients talk to the server at the same time.
        results = await asyncio.gather(
            client(port, ["ADD 1 2", "ADD 10 20 30", "QUIT"]),
            client(port, ["HELLO", "QUIT"]),
            client(port, ["ADD 5", "ADD -5 5", "QUIT"]),
        )
        for answers in results:
            print(answers)

        # readexactly() and a read that times out.
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"ADD 40 2\n")
        print("readexactly:", await reader.readexactly(3))
        try:
            await asyncio.wait_for(reader.readline(), timeout=0.05)
        except asyncio.TimeoutError:
            print("no more lines within 0.05 s")
        writer.close()
        await writer.wait_closed()
    print("server closed:", not server.is_serving())
    # Closing the server stops new connections, not running handlers: wait
    # for them, or asyncio.run() would cancel them on the way out.
    await asyncio.gather(*handlers)
    print("handlers finished:", len(handlers))


asyncio.run(main())
