import { defineConfig } from "tsup";
import { packageBuildOptions } from "../../tsup.shared.js";

export default defineConfig(packageBuildOptions(["src/index.ts", "src/testing/index.ts"]));
