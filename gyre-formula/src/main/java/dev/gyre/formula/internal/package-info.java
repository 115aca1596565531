/**
 * Implementation of Gyre formulas; not API, may change without notice. A definition goes through
 * the {@code Lexer}, the {@code Parser} (to an untyped {@code Expr} tree, recursion capped at 64
 * levels) and the {@code Checker}, which resolves names through a {@code Scope}, checks types and
 * builds a tree of small final {@code Node} classes whose typed, unboxed {@code eval} methods read
 * {@link dev.gyre.formula.internal.Registers}. {@link dev.gyre.formula.internal.Compiler} runs these
 * steps for every definition and collects all errors; each compiled definition becomes a
 * {@link dev.gyre.formula.internal.Step}.
 */
package dev.gyre.formula.internal;
