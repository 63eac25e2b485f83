# aiohttp.web server API: Application, RouteTableDef, add_routes, add_get,
# Response/json_response, the request API, 404/405, HTTP exceptions, a
# handler raising (500, logged by aiohttp.server), middlewares, app state
# and startup/cleanup hooks; a client prints what it gets back.
import asyncio
import json
import logging

import aiohttp
from aiohttp import web

logged = []


class Capture(logging.Handler):
    def emit(self, record):
        logged.append((record.name, record.levelname, record.getMessage(),
                       record.exc_info[0].__name__ if record.exc_info else None))


logging.getLogger('aiohttp.server').addHandler(Capture())

routes = web.RouteTableDef()


@routes.get('/')
async def index(request):
    return web.Response(text='index page')


@routes.get('/users/{name}')
async def user(request):
    name = request.match_info['name']
    return web.Response(text=f'user {name}', headers={'X-User': name})


@routes.get('/items/{id:\\d+}')
async def item(request):
    return web.json_response({'id': int(request.match_info['id'])})


@routes.get('/files/{path:.*}')
async def files(request):
    return web.Response(text='path=' + request.match_info['path'])


@routes.post('/echo')
async def echo(request):
    data = await request.json()
    return web.json_response({'echo': data, 'type': request.content_type}, status=201)


@routes.post('/text')
async def text(request):
    body = await request.text()
    return web.Response(text=body.upper(), content_type='text/html')


@routes.post('/form')
async def form(request):
    data = await request.post()
    return web.json_response(sorted(data.items()))


@routes.get('/query')
async def query(request):
    q = request.query
    return web.json_response({'a': q.get('a'), 'all_b': q.getall('b', []), 'missing': q.get('zz'),
                              'qs': request.query_string, 'path': request.path,
                              'path_qs': request.path_qs})


@routes.get('/info')
async def info(request):
    return web.json_response({
        'method': request.method, 'host_ok': request.host.startswith('127.0.0.1:'),
        'remote': request.remote, 'version': list(request.version),
        'keep_alive': request.keep_alive, 'scheme': request.scheme,
        'ua_present': 'User-Agent' in request.headers,
        'state': request.app['greeting'], 'has_body': request.body_exists,
    })


@routes.get('/boom')
async def boom(request):
    raise ValueError('handler failed')


@routes.get('/forbidden')
async def forbidden(request):
    raise web.HTTPForbidden(text='no entry')


@routes.get('/teapot')
async def teapot(request):
    raise web.HTTPNotFound()


@routes.get('/redirect')
async def redirect(request):
    raise web.HTTPFound('/users/redirected')


@routes.get('/none')
async def returns_none(request):
    pass


@routes.get('/bytes')
async def raw_bytes(request):
    return web.Response(body=b'\x01\x02', status=202, reason='Fine')


async def plain(request):
    return web.Response(text='added with add_get')


async def put_handler(request):
    return web.Response(text='put ' + (await request.text()))


@web.middleware
async def tag(request, handler):
    request['seen'] = True
    resp = await handler(request)
    resp.headers['X-Middleware'] = 'yes'
    return resp


events = []


async def on_startup(app):
    events.append('startup')


async def on_cleanup(app):
    events.append('cleanup')


async def main():
    app = web.Application(middlewares=[tag])
    app['greeting'] = 'hello'
    added = app.add_routes(routes)
    print('routes added:', len(added), len(routes))
    app.router.add_get('/plain', plain)
    app.add_routes([web.put('/put', put_handler), web.get('/plain2', plain)])
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    print('app state:', app['greeting'], 'greeting' in app, app.get('nothing', 'dflt'))
    print('routedef:', web.get('/x', plain))

    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, '127.0.0.1', 0)
    await site.start()
    base = f'http://127.0.0.1:{runner.addresses[0][1]}'
    print('events after start:', events)

    async with aiohttp.ClientSession() as s:
        async def show(label, method, path, **kw):
            async with s.request(method, base + path, **kw) as r:
                body = await r.read()
                print(f'{label}: {r.status} {r.reason!r} {r.content_type!r} {body!r}',
                      r.headers.get('X-Middleware'))
                return r

        await show('index', 'GET', '/')
        r = await show('user', 'GET', '/users/ann%20lee')
        print('  X-User:', r.headers['X-User'])
        await show('item', 'GET', '/items/42')
        await show('item not digits', 'GET', '/items/abc')
        await show('files', 'GET', '/files/a/b/c.txt')
        await show('files empty', 'GET', '/files/')
        await show('echo', 'POST', '/echo', json={'k': [1, 'two', None]})
        await show('text', 'POST', '/text', data='shout')
        await show('form', 'POST', '/form', data={'x': '1', 'y': 'two words'})
        await show('query', 'GET', '/query?a=1&b=2&b=3')
        await show('info', 'GET', '/info')
        await show('plain', 'GET', '/plain')
        await show('plain2', 'GET', '/plain2')
        await show('put', 'PUT', '/put', data='body')
        await show('bytes', 'GET', '/bytes')
        r = await show('head', 'HEAD', '/plain')
        print('  head content-length:', r.headers['Content-Length'])
        await show('missing', 'GET', '/nowhere')
        await show('trailing slash', 'GET', '/plain/')
        r = await show('wrong method', 'POST', '/plain')
        print('  allow:', r.headers['Allow'])
        await show('forbidden', 'GET', '/forbidden')
        await show('raised 404', 'GET', '/teapot')
        r = await show('redirect', 'GET', '/redirect')
        print('  history:', [h.status for h in r.history], r.url.path)
        r = await show('no follow', 'GET', '/redirect', allow_redirects=False)
        print('  location:', r.headers['Location'])
        await show('boom', 'GET', '/boom')
        await show('after boom', 'GET', '/')
        await show('none', 'GET', '/none')

    await runner.cleanup()
    print('events after cleanup:', events)
    for rec in logged:
        print('logged:', rec)


asyncio.run(main())

# Objects built without a server.
resp = web.Response(text='x', status=418)
print(resp.status, resp.reason, resp.content_type, resp.charset, resp.text, resp.body)
resp = web.json_response({'a': 1})
print(resp.content_type, resp.charset, resp.text)
resp = web.Response(body=b'abc')
print(resp.content_type, resp.charset, resp.body)
resp = web.Response(text='<b>', content_type='text/html', charset='latin-1')
print(resp.headers['Content-Type'])
exc = web.HTTPNotFound()
print(type(exc).__mro__[1].__name__, exc.status, exc.reason, exc.text, str(exc),
      isinstance(exc, web.Response), isinstance(exc, Exception))
exc = web.HTTPBadRequest(text='bad input')
print(exc.status, exc.text)
exc = web.HTTPMethodNotAllowed('post', ['GET', 'PUT'])
print(exc.status, exc.method, sorted(exc.allowed_methods), exc.headers['Allow'])
exc = web.HTTPSeeOther('/there')
print(exc.status, exc.location, exc.headers['Location'], exc.text)
for bad in [dict(body=b'x', text='y'), dict(text='x', content_type='text/plain; charset=utf-8')]:
    try:
        web.Response(**bad)
    except ValueError as e:
        print('ValueError:', e)
