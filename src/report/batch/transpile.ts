// Turn one notebook cell (TypeScript, as tslab runs it) into a function the batch engine can call:
// types stripped by TypeScript's transpileModule, top-level declarations and imports rewritten into
// assignments on a scope object shared by the cells of one notebook run (tslab's semantics: a cell
// sees what earlier cells declared), dynamic import() routed to the engine's resolver, and the
// value of a last expression statement returned (tslab prints it when it is not null/undefined).
import vm from 'node:vm';
import ts from 'typescript';

/** What a compiled cell needs at run time: the shared scope and the engine's import function. */
export interface CellRuntime {
  /** The notebook run's variables (every top-level name declared by a cell so far). */
  scope: Record<string, unknown>;
  /** Loads a module as the kernel would: a bare name from node_modules, a relative path from the notebook's folder. */
  import: (specifier: string) => Promise<Record<string, unknown>>;
}

/** A compiled cell: the names it declares at top level and the function running it. */
export interface CompiledCell {
  names: string[];
  run: (runtime: CellRuntime) => Promise<unknown>;
}

const SCOPE = '__wbkScope';
const RUNTIME = '__wbkRuntime';

/**
 * Compiles a cell's TypeScript source into a runnable function. Throws a SyntaxError naming the
 * file and line when the source does not parse.
 * @example
 * const cell = compileCell('const x: number = 1 + 1;\nx * 2', 'nb.ipynb, cell 2');
 * const scope = {};
 * await cell.run({ scope, import: (s) => import(s) }); // 4, and scope.x === 2
 */
export function compileCell(source: string, filename: string): CompiledCell {
  const output = ts.transpileModule(source, {
    fileName: 'cell.ts',
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      // Keep every import: a name imported here is often used only by later cells.
      verbatimModuleSyntax: true,
      removeComments: false,
    },
  });
  const syntax = (output.diagnostics ?? []).find((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntax) {
    const where =
      syntax.file && syntax.start !== undefined
        ? syntax.file.getLineAndCharacterOfPosition(syntax.start)
        : null;
    throw new SyntaxError(
      `${filename}${where ? `:${where.line + 1}:${where.character + 1}` : ''}: ${ts.flattenDiagnosticMessageText(syntax.messageText, '\n')}`,
    );
  }
  const { body, names } = rewriteTopLevel(output.outputText);
  // Sloppy mode on purpose: `with` makes the scope object the cells' shared top level.
  const wrapped = `(async function (${SCOPE}, ${RUNTIME}) { with (${SCOPE}) {\n${body}\n} })`;
  const fn = vm.runInThisContext(wrapped, { filename }) as (
    scope: Record<string, unknown>,
    runtime: CellRuntime,
  ) => Promise<unknown>;
  return {
    names,
    run: (runtime) => {
      for (const name of names) if (!(name in runtime.scope)) runtime.scope[name] = undefined;
      return fn(runtime.scope, runtime);
    },
  };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The cell's JavaScript with top-level declarations turned into scope assignments. */
export function rewriteTopLevel(js: string): { body: string; names: string[] } {
  const file = ts.createSourceFile('cell.js', js, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const names: string[] = [];
  const edits: Edit[] = [];
  const hoisted: string[] = [];
  const text = (node: ts.Node) => js.slice(node.getStart(file), node.getEnd());
  const importCall = `${RUNTIME}.import`;
  // Dynamic import() anywhere in the cell goes through the engine's resolver.
  const visitImports = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      edits.push({
        start: node.expression.getStart(file),
        end: node.expression.getEnd(),
        text: importCall,
      });
    }
    ts.forEachChild(node, visitImports);
  };
  const statements = file.statements;
  statements.forEach((statement, index) => {
    const start = statement.getStart(file);
    const end = statement.getEnd();
    if (ts.isImportDeclaration(statement)) {
      const from = text(statement.moduleSpecifier);
      const clause = statement.importClause;
      const parts: string[] = [];
      const mod = `__wbkModule${index}`;
      parts.push(`const ${mod} = await ${importCall}(${from});`);
      if (clause?.name) {
        names.push(clause.name.text);
        parts.push(`${clause.name.text} = ${mod}.default;`);
      }
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) {
        names.push(bindings.name.text);
        parts.push(`${bindings.name.text} = ${mod};`);
      } else if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          names.push(element.name.text);
          parts.push(`${element.name.text} = ${mod}[${JSON.stringify(imported)}];`);
        }
      }
      // A block keeps the module's temporary name out of the shared scope.
      edits.push({ start, end, text: `{ ${parts.join(' ')} }` });
      return;
    }
    if (ts.isVariableStatement(statement)) {
      const assignments = statement.declarationList.declarations.map((declaration) => {
        collectNames(declaration.name, names);
        const target = text(declaration.name);
        const value = declaration.initializer ? rewriteIn(declaration.initializer) : 'undefined';
        return ts.isIdentifier(declaration.name)
          ? `${target} = ${value};`
          : `(${target} = ${value});`;
      });
      edits.push({ start, end, text: assignments.join(' ') });
      return;
    }
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      names.push(statement.name.text);
      // Function declarations are hoisted: assign them before the cell's other statements.
      hoisted.push(`${statement.name.text} = ${rewriteIn(statement)};`);
      edits.push({ start, end, text: '' });
      return;
    }
    if (ts.isClassDeclaration(statement) && statement.name) {
      names.push(statement.name.text);
      edits.push({ start, end, text: `${statement.name.text} = ${rewriteIn(statement)};` });
      return;
    }
    if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
      edits.push({ start, end, text: '' });
      return;
    }
    if (index === statements.length - 1 && ts.isExpressionStatement(statement)) {
      edits.push({ start, end, text: `return (${rewriteIn(statement.expression)});` });
      return;
    }
    visitImports(statement);
  });

  /** The text of a node with its dynamic imports rewritten (used for nodes replaced whole). */
  function rewriteIn(node: ts.Node): string {
    const inner: Edit[] = [];
    const base = node.getStart(file);
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
        inner.push({
          start: n.expression.getStart(file) - base,
          end: n.expression.getEnd() - base,
          text: importCall,
        });
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    return applyEdits(text(node), inner);
  }

  const body = applyEdits(js, edits);
  return { body: [...hoisted, body].join('\n'), names: [...new Set(names)] };
}

function applyEdits(source: string, edits: Edit[]): string {
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

function collectNames(name: ts.BindingName, into: string[]): void {
  if (ts.isIdentifier(name)) {
    into.push(name.text);
    return;
  }
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    collectNames(element.name, into);
  }
}
