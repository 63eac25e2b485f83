class AppError(Exception):
    pass


def risky(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 3 == 1:
        raise KeyError(i)
    return i


caught = 0
total = 0
for i in range(600_000):
    try:
        total += risky(i)
    except AppError:
        caught += 1
    except KeyError as e:
        caught += 2
    finally:
        total += 1
print(caught, total)
