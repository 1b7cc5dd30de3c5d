import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it): no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test/browser/screenshots');

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (see README)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    // this machine has no network beyond loopback: keep Chromium from reaching for Google's services
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // the browser's own widgets (file picker button) in French, as the users' browsers
      '--lang=fr-FR',
    ],
  });
};

export interface AxeResult {
  page: string;
  url: string;
  violations: { id: string; impact: string | null | undefined; nodes: number }[];
}
export const axeResults: AxeResult[] = [];

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it stands and takes its screenshot; any
 * serious or critical violation fails the test with what axe said.
 */
export const checkPage = async (page: Page, name: string) => {
  // a PDF preview keeps Chromium's viewer busy: settle, but do not wait forever for the network
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  // a section still opening (DSFR collapses fade in) has text at part opacity: axe would judge a
  // frame of the transition, not the page — wait for the finite animations to end
  await page
    .evaluate(
      `Promise.all(document.getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
        .map((a) => a.finished.catch(() => undefined)))`,
    )
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  axeResults.push({ page: name, url: new URL(page.url()).pathname, violations });
  await mkdir(SCREENSHOTS, { recursive: true });
  // the whole page from its top, so that what lies below the fold is looked at too
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const foreign = await notFrench(page);
  if (foreign.length) throw new Error(`not French on ${name}: ${foreign.slice(0, 12).join(' ; ')}`);
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length)
    throw new Error(
      `axe on ${name}: ${blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`,
    );
};

/**
 * What a person reads on the page that is not French (issue 25: « internal codes shown to
 * people »): snake_case codes (`tacit_acceptance`, `dossier_created`) and English sentences. Text
 * that is meant verbatim — `<code>`, `<pre>`, `<kbd>` (hashes, references, column names of an
 * import format) — and the values people typed are left out; screen-reader-only text is read too.
 */
export const notFrench = async (page: Page): Promise<string[]> => {
  // each text node apart (textContent would glue « tacit_acceptance » to the next word), and the
  // texts people hear or see outside the flow: labels, titles, placeholders, alternatives
  const text = (await page.evaluate(`(() => {
    const verbatim = 'code, pre, kbd, script, style, noscript, iframe, svg';
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.parentElement || node.parentElement.closest(verbatim)) continue;
      out.push(node.nodeValue);
    }
    for (const e of document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt]'))
      if (!e.closest(verbatim))
        for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (e.getAttribute(a)) out.push(e.getAttribute(a));
    return out.join(' ').replace(/\\s+/g, ' ');
  })()`)) as string;
  const findings = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}@./-])[a-z]+(?:_[a-z0-9]+)+(?![\p{L}\p{N}@/-])/gu))
    findings.add(`code « ${m[0]} »`);
  const ENGLISH =
    /(?<!\p{L})(?:the|and|with|must|should|is|are|not|this|that|from|your|please|error|required|invalid|found|failed|unknown|expected|cannot|already)(?!\p{L})/giu;
  for (const m of text.matchAll(ENGLISH)) {
    const at = m.index ?? 0;
    findings.add(`anglais « …${text.slice(Math.max(0, at - 40), at + 40).trim()}… »`);
  }
  return [...findings];
};

export const writeAxeReport = async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  await writeFile(path.join(SCREENSHOTS, 'axe-report.json'), JSON.stringify(axeResults, null, 2));
};

/** The local sign-in page, with the keyboard-free path a person takes: role, address, company. */
export const signIn = async (page: Page, base: string, role: string, email: string, company?: string) => {
  await page.goto(`${base}/connexion`);
  await page.getByLabel(role, { exact: true }).check({ force: true });
  await page.getByLabel('Adresse électronique').fill(email);
  if (company) await page.getByLabel('Entreprise représentée').selectOption({ label: company });
  await page.getByRole('button', { name: 'Se connecter' }).last().click();
  // the session is stored once the header offers to sign out: a navigation before that (a test's
  // next `goto`) would race the token request and land on a page for nobody
  await page.getByRole('button', { name: 'Se déconnecter' }).first().waitFor();
};

export const signOut = async (page: Page) => {
  await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
  await page.getByRole('button', { name: 'Se déconnecter' }).first().waitFor({ state: 'detached' });
};
