// Drives window.EchoWidget from the demo page's buttons; an external file so the strict CSP holds.
/* global document, window */
document.addEventListener("click", (event) => {
  const action = event.target.closest("[data-echo]")?.dataset.echo;
  if (action) window.EchoWidget?.[action]();
});
