// The runtime lists of src/generated/enums.ts: one `as const` array per string enum schema of the spec
// (`TaskType` -> `TASK_TYPES`, `LabelStatus` -> `LABEL_STATUSES`), so code that needs the values at run time
// (argument checks, CLI choices, docs) imports them instead of typing them again.

/** `LabelStatus` -> `LABEL_STATUSES`, `PCDType` -> `PCD_TYPES`, `Role` -> `ROLES`. */
export function listName(schemaName) {
  const snake = schemaName
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toUpperCase();
  return /(S|X|SH|CH)$/.test(snake) ? `${snake}ES` : `${snake}S`;
}

export function enumsModule(spec, banner) {
  const schemas = Object.entries(spec.components?.schemas ?? {}).filter(
    ([, schema]) => Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === "string"),
  );
  const names = schemas.map(([name]) => name);
  return [
    banner,
    `import type { ${names.join(", ")} } from "./models";`,
    "",
    ...schemas.flatMap(([name, schema]) => [
      `/** Every \`${name}\` of the API spec, in spec order. */`,
      `export const ${listName(name)} = ${JSON.stringify(schema.enum)} as const satisfies readonly ${name}[];`,
      "",
    ]),
  ].join("\n");
}
