# "coroutine ... was never awaited" goes through the warnings filters.
import gc
import sys
import warnings

sys.stderr = sys.stdout


async def job():
    pass


def drop():
    job()


drop()
gc.collect()
print("-- ignored:")
with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)
    drop()
    gc.collect()
print("-- recorded:")
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    drop()
    gc.collect()
print([(w.category.__name__, str(w.message), w.source is not None) for w in log])
print("-- default again:")
drop()
gc.collect()
print("end")
