/**
 * Pulumi components against raw custom resources, under Pulumi's mock runtime: N MCPServers (one shared MCPGroup)
 * created as `toolhive.McpServer` components (reference resolution, the builder, per-object validation, the
 * component and its CustomResource child) and as bare `k8s.apiextensions.CustomResource`s with the same inputs.
 * Each run is a fresh mocked program and ends when every registration has reached the mock monitor.
 *
 *   npx ts-node --transpile-only bench/index.ts pulumi
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { Row } from './validate';
import { mcpGroupManifest, mcpServerManifest } from '../src/manifests';
import * as toolhive from '../src/pulumi';

const N = 1_000;
const ROUNDS = 5;
const NS = 'bench';
const IMAGE = 'ghcr.io/stackloklabs/gofetch/server:1.0.1';

let programs = 0;

/** A fresh mocked program (its own stack, so its own ToolHive registry). */
async function freshProgram(): Promise<void> {
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  await pulumi.runtime.setMocks({
    newResource: args => ({ id: `${args.name}-id`, state: args.inputs }),
    call: args => args.inputs,
  }, 'bench', `bench-${++programs}`);
}

function settled(resources: readonly pulumi.Resource[]): Promise<unknown> {
  return Promise.all(resources.map(r => (r.urn as unknown as { promise(): Promise<string> }).promise()));
}

interface Timing { construct: number; total: number }

async function time(build: () => pulumi.Resource[]): Promise<Timing> {
  const t0 = performance.now();
  const resources = build();
  const t1 = performance.now();
  await settled(resources);
  return { construct: t1 - t0, total: performance.now() - t0 };
}

/** N bare CustomResources with the builder's manifests (what the components register). */
function raw(n: number): () => pulumi.Resource[] {
  return () => {
    const out: pulumi.Resource[] = [new k8s.apiextensions.CustomResource('tools', mcpGroupManifest({ metadata: { name: 'tools', namespace: NS }, spec: {} }))];
    for (let i = 0; i < n; i++) {
      const m = mcpServerManifest({ metadata: { name: `server-${i}`, namespace: NS }, spec: { image: IMAGE, transport: 'streamable-http', groupRef: { name: 'tools' } } });
      out.push(new k8s.apiextensions.CustomResource(`server-${i}`, m as unknown as k8s.apiextensions.CustomResourceArgs));
    }
    return out;
  };
}

/** The floor of any component: a bare `ComponentResource` around the same CustomResource (no ToolHive logic). */
class BareComponent extends pulumi.ComponentResource {
  public readonly resource: k8s.apiextensions.CustomResource;
  constructor(name: string, args: k8s.apiextensions.CustomResourceArgs, dependsOn: pulumi.Resource[]) {
    super('bench:index:Bare', name, {}, {});
    this.resource = new k8s.apiextensions.CustomResource(name, args, { parent: this, dependsOn });
    this.registerOutputs({});
  }
}

function bare(n: number): () => pulumi.Resource[] {
  return () => {
    const group = new BareComponent('tools', mcpGroupManifest({ metadata: { name: 'tools', namespace: NS }, spec: {} }) as unknown as k8s.apiextensions.CustomResourceArgs, []);
    const out: pulumi.Resource[] = [group, group.resource];
    for (let i = 0; i < n; i++) {
      const m = mcpServerManifest({ metadata: { name: `server-${i}`, namespace: NS }, spec: { image: IMAGE, transport: 'streamable-http', groupRef: { name: 'tools' } } });
      const c = new BareComponent(`server-${i}`, m as unknown as k8s.apiextensions.CustomResourceArgs, [group.resource]);
      out.push(c, c.resource);
    }
    return out;
  };
}

/** N McpServer components referencing one McpGroup component. */
function components(n: number): () => pulumi.Resource[] {
  return () => {
    const group = new toolhive.McpGroup('tools', { metadata: { namespace: NS } });
    const out: pulumi.Resource[] = [group, group.resource];
    for (let i = 0; i < n; i++) {
      const s = new toolhive.McpServer(`server-${i}`, { metadata: { namespace: NS }, image: IMAGE, transport: 'streamable-http', groupRef: group });
      out.push(s, s.resource);
    }
    return out;
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchPulumi(): Promise<Row[]> {
  // warm-up: module loading, schema tables, JIT
  for (const f of [raw(100), bare(100), components(100)]) {
    await freshProgram();
    await time(f);
  }
  const rawRuns: Timing[] = [];
  const bareRuns: Timing[] = [];
  const componentRuns: Timing[] = [];
  const validateRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await freshProgram();
    rawRuns.push(await time(raw(N)));
    await freshProgram();
    bareRuns.push(await time(bare(N)));
    await freshProgram();
    componentRuns.push(await time(components(N)));
    const t = performance.now();
    await (toolhive.validate() as unknown as { promise(): Promise<unknown> }).promise();
    validateRuns.push(performance.now() - t);
  }
  // growth: the same programs at a tenth of the size (linear ≈ 10)
  const small = Math.max(1, Math.round(N / 10));
  const rawSmall: number[] = [];
  const componentSmall: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await freshProgram();
    rawSmall.push((await time(raw(small))).total);
    await freshProgram();
    componentSmall.push((await time(components(small))).total);
  }
  const rawTotal = median(rawRuns.map(r => r.total));
  const bareTotal = median(bareRuns.map(r => r.total));
  const componentTotal = median(componentRuns.map(r => r.total));
  return [
    { name: `raw CustomResources, ${N.toLocaleString('en')} MCPServers: construct`, value: median(rawRuns.map(r => r.construct)), unit: 'ms' },
    { name: `raw CustomResources, ${N.toLocaleString('en')} MCPServers: construct + register`, value: rawTotal, unit: 'ms', note: `median of ${ROUNDS}` },
    { name: `McpServer components, ${N.toLocaleString('en')}: construct (incl. per-object validation)`, value: median(componentRuns.map(r => r.construct)), unit: 'ms' },
    { name: `McpServer components, ${N.toLocaleString('en')}: construct + register`, value: componentTotal, unit: 'ms', note: `median of ${ROUNDS}` },
    { name: 'components / raw (construct + register)', value: componentTotal / rawTotal, unit: 'x', note: `anchor: bare component floor ${(bareTotal / rawTotal).toFixed(2)}x; goal <= 1.15` },
    { name: `bare ComponentResource + CustomResource, ${N.toLocaleString('en')}: construct + register`, value: bareTotal, unit: 'ms', note: 'the floor of any component' },
    { name: 'bare component / raw', value: bareTotal / rawTotal, unit: 'x', note: 'what registering a component costs by itself' },
    { name: 'components / bare component (the ToolHive logic: references, builder, validation)', value: componentTotal / bareTotal, unit: 'x' },
    { name: `validate(), whole program of ${(N + 1).toLocaleString('en')} objects`, value: median(validateRuns), unit: 'ms' },
    { name: `growth ${N.toLocaleString('en')} / ${small.toLocaleString('en')}: McpServer components`, value: componentTotal / median(componentSmall), unit: 'x', note: 'linear ≈ 10' },
    { name: `growth ${N.toLocaleString('en')} / ${small.toLocaleString('en')}: raw CustomResources`, value: rawTotal / median(rawSmall), unit: 'x', note: 'linear ≈ 10' },
  ];
}
