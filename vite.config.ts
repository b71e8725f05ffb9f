import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

const serverPort = Number(process.env.PORT ?? 8787)

export default defineConfig({
  root: 'client',
  plugins: [solid()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    // The meeting page's chunk (Tiptap, ProseMirror, Yjs and the meeting panels) was 589 KB
    // before gzip in December 2026, past Vite's 500 KB warning. It loads only when a meeting
    // opens, and tests/client-bundle.test.ts keeps that code out of the entry chunk.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npm run dev:client` serves the client with hot reload and forwards the API and the room
    // sockets to a server started with `npm run serve`.
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/healthz': `http://127.0.0.1:${serverPort}`,
      '/rooms': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
})
