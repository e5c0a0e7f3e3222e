import { HtmlValidate, Rule, StaticConfigLoader, type ConfigData, type DOMReadyEvent, type ResolvedConfig } from "html-validate";

/**
 * The W3C Nu checker's rule that html-validate lacks: a required `<select>` shown as one line must start with an
 * option whose value is empty, the "Choose ..." placeholder, or the browser would submit the first real choice.
 */
class RequiredSelectPlaceholder extends Rule {
  override documentation() {
    return { description: "A required <select> without `multiple` or a `size` above 1 must start with an option whose value is empty." };
  }

  setup() {
    this.on("dom:ready", (event: DOMReadyEvent) => {
      for (const select of event.document.querySelectorAll("select[required]")) {
        if (select.hasAttribute("multiple") || Number(select.getAttributeValue("size") ?? 1) > 1) continue;
        if (select.querySelector("option")?.getAttributeValue("value") !== "") {
          this.report(select, "a required <select> must start with an empty-valued placeholder option, as the Nu Html Checker requires");
        }
      }
    });
  }
}

/**
 * A StaticConfigLoader that resolves its configuration once. html-validate resolves it again for every document
 * (the element metadata merged and schema-checked, the rules loaded): about a third of the time a page of the site
 * takes. One configuration serves every page here, since it depends on no file name.
 */
class ResolveOnceConfigLoader extends StaticConfigLoader {
  #resolved?: ResolvedConfig | Promise<ResolvedConfig>;

  override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (configOverride) return super.getConfigFor(handle, configOverride);
    return (this.#resolved ??= super.getConfigFor(handle));
  }
}

/**
 * html-validate as the site's pages are held to it: the recommended preset, headings that never skip a level
 * (an `<h1>` followed by an `<h3>` is an error to the Nu checker), the required-select rule above, phone
 * numbers kept on one line by the "nowrap" class, and trailing spaces allowed.
 */
export function siteHtmlValidator(): HtmlValidate {
  return new HtmlValidate(
    new ResolveOnceConfigLoader({
      extends: ["html-validate:recommended"],
      plugins: [{ name: "hsg", rules: { "hsg/required-select-placeholder": RequiredSelectPlaceholder } }],
      rules: {
        "heading-level": "error",
        "hsg/required-select-placeholder": "error",
        // Phone numbers keep to one line by `white-space: nowrap` (the "nowrap" class): the site's font has no
        // non-breaking hyphen, which would be drawn in a fallback font.
        "tel-non-breaking": ["error", { ignoreClasses: ["nowrap"] }],
        // A rule of style for hand-written HTML, not of validity: the pages are generated, and spaces at the end of a
        // line of an editor's code block are the editor's text, kept by <pre> and harmless to every visitor.
        "no-trailing-whitespace": "off",
      },
    }),
  );
}
