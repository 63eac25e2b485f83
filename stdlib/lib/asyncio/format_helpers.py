"""asyncio.format_helpers — how callbacks are named in reprs and log messages."""

import functools


def _get_function_source(func):
    while hasattr(func, '__func__'):
        func = func.__func__
    if isinstance(func, functools.partial):
        return _get_function_source(func.func)
    code = getattr(func, '__code__', None)
    if code is not None:
        return code.co_filename, code.co_firstlineno
    return None


def _format_args_and_kwargs(args, kwargs):
    items = []
    if args:
        items.extend(repr(arg) for arg in args)
    if kwargs:
        items.extend(f'{k}={v!r}' for k, v in kwargs.items())
    return '(' + ', '.join(items) + ')'


def _format_callback(func, args, kwargs, suffix=''):
    if isinstance(func, functools.partial):
        suffix = _format_args_and_kwargs(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)
    if getattr(func, '__qualname__', None):
        func_repr = func.__qualname__
    elif getattr(func, '__name__', None):
        func_repr = func.__name__
    else:
        func_repr = repr(func)
    func_repr += _format_args_and_kwargs(args, kwargs)
    if suffix:
        func_repr += suffix
    return func_repr


def _format_callback_source(func, args):
    func_repr = _format_callback(func, args, None)
    if getattr(getattr(func, "__func__", func), "_asyncio_native", False):
        return func_repr
    source = _get_function_source(func)
    if source:
        func_repr += f' at {source[0]}:{source[1]}'
    return func_repr
