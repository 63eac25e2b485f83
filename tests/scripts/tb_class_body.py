print("before class")
class Config:
    a = 1
    b = a + missing_name
