/** `configure({ strict: true })`: warnings fail synth like errors, through the engine's `failures()`. */
import { Testing } from 'cdk8s';
import { McpServer, ToolHiveValidation } from '../../src';

const IMAGE = 'ghcr.io/stackloklabs/gofetch/server:1.0.1';

function stdioWithReplicas() {
  const chart = Testing.chart();
  new McpServer(chart, 'fetch', { image: IMAGE, transport: 'stdio', replicas: 2 });
  return chart;
}

describe('strict', () => {
  test('passes a warning by default, printing it', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const chart = stdioWithReplicas();
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(warn.mock.calls.map(c => String(c[0]))).toContain(
      '[test/fetch] warning: spec.replicas: stdio transport requires exactly 1 replica; deployment will use 1 regardless of spec.replicas (operator.mcpserver.stdio-replicas)');
    warn.mockRestore();
  });

  test('fails the same warning under strict, on its construct', () => {
    const chart = stdioWithReplicas();
    ToolHiveValidation.of(chart).configure({ strict: true });
    expect(() => Testing.synth(chart)).toThrow(
      '[test/fetch] spec.replicas: stdio transport requires exactly 1 replica; deployment will use 1 regardless of spec.replicas (operator.mcpserver.stdio-replicas)');
  });
});
