// Types of scripts/build.mjs (plain Node.js, so that `npm start` checks freshness without a TypeScript loader).
export interface Part {
  label: string;
  command: string;
  output: string;
  inputs(root: string): string[];
}
export type CheckResult = { stale: false; files: number } | { stale: true; reason: string };
export const WEB_INPUTS_FILE: string;
export const PARTS: Record<'server' | 'web', Part>;
export function checkPart(root: string, name: string, part: Part): CheckResult;
export function build(opts?: { root?: string; parts?: Record<string, Part>; names?: string[]; ifStale?: boolean; log?: (line: string) => void }): number;
