# Streams: start_server/open_connection, readline/readuntil/readexactly/read,
# write/drain/write_eof/close/wait_closed, refused connections.
import asyncio


async def handle(reader, writer):
    peer = writer.get_extra_info('peername')
    print('server: connection', peer[0])
    while True:
        line = await reader.readline()
        if not line:
            break
        print('server got', line)
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()
    print('server: closed')


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for msg in (b'hello\n', b'world\n'):
        writer.write(msg)
        await writer.drain()
        print('client got', await reader.readline())
    writer.write(b'abc:def;\n')
    await writer.drain()
    print(await reader.readuntil(b':'), await reader.readexactly(4), await reader.readline())
    writer.write(b'x' * 50000 + b'\n')
    await writer.drain()
    data = await reader.readline()
    print(len(data))
    writer.write_eof()
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.01)
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError as e:
        print('refused', type(e).__name__)
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print('incomplete', e)

asyncio.run(main())
