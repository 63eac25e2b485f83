# A coroutine that is never awaited is reported when its last reference
# goes away: here right after the call statement and after print().
async def job(n):
    return n

job(1)
print("after statement")
print(job(2))
print("after print")
kept = job(3)
print("end")
