print("{0} {1} {0}".format("a", "b"), "{} and {}".format(1, [2]))
print("{:<6}|{:>6}|{:^6}|".format("l", "r", "c"))
print("{:08.3f} {:+d} {: d} {:,} {:_} {:x} {:#o} {:b} {:e}".format(3.14159, 5, 5, 1234567, 1234567, 255, 8, 5, 0.00012))
p = {"name": "Ann", "age": 30}
print("{name} is {age}".format(**p), "{0[name]}".format(p), "{p[age]}".format(p=p))
class P:
    x = 3
print("{0.x} {obj.x}".format(P(), obj=P()))
print("{!r} {!s} {!a}".format("q", "q", "é"))
print("{:{w}.{p}f}".format(2.71828, w=8, p=2), "{{}} {}".format(1))
print("%s %s" % ("a", 1), "%r" % ("x",), "%-5d|" % 42, "%+.2e" % 1234.5, "%(k)s=%(v)d" % {"k": "n", "v": 5})
print("%3d%%" % 50, "%c%c" % (72, "i"), "%.3s" % "abcdef", "%5.1f|%-8s|" % (2.25, "ok"), "%i %u" % (3, 4))
print("%s" % [1, 2], "%s" % (1,), "%d items" % 3.9)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("one",)
except TypeError as e:
    print("TypeError:", e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
print(format(1234.5678, ",.2f"), format(0.5, "%"), format(42, "*^10"), format("s", "<3") + "|")
