import { APPEAL_PERIOD, inWords } from '../../../../functions/domain/legal-periods';
import { RETENTION } from '../../../../functions/domain/retention';
import { Link } from 'wouter';
import { Page } from '../../ui/page';

/**
 * The pages every French public service publishes (issue 25: « no accessibility statement,
 * mentions légales, données personnelles, help or contact »), linked from the footer. What they
 * state is what the platform does; what is not done yet is said as such.
 */

/** Déclaration d’accessibilité (RGAA 4.1, article 47 de la loi du 11 février 2005). */
export const AccessibilityPage = () => (
  <Page title="Déclaration d’accessibilité">
    <p>
      L’Agence du numérique en santé (ANS) s’engage à rendre ses services numériques accessibles, conformément à
      l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique à la plateforme de
      certification des systèmes d’information de téléconsultation.
    </p>
    <h2 className="fr-h4">État de conformité</h2>
    <p>
      La plateforme est <strong>partiellement conforme</strong> avec le référentiel général d’amélioration de
      l’accessibilité (RGAA), version 4.1 : aucun audit complet du RGAA n’a encore été réalisé.
    </p>
    <h2 className="fr-h4">Ce qui est vérifié</h2>
    <ul>
      <li>
        chaque état de page parcouru par les tests automatisés (candidat, instruction, relecture sécurité, collège,
        administration, pages publiques) est analysé par axe-core selon les règles WCAG 2.1 niveaux A et AA : aucune
        violation sérieuse ou critique n’est admise ;
      </li>
      <li>
        un parcours au clavier seul (lien d’évitement, navigation, vérification d’un certificat) vérifie que le focus
        reste visible à chaque étape ;
      </li>
      <li>les pages utilisent le système de design de l’État (DSFR) et sont rédigées en français.</li>
    </ul>
    <h2 className="fr-h4">Technologies utilisées</h2>
    <p>HTML5, CSS, JavaScript (React), WAI-ARIA.</p>
    <h2 className="fr-h4">Retour d’information et contact</h2>
    <p>
      Si vous ne parvenez pas à accéder à un contenu ou à un service, signalez-le à l’ANS (page « Aide et contact ») :
      une alternative accessible vous sera proposée, le contenu vous sera transmis sous une autre forme.
    </p>
    <h2 className="fr-h4">Voies de recours</h2>
    <p>
      Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous
      n’avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits, contacter son délégué dans
      votre région ou lui écrire par courrier gratuit, sans affranchissement : Défenseur des droits, Libre réponse
      71120, 75342 Paris CEDEX 07.
    </p>
  </Page>
);

/** Mentions légales (loi n° 2004-575 du 21 juin 2004, article 6). */
export const LegalNoticePage = () => (
  <Page title="Mentions légales">
    <h2 className="fr-h4">Éditeur</h2>
    <p>
      Agence du numérique en santé (ANS), groupement d’intérêt public placé sous la tutelle du ministère chargé de la
      santé. Directeur de la publication : le directeur général de l’ANS.
    </p>
    <h2 className="fr-h4">Objet</h2>
    <p>
      La plateforme instruit les demandes de certification des systèmes d’information de téléconsultation prévues aux
      articles R. 1470-1 et suivants du code de la santé publique : dépôt des candidatures et des preuves, instruction,
      décision, délivrance et suivi des certificats.
    </p>
    <h2 className="fr-h4">Hébergement</h2>
    <p>
      Amazon Web Services EMEA SARL, 38 avenue John F. Kennedy, L-1855 Luxembourg ; données hébergées dans la région
      Europe (Paris), eu-west-3.
    </p>
    <h2 className="fr-h4">Documents délivrés</h2>
    <p>
      Les actes (accusés de réception, conventions, décisions, certificats) sont des PDF scellés électroniquement et
      horodatés : leur authenticité se vérifie sans les envoyer, sur la page « Vérifier un document ».
    </p>
  </Page>
);

