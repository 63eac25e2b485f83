from string import Template, Formatter
t = Template('$who likes $what; $$5 ${who}s')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}), t.get_identifiers(), t.is_valid())
print(Template('$a $b').safe_substitute(a=1), Template('$ x').safe_substitute(), Template('${bad x}').safe_substitute())
for bad in ['$', 'ab\n  $ x', '${a']:
    try: Template(bad).substitute(a=1)
    except ValueError as e: print(e)
try: Template('$missing').substitute()
except KeyError as e: print('KeyError', e)
print(Template('$a$b').substitute({'a': 1}, b=2), Template('$a').substitute({'a': 1}, a=2), Template('x').is_valid(), Template('$').is_valid())
class P(Template): delimiter = '%'
print(P('%x and %%').substitute(x=5), Template('$_a1 $1').safe_substitute(_a1='ok'))
f = Formatter()
print(f.format('{0} {name!r:>6} {x[1]} {{}}', 'a', name='n', x=[0, 9]), list(f.parse('a{b:>{w}}c{{')))
print(f.format('{} {}', 1, 2), f.format('{0.real}', 3))
