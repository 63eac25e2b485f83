x = {'a': 1, 'bcd'}
