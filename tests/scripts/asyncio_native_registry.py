# The task registry behind all_tasks/current_task: task-like objects of
# other types, unregistering, entering and leaving tasks by hand.
import asyncio

class FakeTask:
    def __init__(self, loop):
        self._loop = loop
        self.finished = False
    def get_loop(self):
        return self._loop
    def done(self):
        return self.finished

async def main():
    loop = asyncio.get_running_loop()
    fake = FakeTask(loop)
    asyncio.tasks._register_task(fake)
    print(fake in asyncio.all_tasks())
    fake.finished = True
    print(fake in asyncio.all_tasks())
    asyncio.tasks._unregister_task(fake)
    fake.finished = False
    print(fake in asyncio.all_tasks())
    t = asyncio.create_task(asyncio.sleep(1))
    asyncio.tasks._unregister_task(t)
    print(t in asyncio.all_tasks())
    asyncio.tasks._register_task(t)
    print(t in asyncio.all_tasks(), len(asyncio.all_tasks()))
    t.cancel()
    print(asyncio.current_task(loop).get_coro().__name__)
    asyncio.tasks._leave_task(loop, asyncio.current_task())
    print(asyncio.current_task())
    asyncio.tasks._enter_task(loop, t)
    print(asyncio.current_task() is t)
    asyncio.tasks._leave_task(loop, t)
    asyncio.tasks._enter_task(loop, asyncio.tasks._current_tasks.get(loop) or main_task)

main_task = None
async def runner():
    global main_task
    main_task = asyncio.current_task()
    await main()
asyncio.run(runner())
print('done')
