/** "1 day", "5 days", "3 classes": a count with its noun, for the labels the model gives templates. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
