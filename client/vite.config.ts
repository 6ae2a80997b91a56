import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Writes .br and .gz beside every built script, style and page, so the server (sirv) sends them
 * compressed without compressing on each request; zlib from Node, no plugin to install.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "ramme-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (directory: string): string[] =>
        readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(path.join(directory, entry.name)) : [path.join(directory, entry.name)],
        );
      for (const file of walk(outDir).filter((name) => /\.(js|css|html|svg|json)$/.test(name))) {
        const content = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  // In development the API runs on its own port; the built client is served by the API server itself.
  server: { proxy: { "/graphql": `http://127.0.0.1:${process.env.PORT ?? 4000}` } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // AG Grid in a chunk of its own, named so: only the views with a grid load it (App loads views lazily).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: "ag-grid", test: /node_modules[\\/].*ag-grid-community/ }] } } },
  },
});
