/**
 * Gyre formulas: a small, safe, typed expression language that computes stream features from event
 * fields, such as {@code temp_scaled = (temp - 20) / 10}. {@link dev.gyre.formula.Program#compile}
 * checks every definition against the declared field types before any event flows and reports all
 * problems at once as a {@link dev.gyre.formula.FormulaException}; a compiled
 * {@link dev.gyre.formula.Program} then evaluates a reusable {@link dev.gyre.formula.Frame} per event
 * without reflection or boxing. All numbers are doubles, so integer and decimal inputs behave alike.
 * The language reference is {@code docs/formulas.md}.
 */
package dev.gyre.formula;
