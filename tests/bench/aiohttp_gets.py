# 1 000 concurrent GETs against a local asyncio HTTP/1.1 server.  gilpy uses
# its aiohttp client; where aiohttp is missing (CPython here) the same
# exchange is made with asyncio streams, one connection per request.
import asyncio

N = 1000
BODY = b"hello"


async def handle(reader, writer):
    while True:
        head = await reader.readuntil(b"\r\n\r\n")
        keep = b"connection: close" not in head.lower()
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n"
                     b"Connection: %s\r\n\r\n%s"
                     % (len(BODY), b"keep-alive" if keep else b"close", BODY))
        await writer.drain()
        if not keep or reader.at_eof():
            break
    writer.close()


async def handle_safe(reader, writer):
    try:
        await handle(reader, writer)
    except (asyncio.IncompleteReadError, ConnectionError):
        writer.close()


async def stream_get(port, i, sem):
    async with sem:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /item/%d HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" % i)
        data = await reader.read()
        writer.close()
        await writer.wait_closed()
        return data.startswith(b"HTTP/1.1 200 ") and data.endswith(b"\r\n\r\n" + BODY)


async def aiohttp_get(session, port, i):
    async with session.get("http://127.0.0.1:%d/item/%d" % (port, i)) as r:
        return r.status == 200 and await r.read() == BODY


async def main():
    server = await asyncio.start_server(handle_safe, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    try:
        import aiohttp
    except ImportError:
        sem = asyncio.Semaphore(100)
        results = await asyncio.gather(*[stream_get(port, i, sem) for i in range(N)])
    else:
        async with aiohttp.ClientSession() as session:
            results = await asyncio.gather(*[aiohttp_get(session, port, i) for i in range(N)])
    server.close()
    await server.wait_closed()
    print("200 responses:", sum(results))


asyncio.run(main())
