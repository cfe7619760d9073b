import type { JSONValue, ValidatorJSON } from "convex/values";
import { jsonAsConvex } from "../../values/codec.ts";
import { validateValue, type ValidationContext } from "../../validation/validate.ts";
import { FunctionError } from "../errors/errors.ts";
import type { RegisteredFunction } from "./function-types.ts";

type Validators = { args: ValidatorJSON | null; returns: ValidatorJSON | null };

const parsedValidators = new WeakMap<RegisteredFunction, Validators>();

/** A registered function's argument and return validators, parsed once per loaded function. */
function validatorsOf(fn: RegisteredFunction): Validators {
  let parsed = parsedValidators.get(fn);
  if (!parsed) {
    const args = fn.exportArgs?.();
    const returns = fn.exportReturns?.();
    parsed = {
      args: args ? (JSON.parse(args) as ValidatorJSON | null) : null,
      returns: returns ? (JSON.parse(returns) as ValidatorJSON | null) : null,
    };
    parsedValidators.set(fn, parsed);
  }
  return parsed;
}

export function checkArgs(
  fn: RegisteredFunction,
  args: JSONValue,
  context: () => ValidationContext,
): void {
  const validator = validatorsOf(fn).args;
  if (!validator) return;
  const error = validateValue(validator, jsonAsConvex(args), "", context());
  if (error) throw new FunctionError(`ArgumentValidationError: ${error}`);
}

export function checkReturns(
  fn: RegisteredFunction,
  value: JSONValue,
  context: () => ValidationContext,
): void {
  const validator = validatorsOf(fn).returns;
  if (!validator) return;
  const error = validateValue(validator, jsonAsConvex(value), "", context());
  if (error) throw new FunctionError(`ReturnsValidationError: ${error}`);
}
