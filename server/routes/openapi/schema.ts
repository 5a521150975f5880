import { registerRoute } from '../../openapi/registry.ts';

registerRoute({ method: 'get', path: '/api/openapi.json', summary: 'This API as an OpenAPI 3 document', roles: 'public' });
registerRoute({ method: 'get', path: '/api/docs', summary: 'Readable API reference (HTML)', roles: 'public' });
