import type { EleventyConfig } from "../../src/eleventy/eleventy-config.ts";

/**
 * A stand-in for the part of Eleventy's config that src/eleventy/dev-rebuilds.ts uses: it records listeners, so that
 * a test fires Eleventy's watch events (and `npm start`'s) itself; `fire` resolves once every listener has.
 */
export function fakeEleventyConfig(): { config: EleventyConfig; fire: (event: string, value?: unknown) => Promise<unknown[]> } {
  const listeners = new Map<string, ((value: unknown) => unknown)[]>();
  const config = {
    on: (event: string, listener: (value: unknown) => unknown) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    setChokidarConfig: () => undefined,
  } as unknown as EleventyConfig;
  const fire = (event: string, value?: unknown) => Promise.all((listeners.get(event) ?? []).map((listener) => listener(value)));
  return { config, fire };
}
