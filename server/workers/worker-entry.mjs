// Piscina's worker file. Task modules are TypeScript: worker threads do not inherit the request
// thread's tsx loader (Node 20), so each registers it before importing them.
const { register } = await import('tsx/esm/api');
register();
const { runTask } = await import('./worker-main.ts');
export default runTask;
