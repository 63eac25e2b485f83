class MyError(Exception):
    pass

def go():
    raise MyError("something went wrong")

go()
