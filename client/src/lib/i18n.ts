import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import fr from '../locales/fr.json';
import lifeEn from '../locales/lifecycle.en.json';
import lifeFr from '../locales/lifecycle.fr.json';
import aidEn from '../locales/aid.en.json';
import aidFr from '../locales/aid.fr.json';
import coverageEn from '../locales/coverage.en.json';
import coverageFr from '../locales/coverage.fr.json';
import semindEn from '../locales/indicators-semesters.en.json';
import semindFr from '../locales/indicators-semesters.fr.json';
import pjobEn from '../locales/preview-job.en.json';
import pjobFr from '../locales/preview-job.fr.json';

/** Languages offered; French is the default, the choice is remembered in localStorage. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'im.lang';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'fr' || saved === 'en') return saved;
  } catch {
    /* storage unavailable */
  }
  return 'fr';
}

void i18n.use(initReactI18next).init({
  // The assignment lifecycle's wording lives in its own files, under `life.`; aid's under `aid.`; coverage's under `coverage.`;
  // the indicators over semesters' under `semind.`; a running matching preview's under `pjob.`.
  resources: {
    fr: { translation: { ...fr, life: lifeFr, aid: aidFr, coverage: coverageFr, semind: semindFr, pjob: pjobFr } },
    en: { translation: { ...en, life: lifeEn, aid: aidEn, coverage: coverageEn, semind: semindEn, pjob: pjobEn } },
  },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/** Switches language and remembers it. */
export function setLanguage(lang: Language): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage unavailable */
  }
}

export default i18n;
