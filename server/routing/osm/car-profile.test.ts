import { describe, expect, it } from 'vitest';
import { carBarrierBlocks, carWay, limitedAccessFactor, storedSpeed, trackGrade, parseDurationSeconds, type WayShape } from './car-profile.ts';
import { parseMaxspeed, zoneMaxspeed } from './maxspeed.ts';
import { adjustSpeedForAcceleration } from './acceleration.ts';

/** A long straight way: no acceleration or residential effect worth speaking of. */
const long: WayShape = { estimatedDistanceM: 50_000, lengthM: 50_000, nodeCount: 10 };

describe('maxspeed (GraphHopper/ORS semantics)', () => {
  it('reads numbers, units and the zone words ORS understands', () => {
    expect(parseMaxspeed('50')).toBe(50);
    expect(parseMaxspeed('30 mph')).toBeCloseTo(48.28, 2);
    expect(parseMaxspeed('50 km/h')).toBe(50);
    expect(parseMaxspeed('10 knots')).toBeCloseTo(18.52, 2);
    expect(parseMaxspeed('FR:urban')).toBe(50);
    expect(parseMaxspeed('DE:rural')).toBe(80);
    expect(parseMaxspeed('none')).toBe(150);
    expect(parseMaxspeed('walk')).toBe(6);
  });

  it('gives no number for values without one, so the class default applies', () => {
    for (const v of ['signals', 'variable', '70;50', '50.5', 'DE:zone30', '', undefined]) expect(parseMaxspeed(v)).toBeNaN();
  });

  it('falls back on the zone tag only when no maxspeed is tagged', () => {
    expect(zoneMaxspeed({ 'zone:maxspeed': 'DE:urban' })).toBe(50);
    expect(zoneMaxspeed({ 'zone:traffic': 'FR:rural' })).toBe(80);
    expect(zoneMaxspeed({ 'zone:maxspeed': 'DE:urban', maxspeed: '30' })).toBe(-1);
    expect(zoneMaxspeed({ 'zone:maxspeed': 'XX:nowhere' })).toBe(-1);
  });
});

describe('access', () => {
  it('keeps car roads and drops the rest', () => {
    expect(carWay({ highway: 'footway' }, long)).toBeNull();
    expect(carWay({ highway: 'cycleway' }, long)).toBeNull();
    expect(carWay({ highway: 'residential', access: 'private' }, long)).toBeNull();
    expect(carWay({ highway: 'residential', motor_vehicle: 'no' }, long)).toBeNull();
    expect(carWay({ highway: 'residential', access: 'no', motorcar: 'yes' }, long)).not.toBeNull();
    expect(carWay({ highway: 'residential', access: 'no', motor_vehicle: 'destination' }, long)).not.toBeNull();
    expect(carWay({ highway: 'residential', status: 'impassable' }, long)).toBeNull();
    expect(carWay({ highway: 'residential', maxwidth: '1.8' }, long)).toBeNull();
    expect(carWay({ highway: 'residential', maxwidth: '2.5' }, long)).not.toBeNull();
  });

  it('lets a car on tracks of grade 1 or of unknown grade only (ORS maximum_grade_level 1)', () => {
    expect(carWay({ highway: 'track' }, long)).not.toBeNull();
    expect(carWay({ highway: 'track', tracktype: 'grade1' }, long)).not.toBeNull();
    expect(carWay({ highway: 'track', tracktype: 'grade2' }, long)).toBeNull();
    expect(carWay({ highway: 'track', tracktype: 'grade1;grade3' }, long)).toBeNull();
    expect(trackGrade('grade2-grade4')).toBe(4);
    expect(trackGrade('unknown')).toBe(0);
  });

  it('keeps conditionally opened ways routable, as time-independent ORS routing does', () => {
    expect(carWay({ highway: 'service', access: 'no', 'motor_vehicle:conditional': 'yes @ (Mo-Fr 06:00-09:00)' }, long)).not.toBeNull();
    expect(carWay({ highway: 'residential', 'motor_vehicle:conditional': 'no @ (22:00-06:00)' }, long)).not.toBeNull();
  });

  it('takes ferries that cars may board', () => {
    const ferry = carWay({ route: 'ferry', duration: '00:30' }, { estimatedDistanceM: 9000, lengthM: 10_000, nodeCount: 2 });
    expect(ferry).toMatchObject({ ferry: true, forward: true, backward: true });
    expect(ferry!.speedKmh).toBe(15); // 10 km in 30 min, slowed by 1.4 for boarding: 14.3 → 15
    expect(carWay({ route: 'ferry', foot: 'yes' }, long)).toBeNull();
    expect(carWay({ route: 'ferry', motor_vehicle: 'yes', foot: 'yes' }, long)).not.toBeNull();
    expect(parseDurationSeconds('PT1H30M')).toBe(5400);
    expect(parseDurationSeconds('45')).toBe(2700);
  });
});

describe('directions', () => {
  it('honours oneway tags and roundabouts, not implied motorway oneways (as ORS)', () => {
    expect(carWay({ highway: 'residential', oneway: 'yes' }, long)).toMatchObject({ forward: true, backward: false });
    expect(carWay({ highway: 'residential', oneway: '-1' }, long)).toMatchObject({ forward: false, backward: true });
    expect(carWay({ highway: 'primary', junction: 'roundabout' }, long)).toMatchObject({ forward: true, backward: false });
    expect(carWay({ highway: 'residential', 'vehicle:forward': 'no' }, long)).toMatchObject({ forward: false, backward: true });
    expect(carWay({ highway: 'residential' }, long)).toMatchObject({ forward: true, backward: true });
    expect(carWay({ highway: 'motorway' }, long)).toMatchObject({ forward: true, backward: true, limitedAccess: true });
  });
});

