# aiohttp.web responses with special statuses (204, 304), HEAD, a body with no
# content type, bodies bigger than a socket buffer both ways, response
# state after read/with, and client_max_size.
import asyncio, aiohttp
from aiohttp import web
async def nc(request):
    return web.Response(status=204)
async def nm(request):
    raise web.HTTPNotModified()
async def j(request):
    return web.json_response([1, 2])
async def big(request):
    return web.Response(body=b'x' * 300000)
async def echo_len(request):
    body = await request.read()
    return web.Response(text=str(len(body)))
async def main():
    app = web.Application()
    app.add_routes([web.get('/nc', nc), web.get('/nm', nm), web.get('/j', j), web.get('/big', big), web.post('/len', echo_len)])
    runner = web.AppRunner(app); await runner.setup()
    site = web.TCPSite(runner, '127.0.0.1', 0); await site.start()
    base = f'http://127.0.0.1:{runner.addresses[0][1]}'
    async with aiohttp.ClientSession() as s:
        for m, p in [('GET', '/nc'), ('GET', '/nm'), ('HEAD', '/j'), ('GET', '/j'), ('GET', '/big')]:
            async with s.request(m, base + p) as r:
                b = await r.read()
                print(m, p, r.status, r.reason, len(b), r.headers.get('Content-Length'), r.headers.get('Content-Type'))
        async with s.post(base + '/len', data=b'y' * 500000) as r:
            print('posted', await r.text())
        r = await s.get(base + '/j')
        print(await r.json(), r.closed)
        async with s.get(base + '/j') as r:
            pass
        print('after with', r.closed)
    await runner.cleanup()
asyncio.run(main())
async def m2():
    async def empty(request):
        return web.Response()
    app = web.Application(); app.router.add_get('/e', empty)
    runner = web.AppRunner(app); await runner.setup()
    site = web.TCPSite(runner, '127.0.0.1', 0); await site.start()
    async with aiohttp.ClientSession() as s:
        async with s.get(f'http://127.0.0.1:{runner.addresses[0][1]}/e') as r:
            print(r.status, r.headers.get('Content-Length'), r.headers.get('Content-Type'), await r.read())
    await runner.cleanup()
asyncio.run(m2())


# Bodies above client_max_size (1 MiB by default) are refused when read.
async def m3():
    async def size(request):
        return web.Response(text=str(len(await request.read())))

    async def ignore(request):
        return web.Response(text='not read')

    for max_size in (None, 2 ** 21):
        app = web.Application() if max_size is None else web.Application(client_max_size=max_size)
        app.router.add_post('/size', size)
        app.router.add_post('/ignore', ignore)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, '127.0.0.1', 0)
        await site.start()
        base = f'http://127.0.0.1:{runner.addresses[0][1]}'
        async with aiohttp.ClientSession() as s:
            for path, n in (('/size', 1000), ('/size', 1_500_000), ('/ignore', 1_500_000)):
                async with s.post(base + path, data=b'z' * n) as r:
                    body = await r.text()
                    print(max_size, path, n, r.status, r.reason, body.split(',')[0])
        await runner.cleanup()
asyncio.run(m3())
