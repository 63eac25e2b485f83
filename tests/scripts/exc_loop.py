results = []
for value in ["1", "x", "3", None, "5", "2.5"]:
    try:
        results.append(int(value))
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    finally:
        results.append("|")
print(results)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError(f"attempt {attempts}")
        print("connected after", attempts)
        break
    except ConnectionError as e:
        print("retry:", e)
def parse_all(items):
    out, errors = [], []
    for i, s in enumerate(items):
        try:
            out.append(float(s))
        except ValueError as e:
            errors.append((i, str(e)))
    return out, errors
print(parse_all(["1.5", "abc", "2e3", "", "-0"]))
