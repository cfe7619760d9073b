import type { Value } from "convex/values";

/** Deterministic PRNG (mulberry32) so property tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL_FLOATS = [
  0,
  -0,
  NaN,
  -NaN,
  Infinity,
  -Infinity,
  1,
  -1,
  0.5,
  -0.5,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
];
const SPECIAL_INTS = [0n, 1n, -1n, 255n, 256n, -256n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 32n];
const STRING_PIECES = [
  "",
  "a",
  "b",
  "ab",
  "\u0000",
  "z",
  "é",
  "\uffff",
  "😀",
  "\ue000",
  "A",
  "aa",
  " ",
];

/**
 * Generates a random Convex value (every type, nested up to `depth`) for
 * property tests; kept small so collisions and shared prefixes are common.
 */
export function randomValue(random: () => number, depth = 2): Value {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const kind = Math.floor(random() * (depth > 0 ? 9 : 7));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random() < 0.5 ? pick(SPECIAL_INTS) : BigInt(Math.floor((random() - 0.5) * 2000));
    case 2:
      return random() < 0.4 ? pick(SPECIAL_FLOATS) : Math.round((random() - 0.5) * 2000) / 8;
    case 3:
      return random() < 0.5;
    case 4: {
      let text = "";
      const parts = Math.floor(random() * 3);
      for (let i = 0; i < parts; i++) text += pick(STRING_PIECES);
      return text;
    }
    case 5: {
      const length = Math.floor(random() * 4);
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i++) bytes[i] = pick([0, 1, 0x7f, 0xff, 0xfe]);
      return bytes.buffer;
    }
    case 6:
      return random() < 0.5 ? BigInt(Math.floor(random() * 4)) : Math.floor(random() * 4);
    case 7: {
      const length = Math.floor(random() * 4);
      return Array.from({ length }, () => randomValue(random, depth - 1));
    }
    default: {
      const object: Record<string, Value> = {};
      const count = Math.floor(random() * 3);
      for (let i = 0; i < count; i++)
        object[pick(["a", "b", "c", "ab", "_x"])] = randomValue(random, depth - 1);
      return object;
    }
  }
}
