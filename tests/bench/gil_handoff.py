# Two threads ping-pong 20 000 times: through a Condition, then through a
# pair of queue.Queue objects.  Every round trip is a GIL hand-off.
import queue
import threading

N = 20_000
cond = threading.Condition()
turn = [0]
count = [0, 0]


def player(me):
    for _ in range(N // 2):
        with cond:
            while turn[0] != me:
                cond.wait()
            count[me] += 1
            turn[0] = 1 - me
            cond.notify()


a = threading.Thread(target=player, args=(0,))
b = threading.Thread(target=player, args=(1,))
a.start()
b.start()
a.join()
b.join()
print("condition ping-pong:", count)

q1, q2 = queue.Queue(), queue.Queue()


def echo():
    while True:
        x = q1.get()
        if x is None:
            break
        q2.put(x + 1)


t = threading.Thread(target=echo)
t.start()
total = 0
for i in range(N // 4):
    q1.put(i)
    total += q2.get()
q1.put(None)
t.join()
print("queue ping-pong:", total)
