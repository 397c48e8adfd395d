/**
 * What the admin panels behind the staff PIN share (缴费与对账, the diagnostics, 今日概览; 终端设置 to
 * follow): {@link cn.egov.kiosk.ui.admin.AdminPanelSession}, the plumbing a panel's view model owns
 * (shown or not, the idle close, busy while staff's work runs, the question waiting for staff's
 * yes), and {@link cn.egov.kiosk.ui.admin.AdminPanelFrame}, the overlay, title, message, close button
 * and confirmation its view is built in. Depends on {@code ui} only; the panels' packages depend on it.
 */
package cn.egov.kiosk.ui.admin;
