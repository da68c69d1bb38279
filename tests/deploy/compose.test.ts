// docker-compose.yml without Docker: the file renders the way `docker compose config` would render
// it (interpolation as in the Compose specification), every variable it and the Caddyfile use is
// documented in .env.example, no secret is written into it, and the stack has what the README
// promises. Where Docker exists, `.ci/run` also runs `docker compose config -q`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { paths } from '../../src/paths.js';

const read = (file: string) => readFileSync(join(paths.root, file), 'utf8');
const composeText = read('docker-compose.yml');
const caddyfile = read('deploy/Caddyfile');
const envExample = read('.env.example');

class MissingVariable extends Error {}

/** Compose interpolation: $$, $NAME, ${NAME}, ${NAME:-x} ${NAME-x} ${NAME:?e} ${NAME?e} ${NAME:+x} ${NAME+x}, nested. */
export function interpolate(text: string, env: Record<string, string | undefined>): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      let depth = 1;
      let j = i + 2;
      for (; j < text.length && depth > 0; j++) {
        if (text[j] === '$' && text[j + 1] === '$') j++;
        else if (text[j] === '$' && text[j + 1] === '{') {
          depth++;
          j++;
        } else if (text[j] === '}') depth--;
      }
      if (depth !== 0) throw new Error(`unclosed \${ at ${i}`);
      out += expand(text.slice(i + 2, j - 1), env);
      i = j;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
      if (!m) {
        out += '$';
        i++;
        continue;
      }
      out += env[m[0]] ?? '';
      i += 1 + m[0].length;
    }
  }
  return out;
}

function expand(expr: string, env: Record<string, string | undefined>): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(expr);
  if (!m) throw new Error(`unsupported interpolation \${${expr}}`);
  const [, name, op, rest = ''] = m;
  const value = env[name!];
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  switch (op) {
    case undefined:
      return value ?? '';
    case ':-':
      return nonEmpty ? value! : interpolate(rest, env);
    case '-':
      return set ? value! : interpolate(rest, env);
    case ':?':
      if (!nonEmpty) throw new MissingVariable(`${name}: ${interpolate(rest, env)}`);
      return value!;
    case '?':
      if (!set) throw new MissingVariable(`${name}: ${interpolate(rest, env)}`);
      return value!;
    case ':+':
      return nonEmpty ? interpolate(rest, env) : '';
    case '+':
      return set ? interpolate(rest, env) : '';
    default:
      throw new Error(`unsupported operator ${op}`);
  }
}

/** Compose interpolates values, after parsing (keys and comments are left alone). */
function interpolateValues(node: unknown, env: Record<string, string | undefined>): unknown {
  if (typeof node === 'string') return interpolate(node, env);
  if (Array.isArray(node)) return node.map((n) => interpolateValues(n, env));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolateValues(v, env)]));
  return node;
}

function stringValues(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) stringValues(n, out);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) stringValues(v, out);
  return out;
}

/** Names a text refers to: ${NAME...} and $NAME, never $$NAME (that one is the container's). */
function referencedNames(text: string): Set<string> {
  const names = new Set<string>();
  const cleaned = text.replace(/\$\$/g, '');
  for (const m of cleaned.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]!);
  for (const m of cleaned.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]!);
  return names;
}

/** Variables .env.example documents, set (NAME=) or commented out (# NAME=). */
const documented = new Set([...envExample.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));

/** What an operator's .env holds for the stack (the values are placeholders for this check). */
const stackEnv: Record<string, string> = {
  CARERELAY_DOMAIN: 'chat.example-clinic.org',
  MATTERMOST_DOMAIN: 'nurses.example-clinic.org',
  ACME_EMAIL: 'it@example-clinic.org',
  POSTGRES_PASSWORD: 'pgpass0123456789',
  MATTERMOST_DB_PASSWORD: 'mmpass0123456789',
  REDIS_PASSWORD: 'redispass0123456',
};

