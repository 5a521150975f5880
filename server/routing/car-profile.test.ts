import { describe, expect, it } from 'vitest';
import { carWayAccess, parseMaxspeed, DEFAULT_SPEEDS_KMH, MAXSPEED_FACTOR } from './car-profile.ts';

describe('car profile', () => {
  it('parses maxspeed values', () => {
    expect(parseMaxspeed('50')).toBe(50);
    expect(parseMaxspeed('50 mph')).toBeCloseTo(80.47, 1);
    expect(parseMaxspeed('FR:urban')).toBe(50);
    expect(parseMaxspeed('FR:rural')).toBe(80);
    expect(parseMaxspeed('DE:zone30')).toBe(30);
    expect(parseMaxspeed('signals')).toBeUndefined();
    expect(parseMaxspeed('70;50')).toBe(70);
  });

  it('keeps car roads and drops the rest', () => {
    expect(carWayAccess({ highway: 'footway' })).toBeNull();
    expect(carWayAccess({ highway: 'residential', access: 'private' })).toBeNull();
    expect(carWayAccess({ highway: 'residential', motor_vehicle: 'no' })).toBeNull();
    expect(carWayAccess({ highway: 'residential', access: 'no', motorcar: 'yes' })).not.toBeNull();
    expect(carWayAccess({ highway: 'track' })).toBeNull();
  });

  it('honours oneway, implied or tagged', () => {
    expect(carWayAccess({ highway: 'motorway' })).toMatchObject({ forward: true, backward: false, limitedAccess: true });
    expect(carWayAccess({ highway: 'primary', junction: 'roundabout' })).toMatchObject({ forward: true, backward: false });
    expect(carWayAccess({ highway: 'residential', oneway: '-1' })).toMatchObject({ forward: false, backward: true });
    expect(carWayAccess({ highway: 'residential', oneway: 'yes' })).toMatchObject({ forward: true, backward: false });
    expect(carWayAccess({ highway: 'residential' })).toMatchObject({ forward: true, backward: true });
  });

  it('uses maxspeed when tagged, the class default otherwise', () => {
    expect(carWayAccess({ highway: 'secondary' })!.speedKmh).toBe(DEFAULT_SPEEDS_KMH.secondary);
    expect(carWayAccess({ highway: 'secondary', maxspeed: '80' })!.speedKmh).toBeCloseTo(80 * MAXSPEED_FACTOR);
  });
});
