import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseToml } from "@iarna/toml";
import { resolveConfig } from "@netlify/config";
import { describe, expect, it } from "vitest";
import { deployBaseUrl } from "../../src/netlify/deploy-url.ts";
import { unknownConfigKeys } from "../../src/netlify/netlify-config-keys.ts";
import { REPO_ROOT } from "../support/build-site.ts";

/** The part of @netlify/config's answer these tests read. */
interface Resolved {
  config: {
    build: { command?: string; publish?: string };
    functions?: Record<string, { schedule?: string }>;
    functionsDirectory?: string;
    plugins: { package: string; inputs?: Record<string, unknown> }[];
    headers: unknown[];
  };
  logs: { stdout: string[]; stderr: string[] };
}

/** netlify.toml as Netlify's build reads it for one context (offline: no API, no site settings). */
async function resolve(configFile: string, context: string): Promise<Resolved> {
  const root = path.dirname(configFile);
  return (await resolveConfig({ config: configFile, repositoryRoot: root, cwd: root, offline: true, context, branch: "main", buffer: true })) as Resolved;
}

const CONTEXTS = ["production", "deploy-preview", "branch-deploy"] as const;
const CONFIG_FILE = path.join(REPO_ROOT, "netlify.toml");

describe("netlify.toml as @netlify/config resolves it", () => {
  it.each(CONTEXTS)("resolves for %s with no error and no warning", async (context) => {
    const { config, logs } = await resolve(CONFIG_FILE, context);
    expect(logs.stderr).toEqual([]);
    expect(logs.stdout).toEqual([]);
    expect(config.build.command).toBe("npm run build");
    expect(config.build.publish).toBe(path.join(REPO_ROOT, "_site"));
  });

  it("builds on Node 24 or later, a version package.json's engines allow", () => {
    const toml = parseToml(readFileSync(CONFIG_FILE, "utf8")) as { build: { environment: { NODE_VERSION: string } } };
    const major = Number(/^(\d+)/.exec(toml.build.environment.NODE_VERSION)?.[1]);
    // Node 24 is an LTS line maintained until April 2028; 20 left maintenance in April 2026.
    expect(major).toBeGreaterThanOrEqual(24);
    const engines = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;
    const minimum = Number(/^>=(\d+)/.exec(engines)?.[1]);
    expect(minimum).toBeLessThanOrEqual(major);
  });

  it("holds only keys Netlify knows", () => {
    expect(unknownConfigKeys(parseToml(readFileSync(CONFIG_FILE, "utf8")))).toEqual([]);
  });

  it.each(CONTEXTS)("resolves every scheduled function to a module in the functions folder (%s)", async (context) => {
    const { config } = await resolve(CONFIG_FILE, context);
    const scheduled = Object.entries(config.functions ?? {}).filter(([name, settings]) => name !== "*" && settings.schedule !== undefined);
    for (const [name, settings] of scheduled) {
      expect(settings.schedule, name).toMatch(/^(@(hourly|daily|weekly|monthly|yearly|annually)|(\S+\s+){4}\S+)$/);
      const folder = config.functionsDirectory ?? path.join(REPO_ROOT, "netlify/functions");
      const modules = [".ts", ".mts", ".js", ".mjs"].flatMap((extension) => [path.join(folder, `${name}${extension}`), path.join(folder, name, `${name}${extension}`), path.join(folder, name, `index${extension}`)]);
      expect(modules.some((file) => existsSync(file)), `${name}: no module in ${folder}`).toBe(true);
    }
  });

  it.each(CONTEXTS)("resolves every build plugin to a local plugin with a manifest or an installed package (%s)", async (context) => {
    const { config } = await resolve(CONFIG_FILE, context);
    const dependencies = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { dependencies?: object; devDependencies?: object };
    const installed = new Set([...Object.keys(dependencies.dependencies ?? {}), ...Object.keys(dependencies.devDependencies ?? {})]);
    for (const plugin of config.plugins) {
      if (plugin.package.startsWith(".")) expect(existsSync(path.join(REPO_ROOT, plugin.package, "manifest.yml")), plugin.package).toBe(true);
      else expect(installed.has(plugin.package), plugin.package).toBe(true);
    }
  });
});

describe("the allowlist of netlify.toml keys", () => {
  const badFile = path.join(REPO_ROOT, "tests/netlify/fixtures/bad-netlify.toml");

  it("catches typos that Netlify's own parser accepts without a word", async () => {
    const { config, logs } = await resolve(badFile, "production");
    // Netlify takes the file: no error, no warning, and the misspelt header rule is simply gone.
    expect(logs.stderr).toEqual([]);
    expect(config.headers).toEqual([]);
    expect(unknownConfigKeys(parseToml(readFileSync(badFile, "utf8")))).toEqual([
      "build.comand: not a netlify.toml key",
      "redirect: not a netlify.toml key",
      "headers[0].value: not a netlify.toml key",
      "context.deploy-preview.enviroment: not a netlify.toml key",
    ]);
  });
});

describe("deployBaseUrl", () => {
  const site = "https://www.example.com";

  it("keeps the site's address in production and locally", () => {
    expect(deployBaseUrl(site, { CONTEXT: "production", DEPLOY_PRIME_URL: "https://main--x.netlify.app" })).toBe(site);
    expect(deployBaseUrl(site, {})).toBe(site);
  });

  it.each(["deploy-preview", "branch-deploy"])("uses the deploy's own address in %s", (context) => {
    expect(deployBaseUrl(site, { CONTEXT: context, DEPLOY_PRIME_URL: "https://deploy-preview-42--x.netlify.app/" })).toBe("https://deploy-preview-42--x.netlify.app");
  });
});
