# A start_server handler that raises: the loop's exception handler gets
# 'Unhandled exception in client_connected_cb' with the exception and the
# transport, and the connection is closed, so the client is not left waiting.
import asyncio


async def handle(reader, writer):
    raise ValueError('handler failed')


def on_error(loop, context):
    print(context['message'], type(context['exception']).__name__, context['exception'],
          'transport' in context)


async def main():
    asyncio.get_running_loop().set_exception_handler(on_error)
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    try:
        data = await asyncio.wait_for(reader.read(), 5)
        print('client: connection closed', data)
    except ConnectionResetError:
        print('client: connection closed', b'')
    writer.close()
    server.close()
    await server.wait_closed()


asyncio.run(main())