describe('speeds', () => {
  it('uses the class default, or 90 % of a tagged limit, in 5 km/h steps', () => {
    expect(carWay({ highway: 'motorway' }, long)!.speedKmh).toBe(100);
    expect(carWay({ highway: 'primary', maxspeed: '100' }, long)!.speedKmh).toBe(90);
    expect(carWay({ highway: 'primary', maxspeed: 'none' }, long)!.speedKmh).toBe(135);
    expect(carWay({ highway: 'motorway', maxspeed: '130' }, long)!.speedKmh).toBe(115); // 117 → 115
    expect(carWay({ highway: 'primary', 'maxspeed:forward': '70', 'maxspeed:backward': '50' }, long)!.speedKmh).toBe(45);
    expect(storedSpeed(43.45)).toBe(45);
    expect(storedSpeed(1)).toBe(5);
    expect(storedSpeed(180)).toBe(140);
  });

  it('caps speeds on rough surfaces and by track type', () => {
    expect(carWay({ highway: 'primary', surface: 'cobblestone' }, long)!.speedKmh).toBe(20);
    expect(carWay({ highway: 'track', tracktype: 'grade1' }, long)!.speedKmh).toBe(40);
  });

  it("slows short ways with ORS's acceleration heuristic and leaves main roads alone", () => {
    // A 100 m tertiary at 50 km/h: 6 s to cover each half while accelerating, i.e. 30 km/h.
    expect(adjustSpeedForAcceleration(100, 50)).toBeCloseTo(30, 6);
    expect(adjustSpeedForAcceleration(100, 90)).toBe(90);
    expect(adjustSpeedForAcceleration(0, 50)).toBe(50);
    expect(carWay({ highway: 'tertiary' }, { estimatedDistanceM: 100, lengthM: 100, nodeCount: 2 })!.speedKmh).toBe(30);
    expect(carWay({ highway: 'tertiary' }, long)!.speedKmh).toBe(50);
    expect(carWay({ highway: 'motorway', maxspeed: '50' }, { estimatedDistanceM: 100, lengthM: 100, nodeCount: 2 })!.speedKmh).toBe(45);
  });

  it('halves residential streets whose nodes are under 100 m apart', () => {
    expect(carWay({ highway: 'residential' }, { estimatedDistanceM: 300, lengthM: 320, nodeCount: 6 })!.speedKmh).toBe(15);
    expect(carWay({ highway: 'residential' }, { estimatedDistanceM: 600, lengthM: 620, nodeCount: 4 })!.speedKmh).toBe(30);
  });

  it('drives roundabouts slowly when their lanes are known', () => {
    expect(carWay({ highway: 'primary', junction: 'roundabout', lanes: '1' }, long)!.speedKmh).toBe(35);
    expect(carWay({ highway: 'primary', junction: 'roundabout', lanes: '2' }, long)!.speedKmh).toBe(40);
  });
});

describe('route choice and barriers', () => {
  it("weighs destination-only and private roads ×10, customers ×1.5, service ×1.2 (ORS's limited access)", () => {
    expect(limitedAccessFactor({ highway: 'residential' })).toBe(1);
    expect(limitedAccessFactor({ highway: 'residential', motor_vehicle: 'destination' })).toBe(10);
    expect(limitedAccessFactor({ highway: 'residential', access: 'private', motorcar: 'yes' })).toBe(10);
    expect(limitedAccessFactor({ highway: 'service', access: 'customers' })).toBeCloseTo(1.8);
    expect(limitedAccessFactor({ highway: 'service' })).toBeCloseTo(1.2);
    // The most restrictive value wins: access=no with motor_vehicle=destination is "no", not penalised.
    expect(limitedAccessFactor({ highway: 'residential', access: 'no', motor_vehicle: 'destination' })).toBe(1);
  });

  it('stops at bollards and gates unless the node lets cars through (ORS block_barriers)', () => {
    expect(carBarrierBlocks({ barrier: 'bollard' })).toBe(true);
    expect(carBarrierBlocks({ barrier: 'bollard', motor_vehicle: 'yes' })).toBe(false);
    expect(carBarrierBlocks({ barrier: 'gate' })).toBe(true);
    expect(carBarrierBlocks({ barrier: 'lift_gate', bicycle: 'yes', foot: 'yes' })).toBe(true);
    expect(carBarrierBlocks({ barrier: 'gate', access: 'private' })).toBe(true);
    expect(carBarrierBlocks({ barrier: 'gate', motor_vehicle: 'destination' })).toBe(false);
    expect(carBarrierBlocks({ barrier: 'swing_gate', access: 'permit' })).toBe(false);
    // The most specific key decides: motorcar=no before access=yes.
    expect(carBarrierBlocks({ barrier: 'gate', motorcar: 'no', access: 'yes' })).toBe(true);
    // A locked gate blocks even when access is granted.
    expect(carBarrierBlocks({ barrier: 'lift_gate', locked: 'yes', access: 'yes' })).toBe(true);
    expect(carBarrierBlocks({ barrier: 'kerb' })).toBe(false);
    expect(carBarrierBlocks({ barrier: 'chain' })).toBe(false);
    expect(carBarrierBlocks({ highway: 'traffic_signals' })).toBe(false);
  });
});
