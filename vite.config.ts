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
    // The meeting page's chunk (Tiptap, ProseMirror, Yjs) is about 540 KB before gzip and is
    // loaded only when a meeting opens; the entry chunk stays small.
    chunkSizeWarningLimit: 600,
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
