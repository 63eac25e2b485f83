/* _sre_engine_body.h — the matcher loop, included twice by _sre_engine.c:
 * once for texts of bytes (bytes, ASCII str) and once for texts of code
 * points.  The includer defines SRE_CHAR (the unit type) and SRE_NAME(n)
 * (the function name for that unit type).
 *
 * run() executes the program from pc at pos.  Choice points, undo records
 * and assertion barriers go on st->stack; failing pops them.  Records that
 * restore marks and counters are only pushed while something on the stack
 * can still resume (st->resumable), since otherwise failing ends the
 * attempt and nothing needs restoring.
 */

static int SRE_NAME(run)(SreState *st, size_t pc, ssize_t pos) {
  const SRE_CHAR *s = (const SRE_CHAR *)st->text;
  const SreProgram *prog = st->prog;
  const uint32_t *code = prog->code;
  const ssize_t end = st->end;
  ssize_t *marks = st->marks;
  ssize_t *counters = st->counters;
  const size_t base = st->sp;

  for (;;) {
    if (__builtin_expect(--st->budget == 0, 0) && !sre_breather(st)) return -1;
    const uint32_t *op = &code[pc];
    switch (op[0]) {
    case SRE_OP_SUCCESS:
      if ((st->match_all && pos != end) || (pos == st->start && st->start == st->must_advance_at)) goto fail;
      marks[1] = pos;
      st->sp = base;
      st->resumable = 0;
      return 1;
    case SRE_OP_LIT:
      if (pos >= end || s[pos] != op[1]) goto fail;
      pos++;
      pc += 2;
      continue;
    case SRE_OP_ANY:
      if (pos >= end || s[pos] == '\n') goto fail;
      pos++;
      pc += 1;
      continue;
    case SRE_OP_ANY_ALL:
    case SRE_OP_NOT_LIT:
    case SRE_OP_LIT_I:
    case SRE_OP_NOT_LIT_I:
    case SRE_OP_IN:
      if (pos >= end || !sre_test(prog, op, s[pos])) goto fail;
      pos++;
      pc += sre_single_len(op);
      continue;
    case SRE_OP_AT:
      if (!SRE_NAME(at)(st, s, op[1], pos)) goto fail;
      pc += 2;
      continue;
    case SRE_OP_MARK: {
      uint32_t i = op[1];
      if (st->resumable && !push(st, BT_UNDO_MARK, (uint32_t)st->lastindex, 0, i, marks[i])) return -1;
      marks[i] = pos;
      if (i & 1) st->lastindex = (int)(i / 2);
      pc += 2;
      continue;
    }
    case SRE_OP_JMP:
      pc = op[1];
      continue;
    case SRE_OP_SPLIT:
      if (!push(st, BT_CHOICE, op[1], pos, 0, 0)) return -1;
      pc += 2;
      continue;
    case SRE_OP_REP_INIT: {
      uint32_t k = op[1];
      if (st->resumable && !push(st, BT_UNDO_COUNTER, 0, counters[2 * k + 1], k, counters[2 * k])) return -1;
      counters[2 * k] = 0;
      counters[2 * k + 1] = -1;
      pc += 2;
      continue;
    }
    case SRE_OP_REP: {
      /* Loop head, as CPython's MAX_UNTIL/MIN_UNTIL: the first min
       * iterations are required; an optional one is not entered where the
       * previous optional one started (it matched nothing and would again). */
      uint32_t k = op[1];
      ssize_t count = counters[2 * k];
      uint32_t mn = op[2], mx = op[3];
      if (count < (ssize_t)mn) {
        pc += 8;
      } else if ((mx != SRE_MAXREPEAT && count >= (ssize_t)mx) || pos == counters[2 * k + 1]) {
        pc = op[5];
      } else if (op[4] == SRE_REP_LAZY) {
        if (!push(st, BT_CHOICE, (uint32_t)(pc + 6), pos, 0, 0)) return -1;
        pc = op[5];
      } else {
        if (!push(st, BT_CHOICE, op[5], pos, 0, 0)) return -1;
        if (!push(st, BT_UNDO_COUNTER, 0, counters[2 * k + 1], k, counters[2 * k])) return -1;
        counters[2 * k + 1] = pos;
        pc += 8;
      }
      continue;
    }
    case SRE_OP_REP_BODY: {
      /* A lazy loop resumed to try one more (optional) iteration. */
      uint32_t k = op[1];
      if (st->resumable && !push(st, BT_UNDO_COUNTER, 0, counters[2 * k + 1], k, counters[2 * k])) return -1;
      counters[2 * k + 1] = pos;
      pc += 2;
      continue;
    }
    case SRE_OP_REP_TAIL: {
      uint32_t k = op[1];
      if (st->resumable && !push(st, BT_UNDO_COUNTER, 0, counters[2 * k + 1], k, counters[2 * k])) return -1;
      counters[2 * k]++;
      pc = op[2];
      continue;
    }
    case SRE_OP_REPONE: {
      uint32_t mn = op[1], mx = op[2], how = op[3];
      const uint32_t *one = op + 5;
      size_t next = pc + 5 + op[4];
      ssize_t room = end - pos;
      ssize_t limit = mx == SRE_MAXREPEAT || (ssize_t)mx > room ? room : (ssize_t)mx;
      if ((ssize_t)mn > limit) goto fail;
      ssize_t n = 0;
      if (how == SRE_REP_LAZY) {
        while (n < (ssize_t)mn && sre_test(prog, one, s[pos + n])) n++;
        if (n < (ssize_t)mn) goto fail;
        if (n < limit && !push(st, BT_REPONE_LAZY, (uint32_t)pc, pos, n, 0)) return -1;
        pos += n;
        pc = next;
        continue;
      }
      n = SRE_NAME(count)(prog, one, s + pos, limit);
      if (n < (ssize_t)mn) goto fail;
      if (how == SRE_REP_GREEDY && code[next] == SRE_OP_LIT) {
        /* Only stop where the literal that follows can match. */
        uint32_t lit = code[next + 1];
        while (n >= (ssize_t)mn && (pos + n >= end || s[pos + n] != lit)) n--;
        if (n < (ssize_t)mn) goto fail;
      }
      if (how == SRE_REP_GREEDY && n > (ssize_t)mn && !push(st, BT_REPONE, (uint32_t)pc, pos, n, 0)) return -1;
      pos += n;
      pc = next;
      continue;
    }
    case SRE_OP_GROUPREF: {
      ssize_t a = marks[2 * op[1]], b = marks[2 * op[1] + 1];
      if (a < 0 || b < 0 || b < a) goto fail;
      ssize_t len = b - a;
      if (len > end - pos) goto fail;
      if (op[2]) {
        for (ssize_t i = 0; i < len; i++)
          if (s[a + i] != s[pos + i] && sre_lower(prog, s[a + i]) != sre_lower(prog, s[pos + i])) goto fail;
      } else {
        for (ssize_t i = 0; i < len; i++)
          if (s[a + i] != s[pos + i]) goto fail;
      }
      pos += len;
      pc += 3;
      continue;
    }
    case SRE_OP_ATOMIC:
      if (!push(st, BT_BARRIER, 0, pos, 0, 0)) return -1;
      pc += 1;
      continue;
    case SRE_OP_ATOMIC_END:
      cut(st, BT_BARRIER);
      pc += 1;
      continue;
    case SRE_OP_ASSERT: {
      uint32_t back = op[1];
      bool negate = op[2] != 0;
      if ((ssize_t)back > pos) {
        if (!negate) goto fail;
        pc = op[3];
        continue;
      }
      if (!push(st, negate ? BT_NEGLOOK : BT_LOOK, op[3], pos, 0, 0)) return -1;
      pos -= back;
      pc += 4;
      continue;
    }
    case SRE_OP_ASSERT_END:
      pos = cut(st, BT_LOOK);
      if (pos < 0) goto fail; /* no assertion open: a malformed program */
      pc += 1;
      continue;
    case SRE_OP_ASSERT_NOT_END:
      /* The negated body matched: undo it and fail past the assertion. */
      for (;;) {
        if (st->sp == base) return 0; /* no assertion open: a malformed program */
        SreBacktrack *e = &st->stack[--st->sp];
        if (e->kind == BT_NEGLOOK) {
          st->resumable--;
          break;
        }
        undo(st, e);
      }
      goto fail;
    case SRE_OP_GROUPREF_EXISTS: {
      ssize_t a = marks[2 * op[1]], b = marks[2 * op[1] + 1];
      pc = (a >= 0 && b >= 0 && a <= b) ? pc + 3 : op[2];
      continue;
    }
    default:
      goto fail;
    }

  fail:
    for (;;) {
      if (st->sp == base) return 0;
      SreBacktrack *e = &st->stack[st->sp - 1];
      switch (e->kind) {
      case BT_CHOICE:
      case BT_NEGLOOK:
        st->sp--;
        st->resumable--;
        pc = e->pc;
        pos = e->pos;
        goto resume;
      case BT_REPONE: {
        /* Give back one more character, down to the minimum. */
        const uint32_t *rop = &code[e->pc];
        ssize_t mn = (ssize_t)rop[1];
        size_t next = e->pc + 5 + rop[4];
        ssize_t n = e->a - 1;
        if (code[next] == SRE_OP_LIT) {
          uint32_t lit = code[next + 1];
          while (n >= mn && (e->pos + n >= end || s[e->pos + n] != lit)) n--;
        }
        if (n < mn) {
          st->sp--;
          st->resumable--;
          continue;
        }
        pos = e->pos + n;
        pc = next;
        if (n == mn) {
          st->sp--;
          st->resumable--;
        } else {
          e->a = n;
        }
        goto resume;
      }
      case BT_REPONE_LAZY: {
        /* Take one more character, up to the maximum. */
        const uint32_t *rop = &code[e->pc];
        ssize_t n = e->a;
        ssize_t room = end - e->pos;
        ssize_t limit = rop[2] == SRE_MAXREPEAT || (ssize_t)rop[2] > room ? room : (ssize_t)rop[2];
        if (n >= limit || !sre_test(prog, rop + 5, s[e->pos + n])) {
          st->sp--;
          st->resumable--;
          continue;
        }
        n++;
        pos = e->pos + n;
        pc = e->pc + 5 + rop[4];
        if (n >= limit) {
          st->sp--;
          st->resumable--;
        } else {
          e->a = n;
        }
        goto resume;
      }
      default:
        st->sp--;
        undo(st, e);
        continue;
      }
    }
  resume:;
  }
}

