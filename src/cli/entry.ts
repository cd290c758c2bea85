// Entry point for running the CLI from source (tsx); bin/flowledger.js runs the compiled one.
import { main } from './main.js';

await main();
