import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { useLocalStack } from '../support/local-stack';
import { draftBody, siret } from '../support/api-client';
import { settled, upload } from '../support/uploads';
import { admissibleDossier, todayInParis } from '../support/journeys';
import { checkPage, launchChromium, notFrench, SCREENSHOTS, signIn, signOut, writeAxeReport } from './browser';

/**
 * The whole procedure in Chromium, one role after the other, on the real local stack: the admin
 * registers a company, its candidate files and deposits evidence through to the acknowledgement
 * of receipt, a security reviewer and an instructor review and close instruction, the collège
 * decides, and anyone verifies the certificate. axe runs on every page visited.
 */
let base = '';
let http: Parameters<Parameters<typeof useLocalStack>[0]>[0]['http'];
let t: Parameters<Parameters<typeof useLocalStack>[0]>[0]['t'];
useLocalStack((ctx) => {
  base = ctx.stack.url;
  http = ctx.http;
  t = ctx.t;
});

let browser: Browser;
let page: Page;
let files: string;
const state: { companyId?: string; dossierId?: string; number?: string } = {};
const COMPANY = 'Société Portail Santé';
const CANDIDATE = 'camille.martin@portail-sante.fr';

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[browser]', error.message));
  files = await mkdtemp(path.join(os.tmpdir(), 'tlc-portal-'));
}, 60_000);

// what the page showed when a step failed, next to the other screenshots
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  for (const alert of await page.getByRole('alert').all()) console.error('[alert]', await alert.textContent());
  await page?.screenshot({ path: path.join(SCREENSHOTS, `failed-${task.name.split(':')[0]}.png`), fullPage: true });
});

afterAll(async () => {
  await writeAxeReport();
  await browser?.close();
});

/** A real one-page PDF (the instructor previews it), padded with a comment to `bytes` when asked. */
const pdfFile = async (name: string, bytes = 0) => {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText(`Preuve : ${name}`, { x: 60, y: 760, size: 18, font });
  const file = path.join(files, name);
  await writeFile(file, Buffer.concat([Buffer.from(await document.save()), Buffer.alloc(bytes, 0x20)]));
  return file;
};

