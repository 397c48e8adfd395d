/**
 * The kiosk's screens. The frame (top bar, content, navigation bar) hosts one screen at a time;
 * each flow is a package with a View (builds controls and binds, nothing else) and a ViewModel
 * (state as read-only properties, no controls, testable without the FX toolkit). Text comes from
 * {@link cn.egov.kiosk.ui.I18n}; look from the theme's stylesheets; background work goes through
 * {@link cn.egov.kiosk.ui.TaskRunner}, one {@link cn.egov.kiosk.ui.BackgroundTask} per kind of work,
 * so the JavaFX thread never waits on a device or the network. ViewModels are driven from the
 * JavaFX thread only ({@link cn.egov.kiosk.ui.FxThread}).
 */
package cn.egov.kiosk.ui;
