// Builds the dashboard into web/dist: the app bundled with its npm dependencies (no CDN at run
// time), Leaflet's stylesheet and images, the country borders (world-atlas, Natural Earth 1:50m)
// and the bases of data/installations.csv as JSON. Run: npm run build (make web).
import { build } from 'esbuild';
import { parse } from 'csv-parse/sync';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: [join(here, 'src/app.js')],
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: 'es2020',
  outfile: join(dist, 'app.js'),
  logLevel: 'warning',
});

for (const file of ['index.html', 'style.css']) cpSync(join(here, file), join(dist, file));
cpSync(join(here, 'node_modules/leaflet/dist/leaflet.css'), join(dist, 'leaflet.css'));
cpSync(join(here, 'node_modules/leaflet/dist/images'), join(dist, 'images'), { recursive: true });
// The layout of the clusters, and their look (without it a cluster is a bare number on the map).
for (const css of ['MarkerCluster.css', 'MarkerCluster.Default.css']) {
  cpSync(join(here, 'node_modules/leaflet.markercluster/dist', css), join(dist, css));
}
cpSync(join(here, 'node_modules/world-atlas/countries-50m.json'), join(dist, 'countries-50m.json'));

// The bases layer: name, country and coordinates of every installation with coordinates.
const rows = parse(readFileSync(join(here, '../data/installations.csv')), { columns: true, skip_empty_lines: true });
const bases = rows
  .filter((r) => r.lat !== '' && r.lon !== '')
  .map((r) => ({ id: r.id, name: r.name, country: r.country, lat: Number(r.lat), lon: Number(r.lon) }));
writeFileSync(join(dist, 'bases.json'), JSON.stringify(bases));
console.log(`web/dist: app.js, ${bases.length} bases, country borders`);
