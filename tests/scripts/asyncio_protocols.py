# Protocol-based TCP with loop.create_server/create_connection: the order of
# the protocol callbacks, eof_received keeping a transport half-open, write
# flow control (pause_writing/resume_writing), pause_reading/resume_reading,
# BufferedProtocol, get_extra_info, Server's API and repr, transports'
# errors, and the errors of refused connections and busy addresses.
import asyncio
import socket


def log(*args):
    print(*args)


class EchoServer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        peer = transport.get_extra_info('peername')
        sock = transport.get_extra_info('socket')
        log('server: connection_made', peer[0], type(sock).__name__,
            transport.get_extra_info('sockname')[0], transport.get_extra_info('nope', 'dflt'))

    def data_received(self, data):
        log('server: data_received', data)
        self.transport.write(data.upper())

    def eof_received(self):
        log('server: eof_received, answering then closing')
        self.transport.write(b'BYE')
        self.transport.close()
        return True

    def connection_lost(self, exc):
        log('server: connection_lost', exc)


class HalfOpenClient(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.received = b''

    def connection_made(self, transport):
        log('client: connection_made', transport.is_closing(), transport.can_write_eof())
        transport.writelines([b'hello ', b'world'])
        self.transport = transport

    def data_received(self, data):
        self.received += data
        if self.received == b'HELLO WORLD':
            log('client: got', self.received, '-> write_eof')
            self.transport.write_eof()
            try:
                self.transport.write(b'more')
            except RuntimeError as e:
                log('client: RuntimeError', e)

    def eof_received(self):
        log('client: eof_received after', self.received)
        asyncio.get_running_loop().call_soon(self.still_open)
        return True

    def still_open(self):
        # True from eof_received: the transport stays open until closed.
        log('client: half-open, closing =', self.transport.is_closing())
        self.transport.close()

    def connection_lost(self, exc):
        log('client: connection_lost', exc, self.transport.is_closing())
        self.done.set_result(self.received)


class Sink(asyncio.Protocol):
    """Reads only when told to."""

    def __init__(self):
        self.total = 0
        self.eof = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.transport = transport
        transport.pause_reading()
        log('sink: paused, is_reading =', transport.is_reading())

    def data_received(self, data):
        self.total += len(data)

    def eof_received(self):
        self.eof.set_result(self.total)


class Flooder(asyncio.Protocol):
    def __init__(self):
        self.events = []
        self.resumed = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.transport = transport

    def pause_writing(self):
        self.events.append('pause')

    def resume_writing(self):
        self.events.append('resume')
        if not self.resumed.done():
            self.resumed.set_result(None)


class Collector(asyncio.BufferedProtocol):
    def __init__(self):
        self.buf = bytearray(4)
        self.data = bytearray()
        self.done = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        log('buffered: connection_made')

    def get_buffer(self, sizehint):
        return self.buf

    def buffer_updated(self, nbytes):
        self.data += self.buf[:nbytes]

    def eof_received(self):
        log('buffered: eof, got', bytes(self.data))

    def connection_lost(self, exc):
        self.done.set_result(None)


async def half_open():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoServer, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    fd = server.sockets[0].fileno()
    print(repr(server).replace(f", {port})", ", PORT)").replace(f"fd={fd},", "fd=N,"))
    print('serving:', server.is_serving(), server.get_loop() is loop)
    done = loop.create_future()
    transport, protocol = await loop.create_connection(
        lambda: HalfOpenClient(done), '127.0.0.1', port)
    print('create_connection returned', type(transport).__name__, type(protocol).__name__)
    print('received:', await done)
    server.close()
    print('serving after close:', server.is_serving(), server.sockets)
    await server.wait_closed()


async def flow_control():
    loop = asyncio.get_running_loop()
    sinks = []

    def make_sink():
        sinks.append(Sink())
        return sinks[-1]
    server = await loop.create_server(make_sink, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    transport, flooder = await loop.create_connection(Flooder, '127.0.0.1', port)
    transport.set_write_buffer_limits(high=1000)
    print('limits:', transport.get_write_buffer_limits())
    try:
        transport.set_write_buffer_limits(high=1, low=2)
    except ValueError as e:
        print('ValueError:', e)
    chunk = b'x' * 65536
    sent = 0
    while 'pause' not in flooder.events:
        transport.write(chunk)
        sent += len(chunk)
    print('paused writing with a buffer:', transport.get_write_buffer_size() > 1000)
    await asyncio.sleep(0.05)
    print('still paused while the peer does not read:', flooder.events)
    sinks[0].transport.resume_reading()
    await flooder.resumed
    print('events:', flooder.events, 'buffer:', transport.get_write_buffer_size() <= 250)
    transport.close()
    total = await sinks[0].eof
    print('sink read everything:', total == sent)
    server.close()


async def buffered():
    loop = asyncio.get_running_loop()

    async def send(reader, writer):
        writer.write(b'0123456789abcdef')
        await writer.drain()
        writer.close()
    server = await asyncio.start_server(send, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    transport, proto = await loop.create_connection(Collector, '127.0.0.1', port)
    await proto.done
    server.close()
    await server.wait_closed()


async def errors():
    loop = asyncio.get_running_loop()
    try:
        await loop.create_connection(asyncio.Protocol, '127.0.0.1', 1)
    except ConnectionRefusedError as e:
        print('ConnectionRefusedError:', e)
    server = await loop.create_server(asyncio.Protocol, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    try:
        await loop.create_server(asyncio.Protocol, '127.0.0.1', port, reuse_address=False)
    except OSError as e:
        print('OSError:', e.errno, str(e).replace(str(port), 'PORT'))
    for kwargs in [dict(), dict(host='127.0.0.1', port=port, sock=socket.socket())]:
        try:
            await loop.create_connection(asyncio.Protocol, **kwargs)
        except ValueError as e:
            print('ValueError:', e)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        await loop.create_server(asyncio.Protocol, sock=udp)
    except ValueError as e:
        print('ValueError:', str(e).split(',')[0])
    udp.close()
    transport, _ = await loop.create_connection(asyncio.Protocol, '127.0.0.1', port)
    try:
        transport.write('text')
    except TypeError as e:
        print('TypeError:', e)
    try:
        loop.add_reader(transport.get_extra_info('socket').fileno(), print)
    except RuntimeError as e:
        print('RuntimeError:', str(e).split(' is used')[0].replace(
            str(transport.get_extra_info('socket').fileno()), 'N'))
    transport.abort()
    print('after abort: closing =', transport.is_closing())
    await asyncio.sleep(0)
    server.close()

    # A server created without serving starts with start_serving().
    server = await loop.create_server(asyncio.Protocol, '127.0.0.1', 0, start_serving=False)
    print('start_serving=False:', server.is_serving())
    await server.start_serving()
    print('after start_serving():', server.is_serving())
    async with server:
        pass
    print('after async with:', server.is_serving())


async def serve_forever():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(asyncio.Protocol, '127.0.0.1', 0)
    task = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    try:
        await server.serve_forever()
    except RuntimeError as e:
        print('RuntimeError:', str(e).split(' is already')[0][:7], 'is already being awaited')
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('serve_forever cancelled; serving =', server.is_serving())


async def main():
    await half_open()
    print('--')
    await flow_control()
    print('--')
    await buffered()
    print('--')
    await errors()
    print('--')
    await serve_forever()
    print('transports:', issubclass(asyncio.Transport, asyncio.ReadTransport),
          issubclass(asyncio.Transport, asyncio.WriteTransport),
          asyncio.DatagramTransport.__mro__[1].__name__,
          asyncio.SubprocessTransport.__bases__[0].__name__,
          asyncio.transports.__all__)


asyncio.run(main())
