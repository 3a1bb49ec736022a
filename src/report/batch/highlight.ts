// Syntax highlighting of TypeScript cells with pygments' class names (the CSS nbconvert puts in the
// page head styles them): TypeScript's own scanner splits the code into tokens.
import ts from 'typescript';

const DECLARATIONS = new Set([
  'let',
  'const',
  'var',
  'function',
  'class',
  'interface',
  'type',
  'enum',
]);
const RESERVED = new Set(['from', 'as', 'of']);
const CONSTANTS = new Set(['null', 'true', 'false', 'undefined', 'this']);
const WORD_OPERATORS = new Set(['typeof', 'void', 'in', 'instanceof', 'delete', 'new']);
const TYPES = new Set(['string', 'number', 'boolean', 'any', 'unknown', 'never', 'object']);

/**
 * The code as HTML spans with pygments' TypeScript classes (kd, k, nx, s1, mf, p, o, c1, w, …).
 * @example highlightTypeScript('let x = 1;') // '<span class="kd">let</span><span class="w"> </span>…'
 */
export function highlightTypeScript(code: string): string {
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    ts.LanguageVariant.Standard,
    code,
  );
  const out: { cls: string; text: string }[] = [];
  const braces: boolean[] = []; // true where a `${` of a template literal is open
  let previous = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === true)
      kind = scanner.reScanTemplateToken(false);
    else if (kind === ts.SyntaxKind.OpenBraceToken) braces.push(false);
    if (kind === ts.SyntaxKind.TemplateHead || kind === ts.SyntaxKind.TemplateMiddle)
      braces.push(true);
    if (
      (kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) &&
      !endsExpression(previous)
    )
      kind = scanner.reScanSlashToken();
    const text = scanner.getTokenText();
    const cls = classOf(kind, text, previous);
    if (kind !== ts.SyntaxKind.WhitespaceTrivia && kind !== ts.SyntaxKind.NewLineTrivia)
      previous = kind;
    // pygments merges neighbouring tokens of one kind, e.g. `});` is one punctuation span.
    const last = out[out.length - 1];
    if (cls && kind !== ts.SyntaxKind.NewLineTrivia && last?.cls === cls) last.text += text;
    else out.push({ cls: kind === ts.SyntaxKind.NewLineTrivia ? '' : cls, text });
  }
  return out
    .map(({ cls, text }) => (cls ? `<span class="${cls}">${escape(text)}</span>` : escape(text)))
    .join('');
}

/** pygments escapes &, < and > only. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function endsExpression(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.Identifier ||
    kind === ts.SyntaxKind.NumericLiteral ||
    kind === ts.SyntaxKind.StringLiteral ||
    kind === ts.SyntaxKind.CloseParenToken ||
    kind === ts.SyntaxKind.CloseBracketToken ||
    kind === ts.SyntaxKind.CloseBraceToken
  );
}

function classOf(kind: ts.SyntaxKind, text: string, previous: ts.SyntaxKind): string {
  const k = ts.SyntaxKind;
  if (kind === k.WhitespaceTrivia) return 'w';
  if (kind === k.SingleLineCommentTrivia) return 'c1';
  if (kind === k.MultiLineCommentTrivia) return 'cm';
  if (kind === k.NumericLiteral || kind === k.BigIntLiteral) return 'mf';
  if (kind === k.StringLiteral) return text.startsWith('"') ? 's2' : 's1';
  if (kind >= k.NoSubstitutionTemplateLiteral && kind <= k.TemplateTail) return 'sb';
  if (kind === k.RegularExpressionLiteral) return 'sr';
  if (kind === k.Identifier || (kind >= k.FirstKeyword && kind <= k.LastKeyword)) {
    if (previous === k.DotToken) return 'nx';
    if (DECLARATIONS.has(text)) return 'kd';
    if (RESERVED.has(text)) return 'kr';
    if (CONSTANTS.has(text)) return 'kc';
    if (WORD_OPERATORS.has(text)) return 'ow';
    if (TYPES.has(text)) return 'kt';
    return kind === k.Identifier ? 'nx' : 'k';
  }
  if (
    kind === k.OpenBraceToken ||
    kind === k.CloseBraceToken ||
    kind === k.OpenParenToken ||
    kind === k.CloseParenToken ||
    kind === k.OpenBracketToken ||
    kind === k.CloseBracketToken ||
    kind === k.SemicolonToken ||
    kind === k.CommaToken ||
    kind === k.DotToken
  )
    return 'p';
  if (kind >= k.FirstPunctuation && kind <= k.LastPunctuation) return 'o';
  return '';
}
