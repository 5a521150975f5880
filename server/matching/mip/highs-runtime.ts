import loadHighs, { type Highs } from 'highs';

/**
 * The HiGHS WebAssembly runtime, loaded once per thread when this module is
 * first imported (about 0.1 s), so that solving stays synchronous afterwards.
 */
export const highs: Highs = await loadHighs();
