/**
 * A complete `_data/site.yaml` as parsed YAML, for tests that need a valid site object (the schema's own
 * tests change one field at a time; model tests parse it as it is). A fresh object on every call.
 */
export const siteData = () => ({
  name: "Hartmann Software Group",
  shortName: "HSG",
  url: "https://www.example.com",
  tagline: "Training from engineers.",
  description: "Denver software training and consulting.",
  email: "info@example.com",
  phone: "+1 303-555-0142",
  address: { street: "1600 Stout Street", city: "Denver", region: "CO", postalCode: "80202", country: "US" },
  timeZone: "America/Denver",
  navigation: [{ label: "Articles", url: "/articles/" }],
  fewSeatsLeft: 2,
  didYouKnow: ["A fact."],
});
