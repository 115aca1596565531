/**
 * From a checked spec to something runnable: {@link dev.gyre.core.plan.PipelinePlanner} compiles
 * formulas, loads models and works out each stage's input and output fields, reporting every
 * problem as a spec problem with its YAML path and line. The resulting
 * {@link dev.gyre.core.plan.PipelinePlan} names every topic with its schema and gives each stage a
 * factory; runtimes only bind it to a broker.
 */
package dev.gyre.core.plan;
