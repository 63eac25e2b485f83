for src in ['x = 1abc', 'x = 1.e', 'x = 1e', 'x = 1.5e+', 'x = 1_', 'x = 12.3x', 'x = 1ex', 'x = 123e', 'x = 1.2.3', 'x = 0.5j2', 'x = 10L', 'x = 1.5_', 'x = 5e5x']:
    try: compile(src, 'f', 'exec')
    except SyntaxError as e: print(repr(src), e.msg, e.offset, e.end_offset)
