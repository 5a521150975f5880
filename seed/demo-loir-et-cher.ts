import { nextSemester, semesterOf, type Semester } from '../server/domain/calendar/semesters.ts';
import type { SiteSeed } from './types.ts';

/**
 * DEMO DATA — a fictional but plausible Loir-et-Cher (Tours subdivision): GP
 * practices in real communes at their real positions (commune centroids, IGN
 * Admin Express 2018), a handful of housing sites, and 40 interns with
 * placements over the next two semesters. Names of people are invented.
 */
export const DEMO_DEPARTEMENT = 'Loir-et-Cher (41)';
const DEMO = '(démo)';

export interface PracticeSeed {
  slug: string;
  name: string;
  kind: 'gp_practice' | 'health_centre';
  commune: string;
  lng: number;
  lat: number;
  supervisors: string[];
}

export const demoPractices: PracticeSeed[] = [
  { slug: 'demo-msp-vendome', name: `MSP de Vendôme ${DEMO}`, kind: 'health_centre', commune: 'Vendôme', lng: 1.0611, lat: 47.8014, supervisors: ['Dr Claire Martin', 'Dr Hugo Petit'] },
  { slug: 'demo-cabinet-romorantin', name: `Cabinet médical de Romorantin ${DEMO}`, kind: 'gp_practice', commune: 'Romorantin-Lanthenay', lng: 1.7444, lat: 47.3746, supervisors: ['Dr Anne Leroy'] },
  { slug: 'demo-cabinet-montoire', name: `Cabinet de Montoire-sur-le-Loir ${DEMO}`, kind: 'gp_practice', commune: 'Montoire-sur-le-Loir', lng: 0.8549, lat: 47.7651, supervisors: ['Dr Paul Garnier'] },
  { slug: 'demo-cabinet-mer', name: `Cabinet médical de Mer ${DEMO}`, kind: 'gp_practice', commune: 'Mer', lng: 1.5042, lat: 47.713, supervisors: ['Dr Sophie Faure'] },
  { slug: 'demo-msp-saint-aignan', name: `MSP de Saint-Aignan ${DEMO}`, kind: 'health_centre', commune: 'Saint-Aignan', lng: 1.3341, lat: 47.2501, supervisors: ['Dr Luc Bernard', 'Dr Inès Robin'] },
  { slug: 'demo-cabinet-contres', name: `Cabinet de Contres ${DEMO}`, kind: 'gp_practice', commune: 'Contres (Le Controis-en-Sologne)', lng: 1.4358, lat: 47.4211, supervisors: ['Dr Marc Dubois'] },
  { slug: 'demo-cabinet-selles', name: `Cabinet de Selles-sur-Cher ${DEMO}`, kind: 'gp_practice', commune: 'Selles-sur-Cher', lng: 1.5639, lat: 47.2777, supervisors: ['Dr Julie Moreau'] },
  { slug: 'demo-msp-salbris', name: `MSP de Salbris ${DEMO}`, kind: 'health_centre', commune: 'Salbris', lng: 2.045, lat: 47.4133, supervisors: ['Dr Thomas Lambert'] },
  { slug: 'demo-cabinet-lamotte', name: `Cabinet de Lamotte-Beuvron ${DEMO}`, kind: 'gp_practice', commune: 'Lamotte-Beuvron', lng: 2.0231, lat: 47.6034, supervisors: ['Dr Camille Girard'] },
  { slug: 'demo-cabinet-mondoubleau', name: `Cabinet de Mondoubleau ${DEMO}`, kind: 'gp_practice', commune: 'Mondoubleau', lng: 0.8945, lat: 47.9874, supervisors: ['Dr Nicolas Roux'] },
  { slug: 'demo-cabinet-onzain', name: `Cabinet d'Onzain ${DEMO}`, kind: 'gp_practice', commune: 'Onzain (Veuzain-sur-Loire)', lng: 1.1766, lat: 47.4999, supervisors: ['Dr Laura Fournier'] },
  { slug: 'demo-cabinet-droue', name: `Cabinet de Droué ${DEMO}`, kind: 'gp_practice', commune: 'Droué', lng: 1.0654, lat: 48.0337, supervisors: ['Dr Pierre Chevalier'] },
  { slug: 'demo-msp-montrichard', name: `MSP de Montrichard ${DEMO}`, kind: 'health_centre', commune: 'Montrichard Val de Cher', lng: 1.1941, lat: 47.3579, supervisors: ['Dr Emma Lefèvre', 'Dr Louis Mercier'] },
  { slug: 'demo-cabinet-neung', name: `Cabinet de Neung-sur-Beuvron ${DEMO}`, kind: 'gp_practice', commune: 'Neung-sur-Beuvron', lng: 1.811, lat: 47.5354, supervisors: ['Dr Chloé Blanc'] },
  { slug: 'demo-cabinet-bracieux', name: `Cabinet de Bracieux ${DEMO}`, kind: 'gp_practice', commune: 'Bracieux', lng: 1.5438, lat: 47.5513, supervisors: ['Dr Antoine Guérin'] },
  { slug: 'demo-cabinet-saint-amand', name: `Cabinet de Saint-Amand-Longpré ${DEMO}`, kind: 'gp_practice', commune: 'Saint-Amand-Longpré', lng: 1.0004, lat: 47.684, supervisors: ['Dr Manon Muller'] },
  { slug: 'demo-cabinet-mennetou', name: `Cabinet de Mennetou-sur-Cher ${DEMO}`, kind: 'gp_practice', commune: 'Mennetou-sur-Cher', lng: 1.8742, lat: 47.2929, supervisors: ['Dr Julien Henry'] },
];

