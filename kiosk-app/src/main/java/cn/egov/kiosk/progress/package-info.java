/**
 * 办件进度: where a citizen's applications stand, found by the citizen (their ID number, after the
 * ID card or the province app's code) or by the query code of an acceptance receipt. The platform
 * answers through {@link cn.egov.kiosk.progress.ProgressSource} (implemented in {@code sync}); the
 * applications this kiosk holds and the platform does not (saved while it was away, or refused by
 * it) come from {@link cn.egov.kiosk.progress.HeldApplications}, so that a citizen is never told
 * "not found" for an application this kiosk has. {@link cn.egov.kiosk.progress.ProgressService}
 * puts the two together. No JavaFX; blocks on the network and the store.
 */
package cn.egov.kiosk.progress;
