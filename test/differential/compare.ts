/** Runs the engine and the emulation over variants and measures how often they agree. */
import { emulate } from './emulator';
import type { Variant } from './generator';
import { validateManifests } from '../../src/validation';

/** The rules that stand for the API server (the operator, reference and collision layers are not its). */
const API_SERVER = /^(identity|metadata|schema|cel)\./;

/** The engine's answer as the emulation gives it: sorted distinct error paths, [] when it accepts. */
export function engineAnswer(object: unknown, kubernetesVersion: string): string[] {
  const paths = validateManifests([object], { kubernetesVersion })
    .filter(v => v.severity === 'error' && API_SERVER.test(v.rule))
    .map(v => v.path);
  return [...new Set(paths)].sort();
}

export function emulatorAnswer(object: unknown, kubernetesVersion: string): string[] {
  return emulate(object, { intFormats: kubernetesVersion !== '1.35' });
}

export interface Agreement {
  readonly total: number;
  readonly verdictAgree: number;
  readonly bothReject: number;
  readonly samePaths: number;
  readonly rejectedByEmulation: number;
  readonly disagreements: { name: string; engine: string[]; emulation: string[] }[];
}

export function compare(variants: readonly Variant[]): Agreement {
  let verdictAgree = 0;
  let bothReject = 0;
  let samePaths = 0;
  let rejectedByEmulation = 0;
  const disagreements: Agreement['disagreements'] = [];
  for (const v of variants) {
    const engine = engineAnswer(v.object, v.kubernetesVersion);
    const emulation = emulatorAnswer(v.object, v.kubernetesVersion);
    if (emulation.length) rejectedByEmulation++;
    const sameVerdict = (engine.length > 0) === (emulation.length > 0);
    if (sameVerdict) verdictAgree++;
    const same = engine.join('\n') === emulation.join('\n');
    if (engine.length && emulation.length) {
      bothReject++;
      if (same) samePaths++;
    }
    if (!same) disagreements.push({ name: v.name, engine, emulation });
  }
  return { total: variants.length, verdictAgree, bothReject, samePaths, rejectedByEmulation, disagreements };
}
