package dev.gyre.formula.internal;

import dev.gyre.formula.ValueType;
import java.util.ArrayList;
import java.util.List;

/** Checks a call to a {@link Builtin}: its name, number of arguments and their types. */
final class Calls {
  private Calls() {}

  static Node check(Checker checker, Expr.Call call) {
    List<Node> args = new ArrayList<>();
    boolean argsOk = true;
    for (Expr arg : call.args()) {
      Node node = checker.check(arg);
      args.add(node);
      argsOk &= node != null;
    }
    Builtin f = Builtin.named(call.function());
    if (f == null) {
      checker.error(call.start(), "calls '" + call.function()
          + "', which is not a function; the functions are: " + Builtin.NAMES);
      return null;
    }
    int n = args.size();
    if (n < f.minArgs || n > f.maxArgs) {
      String expected = f.minArgs == f.maxArgs ? String.valueOf(f.minArgs)
          : "at least " + f.minArgs;
      checker.error(call.start(), "calls '" + f.name + "' with " + n
          + (n == 1 ? " argument" : " arguments") + "; it takes " + expected + ": " + f.usage);
      return null;
    }
    return argsOk ? build(checker, call, f, args) : null;
  }

  private static Node build(Checker checker, Expr.Call call, Builtin f, List<Node> args) {
    List<Expr> exprs = call.args();
    switch (f) {
      case IF:
        return checker.choice(args.get(0), exprs.get(0), args.get(1), exprs.get(1), args.get(2),
            exprs.get(2), call.start(), "'if'");
      case COALESCE:
        if (args.get(0).type != args.get(1).type) {
          checker.error(call.start(), "gives " + checker.describe(args.get(0), exprs.get(0))
              + " or else " + checker.describe(args.get(1), exprs.get(1))
              + "; both arguments of 'coalesce' need the same type");
          return null;
        }
        return Missing.coalesce(args.get(0), args.get(1));
      case IS_MISSING:
        return Missing.isMissing(args.get(0));
      case LEN:
        return needs(checker, f, args, exprs, ValueType.STRING)
            ? new MathCalls.Length(args.get(0)) : null;
      default:
        break;
    }
    if (!needs(checker, f, args, exprs, ValueType.NUMBER)) {
      return null;
    }
    String text = checker.quote(call);
    return switch (f) {
      case POW -> new MathCalls.Pow(args.get(0), args.get(1), text);
      case MIN, MAX -> new MathCalls.Extreme(args.toArray(Node[]::new), f == Builtin.MAX);
      case CLAMP -> new MathCalls.Clamp(args.get(0), args.get(1), args.get(2), text);
      default -> new MathCalls.Unary(f, args.get(0), text);
    };
  }

  /** Reports each argument that is not of {@code type}; true when all are. */
  private static boolean needs(Checker checker, Builtin f, List<Node> args, List<Expr> exprs,
      ValueType type) {
    boolean ok = true;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).type != type) {
        checker.error(exprs.get(i).start(), "passes " + checker.describe(args.get(i), exprs.get(i))
            + " as argument " + (i + 1) + " of '" + f.name + "', which needs a " + type);
        ok = false;
      }
    }
    return ok;
  }
}
