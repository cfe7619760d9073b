import { memo } from "react";
import Markdown, { type Components, defaultUrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";

import { remarkHtmlAsText } from "../lib/remark-html-as-text";

const SAFE_PROTOCOL = /^(https?:|mailto:|tel:)/i;

/** Only web, mail and phone links survive; anything else (javascript:, data:, relative) has no href. */
function safeUrl(url: string): string {
  const transformed = defaultUrlTransform(url);
  return SAFE_PROTOCOL.test(transformed) ? transformed : "";
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className="underline underline-offset-2"
      >
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  p: ({ children }) => <p className="whitespace-pre-wrap [&:not(:first-child)]:mt-2">{children}</p>,
  ul: ({ children }) => <ul className="mt-2 list-disc pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="mt-2 list-decimal pl-5">{children}</ol>,
  code: ({ children }) => (
    <code className="rounded bg-foreground/10 px-1 font-mono text-[0.9em]">{children}</code>
  ),
  pre: ({ children }) => <pre className="mt-2 overflow-x-auto whitespace-pre-wrap">{children}</pre>,
  blockquote: ({ children }) => (
    <blockquote className="mt-2 border-l-4 border-primary/60 pl-3 italic [&>p:first-child]:mt-0">
      {children}
    </blockquote>
  ),
  // A wide table scrolls inside the bubble instead of stretching the widget.
  table: ({ children }) => (
    <div className="mt-2 max-w-full overflow-x-auto">
      <table className="w-full border-collapse text-left text-xs">{children}</table>
    </div>
  ),
  th: ({ children, style }) => (
    <th
      style={style}
      className="border border-foreground/20 bg-foreground/5 px-2 py-1 font-semibold"
    >
      {children}
    </th>
  ),
  td: ({ children, style }) => (
    <td style={style} className="border border-foreground/20 px-2 py-1 align-top">
      {children}
    </td>
  ),
};

/**
 * Markdown for support replies, GitHub-flavoured (tables, strikethrough, task lists); raw HTML is
 * text and images are not rendered (no tracking pixels). Memoized: a thread re-renders on every
 * new message or streamed word, and each unchanged message is then not parsed again.
 */
export const MessageMarkdown = memo(function MessageMarkdown({ text }: { text: string }) {
  return (
    <Markdown
      remarkPlugins={[remarkGfm, remarkHtmlAsText]}
      urlTransform={safeUrl}
      disallowedElements={["img"]}
      unwrapDisallowed
      components={components}
    >
      {text}
    </Markdown>
  );
});
