/* _sre_engine_helpers.h — per-unit-type helpers of the matcher, included
 * with the loop (see _sre_engine_body.h) once for each SRE_CHAR. */

/* Does the anchor `kind` hold at pos? */
static bool SRE_NAME(at)(const SreState *st, const SRE_CHAR *s, uint32_t kind, ssize_t pos) {
  ssize_t end = st->end;
  switch (kind) {
  case SRE_AT_BEGINNING: return pos == 0;
  case SRE_AT_BEGINNING_LINE: return pos == 0 || s[pos - 1] == '\n';
  case SRE_AT_END: return pos == end || (pos == end - 1 && s[pos] == '\n');
  case SRE_AT_END_LINE: return pos == end || s[pos] == '\n';
  case SRE_AT_END_STRING: return pos == end;
  case SRE_AT_BOUNDARY:
  case SRE_AT_NON_BOUNDARY:
  case SRE_AT_UNI_BOUNDARY:
  case SRE_AT_UNI_NON_BOUNDARY: {
    if (end == 0) return false;
    uint32_t cat = kind <= SRE_AT_NON_BOUNDARY ? SRE_CAT_WORD : SRE_CAT_UNI_WORD;
    bool before = pos > 0 && sre_category(cat, s[pos - 1]);
    bool after = pos < end && sre_category(cat, s[pos]);
    return (kind == SRE_AT_BOUNDARY || kind == SRE_AT_UNI_BOUNDARY) ? before != after : before == after;
  }
  default: return false;
  }
}

/* How many of the next `limit` units pass the one-character test `one`. */
static ssize_t SRE_NAME(count)(const SreProgram *prog, const uint32_t *one, const SRE_CHAR *p, ssize_t limit) {
  ssize_t n = 0;
  switch (one[0]) {
  case SRE_OP_ANY_ALL: return limit;
  case SRE_OP_ANY:
    while (n < limit && p[n] != '\n') n++;
    return n;
  case SRE_OP_LIT:
    while (n < limit && p[n] == one[1]) n++;
    return n;
  case SRE_OP_NOT_LIT:
    while (n < limit && p[n] != one[1]) n++;
    return n;
  default:
    while (n < limit && sre_test(prog, one, p[n])) n++;
    return n;
  }
}
