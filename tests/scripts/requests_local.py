# requests against a small HTTP server running in a thread of this script.
import json
import socket
import threading
import requests

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0))
srv.listen(16)
PORT = srv.getsockname()[1]
BASE = f'http://127.0.0.1:{PORT}'
connections = []


def reply(f, status, body, ctype='text/plain; charset=utf-8', extra=''):
    head = f'HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nX-Custom-Header: yes\r\n{extra}'
    f.sendall((head + f'Content-Length: {len(body)}\r\n\r\n').encode() + body)


def handle(c):
    f = c.makefile('rb')
    while True:
        line = f.readline()
        if not line:
            break
        method, path, _ = line.decode().split(' ')
        headers = {}
        while True:
            h = f.readline().decode()
            if h == '\r\n':
                break
            k, v = h.split(':', 1)
            headers[k.strip().lower()] = v.strip()
        body = f.read(int(headers.get('content-length', '0')))
        if path == '/':
            reply(c, '200 OK', b'hello world')
        elif path.startswith('/echo'):
            info = {'method': method, 'path': path, 'body': body.decode(),
                    'ctype': headers.get('content-type'), 'x': headers.get('x-test')}
            reply(c, '200 OK', json.dumps(info).encode(), 'application/json')
        elif path == '/badjson':
            reply(c, '200 OK', b'{bad}', 'application/json')
        elif path == '/chunked':
            c.sendall(b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'
                      b'5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n')
        elif path == '/redirect':
            reply(c, '302 Found', b'', extra='Location: /echo?from=redirect\r\n')
        elif path == '/bad':
            c.sendall(b'this is not http\r\n\r\n')
            break
        elif path == '/slow':
            threading.Event().wait(1.0)
            break
        elif path == '/close':
            c.sendall(b'HTTP/1.0 200 OK\r\n\r\nuntil close')
            break
        else:
            reply(c, '404 Not Found', b'nope')
    f.close()
    c.close()


def serve():
    while True:
        c, _ = srv.accept()
        connections.append(1)
        threading.Thread(target=handle, args=(c,), daemon=True).start()


threading.Thread(target=serve, daemon=True).start()

r = requests.get(BASE)
print(r, r.status_code, r.ok, r.reason, r.text, r.content, r.encoding)
print(r.headers['content-type'], r.headers.get('X-CUSTOM-HEADER'), r.url.replace(BASE, 'BASE'))
print(sorted(k for k, v in r.headers.items()))

r = requests.get(BASE + '/echo', params={'q': 'a b', 'n': 3}, headers={'X-Test': 'T'})
print(r.url.replace(BASE, 'BASE'), r.json())
r = requests.post(BASE + '/echo', data={'name': 'gil py', 'x': '1&2'})
print(r.json())
r = requests.post(BASE + '/echo', json={'k': [1, 2]})
print(r.json())
print(requests.put(BASE + '/echo', data=b'raw').json()['method'])
print(requests.delete(BASE + '/echo').json()['method'])
print(requests.patch(BASE + '/echo', data='s').json()['body'])
h = requests.head(BASE)
print(h.status_code, repr(h.text))
r = requests.get(BASE + '/chunked')
print(r.text)
r = requests.get(BASE + '/redirect')
print(r.status_code, r.url.replace(BASE, 'BASE'), r.history, r.json()['path'])
r = requests.get(BASE + '/close')
print(r.status_code, r.text)

r = requests.get(BASE + '/missing')
print(r.status_code, r.ok, bool(r))
try:
    r.raise_for_status()
except requests.exceptions.HTTPError as e:
    print('HTTPError:', str(e).replace(str(PORT), 'PORT'))
    print(e.response.status_code)

before = len(connections)
with requests.Session() as s:
    for i in range(5):
        s.get(BASE)
print('connections for 5 session requests:', len(connections) - before)

try:
    requests.get(BASE + '/slow', timeout=0.2)
except requests.exceptions.ReadTimeout as e:
    print('ReadTimeout', isinstance(e, requests.exceptions.Timeout))

try:
    requests.get(BASE + '/bad')
except requests.exceptions.ConnectionError as e:
    print('ConnectionError on a malformed response')

closed = socket.socket()
closed.bind(('127.0.0.1', 0))
dead_port = closed.getsockname()[1]
closed.close()
try:
    requests.get(f'http://127.0.0.1:{dead_port}/')
except requests.exceptions.ConnectionError as e:
    print('ConnectionError', 'Connection refused' in str(e))

try:
    requests.get(BASE + '/badjson').json()
except requests.exceptions.JSONDecodeError as e:
    print('JSONDecodeError', e, isinstance(e, ValueError), isinstance(e, requests.RequestException))
print(requests.get(BASE).elapsed.total_seconds() < 5)

try:
    requests.get('127.0.0.1/x')
except requests.exceptions.MissingSchema as e:
    print(e)