/** The demo housing sites; `managed` ones belong to manager@demo.test. */
export function demoSites(semesters: Semester[]): (SiteSeed & { managed: boolean })[] {
  const all = semesters.map((s) => ({ from: s.start, to: s.end }));
  const firstOnly = [all[0]];
  const rooms = (n: number, availability = all) =>
    Array.from({ length: n }, (_, i) => ({ label: `Chambre ${i + 1}`, beds: 1, availability }));
  const common = {
    departement: DEMO_DEPARTEMENT,
    subdivision: 'Tours',
    isDemo: true,
    source: 'Données de démonstration',
    chargesIncluded: true,
    furnished: true,
  } as const;
  return [
    {
      ...common, managed: true, slug: 'demo-internat-vendome', name: `Internat rural de Vendôme ${DEMO}`,
      address: '12 rue du Change, 41100 Vendôme', commune: 'Vendôme', lng: 1.0656, lat: 47.7929,
      funderKind: 'departement', funderName: 'Conseil départemental de Loir-et-Cher', rentCents: 15000,
      amenities: ['wifi', 'cuisine équipée', 'lave-linge', 'espace de travail', 'parking'],
      partnerAllowed: true, guestsAllowed: true, houseRules: 'Conjoint accepté ; invités le week-end.',
      contactName: 'Service DADOPS', contactEmail: 'internat-vendome@demo.test', contactPhone: '02 54 00 00 01',
      rooms: [...rooms(4), { label: 'Chambre 5 (double)', beds: 1, availability: all }],
    },
    {
      ...common, managed: true, slug: 'demo-internat-romorantin', name: `Internat de Romorantin ${DEMO}`,
      address: '3 avenue de Paris, 41200 Romorantin-Lanthenay', commune: 'Romorantin-Lanthenay', lng: 1.7431, lat: 47.3589,
      funderKind: 'hospital', funderName: 'Centre hospitalier de Romorantin-Lanthenay', rentCents: 12000,
      amenities: ['wifi', 'cuisine équipée', 'lave-linge'], partnerAllowed: false, guestsAllowed: true,
      contactName: 'Direction des affaires médicales', contactEmail: 'internat-romorantin@demo.test',
      rooms: rooms(4),
    },
    {
      ...common, managed: false, slug: 'demo-maison-montoire', name: `Maison des internes de Montoire ${DEMO}`,
      address: '5 place Clemenceau, 41800 Montoire-sur-le-Loir', commune: 'Montoire-sur-le-Loir', lng: 0.8655, lat: 47.7535,
      funderKind: 'commune', funderName: 'Communauté d’agglomération Territoires Vendômois', rentCents: 10000,
      amenities: ['wifi', 'jardin', 'parking'], partnerAllowed: true, guestsAllowed: true,
      contactEmail: 'maison-montoire@demo.test',
      rooms: rooms(3),
    },
    {
      ...common, managed: false, slug: 'demo-colocation-saint-aignan', name: `Colocation de Saint-Aignan ${DEMO}`,
      address: '8 rue Constant Ragot, 41110 Saint-Aignan', commune: 'Saint-Aignan', lng: 1.3763, lat: 47.2686,
      funderKind: 'ars', funderName: 'ARS Centre-Val de Loire', rentCents: 18000,
      amenities: ['wifi', 'cuisine équipée'], partnerAllowed: false, guestsAllowed: false,
      rooms: rooms(3, firstOnly),
    },
    {
      ...common, managed: false, slug: 'demo-gite-mer', name: `Gîte des internes de Mer ${DEMO}`,
      address: '2 rue Nationale, 41500 Mer', commune: 'Mer', lng: 1.5078, lat: 47.7046,
      funderKind: 'association', funderName: 'Association des internes de médecine générale de Tours',
      amenities: ['wifi'],
      rooms: rooms(2),
    },
    {
      ...common, managed: false, slug: 'demo-residence-salbris', name: `Résidence de santé de Salbris ${DEMO}`,
      address: '1 rue du Général Giraud, 41300 Salbris', commune: 'Salbris', lng: 2.0521, lat: 47.4245,
      funderKind: 'region', funderName: 'Région Centre-Val de Loire', rentCents: 16000,
      amenities: ['wifi', 'cuisine équipée', 'vélos'], partnerAllowed: true, guestsAllowed: true,
      rooms: rooms(3),
    },
  ];
}

