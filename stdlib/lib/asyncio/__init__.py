"""asyncio — asynchronous I/O on an epoll event loop (CPython 3.11's API).

The loop's OS side (epoll, eventfd, the GIL-free wait) is the native
_asyncio module; scheduling, Future, Task and the rest are here.
"""

import sys

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .protocols import *
from .queues import *
from .runners import *
from .streams import *
from .subprocess import *
from .taskgroups import *
from .tasks import *
from .threads import *
from .timeouts import *
from .transports import *
from .unix_events import *

from . import base_events, coroutines, events, exceptions, futures, locks
from . import queues, runners, streams, tasks, threads, timeouts
from . import base_subprocess, protocols, subprocess, taskgroups
from . import selector_events, transports, trsock, unix_events

__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           protocols.__all__ +
           queues.__all__ +
           runners.__all__ +
           streams.__all__ +
           subprocess.__all__ +
           taskgroups.__all__ +
           tasks.__all__ +
           threads.__all__ +
           timeouts.__all__ +
           transports.__all__ +
           unix_events.__all__)
