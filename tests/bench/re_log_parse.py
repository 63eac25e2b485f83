# re: a log-line parse loop — match each line with a compiled pattern and
# pull out named groups, then sub() on the messages.
import re

LINE = re.compile(r'(?P<ip>\d+\.\d+\.\d+\.\d+) - - \[(?P<date>[^\]]+)\] '
                  r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) (?P<size>\d+|-)')
methods = ["GET", "POST", "PUT", "DELETE"]
lines = []
for i in range(60_000):
    lines.append('10.0.%d.%d - - [12/Mar/2024:10:%02d:%02d +0000] "%s /api/v1/items/%d?q=%d HTTP/1.1" %d %s'
                 % (i % 256, i % 200, i % 60, i % 59, methods[i % 4], i, i * 7,
                    200 if i % 10 else 404, str(i * 13) if i % 5 else "-"))
lines.append("garbage line that does not match")
status = {}
sizes = 0
paths = 0
for line in lines:
    m = LINE.match(line)
    if m is None:
        continue
    status[m.group("status")] = status.get(m.group("status"), 0) + 1
    if m["size"] != "-":
        sizes += int(m["size"])
    path = re.sub(r"\d+", "N", m.group("path"))
    if path.startswith("/api/v1/items/N"):
        paths += 1
    ip, method = m.group("ip", "method")
print(sorted(status.items()), sizes, paths)
