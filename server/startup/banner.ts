import type { DriveTimeSource } from '../routing/create-provider.ts';

/** What a started server tells its operator. */
export interface ReadyInfo {
  url: string;
  database: string;
  driveTimes: { description: string; source: DriveTimeSource };
  /** Demo accounts when the demo data is there (empty otherwise). */
  demoAccounts: { email: string; role: string }[];
  demoPassword?: string;
  /** The demo key of the ORS-compatible API when it is there and live (demo data only). */
  demoOrsKey?: string;
}

/** The command that fetches real roads, as the banner and the README give it. */
export const ROADS_FETCH_HINT = 'npm run roads:fetch -- centre-val-de-loire   (or any Geofabrik region, or an .osm.pbf URL)';

/** One line saying where drive times come from, and what to do when they are estimates or coarse. */
export function describeRoads(source: DriveTimeSource): { line: string; advice?: string } {
  const roads = source.roads;
  const where = roads ? `${roads.file.split(/[\\/]/).pop()} (${roads.why === 'shared demo network' ? 'France demo network from ../shared: main roads only' : roads.why})` : '';
  if (source.kind === 'estimate') {
    return { line: 'straight-line estimates (no road data found): distance × 1.3 at 60 km/h, marked "estimé"', advice: `For real drive times: ${ROADS_FETCH_HINT}, then restart.` };
  }
  if (source.kind === 'openrouteservice') return { line: `openrouteservice${roads ? `, falling back to the embedded engine on ${where}` : ', falling back to straight-line estimates'}` };
  return { line: `embedded engine on ${where}`, advice: roads?.why === 'shared demo network' ? `For full-detail roads: ${ROADS_FETCH_HINT}.` : undefined };
}

const ROLE_LABELS: Record<string, string> = { staff: 'department staff', manager: 'housing manager', intern: 'intern' };

/** The banner printed once the server listens, for a person at a terminal. */
export function formatBanner(info: ReadyInfo): string {
  const roads = describeRoads(info.driveTimes.source);
  const rows: [string, string][] = [
    ['URL', info.url],
    ['Database', info.database],
    ['Drive times', roads.line],
  ];
  if (roads.advice) rows.push(['', roads.advice]);
  if (info.demoAccounts.length) {
    rows.push(['Demo accounts', `password "${info.demoPassword}"`]);
    for (const a of info.demoAccounts) rows.push(['', `${a.email.padEnd(20)} ${ROLE_LABELS[a.role] ?? a.role}`]);
  }
  if (info.demoOrsKey) {
    rows.push(['Demo API key', `${info.demoOrsKey} for the ORS-compatible API (/ors), e.g.`]);
    rows.push(['', `curl -H 'Authorization: ${info.demoOrsKey}' -H 'Content-Type: application/json' \\`]);
    rows.push(['', `  -d '{"locations":[[1.06,47.8],[1.33,47.59]]}' ${info.url}/ors/v2/matrix/driving-car`]);
  }
  rows.push(['Stop', 'Ctrl-C (or SIGTERM): closes the server and the database cleanly']);
  const body = rows.map(([k, v]) => `  ${k.padEnd(14)}${v}`);
  const width = Math.min(100, Math.max(...body.map((l) => l.length)) + 2);
  const rule = '─'.repeat(width);
  return ['', rule, '  internat-match is ready', rule, ...body, rule, ''].join('\n');
}
