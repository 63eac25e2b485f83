class BST:
    def __init__(self):
        self.root = None
    def insert(self, key):
        def ins(node, key):
            if node is None:
                return [key, None, None]
            if key < node[0]:
                node[1] = ins(node[1], key)
            elif key > node[0]:
                node[2] = ins(node[2], key)
            return node
        self.root = ins(self.root, key)
    def inorder(self):
        out = []
        def walk(n):
            if n:
                walk(n[1]); out.append(n[0]); walk(n[2])
        walk(self.root)
        return out
    def height(self, n="root"):
        if n == "root":
            n = self.root
        return 0 if n is None else 1 + max(self.height(n[1]), self.height(n[2]))
    def __contains__(self, key):
        n = self.root
        while n:
            if key == n[0]:
                return True
            n = n[1] if key < n[0] else n[2]
        return False

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 30, 65]:
    t.insert(k)
print(t.inorder(), t.height(), 65 in t, 66 in t)
