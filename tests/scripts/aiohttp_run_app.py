# web.run_app: the banner it prints, serving until GracefulExit or Ctrl-C
# (SIGINT), startup/cleanup hooks around it, an app given as a coroutine.
import asyncio
import contextlib
import io
import os
import signal
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


def show(*args):
    print(*(str(a).replace(str(PORT), 'PORT') for a in args))


async def hello(request):
    return web.Response(text='hi from run_app')


def make_app(stop):
    app = web.Application()
    app.router.add_get('/', hello)

    async def start_client(app):
        # on_startup runs before the site listens, so the client retries.
        async def client():
            for _ in range(200):
                try:
                    async with aiohttp.ClientSession() as s:
                        async with s.get(f'http://127.0.0.1:{PORT}/') as r:
                            show('client got:', r.status, await r.text())
                    break
                except aiohttp.ClientConnectorError:
                    await asyncio.sleep(0.01)
            stop()
        app['client'] = asyncio.get_running_loop().create_task(client())
        show('startup')

    async def cleanup(app):
        show('cleanup, client done:', app['client'].done())

    app.on_startup.append(start_client)
    app.on_cleanup.append(cleanup)
    return app


def graceful_exit():
    def raise_exit():
        raise web.GracefulExit()
    asyncio.get_running_loop().call_soon(raise_exit)


print('GracefulExit:', issubclass(web.GracefulExit, SystemExit), web.GracefulExit.code)
web.run_app(make_app(graceful_exit), host='127.0.0.1', port=PORT, print=show)
print('run_app returned after GracefulExit')


async def app_factory():
    return make_app(lambda: os.kill(os.getpid(), signal.SIGINT))


buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    web.run_app(app_factory(), host='127.0.0.1', port=PORT)
print(buf.getvalue().replace(str(PORT), 'PORT'), end='')
print('run_app returned after SIGINT')

# The site name run_app prints for the default host.
async def name_only():
    runner = web.AppRunner(web.Application())
    await runner.setup()
    print(web.TCPSite(runner).name, web.TCPSite(runner, 'localhost', 9000).name)
    await runner.cleanup()

asyncio.run(name_only())
