// The evidence pack in docs/ cites the tests that show each control. A citation is written
//   `tests/unit/x.test.ts` › "title"
// where the title is a test's (or describe block's) own title, or its path of titles joined by
// " › " from any enclosing describe down to it ("describe › test"). This module finds every
// citation in the docs and every test title in the cited files (by parsing them with the
// TypeScript compiler, not by running them), so the pack cannot silently drift from the tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface Citation {
  doc: string;
  line: number;
  file: string;
  title: string;
}

/** One title as written: literal text, or a pattern where template holes and variables stand for any text. */
interface TitlePart {
  text: string;
  pattern: RegExp | null;
}

/** A test or describe block: its title and the titles of the describe blocks around it, outermost first. */
export type TitlePath = TitlePart[];

// A title holding a double quotation mark writes it as \" inside the citation's quotation marks.
const CITATION = /`((?:tests)\/[^`\s]+?\.(?:test|spec)\.tsx?)`\s*›\s*"((?:[^"\\\n]|\\")+)"/g;
// Any back-quoted repository path a doc names must exist (a file or a folder), cited or not.
const REPO_PATH = /`((?:tests|core|db|electron|renderer|scripts|docs)\/[A-Za-z0-9_./-]+?)`/g;
const TEST_FUNCTIONS = new Set(['test', 'it', 'describe']);
// Placeholders of test.each / it.each titles: printf-style and $name.
const EACH_PLACEHOLDER = /%[sdifjoOp#%]|\$[A-Za-z_][\w.]*/g;

export function citationsIn(doc: string, markdown: string): Citation[] {
  const found: Citation[] = [];
  markdown.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(CITATION)) {
      found.push({ doc, line: index + 1, file: match[1], title: match[2].replaceAll('\\"', '"') });
    }
  });
  return found;
}

export function repoPathsIn(markdown: string): { line: number; path: string }[] {
  const found: { line: number; path: string }[] = [];
  markdown.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(REPO_PATH)) found.push({ line: index + 1, path: match[1].replace(/\/$/, '') });
  });
  return found;
}

const LINK = /\]\(([^)\s]+)\)/g;

/** Relative Markdown links in a doc: `[text](file.md#anchor)`, `[text](#anchor)`. Web links are left alone. */
export function linksIn(markdown: string): { line: number; target: string }[] {
  const found: { line: number; target: string }[] = [];
  markdown.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(LINK)) {
      if (!/^[a-z]+:/i.test(match[1])) found.push({ line: index + 1, target: match[1] });
    }
  });
  return found;
}

/** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of markdown.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    anchors.add(
      match[1]
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  }
  return anchors;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Constants a file declares with a literal value (`const KILLS = 200;`): a title may use them. */
type Constants = Map<string, string>;

function constantsIn(file: ts.SourceFile): Constants {
  const constants: Constants = new Map();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer;
      if (!ts.isIdentifier(declaration.name) || !value) continue;
      if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) constants.set(declaration.name.text, value.text);
      if (ts.isNumericLiteral(value)) constants.set(declaration.name.text, String(Number(value.text.replaceAll('_', ''))));
    }
  }
  return constants;
}

/** Pieces of a title: literal strings, and holes (null) for anything computed. */
function pieces(node: ts.Expression, constants: Constants): (string | null)[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return pieces(node.expression, constants);
  if (ts.isIdentifier(node) && constants.has(node.text)) return [constants.get(node.text) ?? null];
  if (ts.isTemplateExpression(node)) {
    const out: (string | null)[] = [node.head.text];
    for (const span of node.templateSpans) out.push(...pieces(span.expression, constants), span.literal.text);
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [...pieces(node.left, constants), ...pieces(node.right, constants)];
  }
  return [null];
}

function titlePart(node: ts.Expression, isEach: boolean, constants: Constants): TitlePart | null {
  const parts = pieces(node, constants);
  const literal = parts.filter((p): p is string => p !== null).join('');
  // A title with no literal text at all (a variable) cannot be cited: it would match anything.
  if (literal.trim() === '') return null;
  const holes = parts.some((p) => p === null) || (isEach && EACH_PLACEHOLDER.test(literal));
  EACH_PLACEHOLDER.lastIndex = 0;
  if (!holes) return { text: literal, pattern: null };
  const source = parts
    .map((p) => (p === null ? '.+?' : isEach ? p.split(EACH_PLACEHOLDER).map(escapeRegExp).join('.+?') : escapeRegExp(p)))
    .join('');
  return { text: parts.map((p) => p ?? '${…}').join(''), pattern: new RegExp(`^${source}$`, 's') };
}

