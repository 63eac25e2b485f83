import atexit

def goodbye(name, punct="!"):
    print(f"goodbye {name}{punct}")

atexit.register(goodbye, "world")
atexit.register(goodbye, "again", punct="?")

@atexit.register
def last():
    print("registered last, runs first")

def failing():
    raise ValueError("callback failed")

atexit.register(failing)
atexit.register(print, "never")
atexit.unregister(print)
print("main body done")
