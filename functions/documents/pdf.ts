import { APPEAL_TEXT } from '../domain/decision';
import { CLOCKS, inWords } from '../domain/legal-periods';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { DateTime } from '../domain/luxon';
import { LEGAL_ZONE } from '../domain/calendar';
import type { Certificate } from '../domain/certificate';
import type { Company } from '../domain/company';
import type { Dossier } from '../domain/dossier';
import type { JournalEvent } from '../domain/journal';

/** The convention and certificate documents, rendered with pdf-lib (standard fonts, WinAnsi text). */
const day = (iso: string) => DateTime.fromISO(iso, { zone: LEGAL_ZONE }).setLocale('fr').toFormat('d LLLL yyyy');

// standard PDF fonts only encode WinAnsi: replace the few characters they lack
const safe = (text: string) =>
  text
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

class Writer {
  private y = 780;
  constructor(
    private readonly page: PDFPage,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {}

  title(text: string) {
    this.line(text, 16, true);
    this.y -= 8;
  }

  line(text: string, size = 11, bold = false) {
    const font = bold ? this.bold : this.font;
    for (const chunk of this.wrap(safe(text), font, size, 495)) {
      this.page.drawText(chunk, { x: 50, y: this.y, size, font, color: rgb(0.1, 0.1, 0.2) });
      this.y -= size + 5;
    }
  }

  gap() {
    this.y -= 10;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number) {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && current) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    lines.push(current);
    return lines;
  }
}

