import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  // In development the API runs on its own port; the built client is served by the API server itself.
  server: { proxy: { "/graphql": `http://127.0.0.1:${process.env.PORT ?? 4000}` } },
  build: { outDir: "dist", emptyOutDir: true },
});
