package dev.gyre.learn.eval;

/**
 * One bin of a reliability (calibration) diagram: the examples whose positive-class probability fell in
 * {@code [lower, upper)} (the last bin includes 1).
 *
 * @param lower            the bin's lower edge
 * @param upper            the bin's upper edge
 * @param count            examples in the bin
 * @param meanProbability  their mean predicted probability, {@code null} if the bin is empty
 * @param fractionPositive the share of them that were positive, {@code null} if the bin is empty
 */
public record ReliabilityBin(double lower, double upper, long count, Double meanProbability, Double fractionPositive) {}
