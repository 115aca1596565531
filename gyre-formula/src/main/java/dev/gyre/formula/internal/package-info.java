/**
 * Implementation of Gyre formulas; not API, may change without notice. A definition goes through
 * the {@link dev.gyre.formula.internal.Lexer}, the {@link dev.gyre.formula.internal.Parser} (to an
 * untyped {@link dev.gyre.formula.internal.Expr} tree) and the
 * {@link dev.gyre.formula.internal.Checker}, which resolves names, checks types and builds a tree of
 * small final {@link dev.gyre.formula.internal.Node} classes with typed, unboxed {@code eval} methods
 * over {@link dev.gyre.formula.internal.Registers}. {@link dev.gyre.formula.internal.Compiler} runs
 * these steps for every definition and collects all errors.
 */
package dev.gyre.formula.internal;
