import { describe, expect, it } from 'vitest';
import { buildRoom, buildSite, buildUser, clientAs } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { unique } from '../../../tests/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';
import { detectDelimiter, parseCsv, writeCsv } from '../../domain/inventory-io/csv.ts';
import { sitesCsvHref } from '../../../client/src/lib/export-links.ts';

/** Keeps the header and the rows of the given slugs (the PostgreSQL database is shared with other test files), same separator and BOM. */
function onlySlugs(csv: string, slugs: string[]): string {
  const delimiter = detectDelimiter(csv);
  const [header, ...rows] = parseCsv(csv).map((r) => r.fields);
  const i = header.findIndex((h) => h === 'slug' || h === 'identifiant');
  return writeCsv([header, ...rows.filter((r) => slugs.includes(r[i]))], { delimiter, bom: csv.startsWith('\ufeff') });
}

const HEADER = 'slug,name,commune,departement,subdivision,lng,lat,funderKind,rentCents,amenities,rooms';

describe('inventory import/export', () => {
  let db: Database;
  let app: TestApp;
  let staff: TestClient;
  let staffId: number;
  useTestApp(async (t) => {
    ({ db, app } = t);
    const s = await clientAs(app, db.prisma, 'staff');
    staff = s.client;
    staffId = s.user.id;
  });

  it('is for staff only', async () => {
    const site = await buildSite(db.prisma);
    const manager = await buildUser(db.prisma, { role: 'manager', managedSiteIds: [site.id] });
    const m = app.client();
    await signIn(m, manager.email, manager.password);
    expect((await m.get('/api/export/sites.csv')).status).toBe(403);
    expect((await m.post('/api/import/sites?format=csv', 'slug\n')).status).toBe(403);
    expect((await app.client().get('/api/export/sites.geojson')).status).toBe(401);
  });

  it('exports CSV and GeoJSON with rooms and bed counts, and a round trip changes nothing', async () => {
    const tricky = await db.prisma.site.create({
      data: {
        slug: unique('tricky'), name: 'Maison "Les Tilleuls", Vendôme', commune: 'Vendôme', departement: 'Loir-et-Cher', subdivision: 'Tours',
        lng: 1.0656123456789, lat: 47.7929, funderKind: 'commune', rentCents: null, amenities: ['wifi', 'lave-linge'], partnerAllowed: true,
        description: 'Deux lignes,\navec des "guillemets" et un € ', houseRules: '', chargesIncluded: null, funderName: '=HYPERLINK("http://x")',
      },
    });
    const plain = await buildSite(db.prisma, { rentCents: 15000 });
    await buildRoom(db.prisma, { siteId: tricky.id, label: 'Chambre 1', beds: 2 });
    await buildRoom(db.prisma, { siteId: tricky.id, label: 'Chambre: bleue', beds: 1 });
    const slugs = [tricky.slug, plain.slug];
    const before = await db.prisma.site.findMany({ where: { slug: { in: slugs } }, orderBy: { slug: 'asc' } });
    const audits = await db.prisma.auditEvent.count();

    // French (default): `;`, BOM, French headers, rent in euros, oui/non, decimal commas.
    const fr = await staff.get('/api/export/sites.csv');
    expect(fr.status).toBe(200);
    expect(fr.headers.get('content-type')).toMatch(/text\/csv/);
    expect(fr.body).toMatch(/^\ufeff?identifiant;nom;adresse;commune;département;/);
    const frRows = parseCsv(fr.body, { delimiter: ';' }).map((r) => r.fields);
    const frRow = (slug: string) => frRows.find((r) => r[0] === slug)!;
    const col = (name: string) => frRows[0].indexOf(name);
    expect(frRow(plain.slug)[col('loyer (€)')]).toBe('150,00');
    expect(frRow(tricky.slug)[col('loyer (€)')]).toBe('');
    expect(frRow(tricky.slug)[col('longitude')]).toBe('1,0656123456789');
    expect(frRow(tricky.slug)[col('conjoint accepté')]).toBe('oui');
    expect(frRow(tricky.slug)[col('chambres')]).toBe('Chambre 1:2|Chambre: bleue:1');
    expect(frRow(tricky.slug)[col('équipements')]).toBe('wifi;lave-linge');
    expect(frRow(tricky.slug)[col('financeur')]).toBe(`'=HYPERLINK("http://x")`);
    const backFr = await staff.request('POST', '/api/import/sites?format=csv', onlySlugs(fr.body, slugs), { 'content-type': 'text/csv' });
    expect(backFr.status).toBe(200);
    expect(backFr.body).toEqual({ dryRun: false, created: [], updated: [], unchanged: 2, roomsCreated: 0, bedsCreated: 0 });

    // English: `,`, the column names, rent in cents; `?format=en` is the same file.
    const csv = await staff.get('/api/export/sites.csv?sep=,');
    expect(csv.status).toBe(200);
    expect(csv.body).toMatch(/^\ufeff?slug,name,address,/);
    // Other test files write sites into the same database concurrently: compare this test's rows only.
    expect(onlySlugs((await staff.get('/api/export/sites.csv?format=en')).body, slugs)).toBe(onlySlugs(csv.body, slugs));
    const rows = parseCsv(csv.body).map((r) => r.fields);
    const header = rows[0];
    const row = rows.find((r) => r[0] === tricky.slug)!;
    expect(row[header.indexOf('rooms')]).toBe('Chambre 1:2|Chambre: bleue:1');
    expect(row[header.indexOf('beds')]).toBe('3');
    expect(row[header.indexOf('rentCents')]).toBe('');
    expect(rows.find((r) => r[0] === plain.slug)![header.indexOf('rentCents')]).toBe('15000');
    expect(row[header.indexOf('amenities')]).toBe('wifi;lave-linge');
    expect(row[header.indexOf('funderName')]).toBe(`'=HYPERLINK("http://x")`);

    const back = await staff.request('POST', '/api/import/sites?format=csv', onlySlugs(csv.body, slugs), { 'content-type': 'text/csv' });
    expect(back.status).toBe(200);
    expect(back.body).toEqual({ dryRun: false, created: [], updated: [], unchanged: 2, roomsCreated: 0, bedsCreated: 0 });
    expect((await staff.get('/api/export/sites.csv?sep=|')).status).toBe(400);

    const geo = await staff.get('/api/export/sites.geojson');
    expect(geo.status).toBe(200);
    const feature = geo.body.features.find((f: any) => f.properties.slug === tricky.slug);
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [1.0656123456789, 47.7929] });
    expect(feature.properties.rooms).toEqual([{ label: 'Chambre 1', beds: 2 }, { label: 'Chambre: bleue', beds: 1 }]);
    const mine = { ...geo.body, features: geo.body.features.filter((f: any) => slugs.includes(f.properties.slug)) };
    const back2 = await staff.post('/api/import/sites?format=geojson', mine);
    expect(back2.status).toBe(200);
    expect(back2.body).toMatchObject({ created: [], updated: [], unchanged: 2 });

    const after = await db.prisma.site.findMany({ where: { slug: { in: slugs } }, orderBy: { slug: 'asc' } });
    expect(after).toEqual(before);
    expect(await db.prisma.auditEvent.count({ where: { siteId: { in: [tricky.id, plain.id] } } })).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBeGreaterThanOrEqual(audits);
  });

  it('creates and updates by slug, adds rooms and beds, audits, and a dry run writes nothing', async () => {
    const existing = await buildSite(db.prisma, { rentCents: 20000 });
    await buildRoom(db.prisma, { siteId: existing.id, label: 'A', beds: 1 });
    const fresh = unique('new');
    const csv = [
      HEADER,
      `${existing.slug},${existing.name},Blois,Loir-et-Cher,Tours,1.33,47.59,departement,18000,wifi;parking,A:2|B:1`,
      `${fresh},"Internat neuf, Mer",Mer,Loir-et-Cher,Tours,1.5,47.7,commune,,,Chambre 1:1`,
    ].join('\n');
    const dry = await staff.request('POST', '/api/import/sites?format=csv&dryRun=1', csv, { 'content-type': 'text/csv' });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, created: [fresh], updated: [existing.slug], unchanged: 0, roomsCreated: 2, bedsCreated: 3 });
    expect(await db.prisma.site.count({ where: { slug: fresh } })).toBe(0);
    expect((await db.prisma.site.findUniqueOrThrow({ where: { id: existing.id } })).rentCents).toBe(20000);

    const res = await staff.request('POST', '/api/import/sites', csv, { 'content-type': 'text/csv; charset=utf-8' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, created: [fresh], updated: [existing.slug] });
    const updated = await db.prisma.site.findUniqueOrThrow({ where: { id: existing.id }, include: { rooms: { include: { beds: true }, orderBy: { label: 'asc' } } } });
    expect(updated.rentCents).toBe(18000);
    expect(updated.amenities).toEqual(['wifi', 'parking']);
    expect(updated.rooms.map((r) => [r.label, r.beds.map((b) => b.label).sort()])).toEqual([['A', ['Lit 1', 'Lit 2']], ['B', ['Lit']]]);
    const created = await db.prisma.site.findUniqueOrThrow({ where: { slug: fresh }, include: { rooms: { include: { beds: true } } } });
    expect(created).toMatchObject({ name: 'Internat neuf, Mer', rentCents: null, amenities: [], active: true, planned: false });
    expect(created.rooms[0].beds).toHaveLength(1);
    const events = await db.prisma.auditEvent.findMany({ where: { siteId: { in: [existing.id, created.id] } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([['import-update', staffId], ['import-create', staffId]]);
    expect(events[0].before).toMatchObject({ rentCents: 20000 });
    expect(events[0].after).toMatchObject({ rentCents: 18000 });
  });

  it('refuses a CSV with errors, naming every line and field, and writes nothing', async () => {
    const good = unique('good');
    const csv = [
      HEADER,
      `${good},Bon,Blois,Loir-et-Cher,Tours,1.3,47.5,departement,10000,,`,
      `${unique('multi')},"Nom sur`,
      `deux lignes",Blois,Loir-et-Cher,Tours,1.3,47.5,departement,-5,,`,
      `${unique('bad')},Mauvais,Blois,Loir-et-Cher,Tours,abc,95,mairie,,,A:x`,
      `${good},Doublon,Blois,Loir-et-Cher,Tours,1.3,47.5,departement,,,`,
      `short,row`,
    ].join('\r\n');
    const res = await staff.request('POST', '/api/import/sites?format=csv', csv, { 'content-type': 'text/csv' });
    expect(res.status).toBe(400);
    expect(res.body.error.id).toBe('validation');
    expect(res.body.error.message).toMatch(/^line 3, rentCents: must not be negative \(and \d+ more\)$/);
    const texts = res.body.error.details.errors.map((e: any) => e.text);
    expect(texts).toEqual([
      'line 3, rentCents: must not be negative',
      'line 5, lng: must be a number',
      'line 5, lat: must be ≤ 90',
      expect.stringMatching(/^line 5, funderKind: must be one of departement/),
      'line 5, rooms.0.beds: must be a number',
      'line 6, slug: duplicate of line 2',
      'line 7, has 2 fields, the header has 11',
    ]);
    expect(await db.prisma.site.count({ where: { slug: good } })).toBe(0);
  });

  it('imports a `;` file with a BOM and French headers, rent in euros, and names errors by the file\'s headers', async () => {
    const existing = await buildSite(db.prisma, { rentCents: 20000 });
    const fresh = unique('fr');
    const head = 'identifiant;nom;commune;département;subdivision;longitude;latitude;type de financeur;loyer (€);meublé;équipements;chambres';
    const csv = [
      `\ufeff${head}`,
      `${existing.slug};${existing.name};${existing.commune};${existing.departement};${existing.subdivision};${existing.lng};${existing.lat};${existing.funderKind};"1 234,5 €";oui;"wifi;parking";`,
      `${fresh};"Foyer; centre";Blois;Loir-et-Cher;Tours;1,33;47,59;commune;150;non;;Chambre 1:2`,
    ].join('\r\n');
    const res = await staff.request('POST', '/api/import/sites?format=csv', csv, { 'content-type': 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: [fresh], updated: [existing.slug], bedsCreated: 2 });
    expect(await db.prisma.site.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ rentCents: 123450, furnished: true, amenities: ['wifi', 'parking'] });
    expect(await db.prisma.site.findUniqueOrThrow({ where: { slug: fresh } })).toMatchObject({ name: 'Foyer; centre', rentCents: 15000, lng: 1.33, lat: 47.59, furnished: false });

    const bad = [head, `${unique('x')};X;Blois;Loir-et-Cher;Tours;1,3;47,5;commune;-5,00;peut-être;;`, `${unique('y')};Y;Blois;Loir-et-Cher;Tours;1,3;47,5;commune;dix;;;`].join('\n');
    const r = await staff.request('POST', '/api/import/sites?format=csv', bad, { 'content-type': 'text/csv' });
    expect(r.status).toBe(400);
    const texts = r.body.error.details.errors.map((e: any) => e.text);
    expect(texts).toContain('line 2, loyer (€): must not be negative');
    expect(texts.some((t: string) => t.startsWith('line 2, meublé: '))).toBe(true);
    expect(texts.some((t: string) => t.startsWith('line 3, loyer (€): '))).toBe(true);
  });

  it('refuses bad headers, bad GeoJSON features and removed beds with their feature index', async () => {
    const h = await staff.request('POST', '/api/import/sites?format=csv', 'slug,name,colour\nx,y,z\n', { 'content-type': 'text/csv' });
    expect(h.status).toBe(400);
    expect(h.body.error.details.errors.map((e: any) => e.text)).toContain('line 1, colour: unknown column');

    const site = await buildSite(db.prisma);
    await buildRoom(db.prisma, { siteId: site.id, label: 'A', beds: 2 });
    const props = { slug: site.slug, name: site.name, commune: 'Blois', departement: 'Loir-et-Cher', subdivision: 'Tours', funderKind: 'departement' };
    const body = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [1.3, 47.5] }, properties: { ...props, rooms: [{ label: 'A', beds: 1 }] } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [1.3, 95] }, properties: { ...props, slug: unique('g'), rentCents: -1 } },
        { type: 'Feature', geometry: null, properties: props },
      ],
    };
    const res = await staff.post('/api/import/sites?format=geojson', body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.text)).toEqual([
      'feature 1, lat: must be ≤ 90',
      'feature 1, rentCents: must not be negative',
      'feature 2, geometry: must be a Point with [lng, lat] coordinates',
    ]);
    const only = { ...body, features: [body.features[0]] };
    const beds = await staff.post('/api/import/sites', only);
    expect(beds.status).toBe(400);
    expect(beds.body.error.message).toBe('feature 0, rooms: A has 2 beds; an import never removes beds');
    expect(await db.prisma.bed.count({ where: { room: { siteId: site.id } } })).toBe(2);
  });

  it('the export links of the screens follow the UI language: French headers and `;`, or English ones and `,`', async () => {
    const fr = await staff.get(sitesCsvHref('fr'));
    expect(fr.status).toBe(200);
    expect(fr.body).toMatch(/^\ufeff?identifiant;nom;adresse;/);
    const en = await staff.get(sitesCsvHref('en'));
    expect(en.status).toBe(200);
    expect(en.body).toMatch(/^\ufeff?slug,name,address,/);
    expect(sitesCsvHref('en-GB')).toBe(sitesCsvHref('en'));
  });
});
