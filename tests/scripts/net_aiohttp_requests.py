# An aiohttp.web server on an ephemeral port answers 200 concurrent aiohttp
# client requests over one ClientSession, then `requests` from 10 threads
# (Sessions and plain requests.get/post) while the server keeps running in
# the event loop; afterwards no socket may be left open.
import asyncio
import os
import threading
from concurrent.futures import ThreadPoolExecutor

import aiohttp
import requests
from aiohttp import web


def open_fds():
    return len(os.listdir('/proc/self/fd'))


routes = web.RouteTableDef()
hits = {'text': 0, 'json': 0, 'echo': 0}


@routes.get('/text/{n}')
async def text(request):
    hits['text'] += 1
    return web.Response(text='hello ' + request.match_info['n'])


@routes.get('/json')
async def as_json(request):
    hits['json'] += 1
    n = int(request.query.get('n', '0'))
    return web.json_response({'n': n, 'square': n * n})


@routes.post('/echo')
async def echo(request):
    hits['echo'] += 1
    data = await request.json()
    return web.json_response({'got': data, 'len': len(await request.read())})


async def client_burst(base):
    async def one(session, i):
        kind = i % 3
        if kind == 0:
            async with session.get(f'{base}/text/{i}') as r:
                return r.status, await r.text() == f'hello {i}'
        if kind == 1:
            async with session.get(f'{base}/json', params={'n': str(i)}) as r:
                return r.status, await r.json() == {'n': i, 'square': i * i}
        async with session.post(f'{base}/echo', json={'i': i, 'tag': 'x' * (i % 7)}) as r:
            body = await r.json()
            return r.status, body['got'] == {'i': i, 'tag': 'x' * (i % 7)}

    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(one(session, i) for i in range(200)))
    print('aiohttp requests:', len(results))
    print('all status 200:', all(s == 200 for s, _ in results))
    print('all bodies right:', all(ok for _, ok in results))


def thread_worker(base, t):
    checks = []
    if t % 2 == 0:
        with requests.Session() as s:
            for i in range(20):
                if i % 2 == 0:
                    r = s.get(f'{base}/text/{t}-{i}')
                    checks.append(r.status_code == 200 and r.text == f'hello {t}-{i}')
                else:
                    r = s.post(f'{base}/echo', json=[t, i])
                    checks.append(r.json() == {'got': [t, i], 'len': len(r.request.body)})
    else:
        for i in range(20):
            if i % 2 == 0:
                r = requests.get(f'{base}/json', params={'n': t * 100 + i})
                n = t * 100 + i
                checks.append(r.json() == {'n': n, 'square': n * n})
            else:
                r = requests.get(f'{base}/text/{i}')
                checks.append(r.ok and r.text == f'hello {i}')
    good = sum(checks)
    return t, good, threading.current_thread() is not threading.main_thread()


async def thread_burst(base):
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=10) as pool:
        futs = [loop.run_in_executor(pool, thread_worker, base, t) for t in range(10)]
        results = await asyncio.gather(*futs)
    print('threads:', [t for t, _, _ in results])
    print('good per thread:', [g for _, g, _ in results])
    print('ran off the main thread:', all(off for _, _, off in results))
    # asyncio.to_thread uses the loop's default executor.
    t, good, off = await asyncio.to_thread(thread_worker, base, 11)
    print('to_thread good:', good, off)


async def main():
    app = web.Application()
    app.add_routes(routes)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, '127.0.0.1', 0)
    await site.start()
    port = runner.addresses[0][1]
    base = f'http://127.0.0.1:{port}'
    await client_burst(base)
    await thread_burst(base)
    await runner.cleanup()
    print('hits:', sorted(hits.items()))


before = open_fds()
asyncio.run(main())
after = open_fds()
print('no leaked fds:', before == after)
