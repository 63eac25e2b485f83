def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


show("'Hello'.ljust(8, '.') + '|'", lambda: 'Hello'.ljust(8, '.') + '|')
show("'a-b_c d'.replace('-', ' ').replace('_', ' ').split()", lambda: 'a-b_c d'.replace('-', ' ').replace('_', ' ').split())
show("'CamelCaseString'.lower()", lambda: 'CamelCaseString'.lower())
show("''.join(c for c in 'a1b2' if c.isalpha())", lambda: ''.join(c for c in 'a1b2' if c.isalpha()))
show("'x,y;z'.replace(';', ',').split(',')", lambda: 'x,y;z'.replace(';', ',').split(','))
show("'abc'.encode('utf-8').decode('utf-8')", lambda: 'abc'.encode('utf-8').decode('utf-8'))
show("'%-10s|' % 'left'", lambda: '%-10s|' % 'left')
show("'%10s|' % 'right'", lambda: '%10s|' % 'right')
show("'{:^10}|'.format('mid')", lambda: '{:^10}|'.format('mid'))
show("'tab\\tsep'.split('\\t')", lambda: 'tab\tsep'.split('\t'))
show("'a\\\\b'", lambda: 'a\\b')
show("len('\\\\n')", lambda: len('\\n'))
