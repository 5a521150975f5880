/**
 * The sites CSV export in the UI's language, so a spreadsheet opens it as its reader expects: French
 * (default: `;`, French headers, rent in euros, BOM) or, for an English UI, `format=en` (`,`, the column
 * names, rent in cents). The server's options: server/routes/import-export/schema.ts.
 */
export function sitesCsvHref(language: string): string {
  return language.startsWith('en') ? '/api/export/sites.csv?format=en' : '/api/export/sites.csv';
}
