import { build } from 'esbuild';

/**
 * Bundles tests/fixtures/react/app.js with the React and ReactDOM of node_modules (the
 * production builds, as sites ship them) into one script: no CDN, nothing committed but the
 * source. The e2e server serves it at /react-app.js.
 */
export async function reactFixtureBundle(): Promise<string> {
  const out = await build({
    entryPoints: ['tests/fixtures/react/app.js'],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild wrote no bundle');
  return file.text;
}
