values = [10, 20, 30]
i = 0
while True:
    print(values[i])
    i += 1
