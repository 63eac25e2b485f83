# multiprocessing at exit: non-daemon children are waited for, daemonic ones terminated.
import multiprocessing, time
def f(x):
    time.sleep(0.3)
    print('child', x, flush=True)
def g():
    time.sleep(5)
    print('daemon should not print')
if __name__ == '__main__':
    multiprocessing.Process(target=f, args=(1,)).start()
    multiprocessing.Process(target=g, daemon=True).start()
    print('parent done')
