import type { LngLat } from '../../routing/provider.ts';

/**
 * Where each university subdivision's interns start from: the town of its faculty of medicine
 * (town-centre position, `[lng, lat]`). `Intern.subdivision` is free text ("Tours", "Saint-Étienne /
 * Lyon"): it is matched on its first town, ignoring case and accents. Reference data, kept here
 * rather than guessed; a subdivision not listed gives no kilometre allowance estimate (the estimator
 * says so) rather than a made-up distance.
 */
const TOWNS: Record<string, { name: string; location: LngLat }> = {
  amiens: { name: 'Amiens', location: [2.2957, 49.8941] },
  angers: { name: 'Angers', location: [-0.5632, 47.4784] },
  besancon: { name: 'Besançon', location: [6.0241, 47.2378] },
  bordeaux: { name: 'Bordeaux', location: [-0.5792, 44.8378] },
  brest: { name: 'Brest', location: [-4.4861, 48.3904] },
  caen: { name: 'Caen', location: [-0.3707, 49.1829] },
  'clermont-ferrand': { name: 'Clermont-Ferrand', location: [3.087, 45.7772] },
  dijon: { name: 'Dijon', location: [5.0415, 47.322] },
  grenoble: { name: 'Grenoble', location: [5.7245, 45.1885] },
  lille: { name: 'Lille', location: [3.0573, 50.6292] },
  limoges: { name: 'Limoges', location: [1.2611, 45.8336] },
  lyon: { name: 'Lyon', location: [4.8357, 45.764] },
  marseille: { name: 'Marseille', location: [5.3698, 43.2965] },
  montpellier: { name: 'Montpellier', location: [3.8767, 43.6108] },
  nancy: { name: 'Nancy', location: [6.1844, 48.6921] },
  nantes: { name: 'Nantes', location: [-1.5536, 47.2184] },
  nice: { name: 'Nice', location: [7.262, 43.7102] },
  orleans: { name: 'Orléans', location: [1.9093, 47.9029] },
  paris: { name: 'Paris', location: [2.3522, 48.8566] },
  poitiers: { name: 'Poitiers', location: [0.3404, 46.5802] },
  reims: { name: 'Reims', location: [4.0317, 49.2583] },
  rennes: { name: 'Rennes', location: [-1.6778, 48.1173] },
  rouen: { name: 'Rouen', location: [1.0993, 49.4432] },
  'saint-etienne': { name: 'Saint-Étienne', location: [4.3872, 45.4397] },
  strasbourg: { name: 'Strasbourg', location: [7.7521, 48.5734] },
  toulouse: { name: 'Toulouse', location: [1.4442, 43.6047] },
  tours: { name: 'Tours', location: [0.6848, 47.3941] },
};

const key = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, '-');

/** The faculty town of a subdivision ("Saint-Étienne / Lyon" → Saint-Étienne), or undefined when unknown. */
export function universityTownOf(subdivision: string): { name: string; location: LngLat } | undefined {
  const first = subdivision.split(/[/,]/)[0] ?? '';
  return TOWNS[key(first)];
}