/** The names along a callee such as test.describe.serial, it.each(table) or test.skipIf(x). */
function calleeNames(callee: ts.Expression): string[] {
  if (ts.isIdentifier(callee)) return [callee.text];
  if (ts.isPropertyAccessExpression(callee)) return [...calleeNames(callee.expression), callee.name.text];
  if (ts.isCallExpression(callee)) return calleeNames(callee.expression);
  return [];
}

function isFunction(node: ts.Node): boolean {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** Every test and describe title in a test file, each with the describe titles around it. */
export function titlesIn(fileName: string, source: string): TitlePath[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const titles: TitlePath[] = [];
  // Playwright's test.extend(...) gives a test function another name: `const oldPc = test.extend(...)`.
  const testFunctions = new Set(TEST_FUNCTIONS);
  const findAliases = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(node.initializer)) {
      const names = calleeNames(node.initializer.expression);
      if (names.at(-1) === 'extend' && testFunctions.has(names[0])) testFunctions.add(node.name.text);
    }
    ts.forEachChild(node, findAliases);
  };
  findAliases(file);
  const constants = constantsIn(file);
  const visit = (node: ts.Node, around: TitlePath): void => {
    if (ts.isCallExpression(node)) {
      const names = calleeNames(node.expression);
      const [first, ...rest] = node.arguments;
      if (names.length > 0 && testFunctions.has(names[0]) && first && rest.some(isFunction)) {
        const isEach = names.includes('each') || names.includes('for');
        const part = titlePart(first, isEach, constants);
        if (part) {
          const here = [...around, part];
          titles.push(here);
          if (names.includes('describe')) {
            node.arguments.forEach((arg) => visit(arg, here));
            return;
          }
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, around));
  };
  visit(file, []);
  return titles;
}

function partMatches(part: TitlePart, cited: string): boolean {
  return part.pattern ? part.pattern.test(cited) : part.text === cited;
}

/** A cited title names a test if it is the last few titles of its path: its own, or with describes around it. */
export function titleCited(titles: TitlePath[], cited: string): boolean {
  const wanted = cited.split(' › ');
  return titles.some((titlePath) => {
    if (wanted.length > titlePath.length) return false;
    const tail = titlePath.slice(titlePath.length - wanted.length);
    return tail.every((part, i) => partMatches(part, wanted[i]));
  });
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return name.endsWith('.md') ? [full] : [];
  });
}

export interface CitationReport {
  citations: Citation[];
  problems: string[];
}

/** Checks every citation and repository path in the Markdown under docsDir against the repository at root. */
export function checkCitations(root: string, docsDir: string): CitationReport {
  const citations: Citation[] = [];
  const problems: string[] = [];
  const titleCache = new Map<string, TitlePath[]>();
  for (const doc of markdownFiles(docsDir)) {
    const relativeDoc = path.relative(root, doc);
    const markdown = readFileSync(doc, 'utf8');
    const cited = citationsIn(relativeDoc, markdown);
    const citedOn = new Set(cited.map((c) => `${c.line} ${c.file}`));
    for (const named of repoPathsIn(markdown)) {
      if (citedOn.has(`${named.line} ${named.path}`)) continue; // checked as a citation below
      if (!existsSync(path.join(root, named.path))) problems.push(`${relativeDoc}:${named.line}: ${named.path} does not exist`);
    }
    for (const link of linksIn(markdown)) {
      const [file, anchor] = link.target.split('#');
      const target = file === '' ? doc : path.resolve(path.dirname(doc), decodeURIComponent(file));
      if (!existsSync(target)) {
        problems.push(`${relativeDoc}:${link.line}: link to ${link.target}: no such file`);
      } else if (anchor && target.endsWith('.md') && !headingAnchors(readFileSync(target, 'utf8')).has(anchor)) {
        problems.push(`${relativeDoc}:${link.line}: link to ${link.target}: no such heading`);
      }
    }
    for (const citation of cited) {
      citations.push(citation);
      const where = `${relativeDoc}:${citation.line}`;
      const testFile = path.join(root, citation.file);
      if (!existsSync(testFile)) {
        problems.push(`${where}: cited file ${citation.file} does not exist`);
        continue;
      }
      let titles = titleCache.get(testFile);
      if (!titles) {
        titles = titlesIn(testFile, readFileSync(testFile, 'utf8'));
        titleCache.set(testFile, titles);
      }
      if (!titleCited(titles, citation.title)) problems.push(`${where}: no test titled "${citation.title}" in ${citation.file}`);
    }
  }
  return { citations, problems };
}
