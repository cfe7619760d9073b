// Flat ESLint configs shared by every package: `base` (TypeScript/Node), `react`, `nextApp(dir)`.
const path = require("node:path");
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const reactHooks = require("eslint-plugin-react-hooks");
const nextPlugin = require("@next/eslint-plugin-next");
const prettier = require("eslint-config-prettier");
const globals = require("globals");

const ignores = {
  ignores: [
    "**/node_modules/**",
    "**/.next/**",
    "**/dist/**",
    "**/.turbo/**",
    "**/_generated/**",
    "**/.test-results/**",
    "**/next-env.d.ts",
    // Data a running stack keeps in the tree (the deployed code among it) and coverage reports.
    "**/.echo-data/**",
    "**/.convex-local/**",
    "**/coverage/**",
  ],
};

const base = [
  ignores,
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.es2024 } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["warn", { allow: ["warn", "error", "info"] }],
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: ["**/*.cjs", "**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
];

const react = [
  ...base,
  {
    files: ["**/*.{ts,tsx,jsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
];

const next = [
  ...react,
  {
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
    },
  },
];

/**
 * `next` for the Next.js app in `dir` (absolute). The Next rules look for the app's `app` and
 * `pages` folders in the directory ESLint runs in unless told where the app is, and `pnpm lint`
 * lints every package in one run from the repository root. The rule globs the path it is given,
 * so it gets the path relative to where ESLint runs: no glob characters from the clone's own path.
 */
function nextApp(dir) {
  const rootDir = path.relative(process.cwd(), dir) || ".";
  return [...next, { settings: { next: { rootDir } } }];
}

module.exports = { base, react, nextApp };
