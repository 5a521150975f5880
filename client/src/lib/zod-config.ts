import { z } from 'zod';

// zod v4 compiles object parsers with `new Function` when it can, and finds out whether it can by
// trying `Function('')` once: under our CSP (script-src 'self', no 'unsafe-eval') that try is a
// reported violation on every page. The interpreted parser is plenty fast for our responses.
// Imported first in main.tsx, before any schema parses.
z.config({ jitless: true });