/** Données personnelles (RGPD, articles 13 et 14). */
export const PrivacyPage = () => (
  <Page title="Données personnelles">
    <p>
      Le responsable du traitement est l’Agence du numérique en santé. Le traitement est nécessaire à l’exécution d’une
      mission d’intérêt public (article 6, paragraphe 1, e) du RGPD) : la certification des systèmes d’information de
      téléconsultation (articles R. 1470-1 et suivants du code de la santé publique).
    </p>
    <h2 className="fr-h4">Données traitées</h2>
    <ul>
      <li>
        pour chaque entreprise candidate : l’identité et les coordonnées de son représentant légal et de son contact,
        les personnes qui agissent pour elle sur la plateforme ;
      </li>
      <li>pour chaque dossier : le nom du signataire de la convention, les messages échangés avec l’ANS ;</li>
      <li>
        pour les agents de l’ANS et les membres du collège : leur identifiant de connexion et les actes qu’ils ont
        accomplis, consignés au journal du dossier.
      </li>
    </ul>
    <p>
      Les preuves déposées (dont les rapports de tests d’intrusion) ne sont lues que par les agents qui les instruisent
      ; les rapports sensibles, par les seuls relecteurs sécurité.
    </p>
    <h2 className="fr-h4">Destinataires</h2>
    <p>
      Les agents de l’ANS chargés de l’instruction, les membres du collège de certification. Les certificats délivrés
      et, si l’entreprise l’a accepté, les candidatures en cours sont publiés sans donnée personnelle.
    </p>
    <h2 className="fr-h4">Durées de conservation</h2>
    <p>
      Un dossier et son journal sont conservés tant qu’ils peuvent servir de preuve : le journal d’un dossier est scellé
      et horodaté, une décision peut faire l’objet d’un recours dans les {inWords(APPEAL_PERIOD.period)} suivant sa
      notification. Chaque catégorie a sa durée :
    </p>
    <div className="fr-table">
      <table>
        <caption>Durées de conservation par catégorie</caption>
        <thead>
          <tr>
            <th scope="col">Données</th>
            <th scope="col">Durée</th>
            <th scope="col">Pourquoi</th>
          </tr>
        </thead>
        <tbody>
          {RETENTION.map((r) => (
            <tr key={r.category}>
              <td>{r.holds}</td>
              <td>
                {inWords(r.period)} après {r.from}
              </td>
              <td>
                {r.reason} ({r.basis})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <h2 className="fr-h4">Vos droits</h2>
    <p>
      Connecté, vous consultez et téléchargez vos données à la page <Link href="/mes-donnees">Mes données</Link>. Vous
      disposez d’un droit d’accès, de rectification et de limitation, et d’un droit d’opposition dans les conditions de
      l’article 21 du RGPD. Pour les exercer, écrivez au délégué à la protection des données de l’ANS (coordonnées sur
      esante.gouv.fr). Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la
      CNIL.
    </p>
    <p>La plateforme ne dépose aucun cookie de mesure d’audience ; la session est conservée dans votre navigateur.</p>
  </Page>
);

/** Aide et contact. */
export const HelpPage = () => (
  <Page title="Aide et contact">
    <h2 className="fr-h4">Déposer une candidature</h2>
    <ol>
      <li>
        L’ANS enregistre votre entreprise et invite son représentant ; connectez-vous, puis « Nouvelle candidature ».
      </li>
      <li>
        Remplissez les cinq étapes (elles sont enregistrées comme brouillon), joignez la documentation fonctionnelle,
        déposez la candidature.
      </li>
      <li>
        Une fois la candidature recevable, déposez une preuve par exigence et remettez chaque section : l’accusé de
        réception du dossier complet fait courir le délai de décision.
      </li>
    </ol>
    <p>
      En tête de chaque dossier, « Prochaine étape » indique qui doit agir et avant quelle date. Une demande de pièces
      de l’ANS appelle une réponse dans le délai indiqué : sans réponse, la candidature est réputée abandonnée.
    </p>
    <h2 className="fr-h4">Vérifier un certificat ou un document</h2>
    <p>
      Sans connexion : « Certificats publiés », « Vérifier un certificat » (par son numéro) et « Vérifier un document »
      (l’empreinte du PDF est calculée dans votre navigateur ; le fichier n’est pas envoyé).
    </p>
    <h2 className="fr-h4">Contact</h2>
    <p>
      Pour un dossier en cours, écrivez à l’ANS depuis la rubrique « Messages » du dossier : votre message y est
      conservé avec sa réponse. Pour toute autre question, utilisez le formulaire de contact du site esante.gouv.fr.
    </p>
  </Page>
);
