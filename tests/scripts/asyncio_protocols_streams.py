# Streams over the protocol layer: a StreamReader pauses its transport's
# reading when more than twice its limit is buffered and resumes it as the
# data is consumed; drain() waits while the transport has paused the
# writer's protocol; a StreamReaderProtocol works with create_connection
# directly; readline's limit error resumes reading too.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    total = 1 << 24
    drained = loop.create_future()

    async def blast(reader, writer):
        writer.transport.set_write_buffer_limits(high=4096)
        sent = 0
        pauses = 0
        while sent < total:
            writer.write(b'y' * 65536)
            sent += 65536
            if writer.transport.get_write_buffer_size() > 4096:
                pauses += 1
            await writer.drain()
        drained.set_result(pauses > 0)
        writer.close()

    server = await asyncio.start_server(blast, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader = asyncio.StreamReader(limit=1024)
    protocol = asyncio.StreamReaderProtocol(reader)
    transport, _ = await loop.create_connection(lambda: protocol, '127.0.0.1', port)
    for _ in range(500):  # until more than twice the limit has arrived
        if not transport.is_reading():
            break
        await asyncio.sleep(0.01)
    print('reader paused the transport:', 'paused' in repr(reader),
          not transport.is_reading())
    got = 0
    while True:
        chunk = await reader.read(65536)
        if not chunk:
            break
        got += len(chunk)
    print('read everything:', got == total, 'writer had to wait:', await drained)
    print('at eof:', reader.at_eof(), repr(reader).startswith('<StreamReader eof limit=1024'))
    transport.close()

    async def echo(reader, writer):
        while line := await reader.readline():
            writer.write(line)
            await writer.drain()
        writer.close()
    server2 = await asyncio.start_server(echo, '127.0.0.1', 0)
    port2 = server2.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port2, limit=16)
    writer.write(b'z' * 100 + b'\nshort\n')
    await writer.drain()
    await asyncio.sleep(0.05)
    try:
        await reader.readline()
    except ValueError as e:
        print('ValueError:', e)
    print('next line:', await reader.readline())
    print('reading again:', writer.transport.is_reading())
    writer.write_eof()
    print('eof:', await reader.read())
    writer.close()
    await writer.wait_closed()
    print('closed:', writer.is_closing(), writer.transport.get_extra_info('peername') is not None)
    try:
        await writer.drain()
    except ConnectionResetError as e:
        print('drain after close: ConnectionResetError:', e)
    server.close()
    server2.close()
    await server.wait_closed()


asyncio.run(main())
