import { Testing } from 'cdk8s';
import { VirtualMcpCompositeToolDefinition } from '../../src';

test('VirtualMcpCompositeToolDefinition', () => {
  const chart = Testing.chart();
  new VirtualMcpCompositeToolDefinition(chart, 'triage', {
    name: 'triage_issue',
    description: 'Fetch an issue, then confirm before labelling it',
    parameters: { type: 'object', properties: { number: { type: 'integer' } }, required: ['number'] },
    steps: [
      { id: 'issue', tool: 'github_get_issue', arguments: { number: '{{.params.number}}' } },
      { id: 'confirm', type: 'elicitation', message: 'Label issue {{.params.number}} as triaged?', dependsOn: ['issue'] },
      { id: 'label', tool: 'github_add_label', arguments: { number: '{{.params.number}}', label: 'triaged' }, dependsOn: ['confirm'] },
    ],
    timeout: '5m',
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
