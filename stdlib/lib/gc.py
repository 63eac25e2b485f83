"""gc: the garbage collector's interface.

gilpy's collector is a full mark-sweep (no generations): collect() runs
one complete collection, weak reference callbacks and __del__ methods
included, before it returns.
"""
from _gc import enable, disable, isenabled, _request_collection, _collected

__all__ = ["collect", "enable", "disable", "isenabled"]


def collect(generation=2):
    """Run a full collection; return the number of objects it freed."""
    _request_collection(generation)
    # The eval loop collects at its safe point right after that call.
    return _collected()
