"""An aiohttp.web server and an aiohttp client in one script, on one event loop.

Run: build/gilpy samples/network/aiohttp_app.py
"""
import asyncio

import aiohttp
from aiohttp import web


async def hello(request):
    name = request.query.get("name", "world")
    return web.Response(text=f"hello, {name}")


async def add(request):
    data = await request.json()
    return web.json_response({"sum": sum(data["numbers"])})


async def slow(request):
    # Answers only once all five slow requests have arrived: this works only
    # because the server handles them concurrently, each in its own task.
    arrived = request.app["arrived"]
    arrived.append(request.match_info["n"])
    if len(arrived) == 5:
        request.app["all_arrived"].set()
    await asyncio.wait_for(request.app["all_arrived"].wait(), timeout=10)
    return web.Response(text="slow " + request.match_info["n"])


async def main():
    app = web.Application()
    app["arrived"], app["all_arrived"] = [], asyncio.Event()
    app.add_routes([web.get("/hello", hello), web.post("/add", add),
                    web.get("/slow/{n}", slow)])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    base = f"http://127.0.0.1:{port}"

    async with aiohttp.ClientSession() as session:
        async with session.get(base + "/hello", params={"name": "gilpy"}) as resp:
            print(resp.status, resp.content_type, await resp.text())

        async with session.post(base + "/add", json={"numbers": [1, 2, 3.5]}) as resp:
            print(resp.status, await resp.json())

        async with session.get(base + "/nowhere") as resp:
            print(resp.status, resp.reason)

        # Five requests in flight at once, from one client session.
        async def fetch(n):
            async with session.get(f"{base}/slow/{n}") as resp:
                return await resp.text()
        print(await asyncio.gather(*(fetch(n) for n in range(5))))

    await runner.cleanup()


asyncio.run(main())
