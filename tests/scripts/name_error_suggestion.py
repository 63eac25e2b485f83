def area(width, height):
    result = width * heigth
    return result

print(area.__name__)
area(2, 3)
