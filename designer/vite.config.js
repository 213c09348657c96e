import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { pdfjsResources } from './vite/pdfjs-resources.js';

// The pages are served by DocBpm.Web under /designer/ (assets) — see src/DocBpm.Web/Designer/DesignerPages.cs.
export default defineConfig({
  base: '/designer/',
  plugins: [pdfjsResources()],
  build: {
    outDir: resolve(import.meta.dirname, '../src/DocBpm.Web/wwwroot/designer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        designer: resolve(import.meta.dirname, 'designer.html'),
        monitor: resolve(import.meta.dirname, 'monitor.html'),
        instance: resolve(import.meta.dirname, 'instance.html'),
        decision: resolve(import.meta.dirname, 'decision.html'),
        pdfview: resolve(import.meta.dirname, 'src/pdfview/main.js')
      },
      // The PDF preview's loader keeps one name, which the Razor pages write in their script tag; it is served with
      // "no-cache" and revalidated, while everything it loads is hashed under assets/ and cached for a year.
      output: {
        entryFileNames: chunk => chunk.name === 'pdfview' ? 'pdfview.js' : 'assets/[name]-[hash].js'
      }
    }
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['./test/setup.js'],
    // Opening a shipped diagram in a modeler takes about a second alone and over 5 s (Vitest's default limit) when the
    // two cores are shared with .NET builds; a limit is for hangs, not for a busy machine.
    testTimeout: 30000,
    // bpmn-js and diagram-js import without file extensions, which only Vite's resolver (not Node's) accepts; the
    // properties panels' "main" is a CommonJS build that Node would load (a second preact), so tests take their ES builds.
    server: { deps: { inline: true } },
    alias: [
      { find: /^bpmn-js-properties-panel$/, replacement: resolve(import.meta.dirname, 'node_modules/bpmn-js-properties-panel/dist/index.esm.js') },
      { find: /^@bpmn-io\/properties-panel$/, replacement: resolve(import.meta.dirname, 'node_modules/@bpmn-io/properties-panel/dist/index.esm.js') }
    ]
  }
});
