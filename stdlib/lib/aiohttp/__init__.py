"""aiohttp: an asyncio HTTP/1.1 client (ClientSession) and server
(aiohttp.web), the plain-HTTP part of aiohttp 3.8 written on asyncio streams."""

__version__ = '3.8.4'

from ._multidict import CIMultiDict, CIMultiDictProxy, MultiDict, MultiDictProxy
from ._url import URL
from .client import (
    ClientConnectionError, ClientConnectorError, ClientError, ClientOSError,
    ClientPayloadError, ClientResponse, ClientResponseError, ClientSession, ClientTimeout,
    ContentTypeError, HttpVersion, HttpVersion10, HttpVersion11, InvalidURL, RequestInfo,
    ServerConnectionError, ServerDisconnectedError, ServerTimeoutError, TCPConnector,
    TooManyRedirects, request)
from . import web
