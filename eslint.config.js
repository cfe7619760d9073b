// ESLint 10 only reads flat config from this file name; the rules live in .eslintrc.js.
module.exports = require("./.eslintrc.js");
