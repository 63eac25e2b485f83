# aiohttp.ClientSession against an aiohttp.web server on an ephemeral port:
# session lifetime, get/post with json=/data=/params=/headers=, the response
# API and keep-alive connection reuse.
import asyncio
import json

import aiohttp
from aiohttp import web

peers = []


async def info(request):
    peers.append(request.transport.get_extra_info('peername')[1])
    body = await request.read()
    return web.json_response({
        'method': request.method,
        'path': request.path,
        'query': dict(request.query),
        'ctype': request.content_type,
        'x': request.headers.get('X-Test'),
        'body': body.decode(),
    })


async def hello(request):
    peers.append(request.transport.get_extra_info('peername')[1])
    return web.Response(text='héllo', headers={'X-Greeting': 'hi'})


async def raw(request):
    return web.Response(body=b'\x00\x01\xff', content_type='application/octet-stream')


async def missing(request):
    return web.Response(text='gone', status=410)


async def start():
    app = web.Application()
    app.router.add_get('/hello', hello)
    app.router.add_get('/raw', raw)
    app.router.add_get('/missing', missing)
    app.router.add_route('*', '/info', info)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, '127.0.0.1', 0)
    await site.start()
    return runner, f'http://127.0.0.1:{runner.addresses[0][1]}'


async def main():
    runner, base = await start()

    # Explicit close.
    session = aiohttp.ClientSession()
    print('closed before:', session.closed)
    resp = await session.get(base + '/hello')
    print('status:', resp.status, resp.reason, resp.ok)
    print('content type:', resp.content_type, resp.charset)
    print('header:', resp.headers['X-Greeting'], resp.headers.get('x-greeting'),
          resp.headers['Content-Length'])
    print('text:', await resp.text())
    print('read again:', await resp.read())
    print('method/url:', resp.method, str(resp.url) == base + '/hello')
    resp.release()
    await session.close()
    print('closed after:', session.closed)

    # Async context manager for both session and response.
    async with aiohttp.ClientSession() as s:
        async with s.get(base + '/info', params={'a': '1', 'b': 'x y'},
                         headers={'X-Test': 'yes'}) as r:
            print('params/headers:', json.dumps(await r.json(), sort_keys=True))
        async with s.post(base + '/info', json={'k': [1, 2]}) as r:
            print('json=:', json.dumps(await r.json(), sort_keys=True))
        async with s.post(base + '/info', data={'f': 'v', 'g': 'w z'}) as r:
            print('data=dict:', json.dumps(await r.json(), sort_keys=True))
        async with s.post(base + '/info', data=b'raw bytes') as r:
            d = await r.json()
            print('data=bytes:', d['body'], d['ctype'])
        async with s.put(base + '/info', data='some text') as r:
            d = await r.json()
            print('put data=str:', d['method'], d['body'], d['ctype'])
        async with s.delete(base + '/info?z=9') as r:
            d = await r.json()
            print('delete:', d['method'], d['query'])
        async with s.get(base + '/raw') as r:
            print('bytes:', await r.read(), r.content_type)
        async with s.get(base + '/missing') as r:
            print('410:', r.status, r.reason, r.ok, await r.text())
            try:
                r.raise_for_status()
            except aiohttp.ClientResponseError as e:
                print('raise_for_status:', type(e).__name__, e.status, e.message)
                print('str:', str(e).replace(base, 'BASE'))
                print('is ClientError:', isinstance(e, aiohttp.ClientError))
        async with s.get(base + '/hello') as r:
            print('raise_for_status ok:', r.raise_for_status())
        async with s.get(base + '/hello') as r:
            try:
                await r.json()
            except aiohttp.ContentTypeError as e:
                print('json on text:', type(e).__name__, e.status,
                      isinstance(e, aiohttp.ClientResponseError))
                print('message:', e.message)
        print('session closed inside:', s.closed)
    print('session closed after with:', s.closed)

    # Keep-alive: sequential requests on one session reuse one connection.
    peers.clear()
    async with aiohttp.ClientSession() as s:
        for _ in range(5):
            async with s.get(base + '/hello') as r:
                await r.read()
    print('sequential requests:', len(peers), 'connections:', len(set(peers)))

    # Separate sessions use separate connections.
    peers.clear()
    for _ in range(3):
        async with aiohttp.ClientSession() as s:
            async with s.get(base + '/hello') as r:
                await r.read()
    print('sessions:', len(peers), 'connections:', len(set(peers)))

    # Session-wide headers and raise_for_status.
    async with aiohttp.ClientSession(headers={'X-Test': 'session'},
                                     raise_for_status=True) as s:
        async with s.get(base + '/info') as r:
            print('session header:', (await r.json())['x'])
        try:
            await s.get(base + '/missing')
        except aiohttp.ClientResponseError as e:
            print('session raise_for_status:', e.status)

    # Responses dropped without being read or released give their
    # connections back, so a small connection limit does not run dry.
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=4)) as s:
        print('limit:', s.connector.limit)
        statuses = []
        for _ in range(10):
            resp = await s.get(base + '/hello')
            statuses.append(resp.status)
        print('dropped responses:', statuses)

    # Using a closed session.
    try:
        await s.get(base + '/hello')
    except RuntimeError as e:
        print('closed session:', e)

    await runner.cleanup()


asyncio.run(main())


# A session that is never closed is reported when it is collected.
async def forgotten():
    aiohttp.ClientSession()
    print('session left open')


asyncio.run(forgotten())


# params as pairs (repeated keys) and query strings with escapes, base_url,
# and the body read through resp.content.
async def query_and_content():
    async def q(request):
        return web.json_response({'qs': request.query_string, 'a': request.query.getall('a', [])})

    app = web.Application()
    app.router.add_get('/q', q)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, '127.0.0.1', 0)
    await site.start()
    base = f'http://127.0.0.1:{runner.addresses[0][1]}'
    async with aiohttp.ClientSession(base_url=base) as s:
        for params in ([('a', '1'), ('a', '2')], {'a': 'x y', 'b': 'é&='}, {'n': 5}):
            async with s.get('/q?z=0', params=params) as r:
                print(await r.json(), str(r.url).replace(base, 'BASE'))
        async with s.get('/q') as r:
            data = b''
            async for chunk in r.content.iter_chunked(4):
                data += chunk
            print('chunked read:', data)
        async with s.get('/q') as r:
            print('content.read:', await r.content.read(3), await r.content.read())
    await runner.cleanup()


asyncio.run(query_and_content())
