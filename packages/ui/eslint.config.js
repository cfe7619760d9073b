module.exports = require("@echo/eslint-config").react;
