/**
 * The web client's GraphQL documents, read from its source as TypeScript sees them: every call of
 * the client's `graphql` (client/src/graphql.ts, gql.tada) found in the syntax tree, its fragments
 * followed through their imports by the type checker, and each document built by gql.tada's own
 * `graphql` at run time, so the result is the DocumentNode the browser holds.
 *
 * Used by scripts/persisted-operations.mjs (the trusted operations' manifest) and by the test that
 * every document is valid against the schema (tests/client/documents.test.ts).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const clientDirectory = path.join(root, "client");
const fromClient = createRequire(path.join(clientDirectory, "package.json"));
const ts = fromClient("typescript");
const { initGraphQLTada } = await import(fromClient.resolve("gql.tada"));

const graphqlModule = path.join(clientDirectory, "src", "graphql.ts");
const build = initGraphQLTada();

/** Each operation of client/src: `{ name, file, document }`, in order of file and position. */
export function clientOperations() {
  const configFile = ts.readConfigFile(path.join(clientDirectory, "tsconfig.json"), ts.sys.readFile);
  const config = ts.parseJsonConfigFileContent(configFile.config, ts.sys, clientDirectory);
  const program = ts.createProgram({
    rootNames: config.fileNames,
    // Only the client's own files: fragments are followed through its imports, and nothing else is needed.
    options: { ...config.options, noEmit: true, noResolve: true, noLib: true, types: [] },
  });
  const checker = program.getTypeChecker();
  const built = new Map();

  const declarationOf = (identifier) => {
    let symbol = checker.getSymbolAtLocation(identifier);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  };

  const isGraphqlCall = (node) =>
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    path.resolve(declarationOf(node.expression)?.getSourceFile().fileName ?? "") === graphqlModule;

  /** The document a `graphql(…)` call builds, with the fragments it names, each built once. */
  function documentOf(call) {
    if (built.has(call)) return built.get(call);
    const [source, fragments] = call.arguments;
    const where = `${path.relative(root, call.getSourceFile().fileName)}:${call.getSourceFile().getLineAndCharacterOfPosition(call.getStart()).line + 1}`;
    if (!source || !ts.isNoSubstitutionTemplateLiteral(source)) throw new Error(`${where}: a document is one template literal without \${…}`);
    const fragmentDocuments = (fragments && ts.isArrayLiteralExpression(fragments) ? fragments.elements : []).map((element) => {
      const declaration = ts.isIdentifier(element) ? declarationOf(element) : undefined;
      const initializer = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
      if (!initializer || !isGraphqlCall(initializer)) throw new Error(`${where}: ${element.getText()} is not a constant holding a graphql(…) document`);
      return documentOf(initializer);
    });
    const document = build(source.text, fragmentDocuments);
    built.set(call, document);
    return document;
  }

  const operations = [];
  const files = program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && path.resolve(file.fileName).startsWith(path.join(clientDirectory, "src") + path.sep))
    .sort((a, b) => a.fileName.localeCompare(b.fileName));
  for (const file of files) {
    const visit = (node) => {
      if (isGraphqlCall(node)) {
        const document = documentOf(node);
        const operation = document.definitions[0];
        if (operation.kind === "OperationDefinition") {
          if (!operation.name) throw new Error(`${path.relative(root, file.fileName)}: every operation needs a name`);
          operations.push({ name: operation.name.value, file: path.relative(root, file.fileName), document });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return operations;
}
