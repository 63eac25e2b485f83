# The loop's sock_* coroutines on non-blocking sockets: sock_accept,
# sock_connect, sock_sendall (more than the socket buffer takes at once),
# sock_recv, sock_recv_into, a cancelled sock_recv that leaves the socket
# usable, errors, debug mode's blocking-socket check, getaddrinfo in the
# executor, and Unix domain sockets (create_unix_server/connection and the
# unix stream helpers).
import asyncio
import os
import socket


async def tcp():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen()
    listener.setblocking(False)
    client = socket.socket()
    client.setblocking(False)
    accept = asyncio.create_task(loop.sock_accept(listener))
    await loop.sock_connect(client, listener.getsockname())
    conn, addr = await accept
    print('accepted from', addr[0], 'non-blocking:', conn.gettimeout() == 0)

    payload = bytes(range(256)) * 8192  # 2 MiB: needs many writable events
    send = asyncio.create_task(loop.sock_sendall(client, payload))
    received = bytearray()
    while len(received) < len(payload):
        chunk = await loop.sock_recv(conn, 65536)
        if not chunk:
            break
        received += chunk
    print('sendall result:', await send, 'intact:', bytes(received) == payload)

    buf = bytearray(5)
    await loop.sock_sendall(conn, b'abcdefgh')
    n = await loop.sock_recv_into(client, buf)
    print('recv_into:', n, bytes(buf[:n]))
    rest = await loop.sock_recv(client, 100)
    print('rest:', rest)

    # A cancelled receive takes its reader callback away.
    pending = asyncio.create_task(loop.sock_recv(client, 10))
    await asyncio.sleep(0.01)
    pending.cancel()
    try:
        await pending
    except asyncio.CancelledError:
        print('sock_recv cancelled; reader left:', loop.remove_reader(client))
    await loop.sock_sendall(conn, b'after')
    print('still usable:', await loop.sock_recv(client, 10))

    conn.close()
    print('peer closed ->', await loop.sock_recv(client, 10))
    client.close()
    listener.close()

    refused = socket.socket()
    refused.setblocking(False)
    try:
        await loop.sock_connect(refused, ('127.0.0.1', 1))
    except ConnectionRefusedError as e:
        print('ConnectionRefusedError:', e)
    refused.close()

    blocking = socket.socket()
    loop.set_debug(True)
    try:
        await loop.sock_recv(blocking, 1)
    except ValueError as e:
        print('debug mode, blocking socket -> ValueError:', e)
    loop.set_debug(False)
    blocking.close()

    infos = await loop.getaddrinfo('127.0.0.1', 80, type=socket.SOCK_STREAM)
    print('getaddrinfo:', [(f == socket.AF_INET, t == socket.SOCK_STREAM, a) for f, t, p, c, a in infos])


class Upper(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data.upper())


async def unix():
    loop = asyncio.get_running_loop()
    d = f'/tmp/asyncio_sock_ops_{os.getpid()}'
    os.mkdir(d)
    path = os.path.join(d, 'sock')
    try:
        server = await loop.create_unix_server(Upper, path)
        print('unix server family:', server.sockets[0].family == socket.AF_UNIX,
              'named:', server.sockets[0].getsockname() == path)
        reader, writer = await asyncio.open_unix_connection(path)
        writer.write(b'over a unix socket\n')
        print('unix reply:', await reader.readline())
        writer.close()
        await writer.wait_closed()
        server.close()
        await server.wait_closed()

        # A stale socket file from a closed server is replaced.
        async def handle(reader, writer):
            line = await reader.readline()
            if line:
                writer.write(b'stream: ' + line)
                await writer.drain()
            writer.close()
        server = await asyncio.start_unix_server(handle, path)
        transport, proto = await loop.create_unix_connection(asyncio.Protocol, path)
        transport.close()
        reader, writer = await asyncio.open_unix_connection(path)
        writer.write(b'hi\n')
        print(await reader.read())
        writer.close()
        server.close()
        try:
            await loop.create_unix_connection(asyncio.Protocol, os.path.join(d, 'missing'))
        except FileNotFoundError as e:
            print('FileNotFoundError:', e.errno)
        try:
            await loop.create_unix_connection(asyncio.Protocol)
        except ValueError as e:
            print('ValueError:', e)
    finally:
        os.remove(path)
        os.rmdir(d)


async def main():
    await tcp()
    await unix()


asyncio.run(main())
