/**
 * What CI users copy: the pre-commit hooks, the GitHub Actions step in docs/cli.md, and docs/cli.md and `--help`
 * covering every flag, format and exit code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { REPO_ROOT } from './helpers';
import { OPTIONS, parseCommandArgs } from '../../src/cli/args';
import { COMMANDS } from '../../src/cli/main';
import { usageOf } from '../../src/cli/usage';

const CLI_MD = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const yamlBlocks = [...CLI_MD.matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => parse(m[1]));

interface Hook { id: string; entry: string; language: string; files?: string; args?: string[]; pass_filenames?: boolean; require_serial?: boolean }
const hooks = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** `toolhive-constructs validate ARGS` → the parsed arguments, through the real parser. */
function parseCommand(words: readonly string[]) {
  expect(words.slice(0, 2)).toEqual(['toolhive-constructs', 'validate']);
  return parseCommandArgs(COMMANDS.validate, words.slice(2));
}

describe('.pre-commit-hooks.yaml', () => {
  test('has the changed-files hook and the whole-set hook, both node hooks running the package command', () => {
    expect(hooks.map(h => h.id)).toEqual(['toolhive-validate', 'toolhive-validate-all']);
    for (const h of hooks) {
      expect(h.language).toBe('node');
      expect(Object.keys(pkg.bin)).toContain(h.entry.split(' ')[0]);
      expect(h.require_serial).toBe(true);
    }
  });

  test('the changed-files hook takes YAML and JSON files and parses with them', () => {
    const h = hooks[0];
    const files = new RegExp(h.files!);
    expect(['a.yaml', 'b/c.yml', 'd.json'].filter(f => files.test(f))).toHaveLength(3);
    expect(files.test('README.md')).toBe(false);
    expect(parseCommand([...h.entry.split(' '), ...(h.args ?? []), 'a.yaml', 'd.json'])).toMatchObject({ assumeExternal: true, paths: ['a.yaml', 'd.json'] });
  });

  test('the whole-set hook passes no file names: the user names the directories', () => {
    expect(hooks[1].pass_filenames).toBe(false);
  });

  test('npm pack builds lib/ and the bundled command first (pre-commit installs a hook repository with npm install, then npm pack)', () => {
    expect(pkg.scripts.prepack).toBe('projen compile');
    const tasks = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '.projen', 'tasks.json'), 'utf8')).tasks;
    expect(tasks.compile.steps).toEqual(expect.arrayContaining([{ spawn: 'bundle:cli' }]));
    expect(pkg.bin['toolhive-constructs']).toBe('lib/cli/bin.js');
  });

  test('docs/cli.md shows both hooks, from this package\'s repository', () => {
    const config = yamlBlocks.find(b => b && typeof b === 'object' && 'repos' in b) as { repos: { repo: string; hooks: { id: string; args?: string[] }[] }[] };
    expect(config.repos[0].repo).toBe(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''));
    expect(config.repos[0].hooks.map(h => h.id)).toEqual(hooks.map(h => h.id));
    const all = config.repos[0].hooks[1];
    expect(parseCommand([...hooks[1].entry.split(' '), ...all.args!])).toMatchObject({ external: ['Secret/github-token'], paths: ['manifests/'] });
  });
});

describe('the GitHub Actions job in docs/cli.md', () => {
  const job = (yamlBlocks.find(b => b && typeof b === 'object' && 'jobs' in b) as { jobs: Record<string, { permissions: Record<string, string>; steps: Record<string, any>[] }> }).jobs.toolhive;

  test('validates with --format sarif into a file and uploads that file with upload-sarif, even after a failure', () => {
    const run = job.steps.find(s => typeof s.run === 'string' && s.run.includes('toolhive-constructs'))!.run as string;
    const [command, redirect] = run.split('>').map(x => x.trim());
    const words = command.split(/\s+/);
    expect(words.slice(0, 2)).toEqual(['npx', '--yes']);
    expect(words[2]).toBe(`toolhive-constructs@${pkg.version}`);
    expect(parseCommand(['toolhive-constructs', ...words.slice(3)])).toMatchObject({ format: 'sarif', paths: ['manifests/'] });
    const upload = job.steps.find(s => typeof s.uses === 'string' && s.uses.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with.sarif_file).toBe(redirect);
    expect(upload.if).toBe('always()');
    expect(job.permissions['security-events']).toBe('write');
  });
});

describe('docs/cli.md and --help cover the whole command line', () => {
  test.each(Object.keys(COMMANDS))('every option of %s', command => {
    for (const option of COMMANDS[command].options) {
      expect(Object.keys(OPTIONS)).toContain(option);
      expect([command, CLI_MD.includes(`\`--${option}`)]).toEqual([command, true]);
      expect([command, usageOf(command).includes(`--${option}`)]).toEqual([command, true]);
    }
  });

  test.each(Object.keys(COMMANDS))('every format of %s', command => {
    for (const format of COMMANDS[command].formats) {
      expect([format, CLI_MD.includes(format)]).toEqual([format, true]);
      expect([format, usageOf(command).includes(format)]).toEqual([format, true]);
    }
    expect(CLI_MD).toContain(`--format ${COMMANDS[command].formats.join('|')}`);
  });

  test('the exit codes, in the docs table and in --help', () => {
    const table = CLI_MD.slice(CLI_MD.indexOf('## Exit status'));
    for (const code of ['| 0 |', '| 1 |', '| 2 |']) expect(table).toContain(code);
    expect(table).toContain('`--strict`');
    expect(usageOf('validate')).toMatch(/Exit status:\n {2}0 {2}.*\n {2}1 {2}.*--strict.*\n {2}2 {2}/);
  });

  test('no FILE:DOC reference is left in the docs', () => {
    expect(CLI_MD).not.toMatch(/FILE:DOC|\.yaml:\d+ [A-Z]/);
  });
});
