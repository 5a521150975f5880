import { registeredRoutes, type RouteAccess } from '../../openapi/registry.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function access(roles: RouteAccess): string {
  return roles === 'public' ? 'public' : roles === 'signed-in' ? 'signed in' : roles.join(', ');
}

/**
 * A readable, self-contained API reference (no script, no CDN: the CSP is
 * `default-src 'self'`): every operation with its access rule, parameters and
 * body schema taken from the generated OpenAPI document.
 */
export function renderDocsPage(doc: { paths?: Record<string, Record<string, any>> }): string {
  const ops = registeredRoutes();
  const groups = new Map<string, typeof ops>();
  for (const op of ops) {
    const g = op.path.split('/')[2] ?? 'api';
    groups.set(g, [...(groups.get(g) ?? []), op]);
  }
  const section = (name: string, list: typeof ops) => `
<h2 id="${esc(name)}">${esc(name)}</h2>
${list
  .map((op) => {
    const o = doc.paths?.[op.path.replace(/:(\w+)/g, '{$1}')]?.[op.method] ?? {};
    const params = (o.parameters ?? []) as { name: string; in: string; required?: boolean; schema?: unknown }[];
    const body = o.requestBody?.content?.['application/json']?.schema ?? (o.requestBody?.content && Object.values(o.requestBody.content as Record<string, any>)[0]?.schema);
    const responses = Object.entries((o.responses ?? {}) as Record<string, { description?: string }>);
    return `<section class="op">
  <h3><span class="m m-${op.method}">${op.method.toUpperCase()}</span> <code>${esc(op.path)}</code></h3>
  <p>${esc(op.summary)} <span class="roles">Access: ${esc(access(op.roles))}</span></p>
  ${op.description ? `<p>${esc(op.description)}</p>` : ''}
  ${params.length ? `<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Schema</th></tr>${params.map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${esc(JSON.stringify(p.schema ?? {}))}</code></td></tr>`).join('')}</table>` : ''}
  ${body ? `<details><summary>Request body</summary><pre>${esc(JSON.stringify(body, null, 2))}</pre></details>` : ''}
  ${responses.length ? `<ul class="responses">${responses.map(([s, r]) => `<li><b>${esc(s)}</b> ${esc(r.description ?? '')}</li>`).join('')}</ul>` : ''}
</section>`;
  })
  .join('\n')}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>internat-match API</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
code,pre{font:13px ui-monospace,monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto}
.op{border-top:1px solid #ddd;padding:.5rem 0}.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:3px;color:#fff;font-size:12px;padding:2px 4px}
.m-get{background:#2563eb}.m-post{background:#15803d}.m-put{background:#a16207}.m-patch{background:#7c3aed}.m-delete{background:#b91c1c}
.roles{color:#555;font-size:13px;margin-left:.5rem}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}
nav a{margin-right:.75rem}
</style></head><body>
<h1>internat-match API</h1>
<p>JSON under <code>/api</code>. Errors are <code>{error: {id, message, field?}}</code>. Sign in with <code>POST /api/session</code>;
send the returned <code>csrfToken</code> as the <code>x-csrf-token</code> header on every POST, PUT, PATCH and DELETE.
Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3).</p>
<nav>${[...groups.keys()].map((g) => `<a href="#${esc(g)}">${esc(g)}</a>`).join('')}</nav>
${[...groups].map(([g, list]) => section(g, list)).join('\n')}
</body></html>`;
}
