const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The "phone": chat with the connected organization as a WhatsApp customer. Messages arrive over
 * server-sent events; the number and name are kept in the page's URL so a link reopens the chat.
 */
export function renderPhonePage(instanceName: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WhatsApp simulator · ${escapeHtml(instanceName)}</title>
<style>
  :root { font-family: system-ui, sans-serif; color-scheme: light; }
  body { margin: 0; background: #e5ddd5; display: flex; justify-content: center; }
  main { width: 100%; max-width: 420px; min-height: 100vh; display: flex; flex-direction: column; background: #efeae2; }
  header { background: #075e54; color: #fff; padding: 12px 16px; }
  header h1 { font-size: 1.05rem; margin: 0 0 8px; }
  header label { display: inline-flex; flex-direction: column; font-size: .75rem; margin-right: 8px; }
  header input { font: inherit; font-size: .9rem; padding: 4px 6px; border: 0; border-radius: 4px; width: 150px; }
  ol { list-style: none; margin: 0; padding: 12px; flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 6px; }
  li { max-width: 80%; padding: 6px 9px; border-radius: 8px; background: #fff; white-space: pre-wrap; word-wrap: break-word; box-shadow: 0 1px 1px #0002; }
  li.in { align-self: flex-end; background: #d9fdd3; }
  li img { max-width: 100%; border-radius: 6px; display: block; }
  li small { display: block; text-align: right; color: #555; font-size: .7rem; }
  form { display: flex; gap: 6px; padding: 8px; background: #f0f2f5; align-items: center; }
  form textarea { flex: 1; font: inherit; padding: 8px; border-radius: 18px; border: 1px solid #ccc; resize: none; }
  form button { font: inherit; background: #075e54; color: #fff; border: 0; border-radius: 18px; padding: 8px 14px; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
</style>
</head>
<body>
<main>
  <header>
    <h1>WhatsApp simulator · ${escapeHtml(instanceName)}</h1>
    <label>Your number <input id="phone" inputmode="tel" autocomplete="off"></label>
    <label>Your name <input id="name" autocomplete="off"></label>
  </header>
  <ol id="messages" aria-live="polite" aria-label="Chat"></ol>
  <form id="composer">
    <label class="sr-only" for="text">Message</label>
    <textarea id="text" rows="1" placeholder="Message"></textarea>
    <label class="sr-only" for="photo">Photo</label>
    <input id="photo" type="file" accept="image/*">
    <button type="submit">Send</button>
  </form>
</main>
<script>
  const params = new URLSearchParams(location.search);
  const phone = document.getElementById("phone");
  const name = document.getElementById("name");
  phone.value = params.get("phone") || "+5511987654321";
  name.value = params.get("name") || "Maria Silva";
  const list = document.getElementById("messages");
  const byId = new Map();
  const digits = (value) => value.replace(/\\D/g, "");
  const STATUS = { sent: "✓", delivered: "✓✓", read: "✓✓ read" };
  function render() {
    list.replaceChildren();
    for (const message of byId.values()) {
      if (message.phone !== digits(phone.value)) continue;
      const item = document.createElement("li");
      item.className = message.direction;
      item.dataset.direction = message.direction;
      if (message.media && message.media.mimetype.startsWith("image/")) {
        const image = document.createElement("img");
        image.src = message.media.dataUrl;
        image.alt = message.media.fileName || "Photo";
        item.append(image);
      } else if (message.media) {
        const link = document.createElement("a");
        link.href = message.media.dataUrl;
        link.download = message.media.fileName || "file";
        link.textContent = "📎 " + (message.media.fileName || "file");
        item.append(link);
      }
      if (message.text) item.append(document.createTextNode(message.text));
      const meta = document.createElement("small");
      meta.textContent = new Date(message.at).toLocaleTimeString() + (message.direction === "in" ? " " + STATUS[message.status] : "");
      item.append(meta);
      list.append(item);
    }
    list.scrollTop = list.scrollHeight;
    if (document.visibilityState === "visible")
      fetch("/phone/read", { method: "POST", body: JSON.stringify({ phone: phone.value }) });
  }
  function keep(message) { byId.set(message.id, message); }
  fetch("/phone/messages").then((r) => r.json()).then((all) => { all.forEach(keep); render(); });
  new EventSource("/phone/events").onmessage = (event) => { keep(JSON.parse(event.data)); render(); };
  phone.addEventListener("change", render);
  const readFile = (file) => new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1]);
    reader.readAsDataURL(file);
  });
  document.getElementById("composer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = document.getElementById("text");
    const photo = document.getElementById("photo");
    const file = photo.files[0];
    if (!text.value.trim() && !file) return;
    const body = { phone: phone.value, name: name.value, text: text.value.trim() };
    if (file) body.image = { base64: await readFile(file), mimetype: file.type || "image/jpeg", fileName: file.name };
    text.value = "";
    photo.value = "";
    await fetch("/phone/send", { method: "POST", body: JSON.stringify(body) });
  });
  document.getElementById("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); event.target.form.requestSubmit(); }
  });
</script>
</body>
</html>`;
}
