import { expect, test } from "vitest";

import { createTypingSignal } from "./typing-signal";

test("sends at once, then at most once per 2 s, and stops once when the draft empties", () => {
  let clock = 0;
  const calls: string[] = [];
  const signal = createTypingSignal(
    { send: (draft) => calls.push(`send:${draft}`), stop: () => calls.push("stop") },
    () => clock,
  );
  signal.changed("H");
  clock = 500;
  signal.changed("He");
  clock = 1_999;
  signal.changed("Hel");
  clock = 2_000;
  signal.changed("Hell");
  clock = 2_100;
  signal.changed("");
  signal.changed("   ");
  clock = 2_200;
  signal.changed("Again");
  signal.left();
  signal.left();
  expect(calls).toEqual(["send:H", "send:Hell", "stop", "send:Again", "stop"]);
});

test("an empty draft that never sent stops nothing", () => {
  const calls: string[] = [];
  const signal = createTypingSignal({
    send: () => calls.push("send"),
    stop: () => calls.push("stop"),
  });
  signal.changed("");
  signal.left();
  expect(calls).toEqual([]);
});
