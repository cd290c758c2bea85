// The process entry (tsx src/main.ts …, npm run dev): the flowledger command, which calls src/app.
import { main } from './cli/main.js';

await main();
