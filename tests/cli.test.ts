import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths } from '../src/paths.js';
import { measureSms } from '../src/render/index.js';

const bin = join(paths.root, 'bin', 'carerelay.js');
// `ask` needs no server and no services: run it with a clean environment.
const run = (args: string[], input?: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 });

describe('carerelay ask', () => {
  it('answers one message as JSON in the contract’s shape', () => {
    const r = run(['ask', '--json', 'hola']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout.trim());
    expect(Object.keys(out)).toEqual(['language', 'urgency', 'escalate', 'reason', 'sources', 'unit', 'answer']);
    expect(out).toMatchObject({ language: 'es', urgency: 'routine', escalate: false, reason: null, sources: expect.any(Array) });
    expect(out.answer).toMatch(/Hola/);
  });

  it('reads one message per line from stdin, each a fresh conversation', () => {
    const r = run(['ask', '--json'], 'hello\n\n你好\n/lang es\nhelp\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.language)).toEqual(['en', 'zh', 'es', 'en']);
  });

  it('with --conversation, the lines are one conversation: safety mode follows an alarm', () => {
    const r = run(['ask', '--json', '--conversation'], 'my dad has crushing chest pain and is sweating\nok\n');
    expect(r.status).toBe(0);
    const [alarm, after] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(alarm).toMatchObject({ urgency: 'emergency', escalate: true });
    // "ok" after an alarm is no small talk: the number again, the conversation remembered.
    expect(after.urgency).toBe('emergency');
    expect(after.answer).toMatch(/911/);
    expect(after.answer).not.toMatch(/welcome/i);
    // Without it, the same "ok" is a conversation of its own.
    const fresh = run(['ask', '--json'], 'my dad has crushing chest pain and is sweating\nok\n');
    expect(JSON.parse(fresh.stdout.trim().split('\n')[1]!).urgency).toBe('routine');
  });

  it('honours --lang and rejects an unknown one', () => {
    expect(JSON.parse(run(['ask', '--json', '--lang', 'hi', 'help']).stdout).language).toBe('hi');
    const bad = run(['ask', '--lang', 'fr', 'hi']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown language "fr"/);
  });

  it('renders --channel sms as the settings do: a Hindi answer in two segments by default, more with SMS_UNICODE_ANSWER_SEGMENTS=4', () => {
    const question = 'मुझे अपनी रिपोर्ट कब मिलेगी';
    const two = run(['ask', '--channel', 'sms', question]).stdout.trim();
    const standard = run(['ask', '--channel', 'sms', question], undefined, { SMS_UNICODE_ANSWER_SEGMENTS: '4' }).stdout.trim();
    expect(measureSms(two)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(standard.startsWith(two)).toBe(true);
    expect(measureSms(standard).segments).toBeGreaterThan(2);
  });

  it('prints plain text without --json and usage for unknown commands', () => {
    expect(run(['ask', 'hello']).stdout).toMatch(/^Hello!/);
    const unknown = run(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
  });
});
