import { build } from 'esbuild';
const r = await build({
  stdin: { contents: process.argv[2], resolveDir: '/work/main/packages/core', loader: 'js' },
  bundle: true,
  minify: process.argv[3] === 'min',
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  metafile: true,
  logLevel: 'error',
});
console.log(r.outputFiles[0].text);
if (process.argv[4])
  for (const [f, i] of Object.entries(r.metafile.outputs['<stdout>'].inputs))
    console.log(f, i.bytesInOutput);
