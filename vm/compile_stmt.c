/* compile_stmt.c — code generation for statements.
 *
 * Control flow that leaves a block early (return, break, continue) walks
 * the compiler's frame-block stack (Unit.fblocks) from the top and emits
 * the clean-up each block needs: popping the loop iterator, POP_BLOCK for
 * try bodies, running `finally` bodies inline, calling __exit__ of `with`,
 * restoring the handled exception of `except` bodies.
 *
 * The run-time block protocol is the one at the top of vm/opcodes.h: every
 * handler starts with [..., prev_exc, exc].  Invariants kept here:
 *  - handler bodies keep prev_exc and exc on the stack until they leave, so
 *    the value stack never drops below the level of an active block;
 *    re-raising inside a handler region is therefore `COPY 1; RERAISE`;
 *  - every handler body runs under a SETUP_CLEANUP block whose handler
 *    sees [.., prev_exc, exc, prev2, exc2] and restores prev_exc before
 *    re-raising: `COPY 4; POP_EXCEPT; RERAISE`;
 *  - leaving a handler normally: POP_BLOCK; POP_TOP (exc); POP_EXCEPT.
 * Layouts:
 *   try/except   SETUP_FINALLY H; body; POP_BLOCK; JUMP else
 *             H: SETUP_CLEANUP C; [<T>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next]
 *                [COPY 1; STORE n; SETUP_CLEANUP N]; handler body;
 *                [POP_BLOCK]; POP_BLOCK; POP_TOP; POP_EXCEPT; [n = None; del n]; JUMP end
 *             N: n = None; del n; COPY 1; RERAISE        (named handler raised)
 *          next: ... COPY 1; RERAISE                      (no clause matched)
 *             C: COPY 4; POP_EXCEPT; RERAISE
 *   try/finally  SETUP_FINALLY H; body; POP_BLOCK; finalbody; JUMP end
 *             H: SETUP_CLEANUP C; finalbody; POP_BLOCK; SWAP 2; POP_EXCEPT; RERAISE
 *   with         mgr; SETUP_WITH H; store/POP_TOP; body; POP_BLOCK;
 *                PUSH_NULL; SWAP 2; None x3; CALL 3; POP_TOP; JUMP end
 *             H: [exit, prev, exc] SETUP_CLEANUP C; WITH_EXCEPT_START;
 *                POP_JUMP_IF_TRUE S; COPY 1; RERAISE
 *             S: POP_BLOCK; POP_TOP; POP_EXCEPT; POP_TOP; JUMP end
 *   async for    GET_AITER; L: SETUP_FINALLY H; GET_ANEXT; <await>; POP_BLOCK;
 *                store; body; JUMP_BACKWARD L
 *             H: [aiter, prev, exc] SWAP 2; POP_EXCEPT; END_ASYNC_FOR
 */
#include <string.h>

#include "runtime/list.h"
#include "runtime/str.h"
#include "vm/compile_internal.h"

const Expr *comp_docstring(const StmtSeq *body) {
  if (body->count == 0) return NULL;
  const Stmt *s = body->items[0];
  if (s->kind != Expr_kind) return NULL;
  const Expr *e = s->v.Expr.value;
  if (e->kind != Constant_kind || e->v.Constant.kind != CONST_STR) return NULL;
  return e;
}

void comp_body(Compiler *c, const StmtSeq *body) {
  for (int i = 0; i < body->count; i++) comp_stmt(c, body->items[i]);
}

/* ---- frame blocks -------------------------------------------------------- */

static FBlock *push_fblock(Compiler *c, const Stmt *s, FBlockKind kind, int start, int exit) {
  Unit *u = c->u;
  if (u->nfblocks >= COMPILE_MAX_BLOCKS) {
    if (s)
      COMP_ERR_STMT(c, s, "too many statically nested blocks", NULL);
    else
      comp_error_at(c, (int)u->loc.line, u->loc.col, (int)u->loc.end_line, u->loc.end_col,
                    "too many statically nested blocks", NULL);
    return NULL;
  }
  FBlock *b = &u->fblocks[u->nfblocks++];
  memset(b, 0, sizeof *b);
  b->kind = kind;
  b->start_label = start;
  b->exit_label = exit;
  return b;
}

static void pop_fblock(Compiler *c, FBlock *b) {
  if (b && c->u->nfblocks > 0) c->u->nfblocks--;
}

/* [.., exit] -> [..]: exit(None, None, None), result dropped. */
static void emit_exit_call(Compiler *c, bool is_async) {
  emit0(c, OP_PUSH_NULL);
  emit(c, OP_SWAP, 2);
  emit_const(c, VAL_NONE);
  emit_const(c, VAL_NONE);
  emit_const(c, VAL_NONE);
  emit(c, OP_CALL, 3);
  if (is_async) {
    emit(c, OP_GET_AWAITABLE, 2);
    comp_yield_from_loop(c);
  }
  emit0(c, OP_POP_TOP);
}

