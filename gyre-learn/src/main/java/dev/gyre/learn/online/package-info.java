/**
 * Online learners that learn from every joined label: {@link dev.gyre.learn.online.FtrlLearner}
 * (logistic regression by FTRL-Proximal over hashed features) and
 * {@link dev.gyre.learn.online.HoeffdingTreeLearner} (a VFDT with Gaussian numeric splits). A learner
 * is mutable and owned by one thread; what serves is an immutable {@link dev.gyre.learn.online.LearnedModel}
 * snapshot, a gyre-api {@link dev.gyre.api.Model} with a binary form (formats {@code gyre-ftrl} and
 * {@code gyre-hoeffding}) that the registry stores and {@link dev.gyre.learn.online.FtrlModelProvider}
 * and {@link dev.gyre.learn.online.HoeffdingModelProvider} load, found through {@link java.util.ServiceLoader}.
 */
package dev.gyre.learn.online;
