// The packaged app refuses Chromium's and Node's debugging switches (electron/main/debugSwitches.ts).
import { describe, expect, it } from 'vitest';
import { debuggingSwitches } from '../../electron/main/debugSwitches';

const EXE = 'C:\\Program Files\\Peer Support Caseload\\Peer Support Caseload.exe';
const refused = (args: string[], platform: NodeJS.Platform = 'win32') => debuggingSwitches([EXE, ...args], platform);

describe('debugging switches', () => {
  it.each([
    [['--remote-debugging-port=9222'], 'remote-debugging-port'],
    [['--remote-debugging-port', '9222'], 'remote-debugging-port'],
    [['--remote-debugging-port=0'], 'remote-debugging-port'],
    [['--remote-debugging-pipe'], 'remote-debugging-pipe'],
    [['--remote-debugging-address=0.0.0.0'], 'remote-debugging-address'],
    [['--REMOTE-DEBUGGING-PORT=9222'], 'remote-debugging-port'],
    [['--Remote-Debugging-Pipe'], 'remote-debugging-pipe'],
    [['-remote-debugging-port=9222'], 'remote-debugging-port'],
    [['/remote-debugging-port=9222'], 'remote-debugging-port'],
    [['--inspect'], 'inspect'],
    [['--inspect=9229'], 'inspect'],
    [['--inspect=127.0.0.1:9229'], 'inspect'],
    [['--inspect-brk'], 'inspect-brk'],
    [['--inspect-brk=0'], 'inspect-brk'],
    [['--inspect_brk'], 'inspect-brk'],
    [['--inspect-port=9230'], 'inspect-port'],
    [['--inspect-port', '9230'], 'inspect-port'],
    [['--inspect-brk-node'], 'inspect-brk-node'],
    [['--inspect-wait'], 'inspect-wait'],
    [['--INSPECT'], 'inspect'],
    [['--debug-port=9229'], 'debug-port'],
    [['--js-flags=--allow-natives-syntax'], 'js-flags'],
    [['--js-flags', '--expose-gc'], 'js-flags'],
    [['--JS-Flags="--jitless"'], 'js-flags'],
    [['--js_flags=--expose-gc'], 'js-flags'],
    [['--lang=en-GB', '--inspect'], 'inspect'],
  ])('refuses %j', (args, name) => {
    expect(refused(args)).toEqual([name]);
  });

  it('finds each of several, by name only, never their values', () => {
    const found = refused(['--remote-debugging-port=31337', '--js-flags=secret-value', '--inspect-brk=4242']);
    expect(found).toEqual(['remote-debugging-port', 'js-flags', 'inspect-brk']);
    expect(found.join(' ')).not.toMatch(/31337|secret-value|4242/);
  });

  it.each([
    [[]],
    [['--lang=en-GB']],
    [['--disable-gpu']],
    [['--force-device-scale-factor=1.5']],
    [['C:\\Users\\sam\\Documents\\inspect.txt']],
    [['inspect']],
    [['remote-debugging-port=9222']],
    [['--']],
    [['-']],
    [['--=inspect']],
    [['--high-dpi-support=1', '--enable-logging']],
  ])('lets %j start', (args) => {
    expect(refused(args)).toEqual([]);
  });

  it('reads a leading slash as a switch only on Windows (elsewhere it is a path)', () => {
    expect(refused(['/inspect'], 'win32')).toEqual(['inspect']);
    expect(refused(['/inspect'], 'linux')).toEqual([]);
    expect(refused(['--inspect'], 'linux')).toEqual(['inspect']);
  });

  it('never reads the program itself', () => {
    expect(debuggingSwitches(['--inspect'], 'win32')).toEqual([]);
  });
});
