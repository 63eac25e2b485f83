/* names.c — the table of interned well-known identifiers (names.h).
 *
 * Filled once by names_init() at start-up, before any other area interns
 * or looks up a dunder; afterwards read-only, so threads share it freely.
 * Interned strings are immortal, so the table needs no GC root.
 */
#include "runtime/names.h"
#include "runtime/str.h"

StrObject *names_table[NAME_COUNT];

static const char *const name_texts[NAME_COUNT] = {
#define X(n) #n,
    NAMES_LIST(X)
#undef X
};

void names_init(void) {
  for (int i = 0; i < NAME_COUNT; i++) {
    if (!names_table[i]) names_table[i] = str_intern_cstr(name_texts[i]);
  }
}
