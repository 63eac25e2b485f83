# multiprocessing: Process, Queue, Pipe, exit codes and a crashing child.
import io
import multiprocessing
import os
import sys


def work(q, x, scale=1):
    q.put((multiprocessing.current_process().name, x * scale, os.getpid() != PARENT))


def crash():
    sys.stderr = io.StringIO()
    raise ValueError('boom')


def leave(code):
    sys.exit(code)


def echo(conn):
    while True:
        msg = conn.recv()
        if msg == 'STOP':
            break
        conn.send(('echo', msg))
    conn.close()


PARENT = os.getpid()

if __name__ == '__main__':
    print(multiprocessing.current_process().name)
    print(multiprocessing.cpu_count() >= 1)
    values = [None, True, False, 0, -5, 2**70, 1.5, float('inf'), 'text é😀', b'\x00\xff',
              [1, [2]], (3, (4,)), {'k': {'n': [None]}}, {1, 2}, frozenset({'a'}),
              ValueError('bad', 3), KeyError('k')]
    parent_end, child_end = multiprocessing.Pipe()
    p = multiprocessing.Process(target=echo, args=(child_end,))
    p.start()
    for v in values:
        parent_end.send(v)
        tag, back = parent_end.recv()
        if isinstance(v, BaseException):
            print(tag, type(back).__name__, back.args)
        else:
            print(tag, back == v, type(back).__name__)
    parent_end.send('STOP')
    p.join()
    print('echo exitcode', p.exitcode)

    q = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=work, args=(q, i), kwargs={'scale': 10}) for i in range(3)]
    print([p.name for p in procs])
    print(procs[0].is_alive(), procs[0].exitcode, procs[0].pid)
    for p in procs:
        p.start()
    got = sorted(q.get(timeout=5) for _ in procs)
    for p in procs:
        p.join()
    print(got)
    print([p.exitcode for p in procs], [p.is_alive() for p in procs])

    p = multiprocessing.Process(target=crash)
    p.start()
    p.join()
    print('crash exitcode', p.exitcode)
    p = multiprocessing.Process(target=leave, args=(7,), name='leaver')
    p.start()
    p.join()
    print(p.name, 'exitcode', p.exitcode)

    r, w = multiprocessing.Pipe(duplex=False)
    w.send_bytes(b'raw bytes')
    print(r.poll(1), r.recv_bytes())
    print(r.poll(0.01))
    try:
        q.get(timeout=0.05)
    except Exception as e:
        print(type(e).__name__)
    q.put('x')
    print(q.get(timeout=5), q.empty())

    p = multiprocessing.Process(target=os.getpid, daemon=True)
    print(p.daemon)
    p.start()
    p.join(5)
    print(p.exitcode)
