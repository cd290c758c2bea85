import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentBody, safeUrl } from './comment-body.js';

const render = (body: string, mentions: Array<{ user_id: number; name: string; email: string }> = []) =>
  renderToStaticMarkup(createElement(CommentBody, { body, mentions }));

describe('comment Markdown', () => {
  it('renders raw HTML as text, never as elements', () => {
    const html = render('<img src=x onerror=alert(1)> <script>alert(2)</script>\n\n<div onclick="x()">block</div>');
    expect(html).not.toMatch(/<img|<script|<div onclick/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('keeps http(s) and mailto links with rel="noopener noreferrer" and drops other targets', () => {
    const html = render('[a](https://example.test/x) [b](mailto:sam@acme.test) [c](javascript:alert(1)) [d](data:text/html,hi) [e](/relative)');
    expect(html).toContain('<a href="https://example.test/x" rel="noopener noreferrer" target="_blank">a</a>');
    expect(html).toContain('<a href="mailto:sam@acme.test" rel="noopener noreferrer" target="_blank">b</a>');
    expect(html).not.toMatch(/javascript:|data:text|href="\/relative"/);
    expect(html).toContain('<span>c</span>');
    expect(safeUrl(' JavaScript:alert(1)')).toBe('');
  });

  it('turns images into links, so no remote image loads into the page', () => {
    const html = render('![logo](https://tracker.test/pixel.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://tracker.test/pixel.png" rel="noopener noreferrer" target="_blank">logo</a>');
  });

  it('highlights resolved mentions only, outside code', () => {
    const html = render('Hi @Dana@acme.test and @eve@other.test, `@dana@acme.test`', [{ user_id: 7, name: 'Dana Scully', email: 'dana@acme.test' }]);
    expect(html).toContain('<span class="mention" title="dana@acme.test" data-user-id="7">@Dana Scully</span>');
    expect(html).toContain('@eve@other.test');
    expect(html).toContain('<code>@dana@acme.test</code>');
    expect(html.match(/class="mention"/g)).toHaveLength(1);
  });
});
