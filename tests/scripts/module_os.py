import os
print(os.getpid() > 0, isinstance(os.getcwd(), str), os.sep)
print(os.path.join("a", "b", "c.txt"), os.path.join("/root", "x"), os.path.join("a/", "b"))
print(os.path.basename("/x/y/z.py"), os.path.dirname("/x/y/z.py"), os.path.split("/x/y/z.py"), os.path.splitext("arch.tar.gz"))
print(os.environ.get("GILPY_SURELY_UNSET", "default"), "PATH" in os.environ, type(os.environ.get("PATH")).__name__)
os.environ["GILPY_TEST_VAR"] = "value"
print(os.environ["GILPY_TEST_VAR"], os.getenv("GILPY_TEST_VAR"))
os.makedirs("sub/dir", exist_ok=True)
with open("sub/dir/f.txt", "w") as f:
    f.write("x")
print(os.path.isdir("sub"), os.path.isfile("sub/dir/f.txt"), os.listdir("sub"), os.path.getsize("sub/dir/f.txt"))
print(os.path.abspath("sub") == os.path.join(os.getcwd(), "sub"), os.cpu_count() > 0)
