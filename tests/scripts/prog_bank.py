class InsufficientFunds(Exception):
    pass

class Account:
    interest = 0.02
    _next_id = 1

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has only {self.balance}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def __repr__(self):
        return f"Account#{self.id}({self.owner}, {self.balance:.2f})"

class Savings(Account):
    interest = 0.05
    def add_interest(self):
        self.balance *= 1 + self.interest
        return self

a = Account("ann", 100).deposit(50).withdraw(30)
s = Savings("sam", 1000).add_interest()
print(a, s, a.history)
for amt in [500, -5]:
    try:
        a.withdraw(amt) if amt > 0 else a.deposit(amt)
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, e)
print(sorted([a, s], key=lambda acc: acc.balance), Account.interest, Savings.interest)