type Service = {
  image?: string;
  build?: unknown;
  ports?: unknown[];
  expose?: unknown[];
  environment?: Record<string, string>;
  env_file?: { path: string; required: boolean }[];
  volumes?: (string | { type: string; source: string; target: string; read_only?: boolean; bind?: { create_host_path?: boolean } })[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  command?: string[];
};
const parsed = parse(composeText) as unknown;
const render = (env: Record<string, string>) => interpolateValues(parsed, env) as { services: Record<string, Service>; volumes: Record<string, unknown> };

describe('docker-compose.yml', () => {
  it('documents every variable it and the Caddyfile use in .env.example', () => {
    const caddy = caddyfile.split('\n').filter((l) => !l.trim().startsWith('#')).join('\n');
    const used = new Set([...referencedNames(stringValues(parsed).join('\n')), ...[...caddy.matchAll(/\{\$([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!)]);
    const undocumented = [...used].filter((name) => !documented.has(name));
    expect(undocumented).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });

  it('renders with the documented settings, and names what is missing without them', () => {
    const stack = render(stackEnv);
    expect(JSON.stringify(stack)).not.toMatch(/\$\{/);
    expect(Object.keys(stack.services).sort()).toEqual(['app', 'caddy', 'db', 'mattermost', 'mattermost-db', 'redis']);
    // Each required secret is named when missing (what `docker compose config` prints).
    for (const name of ['POSTGRES_PASSWORD', 'MATTERMOST_DB_PASSWORD', 'REDIS_PASSWORD', 'CARERELAY_DOMAIN', 'MATTERMOST_DOMAIN', 'ACME_EMAIL']) {
      const { [name]: _dropped, ...without } = stackEnv;
      expect(() => render(without), name).toThrow(new RegExp(`^${name}: set ${name} in \\.env`));
    }
  });

  it('wires the services together, and .env wins over every default', () => {
    const { services } = render(stackEnv);
    const app = services.app!.environment!;
    expect(app.DATABASE_URL).toBe('postgres://carerelay:pgpass0123456789@db:5432/carerelay');
    expect(app.REDIS_URL).toBe('redis://:redispass0123456@redis:6379');
    expect(app.PUBLIC_URL).toBe('https://chat.example-clinic.org');
    expect(services.mattermost!.environment!.MM_SQLSETTINGS_DATASOURCE).toBe('postgres://mmuser:mmpass0123456789@mattermost-db:5432/mattermost?sslmode=disable&connect_timeout=10');
    const own = render({ ...stackEnv, DATABASE_URL: 'postgres://u:p@elsewhere:5432/x', PUBLIC_URL: 'https://other.example', NODE_ENV: 'development' }).services.app!.environment!;
    expect(own).toMatchObject({ DATABASE_URL: 'postgres://u:p@elsewhere:5432/x', PUBLIC_URL: 'https://other.example', NODE_ENV: 'development' });
  });

  it('overrides no .env setting silently: the app environment is ${SAME_NAME...} or marked FIXED in the file', () => {
    const raw = parse(composeText) as { services: Record<string, Service> };
    const fixed: string[] = [];
    for (const [key, value] of Object.entries(raw.services.app!.environment!)) {
      if (String(value).startsWith(`\${${key}:-`) || String(value).startsWith(`\${${key}}`)) continue;
      fixed.push(key);
    }
    expect(fixed.sort()).toEqual(['HOST', 'PORT', 'STAFF_FILE']);
    const appBlock = composeText.slice(composeText.indexOf('\n  app:'), composeText.indexOf('\n  db:'));
    for (const key of fixed) {
      const line = appBlock.split('\n').findIndex((l) => l.trim().startsWith(`${key}:`));
      const above = appBlock.split('\n').slice(Math.max(0, line - 3), line).join('\n');
      expect(above, key).toMatch(/FIXED/);
    }
    expect(raw.services.app!.env_file).toEqual([{ path: '.env', required: true }]);
  });

  it('writes no secret into the file: passwords, tokens and keys only from the environment', () => {
    const raw = parse(composeText) as { services: Record<string, Service> };
    for (const [name, service] of Object.entries(raw.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/(PASSWORD|SECRET|TOKEN|API_KEY)$/.test(key)) expect(String(value), `${name}.${key}`).toMatch(/^\$\{[A-Z_]+[:?]/);
        // Connection strings carry their password as a variable, never as text.
        const credentials = /:\/\/[^:/@\s]*:([^@\s]+)@/.exec(String(value));
        if (credentials) expect(credentials[1], `${name}.${key}`).toMatch(/^\$\{[A-Z_]+/);
      }
    }
    expect(composeText).not.toMatch(/^\s*[\w-]*password[\w-]*:\s*(?!\$\{)\S+/im);
  });

  it('scales the app behind Caddy with TLS: no host port but Caddy’s, knowledge and roster from the host, health everywhere', () => {
    const { services, volumes } = render(stackEnv);
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test, `${name} healthcheck`).toBeDefined();
      expect(service.restart, `${name} restart`).toBe('unless-stopped');
      if (name !== 'caddy') expect(service.ports, `${name} publishes no host port`).toBeUndefined();
    }
    expect(services.caddy!.ports).toEqual(['80:80', '443:443', '443:443/udp']);
    expect(services.mattermost!.image).toMatch(/^mattermost\/mattermost-team-edition:\d+\.\d+\.\d+$/);
    expect(services.app!.volumes).toContain('./knowledge:/app/knowledge:ro');
    expect(services.app!.volumes).toContainEqual({ type: 'bind', source: './staff.yaml', target: '/config/staff.yaml', read_only: true, bind: { create_host_path: false } });
    expect(render({ ...stackEnv, STAFF_FILE: '/srv/clinic/staff.yaml' }).services.app!.volumes).toContainEqual(expect.objectContaining({ source: '/srv/clinic/staff.yaml' }));
    for (const [name, service] of Object.entries(services)) {
      for (const v of service.volumes ?? []) {
        const source = typeof v === 'string' ? v.split(':')[0]! : v.source;
        if (!source.startsWith('.') && !source.startsWith('/')) expect(volumes, `${name}: named volume ${source}`).toHaveProperty(source);
      }
    }
    expect(services.app!.depends_on).toEqual({ db: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    // Caddy: automatic HTTPS for both names, every app instance, /metrics kept off the internet.
    expect(caddyfile).toMatch(/^\{\$CARERELAY_DOMAIN\} \{$/m);
    expect(caddyfile).toMatch(/^\{\$MATTERMOST_DOMAIN\} \{$/m);
    expect(caddyfile).toMatch(/dynamic a app 3000/);
    expect(caddyfile).toMatch(/respond @metrics 404/);
    expect(caddyfile).not.toMatch(/tls internal|auto_https off/);
  });

  it('ships a .dockerignore that keeps secrets, dependencies and local data out of the build', () => {
    const ignore = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['.env', 'node_modules', 'data', 'dist', '.git', 'staff.yaml']) expect(ignore).toContain(entry);
    expect(ignore).toContain('!.env.example');
  });

  it('interpolates like Compose', () => {
    expect(interpolate('a $$X ${A:-${B:-z}} ${C-d} ${E:+yes}$F', { B: 'b', C: '', E: 'e', F: 'f' })).toBe('a $X b  yesf');
    expect(() => interpolate('${A:?need A}', {})).toThrow('A: need A');
    expect(interpolate('${A?x}', { A: '' })).toBe('');
  });
});
