# UDP with loop.create_datagram_endpoint: a server endpoint bound with
# local_addr answers datagrams through sendto(data, addr); a client endpoint
# connected with remote_addr sends with sendto(data); an ICMP "port
# unreachable" reaches the connected client's error_received; argument
# errors; sock_sendto/sock_recvfrom on a plain non-blocking socket.
import asyncio
import socket


class Reverser(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
        print('server: connection_made', type(transport).__name__,
              isinstance(transport, asyncio.DatagramTransport))

    def datagram_received(self, data, addr):
        print('server: got', data, 'from the client:', addr == self.client_addr)
        self.transport.sendto(data[::-1], addr)

    def connection_lost(self, exc):
        print('server: connection_lost', exc)


class Client(asyncio.DatagramProtocol):
    def __init__(self):
        self.replies = asyncio.Queue()

    def connection_made(self, transport):
        print('client: connection_made, peer set:', transport.get_extra_info('peername') is not None)

    def datagram_received(self, data, addr):
        self.replies.put_nowait(data)

    def error_received(self, exc):
        self.replies.put_nowait(exc)

    def connection_lost(self, exc):
        print('client: connection_lost', exc)


async def main():
    loop = asyncio.get_running_loop()
    server_t, server_p = await loop.create_datagram_endpoint(
        Reverser, local_addr=('127.0.0.1', 0))
    server_addr = server_t.get_extra_info('sockname')
    client_t, client_p = await loop.create_datagram_endpoint(
        Client, remote_addr=server_addr)
    server_p.client_addr = client_t.get_extra_info('sockname')
    for word in [b'stressed', b'drawer', b'live']:
        client_t.sendto(word)
        print('client: reply', await asyncio.wait_for(client_p.replies.get(), 5))
    try:
        client_t.sendto(b'x', ('127.0.0.1', 9))
    except ValueError as e:
        print('ValueError:', str(e).split(' or ')[0])
    try:
        client_t.sendto('text')
    except TypeError as e:
        print('TypeError:', e)
    print('buffer size:', client_t.get_write_buffer_size())
    client_t.close()
    server_t.close()
    print('closing:', client_t.is_closing(), server_t.is_closing())
    await asyncio.sleep(0.01)

    # Nobody listens on the closed server's port any more: the connected
    # client hears of it through error_received.
    client_t, client_p = await loop.create_datagram_endpoint(
        Client, remote_addr=server_addr)
    client_t.sendto(b'anyone?')
    err = await asyncio.wait_for(client_p.replies.get(), 5)
    print('error_received:', type(err).__name__)
    client_t.abort()
    await asyncio.sleep(0)

    for kwargs in [dict(), dict(local_addr='127.0.0.1'),
                   dict(sock=socket.socket(), local_addr=('127.0.0.1', 0))]:
        try:
            await loop.create_datagram_endpoint(asyncio.DatagramProtocol, **kwargs)
        except (ValueError, TypeError) as e:
            print(type(e).__name__ + ':', str(e).split(',')[0])
        if 'sock' in kwargs:
            kwargs['sock'].close()

    # sock_sendto / sock_recvfrom on non-blocking sockets.
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for s in (a, b):
        s.bind(('127.0.0.1', 0))
        s.setblocking(False)
    recv = asyncio.create_task(loop.sock_recvfrom(b, 100))
    await asyncio.sleep(0)
    print('sock_sendto sent', await loop.sock_sendto(a, b'ping', b.getsockname()))
    data, addr = await recv
    print('sock_recvfrom', data, addr == a.getsockname())
    a.close()
    b.close()


asyncio.run(main())
