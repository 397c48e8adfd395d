/**
 * Application forms (申请表单): an item's form as the catalogue describes it, filled in from the
 * citizen's card and what the platform holds, completed and checked ({@link
 * cn.egov.kiosk.form.FormState}); the result is what {@code application.ApplicationService.submit}
 * takes. Pure logic: no JavaFX, no device, no network.
 */
package cn.egov.kiosk.form;
