"""multiprocessing.Process: run a function in a child process and wait for it.

Run: build/gilpy samples/processes/process_basics.py

A child has its own memory (and its own GIL): changes it makes to globals are
not seen by the parent.  Its output goes to the same terminal.
"""
import multiprocessing
import os

counter = 0


def work(name, n):
    global counter
    counter += n                    # changes the child's copy only
    print(f"child {name}: counter={counter}, has a parent: {os.getppid() == parent_pid}")


if __name__ == "__main__":
    parent_pid = os.getpid()        # the child inherits it through fork
    p = multiprocessing.Process(target=work, args=("one", 5), name="first-child")
    print("before start:", p.name, "alive:", p.is_alive(), "exitcode:", p.exitcode)
    p.start()
    p.join()                        # wait for the child to end
    print("after join: alive:", p.is_alive(), "exitcode:", p.exitcode)
    print("parent's counter is still", counter)
    print("child pid differed from ours:", p.pid != os.getpid())

    # Several children; join each before printing so the order is fixed.
    for i in range(3):
        child = multiprocessing.Process(target=work, args=(f"#{i}", i * 10))
        child.start()
        child.join()

    # current_process() names the process the code runs in.
    print("here:", multiprocessing.current_process().name)
    print("children left:", multiprocessing.active_children())
