"""aiohttp: an asyncio HTTP/1.1 client (ClientSession) and server
(aiohttp.web), a plain-HTTP subset written on asyncio streams."""

__version__ = '3.8.4'

from .client import (ClientSession, ClientResponse, ClientTimeout, ClientError,
                     ClientConnectionError, ClientConnectorError, ClientResponseError,
                     ClientPayloadError, ServerDisconnectedError, request)
from . import web
