/**
 * RPW rows in the current 42-column layout, made up for the chart tests (workerd and browser):
 * only the columns the import reads are filled.
 */
export const RPW_HEADER =
  "id,period,source_code,source_name,source_region,source_income,source_lending,source_G8G20,destination_code,destination_name,destination_region,destination_income,destination_lending,destination_G8G20,firm,firm_type,payment instrument,access point,speed actual,cc1 lcu amount,cc1 denomination amount,cc1 lcu code,cc1 lcu fee,cc1 lcu fx rate,cc1 fx margin,cc1 total cost %,cc2 lcu amount,cc2 denomination amount,cc2 lcu code,cc2 lcu fee,cc2 lcu fx rate,cc2 fx margin,cc2 total cost %,inter lcu bank fx,transparent,Standard Note,note2,receiving network coverage,pickup location,pickup method,date,corridor";

let id = 0;

/** One transparent, next-day service of `from`→`to` in `period` (RPW's `2019_4Q`), costing `cc1` % and `cc2` %. */
export function rpwRow(period: string, from: string, to: string, firm: string, cc1: string, cc2 = cc1): string {
  const v: Record<string, string> = {
    id: `${++id}`, period, source_code: from, destination_code: to, firm, firm_type: "Money Transfer Operator", "speed actual": "Next day",
    "cc1 lcu amount": "180", "cc1 lcu code": "EUR", "cc1 lcu fee": "1", "cc1 lcu fx rate": "1", "cc1 fx margin": "0.00", "cc1 total cost %": cc1,
    "cc2 lcu amount": "450", "cc2 lcu code": "EUR", "cc2 lcu fee": "1", "cc2 lcu fx rate": "1", "cc2 fx margin": "0.00", "cc2 total cost %": cc2,
    "inter lcu bank fx": "1", transparent: "Yes",
  };
  return RPW_HEADER.split(",").map((name) => v[name] ?? "").join(",");
}
