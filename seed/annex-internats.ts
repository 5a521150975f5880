import type { SiteSeed } from './types.ts';

/**
 * The rural internats listed in ISNAR-IMG's annex (November 2017), at their
 * towns' coordinates. Only what the annex says is recorded: an unknown rent,
 * address or availability stays null/empty rather than being invented.
 */
const SOURCE = "ISNAR-IMG, annexe « Internats ruraux » des propositions (novembre 2017)";

const bedrooms = (prefix: string, n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => ({ label: `${prefix}chambre ${i + from}`, beds: 1 }));

export const annexInternats: SiteSeed[] = [
  {
    slug: 'chateauroux-internat-rural',
    name: 'Internat rural de Châteauroux',
    commune: 'Châteauroux', departement: 'Indre (36)', subdivision: 'Tours',
    lng: 1.6913, lat: 46.8103,
    funderKind: 'other', funderName: 'Établissement Blanche de Fontarce',
    rentCents: 15000, chargesIncluded: true, chargesNote: 'charges, électricité et eau comprises',
    description: 'Deux appartements F4 en colocation, 6 internes.',
    rooms: [...bedrooms('F4 A – ', 3), ...bedrooms('F4 B – ', 3)],
  },
  {
    slug: 'bourges-internat-rural',
    name: 'Internat rural de Bourges',
    commune: 'Bourges', departement: 'Cher (18)', subdivision: 'Tours',
    lng: 2.3988, lat: 47.081,
    funderKind: 'departement', funderName: 'Conseil général du Cher',
    rentCents: 15000,
    description: 'Un appartement F5 en colocation, 4 internes.',
    rooms: bedrooms('F5 – ', 4),
  },
  {
    slug: 'tarbes-logement-internes',
    name: 'Logement des internes de Tarbes',
    commune: 'Tarbes', departement: 'Hautes-Pyrénées (65)', subdivision: 'Toulouse',
    lng: 0.0781, lat: 43.2328,
    funderKind: 'hospital', funderName: 'Centre hospitalier de Tarbes',
    description: "Un appartement en ville, à côté de l'internat de l'hôpital, 1 interne.",
    rooms: bedrooms('', 1),
  },
  {
    slug: 'manosque-logement-internes',
    name: 'Logement des internes de Manosque (Luberon)',
    commune: 'Manosque', departement: 'Alpes-de-Haute-Provence (04)', subdivision: 'Marseille',
    lng: 5.7869, lat: 43.8283,
    funderKind: 'hospital', funderName: 'Centre hospitalier de Manosque',
    description: '2 internes.',
    rooms: bedrooms('', 2),
  },
  {
    slug: 'apt-logement-internes',
    name: "Logement des internes d'Apt",
    commune: 'Apt', departement: 'Vaucluse (84)', subdivision: 'Marseille',
    lng: 5.3964, lat: 43.8764,
    funderKind: 'hospital', funderName: "Centre hospitalier d'Apt",
    description: '4 internes.',
    rooms: bedrooms('', 4),
  },
  {
    slug: 'le-havre-internat-rural',
    name: 'Internat du Havre (CODAH)',
    commune: 'Le Havre', departement: 'Seine-Maritime (76)', subdivision: 'Rouen',
    lng: 0.1079, lat: 49.4944,
    funderKind: 'commune', funderName: "CODAH, communauté de l'agglomération havraise",
    description: 'Un appartement F5 en colocation, 4 internes.',
    rooms: bedrooms('F5 – ', 4),
  },
  {
    slug: 'saint-yrieix-la-perche-projet',
    name: 'Internat de Saint-Yrieix-la-Perche (en projet)',
    commune: 'Saint-Yrieix-la-Perche', departement: 'Haute-Vienne (87)', subdivision: 'Limoges',
    lng: 1.2047, lat: 45.515,
    funderKind: 'hospital', funderName: 'Centre hospitalier de Saint-Yrieix-la-Perche',
    description: 'En projet : capacité non connue.',
    active: false, planned: true,
    rooms: [],
  },
  {
    slug: 'roanne-villa-des-internes',
    name: 'Villa des internes de Roanne',
    commune: 'Roanne', departement: 'Loire (42)', subdivision: 'Saint-Étienne / Lyon',
    lng: 4.0722, lat: 46.034,
    funderKind: 'association', funderName: 'Association des internes (maison prêtée par le Centre hospitalier de Roanne)',
    description:
      "Maison prêtée par l'hôpital, rénovée par les élus du Pays Roannais, gérée par l'association des internes. 4 internes : 2 de Saint-Étienne, 2 de Lyon. Lieu de rencontre des médecins généralistes du territoire.",
    rooms: bedrooms('', 4),
  },
  {
    slug: 'brehan-maison-des-internes',
    name: 'Maison des internes de Bréhan',
    commune: 'Bréhan', departement: 'Morbihan (56)', subdivision: 'Rennes',
    lng: -2.6867, lat: 48.0578,
    funderKind: 'commune', funderName: 'Commune de Bréhan',
    description: 'Une maison, 6 internes.',
    rooms: bedrooms('', 6),
  },
].map((s) => ({ ...s, source: SOURCE }) as SiteSeed);
