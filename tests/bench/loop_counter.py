counter = 0
i = 0
while i < 20_000_000:
    counter = counter + 1
    i += 1
print(counter)
