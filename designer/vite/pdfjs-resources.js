import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RESOURCE_FOLDERS, resourceFolder } from '../src/pdfview/resources.js';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

/** The version of pdfjs-dist the bundle is built with; the viewer names the same folder through PDF.js's own version. */
export const pdfjsVersion = JSON.parse(readFileSync(join(pdfjsRoot, 'package.json'), 'utf8')).version;

/** Every file PDF.js may fetch while drawing, with the name it gets in the build's output. */
function pdfjsResourceFiles(version = pdfjsVersion) {
  return RESOURCE_FOLDERS.flatMap(folder => readdirSync(join(pdfjsRoot, folder))
    .map(name => ({ fileName: `${resourceFolder(version)}${folder}/${name}`, source: join(pdfjsRoot, folder, name) })));
}

/** Vite plugin: writes those files into the build's output (src/pdfview/resources.js says why). */
export function pdfjsResources() {
  return {
    name: 'docbpm-pdfjs-resources',
    apply: 'build',
    generateBundle() {
      for (const { fileName, source } of pdfjsResourceFiles())
        this.emitFile({ type: 'asset', fileName, source: readFileSync(source) });
    }
  };
}
