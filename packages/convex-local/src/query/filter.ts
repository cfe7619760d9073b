import type { JSONValue, Value } from "convex/values";
import { jsonToConvexOrUndefined } from "../values/codec.ts";
import { compareValues } from "../values/compare.ts";
import { getFieldValue } from "../values/field-path.ts";
import { convexTypeOf } from "../values/type-order.ts";
import { displayValue } from "../validation/display.ts";

const COMPARISONS: Record<string, (diff: number) => boolean> = {
  $eq: (diff) => diff === 0,
  $neq: (diff) => diff !== 0,
  $lt: (diff) => diff < 0,
  $lte: (diff) => diff <= 0,
  $gt: (diff) => diff > 0,
  $gte: (diff) => diff >= 0,
};
// Verbs the backend uses in its "Cannot <verb> ..." evaluation errors.
const ARITHMETIC: Record<string, string> = {
  $add: "add",
  $sub: "subtract",
  $mul: "multiply",
  $div: "divide",
  $mod: "mod",
};

/** Raised for malformed expressions, or (code `EvalError`) for ill-typed evaluation. */
class FilterExpressionError extends Error {
  readonly code: string;
  constructor(message: string, code = "InvalidFilter") {
    super(message);
    this.name = "FilterExpressionError";
    this.code = code;
  }
}

/**
 * Whether `doc` passes the filter. As in the backend, the expression must
 * evaluate to a boolean; anything else is an evaluation error.
 */
export function evaluateFilterExpression(
  expr: JSONValue,
  doc: Record<string, Value | undefined>,
): boolean {
  return asBoolean(evaluateExpression(expr, doc));
}

function asBoolean(value: Value | undefined): boolean {
  if (typeof value === "boolean") return value;
  throw new FilterExpressionError(
    `Expected boolean, got ${displayValue(value)} (type ${convexTypeOf(value)})`,
    "EvalError",
  );
}

/** Evaluates an expression against a document; missing fields are `undefined`. */
export function evaluateExpression(
  expr: JSONValue,
  doc: Record<string, Value | undefined>,
): Value | undefined {
  if (typeof expr !== "object" || expr === null || Array.isArray(expr)) {
    throw new FilterExpressionError(`Invalid filter expression: ${JSON.stringify(expr)}`);
  }
  const keys = Object.keys(expr);
  if (keys.length !== 1)
    throw new FilterExpressionError(`Invalid filter expression: ${JSON.stringify(expr)}`);
  const operator = keys[0]!;
  const operand = expr[operator]!;
  if (operator === "$literal") return jsonToConvexOrUndefined(operand);
  if (operator === "$field") {
    if (typeof operand !== "string")
      throw new FilterExpressionError("$field expects a field path string");
    return getFieldValue(doc, operand);
  }
  if (operator === "$and" || operator === "$or") {
    const operands = expectArray(operator, operand);
    // Short-circuits like `&&`/`||`; every evaluated operand must be a boolean.
    if (operator === "$and")
      return operands.every((item) => asBoolean(evaluateExpression(item, doc)));
    return operands.some((item) => asBoolean(evaluateExpression(item, doc)));
  }
  if (operator === "$not") return !asBoolean(evaluateExpression(operand, doc));
  if (operator === "$neg") return negate(evaluateExpression(operand, doc));
  const compare = COMPARISONS[operator];
  if (compare || ARITHMETIC[operator]) {
    const operands = expectArray(operator, operand);
    if (operands.length !== 2) throw new FilterExpressionError(`${operator} expects two arguments`);
    const left = evaluateExpression(operands[0]!, doc);
    const right = evaluateExpression(operands[1]!, doc);
    return compare ? compare(compareValues(left, right)) : arithmetic(operator, left, right);
  }
  throw new FilterExpressionError(`Unknown filter operator ${operator}`);
}

function expectArray(operator: string, operand: JSONValue): JSONValue[] {
  if (!Array.isArray(operand))
    throw new FilterExpressionError(`${operator} expects an array of expressions`);
  return operand;
}

function negate(value: Value | undefined): Value {
  if (typeof value === "number") return -value;
  if (typeof value === "bigint") return BigInt.asIntN(64, -value);
  throw new FilterExpressionError(
    `Cannot negate ${displayValue(value)} (type ${convexTypeOf(value)})`,
    "EvalError",
  );
}

function arithmetic(operator: string, left: Value | undefined, right: Value | undefined): Value {
  if (typeof left === "number" && typeof right === "number") {
    switch (operator) {
      case "$add":
        return left + right;
      case "$sub":
        return left - right;
      case "$mul":
        return left * right;
      case "$div":
        return left / right;
      default:
        return left % right;
    }
  }
  if (typeof left === "bigint" && typeof right === "bigint") {
    if ((operator === "$div" || operator === "$mod") && right === 0n) {
      throw new FilterExpressionError(
        `Cannot ${ARITHMETIC[operator]} ${left} by zero`,
        "EvalError",
      );
    }
    // int64 arithmetic wraps on overflow, like the backend's i64 operations.
    switch (operator) {
      case "$add":
        return BigInt.asIntN(64, left + right);
      case "$sub":
        return BigInt.asIntN(64, left - right);
      case "$mul":
        return BigInt.asIntN(64, left * right);
      case "$div":
        return BigInt.asIntN(64, left / right);
      default:
        return left % right;
    }
  }
  throw new FilterExpressionError(
    `Cannot ${ARITHMETIC[operator]} ${displayValue(left)} (type ${convexTypeOf(left)}) and ${displayValue(right)} (type ${convexTypeOf(right)})`,
    "EvalError",
  );
}
