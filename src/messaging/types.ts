/** Data shapes shared by several contexts (types only; no runtime code). */

/** What the background knows about a tab's page. */
export interface TabReading {
  tabId: number;
  /** Page URL of the frame that reported (top frame or the chart's iframe). */
  frameUrl: string;
  /** Wall-clock ms when the background received the report. */
  at: number;
}
