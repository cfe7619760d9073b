import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, expect, test, vi } from "vitest";

import en from "../../../../../messages/en.json";
import { NotificationPermissionControl } from "./notification-permission-control";

function stubNotification(permission: NotificationPermission, answer: NotificationPermission) {
  const requestPermission = vi.fn(async () => {
    fake.permission = answer;
    return answer;
  });
  const fake = Object.assign(function Notification() {}, { permission, requestPermission });
  vi.stubGlobal("Notification", fake);
  return requestPermission;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderControl = () =>
  render(
    <NextIntlClientProvider locale="en" messages={en}>
      <NotificationPermissionControl />
    </NextIntlClientProvider>,
  );

test("asks for the permission only when clicked, then disappears once granted", async () => {
  const requestPermission = stubNotification("default", "granted");
  renderControl();
  const button = await screen.findByRole("button", { name: "Enable notifications" });
  expect(requestPermission).not.toHaveBeenCalled();
  await act(async () => fireEvent.click(button));
  expect(requestPermission).toHaveBeenCalledOnce();
  expect(screen.queryByRole("button")).toBeNull();
});

test("says notifications are blocked when the browser refused them", async () => {
  stubNotification("denied", "denied");
  renderControl();
  expect(await screen.findByText(/blocked in this browser/)).toBeTruthy();
  expect(screen.queryByRole("button")).toBeNull();
});
