# asyncio TCP echo server on 127.0.0.1 with 50 clients x 200 round trips.
import asyncio

CLIENTS, TRIPS = 50, 200


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()


async def client(port, k):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    ok = 0
    for i in range(TRIPS):
        msg = b"%d %d\n" % (k, i)
        writer.write(msg)
        await writer.drain()
        if await reader.readline() == msg:
            ok += 1
    writer.close()
    await writer.wait_closed()
    return ok


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    counts = await asyncio.gather(*[client(port, k) for k in range(CLIENTS)])
    server.close()
    await server.wait_closed()
    print("round trips:", sum(counts))


asyncio.run(main())