/** The two semesters the demo fills: the one after the current one, and the next. */
export function demoSemesters(today = new Date()): Semester[] {
  const a = nextSemester(semesterOf(today));
  return [a, nextSemester(a)];
}

const FIRST = ['Léa', 'Hugo', 'Chloé', 'Louis', 'Manon', 'Jules', 'Camille', 'Adam', 'Inès', 'Nathan', 'Sarah', 'Lucas', 'Jade', 'Gabriel', 'Emma', 'Raphaël', 'Louise', 'Arthur', 'Alice', 'Paul'];
const LAST = ['Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Durand', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont'];

export interface InternSeed {
  slug: string;
  name: string;
  hasCar: boolean;
  withPartner: boolean;
  partnerSlug?: string;
  peers: string[];
  /** Demo sites (slugs) the intern ranked, most wanted first, and their note. */
  wishes: string[];
  note?: string;
  placement: { practice: string; secondPractice?: string; start: string; end: string };
}

const NOTES = ['Près d’une gare si possible', 'Je n’ai pas de voiture le week-end', 'Chambre calme pour réviser', 'Colocation bienvenue'];

/** Up to three demo sites nearest a practice (straight line), in a varied order so wishes differ. */
function rankedSites(practiceSlug: string, i: number): string[] {
  const p = demoPractices.find((x) => x.slug === practiceSlug)!;
  const km = (lng: number, lat: number) => Math.hypot((lng - p.lng) * 68, (lat - p.lat) * 111);
  const near = demoSites(demoSemesters())
    .map((s) => ({ slug: s.slug, d: km(s.lng, s.lat) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((s) => s.slug);
  // Most put the nearest first; some prefer the second (a cheaper or livelier house), a few rank only one.
  if (i % 4 === 1) [near[0], near[1]] = [near[1], near[0]];
  return i % 5 === 3 ? near.slice(0, 1) : near;
}

/**
 * 40 invented interns with distinct names, deterministic, split over the two
 * semesters: some with two practices, two couples, peer wishes, and ranked
 * site wishes for everyone (nearest demo sites, in varied orders), a few notes.
 */
export function demoInterns(semesters: Semester[]): InternSeed[] {
  const out: InternSeed[] = [];
  for (let i = 0; i < 40; i++) {
    const sem = semesters[i < 22 ? 0 : 1];
    const practice = demoPractices[(i * 7) % demoPractices.length].slug;
    const second = i % 9 === 4 ? demoPractices[(i * 7 + 3) % demoPractices.length].slug : undefined;
    out.push({
      slug: `demo-intern-${String(i + 1).padStart(2, '0')}`,
      // 40 distinct names: the second twenty shift the surname, so no two interns share one (i = 0 stays Léa Bernard).
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 3 + Math.floor(i / FIRST.length)) % LAST.length]}`,
      hasCar: i % 6 !== 5,
      withPartner: i % 13 === 3,
      peers: [],
      wishes: rankedSites(practice, i),
      ...(i % 7 === 2 ? { note: NOTES[i % NOTES.length] } : {}),
      placement: { practice, secondPractice: second, start: sem.start, end: sem.end },
    });
  }
  // A couple of interns who must be housed together, and peers who wish to share.
  out[10].partnerSlug = out[11].slug;
  out[11].partnerSlug = out[10].slug;
  out[11].placement = { ...out[11].placement, practice: out[10].placement.practice };
  out[0].peers = [out[1].slug];
  out[1].peers = [out[0].slug];
  out[25].peers = [out[26].slug, out[27].slug];
  out[5].peers = [out[6].slug];
  out[6].peers = [out[5].slug];
  out[33].peers = [out[34].slug];
  // A second couple, in the second semester, placed at one practice.
  out[30].partnerSlug = out[31].slug;
  out[31].partnerSlug = out[30].slug;
  out[31].placement = { ...out[31].placement, practice: out[30].placement.practice };
  // Partners rank the same sites.
  out[11].wishes = out[10].wishes;
  // Léa Bernard (intern@demo.test) starts with no wishes: the intern journey ranks her first site.
  out[0].wishes = [];
  delete out[0].note;
  out[31].wishes = out[30].wishes;
  return out;
}
