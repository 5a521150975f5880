import type { Semester } from '../server/domain/calendar/semesters.ts';
import type { PracticeSeed } from './demo-loir-et-cher.ts';

/**
 * DEMO DATA — a second département, Indre (36), so that scoping by département shows in the demo:
 * a few GP practices in real communes (commune centroids, IGN Admin Express) and six interns placed
 * there next semester. Its internat is Châteauroux's, from ISNAR-IMG's annex (annex-internats.ts),
 * whose availability stays unknown. Names of people are invented.
 */
export const INDRE = 'Indre (36)';
const DEMO = '(démo)';

export const indrePractices: PracticeSeed[] = [
  { slug: 'demo-indre-cabinet-le-blanc', name: `Cabinet médical du Blanc ${DEMO}`, kind: 'gp_practice', commune: 'Le Blanc', lng: 1.0631, lat: 46.6339, supervisors: ['Dr Hélène Marchand'] },
  { slug: 'demo-indre-msp-issoudun', name: `MSP d'Issoudun ${DEMO}`, kind: 'health_centre', commune: 'Issoudun', lng: 1.9936, lat: 46.9481, supervisors: ['Dr Yves Perrin', 'Dr Nadia Colin'] },
  { slug: 'demo-indre-cabinet-la-chatre', name: `Cabinet de La Châtre ${DEMO}`, kind: 'gp_practice', commune: 'La Châtre', lng: 1.9894, lat: 46.5819, supervisors: ['Dr Olivier Renaud'] },
  { slug: 'demo-indre-cabinet-argenton', name: `Cabinet d'Argenton-sur-Creuse ${DEMO}`, kind: 'gp_practice', commune: 'Argenton-sur-Creuse', lng: 1.5197, lat: 46.5892, supervisors: ['Dr Sylvie Barbier'] },
  { slug: 'demo-indre-msp-valencay', name: `MSP de Valençay ${DEMO}`, kind: 'health_centre', commune: 'Valençay', lng: 1.5633, lat: 47.1614, supervisors: ['Dr Bruno Lemoine'] },
];

/** Six interns placed in Indre over the next semester (names distinct from Loir-et-Cher's). */
export function indreInterns(semesters: Semester[]) {
  const names = ['Agathe Vasseur', 'Basile Carpentier', 'Capucine Royer', 'Dorian Leclerc', 'Elsa Hamon', 'Félix Tessier'];
  return names.map((name, i) => ({
    slug: `demo-indre-intern-${i + 1}`,
    name,
    hasCar: i !== 4,
    practice: indrePractices[i % indrePractices.length].slug,
    start: semesters[0].start,
    end: semesters[0].end,
  }));
}