/* [.., prev_exc, exc (, tos)] -> [.. (, tos)], restoring prev_exc. */
static void emit_drop_handler_state(Compiler *c, bool preserve_tos) {
  if (preserve_tos) {
    emit(c, OP_SWAP, 2);
    emit0(c, OP_POP_TOP);
    emit(c, OP_SWAP, 2);
  } else {
    emit0(c, OP_POP_TOP);
  }
  emit0(c, OP_POP_EXCEPT);
}

static void emit_unbind_name(Compiler *c, const char *name) {
  emit_const(c, VAL_NONE);
  comp_nameop(c, name, Store_ctx);
  comp_nameop(c, name, Del_ctx);
}

static void unwind_fblock(Compiler *c, FBlock *b, bool preserve_tos) {
  switch (b->kind) {
  case FB_WHILE_LOOP: break;
  case FB_FOR_LOOP:
  case FB_ASYNC_FOR_LOOP:
    if (preserve_tos) emit(c, OP_SWAP, 2);
    emit0(c, OP_POP_TOP);
    break;
  case FB_TRY_EXCEPT: emit0(c, OP_POP_BLOCK); break;
  case FB_FINALLY_TRY: {
    emit0(c, OP_POP_BLOCK);
    /* Run the finally body; a return inside it must drop our value. */
    FBlock *pv = NULL;
    if (preserve_tos) pv = push_fblock(c, NULL, FB_POP_VALUE, -1, -1);
    comp_body(c, b->finalbody);
    if (pv) pop_fblock(c, pv);
    break;
  }
  case FB_FINALLY_END:
    emit0(c, OP_POP_BLOCK);
    emit_drop_handler_state(c, preserve_tos);
    break;
  case FB_WITH:
  case FB_ASYNC_WITH:
    emit0(c, OP_POP_BLOCK);
    if (preserve_tos) emit(c, OP_SWAP, 2);
    emit_exit_call(c, b->kind == FB_ASYNC_WITH);
    break;
  case FB_HANDLER_CLEANUP:
    if (b->name) emit0(c, OP_POP_BLOCK); /* the block that unbinds the name on error */
    emit0(c, OP_POP_BLOCK);
    emit_drop_handler_state(c, preserve_tos);
    if (b->name) emit_unbind_name(c, b->name);
    break;
  case FB_POP_VALUE:
    if (preserve_tos) emit(c, OP_SWAP, 2);
    emit0(c, OP_POP_TOP);
    break;
  case FB_EXCEPT_STAR: break; /* unwind_stack refuses to leave it */
  }
}

/* Unwinds every block (return), or up to the innermost loop (break and
 * continue: *loop receives it; unwound too when unwind_loop). */
static void unwind_stack(Compiler *c, bool preserve_tos, FBlock **loop, bool unwind_loop) {
  Unit *u = c->u;
  if (u->nfblocks == 0) return;
  FBlock top = u->fblocks[u->nfblocks - 1];
  if (top.kind == FB_EXCEPT_STAR) {
    comp_error_at(c, (int)u->loc.line, u->loc.col, (int)u->loc.end_line, u->loc.end_col,
                  "'break', 'continue' and 'return' cannot appear in an except* block", NULL);
    return;
  }
  if (loop && (top.kind == FB_WHILE_LOOP || top.kind == FB_FOR_LOOP || top.kind == FB_ASYNC_FOR_LOOP)) {
    *loop = &u->fblocks[u->nfblocks - 1];
    if (unwind_loop) unwind_fblock(c, &top, preserve_tos);
    return;
  }
  /* Compile the block's clean-up with the block itself popped, so that
   * control flow inside a finally body refers to the outer blocks. */
  u->nfblocks--;
  unwind_fblock(c, &top, preserve_tos);
  unwind_stack(c, preserve_tos, loop, unwind_loop);
  u->fblocks[u->nfblocks++] = top;
  if (loop && *loop) {
    /* *loop points into fblocks below top, still valid */
  }
}

/* ---- statements ---------------------------------------------------------- */

/* Whether leaving the innermost loop (stop_at_loop) or the whole function
 * would go through the clauses of a try/except*, which unwind_stack refuses. */
static bool crosses_except_star(Compiler *c, bool stop_at_loop) {
  for (int i = c->u->nfblocks - 1; i >= 0; i--) {
    FBlockKind k = c->u->fblocks[i].kind;
    if (k == FB_EXCEPT_STAR) return true;
    if (stop_at_loop && (k == FB_WHILE_LOOP || k == FB_FOR_LOOP || k == FB_ASYNC_FOR_LOOP)) return false;
  }
  return false;
}

