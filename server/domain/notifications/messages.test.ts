import { describe, expect, it } from 'vitest';
import { cancellationMessage, euros, frenchDate, invitationMessage, proposalMessage, type BookingFacts } from './messages.ts';

const facts: BookingFacts = {
  internName: 'Léa Bernard',
  siteName: 'Internat de Vendôme',
  siteAddress: '3 rue du Change',
  commune: 'Vendôme',
  roomLabel: 'Chambre 2',
  bedLabel: 'Lit 1',
  startDate: '2027-05-01',
  endDate: '2027-10-31',
  driveMinutes: 17,
  driveEstimate: true,
  rentCents: 15050,
  chargesIncluded: true,
  contact: { name: 'Mme Martin', email: 'internat@vendome.example', phone: '02 54 00 00 00' },
  answerBy: '2027-03-15',
};

describe('e-mail wording', () => {
  it('says dates and money the French way', () => {
    expect(frenchDate('2027-05-01')).toBe('1er mai 2027');
    expect(frenchDate('2027-10-31')).toBe('31 octobre 2027');
    expect(euros(15000)).toBe('150 €');
    expect(euros(15050)).toBe('150,50 €');
    expect(euros(123400)).toBe('1 234 €');
  });

  it('a proposal gives site, room, dates, drive time, rent, contact, the answer-by date and the link', () => {
    const m = proposalMessage(facts, 'https://im.example/intern');
    expect(m.subject).toBe('Proposition de logement : Internat de Vendôme');
    for (const part of [
      'Bonjour Léa Bernard',
      'Internat de Vendôme, 3 rue du Change (Vendôme)',
      'Chambre 2, Lit 1',
      'du 1er mai 2027 au 31 octobre 2027',
      '17 min (estimé',
      '150,50 € par mois, charges comprises',
      'Mme Martin · internat@vendome.example · 02 54 00 00 00',
      'avant le 15 mars 2027 inclus',
      'Pour répondre : https://im.example/intern',
    ])
      expect(m.text).toContain(part);
  });

  it('says what is unknown instead of inventing it', () => {
    const m = proposalMessage({ ...facts, rentCents: null, driveMinutes: null, contact: { name: null, email: null, phone: null }, answerBy: null }, 'x');
    expect(m.text).toContain('Loyer : non communiqué');
    expect(m.text).toContain('Trajet : non calculé');
    expect(m.text).toContain('Contact sur place : non communiqué');
    expect(m.text).toContain('dès que possible');
  });

  it('tells an expiry apart from a cancellation, and an invitation carries its one-time link', () => {
    expect(cancellationMessage(facts, 'expired', 'x').subject).toMatch(/^Proposition expirée/);
    expect(cancellationMessage(facts, 'staff', 'x').subject).toMatch(/^Logement annulé/);
    const inv = invitationMessage({ name: 'Paul', role: 'manager', link: 'https://im.example/invitation/abc', expiresAt: new Date('2027-01-08T10:00:00Z') });
    expect(inv.text).toContain('gestionnaire de logement');
    expect(inv.text).toContain('https://im.example/invitation/abc');
    expect(inv.text).toContain('avant le 8 janvier 2027');
  });
});
