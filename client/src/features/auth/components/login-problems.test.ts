import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import lifeEn from '../../../locales/lifecycle.en.json';
import lifeFr from '../../../locales/lifecycle.fr.json';
import { loginProblems } from './login-problems.ts';

describe('sign-in form', () => {
  it('an empty form names the missing fields instead of asking the server (which answered "Une erreur est survenue")', async () => {
    expect(loginProblems('', '')).toEqual({ email: 'life.login.emailRequired', password: 'life.login.passwordRequired' });
    expect(loginProblems('  ', 'x')).toEqual({ email: 'life.login.emailRequired' });
    expect(loginProblems('not-an-email', 'x')).toEqual({ email: 'life.login.emailInvalid' });
    expect(loginProblems('a@b.fr', 'secret')).toEqual({});
    const i18n = createInstance();
    await i18n.init({ lng: 'fr', resources: { fr: { translation: { life: lifeFr } } } });
    expect(i18n.t('life.login.emailRequired')).toBe('Saisissez votre adresse e-mail.');
  });
});

describe('plurals', () => {
  it('says "1 chambre, 1 lit" and "2 chambres, 3 lits" (it said "1 chambres, 1 lits")', async () => {
    const i18n = createInstance();
    await i18n.init({ lng: 'fr', resources: { fr: { translation: { life: lifeFr } }, en: { translation: { life: lifeEn } } } });
    const say = (rooms: number, beds: number) => i18n.t('life.roomsBeds', { rooms: i18n.t('life.rooms', { count: rooms }), beds: i18n.t('life.beds', { count: beds }) });
    expect(say(1, 1)).toBe('1 chambre, 1 lit');
    expect(say(2, 3)).toBe('2 chambres, 3 lits');
    expect(say(0, 0)).toBe('0 chambre, 0 lit');
    await i18n.changeLanguage('en');
    expect(say(1, 1)).toBe('1 room, 1 bed');
    expect(say(2, 3)).toBe('2 rooms, 3 beds');
  });
});