static void comp_return(Compiler *c, const Stmt *s) {
  if (c->u->ste->kind != BLOCK_FUNCTION) {
    COMP_ERR_STMT(c, s, "'return' outside function", NULL);
    return;
  }
  const Expr *v = s->v.Return.value;
  if (v && c->u->ste->is_generator && c->u->ste->is_coroutine) {
    COMP_ERR_STMT(c, s, "'return' with value in async generator", NULL);
    return;
  }
  if (v) comp_expr(c, v);
  COMP_LOC_STMT(c, s);
  /* CPython's position for that error: a constant value on the same line. */
  if (v && v->kind == Constant_kind && v->lineno == s->lineno && crosses_except_star(c, false)) COMP_LOC_EXPR(c, v);
  unwind_stack(c, v != NULL, NULL, false);
  COMP_LOC_STMT(c, s);
  if (!v) emit_const(c, VAL_NONE);
  emit0(c, OP_RETURN_VALUE);
}

static void comp_break_continue(Compiler *c, const Stmt *s, bool is_break) {
  FBlock *loop = NULL;
  Unit *u = c->u;
  int saved = u->nfblocks;
  /* Find whether there is a loop at all before emitting clean-up code. */
  bool any = false;
  for (int i = 0; i < u->nfblocks; i++)
    if (u->fblocks[i].kind == FB_WHILE_LOOP || u->fblocks[i].kind == FB_FOR_LOOP ||
        u->fblocks[i].kind == FB_ASYNC_FOR_LOOP)
      any = true;
  if (!any && !crosses_except_star(c, false)) {
    COMP_ERR_STMT(c, s, is_break ? "'break' outside loop" : "'continue' not properly in loop", NULL);
    return;
  }
  unwind_stack(c, false, &loop, is_break);
  (void)saved;
  COMP_LOC_STMT(c, s);
  if (!loop) return;
  if (is_break)
    emit_jump(c, OP_JUMP, loop->exit_label);
  else
    emit_jump(c, OP_JUMP_BACKWARD, loop->start_label);
}

static void comp_if(Compiler *c, const Stmt *s) {
  int orelse = new_label(c), end = new_label(c);
  comp_jump_if(c, s->v.If.test, false, s->v.If.orelse.count ? orelse : end);
  comp_body(c, &s->v.If.body);
  if (s->v.If.orelse.count) {
    emit_jump(c, OP_JUMP, end);
    bind_label(c, orelse);
    comp_body(c, &s->v.If.orelse);
  } else {
    bind_label(c, orelse);
  }
  bind_label(c, end);
}

static bool is_true_constant(const Expr *e) {
  if (e->kind != Constant_kind) return false;
  const AstConst *k = &e->v.Constant;
  return k->kind == CONST_TRUE || (k->kind == CONST_INT && k->v.i != 0);
}

static void comp_while(Compiler *c, const Stmt *s) {
  int start = new_label(c), orelse = new_label(c), end = new_label(c);
  bind_label(c, start);
  if (!is_true_constant(s->v.While.test)) {
    comp_jump_if(c, s->v.While.test, false, orelse);
  }
  FBlock *b = push_fblock(c, s, FB_WHILE_LOOP, start, end);
  comp_body(c, &s->v.While.body);
  pop_fblock(c, b);
  COMP_LOC_STMT(c, s);
  emit_jump(c, OP_JUMP_BACKWARD, start);
  bind_label(c, orelse);
  comp_body(c, &s->v.While.orelse);
  bind_label(c, end);
}

static void comp_for(Compiler *c, const Stmt *s) {
  int start = new_label(c), cleanup = new_label(c), end = new_label(c);
  comp_iter_expr(c, s->v.For.iter);
  COMP_LOC_STMT(c, s);
  emit0(c, OP_GET_ITER);
  bind_label(c, start);
  COMP_LOC_STMT(c, s);
  emit_jump(c, OP_FOR_ITER, cleanup);
  FBlock *b = push_fblock(c, s, FB_FOR_LOOP, start, end);
  comp_store_target(c, s->v.For.target);
  comp_body(c, &s->v.For.body);
  pop_fblock(c, b);
  COMP_LOC_STMT(c, s);
  emit_jump(c, OP_JUMP_BACKWARD, start);
  bind_label(c, cleanup);
  comp_body(c, &s->v.For.orelse);
  bind_label(c, end);
}

static void comp_async_for(Compiler *c, const Stmt *s) {
  if (!comp_is_toplevel_await(c) && !comp_in_async_context(c)) {
    COMP_ERR_STMT(c, s, "'async for' outside async function", NULL);
    return;
  }
  int start = new_label(c), except = new_label(c), end = new_label(c);
  comp_expr(c, s->v.For.iter);
  COMP_LOC_STMT(c, s);
  emit0(c, OP_GET_AITER);
  bind_label(c, start);
  COMP_LOC_STMT(c, s);
  emit_jump(c, OP_SETUP_FINALLY, except);
  emit0(c, OP_GET_ANEXT);
  comp_yield_from_loop(c);
  emit0(c, OP_POP_BLOCK);
  FBlock *b = push_fblock(c, s, FB_ASYNC_FOR_LOOP, start, end);
  comp_store_target(c, s->v.For.target);
  comp_body(c, &s->v.For.body);
  pop_fblock(c, b);
  COMP_LOC_STMT(c, s);
  emit_jump(c, OP_JUMP_BACKWARD, start);
  /* [aiter, prev_exc, exc] */
  bind_label(c, except);
  emit(c, OP_SWAP, 2);
  emit0(c, OP_POP_EXCEPT);
  emit0(c, OP_END_ASYNC_FOR);
  comp_body(c, &s->v.For.orelse);
  bind_label(c, end);
}

