// The repository's ESLint rules. ESLint 10 reads flat config only, so eslint.config.js loads this file.
// ESLint takes each file's config from the nearest eslint.config file above it, so `eslint .` here
// lints the root files with these rules and every package with its own config, in one process.
const { base } = require("@echo/eslint-config");

module.exports = [{ ignores: ["**/node_modules/**", "scripts/toolchain/**"] }, ...base];
