"""requests.sessions: Session (default headers, connection reuse, redirects)."""

from .adapters import HTTPAdapter
from .exceptions import TooManyRedirects
from .models import PreparedRequest, REDIRECT_CODES
from .structures import CaseInsensitiveDict
from urllib.parse import urljoin

DEFAULT_REDIRECT_LIMIT = 30


def default_user_agent(name="python-requests"):
    from . import __version__
    return f"{name}/{__version__}"


def default_headers():
    return CaseInsensitiveDict({
        'User-Agent': default_user_agent(),
        'Accept-Encoding': 'identity',
        'Accept': '*/*',
        'Connection': 'keep-alive',
    })


class Session:
    def __init__(self):
        self.headers = default_headers()
        self.params = {}
        self.cookies = {}
        self.auth = None
        self.max_redirects = DEFAULT_REDIRECT_LIMIT
        self.adapter = HTTPAdapter()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        self.adapter.close()

    def prepare_request(self, method, url, headers=None, params=None, data=None, json=None):
        merged = CaseInsensitiveDict(self.headers)
        if headers:
            for k, v in headers.items():
                if v is None:
                    merged.pop(k, None)
                else:
                    merged[k] = v
        p = PreparedRequest()
        allp = dict(self.params)
        if params is not None and not hasattr(params, 'items'):
            allp = params
        elif params:
            allp.update(params)
        p.prepare(method=method, url=url, headers=merged, params=allp or None, data=data, json=json)
        return p

    def request(self, method, url, params=None, data=None, headers=None, cookies=None,
                files=None, auth=None, timeout=None, allow_redirects=True, proxies=None,
                hooks=None, stream=None, verify=None, cert=None, json=None):
        prep = self.prepare_request(method, url, headers, params, data, json)
        return self.send(prep, timeout=timeout, allow_redirects=allow_redirects)

    def send(self, request, timeout=None, allow_redirects=True, **kwargs):
        resp = self.adapter.send(request, timeout=timeout)
        if not allow_redirects:
            return resp
        history = []
        while resp.is_redirect:
            history.append(resp)
            if len(history) > self.max_redirects:
                raise TooManyRedirects(f'Exceeded {self.max_redirects} redirects.', response=resp)
            new = request.copy()
            new.url = urljoin(resp.url, resp.headers['location'])
            if resp.status_code == 303 and new.method != 'HEAD':
                new.method = 'GET'
            if resp.status_code in (301, 302) and new.method == 'POST':
                new.method = 'GET'
            if new.method == 'GET' and request.method != 'GET':
                new.body = None
                new.headers.pop('Content-Length', None)
                new.headers.pop('Content-Type', None)
            new.prepare_url(new.url, None)
            request = new
            resp = self.adapter.send(request, timeout=timeout)
        resp.history = history
        return resp

    def get(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', True)
        return self.request('GET', url, **kwargs)

    def options(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', True)
        return self.request('OPTIONS', url, **kwargs)

    def head(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', False)
        return self.request('HEAD', url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request('POST', url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request('PUT', url, data=data, **kwargs)

    def patch(self, url, data=None, **kwargs):
        return self.request('PATCH', url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)


def session():
    return Session()
