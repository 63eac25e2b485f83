csv = """name,age,city
Alice,30,Paris
Bob,25,Berlin
Carol,35,Paris
Dan,40,Rome"""
rows = [line.split(",") for line in csv.splitlines()]
header, data = rows[0], rows[1:]
records = [dict(zip(header, r)) for r in data]
print(records[0])
by_city = {}
for r in records:
    by_city.setdefault(r["city"], []).append(r["name"])
print(by_city)
ages = [int(r["age"]) for r in records]
print(sum(ages) / len(ages), min(ages), max(ages))
print("\n".join(f"{r['name']:<6}|{r['age']:>4}|{r['city']:^8}|" for r in records))
sentence = "The  quick brown   fox jumps over the lazy dog"
print(" ".join(sentence.split()), sentence.lower().count("the"), sorted(set(sentence.lower().replace(" ", "")))[:5])
print(sentence.title(), sentence.split(" ")[:4], len(sentence.split()))
vowels = sum(1 for ch in sentence.lower() if ch in "aeiou")
print(vowels, {c: sentence.lower().count(c) for c in "aeiou"})
print("-".join(w[::-1] for w in sentence.split()))
template = "Dear {name}, your balance is {amount:,.2f} {cur}."
print(template.format(name="Ann", amount=1234567.891, cur="EUR"))
