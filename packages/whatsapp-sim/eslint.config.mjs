import configs from "@echo/eslint-config";

export default configs.base;
