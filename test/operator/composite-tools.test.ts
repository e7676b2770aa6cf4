import { copy, findings, messages, toolhive } from './config-fixtures';

type Spec = Record<string, unknown>;

/** A valid two-step workflow: fetch an issue, then summarise it. */
const DEPLOY: Spec = {
  name: 'triage_issue',
  description: 'Fetch an issue and summarise it',
  parameters: { type: 'object', properties: { repo: { type: 'string' }, number: { type: 'integer' } }, required: ['repo', 'number'] },
  steps: [
    { id: 'fetch', type: 'tool', tool: 'github.get_issue', arguments: { repo: '{{ .params.repo }}', number: '{{ .params.number }}' } },
    { id: 'summarize', type: 'tool', tool: 'llm.summarize', dependsOn: ['fetch'], arguments: { text: '{{ .steps.fetch.output.body | json }}' } },
  ],
  output: { properties: { summary: { type: 'string', value: '{{ .steps.summarize.output.text }}' } } },
};

function definition(patch: (s: Spec) => void = () => undefined, name = 'triage'): ReturnType<typeof toolhive> {
  const spec = copy(DEPLOY);
  patch(spec);
  return toolhive('VirtualMCPCompositeToolDefinition', name, spec);
}

const steps = (s: Spec) => s.steps as Spec[];
const group = toolhive('MCPGroup', 'team', {});
const vmcp = (config: Spec) => toolhive('VirtualMCPServer', 'gateway', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' }, config });

describe('composite tool required fields', () => {
  const rule = 'operator.composite-tool.fields';

  it('accepts a complete definition', () => {
    expect(findings([definition()])).toEqual([]);
  });

  it('rejects a definition without a description (Go requires it, the CRD does not)', () => {
    expect(findings([definition(s => delete s.description)])).toEqual([{
      kind: 'VirtualMCPCompositeToolDefinition',
      name: 'triage',
      path: 'spec.description',
      rule,
      severity: 'error',
      message: 'spec.description is required',
    }]);
  });

  it('rejects an empty name and an empty step list', () => {
    expect(messages([definition(s => {
      s.name = '';
      s.steps = [];
    })], rule)).toEqual(['spec.name is required', 'spec.steps must have at least one step']);
  });

  it('rejects parameters that are not an object schema', () => {
    expect(messages([definition(s => {
      s.parameters = { properties: {} };
    })], rule)).toEqual(['spec.parameters: must have \'type\' field (should be \'object\' for JSON Schema)']);
    expect(messages([definition(s => {
      s.parameters = { type: 'array' };
    })], rule)).toEqual(['spec.parameters: \'type\' must be \'object\' (got \'array\')']);
  });
});

describe('composite tool step ids', () => {
  const rule = 'operator.composite-tool.step-id';

  it('rejects a duplicated step id', () => {
    expect(findings([definition(s => {
      steps(s)[1].id = 'fetch';
      steps(s)[1].dependsOn = [];
    })])).toEqual([{
      kind: 'VirtualMCPCompositeToolDefinition',
      name: 'triage',
      path: 'spec.steps[1].id',
      rule,
      severity: 'error',
      message: 'spec.steps[1].id "fetch" is duplicated',
    }]);
  });

  it('rejects an empty step id', () => {
    expect(messages([definition(s => {
      steps(s)[0].id = '';
    })], rule)).toEqual(['spec.steps[0].id is required']);
  });
});

describe('composite tool steps', () => {
  const rule = 'operator.composite-tool.step';

  it('accepts elicitation and forEach steps', () => {
    expect(findings([definition(s => {
      s.steps = [
        { id: 'confirm', type: 'elicitation', message: 'Deploy {{ .params.repo }}?', schema: { type: 'object' } },
        {
          id: 'each',
          type: 'forEach',
          collection: '{{ json .params.items }}',
          itemVar: 'item',
          maxParallel: 5,
          maxIterations: 100,
          step: { type: 'tool', tool: 'github.label', arguments: { label: '{{ .forEach.item }}' } },
          dependsOn: ['confirm'],
        },
      ];
      delete s.output;
    })])).toEqual([]);
  });

  it('rejects a step without a tool (type defaults to tool)', () => {
    expect(findings([definition(s => {
      s.steps = [{ id: 'ask', message: 'Continue?' }];
      delete s.output;
    })])).toEqual([{
      kind: 'VirtualMCPCompositeToolDefinition',
      name: 'triage',
      path: 'spec.steps[0].tool',
      rule,
      severity: 'error',
      message: 'spec.steps[0].tool is required when type is tool',
    }]);
  });

  it.each([
    [{ id: 's', tool: '-bad name' }, 'spec.steps[0].tool must be a valid tool name'],
    [{ id: 's', type: 'elicitation' }, 'spec.steps[0].message is required when type is elicitation'],
    [{ id: 's', tool: 'x', onError: { action: 'retry' } }, 'spec.steps[0].onError.retryCount must be at least 1 when action is retry'],
    [{ id: 's', type: 'forEach', tool: 'x', collection: '{{ .params.items }}', step: { tool: 'y' } }, 'spec.steps[0]: forEach step must not have \'tool\' field'],
    [{ id: 's', type: 'forEach', step: { tool: 'y' } }, 'spec.steps[0].collection is required for forEach steps'],
    [{ id: 's', type: 'forEach', collection: '{{ .params.items }}' }, 'spec.steps[0].step is required for forEach steps'],
    [{ id: 's', type: 'forEach', collection: '{{ .params.items }}', step: { type: 'elicitation', message: 'x' } },
      'spec.steps[0].step.type must be \'tool\' (got "elicitation"); only tool inner steps are supported'],
    [{ id: 's', type: 'forEach', collection: '{{ .params.items }}', step: {} }, 'spec.steps[0].step.tool is required for tool inner steps'],
    [{ id: 's', type: 'forEach', collection: '{{ .params.items }}', step: { tool: 'y' }, itemVar: 'my-item' }, 'spec.steps[0].itemVar must be a valid Go identifier (got "my-item")'],
    [{ id: 's', type: 'forEach', collection: '{{ .params.items }}', step: { tool: 'y' }, itemVar: 'index' }, 'spec.steps[0].itemVar cannot be \'index\' (reserved)'],
    [{ id: 's', type: 'forEach', collection: '{{ .params.items }}', step: { tool: 'y' }, maxParallel: 51 }, 'spec.steps[0].maxParallel must be <= 50 (got 51)'],
    [{ id: 's', type: 'forEach', collection: '{{ .params.items }}', step: { tool: 'y' }, maxIterations: -1 }, 'spec.steps[0].maxIterations must be non-negative'],
    [{ id: 's', type: 'forEach', collection: '{{ .params.items }}', step: { tool: 'y' }, maxIterations: 1001 }, 'spec.steps[0].maxIterations must be <= 1000 (got 1001)'],
  ])('rejects the step %j', (step, message) => {
    expect(messages([definition(s => {
      s.steps = [step];
      delete s.output;
    })], rule)).toEqual([message]);
  });

  it('accepts a retry with a retryCount', () => {
    expect(findings([definition(s => {
      steps(s)[0].onError = { action: 'retry', retryCount: 3, retryDelay: '2s' };
    })])).toEqual([]);
  });
});

describe('composite tool templates', () => {
  const rule = 'operator.composite-tool.template';

  it('accepts the builtin and toolhive template functions', () => {
    expect(findings([definition(s => {
      steps(s)[1].arguments = { text: '{{ printf "%s: %s" .params.repo (index .steps.fetch.output "title") | quote }}', raw: '{{ fromJson .steps.fetch.output.body }}' };
      steps(s)[1].condition = '{{ if and .params.repo (gt (len .params.repo) 0) }}true{{ else }}false{{ end }}';
      steps(s)[1].defaultResults = { text: '' };
    })])).toEqual([]);
  });

  it('rejects an argument template with an unclosed action', () => {
    expect(findings([definition(s => {
      steps(s)[0].arguments = { repo: '{{ .params.repo' };
    })])).toEqual([{
      kind: 'VirtualMCPCompositeToolDefinition',
      name: 'triage',
      path: 'spec.steps[0].arguments[repo]',
      rule,
      severity: 'error',
      message: 'spec.steps[0].arguments[repo]: invalid template: invalid template syntax: template: validation:1: unclosed action',
    }]);
  });

  it.each([
    ['condition', '{{ if .params.x }}yes', 'spec.steps[0].condition: invalid template: invalid template syntax: template: validation:1: unexpected EOF'],
    ['condition', '{{ toUpper .params.x }}', 'spec.steps[0].condition: invalid template: invalid template syntax: template: validation:1: function "toUpper" not defined'],
    ['condition', 'x {{ end }}', 'spec.steps[0].condition: invalid template: invalid template syntax: template: validation:1: unexpected {{end}}'],
  ])('rejects the %s template %j', (field, template, message) => {
    expect(messages([definition(s => {
      steps(s)[0][field] = template;
      delete s.output;
      steps(s)[1].arguments = {};
    })], rule)).toEqual([message]);
  });

  it('rejects a bad forEach collection and inner-step argument', () => {
    const each = (collection: string, args: Spec) => definition(s => {
      s.steps = [{ id: 'each', type: 'forEach', collection, step: { tool: 'y', arguments: args } }];
      delete s.output;
    });
    expect(messages([each('{{ .params.items ', {})], rule)).toEqual([
      'spec.steps[0].collection: invalid template: invalid template syntax: template: validation:1: unclosed action',
    ]);
    expect(messages([each('{{ .params.items }}', { a: '{{ .forEach.item }}}', b: '{{ "x }}' })], rule)).toEqual([
      'spec.steps[0].step.arguments[b]: invalid template: invalid template syntax: template: validation:1: unterminated quoted string',
    ]);
  });
});

describe('composite tool dependencies', () => {
  const rule = 'operator.composite-tool.depends-on';

  it('rejects an unknown dependency', () => {
    expect(findings([definition(s => {
      steps(s)[1].dependsOn = ['fetch', 'lint'];
    })])).toEqual([{
      kind: 'VirtualMCPCompositeToolDefinition',
      name: 'triage',
      path: 'spec.steps[1].dependsOn',
      rule,
      severity: 'error',
      message: 'spec.steps[1].dependsOn references unknown step "lint"',
    }]);
  });

  it('rejects a dependency cycle', () => {
    expect(messages([definition(s => {
      steps(s)[0].dependsOn = ['summarize'];
    })], rule)).toEqual(['spec.steps: dependency cycle detected involving step "fetch"']);
  });
});

describe('composite tool default results for skippable steps', () => {
  const rule = 'operator.composite-tool.default-results';

  it('accepts a skippable step whose read fields have defaults', () => {
    expect(findings([definition(s => {
      steps(s)[0].condition = '{{ .params.repo }}';
      steps(s)[0].defaultResults = { body: '' };
    })])).toEqual([]);
  });

  it('rejects a conditional step whose output a later step reads without a default', () => {
    expect(findings([definition(s => {
      steps(s)[0].condition = '{{ .params.repo }}';
    })])).toEqual([{
      kind: 'VirtualMCPCompositeToolDefinition',
      name: 'triage',
      path: 'spec.steps[0].defaultResults',
      rule,
      severity: 'error',
      message: 'spec.steps[fetch].defaultResults[body] is required: step "fetch" may be skipped and field "body" is referenced by step summarize',
    }]);
  });

  it('rejects a continue-on-error step whose output the tool output reads without a default', () => {
    expect(messages([definition(s => {
      steps(s)[1].onError = { action: 'continue' };
    })], rule)).toEqual([
      'spec.steps[summarize].defaultResults[text] is required: step "summarize" may be skipped and field "text" is referenced by output',
    ]);
  });
});

describe('inline composite tools on a VirtualMCPServer', () => {
  it('accepts valid inline tools next to a referenced definition', () => {
    const other = copy(DEPLOY);
    other.name = 'triage_inline';
    expect(findings([group, definition(), vmcp({ compositeTools: [other], compositeToolRefs: [{ name: 'triage' }] })])).toEqual([]);
  });

  it('rejects an invalid inline tool with the spec.config.compositeTools prefix', () => {
    const tool = copy(DEPLOY);
    delete tool.description;
    expect(findings([group, vmcp({ compositeTools: [tool] })])).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.config.compositeTools[0].description',
      rule: 'operator.composite-tool.fields',
      severity: 'error',
      message: 'spec.config.compositeTools[0].description is required',
    }]);
  });

  it('rejects two inline tools with the same name', () => {
    expect(messages([group, vmcp({ compositeTools: [copy(DEPLOY), copy(DEPLOY)] })], 'operator.composite-tool.duplicate-name')).toEqual([
      'spec.config.compositeTools[1].name "triage_issue" is duplicated',
    ]);
  });

  it('rejects an inline tool and a referenced definition with the same name', () => {
    expect(findings([group, definition(), vmcp({ compositeTools: [copy(DEPLOY)], compositeToolRefs: [{ name: 'triage' }] })])).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.config.compositeToolRefs[0].name',
      rule: 'operator.composite-tool.duplicate-name',
      severity: 'error',
      message: 'invalid composite tools: duplicate composite tool name: "triage_issue"',
    }]);
  });

  it('rejects a definition referenced twice', () => {
    expect(messages([group, definition(), vmcp({ compositeToolRefs: [{ name: 'triage' }, { name: 'triage' }] })], 'operator.composite-tool.duplicate-name')).toEqual([
      'duplicate composite tool reference: triage',
    ]);
  });
});
