from collections import deque
graph = {
    "A": ["B", "C"], "B": ["D", "E"], "C": ["F"], "D": [], "E": ["F"], "F": ["G"], "G": [],
}
def bfs(start, goal):
    q = deque([[start]])
    seen = {start}
    while q:
        path = q.popleft()
        node = path[-1]
        if node == goal:
            return path
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                q.append(path + [nxt])
    return None

def dfs(node, seen=None):
    seen = seen if seen is not None else []
    seen.append(node)
    for n in graph[node]:
        if n not in seen:
            dfs(n, seen)
    return seen

print(bfs("A", "G"), bfs("D", "A"), dfs("A"))
dist = {"A": 0}
order = ["A"]
for node in order:
    for n in graph[node]:
        if n not in dist:
            dist[n] = dist[node] + 1
            order.append(n)
print(dist)
