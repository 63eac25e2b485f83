"""threading.local(): one attribute namespace per thread.

Run: build/gilpy samples/threads/thread_local.py
"""
import threading

context = threading.local()
context.user = "main"              # only the main thread sees this value
report = {}
report_lock = threading.Lock()


def handle(user):
    # A new thread starts with an empty namespace.
    before = getattr(context, "user", "<unset>")
    context.user = user
    context.calls = 0
    for _ in range(3):
        log_call()
    with report_lock:
        report[user] = (before, context.user, context.calls)


def log_call():
    # Reads "the current request's" data without passing it along.
    context.calls += 1


threads = [threading.Thread(target=handle, args=(name,)) for name in ("ana", "bo", "cy")]
for t in threads:
    t.start()
for t in threads:
    t.join()

for user in sorted(report):
    print(user, report[user])
print("main still sees:", context.user, "calls" in context.__dict__)


# A subclass can give every thread the same starting values via __init__.
class Settings(threading.local):
    def __init__(self):
        self.level = 1


settings = Settings()
settings.level = 5
seen = []
t = threading.Thread(target=lambda: seen.append(settings.level))
t.start()
t.join()
print("main level:", settings.level, "new thread level:", seen[0])
