class Parser:
    def __init__(self, text):
        self.text = text

    def parse(self):
        return [self.convert(tok) for tok in self.text.split()]

    def convert(self, tok):
        return int(tok)

p = Parser("1 2 three")
print(p.parse())
