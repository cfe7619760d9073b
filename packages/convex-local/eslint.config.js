module.exports = require("@echo/eslint-config").base;
