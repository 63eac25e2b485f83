# A client started from on_startup, before the site listens, makes one
# request without retrying: as aiohttp's connector, gilpy's resolves the
# host in a task of its own first, so the site is listening by the time it
# connects (run_app's create_server needs fewer loop turns).
import asyncio
import socket

import aiohttp
from aiohttp import web


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


PORT = free_port()


async def hello(request):
    return web.Response(text='hi')


async def start_client(app):
    async def client():
        try:
            async with aiohttp.ClientSession() as s:
                async with s.get(f'http://127.0.0.1:{PORT}/') as r:
                    print('client got:', r.status, await r.text())
        except aiohttp.ClientConnectorError as e:
            print('not listening yet:', type(e).__name__)

        def raise_exit():
            raise web.GracefulExit()
        asyncio.get_running_loop().call_soon(raise_exit)

    app['client'] = asyncio.get_running_loop().create_task(client())


app = web.Application()
app.router.add_get('/', hello)
app.on_startup.append(start_client)
web.run_app(app, host='127.0.0.1', port=PORT, print=lambda *a: None)
print('done')
