/**
 * Pulumi's own mock runtime (`pulumi.runtime.setMocks`), plus a record of every registration request the
 * mock monitor receives: type, name, parent, dependencies and inputs, as the engine would get them.
 */
import * as pulumi from '@pulumi/pulumi';

export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly parent: string;
  readonly custom: boolean;
  readonly dependencies: readonly string[];
  readonly inputs: Record<string, unknown>;
}

let stacks = 0;

/**
 * Starts a fresh mocked program (its own mock monitor, so its own ToolHive set) and returns the list
 * that fills as resources register.
 */
export async function mockProgram(options: {
  preview?: boolean;
  project?: string;
  /** @default a new name per program */
  stack?: string;
  /** The output state the mock engine returns for a resource. @default its inputs */
  state?: (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown>;
} = {}): Promise<Registration[]> {
  await drain();
  const registrations: Registration[] = [];
  const stack = options.stack ?? `test-${process.pid}-${++stacks}`;
  const project = options.project ?? 'toolhive';
  await pulumi.runtime.setMocks({
    newResource: args => ({ id: `${args.name}-id`, state: options.state ? options.state(args) : args.inputs }),
    call: args => args.inputs,
  }, project, stack, options.preview ?? false);
  const monitor = (pulumi.runtime as unknown as { getMonitor(): Monitor }).getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    const parent = req.getParent();
    const type = req.getType();
    const name = req.getName();
    registrations.push({
      type,
      name,
      urn: urnOf(project, stack, parent, type, name),
      parent,
      custom: req.getCustom(),
      dependencies: req.getDependenciesList(),
      inputs: (pulumi.runtime as unknown as { deserializeProperties(o: unknown): Record<string, unknown> }).deserializeProperties(req.getObject()),
    });
    return register(req, callback);
  };
  return registrations;
}

interface RegisterRequest {
  getParent(): string;
  getType(): string;
  getName(): string;
  getCustom(): boolean;
  getDependenciesList(): string[];
  getObject(): unknown;
}

interface Monitor {
  registerResource(req: RegisterRequest, callback: (err: unknown, resp: unknown) => void): unknown;
}

/** The mock monitor's URN scheme. */
function urnOf(project: string, stack: string, parent: string, type: string, name: string): string {
  const qualified = parent ? `${parent.split('::')[2]}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** Waits until the previous program's registrations have all reached its mock monitor. */
export async function drain(): Promise<void> {
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/** The value of an Output (rejects when the Output fails). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}

/** Waits until every registration in flight has reached the mock monitor. */
export async function settle(...outputs: pulumi.Output<unknown>[]): Promise<void> {
  await Promise.all(outputs.map(o => valueOf(o)));
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

/** The secret wrapper Pulumi puts around a secret value on the wire. */
const SECRET_SIG = '4dabf18193072939515e22adb298388d';

/** True when a deserialized input value is marked secret. */
export function isSecretInput(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[SECRET_SIG] === '1b47061264138c4ac30d75fd1eb44270';
}

/** The registrations of custom resources (the children), by `kind/name` of their manifest. */
export function customResources(registrations: readonly Registration[]): Registration[] {
  return registrations.filter(r => r.custom && r.type.startsWith('kubernetes:toolhive.stacklok.dev/'));
}

/** The custom resource registered for ToolHive object `kind`/`name`. */
export function customResource(registrations: readonly Registration[], kind: string, name: string): Registration {
  const found = customResources(registrations).find(r => r.inputs.kind === kind && (r.inputs.metadata as { name?: string }).name === name);
  if (!found) throw new Error(`no ${kind} ${name} registered`);
  return found;
}
