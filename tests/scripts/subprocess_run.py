# subprocess: run, call, check_call, check_output, getoutput,
# getstatusoutput, CompletedProcess and the errors, text mode, env and cwd.
import os
import subprocess
import sys

PY = sys.executable

r = subprocess.run(['echo', 'hello', 'world'], capture_output=True)
print(r)
print(type(r).__name__, r.args, r.returncode, r.stdout, r.stderr)
r.check_returncode()

r = subprocess.run(['echo', 'text'], capture_output=True, text=True)
print(r)
r = subprocess.run(['echo', 'un'], stdout=subprocess.PIPE, universal_newlines=True)
print(repr(r.stdout), r.stderr)
r = subprocess.run([PY, '-c', 'import sys; sys.stdout.buffer.write(b"a\\r\\nb\\rc\\n")'],
                   capture_output=True, text=True)
print('newlines translated:', repr(r.stdout))
r = subprocess.run([PY, '-c', 'import sys; sys.stdout.buffer.write(b"a\\r\\nb\\n")'],
                   capture_output=True)
print('bytes untouched:', r.stdout)
r = subprocess.run(['cat'], input='h\u00e9llo\n', capture_output=True, encoding='utf-8')
print('encoding:', repr(r.stdout))
r = subprocess.run(['cat'], input=b'\xff\xfe', capture_output=True)
print(r.stdout)
r = subprocess.run(['printf', '\\377ok'], capture_output=True, errors='replace')
print('errors=replace:', repr(r.stdout))

# Return codes and check.
print(subprocess.run(['sh', '-c', 'exit 7']).returncode)
print(subprocess.call(['sh', '-c', 'exit 3']))
print(subprocess.check_call(['true']))
for cmd in (['false'], ['sh', '-c', 'exit 42'], 'exit 5'):
    try:
        subprocess.run(cmd, check=True, shell=isinstance(cmd, str))
    except subprocess.CalledProcessError as e:
        print(type(e).__name__, e, repr(e), e.returncode, e.cmd, e.output, e.stdout, e.stderr)
try:
    subprocess.check_call(['sh', '-c', 'kill -9 $$'])
except subprocess.CalledProcessError as e:
    print(e)
    print(e.returncode)
try:
    subprocess.check_call(['sh', '-c', 'kill -TERM $$'])
except subprocess.CalledProcessError as e:
    print(e)
print(str(subprocess.CalledProcessError(-200, 'x')))
try:
    subprocess.run(['sh', '-c', 'echo partial; echo oops >&2; exit 2'], capture_output=True, check=True)
except subprocess.CalledProcessError as e:
    print(e, e.stdout, e.stderr)
r = subprocess.run(['sh', '-c', 'exit 1'])
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print('check_returncode:', e)

# check_output.
print(subprocess.check_output(['echo', 'out']))
print(subprocess.check_output(['sh', '-c', 'echo out; echo err >&2'], stderr=subprocess.STDOUT))
print(subprocess.check_output('echo $0', shell=True, text=True))
print(repr(subprocess.check_output(['cat'], input=None, text=True)))
print(subprocess.check_output(['cat'], input=b'fed'))
try:
    subprocess.check_output(['echo'], stdout=subprocess.PIPE)
except ValueError as e:
    print('ValueError:', e)
try:
    subprocess.check_output(['sh', '-c', 'echo some; exit 9'])
except subprocess.CalledProcessError as e:
    print(e, e.output)

# getoutput and getstatusoutput.
print(subprocess.getoutput('echo one; echo two'))
print(subprocess.getstatusoutput('echo fail >&2; exit 4'))
print(subprocess.getstatusoutput('printf x'))
print(subprocess.getstatusoutput('nosuchcommand_here 2>/dev/null'))

# Errors of starting.
try:
    subprocess.run(['nosuchprog'])
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
try:
    subprocess.run(['/no/such/dir/prog'])
except FileNotFoundError as e:
    print(e)
try:
    subprocess.run(['ls'], cwd='/nonexistent_dir')
except FileNotFoundError as e:
    print(e, e.filename)
# (The tests run in a fresh temporary directory.)
os.mkdir('work')
plain = os.path.join(os.getcwd(), 'work', 'plain.txt')
with open(plain, 'w') as f:
    f.write('not a program\n')
try:
    subprocess.run([plain])
except PermissionError as e:
    print(type(e).__name__, e.errno, os.path.basename(e.filename))
