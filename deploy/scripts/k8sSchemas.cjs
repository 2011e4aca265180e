// Turns Kubernetes' OpenAPI v2 (api/openapi-spec/swagger.json in the k8s.io/kubernetes Go
// module, fetched through the Go module proxy) into kubeconform's schema layout, because
// kubeconform's default schema source is on the internet and CI here is offline.
// One strict standalone file per kind: <kind>-<group>-<version>.json holding only the
// definitions that kind reaches. Usage: node k8sSchemas.cjs <swagger.json> <outDir>
const fs = require('node:fs');
const path = require('node:path');

const [swaggerFile, outDir] = process.argv.slice(2);
const defs = JSON.parse(fs.readFileSync(swaggerFile, 'utf8')).definitions;
const refName = (ref) => ref.replace('#/definitions/', '');

// Types the OpenAPI marks as strings but which accept numbers in YAML.
const special = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {
    oneOf: [{ type: 'string' }, { type: 'integer' }],
  },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': {
    oneOf: [{ type: 'string' }, { type: 'number' }],
  },
};

// Strict: objects with known properties reject unknown keys (catches typos like `readinesProbe`).
function strict(node) {
  if (Array.isArray(node)) return node.map(strict);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = strict(v);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  // The API server fills these; manifests may leave them out even where marked required.
  // (Draft 4 forbids an empty `required`, so drop the key rather than leave [].)
  if (out.properties?.apiVersion && out.properties?.kind && out.required) {
    out.required = out.required.filter((r) => r !== 'status');
    if (out.required.length === 0) delete out.required;
  }
  return out;
}

function reachable(root) {
  const seen = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const name = refName(node.$ref);
      if (!seen.has(name)) {
        seen.add(name);
        walk(defs[name]);
      }
    }
    Object.values(node).forEach(walk);
  };
  seen.add(root);
  walk(defs[root]);
  return seen;
}

fs.mkdirSync(outDir, { recursive: true });
let count = 0;
for (const [name, def] of Object.entries(defs)) {
  for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
    const group = gvk.group ? gvk.group.split('.')[0] + '-' : '';
    const file = `${gvk.kind.toLowerCase()}-${group}${gvk.version}.json`.toLowerCase();
    const definitions = {};
    for (const d of reachable(name)) definitions[d] = special[d] ?? strict(defs[d]);
    fs.writeFileSync(
      path.join(outDir, file),
      JSON.stringify({ $ref: `#/definitions/${name}`, definitions }),
    );
    count++;
  }
}
process.stdout.write(`${count} schemas in ${outDir}\n`);
