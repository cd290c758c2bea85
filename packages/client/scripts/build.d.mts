// Types of scripts/build.mjs (plain Node.js: it runs as `prepack`, without a TypeScript loader).
export const ALLOWED: string[];
export function moduleSpecifiers(text: string): string[];
export function disallowedImports(file: string): string[];
