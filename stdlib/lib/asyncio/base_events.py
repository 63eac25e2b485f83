"""asyncio.base_events — the event loop.

The scheduling core is C (_asyncio.EventLoopCore, stdlib/_asyncio_loop.c):
call_soon, call_later, call_at, call_soon_threadsafe, time and _run_once,
the ready FIFO and the timer heap.  One iteration (_run_once) works as
CPython's: wait in epoll (GIL dropped) until the earliest timer is due or
an fd is ready, move due timers to the ready FIFO, then run exactly the
callbacks that were ready when the iteration began; callbacks they schedule
run in the next iteration.  call_soon_threadsafe writes an eventfd that the
loop watches, so a loop blocked in epoll wakes at once.  This class adds
the rest of the loop's API, debug mode and error reporting.
"""

__all__ = ('BaseEventLoop',)

import os
import sys
import weakref

import _asyncio

from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import tasks


def _is_debug_mode():
    # As CPython's coroutines._is_debug_mode: -X dev or PYTHONASYNCIODEBUG.
    flags = sys.flags
    return bool(flags.dev_mode or
                (not flags.ignore_environment and
                 os.environ.get('PYTHONASYNCIODEBUG')))


def _format_handle(handle):
    cb = handle._callback
    if isinstance(getattr(cb, '__self__', None), tasks.Task):
        # format the task
        return repr(cb.__self__)
    else:
        return str(handle)


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    futures._get_loop(fut).stop()


class BaseEventLoop(_asyncio.EventLoopCore, events.AbstractEventLoop):

    # In debug mode, a callback running longer than this is logged.
    slow_callback_duration = 0.1

    def __init__(self):
        self._default_executor = None
        self._exception_handler = None
        self._thread_id = None
        self._current_handle = None
        self.set_debug(_is_debug_mode())
        self._task_factory = None
        # Async generators first iterated while this loop ran; weak, so that
        # one collected unfinished is handed to _asyncgen_finalizer_hook.
        self._asyncgens = weakref.WeakSet()
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        self._epfd = _asyncio.epoll_create()
        self._wakefd = _asyncio.eventfd()
        _asyncio.epoll_ctl(self._epfd, 1, self._wakefd, _asyncio.EPOLLIN)

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # ---- futures and tasks ------------------------------------------------
    def create_future(self):
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            if name is not None:
                task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # ---- running -----------------------------------------------------------
    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def run_forever(self):
        self._check_closed()
        self._check_running()
        try:
            import _thread
            self._thread_id = _thread.get_ident()
        except ImportError:
            self._thread_id = 0
        old_agen_hooks = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                               finalizer=self._asyncgen_finalizer_hook)
        events._set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            events._set_running_loop(None)
            sys.set_asyncgen_hooks(*old_agen_hooks)

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._clear_callbacks()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)
        _asyncio.close(self._wakefd)
        _asyncio.close(self._epfd)
        self._wakefd = self._epfd = -1

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._thread_id is not None

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    def _asyncgen_firstiter_hook(self, agen):
        self._asyncgens.add(agen)

    async def shutdown_asyncgens(self):
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing_agens = list(self._asyncgens)
        self._asyncgens.clear()
        results = await tasks.gather(*[ag.aclose() for ag in closing_agens], return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen
                })

    async def shutdown_default_executor(self):
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        executor = self._default_executor
        self._default_executor = None
        await self.run_in_executor(None, executor.shutdown, True)

    # ---- debug mode --------------------------------------------------------
    def _check_thread(self):
        if self._thread_id is None:
            return
        import _thread
        if _thread.get_ident() != self._thread_id:
            raise RuntimeError(
                "Non-thread-safe operation invoked on an event loop other "
                "than the current one")

    def _check_callback(self, callback, method):
        if (coroutines.iscoroutine(callback) or
                coroutines.iscoroutinefunction(callback)):
            raise TypeError(
                f"coroutines cannot be used with {method}()")
        if not callable(callback):
            raise TypeError(
                f'a callable object was expected by {method}(), '
                f'got {callback!r}')

    def _run_handle_debug(self, handle):
        # _run_once runs each handle through here in debug mode.
        try:
            self._current_handle = handle
            t0 = self.time()
            handle._run()
            dt = self.time() - t0
            if dt >= self.slow_callback_duration:
                import logging
                logging.getLogger('asyncio').warning(
                    'Executing %s took %.3f seconds', _format_handle(handle), dt)
        finally:
            self._current_handle = None

    # ---- executors -----------------------------------------------------------
    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if executor is None:
                try:
                    from concurrent.futures import ThreadPoolExecutor
                except ImportError:
                    raise RuntimeError('run_in_executor needs concurrent.futures, '
                                       'which is not available') from None
                executor = ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        self._default_executor = executor

    # ---- errors ----------------------------------------------------------------
    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        exception = context.get('exception')
        if ('source_traceback' not in context and
                self._current_handle is not None and
                self._current_handle._source_traceback):
            context['handle_traceback'] = \
                self._current_handle._source_traceback
        log_lines = [message]
        for key in sorted(context):
            if key in {'message', 'exception'}:
                continue
            value = context[key]
            if key == 'source_traceback':
                import traceback
                tb = ''.join(traceback.format_list(value))
                value = 'Object created at (most recent call last):\n'
                value += tb.rstrip()
            elif key == 'handle_traceback':
                import traceback
                tb = ''.join(traceback.format_list(value))
                value = 'Handle created at (most recent call last):\n'
                value += tb.rstrip()
            else:
                value = repr(value)
            log_lines.append(f'{key}: {value}')
        _log_error('\n'.join(log_lines), exception)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    pass

def _log_error(text, exception):
    """Writes an error as CPython's asyncio logger does with no logging
    configuration (the last-resort handler prints the message and the
    traceback).  Goes through the logging module when the program
    configured it."""
    logging = sys.modules.get('logging')
    if logging is not None:
        try:
            logger = logging.getLogger('asyncio')
            if logger.hasHandlers():
                if exception is not None:
                    logger.error(text, exc_info=(type(exception), exception, exception.__traceback__))
                else:
                    logger.error(text)
                return
        except Exception:
            pass
    if exception is not None:
        import traceback
        text = text + '\n' + ''.join(traceback.format_exception(
            type(exception), exception, exception.__traceback__)).rstrip('\n')
    sys.stderr.write(text + '\n')
