import os
r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"data")
except BrokenPipeError as e:
    print("BrokenPipeError:", e)
print("still alive")
