# Debug mode of the event loop: slow callbacks are logged on the 'asyncio'
# logger with the handle's repr (which then names where it was created),
# cancelled handles keep their repr, and the mode comes from run(debug=True),
# set_debug() or PYTHONASYNCIODEBUG.  Durations are masked: only their
# format is checked.
import asyncio
import logging
import os
import time

messages = []


class Capture(logging.Handler):
    def emit(self, record):
        messages.append((record.levelname, record.name, record.getMessage()))


logging.getLogger('asyncio').addHandler(Capture())


def masked(text):
    # "took 0.153 seconds" -> "took N.NNN seconds" once its format is checked.
    head, sep, tail = text.partition(' took ')
    number, _, rest = tail.partition(' ')
    whole, dot, frac = number.partition('.')
    if sep and whole.isdigit() and dot and len(frac) == 3 and frac.isdigit():
        return head + ' took N.NNN ' + rest
    return text


def slow():
    time.sleep(0.15)


def quick():
    pass


async def main():
    loop = asyncio.get_running_loop()
    print('debug:', loop.get_debug())
    h = loop.call_soon(slow)
    print(repr(h).split(' at ')[0], 'created at' in repr(h))
    loop.call_soon(quick)
    await asyncio.sleep(0.01)
    t = loop.call_later(10, quick)
    t.cancel()
    print('cancelled keeps repr:', 'quick()' in repr(t), 'cancelled' in repr(t), t._callback)
    print('source traceback:', type(h._source_traceback).__name__,
          h._source_traceback[-1].name, h._source_traceback[-1].lineno)
    try:
        loop.call_soon(main)
    except TypeError as e:
        print('TypeError:', e)
    try:
        loop.call_later(1, 42)
    except TypeError as e:
        print('TypeError:', e)


asyncio.run(main(), debug=True)
# Only the slow callback's record: on a loaded machine a step of main()
# itself may also pass 0.1 s and be logged.
for level, name, text in messages:
    if 'slow()' in text:
        print(level, name, masked(text))

loop = asyncio.new_event_loop()
print('default:', loop.get_debug())
loop.set_debug(True)
h = loop.call_soon(quick)
print('set_debug:', loop.get_debug(), 'created at' in repr(h))
loop.close()
os.environ['PYTHONASYNCIODEBUG'] = '1'
loop = asyncio.new_event_loop()
print('PYTHONASYNCIODEBUG:', loop.get_debug())
loop.close()