/* The shared tail of handler bodies: [.., prev_exc, exc, prev2, exc2]. */
static void emit_cleanup_handler(Compiler *c, int label) {
  bind_label(c, label);
  emit(c, OP_COPY, 4);
  emit0(c, OP_POP_EXCEPT);
  emit0(c, OP_RERAISE);
}

static void comp_with(Compiler *c, const Stmt *s, int item) {
  bool is_async = s->kind == AsyncWith_kind;
  if (item == 0 && is_async && !comp_is_toplevel_await(c) && !comp_in_async_context(c)) {
    COMP_ERR_STMT(c, s, "'async with' outside async function", NULL);
    return;
  }
  const WithItem *w = s->v.With.items.items[item];
  int handler = new_label(c), cleanup = new_label(c), suppress = new_label(c), end = new_label(c);
  comp_expr(c, w->context_expr);
  COMP_LOC_STMT(c, s);
  if (is_async) {
    emit0(c, OP_BEFORE_ASYNC_WITH);
    emit(c, OP_GET_AWAITABLE, 1);
    comp_yield_from_loop(c);
    emit_jump(c, OP_SETUP_ASYNC_WITH, handler);
  } else {
    emit_jump(c, OP_SETUP_WITH, handler);
  }
  FBlock *b = push_fblock(c, s, is_async ? FB_ASYNC_WITH : FB_WITH, -1, -1);
  if (w->optional_vars)
    comp_store_target(c, w->optional_vars);
  else
    emit0(c, OP_POP_TOP);
  if (item + 1 < s->v.With.items.count)
    comp_with(c, s, item + 1);
  else
    comp_body(c, &s->v.With.body);
  pop_fblock(c, b);
  COMP_LOC_STMT(c, s);
  emit0(c, OP_POP_BLOCK);
  emit_exit_call(c, is_async);
  emit_jump(c, OP_JUMP, end);
  /* [exit, prev_exc, exc] */
  bind_label(c, handler);
  emit_jump(c, OP_SETUP_CLEANUP, cleanup);
  emit0(c, OP_WITH_EXCEPT_START);
  if (is_async) {
    emit(c, OP_GET_AWAITABLE, 2);
    comp_yield_from_loop(c);
  }
  emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
  emit(c, OP_COPY, 1);
  emit0(c, OP_RERAISE);
  bind_label(c, suppress);
  emit0(c, OP_POP_BLOCK);
  emit0(c, OP_POP_TOP);
  emit0(c, OP_POP_EXCEPT);
  emit0(c, OP_POP_TOP);
  emit_jump(c, OP_JUMP, end);
  emit_cleanup_handler(c, cleanup);
  bind_label(c, end);
}

static void comp_try_except(Compiler *c, const Stmt *s) {
  int handler = new_label(c), cleanup = new_label(c), orelse = new_label(c), end = new_label(c);
  emit_jump(c, OP_SETUP_FINALLY, handler);
  FBlock *b = push_fblock(c, s, FB_TRY_EXCEPT, -1, -1);
  comp_body(c, &s->v.Try.body);
  pop_fblock(c, b);
  emit0(c, OP_POP_BLOCK);
  emit_jump(c, OP_JUMP, orelse);
  /* [prev_exc, exc] */
  bind_label(c, handler);
  emit_jump(c, OP_SETUP_CLEANUP, cleanup);
  int n = s->v.Try.handlers.count;
  for (int i = 0; i < n; i++) {
    const ExceptHandler *h = s->v.Try.handlers.items[i];
    comp_set_loc(c, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset);
    if (!h->type && i < n - 1) {
      comp_error_at(c, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset, "default 'except:' must be last",
                    NULL);
      return;
    }
    int next = new_label(c);
    if (h->type) {
      comp_expr(c, h->type);
      comp_set_loc(c, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset);
      emit0(c, OP_CHECK_EXC_MATCH);
      emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
    }
    if (h->name) {
      int named_cleanup = new_label(c);
      emit(c, OP_COPY, 1);
      comp_nameop(c, h->name, Store_ctx);
      emit_jump(c, OP_SETUP_CLEANUP, named_cleanup);
      FBlock *hb = push_fblock(c, s, FB_HANDLER_CLEANUP, -1, -1);
      if (hb) hb->name = h->name;
      comp_body(c, &h->body);
      pop_fblock(c, hb);
      emit0(c, OP_POP_BLOCK);
      emit0(c, OP_POP_BLOCK);
      emit0(c, OP_POP_TOP);
      emit0(c, OP_POP_EXCEPT);
      emit_unbind_name(c, h->name);
      emit_jump(c, OP_JUMP, end);
      /* The body raised: unbind the name, then let `cleanup` restore prev_exc. */
      bind_label(c, named_cleanup);
      emit_unbind_name(c, h->name);
      emit(c, OP_COPY, 1);
      emit0(c, OP_RERAISE);
    } else {
      FBlock *hb = push_fblock(c, s, FB_HANDLER_CLEANUP, -1, -1);
      comp_body(c, &h->body);
      pop_fblock(c, hb);
      emit0(c, OP_POP_BLOCK);
      emit0(c, OP_POP_TOP);
      emit0(c, OP_POP_EXCEPT);
      emit_jump(c, OP_JUMP, end);
    }
    bind_label(c, next);
  }
  /* No clause matched: re-raise (the cleanup block restores prev_exc). */
  emit(c, OP_COPY, 1);
  emit0(c, OP_RERAISE);
  emit_cleanup_handler(c, cleanup);
  bind_label(c, orelse);
  comp_body(c, &s->v.Try.orelse);
  bind_label(c, end);
}

