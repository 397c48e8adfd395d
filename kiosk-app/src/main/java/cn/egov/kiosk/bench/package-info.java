/**
 * The benchmarks: {@code ./kiosk bench [--json]} prints one figure per line (name, value, unit,
 * and where there is one the baseline measured in the same run and the ratio). Figures are
 * measured, never asserted: the issues say what to reach.
 */
package cn.egov.kiosk.bench;
