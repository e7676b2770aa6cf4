/**
 * Runs one program of this folder under Pulumi's mock runtime, in its own process, failing the way the Pulumi
 * runtime fails a program: an error thrown by the program, or an unhandled rejection (how an Output that fails
 * inside `apply` surfaces), is the program's error, reported on its resource. Prints the outcome as JSON.
 *
 *   node -r ts-node/register/transpile-only test/pulumi/programs/run.ts test/pulumi/programs/<program>.ts
 */
import * as path from 'path';
import * as pulumi from '@pulumi/pulumi';
import { ToolHiveValidationError } from '../../../src/pulumi';

interface Registered { readonly type: string; readonly name: string; readonly inputs: unknown }

const failures = new Set<unknown>();
let rejections = 0;
process.on('unhandledRejection', e => {
  rejections++;
  failures.add(e);
});
process.on('uncaughtException', e => failures.add(e));

async function describe(e: unknown): Promise<Record<string, unknown>> {
  if (!(e instanceof Error)) return { message: String(e) };
  const resource = (e as pulumi.ResourceError).resource;
  const urn = resource ? await (resource.urn as unknown as { promise(): Promise<string> }).promise() : undefined;
  return {
    name: e.name,
    message: e.message,
    resourceError: pulumi.ResourceError.isInstance(e),
    urn,
    ...(ToolHiveValidationError.isToolHiveValidationError(e) ? { violations: e.violations, errors: e.errors } : {}),
  };
}

async function quiet(registered: readonly Registered[]): Promise<void> {
  let last = -1;
  while (last !== registered.length) {
    last = registered.length;
    await new Promise(r => setTimeout(r, 150));
  }
}

async function main(): Promise<void> {
  const registered: Registered[] = [];
  await pulumi.runtime.setMocks({
    newResource: args => {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call: args => args.inputs,
  }, 'toolhive', 'programs');
  const program = (await import(path.resolve(process.argv[2]))) as { default: () => unknown };
  try {
    await program.default();
  } catch (e) {
    failures.add(e);
  }
  await quiet(registered);
  const errors = await Promise.all([...failures].map(describe));
  process.stdout.write(JSON.stringify({ registered: registered.map(r => ({ type: r.type, name: r.name })), errors, rejections }));
  process.exit(0);
}

void main();
