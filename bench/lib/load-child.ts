/**
 * Runs one load measurement (http-load.ts `load`) in this fresh process and prints its result as
 * `RESULT {json}`. Used by loadInChild: each figure gets a load generator with no history.
 * argv: a JSON object { target, headers, opts }.
 */
import { load } from './http-load.js';

const { target, headers, opts } = JSON.parse(process.argv[2]!);
const result = await load(target, headers, opts);
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
