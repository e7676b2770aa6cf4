/**
 * Kubernetes Secrets and ConfigMaps of the program join the validated set when a component references them,
 * so a missing key is an error. A Secret joins with its key names only: its values never leave Pulumi's
 * secret Outputs.
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { promptly } from './known';
import type { Entry, ProgramRegistry } from './registry';
import type { KubeObject } from '../core/types';

/** What a Secret's values are replaced with in the validated set. */
export const REDACTED = '(redacted)';

interface Meta { readonly name?: string; readonly namespace?: string }

/** A Secret as validation sees it: metadata, type and key names, every value redacted. */
export function secretShape(meta: Meta, keys: readonly string[], type: string | undefined): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { ...(meta.name !== undefined ? { name: meta.name } : {}), ...(meta.namespace ? { namespace: meta.namespace } : {}) },
    ...(type ? { type } : {}),
    stringData: Object.fromEntries([...new Set(keys)].sort().map(k => [k, REDACTED])),
  };
}

type StringMap = { readonly [key: string]: string } | undefined;

/** The entry of a `k8s.core.v1.Secret` or `k8s.core.v1.ConfigMap` of the program, created on first reference. */
export function adoptedEntry(reg: ProgramRegistry, resource: pulumi.Resource): Entry {
  const known = reg.adopted.get(resource);
  if (known) return known;
  let entry: Entry;
  if (k8s.core.v1.Secret.isInstance(resource)) {
    const s = resource;
    const output = pulumi.all([s.metadata, pulumi.unsecret(s.data), pulumi.unsecret(s.stringData), s.type])
      .apply(([meta, data, stringData, type]) =>
        secretShape(meta ?? {}, [...Object.keys(data ?? {}), ...Object.keys(stringData ?? {})], type));
    const values = pulumi.all([pulumi.unsecret(s.data), pulumi.unsecret(s.stringData)]).apply(([data, stringData]) => [
      ...Object.values(stringData ?? {}),
      ...Object.values(data ?? {}).flatMap(v => [v, Buffer.from(v, 'base64').toString('utf8')]),
    ].filter((v): v is string => typeof v === 'string'));
    entry = { kind: 'Secret', resource, name: s.metadata.name, manifest: { prompt: false, output }, refs: [], externals: promptly([]), secrets: { prompt: false, output: values } };
  } else if (k8s.core.v1.ConfigMap.isInstance(resource)) {
    const c = resource;
    const output = pulumi.all([c.metadata, c.data, c.binaryData]).apply(([meta, data, binaryData]) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { ...(meta?.name !== undefined ? { name: meta.name } : {}), ...(meta?.namespace ? { namespace: meta.namespace } : {}) },
      ...(data ? { data: { ...(data as StringMap) } } : {}),
      ...(binaryData ? { binaryData: { ...(binaryData as StringMap) } } : {}),
    }) as KubeObject);
    entry = { kind: 'ConfigMap', resource, name: c.metadata.name, manifest: { prompt: false, output }, refs: [], externals: promptly([]) };
  } else {
    throw new Error('only ToolHive components, Secrets and ConfigMaps can be referenced');
  }
  reg.adopted.set(resource, entry);
  return entry;
}
