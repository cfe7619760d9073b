"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

/** How close to the end still counts as reading the newest message. */
const NEAR_BOTTOM_PX = 48;

/**
 * Keeps a scrolling conversation at its newest line while its content grows (a streamed reply
 * grows inside its bubble, without the list re-rendering), unless the reader has scrolled up;
 * then `hasNew` says a message arrived below. `lastKey` changing is a new message.
 */
export function useStickToBottom(lastKey: string | undefined, ownMessage: boolean) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const [hasNew, setHasNew] = useState(false);

  const jumpToBottom = useCallback(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
    pinned.current = true;
    setHasNew(false);
  }, []);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    pinned.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    if (pinned.current) setHasNew(false);
  }, []);

  // A new message: the visitor's own always brings them down to it. Older pages load above and
  // leave the last key alone, so they never count as new.
  useLayoutEffect(() => {
    if (ownMessage || pinned.current) jumpToBottom();
    else setHasNew(true);
  }, [lastKey, ownMessage, jumpToBottom]);

  // Growth without a new message (a reply streaming in, the typing indicator) is followed when pinned.
  useEffect(() => {
    const target = content.current;
    if (!target || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (pinned.current) jumpToBottom();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [jumpToBottom]);

  return { scroller, content, hasNew, jumpToBottom, onScroll };
}