/* try/except* (PEP 654), as CPython 3.11 compiles it.  The clauses run
 * with [prev_exc, orig, raised, rest]: CHECK_EG_MATCH splits the matching
 * part off rest (and makes it the handled exception), a handler that
 * raises has its exception appended to raised, and PREP_RERAISE_STAR
 * turns orig and raised (plus the unmatched rest) into what to re-raise.
 *     SETUP_FINALLY H; body; POP_BLOCK; JUMP else
 *  H: SETUP_CLEANUP C; BUILD_LIST 0; COPY 2            [prev, orig, raised, exc]
 *     per clause: <T>; CHECK_EG_MATCH; COPY 1; POP_JUMP_IF_NONE nomatch
 *        STORE n | POP_TOP; SETUP_CLEANUP R; body; POP_BLOCK; [n = None; del n]; JUMP next
 *     R: [n = None; del n]; SWAP 2; POP_EXCEPT; LIST_APPEND 2; JUMP next
 *     nomatch: POP_TOP
 *     next: ...
 *     LIST_APPEND 1; PREP_RERAISE_STAR; COPY 1; POP_JUMP_IF_NOT_NONE reraise
 *     POP_TOP; POP_BLOCK; POP_EXCEPT; JUMP end
 *  reraise: POP_BLOCK; SWAP 2; POP_EXCEPT; RERAISE
 *  C: COPY 4; POP_EXCEPT; RERAISE
 * R restores the clause's part as the handled exception, as CPython's
 * unwinding leaves it (its exc_info is not pushed for cleanup blocks). */
static void comp_try_star(Compiler *c, const Stmt *s) {
  int handler = new_label(c), cleanup = new_label(c), orelse = new_label(c), end = new_label(c);
  int reraise = new_label(c);
  emit_jump(c, OP_SETUP_FINALLY, handler);
  FBlock *b = push_fblock(c, s, FB_TRY_EXCEPT, -1, -1);
  comp_body(c, &s->v.Try.body);
  pop_fblock(c, b);
  emit0(c, OP_POP_BLOCK);
  emit_jump(c, OP_JUMP, orelse);
  /* [prev_exc, exc] */
  bind_label(c, handler);
  emit_jump(c, OP_SETUP_CLEANUP, cleanup);
  FBlock *sb = push_fblock(c, s, FB_EXCEPT_STAR, -1, -1);
  emit(c, OP_BUILD_LIST, 0);
  emit(c, OP_COPY, 2);
  int n = s->v.Try.handlers.count;
  for (int i = 0; i < n; i++) {
    const ExceptHandler *h = s->v.Try.handlers.items[i];
    comp_set_loc(c, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset);
    int next = new_label(c), no_match = new_label(c), raised = new_label(c);
    if (h->type) { /* the grammar requires one; kept for robustness */
      comp_expr(c, h->type);
      comp_set_loc(c, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset);
      emit0(c, OP_CHECK_EG_MATCH);
      emit(c, OP_COPY, 1);
      emit_jump(c, OP_POP_JUMP_IF_NONE, no_match);
    }
    if (h->name)
      comp_nameop(c, h->name, Store_ctx);
    else
      emit0(c, OP_POP_TOP);
    emit_jump(c, OP_SETUP_CLEANUP, raised);
    comp_body(c, &h->body);
    emit0(c, OP_POP_BLOCK);
    if (h->name) emit_unbind_name(c, h->name);
    emit_jump(c, OP_JUMP, next);
    /* [prev, orig, raised_list, rest, prev2 (the part), exc2] */
    bind_label(c, raised);
    if (h->name) emit_unbind_name(c, h->name);
    emit(c, OP_SWAP, 2);
    emit0(c, OP_POP_EXCEPT);
    emit(c, OP_LIST_APPEND, 2);
    emit_jump(c, OP_JUMP, next);
    bind_label(c, no_match);
    emit0(c, OP_POP_TOP);
    bind_label(c, next);
  }
  pop_fblock(c, sb);
  emit(c, OP_LIST_APPEND, 1);
  emit0(c, OP_PREP_RERAISE_STAR);
  emit(c, OP_COPY, 1);
  emit_jump(c, OP_POP_JUMP_IF_NOT_NONE, reraise);
  emit0(c, OP_POP_TOP);
  emit0(c, OP_POP_BLOCK);
  emit0(c, OP_POP_EXCEPT);
  emit_jump(c, OP_JUMP, end);
  bind_label(c, reraise);
  emit0(c, OP_POP_BLOCK);
  emit(c, OP_SWAP, 2);
  emit0(c, OP_POP_EXCEPT);
  emit0(c, OP_RERAISE);
  emit_cleanup_handler(c, cleanup);
  bind_label(c, orelse);
  comp_body(c, &s->v.Try.orelse);
  bind_label(c, end);
}

