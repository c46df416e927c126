// The layer arrows of ARCHITECTURE.md are enforced by lint; this shows a wrong import fails.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it('the renderer cannot reach Node, Electron, the database or the handlers', async () => {
    expect(await problems('renderer/src/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await problems('renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toHaveLength(1);
    expect(await problems('renderer/src/x.ts', "import { people } from '../../db/schema';\nexport const x = people;\n")).toHaveLength(1);
    expect(await problems('renderer/src/x.ts', "import { handlers } from '../../core/api/handlers';\nexport const x = handlers;\n")).toHaveLength(1);
  });

  it('the renderer may use the contract’s types and the pure domain rules', async () => {
    expect(await problems('renderer/src/x.ts', "import { contract } from '../../core/api/contract';\nimport { isValidNhsNumber } from '../../core/domain/nhsNumber';\nexport const x = [contract, isValidNhsNumber];\n")).toEqual([]);
  });

  it('core/domain stays pure, and core/db never import Electron or the UI', async () => {
    expect(await problems('core/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
    expect(await problems('core/domain/x.ts', "import { people } from '../../db/schema';\nexport const x = people;\n")).toHaveLength(1);
    expect(await problems('db/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await problems('core/api/x.ts', "import { App } from '../../renderer/src/App';\nexport const x = App;\n")).toHaveLength(1);
  });

  it('the floors run domain ← db ← api ← electron/main: db never imports the api, and Electron main reaches db only through it', async () => {
    expect(await problems('db/queries/x.ts', "import { dispatch } from '../../core/api/dispatch';\nexport const x = dispatch;\n")).toHaveLength(1);
    expect(await problems('electron/main/x.ts', "import { getSettings } from '../../db/queries/settings';\nexport const x = getSettings;\n")).toHaveLength(1);
    expect(await problems('electron/main/x.ts', "import { lock } from '../../core/api/handlers';\nexport const x = lock;\n")).toEqual([]);
  });
});
