import { describe, expect, it } from 'vitest';
import { hasInvisible, showInvisible } from '@/lib/visibleText';

describe('showInvisible: characters that act instead of showing are shown (issue #15)', () => {
  it('marks terminal escapes, line breaks, bidi controls and zero-width characters', () => {
    expect(showInvisible('a\u001b[2Jb')).toBe('a⟨U+001B⟩[2Jb');
    expect(showInvisible('line\nfake line\r')).toBe('line⟨U+000A⟩fake line⟨U+000D⟩');
    expect(showInvisible('invoice\u202egnp.exe')).toBe('invoice⟨U+202E⟩gnp.exe');
    expect(showInvisible('J\u200bo Smith\u2066x\u2069')).toBe('J⟨U+200B⟩o Smith⟨U+2066⟩x⟨U+2069⟩');
    expect(showInvisible('\ufeff\u00ad\u0085\u2028')).toBe('⟨U+FEFF⟩⟨U+00AD⟩⟨U+0085⟩⟨U+2028⟩');
    expect(showInvisible('tag\u{e0041}\u{e0042}')).toBe('tag⟨U+E0041⟩⟨U+E0042⟩');
  });

  it('keeps line breaks in a post’s text when asked, and what people see in emoji and flags', () => {
    expect(showInvisible('one\n\ttwo\u202e', { keepLineBreaks: true })).toBe('one\n\ttwo⟨U+202E⟩');
    const family = '👨\u200d👩\u200d👧';
    const england = '\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}';
    expect(showInvisible(`${family} ${england} café Ünïcödé עברית`)).toBe(`${family} ${england} café Ünïcödé עברית`);
    expect(hasInvisible('plain text')).toBe(false);
    expect(hasInvisible('a\u200db')).toBe(true); // a joiner between letters hides nothing a person should miss
  });
});