static void comp_try_finally(Compiler *c, const Stmt *s) {
  int handler = new_label(c), cleanup = new_label(c), end = new_label(c);
  emit_jump(c, OP_SETUP_FINALLY, handler);
  FBlock *b = push_fblock(c, s, FB_FINALLY_TRY, -1, -1);
  if (b) b->finalbody = &s->v.Try.finalbody;
  if (s->kind == TryStar_kind)
    comp_try_star(c, s);
  else if (s->v.Try.handlers.count)
    comp_try_except(c, s);
  else
    comp_body(c, &s->v.Try.body);
  pop_fblock(c, b);
  emit0(c, OP_POP_BLOCK);
  comp_body(c, &s->v.Try.finalbody);
  emit_jump(c, OP_JUMP, end);
  /* [prev_exc, exc] */
  bind_label(c, handler);
  emit_jump(c, OP_SETUP_CLEANUP, cleanup);
  FBlock *fe = push_fblock(c, s, FB_FINALLY_END, -1, -1);
  comp_body(c, &s->v.Try.finalbody);
  pop_fblock(c, fe);
  emit0(c, OP_POP_BLOCK);
  emit(c, OP_SWAP, 2);
  emit0(c, OP_POP_EXCEPT);
  emit0(c, OP_RERAISE);
  emit_cleanup_handler(c, cleanup);
  bind_label(c, end);
}

static void comp_import(Compiler *c, const Stmt *s) {
  for (int i = 0; i < s->v.Import.names.count; i++) {
    const Alias *a = s->v.Import.names.items[i];
    emit_const(c, val_from_int(0));
    emit_const(c, VAL_NONE);
    emit(c, OP_IMPORT_NAME, (uint32_t)add_name(c, a->name));
    if (a->asname) {
      const char *dot = strchr(a->name, '.');
      if (dot) {
        /* import a.b.c as d: walk to the submodule with IMPORT_FROM. */
        const char *p = dot + 1;
        for (;;) {
          const char *q = strchr(p, '.');
          size_t len = q ? (size_t)(q - p) : strlen(p);
          char buf[256];
          if (len >= sizeof buf) len = sizeof buf - 1;
          memcpy(buf, p, len);
          buf[len] = 0;
          emit(c, OP_IMPORT_FROM, (uint32_t)add_name(c, buf));
          if (!q) break;
          emit(c, OP_SWAP, 2);
          emit0(c, OP_POP_TOP);
          p = q + 1;
        }
        comp_nameop(c, a->asname, Store_ctx);
        emit0(c, OP_POP_TOP);
      } else {
        comp_nameop(c, a->asname, Store_ctx);
      }
    } else {
      const char *dot = strchr(a->name, '.');
      if (dot) {
        char buf[256];
        size_t len = (size_t)(dot - a->name);
        if (len >= sizeof buf) len = sizeof buf - 1;
        memcpy(buf, a->name, len);
        buf[len] = 0;
        comp_nameop(c, buf, Store_ctx);
      } else {
        comp_nameop(c, a->name, Store_ctx);
      }
    }
  }
}

static const char *const future_features[] = {
    "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
    "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations", NULL,
};

/* `from __future__ import x` is a compiler directive: checked here, and (as
 * gilpy ships no __future__ module) not executed as an import. */
static void comp_future_import(Compiler *c, const Stmt *s) {
  if (!c->future_allowed || s->v.ImportFrom.level != 0) {
    COMP_ERR_STMT(c, s, "from __future__ imports must occur at the beginning of the file", NULL);
    return;
  }
  const AliasSeq *names = &s->v.ImportFrom.names;
  for (int i = 0; i < names->count; i++) {
    const char *n = names->items[i]->name;
    bool known = false;
    for (int k = 0; future_features[k]; k++)
      if (strcmp(n, future_features[k]) == 0) known = true;
    if (strcmp(n, "braces") == 0 || !known) {
      comp_error_at(c, s->lineno, s->col_offset, s->lineno, s->col_offset,
                    strcmp(n, "braces") == 0 ? "not a chance" : "future feature %s is not defined", n);
      return;
    }
    if (strcmp(n, "annotations") == 0) c->future_annotations = true;
  }
}

