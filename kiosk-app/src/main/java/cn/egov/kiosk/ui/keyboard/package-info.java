/**
 * The kiosk's own on-screen keyboards, each fitted to its field ({@link
 * cn.egov.kiosk.ui.keyboard.KeyboardKind}): a form marks a field with {@link
 * cn.egov.kiosk.ui.keyboard.Keyboards#use} and wraps its content in a {@link
 * cn.egov.kiosk.ui.keyboard.KeyboardHost}, which docks the keyboard below the content, shows it with
 * the focused field's kind and scrolls so that the keyboard never covers that field. Nothing of the
 * operating system's or JavaFX's own virtual keyboard is used; physical keys go through the same
 * keyboard (see {@link cn.egov.kiosk.ui.keyboard.KeyboardHost}).
 */
package cn.egov.kiosk.ui.keyboard;
