/**
 * A comment's Markdown, rendered safely: react-markdown builds React elements from the Markdown
 * tree and never raw HTML (no rehype-raw: `<script>` or `<img onerror>` written in a comment shows as
 * text). Links keep only http(s) and mailto targets and open with rel="noopener noreferrer"; images
 * become links (no remote image loads itself into the page). Resolved @mentions are highlighted.
 */
import { useMemo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import type { Root, RootContent, Text } from 'mdast';
import type { Mention } from '../api/comments.js';
import { splitMentions } from '../../../src/comments/mentions.js';

const SAFE_URL = /^(?:https?:|mailto:)/i;

/** Anything but http(s) and mailto (javascript:, data:, relative paths) is dropped. */
export function safeUrl(url: string): string {
  return SAFE_URL.test(url.trim()) ? url : '';
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer" target="_blank">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? (
      <a href={src} rel="noopener noreferrer" target="_blank">
        {alt || src}
      </a>
    ) : (
      <span>{alt}</span>
    ),
};

/** Text nodes outside code and links: each resolved `@address` becomes a highlighted span with the person's name. */
function remarkMentions(byEmail: Map<string, Mention>) {
  const mentionNode = (m: Mention): RootContent => ({
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: ['mention'], title: m.email, dataUserId: m.user_id } },
    children: [{ type: 'text', value: `@${m.name}` }],
  });
  const split = (node: Text): RootContent[] =>
    splitMentions(node.value).map((part) => {
      const m = part.email ? byEmail.get(part.email) : undefined;
      return m ? mentionNode(m) : { type: 'text', value: part.text };
    });
  const walk = (parent: { children: RootContent[] }) => {
    parent.children = parent.children.flatMap((child) => {
      if (child.type === 'text') return split(child);
      if (child.type !== 'link' && 'children' in child) walk(child as { children: RootContent[] });
      return [child];
    });
  };
  return () => (tree: Root) => {
    if (byEmail.size > 0) walk(tree);
  };
}

export function CommentBody({ body, mentions }: { body: string; mentions: Mention[] }) {
  const plugins = useMemo(() => [remarkMentions(new Map(mentions.map((m) => [m.email.toLowerCase(), m])))], [mentions]);
  return (
    <div className="comment-body">
      <Markdown remarkPlugins={plugins} urlTransform={safeUrl} components={components}>
        {body}
      </Markdown>
    </div>
  );
}
