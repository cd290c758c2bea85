import { describe, expect, it } from 'vitest';
import { mentionedEmails, plainExcerpt, splitMentions } from './mentions.js';

describe('comment mentions', () => {
  it('finds @-addresses once each, lowercased, in order, without a trailing full stop', () => {
    expect(mentionedEmails('Hi @Dana@Acme.test and @sam@acme.test. Again @dana@acme.TEST!')).toEqual(['dana@acme.test', 'sam@acme.test']);
  });

  it('ignores a bare address and an @ glued to a word', () => {
    expect(mentionedEmails('mail dana@acme.test or x@dana@acme.test')).toEqual([]);
    expect(mentionedEmails('(@dana@acme.test)')).toEqual(['dana@acme.test']);
  });

  it('splits text into plain runs and mentions', () => {
    expect(splitMentions('ask @Dana@acme.test, please')).toEqual([
      { text: 'ask ' },
      { text: '@Dana@acme.test', email: 'dana@acme.test' },
      { text: ', please' },
    ]);
    expect(splitMentions('no mention')).toEqual([{ text: 'no mention' }]);
  });
});

describe('comment excerpt', () => {
  it('drops Markdown marks and link targets and folds whitespace', () => {
    expect(plainExcerpt('# Title\n\n**Bold** and [a link](https://x.test) and `code`\n- item')).toBe('Title Bold and a link and code item');
  });

  it('keeps raw HTML as text and cuts at 200 characters', () => {
    expect(plainExcerpt('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(plainExcerpt('a'.repeat(300))).toHaveLength(200);
  });
});
