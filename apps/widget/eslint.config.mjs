import configs from "@echo/eslint-config";

export default configs.nextApp(import.meta.dirname);