try:
    subprocess.run(['echo'], input=b'x', stdin=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.run(['echo'], capture_output=True, stdout=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.Popen(['echo'], bufsize='x')
except TypeError as e:
    print(e)
try:
    subprocess.Popen(['echo'], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print(e)
try:
    subprocess.run(['echo', 'a\0b'])
except ValueError as e:
    print(e)

# env, cwd, executable, shell.
r = subprocess.run([PY, '-c', 'import os; print(os.environ.get("ONLY"), os.environ.get("HOME"))'],
                   env={'ONLY': 'this', 'PATH': os.environ.get('PATH', '/bin:/usr/bin')},
                   capture_output=True, text=True)
print(r.stdout, end='')
r = subprocess.run('echo $GREETING', shell=True, env={'GREETING': 'hi there'}, capture_output=True)
print(r.stdout)
d = os.path.join(os.getcwd(), 'work')
r = subprocess.run(['pwd'], cwd=d, capture_output=True, text=True)
print(r.stdout.strip() == d)
r = subprocess.run('pwd', shell=True, cwd=d.encode(), capture_output=True, text=True)
print(r.stdout.strip() == d)
r = subprocess.run(['pwd'], cwd='work', capture_output=True, text=True)
print(os.path.basename(r.stdout.strip()))
r = subprocess.run(['ignored-name', '-c', 'echo $0'], executable='/bin/sh', capture_output=True)
print(r.stdout)
r = subprocess.run('echo "$0"', shell=True, executable='/bin/sh', capture_output=True)
print(r.stdout)
r = subprocess.run('for i in 1 2 3; do echo $i; done | wc -l', shell=True, capture_output=True, text=True)
print(r.stdout.strip())

# The standard streams redirected: DEVNULL, STDOUT, files and descriptors.
r = subprocess.run(['cat'], stdin=subprocess.DEVNULL, capture_output=True)
print('devnull in:', r.stdout)
r = subprocess.run(['echo', 'gone'], stdout=subprocess.DEVNULL)
print(r.stdout, r.returncode)
r = subprocess.run(['sh', '-c', 'echo 1; echo 2 >&2; echo 3'], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT)
print(r.stdout, r.stderr)
with open('work/out.bin', 'w+b') as f:
    subprocess.run(['echo', 'to a file'], stdout=f)
    f.seek(0)
    print(f.read())
with open('work/in.bin', 'w+b') as f:
    f.write(b'from a file\n')
    f.seek(0)
    print(subprocess.run(['cat'], stdin=f, capture_output=True).stdout)
r_fd, w_fd = os.pipe()
subprocess.run(['echo', 'via fd'], stdout=w_fd)
os.close(w_fd)
print(os.read(r_fd, 100))
os.close(r_fd)

# pass_fds and close_fds.
r_fd, w_fd = os.pipe()
code = 'import os, sys; os.write(int(sys.argv[1]), b"passed")'
subprocess.run([PY, '-c', code, str(w_fd)], pass_fds=(w_fd,))
os.close(w_fd)
print(os.read(r_fd, 100))
os.close(r_fd)
r_fd, w_fd = os.pipe()
os.set_inheritable(w_fd, True)
print(os.get_inheritable(w_fd))
r = subprocess.run(['sh', '-c', 'echo x >&%d' % w_fd], capture_output=True)
print('closed in child:', r.returncode != 0)
r = subprocess.run(['sh', '-c', 'echo kept >&%d' % w_fd], close_fds=False)
os.close(w_fd)
print(os.read(r_fd, 100))
os.close(r_fd)

# start_new_session and process_group.
code = 'import os; print(os.getpgid(0) == os.getpid())'
print(subprocess.run([PY, '-c', code], capture_output=True, text=True).stdout.strip())
print(subprocess.run([PY, '-c', code], capture_output=True, text=True,
                     start_new_session=True).stdout.strip())
print(subprocess.run([PY, '-c', code], capture_output=True, text=True,
                     process_group=0).stdout.strip())

# list2cmdline.
print(subprocess.list2cmdline(['a b', 'c', 'd"e', '', 'f\\\\', 'g\\"h']))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
print(sorted(subprocess.__all__))
print(subprocess.CompletedProcess(['x'], 0))
print(subprocess.CompletedProcess('y', 1, 'o', b'e'))

# user, group and extra_groups: checked before the child starts.
for kw in ({'user': -1}, {'group': -2}, {'extra_groups': 'x'}, {'extra_groups': [-3]},
           {'user': 1.5}, {'group': 2.5}, {'extra_groups': [None]}):
    try:
        subprocess.run(['true'], **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(subprocess.run(['id', '-u'], user=os.getuid(), group=os.getgid(),
                     capture_output=True, text=True).stdout.strip() == str(os.getuid()))
# A preexec_fn that cannot be called fails in the child.
try:
    subprocess.run(['true'], preexec_fn=5)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

# Children see os.environ as it is, whichever way it was changed.
os.environ['SP_FOO'] = 'set'
print(subprocess.run('echo $SP_FOO', shell=True, capture_output=True, text=True).stdout, end='')
del os.environ['SP_FOO']
os.environ.update(SP_A='1', SP_B='2')
print(subprocess.run('echo "[$SP_FOO] $SP_A$SP_B"', shell=True, capture_output=True, text=True).stdout, end='')
os.environ.pop('SP_A')
os.environ.setdefault('SP_C', '3')
print(subprocess.run('echo "[$SP_A] $SP_B$SP_C"', shell=True, capture_output=True, text=True).stdout, end='')
saved = dict(os.environ)
os.environ.clear()
print(repr(subprocess.run(['/usr/bin/env'], capture_output=True, text=True).stdout))
os.environ.update(saved)
