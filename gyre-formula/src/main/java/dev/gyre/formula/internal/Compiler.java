package dev.gyre.formula.internal;

import dev.gyre.formula.Definition;
import dev.gyre.formula.FormulaError;
import dev.gyre.formula.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Compiles definitions in order: checks each name, then lexes, parses and type-checks the
 * expression against the fields and earlier definitions. Collects every error of every definition.
 */
public final class Compiler {
  /** Longest expression accepted, in characters. */
  public static final int MAX_LENGTH = 4096;

  private Compiler() {}

  /** Compiles {@code definitions} against fields of the given types; never throws for bad input. */
  public static Compilation compile(List<Definition> definitions, Map<String, ValueType> inputs) {
    List<String> names = definitions.stream().map(Definition::name).toList();
    Scope scope = new Scope(inputs, names);
    List<FormulaError> errors = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    List<ValueType> types = new ArrayList<>();
    for (int i = 0; i < definitions.size(); i++) {
      Definition definition = definitions.get(i);
      String nameProblem = nameProblem(definition.name(), i, names, scope);
      if (nameProblem != null) {
        errors.add(new FormulaError(i, 0, nameProblem));
      }
      Node root = expression(definition.expression(), i, scope, errors);
      ValueType type = root == null ? null : root.type;
      scope.define(i, nameProblem == null ? definition.name() : null, type);
      types.add(type);
      if (root != null) {
        steps.add(new Step(root, i, definition.expression()));
      }
    }
    errors.sort(Comparator.comparingInt(FormulaError::definition)
        .thenComparingInt(FormulaError::column));
    return new Compilation(scope.inputNames(), scope.inputTypes(),
        errors.isEmpty() ? types : List.of(), steps, errors);
  }

  private static Node expression(String src, int index, Scope scope, List<FormulaError> errors) {
    if (src.length() > MAX_LENGTH) {
      errors.add(new FormulaError(index, MAX_LENGTH + 1, "is " + src.length()
          + " characters long, over the limit of " + MAX_LENGTH
          + "; split it into several features"));
      return null;
    }
    Expr expr;
    try {
      expr = Parser.parse(src);
    } catch (ParseError e) {
      errors.add(new FormulaError(index, e.pos + 1, e.getMessage()));
      return null;
    }
    int before = errors.size();
    Node root = new Checker(src, scope, index, errors).check(expr);
    return errors.size() == before ? root : null;
  }

  private static String nameProblem(String name, int index, List<String> names, Scope scope) {
    if (!isIdentifier(name)) {
      return "is named '" + name + "', which is not an identifier; use letters, digits and '_',"
          + " not starting with a digit";
    }
    if (Lexer.isKeyword(name)) {
      return "is named '" + name + "', a reserved word; choose another name";
    }
    int first = names.indexOf(name);
    if (first < index) {
      return "is named '" + name + "' like definitions[" + first
          + "]; give each feature its own name";
    }
    if (scope.isField(name)) {
      return "is named '" + name + "', which is already a field; choose a name that is not a field";
    }
    return null;
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!Lexer.isNamePart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
