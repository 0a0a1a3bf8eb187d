/**
 * @module
 * The pictures: three SVG charts and the regulators' page that shows them.
 */
import type { ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { registerCorridorHistorySvgRoute } from "./corridor-history-svg.ts";
import { registerGlobalHistorySvgRoute } from "./global-history-svg.ts";
import { registerQuotesSvgRoute } from "./quotes-svg.ts";
import { registerStatsPageAssets } from "../regulators/stats-page-assets.ts";
import { registerStatsPageRoute } from "../regulators/stats-page.ts";

export function registerChartRoutes(app: ApiApp<AppEnv>) {
  registerCorridorHistorySvgRoute(app);
  registerGlobalHistorySvgRoute(app);
  registerQuotesSvgRoute(app);
  registerStatsPageRoute(app);
  registerStatsPageAssets(app);
}
