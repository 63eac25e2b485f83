people = [
    {"name": "Zoe", "age": 25, "score": 88.5},
    {"name": "adam", "age": 31, "score": 92.0},
    {"name": "Bea", "age": 25, "score": 79.25},
    {"name": "carl", "age": 19, "score": 92.0},
]
for key in ["name", "age", "score"]:
    print(key, [p["name"] for p in sorted(people, key=lambda p: p[key] if key != "name" else p[key].lower())])
print([p["name"] for p in sorted(people, key=lambda p: (-p["score"], p["age"]))])
by_age = {}
for p in people:
    by_age.setdefault(p["age"], []).append(p["name"])
print(dict(sorted(by_age.items())))
top = max(people, key=lambda p: p["score"])
print(top["name"], round(sum(p["score"] for p in people) / len(people), 3))
ranked = sorted(people, key=lambda p: p["score"], reverse=True)
for rank, p in enumerate(ranked, 1):
    print(f"{rank}. {p['name']:<5} {p['score']:6.2f}")
pairs = sorted({"b": 2, "a": 3, "c": 1}.items(), key=lambda kv: kv[1])
print(pairs, [k for k, _ in pairs])
