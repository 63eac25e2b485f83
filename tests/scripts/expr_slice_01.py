def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show('[0, 1, 2, 3, 4, 5][::2]', lambda: [0, 1, 2, 3, 4, 5][::2])
show('[0, 1, 2, 3, 4, 5][1::2]', lambda: [0, 1, 2, 3, 4, 5][1::2])
show('[0, 1, 2, 3, 4, 5][::-2]', lambda: [0, 1, 2, 3, 4, 5][::-2])
show('[0, 1, 2, 3, 4, 5][-2::-2]', lambda: [0, 1, 2, 3, 4, 5][-2::-2])
show('[0, 1, 2, 3, 4, 5][4:1:-1]', lambda: [0, 1, 2, 3, 4, 5][4:1:-1])
show('[0, 1, 2, 3, 4, 5][1:4:-1]', lambda: [0, 1, 2, 3, 4, 5][1:4:-1])
show('[0, 1, 2, 3, 4, 5][-100:3]', lambda: [0, 1, 2, 3, 4, 5][-100:3])
show('[0, 1, 2, 3, 4, 5][3:-100:-1]', lambda: [0, 1, 2, 3, 4, 5][3:-100:-1])
show("'abcdef'[::3]", lambda: 'abcdef'[::3])
show("'abcdef'[-1:-4:-1]", lambda: 'abcdef'[-1:-4:-1])
show("'abcdef'[2:2]", lambda: 'abcdef'[2:2])
show("'abcdef'[4:2]", lambda: 'abcdef'[4:2])
