// How error messages name the value they were given.

/** A short description of a value for error messages: `null`, `5.5`, `the string "abc"`, `an array of 3 elements`,
 * `a DataView`, `an object {a, b}`. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === "number") return String(v);
  if (typeof v === "string")
    return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  if (typeof v !== "object") return `a ${typeof v}`;
  if (Array.isArray(v)) return `an array of ${v.length} elements`;
  const name = (v as object).constructor?.name;
  if (name && name !== "Object") return /^[AEIOU]/.test(name) ? `an ${name}` : `a ${name}`;
  const keys = Object.keys(v).slice(0, 5);
  return `an object {${keys.join(", ")}}`;
}
