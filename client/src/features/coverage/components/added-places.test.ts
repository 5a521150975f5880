import { describe, expect, it } from 'vitest';
import { formatPlaces, parsePlaces } from './added-places.ts';

describe('added places in the address', () => {
  it('round-trips names and points, and drops what cannot be read', () => {
    const places = [{ name: 'Ferme de la Motte', location: [1.52, 47.31] as [number, number] }, { name: 'Saint-Aignan; gare@', location: [1.37612, 47.26894] as [number, number] }];
    const raw = formatPlaces(places);
    expect(parsePlaces(raw)).toEqual([places[0], { name: 'Saint-Aignan  gare', location: [1.37612, 47.26894] }]);
    expect(parsePlaces('nameless;@1,2;Nowhere@200,47;Blois@1.33,47.59')).toEqual([{ name: 'Blois', location: [1.33, 47.59] }]);
    expect(parsePlaces('')).toEqual([]);
  });
});