/* The search loop: tries run() at each position from pos, skipping the
 * positions where the program's first character test cannot succeed. */
static int SRE_NAME(search)(SreState *st, ssize_t pos) {
  const SRE_CHAR *s = (const SRE_CHAR *)st->text;
  const SreProgram *prog = st->prog;
  ssize_t end = st->end;
  size_t nmarks = 2 * ((size_t)prog->ngroups + 1);
  if (pos > end) return 0;
  for (;; pos++) {
    if (prog->first_lit >= 0) {
      SRE_CHAR want = (SRE_CHAR)prog->first_lit;
      if ((int32_t)want != prog->first_lit) return 0;
      while (pos < end && s[pos] != want) pos++;
      if (pos >= end) return 0;
    } else if (prog->first_test >= 0) {
      const uint32_t *t = &prog->code[prog->first_test];
      while (pos < end && !sre_test(prog, t, s[pos])) pos++;
      if (pos >= end) return 0;
    } else if (prog->has_first_set) {
      while (pos < end && !sre_may_start(prog, s[pos])) pos++;
      if (pos >= end) return 0;
    } else if (prog->line_start && pos > 0 && s[pos - 1] != '\n') {
      while (pos < end && s[pos - 1] != '\n') pos++;
    }
    for (size_t i = 0; i < nmarks; i++) st->marks[i] = -1;
    st->lastindex = -1;
    st->start = pos;
    st->marks[0] = pos;
    int r = SRE_NAME(run)(st, 0, pos);
    if (r != 0) return r;
    if (pos >= end || prog->anchored) return 0;
  }
}
