const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusableWithin(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) => !element.closest("[inert]") && !element.hidden,
  );
}

/**
 * Where Tab should land when it would leave the widget: the other end, or null to let the
 * browser move focus normally inside.
 */
export function wrapTarget(
  focusables: readonly HTMLElement[],
  active: Element | null,
  backwards: boolean,
): HTMLElement | null {
  const first = focusables[0];
  const last = focusables.at(-1);
  if (!first || !last) return null;
  const inside = active !== null && focusables.includes(active as HTMLElement);
  if (!inside) return backwards ? last : first;
  if (backwards && active === first) return last;
  if (!backwards && active === last) return first;
  return null;
}
