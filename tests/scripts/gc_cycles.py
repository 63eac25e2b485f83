class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

for i in range(200000):
    a = Node("a")
    b = Node("b")
    a.peer = b
    b.peer = a
print("cycles created and dropped")
data = []
for i in range(100000):
    data.append([i, str(i), (i, i)])
    if len(data) > 100:
        data = []
print(len(data))
big_total = 0
for i in range(300000):
    s = "item-" + str(i)
    big_total += len(s)
print(big_total)
