// The repository's ESLint rules. ESLint 10 reads flat config only, so eslint.config.js loads this file.
const { base } = require("@echo/eslint-config");

module.exports = [
  { ignores: ["**/node_modules/**", "scripts/toolchain/**", "apps/**", "packages/**"] },
  ...base,
];
