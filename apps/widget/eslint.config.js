module.exports = require("@echo/eslint-config").next;
