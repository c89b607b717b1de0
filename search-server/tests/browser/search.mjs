// Browser test of the Veille search server, in Debian's headless Chromium driven by
// playwright-core (no browser download). Run by search-server/tests/server.rs:
//
//   node search.mjs http://127.0.0.1:PORT screenshot.png http://localhost:REPLAY_PORT
//
// It types a query, applies a facet, opens a result's archived page, and checks that the
// archived page's script ran neither on the search origin nor anywhere else (no cookie, no
// local storage, no request to the live web). The archived documents come from the replay
// origin (third argument): with the Content-Security-Policy bypassed, an archived page's
// script still cannot read the search origin's cookies or storage, nor navigate it. Exit
// status 0 when every check passes; each failure is printed.

import { chromium } from 'playwright-core';

const [base, screenshot, replay] = process.argv.slice(2);
if (!base || !screenshot || !replay) {
  console.error('usage: node search.mjs BASE_URL SCREENSHOT.png REPLAY_URL');
  process.exit(2);
}
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));

  // 1. Type a query in the form and submit it with the keyboard.
  await page.goto(`${base}/`);
  check((await page.locator('label[for="q"]').count()) === 1, 'the query box has a label');
  await page.locator('#q').pressSequentially('villes internet arobases');
  await page.locator('#q').press('Enter');
  await page.waitForSelector('ol.hits li.hit');
  const allHits = await page.locator('li.hit').count();
  check(allHits > 1, `the query finds several documents (${allHits})`);
  check(
    (await page.locator('.snippet b').count()) > 0,
    'snippets highlight the query terms',
  );

  // 2. Apply a facet: the commune Allonnes (Sarthe), from the facet list.
  await page.locator('.facet-list a', { hasText: 'Allonnes (72)' }).click();
  await page.waitForSelector('ol.hits li.hit');
  check(page.url().includes('commune=72003'), `the facet link filters by commune (${page.url()})`);
  const places = await page.locator('li.hit .place').allTextContents();
  check(
    places.length > 0 && places.every((p) => p.startsWith('Allonnes, Sarthe')),
    `every result is in Allonnes (72): ${JSON.stringify(places)}`,
  );
  check((await page.locator('svg.chart').count()) > 0, 'the trends chart is drawn');
  await page.screenshot({ path: screenshot, fullPage: true });

  // 3. Open the archived page of the label article.
  const link = page.locator('li.hit h3 a', { hasText: 'Allonnes' }).first();
  await link.click();
  await page.waitForSelector('iframe.archived');
  check(page.url().includes('/archive/'), `the title opens the archive (${page.url()})`);
  const banner = await page.locator('header.banner').textContent();
  check(banner.includes('Page archivée'), 'the banner gives the capture date');
  const frame = page.frameLocator('iframe.archived');
  await frame.locator('h1').first().waitFor();
  const heading = await frame.locator('h1').first().textContent();
  check(/Allonnes/.test(heading), `the archived page is shown in the frame (${heading.trim()})`);
  await page.waitForTimeout(500);

  // 4. The archived page's script (it sets a cookie, writes local storage and posts to
  //    www.allonnes.example) must not have run on the search origin, nor reached the web.
  const cookies = await context.cookies();
  check(cookies.length === 0, `no cookie was set (${JSON.stringify(cookies)})`);
  const stored = await page.evaluate(() => window.localStorage.getItem('Drupal.statistics.lastNode'));
  check(stored === null, 'nothing was written to the search origin\'s local storage');
  const origin = new URL(base).origin;
  const replayOrigin = new URL(replay).origin;
  const inArchive = (u) => u.startsWith(origin) || u.startsWith(replayOrigin) || u.startsWith('data:');
  const outside = requests.filter((u) => !inArchive(u));
  check(outside.length === 0, `no request left the archive (${JSON.stringify(outside)})`);
  check(
    requests.some((u) => u.includes('id_/http://www.allonnes.example/') && u.endsWith('.png')),
    'the archived page\'s images come from the archive',
  );
  const htmlClass = await frame.locator('html').getAttribute('class');
  check(!(htmlClass || '').includes('js'), `the archived script did not run in its frame (class=${htmlClass})`);

  // 5. The archived document opened on its own, outside the frame: still sandboxed by its
  //    Content-Security-Policy.
  const raw = await page.locator('iframe.archived').getAttribute('src');
  check(raw.startsWith(`${replayOrigin}/archive/`), `the frame loads the replay origin (${raw})`);
  const alone = await context.newPage();
  await alone.goto(raw);
  await alone.waitForTimeout(500);
  check((await context.cookies()).length === 0, 'opened alone, the archived page sets no cookie');
  const aloneStored = await page.evaluate(() => window.localStorage.getItem('Drupal.statistics.lastNode'));
  check(aloneStored === null, 'opened alone, it writes nothing to the search origin\'s storage');
  const outsideAlone = requests.filter((u) => !inArchive(u));
  check(outsideAlone.length === 0, `opened alone, it makes no request outside the archive (${JSON.stringify(outsideAlone)})`);
  await alone.close();

  // 6. Every link inside the archived page leads to an archived capture (or stays on the
  // page, or is a mail or telephone link): none leads out of the archive.
  const hrefs = await frame.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const leaving = hrefs.filter((h) => !(h.startsWith(`${origin}/archive/`) || /^\s*($|#|mailto:|tel:)/i.test(h)));
  check(hrefs.some((h) => h.startsWith(`${origin}/archive/`)) && leaving.length === 0,
    `archived links lead to the search site's archive (${JSON.stringify(leaving)})`);

  // 7. The second layer: with the Content-Security-Policy bypassed, the archived document is
  //    still on another origin than the search site. Its script runs (opened alone), but
  //    writes only to the replay origin; from the frame it can read nothing of the search
  //    site, and cannot navigate it.
  const bare = await browser.newContext({ bypassCSP: true });
  await bare.route((u) => !inArchive(u.toString()), (r) => r.abort());
  const site = await bare.newPage();
  await site.goto(`${base}/`);
  await site.evaluate(() => {
    document.cookie = 'veille_session=secret; path=/';
    window.localStorage.setItem('veille-secret', 'secret');
  });
  const own = await site.evaluate(() => ({
    cookie: document.cookie,
    stored: window.localStorage.getItem('veille-secret'),
  }));
  check(own.cookie.includes('veille_session=secret') && own.stored === 'secret',
    'the search site holds its own cookie and storage (what the archived page must not read)');
  const lone = await bare.newPage();
  await lone.goto(raw);
  await lone.waitForTimeout(500);
  const ran = await lone.evaluate(() => document.documentElement.className);
  check(/js/.test(ran || ''), `without the CSP, the archived script runs when opened alone (class=${ran})`);
  const seen = await lone.evaluate(() => ({
    cookie: document.cookie,
    stored: window.localStorage.getItem('veille-secret'),
  }));
  check(!seen.cookie.includes('veille_session'), `it cannot read the search site's cookie (${seen.cookie})`);
  check(seen.stored === null, 'it cannot read the search site\'s local storage');
  const siteCookies = await bare.cookies(base);
  check(siteCookies.every((c) => c.name === 'veille_session'),
    `it set no cookie on the search site (${JSON.stringify(siteCookies.map((c) => c.name))})`);
  const siteStored = await site.evaluate(() => window.localStorage.getItem('Drupal.statistics.lastNode'));
  check(siteStored === null, 'it wrote nothing to the search site\'s local storage');
  await lone.close();
  const framed = `${base}/archive/${raw.split('/archive/')[1].replace(/^(\d+)id_/, '$1')}`;
  await site.goto(framed);
  await site.waitForSelector('iframe.archived');
  const inner = site.frames().find((fr) => fr.url().startsWith(replayOrigin));
  check(inner !== undefined, 'the framed document is on the replay origin');
  if (inner) {
    await inner.waitForLoadState();
    const reach = await inner.evaluate(() => {
      const out = {};
      try { out.parent = String(window.parent.document.cookie); } catch (e) { out.parent = `blocked: ${e.name}`; }
      try { out.storage = String(window.parent.localStorage.getItem('veille-secret')); } catch (e) { out.storage = `blocked: ${e.name}`; }
      return out;
    });
    // A script cannot navigate the search page: tried once the user activation that
    // playwright's evaluate carries has expired (5 s), as a script of the page would.
    await inner.evaluate(() => {
      setTimeout(() => {
        try { window.top.location.href = '/?q=detourne'; document.title = 'asked'; } catch (e) { document.title = `blocked: ${e.name}`; }
      }, 5500);
    });
    await site.waitForTimeout(6500);
    reach.navigate = await inner.evaluate(() => document.title).catch((e) => `frame gone: ${e.message}`);
    check(reach.parent.startsWith('blocked'), `the frame cannot read the search page's cookies (${reach.parent})`);
    check(reach.storage.startsWith('blocked'), `the frame cannot read the search page's storage (${reach.storage})`);
    check(site.url() === framed && reach.navigate !== 'asked', `a script of the frame cannot navigate the search page (title after the try: ${reach.navigate}; ${site.url()})`);
  }
  await bare.close();
  // Pages that disappear, without JavaScript: the « disparues » filter, a commune's vanished
  // pages, a diff between two captures, the feed link.
  const nojs = await browser.newContext({ viewport: { width: 1200, height: 900 }, javaScriptEnabled: false });
  const plain = await nojs.newPage();
  const shot = (name) => screenshot.replace(/\.png$/, `-${name}.png`);
  await plain.goto(`${base}/?commune=72003`);
  await plain.locator('#state-gone').check();
  await plain.locator('fieldset.filters button[type="submit"]').click();
  await plain.waitForLoadState();
  check(plain.url().includes('state=gone'), `the « disparues » box filters (${plain.url()})`);
  const lives = await plain.locator('p.life-gone').allTextContents();
  check(lives.length >= 4 && lives.every((t) => t.includes('Disparue du site le')),
    `each result says when and how it went (${lives.length})`);
  check(lives.some((t) => t.includes("redirigée vers la page d'accueil")), 'a redesign is named');
  const feed = await plain.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  check((feed || '').startsWith('/feed.atom?') && (feed || '').includes('state=gone'), `the feed is announced (${feed})`);
  check((await plain.getByRole('link', { name: 'Suivre cette recherche' }).count()) === 1, 'the feed is offered in French');
  await plain.screenshot({ path: shot('disparues'), fullPage: true });
  await plain.locator('a.vanished').first().click();
  await plain.waitForLoadState();
  check(plain.url().endsWith('/commune/72003'), `the commune's vanished pages (${plain.url()})`);
  const days = await plain.locator('section.vanished-day h2').allTextContents();
  check(days.length >= 1 && days.every((d) => d.startsWith('Disparues le')), `listed by date of disappearance (${days})`);
  await plain.screenshot({ path: shot('commune'), fullPage: true });
  await plain.goto(`${base}/?q=médiathèque&commune=72003&state=changed`);
  await plain.getByRole('link', { name: 'voir les changements' }).first().click();
  await plain.waitForLoadState();
  check(plain.url().includes('/diff?'), `the diff opens from a changed result (${plain.url()})`);
  check((await plain.locator('div.diff ins').count()) > 0 && (await plain.locator('div.diff del').count()) > 0,
    'additions and deletions are marked');
  await plain.screenshot({ path: shot('diff'), fullPage: true });
  await nojs.close();
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all browser checks passed');