const document = async (title: string, at: string, body: (w: Writer) => void) => {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setAuthor('Agence du Numérique en Santé');
  pdf.setCreationDate(new Date(at));
  pdf.setModificationDate(new Date(at));
  const page = pdf.addPage([595, 842]);
  const writer = new Writer(
    page,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  body(writer);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
};

export const conventionPdf = (dossier: Dossier, company: Company | null, at: string) =>
  document('Convention de certification', at, (w) => {
    w.title('Convention relative à la certification de conformité');
    w.line('Référentiel d’interopérabilité, de sécurité et d’éthique des systèmes d’information de téléconsultation');
    w.gap();
    w.line(
      `Entre l’Agence du Numérique en Santé et ${company?.name ?? dossier.companyId}${company?.siret ? ` (SIRET ${company.siret})` : company?.vatNumber ? ` (TVA ${company.vatNumber})` : ''}.`,
    );
    w.line(`Objet : ${dossier.product.name}, version ${dossier.product.version} — dossier ${dossier.id}.`);
    w.line(`Référentiel ${dossier.referentialVersion} ; profils : ${dossier.profiles.join(', ')}.`);
    w.gap();
    w.line(
      `Durée : ${inWords(CLOCKS.convention_term.period)} à compter de la délivrance du certificat, renouvelable tacitement.`,
      11,
      true,
    );
    w.line(
      'Le titulaire informe l’ANS de toute évolution substantielle du système certifié ; une nouvelle candidature est alors requise.',
    );
    w.line(
      `En cas de non-conformité, l’ANS peut mettre le titulaire en demeure d’y remédier dans un délai qui ne peut excéder ${inWords(CLOCKS.formal_notice.period)} (art. R.1470-9), puis suspendre ou retirer le certificat.`,
    );
    w.line('La convention peut être résiliée de plein droit, pour fraude ou pour faute, sans indemnité.');
    w.gap();
    w.line(`Établie le ${day(at)}. Signature électronique du représentant habilité sur la plateforme.`);
  });

export const certificatePdf = (certificate: Certificate) =>
  document(`Certificat ${certificate.number}`, certificate.grantedAt, (w) => {
    w.title(`Certificat de conformité n° ${certificate.number}`);
    w.line('Agence du Numérique en Santé');
    w.gap();
    w.line(
      `Le système d’information de téléconsultation ${certificate.product.name}, version ${certificate.product.version}, édité par ${certificate.companyName},`,
    );
    w.line(
      `est certifié conforme au référentiel d’interopérabilité, de sécurité et d’éthique des SI de téléconsultation, version ${certificate.referentialVersion}.`,
    );
    w.line(`Profils : ${certificate.profiles.join(', ')}.`);
    if (certificate.withReservations)
      w.line(`Avec réserves : ${(certificate.reservations ?? []).join(' ; ')}`, 11, true);
    w.gap();
    w.line(
      certificate.grantedBy === 'tacit_acceptance'
        ? `Délivré le ${day(certificate.grantedAt)} par acceptation tacite (art. R.1470-4 du code de la santé publique).`
        : `Délivré le ${day(certificate.grantedAt)} sur décision du collège technique.`,
    );
    w.line(`Vérification : GET /v1/public/certificates/${certificate.number}`);
    w.gap();
    // R.1470-4 al. 2: the decision states the means and time limits of appeal
    w.line(APPEAL_TEXT, 9);
  });

const dayAndTime = (iso: string) =>
  DateTime.fromISO(iso, { zone: LEGAL_ZONE }).setLocale('fr').toFormat("d LLLL yyyy 'à' HH:mm:ss (ZZZZ)");

/**
 * The convention signature's evidence file (issue 24): who signed, when, which document (its
 * SHA-256) and how the signatory proved who they were, with the journal event that records it —
 * sealed and timestamped like every document the platform issues.
 */
export const signatureEvidencePdf = (dossier: Dossier, company: Company | null, signed: JournalEvent) => {
  const data = signed.data as {
    signatoryName: string;
    signedAt: string;
    signedBy?: string;
    conventionSha256?: string;
    authenticatedAt?: string;
    productVersion?: string;
  };
  return document('Dossier de preuve de signature de la convention', signed.at, (w) => {
    w.title('Dossier de preuve de la signature électronique de la convention');
    w.line(
      `Dossier ${dossier.id} — ${dossier.product.name}, version ${data.productVersion ?? dossier.product.version}.`,
    );
    w.line(`Titulaire : ${company?.name ?? dossier.companyId}.`);
    w.gap();
    w.line('Signataire', 11, true);
    w.line(
      `${data.signatoryName}, représentant habilité, compte ${data.signedBy ?? signed.actor.sub} de la plateforme.`,
    );
    w.line('Document signé', 11, true);
    w.line(`Convention de certification, empreinte SHA-256 : ${data.conventionSha256 ?? 'non enregistrée'}.`, 10);
    w.line('Instant de la signature', 11, true);
    w.line(`${dayAndTime(data.signedAt)}.`);
    w.line('Authentification', 11, true);
    w.line(
      data.authenticatedAt
        ? `Connexion avec mot de passe et second facteur (obligatoire sur la plateforme) le ${dayAndTime(data.authenticatedAt)}, moins de quinze minutes avant la signature.`
        : 'Non enregistrée.',
    );
    w.gap();
    w.line('Trace au journal du dossier', 11, true);
    w.line(`Événement n° ${signed.seq} (convention_signed), empreinte ${signed.hash}.`, 10);
    w.line(
      'Cet événement porte un jeton d’horodatage RFC 3161 d’une autorité tierce, vérifiable avec openssl ts -verify et les certificats publiés (GET /v1/public/trust).',
      10,
    );
    w.gap();
    w.line(
      'Niveau : signature électronique au sens du règlement eIDAS (art. 3, 10), appuyée sur une authentification forte, un journal chaîné et horodaté et le cachet de la plateforme ; ce n’est pas une signature avancée (la clé n’est pas sous le contrôle exclusif du signataire).',
      9,
    );
  });
};

/**
 * The acknowledgement of a complete file (R.1470-4; CRPA R.112-5): the date of receipt, the date
 * by which the decision is due and what silence means then, the service that instructs it.
 */
export const receiptPdf = (dossier: Dossier, company: Company | null, receipt: JournalEvent) => {
  const data = receipt.data as { receivedAt: string; decisionDueAt?: string };
  return document('Accusé de réception d’un dossier complet', receipt.at, (w) => {
    w.title('Accusé de réception d’un dossier de certification complet');
    w.line('Agence du Numérique en Santé — certification des systèmes d’information de téléconsultation');
    w.gap();
    w.line(`Dossier ${dossier.id} — ${dossier.product.name}, version ${dossier.product.version}.`);
    w.line(`Candidat : ${company?.name ?? dossier.companyId}.`);
    w.gap();
    w.line(`Dossier complet reçu le ${dayAndTime(data.receivedAt)}.`, 11, true);
    if (data.decisionDueAt)
      w.line(
        `À défaut de décision au plus tard le ${dayAndTime(data.decisionDueAt)}, la demande de certification est réputée acceptée (art. R.1470-4 du code de la santé publique).`,
      );
    w.line(
      'Le dossier est instruit par l’ANS, qui peut demander des pièces complémentaires : le délai est alors suspendu jusqu’à leur réception.',
    );
    w.gap();
    w.line(`Trace au journal : événement n° ${receipt.seq}, empreinte ${receipt.hash}, horodaté (RFC 3161).`, 9);
  });
};

const OUTCOME_TITLES: Record<string, string> = {
  certified: 'Certification accordée',
  certified_with_reservations: 'Certification accordée avec réserves',
  refused: 'Certification refusée',
  inadmissible: 'Candidature irrecevable',
  tacit_acceptance: 'Certification accordée par acceptation tacite',
};

/** The decision on a candidature (R.1470-4 al. 2): its outcome, its reasons or reservations, the means of appeal. */
export const decisionPdf = (dossier: Dossier, company: Company | null) => {
  const decision = dossier.decision!;
  return document(`Décision — dossier ${dossier.id}`, decision.decidedAt, (w) => {
    w.title(OUTCOME_TITLES[decision.outcome] ?? decision.outcome);
    w.line('Agence du Numérique en Santé — certification des systèmes d’information de téléconsultation');
    w.gap();
    w.line(`Dossier ${dossier.id} — ${dossier.product.name}, version ${dossier.product.version}.`);
    w.line(`Candidat : ${company?.name ?? dossier.companyId}.`);
    w.line(
      decision.outcome === 'tacit_acceptance'
        ? `Acquise le ${dayAndTime(decision.decidedAt)}, faute de décision dans le délai (art. R.1470-4 du code de la santé publique).`
        : `Décision du ${dayAndTime(decision.decidedAt)}.`,
    );
    if (dossier.certificate?.number) w.line(`Certificat n° ${dossier.certificate.number}.`, 11, true);
    if (decision.reasons?.length) {
      w.gap();
      w.line('Motifs', 11, true);
      for (const reason of decision.reasons) w.line(`- ${reason}`);
    }
    if (decision.reservations?.length) {
      w.gap();
      w.line('Réserves', 11, true);
      for (const reservation of decision.reservations) w.line(`- ${reservation}`);
    }
    w.gap();
    w.line(APPEAL_TEXT, 9);
  });
};