static void comp_import_from(Compiler *c, const Stmt *s) {
  const AliasSeq *names = &s->v.ImportFrom.names;
  if (s->v.ImportFrom.module && strcmp(s->v.ImportFrom.module, "__future__") == 0 && s->v.ImportFrom.level == 0) {
    comp_future_import(c, s);
    return;
  }
  emit_const(c, val_from_int(s->v.ImportFrom.level));
  bool star = names->count == 1 && strcmp(names->items[0]->name, "*") == 0;
  Value fromlist = tuple_new(names->count);
  for (int i = 0; i < names->count; i++) TUPLE_ITEMS(fromlist)[i] = str_from_cstr(names->items[i]->name);
  emit_const(c, fromlist);
  emit(c, OP_IMPORT_NAME, (uint32_t)add_name(c, s->v.ImportFrom.module ? s->v.ImportFrom.module : ""));
  if (star) {
    emit0(c, OP_IMPORT_STAR);
    return;
  }
  for (int i = 0; i < names->count; i++) {
    const Alias *a = names->items[i];
    emit(c, OP_IMPORT_FROM, (uint32_t)add_name(c, a->name));
    comp_nameop(c, a->asname ? a->asname : a->name, Store_ctx);
  }
  emit0(c, OP_POP_TOP);
}

static void comp_augassign(Compiler *c, const Stmt *s) {
  const Expr *t = s->v.AugAssign.target;
  uint32_t op = (uint32_t)s->v.AugAssign.op | 0x80;
  switch (t->kind) {
  case Name_kind: {
    int local = s->v.AugAssign.op == Add_op ? comp_add_to_local(c, t->v.Name.id) : -1;
    if (local >= 0) {
      emit(c, OP_LOAD_FAST, (uint32_t)local);
      comp_expr(c, s->v.AugAssign.value);
      COMP_LOC_STMT(c, s);
      emit(c, OP_IADD_TO_FAST, (uint32_t)local);
      break;
    }
    comp_nameop(c, t->v.Name.id, Load_ctx);
    comp_expr(c, s->v.AugAssign.value);
    COMP_LOC_STMT(c, s);
    emit(c, OP_BINARY_OP, op);
    comp_nameop(c, t->v.Name.id, Store_ctx);
    break;
  }
  case Attribute_kind: {
    int name = add_name(c, comp_mangle(c, t->v.Attribute.attr));
    comp_expr(c, t->v.Attribute.value);
    COMP_LOC_EXPR(c, t);
    emit(c, OP_COPY, 1);
    emit(c, OP_LOAD_ATTR, (uint32_t)name);
    comp_expr(c, s->v.AugAssign.value);
    COMP_LOC_STMT(c, s);
    emit(c, OP_BINARY_OP, op);
    emit(c, OP_SWAP, 2);
    emit(c, OP_STORE_ATTR, (uint32_t)name);
    break;
  }
  case Subscript_kind:
    comp_expr(c, t->v.Subscript.value);
    comp_expr(c, t->v.Subscript.slice);
    COMP_LOC_EXPR(c, t);
    emit(c, OP_COPY, 2);
    emit(c, OP_COPY, 2);
    emit0(c, OP_BINARY_SUBSCR);
    comp_expr(c, s->v.AugAssign.value);
    COMP_LOC_STMT(c, s);
    emit(c, OP_BINARY_OP, op);
    emit(c, OP_SWAP, 3);
    emit(c, OP_SWAP, 2);
    emit0(c, OP_STORE_SUBSCR);
    break;
  default: COMP_ERR_EXPR(c, t, "'%s' is an illegal expression for augmented assignment", "expression"); break;
  }
}

static void comp_annassign(Compiler *c, const Stmt *s) {
  const Expr *t = s->v.AnnAssign.target;
  if (s->v.AnnAssign.value) {
    comp_expr(c, s->v.AnnAssign.value);
    comp_store_target(c, t);
  }
  if (c->u->ste->kind == BLOCK_FUNCTION) return; /* annotations of locals are not evaluated */
  COMP_LOC_STMT(c, s);
  if (t->kind == Name_kind && s->v.AnnAssign.simple) {
    comp_annotation(c, s->v.AnnAssign.annotation);
    comp_nameop(c, "__annotations__", Load_ctx);
    comp_str_const(c, comp_mangle(c, t->v.Name.id));
    emit0(c, OP_STORE_SUBSCR);
  } else {
    comp_annotation(c, s->v.AnnAssign.annotation);
    emit0(c, OP_POP_TOP);
  }
}

