import { config } from 'zod';

// The page parses each document once or twice (an example, a stored draft, an import), where
// zod's compiled fast path costs more to build than it saves: building it was a quarter of the
// simulator example's main-thread work on a slow phone. The engine's worker parses populations
// and many documents, and keeps it (this module is the page's only).
config({ jitless: true });
