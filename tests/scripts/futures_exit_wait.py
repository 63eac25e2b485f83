import time
from concurrent.futures import ThreadPoolExecutor
ex = ThreadPoolExecutor(2)
def job(n):
    time.sleep(0.2)
    print("job", n, flush=True)
for i in range(4): ex.submit(job, i)
print("main done")
