"""requests.status_codes: `codes.ok`, `codes.not_found`, ..."""

_codes = {
    200: ('ok', 'okay', 'all_ok', 'all_okay', 'all_good'), 201: ('created',),
    202: ('accepted',), 204: ('no_content',), 301: ('moved_permanently', 'moved'),
    302: ('found',), 303: ('see_other', 'other'), 304: ('not_modified',),
    307: ('temporary_redirect',), 308: ('permanent_redirect',),
    400: ('bad_request', 'bad'), 401: ('unauthorized',), 403: ('forbidden',),
    404: ('not_found',), 405: ('method_not_allowed', 'not_allowed'),
    408: ('request_timeout', 'timeout'), 409: ('conflict',), 410: ('gone',),
    418: ('im_a_teapot', 'teapot'), 429: ('too_many_requests', 'too_many'),
    500: ('internal_server_error', 'server_error'), 501: ('not_implemented',),
    502: ('bad_gateway',), 503: ('service_unavailable', 'unavailable'),
    504: ('gateway_timeout',),
}


class _Codes:
    def __init__(self):
        for code, titles in _codes.items():
            for t in titles:
                setattr(self, t, code)
                setattr(self, t.upper(), code)

    def get(self, name, default=None):
        return getattr(self, name, default)

    def __getitem__(self, name):
        return getattr(self, name)


codes = _Codes()
