import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { errorLines } from './helpers';
import { McpGroup, McpServer, ToolHiveValidation } from '../../src';

interface Counters { _engineRuns: number; _collections: number }

function counters(app: App): Counters {
  return ToolHiveValidation.of(app) as unknown as Counters;
}

/** An App of `charts` charts, each with a group and two servers. */
function appWithCharts(charts: number): App {
  const app = new App({ outdir: Testing.app().outdir });
  ToolHiveValidation.of(app).configure({ printWarnings: false });
  for (let c = 0; c < charts; c++) {
    const chart = new Chart(app, `c${c}`, { namespace: `ns${c}` });
    const group = new McpGroup(chart, 'g');
    for (let i = 0; i < 2; i++) new McpServer(chart, `srv${i}`, { image: 'ghcr.io/x/y:1', group });
  }
  return app;
}

function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}

describe('the passes of one synth call share one result (the App\'s public synth methods mark the call)', () => {
  test('the synth methods are wrapped on the App instance only, once, and keep their results', () => {
    const app = appWithCharts(1);
    const wrapped = app.synthYaml;
    expect(Object.prototype.hasOwnProperty.call(app, 'synthYaml')).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(app, 'synth')).toBe(true);
    ToolHiveValidation.of(app);
    expect(app.synthYaml).toBe(wrapped);
    expect(app.synthYaml()).toContain('kind: MCPServer');
    expect(new App({ outdir: Testing.app().outdir }).synthYaml).toBe(App.prototype.synthYaml);
  });

  test('a root that is not an App gets no synth methods', () => {
    const root = new Construct(undefined as any, '');
    new McpGroup(new Chart(root, 'c'), 'g');
    expect(ToolHiveValidation.of(root)).toBeDefined();
    expect(Object.keys(root)).not.toContain('synth');
    expect((root as unknown as { synth?: unknown }).synth).toBeUndefined();
  });
});

describe('what synth writes is what the engine validated: each object\'s JSON is computed once per synth', () => {
  /** Counts calls of every ApiObject's toJson (the prototype's, which cdk8s and the validation call). */
  function countToJson(f: () => unknown): number {
    const original = ApiObject.prototype.toJson;
    let calls = 0;
    ApiObject.prototype.toJson = function counted(this: ApiObject) {
      calls++;
      return original.call(this);
    };
    try {
      f();
    } finally {
      ApiObject.prototype.toJson = original;
    }
    return calls;
  }

  test.each(['synthYaml', 'synth'] as const)('app.%s(): once per object, with three charts', method => {
    const app = appWithCharts(3);
    const objects = app.node.findAll().filter(c => ApiObject.isApiObject(c)).length;
    expect(countToJson(() => app[method]())).toBe(objects);
  });

  test('the output is the manifests the objects give, and after synth every object computes its JSON again', () => {
    const app = appWithCharts(1);
    const yaml = app.synthYaml();
    // a plain twin of the objects' JSON (computed now, after synth) writes the same YAML
    const twin = new App();
    const chart = new Chart(twin, 'twin');
    ToolHiveValidation.of(app).manifests().forEach((m, i) => new ApiObject(chart, `o${i}`, m as never));
    expect(twin.synthYaml()).toBe(yaml);
    const server = app.node.findAll().find((c): c is ApiObject => ApiObject.isApiObject(c) && c.kind === 'MCPServer')!;
    expect(Object.prototype.hasOwnProperty.call(server, 'toJson')).toBe(false);
    server.metadata.addLabel('changed', 'after-synth');
    expect((server.toJson() as { metadata: { labels: Record<string, string> } }).metadata.labels.changed).toBe('after-synth');
    expect(app.synthYaml()).toContain('changed: after-synth');
  });

  test('an object with its own toJson keeps it during synth', () => {
    const app = appWithCharts(1);
    const server = app.node.findAll().find((c): c is ApiObject => ApiObject.isApiObject(c) && c.kind === 'MCPServer')!;
    const own = server.toJson.bind(server);
    let calls = 0;
    Object.defineProperty(server, 'toJson', { configurable: true, writable: true, value: () => (calls++, own()) });
    app.synthYaml();
    // collected by the validation, then once more for the output: its own method is never replaced
    expect(calls).toBe(2);
    expect(Object.prototype.hasOwnProperty.call(server, 'toJson')).toBe(true);
  });
});

describe('one synth collects the objects once and runs the engine once, whatever the number of charts', () => {
  test('app.synthYaml() with three charts', () => {
    const app = appWithCharts(3);
    app.synthYaml();
    expect(counters(app)._collections).toBe(1);
    expect(counters(app)._engineRuns).toBe(1);
  });

  test('app.synth() with three charts', () => {
    const app = appWithCharts(3);
    app.synth();
    expect(counters(app)._collections).toBe(1);
    expect(counters(app)._engineRuns).toBe(1);
  });

  test('a second synth of an unchanged App collects again (once) and reuses the engine result', () => {
    const app = appWithCharts(3);
    app.synthYaml();
    app.synth();
    expect(counters(app)._collections).toBe(2);
    expect(counters(app)._engineRuns).toBe(1);
  });

  test('a Chart subclass that overrides toJson() needs no special case: one collection', () => {
    const app = new App({ outdir: Testing.app().outdir });
    class Passthrough extends Chart {
      public toJson(): any[] {
        return super.toJson();
      }
    }
    for (const id of ['a', 'b']) new McpServer(new Passthrough(app, id, { namespace: id }), 'srv', { image: 'ghcr.io/x/y:1' });
    app.synthYaml();
    expect(counters(app)._collections).toBe(1);
    expect(counters(app)._engineRuns).toBe(1);
  });

  test('a Chart subclass whose toJson() adds an object during synth: the later pass collects and finds it', () => {
    const app = new App({ outdir: Testing.app().outdir });
    ToolHiveValidation.of(app).configure({ printWarnings: false });
    class Growing extends Chart {
      public toJson(): any[] {
        if (!this.node.tryFindChild('late')) new McpServer(this, 'late', { image: 'ghcr.io/x/y:1', proxyPort: 0 });
        return super.toJson();
      }
    }
    new McpServer(new Growing(app, 'a'), 'srv', { image: 'ghcr.io/x/y:1' });
    expect(thrown(() => app.synthYaml())).toContain('[a/late] spec.proxyPort: Invalid value: 0');
    expect(counters(app)._collections).toBe(2);
  });
});

