# contextvars: ContextVar, Token, Context and copy_context, outside asyncio.
import contextvars
import threading

v = contextvars.ContextVar('v', default=0)
w = contextvars.ContextVar('w')
print(type(v), type(contextvars.copy_context()), contextvars.Token, contextvars.Context)
print(contextvars.__all__, v.name, w.name)
print(repr(v).startswith("<ContextVar name='v' default=0 at 0x"), repr(w).startswith("<ContextVar name='w' at 0x"))


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e if 'at 0x' not in str(e) else str(e).split(' at 0x')[0] + '...')
    else:
        print(label, '->', repr(r) if 'at 0x' not in repr(r) else type(r).__name__)


attempt('w.get()', lambda: w.get())
print(w.get(5), v.get(), v.get(7), w.get(None))

t = v.set(1)
print(t.var is v, t.old_value, repr(t.old_value), type(t.old_value).__name__)
print(repr(t).startswith('<Token var=<ContextVar name='), v.get())
t2 = w.set(2)
print(t2.old_value is contextvars.Token.MISSING)

ctx = contextvars.copy_context()
print(len(ctx), ctx[v], ctx.get(w), v in ctx, ctx.get(contextvars.ContextVar('x'), 'dflt'))
print(sorted(k.name for k in ctx), sorted(ctx.values()), sorted((k.name, x) for k, x in ctx.items()))
print(sorted(k.name for k in ctx.keys()), type(iter(ctx)).__name__, type(ctx.items()).__name__)


def f(a, b=1):
    v.set(100)
    return a + b + v.get()


print(ctx.run(f, 1, b=2), v.get(), ctx[v])
print(ctx.run(v.get), contextvars.copy_context()[v])
attempt('nested run', lambda: ctx.run(lambda: ctx.run(print)))
attempt('run()', lambda: ctx.run())

v.reset(t)
print(v.get(), t.var is v, repr(t).startswith('<Token used var='))
attempt('reset twice', lambda: v.reset(t))
attempt('other var', lambda: w.reset(contextvars.copy_context().run(v.set, 3)))
attempt('other context', lambda: ctx.run(v.reset, v.set(9)))
attempt('not a token', lambda: v.reset(1))
w.reset(t2)
attempt('w after reset', lambda: w.get())

attempt('ContextVar()', lambda: contextvars.ContextVar())
attempt('ContextVar(1)', lambda: contextvars.ContextVar(1))
attempt('two positional', lambda: contextvars.ContextVar('a', 1))
attempt('three', lambda: contextvars.ContextVar('a', default=1, x=2))
attempt('get(1, 2)', lambda: v.get(1, 2))
attempt('set()', lambda: v.set())
attempt('Context(1)', lambda: contextvars.Context(1))
attempt('Token()', lambda: contextvars.Token())
attempt('ctx[1]', lambda: ctx[1])
attempt('1 in ctx', lambda: 1 in ctx)
attempt('ctx[new var]', lambda: ctx[contextvars.ContextVar('z')])
attempt('hash(ctx)', lambda: hash(ctx))
attempt('set name', lambda: setattr(v, 'name', 'x'))
attempt('copy_context(1)', lambda: contextvars.copy_context(1))
attempt('subclass', lambda: type('X', (contextvars.ContextVar,), {}))
print(contextvars.ContextVar[int], contextvars.Token[int])
print(contextvars.Context() == contextvars.Context(), ctx == ctx.copy(), ctx.copy() is ctx, ctx == 1)
print(len(contextvars.Context()), hash(v) == hash(v), v == v)

# A new thread starts in an empty context.
v.set(5)
seen = []
th = threading.Thread(target=lambda: seen.append((v.get(), contextvars.copy_context().get(v))))
th.start()
th.join()
print(seen, v.get())
# ... and Context.run carries a context into it.
ctx2 = contextvars.copy_context()
th = threading.Thread(target=lambda: seen.append(ctx2.run(v.get)))
th.start()
th.join()
print(seen)
