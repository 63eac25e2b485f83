# match statement, course style: an asyncio chat/key-value server that
# dispatches on the shape of JSON messages, and a client that drives it.
import asyncio
import dataclasses
import json


@dataclasses.dataclass
class Join:
    user: str


@dataclasses.dataclass
class Say:
    user: str
    text: str


@dataclasses.dataclass
class Leave:
    user: str
    reason: str = "bye"


def parse(msg):
    """Turns a decoded JSON message into an event, by its shape."""
    match msg:
        case {"type": "join", "user": str(user)}:
            return Join(user)
        case {"type": "say", "user": str(user), "text": str(text)} if text.strip():
            return Say(user, text.strip())
        case {"type": "say", "user": str(user)}:
            return ValueError(f"empty message from {user}")
        case {"type": "leave", "user": str(user), **extra}:
            return Leave(user, **extra)
        case {"type": "set", "key": str(k), "value": int() | float() | str() as v}:
            return ("set", k, v)
        case {"type": "get", "keys": [str(), *_] as keys}:
            return ("get", keys)
        case {"type": str(kind)}:
            return ValueError(f"unknown type {kind!r}")
        case [*batch]:
            return [parse(m) for m in batch]
        case _:
            return ValueError(f"not a message: {msg!r}")


class Server:
    def __init__(self):
        self.users = []
        self.store = {}
        self.log = []
        self.closed = asyncio.Event()

    def handle(self, event):
        match event:
            case Join(user) if user in self.users:
                return {"error": f"{user} already joined"}
            case Join(user):
                self.users.append(user)
                return {"ok": f"welcome {user}", "online": len(self.users)}
            case Say(user, text) if user not in self.users:
                return {"error": f"{user} must join first"}
            case Say(user, text):
                self.log.append(f"{user}: {text}")
                return {"ok": "sent", "lines": len(self.log)}
            case Leave(user, reason=r):
                if user in self.users:
                    self.users.remove(user)
                return {"ok": f"{user} left ({r})"}
            case ("set", key, value):
                self.store[key] = value
                return {"ok": f"{key} set"}
            case ("get", keys):
                return {"values": {k: self.store.get(k) for k in keys}}
            case [*events]:
                return [self.handle(e) for e in events]
            case ValueError() as err:
                return {"error": str(err)}

    async def client_connected(self, reader, writer):
        while line := await reader.readline():
            try:
                msg = json.loads(line)
            except ValueError:
                reply = {"error": "bad json"}
            else:
                reply = self.handle(parse(msg))
            writer.write(json.dumps(reply).encode() + b"\n")
            await writer.drain()
        writer.close()
        await writer.wait_closed()
        self.closed.set()


async def client(port, messages):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for m in messages:
        data = m if isinstance(m, bytes) else json.dumps(m).encode()
        writer.write(data + b"\n")
        await writer.drain()
        reply = json.loads(await reader.readline())
        print(">", data.decode())
        print("<", reply)
    writer.close()
    await writer.wait_closed()


async def main():
    server = Server()
    srv = await asyncio.start_server(server.client_connected, "127.0.0.1", 0)
    port = srv.sockets[0].getsockname()[1]
    await client(port, [
        {"type": "join", "user": "ann"},
        {"type": "join", "user": "ann"},
        {"type": "say", "user": "bob", "text": "hi"},
        {"type": "join", "user": "bob"},
        {"type": "say", "user": "bob", "text": "  hello ann  "},
        {"type": "say", "user": "ann", "text": "   "},
        {"type": "set", "key": "color", "value": "blue"},
        {"type": "set", "key": "size", "value": 3.5},
        {"type": "set", "key": "bad", "value": [1]},
        {"type": "get", "keys": ["color", "size", "nope"]},
        {"type": "get", "keys": []},
        [{"type": "say", "user": "ann", "text": "batch"}, {"type": "leave", "user": "bob", "reason": "late"}],
        {"type": "leave", "user": "ann"},
        {"type": "dance"},
        42,
        b"{not json",
    ])
    await server.closed.wait()
    srv.close()
    await srv.wait_closed()
    print("log:", server.log)
    print("users:", server.users, "store:", server.store)


asyncio.run(main())
