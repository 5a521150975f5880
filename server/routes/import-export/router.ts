import express, { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { inventoryToCsv, inventoryToGeoJson, loadInventory } from '../../domain/inventory-io/export-sites.ts';
import { importInventory, rejectImport } from '../../domain/inventory-io/import-sites.ts';
import { readCsvInventory, readGeoJsonInventory } from '../../domain/inventory-io/read-inventory.ts';
import { ValidationError } from '../../errors.ts';
import { scopeOf } from '../../domain/departements/visibility.ts';
import { parse } from '../../middleware/validate.ts';
import { exportSitesCsvQuery, importSitesQuery } from './schema.ts';

const staff = requireRole('staff', 'admin');
/** CSV arrives as text; GeoJSON's own media type is parsed as JSON (plain JSON is parsed by the app). */
const csvBody = express.text({ type: ['text/csv', 'text/plain'], limit: '5mb' });
const geoJsonBody = express.json({ type: 'application/geo+json', limit: '5mb' });

/** Housing inventory export (CSV, GeoJSON) and all-or-nothing import, for department staff. */
export function createImportExportRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/export/sites.csv', staff, async (req, res) => {
    const q = parse(exportSitesCsvQuery, req.query, 'query');
    const lang = q.format ?? (q.sep === ',' ? 'en' : 'fr');
    const csv = inventoryToCsv(await loadInventory(ctx.db.prisma, scopeOf(currentUser(req))), { lang, delimiter: q.sep ?? (lang === 'fr' ? ';' : ',') });
    res.type('text/csv; charset=utf-8').attachment('sites.csv').send(csv);
  });

  router.get('/export/sites.geojson', staff, async (req, res) => {
    const geojson = inventoryToGeoJson(await loadInventory(ctx.db.prisma, scopeOf(currentUser(req))));
    res.type('application/geo+json; charset=utf-8').attachment('sites.geojson').send(JSON.stringify(geojson));
  });

  router.post('/import/sites', staff, csvBody, geoJsonBody, async (req, res) => {
    const q = parse(importSitesQuery, req.query, 'query');
    const format = q.format ?? (typeof req.body === 'string' ? 'csv' : 'geojson');
    if (format === 'csv' && typeof req.body !== 'string') throw new ValidationError('body: send the CSV with Content-Type text/csv', 'body');
    if (format === 'geojson' && typeof req.body === 'string') throw new ValidationError('body: send GeoJSON as application/json', 'body');
    const read = format === 'csv' ? readCsvInventory(req.body) : readGeoJsonInventory(req.body);
    if (read.issues.length) throw rejectImport(read.issues);
    const summary = await importInventory({ prisma: ctx.db.prisma, actorId: currentUser(req).id, scope: scopeOf(currentUser(req)), rows: read.rows, dryRun: q.dryRun });
    res.json(summary);
  });

  return router;
}
