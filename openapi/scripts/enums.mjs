// The runtime lists of the generated enums.ts modules: one `as const` array per string enum schema of the spec
// (`TaskType` -> `TASK_TYPES`, `LabelStatus` -> `LABEL_STATUSES`), so code that needs the values at run time
// (argument checks, CLI choices, docs, the emulator's status rules) imports them instead of typing them again.
// Shared by packages/client and packages/emulator (exported as `@segments-ts/openapi/scripts/enums.mjs`): the
// emulator must not import the client's code, but both sides generate their lists the same way from the spec.

/** `LabelStatus` -> `LABEL_STATUSES`, `PCDType` -> `PCD_TYPES`, `Role` -> `ROLES`. */
export function listName(schemaName) {
  const snake = schemaName
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toUpperCase();
  return /(S|X|SH|CH)$/.test(snake) ? `${snake}ES` : `${snake}S`;
}

/**
 * The source of an enums.ts module, one list per string enum schema in spec order. With `typesFrom` (the client's
 * "./models", where openapi-typescript declared a type per schema) each list is checked against the imported type;
 * without it the module declares each type from its list (the emulator, which generates no other types).
 */
export function enumsModule(spec, banner, { typesFrom } = {}) {
  const schemas = Object.entries(spec.components?.schemas ?? {}).filter(
    ([, schema]) => Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === "string"),
  );
  const header = typesFrom
    ? [banner, `import type { ${schemas.map(([name]) => name).join(", ")} } from "${typesFrom}";`, ""]
    : [banner];
  return [
    ...header,
    ...schemas.flatMap(([name, schema]) => {
      const list = `${listName(name)} = ${JSON.stringify(schema.enum)} as const`;
      const doc = `/** Every \`${name}\` of the API spec, in spec order. */`;
      if (typesFrom) return [doc, `export const ${list} satisfies readonly ${name}[];`, ""];
      return [
        doc,
        `export const ${list};`,
        `/** One \`${name}\` of the API spec. */`,
        `export type ${name} = (typeof ${listName(name)})[number];`,
        "",
      ];
    }),
  ].join("\n");
}
