"""multiprocessing.Queue: pass Python objects between processes.

Run: build/gilpy samples/processes/queue_between.py
"""
import multiprocessing


def square_worker(tasks, results):
    # Reads numbers until the None sentinel, answers with (n, n*n).
    while True:
        n = tasks.get()
        if n is None:
            break
        results.put((n, n * n))


if __name__ == "__main__":
    tasks = multiprocessing.Queue()
    results = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=square_worker, args=(tasks, results))
               for _ in range(3)]
    for w in workers:
        w.start()

    for n in range(10):
        tasks.put(n)
    for _ in workers:
        tasks.put(None)             # one sentinel per worker

    # Read the results before joining: a child that still has queued data
    # to send may not end until it is read.
    answers = [results.get() for _ in range(10)]
    for w in workers:
        w.join()

    # Workers answer in whatever order they run; sort for a stable display.
    print(sorted(answers))
    print("exit codes:", [w.exitcode for w in workers])

    # Any picklable value travels: dicts, lists, tuples, strings, None.
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=q.put, args=({"name": "gilpy", "tags": ["gil", "fork"],
                                                     "size": (1, 2.5), "none": None},))
    p.start()
    print(q.get())
    p.join()
