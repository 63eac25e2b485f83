/* main.c — the gilpy command line.
 *
 *   gilpy FILE [ARGS]    run a script as __main__
 *   gilpy -c CODE        run a string
 *   gilpy -m MODULE      run a module as __main__
 *   gilpy --dis FILE     print the bytecode of FILE
 *   gilpy --version
 *   gilpy                interactive prompt
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/error.h"
#include "runtime/exc.h"
#include "runtime/gilpy.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "vm/compile.h"
#include "vm/disasm.h"
#include "vm/eval.h"

static void usage(void) {
  fputs("usage: gilpy [--version] [--dis FILE] [-W ARG]... [-c CODE | -m MODULE | FILE] [ARGS]\n", stderr);
}

/* -W options, for sys.warnoptions once the runtime is up. */
#define MAX_WARNOPTIONS 64
static const char *warnoptions[MAX_WARNOPTIONS];
static int nwarnoptions;

static void start_runtime(int argc, char **argv) {
  runtime_init(argc, argv);
  for (int i = 0; i < nwarnoptions; i++) sys_add_warnoption(warnoptions[i]);
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (n + 1 == cap) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  if (!buf) return NULL;
  buf[n] = 0;
  *len = n;
  return buf;
}

static int disassemble(const char *path) {
  size_t len;
  char *src = read_file(path, &len);
  if (!src) {
    fprintf(stderr, "gilpy: can't open file '%s'\n", path);
    return 2;
  }
  CodeObject *co = compile_source(src, len, path, COMPILE_EXEC, 0);
  free(src);
  if (!co) {
    err_print_current();
    return 1;
  }
  disasm_code(co, stdout);
  return 0;
}

/* Reads one statement (with continuation lines) at the prompt; NULL at EOF. */
static char *read_statement(void) {
  size_t cap = 256, n = 0;
  char *buf = malloc(cap);
  char line[4096];
  bool block = false;
  const char *prompt = ">>> ";
  for (;;) {
    if (isatty(0)) {
      fputs(prompt, stderr);
      fflush(stderr);
    }
    if (!fgets(line, sizeof line, stdin)) {
      if (n == 0) {
        free(buf);
        return NULL;
      }
      break;
    }
    size_t l = strlen(line);
    if (n + l + 1 > cap) buf = realloc(buf, cap = (n + l + 1) * 2);
    memcpy(buf + n, line, l);
    n += l;
    buf[n] = 0;
    bool blank = strspn(line, " \t\r\n") == l;
    if (block && blank) break;
    size_t t = l;
    while (t && (line[t - 1] == '\n' || line[t - 1] == ' ' || line[t - 1] == '\r')) t--;
    if (t && line[t - 1] == ':') block = true;
    if (!block) break;
    prompt = "... ";
  }
  return buf;
}

static int repl(void) {
  for (;;) {
    char *src = read_statement();
    if (!src) break;
    if (strspn(src, " \t\r\n") == strlen(src)) {
      free(src);
      continue;
    }
    CodeObject *co = compile_source(src, strlen(src), "<stdin>", COMPILE_SINGLE, 0);
    free(src);
    if (!co) {
      err_print_current();
      continue;
    }
    Value globals = module_dict(import_module_cstr("__main__"));
    if (!globals || !eval_code(co, globals, globals)) {
      if (err_matches(&Exc_SystemExit)) return runtime_finalize(1);
      err_print_current();
    }
    fileio_flush_std();
  }
  return 0;
}

int main(int argc, char **argv) {
  /* As CPython: a write to a closed pipe raises BrokenPipeError instead of
   * killing the process. */
  signal(SIGPIPE, SIG_IGN);
  if (argc > 1 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))) {
    printf("gilpy %s (Python %s)\n", GILPY_VERSION, GILPY_PYTHON_VERSION);
    return 0;
  }
  if (argc > 1 && !strcmp(argv[1], "--help")) {
    usage();
    return 0;
  }
  if (argc > 1 && !strcmp(argv[1], "--dis")) {
    if (argc < 3) {
      usage();
      return 2;
    }
    runtime_init(argc - 2, argv + 2);
    return runtime_finalize(disassemble(argv[2]));
  }
  while (argc > 1 && !strncmp(argv[1], "-W", 2)) {
    int used = argv[1][2] ? 1 : 2;
    if (argc <= used) {
      fputs("Argument expected for the -W option\n", stderr);
      usage();
      return 2;
    }
    if (nwarnoptions < MAX_WARNOPTIONS) warnoptions[nwarnoptions++] = used == 1 ? argv[1] + 2 : argv[2];
    argv += used;
    argc -= used;
  }
  if (argc > 1 && (!strcmp(argv[1], "-c") || !strcmp(argv[1], "-m"))) {
    if (argc < 3) {
      fprintf(stderr, "Argument expected for the %s option\n", argv[1]);
      usage();
      return 2;
    }
    bool is_code = argv[1][1] == 'c';
    char *target = argv[2];
    argv[2] = is_code ? "-c" : argv[2];
    start_runtime(argc - 2, argv + 2);
    int status = is_code ? run_main_string(target) : run_main_module(target);
    return runtime_finalize(status);
  }
  if (argc > 1 && argv[1][0] == '-' && argv[1][1]) {
    fprintf(stderr, "Unknown option: %s\n", argv[1]);
    usage();
    return 2;
  }
  if (argc > 1) {
    start_runtime(argc - 1, argv + 1);
    return runtime_finalize(run_main_file(argv[1]));
  }
  char *empty[] = {"", NULL};
  start_runtime(1, empty);
  return runtime_finalize(repl());
}