describe('portal in Chromium', () => {
  it('public: the home page, the sign-in page and an empty published list pass axe', async () => {
    await page.goto(`${base}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeTruthy();
    await checkPage(page, '01-accueil');
    await page.goto(`${base}/certificats`);
    await page.getByText('0 certificat').waitFor();
    await checkPage(page, '02-certificats-vide');
    await page.goto(`${base}/connexion`);
    await checkPage(page, '03-connexion');
    // the pages a public service owes its users, each reached from the footer of every page
    for (const [link, heading, shot] of [
      ['Accessibilité : partiellement conforme', 'Déclaration d’accessibilité', '03b-accessibilite'],
      ['Mentions légales', 'Mentions légales', '03c-mentions-legales'],
      ['Données personnelles', 'Données personnelles', '03d-donnees-personnelles'],
      ['Aide et contact', 'Aide et contact', '03e-aide'],
    ] as const) {
      await page.getByRole('contentinfo').getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await checkPage(page, shot);
    }
  });

  it('admin: registers a company in the browser', async () => {
    await signIn(page, base, 'Administrateur ANS', 'support@ans.fr');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await page.getByLabel('Raison sociale').fill(COMPANY);
    await page.getByLabel('SIRET (14 chiffres)').fill(siret(4242));
    const legal = page.getByRole('group', { name: 'Représentant légal' });
    await legal.getByLabel('Prénom').fill('Dominique');
    await legal.getByLabel('Nom', { exact: true }).fill('Durand');
    await legal.getByLabel('Adresse électronique').fill('dominique.durand@portail-sante.fr');
    await legal.getByLabel('Téléphone').fill('+33 1 02 03 04 05');
    const contact = page.getByRole('group', { name: 'Contact' });
    await contact.getByLabel('Prénom').fill('Camille');
    await contact.getByLabel('Nom', { exact: true }).fill('Martin');
    await contact.getByLabel('Adresse électronique').fill(CANDIDATE);
    await contact.getByLabel('Téléphone').fill('+33 1 02 03 04 06');
    await page.getByRole('button', { name: 'Inscrire l’entreprise' }).click();
    const notice = page.getByText(/Entreprise inscrite \(référence/);
    await notice.waitFor();
    state.companyId = /référence ([^)]+)\)/.exec((await notice.textContent()) ?? '')![1];
    await checkPage(page, '04-administration');
    await signOut(page);
  });

  it('candidate: files a candidature with the wizard and deposits evidence through to the receipt', async () => {
    await signIn(page, base, 'Candidat (entreprise)', CANDIDATE, COMPANY);
    await page.getByRole('heading', { name: 'Mes dossiers de certification' }).waitFor();
    await checkPage(page, '05-candidat-tableau-de-bord');
    await page.getByRole('link', { name: 'Nouvelle candidature' }).click();

    // 1. the solution
    await page.getByLabel('Nom de la solution').fill('TéléSanté Plus');
    await page.getByLabel('Version').fill('3.2');
    await page.getByLabel('Cas d’usage').selectOption('teleconsultation_company');
    await checkPage(page, '06-candidature-etape-1');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    // 2. the profiles, with what the use case requires explained
    await page.getByText('Ce que demande votre cas d’usage').waitFor();
    await page.getByLabel(/^Référentiel d’identités/).check({ force: true });
    await page.getByLabel(/^Hébergement HDS par un tiers/).check({ force: true });
    await checkPage(page, '07-candidature-profils');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    // 3. identifiers and commitments
    await page.getByLabel('NIE (numéro d’éditeur CNDA)').fill('NIE-42');
    await page.getByLabel('NIL (numéro de logiciel CNDA)').fill('NIL-42');
    // the service's day, not the machine's: the local stack's clock is its own; a past date is refused
    const today = await todayInParis(http);
    const planned = new Date(Date.parse(`${today}T12:00:00Z`) + 180 * 86_400_000).toISOString().slice(0, 10);
    expect(await page.getByLabel(/^Date prévue de complétude des preuves/).getAttribute('min')).toBe(today);
    await page.getByLabel(/^Date prévue de complétude des preuves/).fill(planned);
    await page.getByLabel(/déployée dans une société de téléconsultation/).check({ force: true });
    await page.getByLabel(/Je m’engage à fournir/).check({ force: true });
    await checkPage(page, '08-candidature-engagements');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    // 4. components
    await page.getByRole('button', { name: 'Ajouter un composant' }).click();
    await page.getByLabel('Nom', { exact: true }).fill('Module de visio');
    await page.getByLabel('Version', { exact: true }).fill('1.0');
    await page.getByLabel('Description').fill('Vidéo chiffrée de bout en bout');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    // 5. documentation, then submission
    await page.getByRole('heading', { name: 'Récapitulatif' }).waitFor();
    await page.getByLabel('Documentation fonctionnelle').setInputFiles(await pdfFile('documentation.pdf', 2048));
    await page.getByText('documentation.pdf : reçu, empreinte vérifiée.').waitFor({ timeout: 30_000 });
    await checkPage(page, '09-candidature-recapitulatif');
    // the component lacks the NIE its profile requires: the service's 422 takes the person back to
    // the component, next to the field it names
    await page.getByRole('button', { name: 'Déposer la candidature' }).click();
    await page.getByText('Règle non respectée').waitFor();
    const nie = page.getByLabel('NIE du composant');
    await nie.waitFor();
    const group = page.locator('.fr-input-group--error', { has: page.getByLabel('NIE du composant') });
    expect(await group.textContent()).toContain('le NIE du composant est obligatoire');
    await checkPage(page, '09b-candidature-erreur-sur-le-champ');
    await nie.fill('NIE-42');
    await page.getByLabel('NIL du composant').fill('NIL-43');
    for (let step = 0; step < 1; step++) await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.getByRole('heading', { name: 'Récapitulatif' }).waitFor();
    await page.getByRole('button', { name: 'Déposer la candidature' }).click();
    await page.getByText('Examen de recevabilité').first().waitFor();
    state.dossierId = /dossiers\/([^/]+)$/.exec(page.url())![1];

    // submitted, the candidature's documents are the file: neither withdrawn nor deposited again…
    const retirer = page.getByRole('button', { name: 'Retirer documentation.pdf' });
    expect(await retirer.count()).toBe(0);
    expect(await page.getByText('Déposer : documentation fonctionnelle').count()).toBe(0);
    // …until an admissibility request asks for them
    const request = await http.call('POST', `/v1/dossiers/${state.dossierId}/info-requests`, {
      token: await t.instructor(),
      body: { missingItems: ['Documentation fonctionnelle à jour'] },
    });
    expect(request.status).toBe(201);
    await page.reload();
    await retirer.waitFor();
    await page.getByText('Déposer : documentation fonctionnelle').waitFor();
    await checkPage(page, '09c-recevabilite-demande-de-pieces');
    // the part of the page that changed: the documents with their actions
    await page
      .locator('section[aria-labelledby="documents-title"]')
      .screenshot({ path: path.join(SCREENSHOTS, '09d-recevabilite-documents-modifiables.png') });
    const answered = await http.call(
      'POST',
      `/v1/dossiers/${state.dossierId}/info-requests/${request.json.requestId}/answer`,
      { token: await t.candidate(state.companyId!), body: { message: 'La documentation déposée est à jour.' } },
    );
    expect(answered.status).toBe(200);

    // ANS finds it admissible (its own browser test covers the instructor's pages)
    const verdict = await http.call('POST', `/v1/dossiers/${state.dossierId}/admissibility`, {
      token: await t.instructor(),
      body: { decision: 'admissible' },
    });
    expect(verdict.status).toBe(200);
    await page.reload();
    await page.getByText('Dépôt des preuves').first().waitFor();
    // the head of the page says what to do next, and counts the evidence (issue 25)
    await page.getByRole('heading', { name: 'Prochaine étape — À vous' }).waitFor();
    await expect.poll(() => page.locator('.tlc-evidence-count').textContent()).toMatch(/^0\/\d+ exigences? pourvues?$/);
    await checkPage(page, '10-dossier-depot-des-preuves');
    // a message to ANS with a file attached: sent to storage, checked, then named by the message
    const thread = page.locator('section#messages');
    await thread.getByLabel('Nouveau message').fill('Voici notre plan de continuité, en avance.');
    await thread.getByLabel(/^Pièces jointes \(facultatif\)/).setInputFiles({
      name: 'plan-de-continuite.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% plan de continuité\n%%EOF\n'),
    });
    await thread.getByRole('button', { name: 'Envoyer le message' }).click();
    await thread.getByRole('button', { name: /^plan-de-continuite\.pdf \(/ }).waitFor({ timeout: 30_000 });
    // the page's timeline shows the message at once, with its file: it reads the journal again after a send
    await page
      .locator('section#journal .tlc-timeline__event')
      .filter({ hasText: '« Voici notre plan de continuité, en avance. »' })
      .getByRole('button', { name: /^plan-de-continuite\.pdf \(/ })
      .waitFor();
    await thread.scrollIntoViewIfNeeded();
    await thread.screenshot({ path: path.join(SCREENSHOTS, '10b-message-piece-jointe.png') });

    // every requirement gets a file; the first one large enough to watch its progress bar
    const inputs = page.getByLabel(/^Déposer une preuve pour /);
    const count = await inputs.count();
    expect(count).toBeGreaterThan(0);
    // records every value the progress bars take (evaluated in the page: DOM types are not ours)
    await page.evaluate(`(() => {
      const seen = [];
      window.progressSeen = seen;
      new MutationObserver(() => document.querySelectorAll('progress').forEach((p) => seen.push(Number(p.value))))
        .observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    for (let i = 0; i < count; i++) {
      const file = await pdfFile(`preuve-${i + 1}.pdf`, i === 0 ? 48 * 1024 * 1024 : 1024);
      await inputs.nth(i).setInputFiles(file);
      if (i === 0) {
        // the large file: its bar shows while it is hashed and sent
        const bar = page.getByRole('progressbar', { name: 'Dépôt de preuve-1.pdf' });
        await bar.waitFor();
        await bar.evaluate((e) => e.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: path.join(SCREENSHOTS, '11-depot-barre-de-progression.png') });
      }
      await page.getByText(`preuve-${i + 1}.pdf : reçu, empreinte vérifiée.`).waitFor({ timeout: 60_000 });
      if (i === 0) await checkPage(page, '11-depot-recu');
    }
    await expect
      .poll(() => page.locator('.tlc-evidence-count').textContent())
      .toBe(count > 1 ? `${count}/${count} exigences pourvues` : '1/1 exigence pourvue');
    const progress = (await page.evaluate('window.progressSeen')) as number[];
    // the bar moved through intermediate values (hashing, then sending), not only 0 and 100
    expect(progress.some((v) => v > 0 && v < 100)).toBe(true);

    // hand in every section; the last one makes the file complete: acknowledgement of receipt
    const handIn = page.getByRole('button', { name: /^Remettre la section/ });
    for (let left = await handIn.count(); left > 0; left--) {
      await handIn.first().click();
      await expect.poll(() => handIn.count(), { timeout: 15_000 }).toBe(left - 1);
    }
    await page.getByText('Accusé de réception du dossier complet').first().waitFor();
    await page.getByText('En instruction').first().waitFor();
    await checkPage(page, '12-dossier-accuse-de-reception');

    // the candidature, printable: what was filed, each document with its SHA-256, the receipt's date
    await page.getByRole('link', { name: 'Récapitulatif imprimable de la candidature' }).click();
    await page.getByRole('heading', { name: /^Récapitulatif de candidature — / }).waitFor();
    await page.getByText('documentation.pdf').waitFor();
    await checkPage(page, '12b-recapitulatif-candidature');
    await page.emulateMedia({ media: 'print' });
    const printed = path.join(files, 'recapitulatif.pdf');
    await page.pdf({ path: printed, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', printed, '-']).toString('utf8');
    expect(text).toMatch(/CAND-\d{4}-\d{5}/);
    expect(text).toContain('Accusé de réception du dossier complet');
    expect(text).toContain('documentation.pdf');
    // the page only: no navigation, no button
    expect(text).not.toContain('Se déconnecter');
    expect(text).not.toContain('Imprimer le récapitulatif');
    await signOut(page);
  });

  it('security reviewer: reviews the sensitive evidence, and sees only that', async () => {
    const requirements = await http.call('GET', `/v1/dossiers/${state.dossierId}/requirements`, {
      token: await t.instructor(),
    });
    const sensitive = requirements.json.sections.flatMap((s: any) => s.requirements).filter((r: any) => r.sensitive);
    await signIn(page, base, 'Relecteur sécurité ANS', 'secu@ans.fr');
    // the reviewer's own queue lists the proofs waiting for a verdict: no reference to type
    await page.getByText(`${sensitive.length} preuves en attente d’avis`).waitFor();
    await checkPage(page, '13a-relecteur-file-attente');
    await page
      .getByRole('link', { name: /TéléSanté Plus/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Preuves sensibles', exact: true }).waitFor();
    const verdicts = page.locator('.fr-badge', { hasText: /^Conforme$/ });
    for (let i = 0; i < sensitive.length; i++) {
      await page
        .getByRole('button', { name: /^Conforme/ })
        .nth(i)
        .click();
      await expect.poll(() => verdicts.count(), { timeout: 15_000 }).toBe(i + 1);
    }
    // nothing but the sensitive requirements is listed
    expect(await page.getByRole('button', { name: /^Conforme/ }).count()).toBe(sensitive.length);
    await checkPage(page, '13-relecteur-securite');
    await signOut(page);
  });

  it('instructor: reviews the evidence, records the INS test day and closes instruction', async () => {
    const proposed = await http.call('POST', `/v1/dossiers/${state.dossierId}/ins-test-day`, {
      token: await http.token({ role: 'candidate', sub: `local-${CANDIDATE}`, ensId: state.companyId }),
      // held today: its outcome is recorded once it took place
      body: { proposedDate: await todayInParis(http) },
    });
    expect(proposed.status).toBe(200);

    await signIn(page, base, 'Instructeur ANS', 'instructeur@ans.fr');
    await page.getByRole('heading', { name: 'Files d’instruction' }).waitFor();
    await page.getByRole('tab', { name: /^Instruction/ }).click();
    await checkPage(page, '14-files-instruction');
    // the search folds accents and case, over the reference, the company and the product
    const dossier = await http.call('GET', `/v1/dossiers/${state.dossierId}`, {
      token: await http.token({ role: 'instructor', sub: 'instructeur@ans.fr' }),
    });
    expect(dossier.json.reference).toMatch(/^CAND-\d{4}-\d{5}$/);
    await page.getByLabel('Rechercher un dossier').fill('telesante plus');
    await page.getByRole('tab', { name: /^Instruction \(1 sur \d+\)/ }).waitFor();
    await page.getByRole('cell', { name: dossier.json.reference }).waitFor();
    await checkPage(page, '14b-files-recherche');
    await page.getByLabel('Rechercher un dossier').fill('aucun-dossier-ainsi');
    await page
      .locator('.fr-tabs__panel--selected')
      .getByText('Aucun dossier de cette file ne correspond à la recherche.')
      .waitFor();
    await page.getByLabel('Rechercher un dossier').fill(dossier.json.reference.toLowerCase());
    await page.getByRole('link', { name: 'TéléSanté Plus 3.2' }).click();
    await page.getByRole('heading', { name: 'Preuves par exigence' }).waitFor();
    // the penetration-test files are the security reviewer's: the instructor sees their state only
    await page
      .getByText(/réservés? au relecteur sécurité — dernier avis : conforme/)
      .first()
      .waitFor();
    // a PDF previews in the page, from its presigned link
    await page
      .getByRole('button', { name: /^Aperçu/ })
      .first()
      .click();
    await page.locator('iframe.tlc-preview').waitFor();
    await checkPage(page, '15-instruction-dossier');
    // a note for the other staff, never for the company
    await page.getByLabel('Nouvelle note interne').fill('Relancer l’éditeur sur le PCA — note interne 7731');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page.getByText('Relancer l’éditeur sur le PCA — note interne 7731').waitFor();
    await page.locator('#notes-internes').scrollIntoViewIfNeeded();
    await page.locator('#notes-internes').screenshot({ path: path.join(SCREENSHOTS, '15a-notes-internes.png') });
    // the instructor takes the dossier in charge: the queue and the page say who has it
    await page.getByRole('button', { name: 'Je prends ce dossier' }).click();
    await page.getByText(/^Pris en charge par vous depuis le/).waitFor();
    await page.getByRole('button', { name: 'Libérer le dossier' }).waitFor();
    await page
      .locator('.fr-callout', { hasText: 'Pris en charge par vous' })
      .screenshot({ path: path.join(SCREENSHOTS, '15c-prise-en-charge.png') });
    // one place for the information requests: the admissibility's, answered, its answer kept
    const requests = page.locator('section#req');
    await requests.getByText('Documentation fonctionnelle à jour').waitFor();
    await requests.getByText('« La documentation déposée est à jour. »').waitFor();
    // a request during instruction takes the dossier out of the instruction queue, into the one
    // of the dossiers awaiting the company's answer
    await requests.getByLabel('Éléments demandés (un par ligne)').fill('Plan de continuité d’activité signé');
    await requests.getByRole('button', { name: 'Envoyer une demande' }).click();
    await page.getByText(/^Demande envoyée : le candidat a 60 jours pour répondre/).waitFor();
    await requests.getByText('En attente de réponse').waitFor();
    // one request at a time: the form gives way to a line saying so
    await requests.getByText('Une demande attend la réponse de l’entreprise : une seule à la fois.').waitFor();
    await requests.scrollIntoViewIfNeeded();
    await requests.screenshot({ path: path.join(SCREENSHOTS, '15d-demandes-de-pieces.png') });
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Files d’instruction' })
      .click();
    await page.getByRole('tab', { name: /^En attente du candidat \(1\)/ }).click();
    await page.locator('.fr-tabs__panel--selected').getByRole('cell', { name: dossier.json.reference }).waitFor();
    await page
      .locator('.fr-tabs__panel--selected')
      .getByText(/^Réponse à la demande de pièces : /)
      .waitFor();
    expect(await page.getByRole('tab', { name: /^Instruction \(0\)/ }).count()).toBe(1);
    await checkPage(page, '14c-files-en-attente-du-candidat');
    // the late ones only: this dossier's clock runs, so none here
    await page.getByLabel('Seulement les dossiers en retard sur un délai').check({ force: true });
    await page.getByRole('tab', { name: /^En attente du candidat \(0 sur 1\)/ }).waitFor();
    await page.getByLabel('Seulement les dossiers en retard sur un délai').uncheck({ force: true });
    // the workload dashboard: dossiers per stage, days left per clock, the late ones
    await page.getByRole('link', { name: /^Tableau de bord de la charge/ }).click();
    await page.getByRole('heading', { name: 'Tableau de bord de la charge', level: 1 }).waitFor();
    const stages = page.getByRole('figure', { name: 'Dossiers par étape' });
    await stages.waitFor();
    const clocks = page.getByRole('figure', { name: 'Jours restants par délai' });
    await clocks.locator('.tlc-chart__label', { hasText: 'Réponse à la demande de pièces' }).waitFor();
    // the figures behind each chart, as a table
    await stages.getByRole('button', { name: /^Données du graphique/ }).click();
    const waitingRow = stages.getByRole('row', { name: /^En attente du candidat/ });
    await waitingRow.waitFor();
    expect(await waitingRow.getByRole('cell').allTextContents()).toEqual(['0', '1', '1']);
    expect(
      await page.getByRole('navigation', { name: 'Menu principal' }).locator('[aria-current="page"]').allTextContents(),
    ).toEqual(['Tableau de bord']);
    await checkPage(page, '14d-tableau-de-bord');
    await stages.screenshot({ path: path.join(SCREENSHOTS, '14e-tableau-de-bord-etapes.png') });
    await clocks.screenshot({ path: path.join(SCREENSHOTS, '14f-tableau-de-bord-delais.png') });
    // the company answers (its own pages are walked above); the dossier comes back to instruction
    const open = (
      await http.call('GET', `/v1/dossiers/${state.dossierId}`, { token: await t.instructor() })
    ).json.infoRequests.find((r: { status: string }) => r.status === 'open');
    const answer = await http.call('POST', `/v1/dossiers/${state.dossierId}/info-requests/${open.id}/answer`, {
      token: await t.candidate(state.companyId!),
      body: { message: 'Le PCA signé est déposé.' },
    });
    expect(answer.status).toBe(200);
    // the page reads the messages once: the thread and the timeline share them
    const messageReads: string[] = [];
    const countMessageReads = (r: { method(): string; url(): string }) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname.endsWith(`/v1/dossiers/${state.dossierId}/messages`))
        messageReads.push(r.url());
    };
    page.on('request', countMessageReads);
    await page.goto(`${base}/instruction/dossiers/${state.dossierId}`);
    await page.getByRole('heading', { name: 'Preuves par exigence' }).waitFor();
    await requests.getByText('« Le PCA signé est déposé. »').waitFor();
    // the company's message reaches ANS with its file
    await page
      .locator('section#messages')
      .getByRole('button', { name: /^plan-de-continuite\.pdf \(/ })
      .waitFor();
    // the timeline: every event beside what it is about — the answer's text, the message and its file
    const timeline = page.locator('section#journal');
    await timeline.getByText(/^Journal vérifié/).waitFor();
    const events = timeline.locator('.tlc-timeline__event');
    await events
      .filter({ hasText: 'Réponse à la demande de pièces' })
      .filter({ hasText: '« Le PCA signé est déposé. »' })
      .waitFor();
    await events
      .filter({ hasText: '« Voici notre plan de continuité, en avance. »' })
      .getByRole('button', { name: /^plan-de-continuite\.pdf \(/ })
      .waitFor();
    page.off('request', countMessageReads);
    expect(messageReads).toHaveLength(1);
    await events.first().scrollIntoViewIfNeeded();
    const top = (await timeline.boundingBox())!;
    const sixth = (await events.nth(5).boundingBox())!;
    await page.screenshot({
      path: path.join(SCREENSHOTS, '15e-chronologie.png'),
      clip: { x: top.x, y: top.y, width: top.width, height: sixth.y + sixth.height - top.y },
    });
    const awaiting = page.locator('li', { has: page.getByRole('button', { name: /^Conforme/ }) }).filter({
      hasNot: page.locator('.fr-badge', { hasText: /^Conforme$/ }),
    });
    // one verdict by itself, then the others in one action (17 requirements were 17 clicks), after
    // a confirmation
    const first = await awaiting.count();
    await awaiting
      .first()
      .getByRole('button', { name: /^Conforme/ })
      .press('Enter');
    await expect.poll(() => awaiting.count(), { timeout: 15_000 }).toBe(first - 1);
    if (first - 1 > 1) {
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: `Juger conformes les ${first - 1} preuves sans avis` }).press('Enter');
      await page.getByText(`${first - 1} preuves jugées conformes.`).waitFor({ timeout: 30_000 });
      await checkPage(page, '15b-instruction-verdicts-groupes');
    }
    for (;;) {
      // proofs without a verdict yet: their "Conforme" button sits next to no "Conforme" badge
      const pending = page.locator('li', { has: page.getByRole('button', { name: /^Conforme/ }) }).filter({
        hasNot: page.locator('.fr-badge', { hasText: /^Conforme$/ }),
      });
      if ((await pending.count()) === 0) break;
      const before = await pending.count();
      // by keyboard (focus the verdict button, press Enter): with a PDF preview open, headless
      // Chromium's PDF viewer swallows later mouse clicks on the page
      await pending
        .first()
        .getByRole('button', { name: /^Conforme/ })
        .press('Enter');
      await expect.poll(() => pending.count(), { timeout: 15_000 }).toBeLessThan(before);
    }
    await page.getByLabel('Réussie').check({ force: true });
    await page.getByRole('button', { name: 'Enregistrer le résultat' }).click();
    await page.getByText('Résultat de la journée INS enregistré.').waitFor();
    await page.getByRole('button', { name: 'Clore l’instruction' }).click();
    await page.getByText('Instruction close : la convention est envoyée au candidat.').waitFor();
    await page.getByText('Convention à signer').first().waitFor();
    await checkPage(page, '16-instruction-close');
    await signOut(page);

    const signed = await http.call('POST', `/v1/dossiers/${state.dossierId}/convention/sign`, {
      token: await http.token({ role: 'candidate', sub: `local-${CANDIDATE}`, ensId: state.companyId }),
      body: { signatoryName: 'Dominique Durand' },
    });
    expect(signed.status).toBe(200);
  });

  it('collège: finds the dossier on its agenda and certifies it', async () => {
    await signIn(page, base, 'Collège de certification', 'college@ans.fr');
    await page.getByRole('heading', { name: 'Ordre du jour du collège' }).waitFor();
    await checkPage(page, '17-college-ordre-du-jour');
    await page.getByRole('link', { name: 'TéléSanté Plus 3.2' }).click();
    await page.getByRole('group', { name: 'Décision du collège' }).waitFor();
    await checkPage(page, '18-college-decision');
    await page.getByLabel('Certifier', { exact: true }).check({ force: true });
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.getByText('Certification accordée').waitFor();
    await signOut(page);
    const dossier = await http.call('GET', `/v1/dossiers/${state.dossierId}`, {
      token: await http.token({ role: 'candidate', sub: `local-${CANDIDATE}`, ensId: state.companyId }),
    });
    state.number = dossier.json.certificate.number;
    expect(state.number).toMatch(/^TLC-\d{4}-\d{6}$/);
  });

  it('candidate: reads the decision with its means of appeal and acknowledges it', async () => {
    await signIn(page, base, 'Candidat (entreprise)', CANDIDATE, COMPANY);
    await page.getByRole('link', { name: 'TéléSanté Plus 3.2' }).click();
    await page.getByText('Voies et délais de recours').waitFor();
    await page.getByRole('heading', { name: 'Prochaine étape — À vous' }).waitFor();
    await page.getByText('Accuser réception de la décision.').waitFor();
    // the convention is a few Tab stops from the top of the page (it was 57, behind every
    // requirement): the summary's links first, then the sections in the order they matter
    await page.locator('main').focus();
    let tabs = 0;
    for (; tabs < 30; tabs++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate('document.activeElement?.textContent?.trim()')) === 'Télécharger la convention') break;
    }
    expect(tabs).toBeLessThan(16);
    // and the summary leads to it
    await page
      .getByRole('navigation', { name: 'Sommaire' })
      .getByRole('link', { name: 'Convention de certification' })
      .click();
    await expect.poll(() => page.evaluate('window.location.hash')).toBe('#convention');
    await page.getByRole('button', { name: 'Accuser réception de la décision' }).click();
    await page.getByText('Réception de la décision accusée.').waitFor();
    await page.getByRole('heading', { name: 'Prochaine étape — Dossier clos' }).waitFor();
    await checkPage(page, '19-candidat-decision');
    const seen = await page.locator('main').innerText();
    expect(seen).not.toContain('note interne 7731');
    expect(seen).not.toContain('Pris en charge par');
    await page.getByRole('link', { name: /Voir le certificat/ }).click();
    await page.getByRole('heading', { name: `Certificat ${state.number}` }).waitFor();
    await checkPage(page, '20-candidat-certificat');
    await signOut(page);
  });

  it('instructor: the certificate’s page, where a sanction states its reasons', async () => {
    await signIn(page, base, 'Instructeur ANS', 'instructeur@ans.fr');
    await page.goto(`${base}/instruction/certificats/${state.number}`);
    await page.getByRole('heading', { name: `Certificat ${state.number}` }).waitFor();
    await page.getByRole('button', { name: 'Suspendre, rétablir ou retirer' }).click();
    // the status decision's reasons (its label carries its hint: find it by its field)
    const reasons = page.locator('textarea[name="reasons"]');
    await reasons.waitFor();
    await page.getByRole('group', { name: 'Décision' }).waitFor();
    await checkPage(page, '20b-instruction-certificat-decision');
    // without a notice no sanction holds: the service says why, next to the form
    page.once('dialog', (dialog) => void dialog.accept());
    await reasons.fill('Traits INS non affichés');
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.getByText(/La suspension suppose une mise en demeure/).waitFor();
    await signOut(page);
  });

  it('public: finds the certificate in the published list and verifies it by its number', async () => {
    // the public list may be cached a minute (Cache-Control, as CloudFront serves it): this visitor's
    // browser has not seen it yet — otherwise the test would depend on how fast the walk above ran
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
    await page.goto(`${base}/certificats`);
    // typed without accents, as people do: « telesante » finds « TéléSanté »
    await page.getByLabel('Rechercher').fill('telesante');
    await page.getByText('1 certificat', { exact: true }).waitFor();
    await page.getByLabel('Rechercher').fill('telesante introuvable');
    await page.getByText('0 certificat', { exact: true }).waitFor();
    await page.getByLabel('Rechercher').fill('portail TÉLÉSANTÉ');
    await page.getByText('1 certificat', { exact: true }).waitFor();
    await checkPage(page, '21-certificats-publies');
    await page.goto(`${base}/candidatures`);
    await page.getByRole('heading', { name: 'Candidatures en cours', level: 1 }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /candidature/ })
      .waitFor();
    await checkPage(page, '21c-candidatures-en-cours');
    await page.goto(`${base}/verifier`);
    await page.getByLabel('Numéro du certificat').fill('TLC-12');
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await page.getByText(/s’écrit TLC-AAAA-NNNNNN/).waitFor();
    await page.getByLabel('Numéro du certificat').fill(state.number!);
    await page.getByLabel('Numéro du certificat').press('Enter');
    await page.getByRole('heading', { name: `Certificat ${state.number}` }).waitFor();
    await page.getByText('Valide').first().waitFor();
    await checkPage(page, '22-verification');
  });

  it('public: checks a sealed document without sending it — the genuine one, then a copy with one byte changed', async () => {
    const link = await http.call('GET', `/v1/certificates/${state.number}/pdf`, {
      token: await t.candidate(state.companyId!),
    });
    const genuine = Buffer.from(await (await fetch(link.json.url)).arrayBuffer());
    const tampered = Buffer.from(genuine);
    tampered[7] = tampered[7] === 0x37 ? 0x36 : 0x37;
    await writeFile(path.join(files, 'certificat.pdf'), genuine);
    await writeFile(path.join(files, 'certificat-modifie.pdf'), tampered);
    const sent: { method: string; url: string; bytes: number }[] = [];
    const watch = (request: import('playwright-core').Request) =>
      sent.push({ method: request.method(), url: request.url(), bytes: request.postDataBuffer()?.length ?? 0 });
    page.on('request', watch);
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Vérifier un document' }).first().click();
    await page.getByRole('heading', { name: 'Vérifier un document', level: 1 }).waitFor();
    await page.getByLabel('Document à vérifier').setInputFiles(path.join(files, 'certificat.pdf'));
    await page.getByText('Document authentique').waitFor();
    await page.getByText('Statut du certificat aujourd’hui').waitFor();
    await page.getByText(new RegExp(`${state.number} — `)).waitFor();
    await checkPage(page, '22b-verifier-un-document-authentique');
    await page.getByLabel('Document à vérifier').setInputFiles(path.join(files, 'certificat-modifie.pdf'));
    await page.getByText('Document non reconnu').waitFor();
    await checkPage(page, '22c-verifier-un-document-modifie');
    page.off('request', watch);
    // only fingerprints travelled: no request carried the document
    expect(sent.filter((r) => r.bytes > 0)).toEqual([]);
    expect(sent.filter((r) => r.url.includes('/v1/public/documents/')).length).toBe(2);
  });

  it('at 320 px (WCAG 1.4.10 reflow): no page scrolls sideways, the dossier page included', async () => {
    const overflow = async () =>
      (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    const widths: Record<string, number> = {};
    await page.setViewportSize({ width: 320, height: 800 });
    for (const where of ['/', '/certificats', `/verifier/${state.number}`, '/candidatures', '/aide', '/connexion']) {
      await page.goto(`${base}${where}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
      widths[where] = await overflow();
    }
    // signed in at the usual width (the header's menu folds at 320 px), then narrowed
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, base, 'Candidat (entreprise)', CANDIDATE, COMPANY);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${base}/candidat/dossiers/${state.dossierId}`);
    await page.getByRole('heading', { name: /^Prochaine étape/ }).waitFor();
    widths.dossier = await overflow();
    await page.screenshot({ path: path.join(SCREENSHOTS, '24-dossier-320px.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await signOut(page);
    expect(widths).toEqual(Object.fromEntries(Object.keys(widths).map((k) => [k, 0])));
  });

  it('keyboard alone: skip link, navigation and verification, the focus visible at every step', async () => {
    // a fresh load: the browser starts at the top of the document, the skip links first
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    /** Tabs until the focused element's text matches; checks that the focus is drawn each time. */
    const tabTo = async (text: RegExp) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        // DSFR draws some focus rings on a pseudo-element or a parent (a tile around its link)
        const focused = (await page.evaluate(`(() => {
          const e = document.activeElement;
          let drawn = false;
          for (let n = e, depth = 0; n && depth < 4 && !drawn; n = n.parentElement, depth++) {
            for (const pseudo of [null, '::before', '::after']) {
              const style = getComputedStyle(n, pseudo);
              drawn = drawn || (style.outlineStyle !== 'none' && style.outlineWidth !== '0px');
            }
          }
          return { text: (e.textContent || e.getAttribute('aria-label') || e.getAttribute('name') || '').trim(), outline: drawn };
        })()`)) as { text: string; outline: boolean };
        expect(focused.outline, `focus drawn on "${focused.text}"`).toBe(true);
        if (text.test(focused.text)) return;
      }
      throw new Error(`no focusable element matching ${text}`);
    };
    await tabTo(/^Contenu$/);
    await page.keyboard.press('Enter');
    await tabTo(/^Vérifier un certificat/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Vérifier un certificat' }).waitFor();
    await tabTo(/^number$/);
    await page.keyboard.type(state.number!);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Certificat ${state.number}` }).waitFor();
    await checkPage(page, '23-verification-au-clavier');
  });

  it('deep links: a signed-out visitor signs in and lands where the link pointed; another role goes home', async () => {
    await page.goto(`${base}/candidat/dossiers/${state.dossierId}`);
    await page.waitForURL(/\/connexion\?retour=/);
    expect(new URL(page.url()).searchParams.get('retour')).toBe(`/candidat/dossiers/${state.dossierId}`);
    await page.getByLabel('Candidat (entreprise)', { exact: true }).check({ force: true });
    await page.getByLabel('Adresse électronique').fill(CANDIDATE);
    await page.getByLabel('Entreprise représentée').selectOption({ label: COMPANY });
    await page.getByRole('button', { name: 'Se connecter' }).last().click();
    await page.waitForURL(new RegExp(`/candidat/dossiers/${state.dossierId}$`));
    await page.getByRole('heading', { name: 'TéléSanté Plus 3.2', level: 1 }).waitFor();
    // the candidate opens an instructor's link: their own area, not a blank page
    await page.goto(`${base}/instruction/files`);
    await page.waitForURL(/\/candidat$/);
    await page.getByRole('heading', { name: 'Mes dossiers de certification' }).waitFor();
    await signOut(page);
  });

  it('candidate: integrates its tools — an API client’s secret shown once, a webhook and its delivery log', async () => {
    // the company's own receiver, on this machine
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      req.on('data', () => undefined);
      req.on('end', () => {
        received.push(String(req.headers['webhook-id']));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as { port: number }).port;
    try {
      await signIn(page, base, 'Candidat (entreprise)', CANDIDATE, COMPANY);
      await page.getByRole('link', { name: 'Intégrer vos outils' }).first().click();
      await page.getByRole('heading', { name: 'Intégrer vos outils', level: 1 }).waitFor();
      await page.getByLabel('Nom de l’outil').fill('Chaîne d’intégration');
      await page.getByRole('button', { name: 'Créer un client d’API' }).click();
      await page.getByText('Client « Chaîne d’intégration » créé').waitFor();
      await page.getByRole('cell', { name: 'Chaîne d’intégration' }).waitFor();
      await checkPage(page, '23-outils-client-cree');

      await page.getByLabel('Adresse de réception (https)').fill(`http://127.0.0.1:${port}/tlc`);
      await page.getByLabel('Fichier déposé accepté ou refusé').check({ force: true });
      await page.getByRole('button', { name: 'S’abonner' }).click();
      await page.getByText('Webhook créé').waitFor();
      // an event of the company's: a file deposited on a new draft
      const token = await t.candidate(state.companyId!);
      const draft = await http.call('POST', '/v1/dossiers', { token, body: draftBody('Outil de test 1.0') });
      const doc = await upload(http, token, draft.json.id, {});
      expect((await settled(http, token, draft.json.id, doc.grant.json.uploadId)).status).toBe('received');
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(received.length).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Journal des remises' }).click();
      await page.getByRole('cell', { name: /Remis/ }).first().waitFor();
      await checkPage(page, '23b-outils-journal-des-remises');

      // revoked after a confirmation: its state says so
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Révoquer' }).click();
      await page.getByText(/Révoqué le/).waitFor();

      // « Mes données »: what the platform holds about this person, and the same as a file
      await page.getByRole('link', { name: 'Mes données' }).first().click();
      await page.getByRole('heading', { name: 'Mes données', level: 1 }).waitFor();
      await page.getByRole('heading', { name: /Dossiers où vous avez agi/ }).waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Télécharger mes données (JSON)' }).click();
      expect((await download).suggestedFilename()).toBe('mes-donnees.json');
      // the contact corrects her phone in the company's record
      await page.getByLabel('Nouveau téléphone').fill('+33 1 02 03 04 99');
      await page.getByRole('button', { name: 'Corriger mon téléphone' }).click();
      await page.getByText('Votre téléphone est corrigé.').waitFor();
      await page.getByText(/\+33 1 02 03 04 99\./).waitFor();
      await checkPage(page, '25-mes-donnees');
      await signOut(page);
    } finally {
      receiver.closeAllConnections();
      receiver.close();
    }
  });

  it('candidate: a withdrawn candidature says when its personal data will be erased', async () => {
    const token = await http.token({ role: 'candidate', sub: `local-${CANDIDATE}`, ensId: state.companyId });
    const draft = await http.call('POST', '/v1/dossiers', { token, body: draftBody('Produit abandonné 2.0') });
    expect(draft.status).toBe(201);
    expect((await http.call('POST', `/v1/dossiers/${draft.json.id}/withdraw`, { token })).status).toBe(200);
    await signIn(page, base, 'Candidat (entreprise)', CANDIDATE, COMPANY);
    await page.goto(`${base}/candidat/dossiers/${draft.json.id}`);
    await page.getByText('Conservation des données').waitFor();
    await page.getByText('Le dossier est clos : sa messagerie aussi.').waitFor();
    await page.getByText(/Données personnelles effacées au terme du \d+ \S+ \d{4}/).waitFor();
    await checkPage(page, '26-dossier-retire-conservation');
    await signOut(page);
  });

  it('candidate: a large file survives a cut connection and a reload, and resumes where it stopped', async () => {
    const d = await admissibleDossier(http, 2601, 'company');
    await signIn(page, base, 'Candidat (entreprise)', 'rep-e2601@example.fr', 'Société e2601');
    await page.goto(`${base}/candidat/dossiers/${d.id}`);
    // 20 MB: sent in three parts of 8 MB, 8 MB and 4 MB
    const file = await pdfFile('demonstration.pdf', 20 * 1024 * 1024);
    const sent: string[] = [];
    page.on('request', (r) => {
      const part = new URL(r.url()).searchParams.get('partNumber');
      if (r.method() === 'PUT' && part) sent.push(part);
    });
    // the connection is cut while part 2 goes: every attempt at it fails
    const partTwo = /[?&]partNumber=2(&|$)/;
    await page.route(partTwo, (route) => route.abort('internetdisconnected'));
    const input = page.getByLabel(/^Déposer une preuve pour /).first();
    await input.setInputFiles(file);
    await page.getByText(/la connexion a été coupée pendant l’envoi/).waitFor({ timeout: 60_000 });
    expect(sent.filter((n) => n === '2').length).toBeGreaterThan(1); // retried before giving up
    expect(sent).toEqual(expect.arrayContaining(['1', '3']));
    await checkPage(page, '27-depot-connexion-coupee');
    await page
      .locator('.fr-upload-group', { hasText: 'demonstration.pdf' })
      .screenshot({ path: path.join(SCREENSHOTS, '27-depot-connexion-coupee-detail.png') });

    // the connection is back; the page reloaded; the same file chosen again: only part 2 goes
    await page.unroute(partTwo);
    await page.reload();
    sent.length = 0;
    await page
      .getByLabel(/^Déposer une preuve pour /)
      .first()
      .setInputFiles(file);
    await page.getByText('demonstration.pdf : reçu, empreinte vérifiée.').waitFor({ timeout: 60_000 });
    expect(sent).toEqual(['2']);
    await checkPage(page, '27-depot-repris-recu');
    await page
      .locator('.fr-upload-group', { hasText: 'demonstration.pdf' })
      .screenshot({ path: path.join(SCREENSHOTS, '27-depot-repris-recu-detail.png') });
    await signOut(page);
  });

  it('the French check on every page state finds codes and English, and leaves verbatim text alone', async () => {
    const other = await browser.newPage();
    await other.setContent(
      '<main><p>Issue : tacit_acceptance</p><p>The file is required.</p><code>section_id;requirement_id</code>' +
        '<p>Décision notifiée, réputée reçue.</p></main>',
    );
    const found = await notFrench(other);
    await other.close();
    expect(found.filter((f) => f.startsWith('code'))).toEqual(['code « tacit_acceptance »']);
    expect(found.some((f) => f.startsWith('anglais') && f.includes('The file is required'))).toBe(true);
    expect(found.join(' ')).not.toContain('section_id');
  });
});
