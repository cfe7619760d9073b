type Node = { type: string; value?: string; children?: Node[] };

/**
 * A remark plugin: raw HTML in a message becomes literal text, so `<script>` or `<img onerror>`
 * is shown to the reader instead of being dropped silently or ever reaching the DOM as markup.
 */
export function remarkHtmlAsText() {
  return (tree: Node) => {
    const visit = (node: Node) => {
      if (node.type === "html") node.type = "text";
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
