// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";

import { adjacentConversation, isTypingTarget, shortcutAction } from "./inbox-shortcuts";

function press(
  key: string,
  init: Partial<KeyboardEventInit> = {},
  target: Element = document.body,
) {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, ...init });
  Object.defineProperty(event, "target", { value: target });
  return event;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("shortcutAction", () => {
  it("maps each documented key to its action", () => {
    expect(shortcutAction(press("j"))).toBe("next");
    expect(shortcutAction(press("k"))).toBe("previous");
    expect(shortcutAction(press("/"))).toBe("search");
    expect(shortcutAction(press("r"))).toBe("reply");
    expect(shortcutAction(press("e"))).toBe("escalate");
    expect(shortcutAction(press("R", { shiftKey: true }))).toBe("resolve");
    expect(shortcutAction(press("?", { shiftKey: true }))).toBe("help");
    expect(shortcutAction(press("x"))).toBeNull();
  });

  it("moves with the arrow keys only inside the conversation list, where they would not scroll", () => {
    document.body.innerHTML = `<ul data-inbox-list><li><a id="item" href="#">Ana</a></li></ul>
      <div id="thread" tabindex="0"></div>`;
    const item = document.getElementById("item")!;
    expect(shortcutAction(press("ArrowDown", {}, item))).toBe("next");
    expect(shortcutAction(press("ArrowUp", {}, item))).toBe("previous");
    expect(shortcutAction(press("ArrowDown"))).toBeNull();
    expect(shortcutAction(press("ArrowUp", {}, document.getElementById("thread")!))).toBeNull();
  });

  it("keeps r and Shift+R apart, and leaves Ctrl, Cmd and Alt combinations to the browser", () => {
    expect(shortcutAction(press("r", { shiftKey: true }))).toBeNull();
    expect(shortcutAction(press("R"))).toBeNull();
    expect(shortcutAction(press("r", { ctrlKey: true }))).toBeNull();
    expect(shortcutAction(press("j", { metaKey: true }))).toBeNull();
    expect(shortcutAction(press("e", { altKey: true }))).toBeNull();
    expect(shortcutAction(press("j", { isComposing: true }))).toBeNull();
  });

  it("never fires while typing in a field or inside a dialog", () => {
    document.body.innerHTML = `
      <input id="text" type="search" /><input id="box" type="checkbox" />
      <textarea id="area"></textarea><select id="pick"></select>
      <div id="editor" contenteditable="true"></div>
      <div role="dialog"><button id="inDialog">ok</button></div>
      <button id="plain">go</button>`;
    const byId = (id: string) => document.getElementById(id)!;
    for (const id of ["text", "area", "pick", "inDialog"]) {
      expect(isTypingTarget(byId(id)), id).toBe(true);
      expect(shortcutAction(press("j", {}, byId(id))), id).toBeNull();
    }
    // jsdom does not compute isContentEditable, so the attribute is checked through the browser's property.
    Object.defineProperty(byId("editor"), "isContentEditable", { value: true });
    expect(shortcutAction(press("r", {}, byId("editor")))).toBeNull();
    expect(shortcutAction(press("j", {}, byId("box")))).toBe("next");
    expect(shortcutAction(press("j", {}, byId("plain")))).toBe("next");
  });
});

describe("adjacentConversation", () => {
  const ids = ["c1", "c2", "c3"];

  it("steps through the list and stops at its ends", () => {
    expect(adjacentConversation(ids, "c1", 1)).toBe("c2");
    expect(adjacentConversation(ids, "c2", -1)).toBe("c1");
    expect(adjacentConversation(ids, "c3", 1)).toBe("c3");
    expect(adjacentConversation(ids, "c1", -1)).toBe("c1");
  });

  it("opens the first conversation when none, or one no longer listed, is open", () => {
    expect(adjacentConversation(ids, undefined, 1)).toBe("c1");
    expect(adjacentConversation(ids, "gone", -1)).toBe("c1");
    expect(adjacentConversation([], undefined, 1)).toBeNull();
  });
});
