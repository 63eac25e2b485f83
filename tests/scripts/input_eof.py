print("asking")
try:
    name = input("name? ")
except EOFError as e:
    print("EOFError:", e)
print("done")
