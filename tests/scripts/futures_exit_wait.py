# An executor that is never shut down: interpreter exit still waits for
# the queued work (one worker, so the output order is fixed).
import time
from concurrent.futures import ThreadPoolExecutor
ex = ThreadPoolExecutor(1)
def job(n):
    time.sleep(0.05)
    print("job", n, flush=True)
for i in range(4): ex.submit(job, i)
print("main done", flush=True)
