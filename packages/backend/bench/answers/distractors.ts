/** Plausible help-centre text about things no case asks about, to crowd the index. */
const TOPICS = [
  "calendar sync",
  "dark theme",
  "keyboard shortcuts",
  "printer setup",
  "font sizes",
  "tags",
  "templates",
  "audit trail",
  "backup schedule",
  "screen reader",
  "browser extension",
  "webhooks",
  "import wizard",
  "spell check",
  "image resizing",
  "custom domains",
  "time zones",
  "drafts",
];
const VERBS = ["adjust", "enable", "review", "rename", "archive", "pin", "move", "duplicate"];
const PLACES = [
  "the sidebar",
  "the toolbar",
  "the gear menu",
  "the admin console",
  "the profile page",
];

/** A Markdown file with `count` short sections, each one chunk, seeded so every run is the same. */
export function distractorMarkdown(count: number): string {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const sections: string[] = [];
  for (let i = 0; i < count; i++) {
    const topic = TOPICS[next(TOPICS.length)]!;
    const verb = VERBS[next(VERBS.length)]!;
    const place = PLACES[next(PLACES.length)]!;
    sections.push(
      `## ${topic} note ${i}\nTo ${verb} ${topic}, open ${place} and choose the option that fits.\n` +
        `Changes to ${topic} apply to everyone in the space after a refresh.`,
    );
  }
  return `# Extra articles\n\n${sections.join("\n\n")}\n`;
}
