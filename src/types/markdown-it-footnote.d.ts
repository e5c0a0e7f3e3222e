/** markdown-it-footnote as this project uses it (its DefinitelyTyped types describe markdown-it's CommonJS build, not the ESM one imported here). */
declare module "markdown-it-footnote" {
  import type { PluginSimple } from "markdown-it";
  const footnote: PluginSimple;
  export default footnote;
}