describe('what only a construct can tell reads the pass\'s result', () => {
  test('a cross-namespace reference is reported without collecting again', () => {
    const app = appWithCharts(2);
    const group = (app.node.findChild('c0') as Chart).node.findChild('g') as McpGroup;
    new McpGroup(app.node.findChild('c1') as Chart, 'same-name', { metadata: { name: group.name } });
    new McpServer(app.node.findChild('c1') as Chart, 'cross', { image: 'ghcr.io/x/y:1', group });
    expect(thrown(() => app.synthYaml())).toContain('[c1/cross] spec.groupRef: MCPServer');
    expect(counters(app)._collections).toBe(1);
    expect(counters(app)._engineRuns).toBe(1);
  });

  test('with validation switched off, nothing is collected and nothing is reported', () => {
    const app = appWithCharts(2);
    ToolHiveValidation.of(app).configure({ enabled: false });
    const group = (app.node.findChild('c0') as Chart).node.findChild('g') as McpGroup;
    new McpGroup(app.node.findChild('c1') as Chart, 'same-name', { metadata: { name: group.name } });
    new McpServer(app.node.findChild('c1') as Chart, 'cross', { image: 'ghcr.io/x/y:1', group });
    expect(() => app.synthYaml()).not.toThrow();
    expect(counters(app)._collections).toBe(0);
  });
});

describe('changes between passes are still found', () => {
  const PROXY_PORT_0 = 'spec.proxyPort: Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1 (schema.minimum)';

  test('fails on an object added between two app.synthYaml() calls', () => {
    const app = appWithCharts(2);
    app.synthYaml();
    new McpServer(app.node.findChild('c1') as Chart, 'bad', { image: 'ghcr.io/x/y:1', proxyPort: 0 });
    expect(thrown(() => app.synthYaml())).toContain(`[c1/bad] ${PROXY_PORT_0}`);
    expect(counters(app)._engineRuns).toBe(2);
  });

  test('fails on a JSON patch added between two app.synth() calls', () => {
    const app = appWithCharts(2);
    app.synth();
    const srv = (app.node.findChild('c0') as Chart).node.findChild('srv1') as McpServer;
    srv.apiObject.addJsonPatch(JsonPatch.add('/spec/proxyPort', 0));
    expect(thrown(() => app.synth())).toContain(`[c0/srv1] ${PROXY_PORT_0}`);
  });

  test('fails on a change made between app.synthYaml() and Testing.synth(chart)', () => {
    const app = appWithCharts(1);
    app.synthYaml();
    const chart = app.node.findChild('c0') as Chart;
    new McpServer(chart, 'bad', { image: 'ghcr.io/x/y:1', proxyPort: 0 });
    expect(errorLines(chart)).toEqual([`[c0/bad] ${PROXY_PORT_0}`]);
  });

  test('fails on a change made after a synth, found by a chart\'s toJson() called directly', () => {
    const app = appWithCharts(1);
    app.synthYaml();
    const chart = app.node.findChild('c0') as Chart;
    new McpServer(chart, 'bad', { image: 'ghcr.io/x/y:1', proxyPort: 0 });
    expect(thrown(() => chart.toJson())).toContain(`[c0/bad] ${PROXY_PORT_0}`);
  });

  test('fails on a construct replaced by another that emits the same manifest (its errors are reported on the new one)', () => {
    const chart = Testing.chart();
    new McpServer(chart, 'old', { metadata: { name: 'srv' }, image: 'ghcr.io/x/y:1', proxyPort: 0 });
    expect(errorLines(chart)).toEqual([`[test/old] ${PROXY_PORT_0}`]);
    chart.node.tryRemoveChild('old');
    new McpServer(chart, 'new', { metadata: { name: 'srv' }, image: 'ghcr.io/x/y:1', proxyPort: 0 });
    expect(errorLines(chart)).toEqual([`[test/new] ${PROXY_PORT_0}`]);
  });

  test('fails on an error of a second App synthesized between the passes of the first', () => {
    const good = appWithCharts(1);
    const bad = appWithCharts(1);
    new McpServer(bad.node.findChild('c0') as Chart, 'bad', { image: 'ghcr.io/x/y:1', proxyPort: 0 });
    good.synthYaml();
    expect(thrown(() => bad.synthYaml())).toContain(`[c0/bad] ${PROXY_PORT_0}`);
    expect(() => good.synthYaml()).not.toThrow();
  });
});
