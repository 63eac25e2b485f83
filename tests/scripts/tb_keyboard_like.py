class StopProgram(BaseException):
    pass

def worker():
    raise StopProgram("stopping")

try:
    worker()
except Exception:
    print("not caught by Exception")
