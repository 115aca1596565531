package dev.gyre.formula.internal;

/**
 * Storage behind one {@link dev.gyre.formula.Frame}: input values by slot and output values by
 * definition index, one array per type so that nothing is boxed. Public fields because nodes read
 * them on the hot path; only the owning frame and nodes touch them.
 */
public final class Registers {
  public final double[] inNumber;
  public final boolean[] inBoolean;
  public final String[] inString;
  /** True while an input has not been set for the current event; a new frame has all missing. */
  public final boolean[] inMissing;
  public final double[] outNumber;
  public final boolean[] outBoolean;
  public final String[] outString;

  public Registers(int inputs, int outputs) {
    inNumber = new double[inputs];
    inBoolean = new boolean[inputs];
    inString = new String[inputs];
    inMissing = new boolean[inputs];
    java.util.Arrays.fill(inMissing, true);
    outNumber = new double[outputs];
    outBoolean = new boolean[outputs];
    outString = new String[outputs];
  }
}
