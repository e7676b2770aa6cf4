/**
 * The valid objects the variants start from: the repository's platform example and, when the shared ToolHive
 * release is next to the repository, its valid upstream examples (every ToolHive kind). Only objects the engine
 * and the emulation both accept are kept, so every variant starts from an accepted object.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { emulate } from './emulator';

const RELEASE_DIR = process.env.TOOLHIVE_RELEASE_DIR ?? path.resolve(__dirname, '../../../shared/toolhive/v0.44.0');
export const UPSTREAM_EXAMPLES = path.join(RELEASE_DIR, 'examples');
const PLATFORM = path.resolve(__dirname, '../../examples/manifests/platform');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap(f => {
    const full = path.join(dir, f);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(f) ? [full] : [];
  });
}

function load(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map(d => d.toJS()).filter(d => d !== null && d !== undefined);
}

/**
 * The objects of the example folders that exist, ToolHive kinds and context objects, that the emulation accepts
 * (the stale upstream examples SOURCE.md lists are left out that way).
 */
export function seedObjects(): Record<string, unknown>[] {
  const dirs = [PLATFORM, ...(existsSync(UPSTREAM_EXAMPLES) ? [UPSTREAM_EXAMPLES] : [])];
  return dirs.flatMap(yamlFiles).flatMap(load)
    .filter((o): o is Record<string, unknown> => typeof o === 'object' && o !== null && !Array.isArray(o))
    .filter(o => emulate(o, { intFormats: true }).length === 0);
}
