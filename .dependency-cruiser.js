/** Boundaries between apps and libs (docs/adr/0003-module-boundaries.md). Runs in `npm test`. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'lib-public-surface-only',
      comment: 'Another lib is used through its index.ts only.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'hosts-use-lib-surface-only',
      comment: 'Apps, end-to-end tests and benchmarks use a lib through its index.ts only.',
      severity: 'error',
      from: { path: '^(apps|test|bench)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'no-own-barrel',
      comment: 'Inside a lib, import the file itself, not the lib\'s own index.ts.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
      to: { path: '^libs/$1/src/index\\.ts$' },
    },
    { name: 'libs-do-not-import-apps', severity: 'error', from: { path: '^libs/' }, to: { path: '^apps/' } },
    {
      name: 'apps-are-separate',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^\\.data/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
