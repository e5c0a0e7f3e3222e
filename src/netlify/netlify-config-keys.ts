/**
 * The keys netlify.toml may hold. Netlify's own parser accepts unknown keys silently: `[[redirect]]` or
 * `[headers.value]` is not an error there, the rule just never applies. Checking the file against this list
 * turns such a typo into a failure that names the key.
 */

/** What a key may hold: anything (`"any"`), a table of known keys (`"*"` names any key), or an array of tables. */
export type KeySpec = "any" | { readonly [key: string]: KeySpec } | readonly [KeySpec];

const FUNCTION_SETTINGS = {
  directory: "any",
  node_bundler: "any",
  included_files: "any",
  external_node_modules: "any",
  ignored_node_modules: "any",
  schedule: "any",
} as const;

const BUILD = {
  base: "any",
  publish: "any",
  command: "any",
  functions: "any",
  edge_functions: "any",
  ignore: "any",
  environment: { "*": "any" },
  processing: "any",
} as const;

const PLUGINS: KeySpec = [{ package: "any", inputs: "any", pinned_version: "any" }];

/** netlify.toml as documented by Netlify's file-based configuration reference. */
export const NETLIFY_TOML_KEYS: KeySpec = {
  build: BUILD,
  functions: { ...FUNCTION_SETTINGS, "*": FUNCTION_SETTINGS },
  plugins: PLUGINS,
  headers: [{ for: "any", values: { "*": "any" } }],
  redirects: [{ from: "any", to: "any", status: "any", force: "any", query: "any", conditions: "any", headers: "any", signed: "any" }],
  // [context.production], [context.deploy-preview], [context."branch"]: build settings and plugins per context.
  context: { "*": { ...BUILD, plugins: PLUGINS } },
  edge_functions: [{ path: "any", function: "any", cache: "any", excludedPath: "any" }],
  dev: "any",
  images: "any",
};

const isTable = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every key of a parsed netlify.toml that the list does not allow, as a dotted path with why. */
export function unknownConfigKeys(config: unknown, spec: KeySpec = NETLIFY_TOML_KEYS, at = ""): string[] {
  if (spec === "any") return [];
  if (Array.isArray(spec)) {
    if (!Array.isArray(config)) return [`${at}: must be an array of tables ([[${at}]])`];
    return config.flatMap((item, index) => unknownConfigKeys(item, spec[0], `${at}[${index}]`));
  }
  if (!isTable(config)) return [`${at}: must be a table ([${at}])`];
  const table = spec as Record<string, KeySpec>;
  return Object.entries(config).flatMap(([key, value]) => {
    const path = at ? `${at}.${key}` : key;
    const child = table[key] ?? table["*"];
    return child === undefined ? [`${path}: not a netlify.toml key`] : unknownConfigKeys(value, child, path);
  });
}
