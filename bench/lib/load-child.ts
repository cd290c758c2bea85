/**
 * Runs one load measurement in this fresh process and prints its result as `RESULT {json}`. Used by
 * loadInChild and mixLoadInChild: each figure gets a load generator with no history.
 * argv: a JSON object, { target, headers, opts } (http-load.ts `load`) or { mix: { base, ops }, opts } (`mixLoad`).
 */
import { load, mixLoad } from './http-load.js';

const args = JSON.parse(process.argv[2]!);
const result = args.mix ? await mixLoad(args.mix.base, args.mix.ops, args.opts) : await load(args.target, args.headers, args.opts);
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
