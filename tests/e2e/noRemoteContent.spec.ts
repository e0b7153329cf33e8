import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { AppShell } from './pages/AppShell.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

/** A 1×1 PNG, attached inline and referenced as cid: — the one image the mail may show. */
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Every way an HTML mail can make a mail client fetch something from a tracker. */
const HOSTILE_HTML = `<html><head>
<link rel="stylesheet" href="https://cdn.tracker.example/style.css">
<style>
  @import url("https://cdn.tracker.example/import.css");
  @font-face { font-family: Tracked; src: url(https://fonts.tracker.example/font.woff2); }
  body { background: url(https://img.tracker.example/body.png); font-family: Tracked; }
</style>
<script src="https://js.tracker.example/x.js"></script>
<base href="https://base.tracker.example/">
<meta http-equiv="refresh" content="0; url=https://refresh.tracker.example/">
</head><body>
<p>Hallo Herr Wei&szlig;, Ihre Bestellung (j.weiss@beispiel-gmbh.de).</p>
<img src="https://pixel.tracker.example/open.gif" width="1" height="1">
<img srcset="https://srcset.tracker.example/a.png 1x, https://srcset.tracker.example/b.png 2x">
<img src="relative-pixel.gif">
<img src="cid:logo@fluxpunkt" alt="Logo">
<table background="https://table.tracker.example/bg.png"><tr><td style="background-image:url('https://style.tracker.example/td.png')">Zelle</td></tr></table>
<video poster="https://poster.tracker.example/p.png"></video>
<iframe src="https://frame.tracker.example/"></iframe>
<object data="https://object.tracker.example/o.swf"></object>
<svg><image href="https://svg.tracker.example/i.png"/></svg>
<a href="https://click.tracker.example/c">Zum Angebot</a>
<form action="https://form.tracker.example/"><input type="image" src="https://input.tracker.example/i.png"></form>
</body></html>`;

const REMOTE_MAIL = [
  'From: Newsletter <news@shop.example>',
  'To: =?UTF-8?Q?J=C3=BCrgen_Wei=C3=9F?= <j.weiss@beispiel-gmbh.de>',
  'Subject: Ihre Bestellung mit Tracking',
  'Date: Tue, 04 Feb 2025 10:00:00 +0100',
  'Message-ID: <remote-content@shop.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related; boundary="rel"',
  '',
  '--rel',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  HOSTILE_HTML,
  '--rel',
  'Content-Type: image/png',
  'Content-Transfer-Encoding: base64',
  'Content-ID: <logo@fluxpunkt>',
  'Content-Disposition: inline; filename="logo.png"',
  '',
  PIXEL_PNG,
  '--rel--',
  '',
].join('\r\n');

test.use({ workspaceFiles: { 'mail/export/remote-content.eml': REMOTE_MAIL } });

test('an HTML mail with remote images, CSS and fonts causes no request to any non-local origin', async ({ app, page, context }) => {
  const remote: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${app.bridge.origin}/`)) return route.continue();
    remote.push(url);
    return route.abort();
  });

  // Control: the interception sees a page's requests to other origins.
  const control = await context.newPage();
  await control.goto('https://control.tracker.example/').catch(() => undefined);
  expect(remote).toEqual(['https://control.tracker.example/']);
  await control.close();
  remote.length = 0;

  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(3), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.call('search.start', { caseId: created.id });
  await expect.poll(async () => (await app.call('search.status', { caseId: created.id }))?.state).toBe('done');

  await app.open(page, `#/case/${created.id}/review`);
  const review = new ReviewPage(page);
  await review.select('Ihre Bestellung mit Tracking');
  await review.detail.getByRole('button', { name: 'HTML' }).click();
  const frame = page.getByTestId('mail-frame');
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('sandbox', '');
  const content = page.frameLocator('[data-testid="mail-frame"]');
  await expect(content.getByText('Hallo Herr Weiß')).toBeVisible();
  // The inline cid: image is shown, as a data: URL; nothing else has a source any more.
  await expect(content.getByRole('img', { name: 'Logo' })).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(content.locator('img:not([src^="data:"])[src], [srcset], [background], [poster], iframe, object, script, link, form, base, meta[http-equiv="refresh"]')).toHaveCount(0);
  await expect(content.getByText('Zum Angebot')).toHaveAttribute('title', 'https://click.tracker.example/c');
  // Clicking the former link navigates nowhere.
  await content.getByText('Zum Angebot').click();
  await page.waitForTimeout(500);
  await new AppShell(page).screenshot('review-html-mail');

  expect(remote, 'requests to non-local origins').toEqual([]);
});
