# aiohttp client errors: connection refused (ClientConnectorError), total
# and sock_read timeouts, a server that closes without answering, invalid
# URLs, and a handler that returns no response.
import asyncio
import logging
import socket

import aiohttp
from aiohttp import web

logged = []


class Capture(logging.Handler):
    def emit(self, record):
        logged.append((record.getMessage(), record.exc_info[0].__name__ if record.exc_info else None,
                       str(record.exc_info[1]) if record.exc_info else None))


logging.getLogger('aiohttp.server').addHandler(Capture())


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


async def slow(request):
    await asyncio.sleep(float(request.query.get('t', '1')))
    return web.Response(text='finally')


async def no_return(request):
    pass


async def not_a_response(request):
    return {'a': 1}


async def times_out(request):
    raise asyncio.TimeoutError()


async def refused():
    port = free_port()
    async with aiohttp.ClientSession() as s:
        try:
            await s.get(f'http://127.0.0.1:{port}/')
        except aiohttp.ClientConnectorError as e:
            print('type:', type(e).__name__)
            print('str:', str(e).replace(str(port), 'PORT'))
            print('host/port:', e.host, e.port == port, e.ssl)
            print('os_error:', type(e.os_error).__name__, e.errno, e.strerror.replace(str(port), 'PORT'))
            print('isinstance:', isinstance(e, aiohttp.ClientOSError), isinstance(e, OSError),
                  isinstance(e, aiohttp.ClientConnectionError), isinstance(e, aiohttp.ClientError))


async def disconnecting_server():
    async def handle(reader, writer):
        await reader.readline()
        writer.close()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with aiohttp.ClientSession() as s:
        try:
            await s.get(f'http://127.0.0.1:{port}/')
        except aiohttp.ServerDisconnectedError as e:
            print('disconnected:', type(e).__name__, repr(e.message), str(e),
                  isinstance(e, aiohttp.ServerConnectionError))
    server.close()
    await server.wait_closed()


async def main():
    await refused()
    await disconnecting_server()

    app = web.Application()
    app.router.add_get('/slow', slow)
    app.router.add_get('/noreturn', no_return)
    app.router.add_get('/dict', not_a_response)
    app.router.add_get('/timeout', times_out)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, '127.0.0.1', 0)
    await site.start()
    base = f'http://127.0.0.1:{runner.addresses[0][1]}'

    timeout = aiohttp.ClientTimeout(total=0.2)
    print('timeout:', timeout)
    print('default:', aiohttp.client.DEFAULT_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as s:
        try:
            await s.get(base + '/slow?t=2')
        except asyncio.TimeoutError as e:
            print('total timeout:', type(e).__name__, repr(str(e)),
                  type(e) is asyncio.TimeoutError)
        # A per-request timeout overrides the session's.
        async with s.get(base + '/slow?t=0.01', timeout=aiohttp.ClientTimeout(total=5)) as r:
            print('per-request timeout:', r.status, await r.text())
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(sock_read=0.1)) as s:
        try:
            await s.get(base + '/slow?t=2')
        except asyncio.TimeoutError as e:
            print('sock_read timeout:', type(e).__name__, str(e),
                  isinstance(e, aiohttp.ServerTimeoutError))
    # asyncio.wait_for around a request works too.
    async with aiohttp.ClientSession() as s:
        try:
            await asyncio.wait_for(s.get(base + '/slow?t=2'), 0.1)
        except asyncio.TimeoutError:
            print('wait_for timeout')
        async with s.get(base + '/timeout') as r:
            print('handler TimeoutError:', r.status, r.reason, repr(await r.text()))
        for path in ('/noreturn', '/dict'):
            try:
                await s.get(base + path)
            except aiohttp.ServerDisconnectedError as e:
                print(path, 'closed without a response:', type(e).__name__)
        for bad in ('/relative', 'http:///nohost'):
            try:
                await s.get(bad)
            except (aiohttp.InvalidURL, ValueError) as e:
                print('bad url:', type(e).__name__, e)
        try:
            await s.post(base + '/slow', data='x', json={'a': 1})
        except ValueError as e:
            print('data and json:', e)

    await runner.cleanup()

    # The server closes a keep-alive connection left idle for keepalive_timeout.
    runner = web.AppRunner(app, keepalive_timeout=0.2)
    await runner.setup()
    site = web.TCPSite(runner, '127.0.0.1', 0)
    await site.start()
    reader, writer = await asyncio.open_connection('127.0.0.1', runner.addresses[0][1])
    writer.write(b'GET /slow?t=0 HTTP/1.1\r\nHost: x\r\n\r\n')
    head = await reader.readuntil(b'\r\n\r\n')
    length = int(head.lower().split(b'content-length: ')[1].split(b'\r\n')[0])
    print('keep-alive response:', head.split(b'\r\n')[0], await reader.readexactly(length))
    print('closed by the server when idle:', await asyncio.wait_for(reader.read(), 5) == b'')
    writer.close()
    await runner.cleanup()

    for rec in logged:
        print('logged:', rec)


asyncio.run(main())
