import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createRoomBody } from '../../../../../server/routes/rooms/schema.ts';
import en from '../../../locales/en.json';
import fr from '../../../locales/fr.json';
import { MAX_BEDS_PER_ROOM, roomErrorMessage } from './room-error.ts';

async function translator() {
  const i18n = createInstance();
  await i18n.init({ lng: 'fr', resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n;
}

/** An error shaped as the client's ApiError (api-client.ts needs a browser to load). */
const apiError = (status: number, message: string, details?: unknown) => Object.assign(new Error(message), { name: 'ApiError', status, details });

describe('room deletion refused while a live booking uses the room', () => {
  // The server's 409 body, as DELETE /api/rooms/:id answers it (server/domain/rooms/manage-rooms.ts).
  const inUse = apiError(409, 'This room has bookings that are not cancelled (Océane Occupante, Paul Durand); cancel or move them first', {
    reason: 'room_in_use',
    interns: ['Océane Occupante', 'Paul Durand'],
  });

  it('says so in French, naming who uses the room, instead of the English server text', async () => {
    const i18n = await translator();
    const t = i18n.t.bind(i18n) as Parameters<typeof roomErrorMessage>[1];
    expect(roomErrorMessage(inUse, t)).toBe(
      'Impossible de supprimer cette chambre : elle est attribuée à Océane Occupante, Paul Durand. Annulez ou déplacez ces attributions d’abord.',
    );
    expect(roomErrorMessage(apiError(409, 'x', { reason: 'room_in_use' }), t)).toBe('Cette chambre a des attributions en cours : annulez-les ou déplacez-les d’abord.');
    await i18n.changeLanguage('en');
    expect(roomErrorMessage(inUse, t)).toContain('it is assigned to Océane Occupante, Paul Durand');
  });

  it('passes other errors through', async () => {
    const i18n = await translator();
    const t = i18n.t.bind(i18n) as Parameters<typeof roomErrorMessage>[1];
    expect(roomErrorMessage(apiError(403, 'Not your site'), t)).toBe('Not your site');
  });
});

describe('beds per room', () => {
  it("matches the API's bound (1–50; the form used to stop at 20)", async () => {
    // The form's bound is the API's: the largest count it allows passes the API's schema, one more does not.
    expect(createRoomBody.safeParse({ label: 'Dortoir', beds: MAX_BEDS_PER_ROOM }).success).toBe(true);
    expect(createRoomBody.safeParse({ label: 'Dortoir', beds: MAX_BEDS_PER_ROOM + 1 }).success).toBe(false);
    expect(MAX_BEDS_PER_ROOM).toBe(50);
    const i18n = await translator();
    expect(i18n.t('manager.errBeds', { max: MAX_BEDS_PER_ROOM })).toBe('Entre 1 et 50 lits.');
  });
});
