"""requests: HTTP for humans, a plain-HTTP subset written on socket.

Supports the requests 2.x API for http:// URLs (no TLS): module helpers,
Session with keep-alive connection reuse, Response, and the exception
hierarchy of requests.exceptions.
"""

__title__ = 'requests'
__version__ = '2.28.1'

from . import exceptions, structures, models, sessions, adapters, api
from .api import request, get, head, post, patch, put, delete, options
from .sessions import Session, session
from .models import PreparedRequest, Response
from .exceptions import (RequestException, Timeout, URLRequired, TooManyRedirects, HTTPError,
                         ConnectionError, ConnectTimeout, ReadTimeout, JSONDecodeError)
from .structures import CaseInsensitiveDict
from . import status_codes
from .status_codes import codes
