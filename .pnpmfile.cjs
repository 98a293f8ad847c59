// pnpm hooks for this workspace.
//
// beforePacking: the `source` export condition points at src/ (TypeScript), which the workspace's own tools use
// (`--conditions=source` in tsx and vitest) and which is not in the tarball. It is removed from the published
// package.json of every package, so no consumer can resolve to a file that does not exist. The release checks
// assert on the packed manifest.
function withoutSource(conditions) {
  if (typeof conditions !== "object" || conditions === null || Array.isArray(conditions)) return conditions;
  const kept = {};
  for (const [key, value] of Object.entries(conditions)) {
    if (key !== "source") kept[key] = withoutSource(value);
  }
  return kept;
}

module.exports = {
  hooks: {
    beforePacking(pkg) {
      if (pkg.exports !== undefined) pkg.exports = withoutSource(pkg.exports);
      return pkg;
    },
  },
};
