// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mailFrameDocument, sanitizeMailHtml } from '../../../src/renderer/screens/review/sanitizeMailHtml.js';

describe('sanitizeMailHtml', () => {
  it('keeps text, inline styles and data: images', () => {
    const clean = sanitizeMailHtml('<p style="color:red">Hallo <b>Jürgen</b></p><img alt="Logo" src="data:image/png;base64,AAAA">');
    expect(clean).toContain('<p style="color:red">Hallo <b>Jürgen</b></p>');
    expect(clean).toContain('src="data:image/png;base64,AAAA"');
  });

  it('drops scripts, handlers, frames, forms and every remote fetch', () => {
    const clean = sanitizeMailHtml(
      [
        '<script>alert(1)</script><img src="https://t.example/p.gif" onerror="alert(2)">',
        '<img srcset="https://t.example/a.png 1x"><table background="https://t.example/b.png"><tr><td>x</td></tr></table>',
        '<div style="background:url(https://t.example/c.png)">d</div><iframe src="https://t.example/"></iframe>',
        '<link rel="stylesheet" href="https://t.example/s.css"><style>@import url(https://t.example/i.css); p{background:url("https://t.example/e.png")}</style>',
        '<form action="https://t.example/f"><input name="x"></form><a href="https://t.example/click" target="_blank">Link</a>',
      ].join(''),
    );
    expect(clean).not.toMatch(/t\.example\/(p\.gif|a\.png|b\.png|c\.png|s\.css|i\.css|e\.png|f)\b/);
    expect(clean).not.toMatch(/<script|onerror|<iframe|<form|<input|<link|href=|target=/);
    expect(clean).toContain('title="https://t.example/click"');
  });

  it('wraps the result in a document whose CSP loads nothing remote', () => {
    const doc = mailFrameDocument('<p>x</p>');
    expect(doc).toContain(`content="default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'"`);
    expect(doc).toContain('<meta name="referrer" content="no-referrer">');
  });
});

describe('sanitizeMailHtmlReport and highlightTerms', () => {
  it('counts the remote images it blocked', async () => {
    const { sanitizeMailHtmlReport } = await import('../../../src/renderer/screens/review/sanitizeMailHtml.js');
    const report = sanitizeMailHtmlReport('<img src="https://t.example/p.gif"><img src="data:image/png;base64,AAAA"><table background="https://t.example/b.png"><tr><td style="background:url(https://t.example/c.png)">x</td></tr></table>');
    expect(report.blockedImages).toBe(3);
    expect(sanitizeMailHtmlReport('<p>nichts</p>').blockedImages).toBe(0);
  });

  it('marks the identifiers in text, not in attributes', async () => {
    const { highlightTerms } = await import('../../../src/renderer/screens/review/sanitizeMailHtml.js');
    const html = highlightTerms('<p title="K-10442">Konto <b>k-10442</b>, K-10442.</p>', ['K-10442']);
    expect(html).toBe('<p title="K-10442">Konto <b><mark class="match">k-10442</mark></b>, <mark class="match">K-10442</mark>.</p>');
  });
});

describe('estimateFrameHeight', () => {
  it('is small for a short mail, grows with the text and stops at a maximum', async () => {
    const { estimateFrameHeight } = await import('../../../src/renderer/screens/review/sanitizeMailHtml.js');
    const short = estimateFrameHeight('<p>Hallo</p><p>Gruß</p>');
    expect(short).toBeLessThan(200);
    expect(estimateFrameHeight('<p>x</p>'.repeat(10))).toBeGreaterThan(short);
    expect(estimateFrameHeight('<p>x</p>'.repeat(500))).toBe(640);
  });
});
