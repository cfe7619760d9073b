/**
 * Stops the shared stack's backend and starts it again on the same data folder and ports;
 * resolves once it answers queries again.
 */
export async function restartBackend(controlUrl: string) {
  const response = await fetch(`${controlUrl}/restart-backend`, { method: "POST" });
  if (response.status !== 204) {
    throw new Error(
      `restarting the backend failed: HTTP ${response.status} ${await response.text()}`,
    );
  }
}
