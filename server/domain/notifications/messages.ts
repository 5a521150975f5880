/**
 * The wording of every e-mail notice (French: the people who receive them are
 * in French départements). Pure functions of plain data, so they are tested
 * without a database.
 */

/** What a message about a booking says of it. */
export interface BookingFacts {
  internName: string;
  siteName: string;
  siteAddress: string | null;
  commune: string;
  roomLabel: string;
  bedLabel: string;
  startDate: string;
  endDate: string;
  driveMinutes: number | null;
  driveEstimate: boolean;
  rentCents: number | null;
  chargesIncluded: boolean | null;
  contact: { name: string | null; email: string | null; phone: string | null };
  answerBy: string | null;
}

/** A subject and a plain-text body. */
export interface MessageText {
  subject: string;
  text: string;
}

/** 2027-05-01 → 1 mai 2027. */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  return `${d === 1 ? '1er' : d} ${months[m - 1]} ${y}`;
}

/** 15000 → "150 €", 15050 → "150,50 €". */
export function euros(cents: number): string {
  const whole = cents % 100 === 0;
  return `${(cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).replace(/\u202f|\u00a0/g, ' ')} €`;
}

function where(f: BookingFacts): string[] {
  const rent =
    f.rentCents === null ? 'non communiqué' : `${euros(f.rentCents)} par mois${f.chargesIncluded === true ? ', charges comprises' : f.chargesIncluded === false ? ', hors charges' : ''}`;
  const drive = f.driveMinutes === null ? 'non calculé' : `${f.driveMinutes} min${f.driveEstimate ? ' (estimé à vol d’oiseau)' : ''} jusqu’au lieu de stage`;
  const contact = [f.contact.name, f.contact.email, f.contact.phone].filter(Boolean).join(' · ') || 'non communiqué';
  return [
    `Logement : ${f.siteName}${f.siteAddress ? `, ${f.siteAddress}` : ''} (${f.commune})`,
    `Chambre : ${f.roomLabel}, ${f.bedLabel}`,
    `Dates : du ${frenchDate(f.startDate)} au ${frenchDate(f.endDate)}`,
    `Trajet : ${drive}`,
    `Loyer : ${rent}`,
    `Contact sur place : ${contact}`,
  ];
}

const signature = ['', '—', 'internat-match · logement des internes près de leur stage', '(message automatique : pour toute question, écrivez au contact ci-dessus ou au service du département)'];

/** To the intern: a bed is proposed; answer (accept or decline) by the answer-by date. */
export function proposalMessage(f: BookingFacts, link: string): MessageText {
  return {
    subject: `Proposition de logement : ${f.siteName}`,
    text: [
      `Bonjour ${f.internName},`,
      '',
      'Une chambre vous est proposée pour votre stage :',
      '',
      ...where(f),
      '',
      f.answerBy
        ? `Merci de répondre (accepter ou refuser) avant le ${frenchDate(f.answerBy)} inclus ; sans réponse, la proposition expire et le lit est proposé à quelqu’un d’autre.`
        : 'Merci de répondre (accepter ou refuser) dès que possible.',
      `Pour répondre : ${link}`,
      ...signature,
    ].join('\n'),
  };
}

/** To staff: an intern accepted or declined a proposal. */
export function answerMessage(f: BookingFacts, answer: 'accepted' | 'declined', link: string): MessageText {
  const verb = answer === 'accepted' ? 'a accepté' : 'a refusé';
  return {
    subject: `Réponse reçue : ${f.internName} ${verb} ${f.siteName}`,
    text: [
      'Bonjour,',
      '',
      `${f.internName} ${verb} la proposition suivante :`,
      '',
      ...where(f),
      '',
      answer === 'accepted' ? 'Il reste à confirmer l’attribution.' : 'Le lit est de nouveau libre pour ces dates.',
      `Tableau d’attribution : ${link}`,
      ...signature,
    ].join('\n'),
  };
}

/** To the intern: the booking is confirmed. */
export function confirmationMessage(f: BookingFacts, link: string): MessageText {
  return {
    subject: `Logement confirmé : ${f.siteName}`,
    text: [`Bonjour ${f.internName},`, '', 'Votre logement est confirmé :', '', ...where(f), '', `Votre espace : ${link}`, ...signature].join('\n'),
  };
}

/** To the intern: the booking was cancelled (by staff) or the proposal expired unanswered. */
export function cancellationMessage(f: BookingFacts, reason: 'staff' | 'expired', link: string): MessageText {
  return {
    subject: reason === 'expired' ? `Proposition expirée : ${f.siteName}` : `Logement annulé : ${f.siteName}`,
    text: [
      `Bonjour ${f.internName},`,
      '',
      reason === 'expired'
        ? 'La proposition suivante a expiré faute de réponse dans le délai ; le lit a été libéré :'
        : 'L’attribution suivante a été annulée par le service ; le lit a été libéré :',
      '',
      ...where(f),
      '',
      `Votre espace : ${link}`,
      ...signature,
    ].join('\n'),
  };
}

/** Role names as the invitation says them. */
const ROLE_FR: Record<string, string> = { intern: 'interne', manager: 'gestionnaire de logement', staff: 'service du département', admin: 'administration nationale' };

/** To a new user: an account was made for them; the one-time link sets their password. */
export function invitationMessage(o: { name: string; role: string; link: string; expiresAt?: Date | null }): MessageText {
  return {
    subject: 'Votre compte internat-match',
    text: [
      `Bonjour ${o.name},`,
      '',
      `Un compte internat-match a été créé pour vous (rôle : ${ROLE_FR[o.role] ?? o.role}).`,
      `Pour choisir votre mot de passe et vous connecter, ouvrez ce lien${o.expiresAt ? ` avant le ${frenchDate(o.expiresAt.toISOString().slice(0, 10))}` : ''} (il ne sert qu’une fois) :`,
      o.link,
      ...signature,
    ].join('\n'),
  };
}

/** The owner asked for a password link (forgotten password, or sign-in slowed by someone else's attempts). */
export function passwordResetMessage(o: { name: string; link: string; expiresAt: Date }): MessageText {
  return {
    subject: 'Votre mot de passe internat-match',
    text: [
      `Bonjour ${o.name},`,
      '',
      'Quelqu’un (vous, sans doute) a demandé un lien pour choisir un nouveau mot de passe.',
      `Ouvrez ce lien dans l’heure (il ne sert qu’une fois) : ${o.link}`,
      'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
      ...signature,
    ].join('\n'),
  };
}