static void comp_assert(Compiler *c, const Stmt *s) {
  int end = new_label(c);
  comp_expr(c, s->v.Assert.test);
  /* CPython 3.11 leaves the location of a compared test in force for the
   * raise (so the traceback underlines `x > 1`); otherwise the statement's. */
  const Expr *at = s->v.Assert.test->kind == Compare_kind ? s->v.Assert.test : NULL;
  if (at) COMP_LOC_EXPR(c, at);
  emit_jump(c, OP_POP_JUMP_IF_TRUE, end);
  if (s->v.Assert.msg) {
    emit0(c, OP_PUSH_NULL);
    emit0(c, OP_LOAD_ASSERTION_ERROR);
    comp_expr(c, s->v.Assert.msg);
    if (at) COMP_LOC_EXPR(c, at);
    emit(c, OP_CALL, 1);
  } else {
    emit0(c, OP_LOAD_ASSERTION_ERROR);
  }
  emit(c, OP_RAISE_VARARGS, 1);
  bind_label(c, end);
}

static bool is_future_import(const Stmt *s) {
  return s->kind == ImportFrom_kind && s->v.ImportFrom.module && strcmp(s->v.ImportFrom.module, "__future__") == 0;
}

void comp_stmt(Compiler *c, const Stmt *s) {
  if (c->failed) return;
  if (!is_future_import(s)) c->future_allowed = false;
  LineInfo saved = c->u->loc;
  COMP_LOC_STMT(c, s);
  switch (s->kind) {
  case FunctionDef_kind:
  case AsyncFunctionDef_kind: comp_function_def(c, s); break;
  case ClassDef_kind: comp_class_def(c, s); break;
  case Return_kind: comp_return(c, s); break;
  case Delete_kind:
    for (int i = 0; i < s->v.Delete.targets.count; i++) comp_delete_target(c, s->v.Delete.targets.items[i]);
    break;
  case Assign_kind: {
    const char *grown = symtable_add_to_name(s);
    int local = grown ? comp_add_to_local(c, grown) : -1;
    if (local >= 0) { /* x = x + y */
      const Expr *sum = s->v.Assign.value;
      emit(c, OP_LOAD_FAST, (uint32_t)local);
      comp_expr(c, sum->v.BinOp.right);
      COMP_LOC_EXPR(c, sum);
      emit(c, OP_ADD_TO_FAST, (uint32_t)local);
      break;
    }
    comp_expr(c, s->v.Assign.value);
    int n = s->v.Assign.targets.count;
    for (int i = 0; i < n; i++) {
      if (i < n - 1) emit(c, OP_COPY, 1);
      comp_store_target(c, s->v.Assign.targets.items[i]);
    }
    break;
  }
  case AugAssign_kind: comp_augassign(c, s); break;
  case AnnAssign_kind: comp_annassign(c, s); break;
  case For_kind: comp_for(c, s); break;
  case AsyncFor_kind: comp_async_for(c, s); break;
  case While_kind: comp_while(c, s); break;
  case If_kind: comp_if(c, s); break;
  case With_kind:
  case AsyncWith_kind: comp_with(c, s, 0); break;
  case Match_kind: comp_match(c, s); break;
  case Raise_kind: {
    int n = 0;
    if (s->v.Raise.exc) {
      comp_expr(c, s->v.Raise.exc);
      n = 1;
      if (s->v.Raise.cause) {
        comp_expr(c, s->v.Raise.cause);
        n = 2;
      }
    }
    COMP_LOC_STMT(c, s);
    emit(c, OP_RAISE_VARARGS, (uint32_t)n);
    break;
  }
  case Try_kind:
    if (s->v.Try.finalbody.count)
      comp_try_finally(c, s);
    else
      comp_try_except(c, s);
    break;
  case TryStar_kind:
    if (s->v.Try.finalbody.count)
      comp_try_finally(c, s);
    else
      comp_try_star(c, s);
    break;
  case Assert_kind: comp_assert(c, s); break;
  case Import_kind: comp_import(c, s); break;
  case ImportFrom_kind: comp_import_from(c, s); break;
  case Global_kind:
  case Nonlocal_kind:
  case Pass_kind: break;
  case Break_kind: comp_break_continue(c, s, true); break;
  case Continue_kind: comp_break_continue(c, s, false); break;
  case Expr_kind: {
    const Expr *v = s->v.Expr.value;
    if (c->interactive && c->u->ste->kind == BLOCK_MODULE) {
      comp_expr(c, v);
      COMP_LOC_STMT(c, s);
      emit0(c, OP_PRINT_EXPR);
      break;
    }
    if (v->kind == Constant_kind) break; /* no effect: docstring-like literals */
    comp_expr(c, v);
    COMP_LOC_STMT(c, s);
    emit0(c, OP_POP_TOP);
    break;
  }
  }
  c->u->loc = saved;
}
