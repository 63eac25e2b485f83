print("never printed")
# the next comment is Latin-1, not UTF-8: café
